// CSV and TSV import: CsvReader's record splitting, then the member-row reader
// on top of it. roster::Error is the expected answer to bad bytes; any other
// exception, a crash or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "roster/csv.h"
#include "roster/error.h"
#include "roster/import_reader.h"

namespace {

// Every record of `text`; false if the reader refused it with roster::Error.
bool read_records(const std::string& text, char delimiter, bool quotes, std::vector<std::vector<std::string>>& out) {
  std::istringstream in(text);
  roster::CsvReader reader(in, "fuzz.csv", delimiter, quotes);
  roster::CsvRecord record;
  size_t last_line = 0;
  try {
    while (reader.next(record)) {
      FUZZ_CHECK(record.line > last_line);  // each record starts on a later line
      FUZZ_CHECK(!record.fields.empty());
      last_line = record.line;
      out.push_back(record.fields);
    }
  } catch (const roster::Error&) {
    FUZZ_CHECK(quotes);  // only an unclosed quote is an error, and TSV has no quotes
    return false;
  }
  return true;
}

// What `roster export -f csv` writes for these records: BOM, escaped and
// quoted cells, CRLF.
std::string write_csv(const std::vector<std::vector<std::string>>& records) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& fields : records) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) out += ',';
      out += roster::csv_quote(roster::spreadsheet_escape(fields[i]));
    }
    out += "\r\n";
  }
  return out;
}

void read_members(roster::ImportFormat format, const std::string& text, bool ignore_unknown) {
  std::istringstream in(text);
  roster::ColumnMapping mapping;
  mapping.ignore_unknown = ignore_unknown;
  try {
    auto reader = roster::make_member_reader(format, in, "fuzz", mapping);
    roster::ImportRow row;
    size_t record = 0;
    while (reader->next(row)) {
      FUZZ_CHECK(row.line > 0);
      // One row, one record: a row without an id is its own member.
      FUZZ_CHECK(row.record == ++record);
    }
  } catch (const roster::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);

  std::vector<std::vector<std::string>> records;
  if (read_records(text, ',', true, records) && !records.empty()) {
    // Property: what roster writes, it reads back unchanged.
    std::vector<std::vector<std::string>> again;
    FUZZ_CHECK(read_records(write_csv(records), ',', true, again));
    for (auto& fields : again) {
      for (auto& f : fields) f = roster::spreadsheet_unescape(f);
    }
    FUZZ_CHECK(again == records);
  }
  std::vector<std::vector<std::string>> tsv;
  read_records(text, '\t', false, tsv);

  for (bool ignore_unknown : {false, true}) {
    read_members(roster::ImportFormat::csv, text, ignore_unknown);
    read_members(roster::ImportFormat::tsv, text, ignore_unknown);
  }
  return 0;
}
