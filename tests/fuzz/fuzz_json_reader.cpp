// JSON and JSON Lines import: a JSON array of members (`roster export -f json`)
// and one member object per line (`-f jsonl`). roster::Error is the expected
// answer to bad bytes; any other exception, a crash or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_check.h"
#include "roster/error.h"
#include "roster/member_import.h"

namespace {

void read_members(roster::ImportFormat format, const std::string& text, bool ignore_unknown) {
  std::istringstream in(text);
  roster::ColumnMapping mapping;
  mapping.ignore_unknown = ignore_unknown;
  try {
    auto reader = roster::make_member_reader(format, in, "fuzz", mapping);
    FUZZ_CHECK(reader != nullptr);
    roster::ImportRow row;
    size_t last_line = 0;
    while (reader->next(row)) {
      FUZZ_CHECK(row.line > 0);
      // JSON Lines: a member's periods share its line; later members come later.
      if (format == roster::ImportFormat::jsonl) FUZZ_CHECK(row.line >= last_line);
      last_line = row.line;
    }
  } catch (const roster::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (bool ignore_unknown : {false, true}) {
    read_members(roster::ImportFormat::json, text, ignore_unknown);
    read_members(roster::ImportFormat::jsonl, text, ignore_unknown);
  }
  return 0;
}
