#pragma once

#include <filesystem>
#include <istream>
#include <string>

namespace roster {

/// Copies `in` to `out` as UTF-8, converting from `encoding` ("utf-8",
/// "gb18030", "gbk", any name iconv knows) with glibc's iconv, in blocks, so
/// memory stays flat. Throws an Error naming `label` and the line of the
/// first byte that is not valid in that encoding (for UTF-8 input the error
/// suggests --encoding gb18030), and, when `max_line` is not 0, of the first
/// line longer than `max_line` bytes, as soon as it is seen.
void copy_as_utf8(std::istream& in, std::ostream& out, const std::string& encoding, const std::string& label,
                  size_t max_line = 0);

}  // namespace roster
