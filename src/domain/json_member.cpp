// One member object of a JSON import: nlohmann-json's SAX events become the
// member's cells, and a value of the wrong type is refused with its line,
// never stored as text.
#include "json_member.h"

#include <fmt/core.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "roster/error.h"
#include "roster/i18n.h"

namespace roster {
namespace {

using nlohmann::json;

// A JSON value as a refusal names it: "true", "the number 3", "a list".
std::string describe(const json& value) {
  if (value.is_string()) {
    std::string text = value.get<std::string>();
    if (text.size() > 40) {
      size_t cut = 40;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
      text = text.substr(0, cut) + "…";
    }
    return trf("the string {0}", json(text).dump(-1, ' ', false, json::error_handler_t::replace));
  }
  if (value.is_number()) return trf("the number {0}", value.dump());
  return value.dump();  // true, false, null
}

enum class Kind { object, list };
std::string describe(Kind kind) {
  return kind == Kind::object ? tr("an object") : tr("a list");
}

const char* const kPeriodExample = N_("objects like {\"joined\": \"2024-01-01\", \"left\": null}");

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
    // An amount in yuan may be a number: read as written (3000.50), never
    // through a double.
    if (column_ == "amount" && !frames_.empty() && frames_.back() == Frame::member) return scalar(json(text));
    return scalar(json(value), trf("the number {0}", text));  // as written: 1.50 stays 1.50
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
      throw Error(unknown_columns_message(label_, cursor_.line(), {key}, mapping_.table));
    }
    return claim(keys_, column, key);
  }

  std::string period_column(const std::string& key) {
    if (mapping_.ignores(key)) return "";
    std::string column = mapping_.column_for(key);
    if (column.empty()) {
      if (mapping_.ignore_unknown) return "";
      throw Error(unknown_columns_message(label_, cursor_.line(), {key}, mapping_.table));
    }
    if (column != "joined" && column != "left" && column != "reason") {
      refuse("periods", trf("a period holds joined, left and reason, not {0}; move {1} out of periods", column, key));
    }
    return claim(period_keys_, column, key);
  }

  // Two keys for one column are refused, as two header columns are in CSV.
  std::string claim(std::map<std::string, std::string>& taken, const std::string& column, const std::string& key) {
    auto [it, fresh] = taken.emplace(column, key);
    if (!fresh) {
      throw Error(trf("{0}:{1}: header: two keys are '{2}' ('{3}' and '{4}'); keep one", label_, cursor_.line(), column,
                      it->second, key));
    }
    return column;
  }

  // Refuses the value of `column` (given by key_): what each column may hold.
  [[noreturn]] void wrong_type(const std::string& column, const std::string& what, bool in_list) const {
    const std::string got = in_list ? trf("{0} inside the list", what) : what;
    if (column == "periods") {
      refuse("periods",
             trf("periods must be a list of {0}, got {1}; put each period in braces", tr(kPeriodExample), got));
    }
    if (column == "sectors") {
      refuse("sectors",
             trf("{0} must be a string or a list of strings, got {1}; list the sectors as strings", key_, got));
    }
    if (column == "id") {
      refuse("id", trf("{0} must be a string or a whole number, got {1}; use the id export wrote", key_, what));
    }
    if (takes_number(column)) {
      refuse(column,
             trf("{0} must be a string or a number, got {1}; write it as `roster dues export` does", key_, what));
    }
    if (what == tr("an object") || what == tr("a list")) {
      refuse(column, trf("{0} must be a string, got {1}; write it as one string", key_, what));
    }
    refuse(column, trf("{0} must be a string, got {1}; put it in quotes", key_, what));
  }

  // A payment's numbers (`dues export -f json` writes them as numbers).
  bool takes_number(const std::string& column) const {
    return mapping_.table == ImportTable::payments &&
           (column == "member_id" || column == "year" || column == "amount_fen" || column == "amount");
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
    } else if ((column == "id" || takes_number(column)) && value.is_number_integer()) {
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
    throw Error(trf("{0}:{1}: expected an object like {{\"name\": …, \"sectors\": […]}}", label_, cursor_.line()));
  }

  JsonCursor& cursor_;
  const std::string& label_;
  const ColumnMapping& mapping_;
  std::vector<Frame> frames_;
  std::map<std::string, std::string> keys_, period_keys_;  // column -> the key that gave it
  std::string key_, column_;                               // the key whose value comes next
};

}  // namespace

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

}  // namespace roster
