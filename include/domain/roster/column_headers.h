#pragma once

#include <string>
#include <vector>

namespace roster {

/// The header row list and export write over csv and tsv (--headers en|zh).
/// Only the header changes: cells keep their codes and ISO dates either way.
enum class HeaderLanguage { english, chinese };

/// The Chinese header of one of roster's columns ("joined" -> "入会日期"),
/// the one import maps back to that column; `column` itself when the column
/// has none. The table lives beside import's aliases, so the two cannot drift.
std::string chinese_header(const std::string& column);

/// The header row for `columns` (roster's column names) in `language`.
std::vector<std::string> header_row(const std::vector<std::string>& columns, HeaderLanguage language);

/// The header language `--headers NAME` (en or zh) asks for, for output in
/// the format named `format`. Throws a usage error for zh with any format but
/// csv and tsv, the ones with a header row, before anything is opened.
HeaderLanguage header_language_for(const std::string& name, const std::string& format);

}  // namespace roster
