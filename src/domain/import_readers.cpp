// The import file formats: CSV and TSV here, a JSON array and JSON Lines in
// import_json.cpp. Each turns records into ImportRows; the rules are applied
// later, the same for all.
#include <fmt/core.h>

#include <algorithm>

#include "import_rows.h"
#include "roster/csv.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/import_reader.h"
#include "roster/input_limits.h"
#include "roster/text.h"

namespace roster {

void fill_row(ImportRow& row, const Cells& cells) {
  if (&row.cells != &cells) row.cells = cells;
  fill_row(row);
}

void fill_row(ImportRow& row) {
  const Cells& cells = row.cells;
  auto cell = [&](const char* column, std::string& out) {
    auto it = cells.find(column);
    if (it == cells.end())
      out.clear();
    else
      out.assign(it->second);
  };
  MemberDraft& d = row.draft;
  cell("name", d.name);
  cell("uscc", d.uscc);
  std::string sectors;
  cell("sectors", sectors);
  d.sectors = split_list(sectors);
  cell("joined", d.joined);
  cell("left", d.left);
  cell("tier", d.tier);
  cell("city", d.city);
  cell("parent", d.parent);
  cell("note", d.note);
  cell("reason", d.reason);
  cell("sort_key", d.sort_key);
  cell("contact", d.contacts.contact);
  cell("phone", d.contacts.phone);
  cell("email", d.contacts.email);
  std::string id;
  cell("id", id);
  row.group = trim(id);
  // The columns given: the same for every row of a file, so rarely rebuilt.
  bool same = row.present.size() == cells.size() &&
              std::equal(row.present.begin(), row.present.end(), cells.begin(),
                         [](const std::string& column, const auto& cell) { return column == cell.first; });
  if (!same) {
    row.present.clear();
    for (const auto& [column, value] : cells) row.present.insert(column);
  }
}

namespace {

// How many rows that are not blank are searched for the header: sheets put a
// title, a date or a unit line or two above it.
constexpr int kHeaderSearchRows = 10;

// Spreadsheets pad with rows and columns of empty cells (",,,,").
bool blank(const std::string& cell) {
  return trim(cell).empty();
}
bool blank(const CsvRecord& r) {
  return std::all_of(r.fields.begin(), r.fields.end(), [](const std::string& f) { return blank(f); });
}

// CSV and TSV: a header line, then one record per row. The header is the
// first row with a name column, below any title rows.
class DelimitedReader : public MemberRowReader {
 public:
  DelimitedReader(std::istream& in, const std::string& label, char delimiter, const ColumnMapping& mapping)
      : csv_(in, label, delimiter, delimiter == ',', kMaxRecordBytes), label_(label), spreadsheet_(delimiter == ',') {
    CsvRecord header = find_header(mapping);
    width_ = header.fields.size();
    std::vector<std::string> unknown;
    for (size_t i = 0; i < header.fields.size(); ++i) {
      const std::string& text = header.fields[i];
      if (blank(text)) {
        unnamed_.push_back(i);  // Excel's empty columns: read past while their cells are empty
        continue;
      }
      named_width_ = i + 1;
      if (mapping.ignores(text)) continue;
      std::string column = mapping.column_for(text);
      if (column.empty()) {
        if (!mapping.ignore_unknown) unknown.push_back(text);
        continue;
      }
      if (column == "status") continue;  // `roster list` output: follows from the dates
      for (const auto& [index, seen] : columns_) {
        if (seen == column) {
          throw Error(trf("{0}:{1}: header: two columns are '{2}' ('{3}' and '{4}'); keep one", label_, header.line,
                          column, trim(header.fields[index]), trim(text)));
        }
      }
      columns_.emplace_back(i, column);
    }
    if (!unknown.empty()) throw Error(unknown_columns_message(label_, header.line, unknown, mapping.table));
    bool has_key = false;
    for (const auto& c : columns_) has_key = has_key || mapping.is_key_column(c.second);
    if (!has_key && mapping.table == ImportTable::payments) {
      throw Error(
          trf("{0}:{1}: header: no member column (member, member_id, 会员 or 会员编号); the first line must name "
              "the columns, e.g. member,year,amount,paid_on",
              label_, header.line));
    }
    if (!has_key) {
      throw Error(
          trf("{0}:{1}: header: no name column (name or 单位名称); the first line must name the columns, e.g. "
              "name,uscc,sectors,joined",
              label_, header.line));
    }
  }

