// JSON import: an array of member objects (`roster export -f json`) and JSON
// Lines. nlohmann-json's SAX parser reads one object at a time from a cursor
// that counts lines, so every refusal names the line of its value, memory
// stays flat, and a value of the wrong type is refused, never stored as text.
#include <fmt/core.h>

#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>
#include <vector>

#include "import_rows.h"
#include "roster/error.h"
#include "roster/input_limits.h"
#include "roster/text.h"

namespace roster {
namespace {

using nlohmann::json;

// The input as the parser reads it, one byte at a time: knows the line, and
// stops a member object that grows past kMaxRecordBytes before it fills memory.
class JsonCursor {
 public:
  JsonCursor(std::istream& in, std::string label) : buf_(in.rdbuf()), label_(std::move(label)) {}

  int peek() { return buf_ ? buf_->sgetc() : EOF; }
  void advance() {
    last_ = buf_->sbumpc();
    if (last_ == '\n') ++newlines_;
    if (marked_ && ++since_mark_ > kMaxRecordBytes) throw Error(record_too_long(label_, mark_line_, "a member object"));
  }
  // The line of the token read last. A number is known to end only when the
  // byte after it is read, and that byte may be the line break.
  size_t line() const { return 1 + newlines_ - (last_ == '\n' ? 1 : 0); }
  // The line of the next byte.
  size_t next_line() const { return 1 + newlines_; }
  // A member object starts at the next byte: the size cap counts from here
  // to unmark(). White space between objects is never kept, so it is not
  // counted.
  void mark() {
    marked_ = true;
    since_mark_ = 0;
    mark_line_ = next_line();
  }
  void unmark() { marked_ = false; }
  void skip(std::string_view bytes) {
    for (int c = peek(); c != EOF && bytes.find(static_cast<char>(c)) != std::string_view::npos; c = peek()) advance();
  }
  void skip_bom() {
    if (peek() != 0xEF) return;
    for (int byte : {0xEF, 0xBB, 0xBF}) {
      if (peek() != byte) return;  // not a BOM: the parser refuses what is left
      advance();
    }
  }

 private:
  std::streambuf* buf_;
  std::string label_;
  size_t newlines_ = 0, since_mark_ = 0, mark_line_ = 1;
  bool marked_ = false;
  int last_ = EOF;
};

// How nlohmann's iterator input adapter reads a JsonCursor: it dereferences,
// then advances, one byte at a time, and never looks further ahead.
class CursorIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = char;

  explicit CursorIterator(JsonCursor* cursor = nullptr) : cursor_(cursor) {}
  char operator*() const { return static_cast<char>(cursor_->peek()); }
  CursorIterator& operator++() {
    cursor_->advance();
    return *this;
  }
  CursorIterator operator++(int) {
    CursorIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CursorIterator& other) const { return at_end() == other.at_end(); }
  bool operator!=(const CursorIterator& other) const { return !(*this == other); }

 private:
  bool at_end() const { return !cursor_ || cursor_->peek() == EOF; }
  JsonCursor* cursor_;
};

// A JSON value as a refusal names it: "true", "the number 3", "a list".
std::string describe(const json& value) {
  if (value.is_string()) {
    std::string text = value.get<std::string>();
    if (text.size() > 40) {
      size_t cut = 40;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
      text = text.substr(0, cut) + "…";
    }
    return "the string " + json(text).dump(-1, ' ', false, json::error_handler_t::replace);
  }
  if (value.is_number()) return "the number " + value.dump();
  return value.dump();  // true, false, null
}

enum class Kind { object, list };
std::string describe(Kind kind) {
  return kind == Kind::object ? "an object" : "a list";
}

const char* const kPeriodExample = "objects like {\"joined\": \"2024-01-01\", \"left\": null}";

// One member object, built from the parser's events; the rules of what each
// key may hold live here.
class MemberSax {
 public:
  MemberSax(JsonCursor& cursor, const std::string& label, const ColumnMapping& mapping)
      : cursor_(cursor), label_(label), mapping_(mapping) {}

