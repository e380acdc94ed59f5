#pragma once

#include <filesystem>
#include <istream>
#include <string>

namespace roster {

/// Copies `in` to `out` as UTF-8, converting from `encoding` ("utf-8",
/// "gb18030", "gbk", any name iconv knows) with glibc's iconv. Throws an
/// Error naming `label` and the line of the first byte that is not valid in
/// that encoding; for UTF-8 input the error suggests --encoding gb18030.
void copy_as_utf8(std::istream& in, std::ostream& out, const std::string& encoding, const std::string& label);

}  // namespace roster
