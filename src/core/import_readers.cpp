// The import file formats: CSV, TSV, a JSON array, JSON Lines. Each turns
// records into ImportRows; the rules are applied later, the same for all.
#include <algorithm>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "roster/csv.h"
#include "roster/error.h"
#include "roster/member_import.h"
#include "roster/text.h"

namespace roster {
namespace {

using nlohmann::json;


// Column name -> cell text, for one record.
using Cells = std::map<std::string, std::string>;

void fill_row(ImportRow& row, const Cells& cells) {
  auto cell = [&](const char* column) {
    auto it = cells.find(column);
    return it == cells.end() ? std::string() : it->second;
  };
  row.draft = MemberDraft{cell("name"),   cell("uscc"),   split_list(cell("sectors")),
                          cell("joined"), cell("left"),   cell("tier"),
                          cell("city"),   cell("parent"), cell("note"),
                          cell("reason")};
  row.group = trim(cell("id"));
  row.present.clear();
  for (const auto& [column, value] : cells) row.present.insert(column);
}

std::string unknown_column_message(const std::string& label, size_t line, const std::string& header) {
  return fmt::format("{}:{}: header: unknown column '{}'; roster reads name, uscc, sectors, joined, left, tier, city, "
                     "parent, note (or 单位名称, 统一社会信用代码, 所属行业, 入会日期, …); use --map '{}=COLUMN' or "
                     "--ignore-unknown-columns",
                     label, line, trim(header), trim(header));
}

// CSV and TSV: a header line, then one record per row.
class DelimitedReader : public MemberRowReader {
 public:
  DelimitedReader(std::istream& in, const std::string& label, char delimiter, const ColumnMapping& mapping)
      : csv_(in, label, delimiter, delimiter == ','), label_(label), spreadsheet_(delimiter == ',') {
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
        throw Error(unknown_column_message(label_, header.line, header.fields[i]));
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
  std::vector<std::pair<size_t, std::string>> columns_;  // file index -> roster column
};

std::string text_of(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v) out += (out.empty() ? "" : ";") + text_of(item);
    return out;
  }
  return v.dump();
}

// One JSON object (a member) into one row per period.
void rows_from_object(const json& object, size_t line, const std::string& label, const ColumnMapping& mapping,
                      std::vector<ImportRow>& rows) {
  if (!object.is_object()) {
    throw Error(fmt::format("{}:{}: expected an object like {{\"name\": …, \"sectors\": […]}}", label, line));
  }
  Cells cells;
  const json* periods = nullptr;
  for (const auto& [key, value] : object.items()) {
    if (key == "periods") {
      periods = &value;
      continue;
    }
    if (key == "primary_sector") continue;  // `roster list -f json`: the first of sectors
    std::string column = mapping.column_for(key);
    if (column.empty()) {
      if (mapping.ignore_unknown) continue;
      throw Error(unknown_column_message(label, line, key));
    }
    cells[column] = text_of(value);
  }
  ImportRow row;
  row.line = line;
  if (!periods || !periods->is_array() || periods->empty()) {
    fill_row(row, cells);
    rows.push_back(row);
    return;
  }
  if (!cells.count("id")) cells["id"] = fmt::format("line {}", line);  // group the periods all the same
  for (const auto& period : *periods) {
    Cells with_period = cells;
    for (const char* field : {"joined", "left", "reason"}) {
      if (period.is_object() && period.contains(field)) with_period[field] = text_of(period[field]);
    }
    fill_row(row, with_period);
    rows.push_back(row);
  }
}

// Members are flat objects; a file that nests lists and objects deeper than
// this is not a member file. Checked before parsing: text_of and json::dump
// recurse once per level, so "[[[[…" a few hundred thousand deep would
// overflow the stack.
constexpr int kMaxJsonDepth = 64;

// Throws when the arrays and objects of `text` nest deeper than
// kMaxJsonDepth; `line` is the line `text` starts on.
void check_json_depth(const std::string& text, const std::string& label, size_t line) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (c == '\n') ++line;
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) {
        throw Error(fmt::format("{}:{}: lists and objects nested more than {} deep; a member is one object of "
                                "text, numbers and lists, as `roster export -f json` writes",
                                label, line, kMaxJsonDepth));
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
}

// The line each top-level array element starts on (JSON text has no line
// numbers of its own; this only tracks strings and nesting).
std::vector<size_t> element_lines(const std::string& text) {
  std::vector<size_t> lines;
  size_t line = 1;
  int depth = 0;
  bool in_string = false, escaped = false, expect_element = false;
  for (char c : text) {
    if (c == '\n') ++line;
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (expect_element && !space && c != ']') {
      lines.push_back(line);  // any value: object, array, string, number, literal
      expect_element = false;
    }
    if (c == '"') in_string = true;
    if (c == '{' || c == '[') {
      if (++depth == 1) expect_element = true;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == ',' && depth == 1) {
      expect_element = true;
    }
  }
  return lines;
}

// A JSON array of member objects (`roster export -f json`, `list -f json`).
class JsonArrayReader : public MemberRowReader {
 public:
  JsonArrayReader(std::istream& in, const std::string& label, const ColumnMapping& mapping) {
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    check_json_depth(text, label, 1);
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_array()) {
      throw Error(fmt::format("{}: not a JSON array of members; check the file (or use --format jsonl for one "
                              "object per line)",
                              label));
    }
    auto lines = element_lines(text);
    for (size_t i = 0; i < doc.size(); ++i) {
      rows_from_object(doc[i], i < lines.size() ? lines[i] : i + 1, label, mapping, rows_);
    }
  }
  bool next(ImportRow& row) override {
    if (next_ >= rows_.size()) return false;
    row = rows_[next_++];
    return true;
  }

 private:
  std::vector<ImportRow> rows_;
  size_t next_ = 0;
};

// JSON Lines: one member object per line, read one line at a time.
class JsonLinesReader : public MemberRowReader {
 public:
  JsonLinesReader(std::istream& in, const std::string& label, const ColumnMapping& mapping)
      : in_(in), label_(label), mapping_(mapping) {}
  bool next(ImportRow& row) override {
    while (pending_.empty()) {
      std::string text;
      if (!std::getline(in_, text)) return false;
      ++line_;
      if (line_ == 1 && text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
      if (trim(text).empty()) continue;
      check_json_depth(text, label_, line_);
      json object = json::parse(text, nullptr, false);
      if (object.is_discarded()) {
        throw Error(fmt::format("{}:{}: not a JSON object; each line must hold one member", label_, line_));
      }
      std::vector<ImportRow> rows;
      rows_from_object(object, line_, label_, mapping_, rows);
      pending_.assign(rows.rbegin(), rows.rend());
    }
    row = pending_.back();
    pending_.pop_back();
    return true;
  }

 private:
  std::istream& in_;
  std::string label_;
  ColumnMapping mapping_;
  size_t line_ = 0;
  std::vector<ImportRow> pending_;
};

}  // namespace

std::unique_ptr<MemberRowReader> make_member_reader(ImportFormat format, std::istream& in, const std::string& label,
                                                    const ColumnMapping& mapping) {
  switch (format) {
    case ImportFormat::csv: return std::make_unique<DelimitedReader>(in, label, ',', mapping);
    case ImportFormat::tsv: return std::make_unique<DelimitedReader>(in, label, '\t', mapping);
    case ImportFormat::json: return std::make_unique<JsonArrayReader>(in, label, mapping);
    case ImportFormat::jsonl: return std::make_unique<JsonLinesReader>(in, label, mapping);
  }
  return nullptr;
}

}  // namespace roster