  Cells cells;                 // column -> text, from the object's top level
  std::vector<Cells> periods;  // from "periods", oldest first
  size_t line = 0;             // where the object starts
  bool broken = false;         // the parser met bad JSON

  // --- nlohmann's SAX interface ---
  bool null() { return scalar(json()); }
  bool boolean(bool value) { return scalar(json(value)); }
  bool number_integer(json::number_integer_t value) { return scalar(json(value)); }
  bool number_unsigned(json::number_unsigned_t value) { return scalar(json(value)); }
  bool number_float(json::number_float_t value, const std::string& text) {
    return scalar(json(value), "the number " + text);  // as written: 1.50 stays 1.50
  }
  bool string(std::string& value) { return scalar(json(std::move(value))); }
  bool binary(json::binary_t&) { return true; }  // JSON text has no binary values
  bool start_object(std::size_t) { return open(Kind::object); }
  bool start_array(std::size_t) { return open(Kind::list); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& key) {
    key_ = key;
    if (frames_.back() == Frame::skip) return true;
    if (frames_.back() == Frame::member) {
      column_ = member_column(key);
    } else {
      column_ = period_column(key);
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const json::exception&) {
    broken = true;
    return false;
  }

 private:
  enum class Frame { member, sectors, periods, period, skip };

  [[noreturn]] void refuse(const std::string& field, const std::string& reason) const {
    throw Error(fmt::format("{}:{}: {}: {}", label_, cursor_.line(), field, reason));
  }

  // The column a top-level key fills: a roster column, "periods", or "" to
  // read its value past.
  std::string member_column(const std::string& key) {
    if (key == "periods") return claim(keys_, "periods", key);
    if (key == "primary_sector" || mapping_.ignores(key)) return "";  // `list -f json` writes primary_sector
    std::string column = mapping_.column_for(key);
    if (column == "status") return "";  // `roster list` output: follows from the dates
    if (column.empty()) {
      if (mapping_.ignore_unknown) return "";
      throw Error(unknown_columns_message(label_, cursor_.line(), {key}));
    }
    return claim(keys_, column, key);
  }

  std::string period_column(const std::string& key) {
    if (mapping_.ignores(key)) return "";
    std::string column = mapping_.column_for(key);
    if (column.empty()) {
      if (mapping_.ignore_unknown) return "";
      throw Error(unknown_columns_message(label_, cursor_.line(), {key}));
    }
    if (column != "joined" && column != "left" && column != "reason") {
      refuse("periods",
             fmt::format("a period holds joined, left and reason, not {}; move {} out of periods", column, key));
    }
    return claim(period_keys_, column, key);
  }

  // Two keys for one column are refused, as two header columns are in CSV.
  std::string claim(std::map<std::string, std::string>& taken, const std::string& column, const std::string& key) {
    auto [it, fresh] = taken.emplace(column, key);
    if (!fresh) {
      throw Error(fmt::format("{}:{}: header: two keys are '{}' ('{}' and '{}'); keep one", label_, cursor_.line(),
                              column, it->second, key));
    }
    return column;
  }

  // Refuses the value of `column` (given by key_): what each column may hold.
  [[noreturn]] void wrong_type(const std::string& column, const std::string& what, bool in_list) const {
    const std::string inside = in_list ? " inside the list" : "";
    if (column == "periods") {
      refuse("periods", fmt::format("periods must be a list of {}, got {}{}; put each period in braces", kPeriodExample,
                                    what, inside));
    }
    if (column == "sectors") {
      refuse("sectors", fmt::format("{} must be a string or a list of strings, got {}{}; list the sectors as strings",
                                    key_, what, inside));
    }
    if (column == "id") {
      refuse("id", fmt::format("{} must be a string or a whole number, got {}; use the id export wrote", key_, what));
    }
    bool container = what == "an object" || what == "a list";
    refuse(column, fmt::format("{} must be a string, got {}; {}", key_, what,
                               container ? "write it as one string" : "put it in quotes"));
  }

  bool scalar(const json& value) { return scalar(value, describe(value)); }
  bool scalar(const json& value, const std::string& what) {
    if (frames_.empty()) refuse_not_object();
    switch (frames_.back()) {
      case Frame::skip:
        return true;
      case Frame::sectors:
        if (!value.is_string()) wrong_type("sectors", what, true);
        add_sector(value.get<std::string>());
        return true;
      case Frame::periods:
        wrong_type("periods", what, true);
      case Frame::member:
      case Frame::period:
        break;
    }
    std::string column = std::exchange(column_, "");
    if (column.empty()) return true;  // a key read past
    Cells& target = frames_.back() == Frame::member ? cells : periods.back();
    if (value.is_null()) {
      if (column != "periods") target[column] = "";  // null is empty; no periods is no periods
    } else if (value.is_string() && column != "periods") {
      target[column] = value.get<std::string>();
    } else if (column == "id" && value.is_number_integer()) {
      target[column] = value.dump();
    } else {
      wrong_type(column, what, false);
    }
    return true;
  }

  bool open(Kind kind) {
    if (frames_.empty()) {
      if (kind != Kind::object) refuse_not_object();
      line = cursor_.line();
      frames_.push_back(Frame::member);
      return true;
    }
    switch (frames_.back()) {
      case Frame::skip:
        frames_.push_back(Frame::skip);
        return true;
      case Frame::sectors:
        wrong_type("sectors", describe(kind), true);
      case Frame::periods:
        if (kind != Kind::object) wrong_type("periods", describe(kind), true);
        periods.emplace_back();
        period_keys_.clear();
        frames_.push_back(Frame::period);
        return true;
      case Frame::member:
      case Frame::period:
        break;
    }
    std::string column = std::exchange(column_, "");
    if (column.empty()) {
      frames_.push_back(Frame::skip);
    } else if (column == "sectors" && kind == Kind::list) {
      cells["sectors"] = "";
      frames_.push_back(Frame::sectors);
    } else if (column == "periods" && kind == Kind::list) {
      frames_.push_back(Frame::periods);
    } else {
      wrong_type(column, describe(kind), false);
    }
    return true;
  }

  bool close() {
    frames_.pop_back();
    return true;
  }

  void add_sector(const std::string& sector) {
    std::string& list = cells["sectors"];
    list += (list.empty() ? "" : ";") + sector;
  }

  [[noreturn]] void refuse_not_object() const {
    throw Error(
        fmt::format("{}:{}: expected an object like {{\"name\": …, \"sectors\": […]}}", label_, cursor_.line()));
  }

  JsonCursor& cursor_;
  const std::string& label_;
  const ColumnMapping& mapping_;
  std::vector<Frame> frames_;
  std::map<std::string, std::string> keys_, period_keys_;  // column -> the key that gave it
  std::string key_, column_;                               // the key whose value comes next
};

// Reads one member object from `cursor` into rows (one per period); false
// if the JSON is broken. `record` numbers the object in the file.
bool read_member(JsonCursor& cursor, const std::string& label, const ColumnMapping& mapping, size_t record,
                 std::vector<ImportRow>& rows) {
  cursor.mark();
  MemberSax sax(cursor, label, mapping);
  bool ok = json::sax_parse(CursorIterator(&cursor), CursorIterator(), &sax, json::input_format_t::json, false);
  cursor.unmark();
  if (!ok || sax.broken) return false;
  ImportRow row;
  row.line = sax.line;
  row.record = record;
  if (sax.periods.empty()) {
    fill_row(row, sax.cells);
    rows.push_back(row);
    return true;
  }
  for (const auto& period : sax.periods) {
    Cells with_period = sax.cells;
    for (const auto& [column, text] : period) with_period[column] = text;
    fill_row(row, with_period);
    rows.push_back(row);
  }
  return true;
}

const char* const kSpace = " \t\r\n";

// A JSON array of member objects, read one element at a time.
class JsonArrayReader : public MemberRowReader {
 public:
  JsonArrayReader(std::istream& in, const std::string& label, const ColumnMapping& mapping)
      : cursor_(in, label), label_(label), mapping_(mapping) {
    cursor_.skip_bom();
    cursor_.skip(kSpace);
    if (cursor_.peek() != '[') {
      throw Error(
          fmt::format("{}: not a JSON array of members; check the file (or use --format jsonl for one "
                      "object per line)",
                      label_));
    }
    cursor_.advance();
  }