  bool next(ImportRow& row) override {
    CsvRecord& record = record_;  // kept, so its strings are reused row after row
    do {
      if (!ahead_.empty()) {
        record = std::move(ahead_.front());
        ahead_.erase(ahead_.begin());
      } else if (!csv_.next(record)) {
        return false;
      }
    } while (blank(record));
    Cells& cells = row.cells;
    for (const auto& [index, column] : columns_) {
      if (index < record.fields.size()) {
        std::string& cell = cells[column];
        if (spreadsheet_)
          cell = spreadsheet_unescape(record.fields[index]);
        else
          cell.assign(record.fields[index]);
      } else {
        cells.erase(column);
      }
    }
    row.line = record.line;
    row.record = ++records_;
    fill_row(row);
    row.shape_problem = shape_problem(record);
    return true;
  }

 private:
  // The first row (of the first kHeaderSearchRows that are not blank) with a
  // cell that names the name column; else the first row, whose headers are
  // then reported. Rows above the header may be titles only: one cell each.
  CsvRecord find_header(const ColumnMapping& mapping) {
    auto names_name = [&](const CsvRecord& r) {
      return std::any_of(r.fields.begin(), r.fields.end(), [&](const std::string& cell) {
        return !blank(cell) && !mapping.ignores(cell) && mapping.is_key_column(mapping.column_for(cell));
      });
    };
    CsvRecord record;
    for (int rows = 0; rows < kHeaderSearchRows && csv_.next(record);) {
      if (blank(record)) continue;
      ++rows;
      if (names_name(record)) {
        for (const auto& above : ahead_) {
          if (std::count_if(above.fields.begin(), above.fields.end(), [](const auto& f) { return !blank(f); }) > 1) {
            throw Error(
                trf("{0}:{1}: header: the header is on line {2}, but line {1} above it holds more than a title; "
                    "delete the rows above the header or move them below it",
                    label_, above.line, record.line));
          }
        }
        ahead_.clear();
        return record;
      }
      ahead_.push_back(std::move(record));
    }
    if (ahead_.empty() && mapping.table == ImportTable::payments) {
      throw Error(trf(
          "{0}: the file is empty; it needs a header line such as member,year,amount,paid_on,receipt,method", label_));
    }
    if (ahead_.empty()) {
      throw Error(
          trf("{0}: the file is empty; it needs a header line such as name,uscc,sectors,joined,left,tier,city,parent,"
              "note",
              label_));
    }
    CsvRecord first = std::move(ahead_.front());
    ahead_.erase(ahead_.begin());
    return first;
  }

  // Why the row's cells cannot be matched to the header, or "".
  std::string shape_problem(const CsvRecord& record) const {
    size_t cells = record.fields.size();
    // A ragged row usually means an unquoted delimiter: refuse it rather than
    // guess which cell is which. Cells may stop after the last named column.
    if (cells > width_ || cells < named_width_) {
      size_t header = cells > width_ ? width_ : named_width_;
      return spreadsheet_ ? trf("{0} cells where the header has {1}; quote cells that contain commas", cells, header)
                          : trf("{0} cells where the header has {1}; quote cells that contain tabs", cells, header);
    }
    for (size_t i : unnamed_) {
      if (i < cells && !blank(record.fields[i])) {
        return trf(
            "cell {0} holds text, but its column has no header; give the column a header (then --map or --ignore "
            "it) or clear the cell",
            i + 1);
      }
    }
    return "";
  }

  CsvReader csv_;
  CsvRecord record_;
  std::string label_;
  bool spreadsheet_;
  size_t width_ = 0;        // cells in the header
  size_t named_width_ = 0;  // up to its last cell that is not empty
  size_t records_ = 0;
  std::vector<size_t> unnamed_;                          // columns with an empty header
  std::vector<std::pair<size_t, std::string>> columns_;  // file index -> roster column
  std::vector<CsvRecord> ahead_;                         // rows read while looking for the header
};

}  // namespace

std::unique_ptr<MemberRowReader> make_member_reader(ImportFormat format, std::istream& in, const std::string& label,
                                                    const ColumnMapping& mapping) {
  switch (format) {
    case ImportFormat::csv:
      return std::make_unique<DelimitedReader>(in, label, ',', mapping);
    case ImportFormat::tsv:
      return std::make_unique<DelimitedReader>(in, label, '\t', mapping);
    case ImportFormat::json:
      return make_json_reader(in, label, mapping);
    case ImportFormat::jsonl:
      return make_json_lines_reader(in, label, mapping);
  }
  return nullptr;
}

}  // namespace roster
