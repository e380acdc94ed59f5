#include "roster/format.h"

namespace roster {

std::optional<Format> parse_format(std::string_view name) {
  for (Format f : {Format::table, Format::tsv, Format::csv, Format::json, Format::jsonl, Format::markdown, Format::html,
                   Format::text, Format::chat}) {
    if (format_name(f) == name) return f;
  }
  return std::nullopt;
}

std::string format_name(Format format) {
  switch (format) {
    case Format::table:
      return "table";
    case Format::tsv:
      return "tsv";
    case Format::csv:
      return "csv";
    case Format::json:
      return "json";
    case Format::jsonl:
      return "jsonl";
    case Format::markdown:
      return "markdown";
    case Format::html:
      return "html";
    case Format::text:
      return "text";
    case Format::chat:
      return "chat";
  }
  return "?";
}

}  // namespace roster
