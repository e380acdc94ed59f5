#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roster {

/// Output formats. Not every command offers every one.
enum class Format { table, tsv, csv, json, jsonl, markdown, html, text };

/// "table" -> Format::table, …; nullopt for an unknown name.
std::optional<Format> parse_format(std::string_view name);
std::string format_name(Format format);

/// How output should look, decided once by the command layer.
struct RenderOptions {
  bool color = false;  ///< ANSI styling (only on a terminal, never with NO_COLOR)
  bool bom = false;    ///< start CSV with a UTF-8 byte-order mark for spreadsheets
};

}  // namespace roster
