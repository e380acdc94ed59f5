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
/// Before copying, the first bytes are looked at: a spreadsheet workbook
/// (zip or OLE2) is refused with workbook_refusal, and UTF-16 text (by its
/// byte-order mark or its NUL bytes), unless `encoding` is a UTF-16 one, with
/// the --encoding that reads it.
void copy_as_utf8(std::istream& in, std::ostream& out, const std::string& encoding, const std::string& label,
                  size_t max_line = 0);

/// "LABEL: the file is an Excel or WPS workbook, not text; save it as CSV
/// (另存为 CSV UTF-8) …": for a workbook found by its name or its bytes.
std::string workbook_refusal(const std::string& label);

}  // namespace roster