  bool next(ImportRow& row) override {
    while (pending_.empty()) {
      if (finished_) return false;
      cursor_.skip(kSpace);
      if (records_ > 0 || cursor_.peek() == ']') {
        if (cursor_.peek() == ']') {
          cursor_.advance();
          cursor_.skip(kSpace);
          if (cursor_.peek() != EOF) throw broken(cursor_.next_line());
          finished_ = true;
          continue;
        }
        if (cursor_.peek() != ',') throw broken(cursor_.next_line());
        cursor_.advance();
        cursor_.skip(kSpace);
      }
      // nlohmann's parser skips a byte-order mark before any value it starts
      // on; only the one at the start of the file is allowed.
      if (cursor_.peek() == 0xEF) throw broken(cursor_.next_line());
      std::vector<ImportRow> rows;
      if (!read_member(cursor_, label_, mapping_, ++records_, rows)) throw broken(cursor_.line());
      pending_.assign(rows.rbegin(), rows.rend());
    }
    row = std::move(pending_.back());
    pending_.pop_back();
    return true;
  }

 private:
  // Bad JSON found on `line` (where the parser stopped).
  Error broken(size_t line) {
    if (cursor_.peek() == EOF) {
      return Error(fmt::format("{}:{}: the JSON ends too soon (a missing ']' or '}}'?); check the end of the file",
                               label_, line));
    }
    return Error(
        fmt::format("{}:{}: the JSON is broken on this line (a missing comma, quote or bracket?); fix it "
                    "and run again",
                    label_, line));
  }

