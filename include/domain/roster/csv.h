#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace roster {

/// One CSV record and the physical line it starts on (1-based).
struct CsvRecord {
  size_t line = 0;
  std::vector<std::string> fields;
};

/// Streams RFC 4180 records from a stream: quoted fields may hold commas,
/// doubled quotes and line breaks; LF and CRLF both end a record; a UTF-8 BOM
/// at the start is skipped. Reads one record at a time, so memory stays flat.
class CsvReader {
 public:
  /// `label` names the input in messages ("members.csv", "<stdin>").
  /// `quotes` false reads TSV as written by roster: no quoting at all.
  /// `max_record` caps the bytes of one record (0: no cap).
  explicit CsvReader(std::istream& in, std::string label = "input", char delimiter = ',', bool quotes = true,
                     size_t max_record = 0)
      : in_(in), label_(std::move(label)), delimiter_(delimiter), quotes_(quotes), max_record_(max_record) {}

  /// Reads the next record; false at end of input. Throws roster::Error on an
  /// unterminated quoted field, or a record over `max_record` bytes (while
  /// reading it, so memory stays flat), as "LABEL:LINE: …".
  bool next(CsvRecord& record);

 private:
  int get();
  std::istream& in_;
  std::string label_;
  char delimiter_;
  bool quotes_;
  size_t max_record_;
  int peek();
  /// Takes a UTF-8 byte-order mark at the start, if there is one.
  void skip_bom();
  size_t line_ = 1;
  bool started_ = false;
  std::string pending_;  ///< bytes read while looking for a BOM that was not one
  size_t pending_pos_ = 0;
};

/// `cell` as an RFC 4180 field: quoted when it holds a comma, quote, CR or LF.
std::string csv_quote(std::string_view cell);

/// The one rule for cells bound for a spreadsheet (every CSV roster writes):
/// OWASP's CSV-injection guard, a cell starting with = + - @ TAB or CR, and
/// a code of 12 or more digits only (an all-digit USCC, which Excel would show
/// as 9.13310E+17 and round), get a leading apostrophe, which spreadsheets
/// read as "text". A cell that already starts with an apostrophe gets one
/// more, so spreadsheet_unescape can undo exactly what was added.
std::string spreadsheet_escape(std::string_view cell);

/// Undoes spreadsheet_escape: drops a leading apostrophe that is followed by
/// one of = + - @ TAB CR, another apostrophe, or 12 or more digits and
/// nothing else.
std::string spreadsheet_unescape(std::string_view cell);

}  // namespace roster
