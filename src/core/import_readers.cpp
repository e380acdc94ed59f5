// The import file formats: CSV and TSV here, a JSON array and JSON Lines in
// import_json.cpp. Each turns records into ImportRows; the rules are applied
// later, the same for all.
#include <algorithm>

#include <fmt/core.h>

#include "import_rows.h"
#include "roster/csv.h"
#include "roster/error.h"
#include "roster/input_limits.h"
#include "roster/member_import.h"
#include "roster/text.h"

namespace roster {

void fill_row(ImportRow& row, const Cells& cells) {
  auto cell = [&](const char* column) {
    auto it = cells.find(column);
    return it == cells.end() ? std::string() : it->second;
  };
  row.draft = MemberDraft{cell("name"),   cell("uscc"), split_list(cell("sectors")),
                          normalize_import_date(cell("joined")), normalize_import_date(cell("left")),
                          cell("tier"),   cell("city"), cell("parent"),
                          cell("note"),   cell("reason")};
  row.group = trim(cell("id"));
  row.present.clear();
  for (const auto& [column, value] : cells) row.present.insert(column);
}

namespace {

// CSV and TSV: a header line, then one record per row.
class DelimitedReader : public MemberRowReader {
 public:
  DelimitedReader(std::istream& in, const std::string& label, char delimiter, const ColumnMapping& mapping)
      : csv_(in, label, delimiter, delimiter == ',', kMaxRecordBytes), label_(label), spreadsheet_(delimiter == ',') {
    CsvRecord header;
    if (!csv_.next(header)) {
      throw Error(fmt::format("{}: the file is empty; it needs a header line such as "
                              "name,uscc,sectors,joined,left,tier,city,parent,note",
                              label_));
    }
    width_ = header.fields.size();
    for (size_t i = 0; i < header.fields.size(); ++i) {
      std::string column = mapping.column_for(header.fields[i]);
      if (column.empty()) {
        if (mapping.ignore_unknown) continue;
        throw Error(unknown_columns_message(label_, header.line, {header.fields[i]}));
      }
      if (column == "status") continue;  // `roster list` output: follows from the dates
      for (const auto& [index, seen] : columns_) {
        if (seen == column) {
          throw Error(fmt::format("{}:{}: header: two columns are '{}' ('{}' and '{}'); keep one", label_, header.line,
                                  column, trim(header.fields[index]), trim(header.fields[i])));
        }
      }
      columns_.emplace_back(i, column);
    }
    bool has_name = false;
    for (const auto& c : columns_) has_name = has_name || c.second == "name";
    if (!has_name) {
      throw Error(fmt::format("{}:{}: header: no name column (name or 单位名称); the first line must name the "
                              "columns, e.g. name,uscc,sectors,joined",
                              label_, header.line));
    }
  }

  bool next(ImportRow& row) override {
    CsvRecord record;
    // Spreadsheets often end with rows of empty cells (",,,,"): skip them.
    auto blank = [](const CsvRecord& r) {
      return std::all_of(r.fields.begin(), r.fields.end(), [](const std::string& f) { return trim(f).empty(); });
    };
    do {
      if (!csv_.next(record)) return false;
    } while (blank(record));
    Cells cells;
    for (const auto& [index, column] : columns_) {
      if (index < record.fields.size()) {
        cells[column] = spreadsheet_ ? spreadsheet_unescape(record.fields[index]) : record.fields[index];
      }
    }
    row.line = record.line;
    row.record = ++records_;
    fill_row(row, cells);
    row.shape_problem.clear();
    if (record.fields.size() != width_) {
      // A ragged row usually means an unquoted delimiter: refuse it rather
      // than guess which cell is which.
      row.shape_problem = fmt::format("{} cells where the header has {}; quote cells that contain {}",
                                      record.fields.size(), width_, spreadsheet_ ? "commas" : "tabs");
    }
    return true;
  }

 private:
  CsvReader csv_;
  std::string label_;
  bool spreadsheet_;
  size_t width_ = 0;
  size_t records_ = 0;
  std::vector<std::pair<size_t, std::string>> columns_;  // file index -> roster column
};

}  // namespace

std::unique_ptr<MemberRowReader> make_member_reader(ImportFormat format, std::istream& in, const std::string& label,
                                                    const ColumnMapping& mapping) {
  switch (format) {
    case ImportFormat::csv: return std::make_unique<DelimitedReader>(in, label, ',', mapping);
    case ImportFormat::tsv: return std::make_unique<DelimitedReader>(in, label, '\t', mapping);
    case ImportFormat::json: return make_json_reader(in, label, mapping);
    case ImportFormat::jsonl: return make_json_lines_reader(in, label, mapping);
  }
  return nullptr;
}

}  // namespace roster