  JsonCursor cursor_;
  std::string label_;
  ColumnMapping mapping_;
  size_t records_ = 0;
  bool finished_ = false;
  std::vector<ImportRow> pending_;  // the rest of one object's rows, last first
};

// JSON Lines: one member object per line.
class JsonLinesReader : public MemberRowReader {
 public:
  JsonLinesReader(std::istream& in, const std::string& label, const ColumnMapping& mapping)
      : cursor_(in, label), label_(label), mapping_(mapping) {
    cursor_.skip_bom();
  }

  bool next(ImportRow& row) override {
    while (pending_.empty()) {
      cursor_.skip(" \t\r");
      if (cursor_.peek() == EOF) return false;
      if (cursor_.peek() == '\n') {
        cursor_.advance();
        continue;
      }
      size_t line = cursor_.next_line();
      std::vector<ImportRow> rows;
      bool ok = cursor_.peek() != 0xEF && read_member(cursor_, label_, mapping_, ++records_, rows);
      if (ok) cursor_.skip(" \t\r");
      if (!ok || cursor_.line() != line || (cursor_.peek() != '\n' && cursor_.peek() != EOF)) {
        throw Error(fmt::format("{}:{}: not a JSON object; each line must hold one member", label_, line));
      }
      pending_.assign(rows.rbegin(), rows.rend());
    }
    row = std::move(pending_.back());
    pending_.pop_back();
    return true;
  }

 private:
  JsonCursor cursor_;
  std::string label_;
  ColumnMapping mapping_;
  size_t records_ = 0;
  std::vector<ImportRow> pending_;
};

}  // namespace

std::unique_ptr<MemberRowReader> make_json_reader(std::istream& in, const std::string& label,
                                                  const ColumnMapping& mapping) {
  return std::make_unique<JsonArrayReader>(in, label, mapping);
}

std::unique_ptr<MemberRowReader> make_json_lines_reader(std::istream& in, const std::string& label,
                                                        const ColumnMapping& mapping) {
  return std::make_unique<JsonLinesReader>(in, label, mapping);
}

}  // namespace roster
