#include "roster/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <vector>

#include <fmt/core.h>

#include "roster/error.h"
#include "roster/text.h"

namespace roster {
namespace {

bool is_utf8_name(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  return name.empty() || name == "utf-8" || name == "utf8";
}

// UTF-8 line by line, so the error can name the first bad line.
void copy_checked_utf8(std::istream& in, std::ostream& out, const std::string& label) {
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (!is_valid_utf8(line)) {
      throw Error(fmt::format("{}:{}: the file is not UTF-8; if a Chinese spreadsheet program saved it, add "
                              "--encoding gb18030",
                              label, number));
    }
    out << line;
    if (!in.eof()) out << '\n';
  }
}

}  // namespace

void copy_as_utf8(std::istream& in, std::ostream& out, const std::string& encoding, const std::string& label) {
  if (is_utf8_name(encoding)) return copy_checked_utf8(in, out, label);
  iconv_t cd = iconv_open("UTF-8", encoding.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    throw usage_error(fmt::format("unknown --encoding '{}'; use utf-8, gb18030 or gbk", encoding));
  }
  std::vector<char> input(1 << 16), output(1 << 18);
  size_t pending = 0, line = 1;
  while (true) {
    in.read(input.data() + pending, static_cast<std::streamsize>(input.size() - pending));
    size_t available = pending + static_cast<size_t>(in.gcount());
    if (available == 0) break;
    char* src = input.data();
    size_t src_left = available;
    char* dst = output.data();
    size_t dst_left = output.size();
    size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
    int err = errno;
    out.write(output.data(), static_cast<std::streamsize>(output.size() - dst_left));
    line += static_cast<size_t>(std::count(input.data(), src, '\n'));
    if (rc == static_cast<size_t>(-1) && err == EILSEQ) {
      iconv_close(cd);
      throw Error(fmt::format("{}:{}: the file is not valid {}; check --encoding", label, line, encoding));
    }
    // EINVAL: a character cut by the buffer edge; keep its bytes for the next read.
    std::copy(src, src + src_left, input.data());
    pending = src_left;
    if (in.eof()) {
      if (pending) {
        iconv_close(cd);
        throw Error(fmt::format("{}:{}: the file ends inside a character; check --encoding", label, line));
      }
      break;
    }
  }
  iconv_close(cd);
}

}  // namespace roster
