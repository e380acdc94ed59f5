// JSON and JSON Lines import: a JSON array of members (`roster export -f json`)
// and one member object per line (`-f jsonl`). roster::Error is the expected
// answer to bad bytes; any other exception, a crash or a sanitizer report is a
// bug. When the reader accepts a file, the file is parsed again here as a whole
// document with nlohmann-json, and these properties must hold:
// - types: every value roster keeps has the type its column takes (a wrong
//   type is refused with roster::Error, never stored as text), and each row
//   holds exactly the object's strings;
// - grouping: one object is one member. The members the rows make (distinct
//   ids, plus distinct records of rows without one) are as many as the
//   objects without an id plus the distinct ids, and the rows of one object
//   are consecutive and share its record, whatever the lines.
#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "roster/error.h"
#include "roster/import_reader.h"
#include "roster/text.h"

namespace {

using nlohmann::json;

// The documents of `text` as nlohmann reads them on its own: the array's
// elements, or each non-blank line's value. False if it cannot.
bool documents(roster::ImportFormat format, const std::string& text, std::vector<json>& out) {
  if (format == roster::ImportFormat::json) {
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_array()) return false;
    for (auto& element : doc) out.push_back(element);
    return true;
  }
  std::istringstream in(text);
  std::string line;
  for (bool first = true; std::getline(in, line); first = false) {
    if (first && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json doc = json::parse(line, nullptr, false);
    if (doc.is_discarded()) return false;
    out.push_back(doc);
  }
  return true;
}

// The roster column a top-level key fills, or "" for a key read past.
std::string column_of(const std::string& key, const roster::ColumnMapping& mapping) {
  if (key == "periods") return "periods";
  if (key == "primary_sector" || mapping.ignores(key)) return "";
  std::string column = mapping.column_for(key);
  return column == "status" ? "" : column;
}

bool text_or_null(const json& v) {
  return v.is_string() || v.is_null();
}
std::string text_of(const json& v) {
  return v.is_string() ? v.get<std::string>() : "";
}

// What one accepted object must look like, and the member key it groups by
// ("" for none).
void check_object(const json& object, const roster::ColumnMapping& mapping, std::map<std::string, std::string>& texts,
                  std::string& id, size_t& periods) {
  FUZZ_CHECK(object.is_object());
  periods = 0;
  for (const auto& [key, value] : object.items()) {
    std::string column = column_of(key, mapping);
    if (column.empty()) continue;
    if (column == "periods") {
      FUZZ_CHECK(value.is_null() || value.is_array());
      if (value.is_null()) continue;
      periods = value.size();
      for (const auto& period : value) {
        FUZZ_CHECK(period.is_object());
        for (const auto& [pkey, pvalue] : period.items()) {
          if (mapping.ignores(pkey) || mapping.column_for(pkey).empty()) continue;
          std::string pcolumn = mapping.column_for(pkey);
          FUZZ_CHECK(pcolumn == "joined" || pcolumn == "left" || pcolumn == "reason");
          FUZZ_CHECK(text_or_null(pvalue));
        }
      }
    } else if (column == "id") {
      FUZZ_CHECK(text_or_null(value) || value.is_number_integer());
      id = value.is_number_integer() ? value.dump() : roster::trim(text_of(value));
    } else if (column == "sectors") {
      FUZZ_CHECK(text_or_null(value) || value.is_array());
      if (value.is_array()) {
        for (const auto& sector : value) FUZZ_CHECK(sector.is_string());
      }
    } else {
      FUZZ_CHECK(text_or_null(value));
      texts[column] = text_of(value);
    }
  }
}

void read_members(roster::ImportFormat format, const std::string& text, bool ignore_unknown) {
  std::istringstream in(text);
  roster::ColumnMapping mapping;
  mapping.ignore_unknown = ignore_unknown;
  std::vector<roster::ImportRow> rows;
  try {
    auto reader = roster::make_member_reader(format, in, "fuzz", mapping);
    FUZZ_CHECK(reader != nullptr);
    roster::ImportRow row;
    while (reader->next(row)) rows.push_back(row);
  } catch (const roster::Error&) {
    return;
  }

  // Accepted: nlohmann reads the same objects.
  std::vector<json> objects;
  FUZZ_CHECK(documents(format, text, objects));
  std::set<std::string> ids;
  size_t without_id = 0, next = 0;
  for (size_t record = 1; record <= objects.size(); ++record) {
    std::map<std::string, std::string> texts;
    std::string id;
    size_t periods = 0;
    check_object(objects[record - 1], mapping, texts, id, periods);
    if (id.empty())
      ++without_id;
    else
      ids.insert(id);
    // Its rows come next, one per period (at least one), all of this record.
    for (size_t i = 0; i < std::max<size_t>(periods, 1); ++i, ++next) {
      FUZZ_CHECK(next < rows.size());
      const auto& row = rows[next];
      FUZZ_CHECK(row.record == record);
      FUZZ_CHECK(row.line > 0);
      FUZZ_CHECK(row.group == id);
      const roster::MemberDraft& d = row.draft;
      for (const auto& [column, value] : std::map<std::string, std::string>{{"name", d.name},
                                                                            {"uscc", d.uscc},
                                                                            {"tier", d.tier},
                                                                            {"city", d.city},
                                                                            {"parent", d.parent},
                                                                            {"note", d.note}}) {
        auto it = texts.find(column);
        FUZZ_CHECK(value == (it == texts.end() ? std::string() : it->second));
      }
    }
  }
  FUZZ_CHECK(next == rows.size());

  // The members the importer makes of these rows: one per id, and one per
  // record among rows without an id.
  std::set<std::string> row_ids;
  std::set<size_t> row_records;
  for (const auto& row : rows) {
    if (row.group.empty())
      row_records.insert(row.record);
    else
      row_ids.insert(row.group);
  }
  FUZZ_CHECK(row_ids.size() + row_records.size() == ids.size() + without_id);
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
