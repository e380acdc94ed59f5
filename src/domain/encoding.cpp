#include "roster/encoding.h"

#include <fmt/core.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/input_limits.h"
#include "roster/text.h"

namespace roster {
namespace {

constexpr size_t kBlock = 1 << 16;

std::string lower(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  return name;
}

bool is_utf8_name(const std::string& name) {
  std::string n = lower(name);
  return n.empty() || n == "utf-8" || n == "utf8";
}

// An encoding whose text is full of NUL bytes by design.
bool is_wide_name(const std::string& name) {
  std::string n = lower(name);
  for (const char* prefix : {"utf-16", "utf16", "utf-32", "utf32", "ucs-2", "ucs2", "ucs-4", "ucs4", "unicode"}) {
    if (n.starts_with(prefix)) return true;
  }
  return false;
}

// Refuses, from the first bytes of the input, what is no text at all (a
// spreadsheet workbook) or text in UTF-16 while another encoding was named:
// read as UTF-8 or GB18030, either one gives misleading errors later on.
void sniff(std::string_view head, const std::string& encoding, const std::string& label) {
  if (head.starts_with("PK\x03\x04") || head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    throw Error(workbook_refusal(label));  // zip (.xlsx, .et) or OLE2 (.xls, older .et)
  }
  if (is_wide_name(encoding) || head.size() < 2) return;
  std::string suggested;
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    suggested = "utf-16";  // iconv reads the byte-order mark
  } else {
    // No byte-order mark: ASCII characters (commas, digits, line ends) put
    // their NUL byte on one side; a few CJK ones (U+4E00) on the other.
    size_t even = 0, odd = 0;
    for (size_t i = 0; i < head.size(); ++i) {
      if (head[i] == '\0') ++(i % 2 ? odd : even);
    }
    if (odd >= 2 && odd >= 3 * even) suggested = "utf-16";  // little-endian, which iconv's utf-16 assumes
    if (even >= 2 && even >= 3 * odd) suggested = "utf-16be";
  }
  if (!suggested.empty()) {
    throw Error(trf("{0}: the file is UTF-16; save it as UTF-8 (CSV UTF-8) or add --encoding {1}", label, suggested));
  }
}

// Writes UTF-8 to `out` block by block, counting lines, and refuses a line
// longer than `max_line` bytes (0: any length) as soon as it is seen, so
// memory stays flat whatever the input.
class LineCounter {
 public:
  LineCounter(std::ostream& out, const std::string& label, size_t max_line)
      : out_(out), label_(label), max_line_(max_line) {}

  void write(const char* data, size_t size) {
    for (const char* p = data; p < data + size;) {
      const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(data + size - p)));
      size_t length = static_cast<size_t>((newline ? newline : data + size) - p);
      if (max_line_ && line_length_ + length > max_line_) {
        throw Error(record_too_long(label_, line_, tr("a line")));
      }
      if (!newline) {
        line_length_ += length;
        break;
      }
      ++line_;
      line_length_ = 0;
      p = newline + 1;
    }
    out_.write(data, static_cast<std::streamsize>(size));
  }
  // The line the next byte is on (1-based).
  size_t line() const { return line_; }

 private:
  std::ostream& out_;
  const std::string& label_;
  size_t max_line_;
  size_t line_ = 1, line_length_ = 0;
};

// How many bytes the UTF-8 sequence that starts with `lead` takes (1 for a
// byte that cannot start one: the check then refuses it).
size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// UTF-8 block by block: the bytes of a character cut by the block's end wait
// for the next block; the error names the line of the first bad byte.
void copy_checked_utf8(std::istream& in, LineCounter& out, const std::string& label) {
  bool first = true;
  std::vector<char> block(kBlock + 4);
  size_t pending = 0;
  auto not_utf8 = [&](size_t line) {
    return Error(
        trf("{0}:{1}: the file is not UTF-8; if a Chinese spreadsheet program saved it, add --encoding gb18030", label,
            line));
  };
  while (true) {
    in.read(block.data() + pending, kBlock);
    size_t size = pending + static_cast<size_t>(in.gcount());
    if (std::exchange(first, false)) sniff(std::string_view(block.data(), size), "utf-8", label);
    bool end = in.gcount() == 0 || in.eof();
    // Keep back an incomplete last character, unless the input ends here.
    size_t whole = size;
    if (!end) {
      for (size_t back = 1; back <= 3 && back <= size; ++back) {
        auto byte = static_cast<unsigned char>(block[size - back]);
        if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: look further back
        if (byte >= 0xC0 && sequence_length(byte) > back) whole = size - back;
        break;
      }
    }
    std::string_view text(block.data(), whole);
    if (!is_valid_utf8(text)) {
      // Name the line: the longest valid prefix ends where the bad byte is.
      size_t good = 0;
      while (good < text.size()) {
        size_t n = std::min(sequence_length(static_cast<unsigned char>(text[good])), text.size() - good);
        if (!is_valid_utf8(text.substr(good, n))) break;
        good += n;
      }
      out.write(text.data(), good);
      throw not_utf8(out.line());
    }
    out.write(text.data(), text.size());
    pending = size - whole;
    std::copy(block.data() + whole, block.data() + size, block.data());
    if (end) break;
  }
}

}  // namespace

std::string workbook_refusal(const std::string& label) {
  return trf(
      "{0}: the file is an Excel or WPS workbook, not text; save it as CSV (另存为 CSV UTF-8) and import "
      "that file",
      label);
}

void copy_as_utf8(std::istream& in, std::ostream& out, const std::string& encoding, const std::string& label,
                  size_t max_line) {
  LineCounter lines(out, label, max_line);
  if (is_utf8_name(encoding)) return copy_checked_utf8(in, lines, label);
  iconv_t cd = iconv_open("UTF-8", encoding.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    throw usage_error(trf("unknown --encoding '{0}'; use utf-8, gb18030 or gbk", encoding));
  }
  struct Closer {
    iconv_t cd;
    ~Closer() { iconv_close(cd); }
  } closer{cd};
  std::vector<char> input(kBlock), output(4 * kBlock);
  size_t pending = 0;
  bool first = true;
  while (true) {
    in.read(input.data() + pending, static_cast<std::streamsize>(input.size() - pending));
    size_t available = pending + static_cast<size_t>(in.gcount());
    if (std::exchange(first, false)) sniff(std::string_view(input.data(), available), encoding, label);
    if (available == 0) break;
    char* src = input.data();
    size_t src_left = available;
    char* dst = output.data();
    size_t dst_left = output.size();
    size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
    int err = errno;
    // Lines are counted in the UTF-8 written so far: in UTF-16 a 0x0A byte
    // may be half of another character.
    lines.write(output.data(), output.size() - dst_left);
    if (rc == static_cast<size_t>(-1) && err == EILSEQ) {
      throw Error(trf("{0}:{1}: the file is not valid {2}; check --encoding", label, lines.line(), encoding));
    }
    // EINVAL: a character cut by the buffer edge; keep its bytes for the next read.
    std::copy(src, src + src_left, input.data());
    pending = src_left;
    if (in.eof()) {
      if (pending) {
        throw Error(trf("{0}:{1}: the file ends inside a character; check --encoding", label, lines.line()));
      }
      break;
    }
  }
}

}  // namespace roster
