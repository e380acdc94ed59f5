// JSON import: an array of member objects (`roster export -f json`) and JSON
// Lines. nlohmann-json's SAX parser reads one object at a time (json_member.cpp)
// from a cursor that counts lines (json_cursor.h), so every refusal names the
// line of its value, memory stays flat, and a value of the wrong type is
// refused, never stored as text.
#include <fmt/core.h>

#include <string>
#include <utility>
#include <vector>

#include "import_rows.h"
#include "json_cursor.h"
#include "json_member.h"
#include "roster/error.h"
#include "roster/i18n.h"

namespace roster {
namespace {

const char* const kSpace = " \t\r\n";

// A JSON array of member objects, read one element at a time.
class JsonArrayReader : public MemberRowReader {
 public:
  JsonArrayReader(std::istream& in, const std::string& label, const ColumnMapping& mapping)
      : cursor_(in, label), label_(label), mapping_(mapping) {
    bool whole_bom = cursor_.skip_bom();
    cursor_.skip(kSpace);
    if (!whole_bom || cursor_.peek() != '[') {
      throw Error(trf(
          "{0}: not a JSON array of members; check the file (or use --format jsonl for one object per line)", label_));
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
      return Error(
          trf("{0}:{1}: the JSON ends too soon (a missing ']' or '}}'?); check the end of the file", label_, line));
    }
    return Error(
        trf("{0}:{1}: the JSON is broken on this line (a missing comma, quote or bracket?); fix it and run again",
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
    if (!cursor_.skip_bom()) throw Error(trf("{0}:{1}: not a JSON object; each line must hold one member", label_, 1));
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
        throw Error(trf("{0}:{1}: not a JSON object; each line must hold one member", label_, line));
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
