#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roster {

/// Output formats. Not every command offers every one.
enum class Format { table, tsv, csv, json, jsonl, markdown, html, text, chat };

/// "table" -> Format::table, …; nullopt for an unknown name.
std::optional<Format> parse_format(std::string_view name);
std::string format_name(Format format);

/// How output should look, decided once by the command layer.
struct RenderOptions {
  bool color = false;  ///< ANSI styling (only on a terminal, never with NO_COLOR)
  bool bom = false;    ///< start CSV with a UTF-8 byte-order mark for spreadsheets
  /// Aligned output drawn with ASCII only (--ascii, ROSTER_ASCII=1): for
  /// terminals that draw East Asian ambiguous-width characters (█ │ — …) wide.
  bool ascii = false;
};

}  // namespace roster
