#include "roster/csv.h"

#include <fmt/core.h>

#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/input_limits.h"

namespace roster {
namespace {

bool is_formula_trigger(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
}

// A spreadsheet turns 12 or more digits into a number it shows as 9.13310E+17
// and keeps 15 digits of: an all-digit USCC, an account or invoice number.
bool is_long_digit_code(std::string_view cell) {
  return cell.size() >= 12 && cell.find_first_not_of("0123456789") == std::string_view::npos;
}

// The record's next field, emptied. Its strings are reused from one record to
// the next: no allocation per field once they have grown.
std::string& next_field(CsvRecord& record, size_t& count) {
  if (count == record.fields.size()) record.fields.emplace_back();
  std::string& field = record.fields[count++];
  field.clear();
  return field;
}

}  // namespace

int CsvReader::get() {
  if (pending_pos_ < pending_.size()) return static_cast<unsigned char>(pending_[pending_pos_++]);
  // The stream buffer's own calls: no sentry object per character.
  int c = in_.rdbuf()->sbumpc();
  if (c == '\n') ++line_;
  return c;
}

int CsvReader::peek() {
  if (pending_pos_ < pending_.size()) return static_cast<unsigned char>(pending_[pending_pos_]);
  return in_.rdbuf()->sgetc();
}

void CsvReader::skip_bom() {
  // Pipes cannot rewind, so the BOM is taken only once it is certain; the
  // bytes of a lone 0xEF (…) are put back in pending_ instead.
  if (in_.peek() != 0xEF) return;
  in_.get();
  if (in_.peek() != 0xBB) {
    pending_.assign(1, '\xEF');
    return;
  }
  in_.get();
  if (in_.peek() == 0xBF) {
    in_.get();
  } else {
    pending_.assign({'\xEF', '\xBB'});
  }
}

bool CsvReader::next(CsvRecord& record) {
  if (!started_) {
    started_ = true;
    skip_bom();
  }
  record.line = line_;
  int c = get();
  if (c == EOF) {
    record.fields.clear();
    return false;
  }

  size_t count = 0;
  std::string* field = &next_field(record, count);
  bool quoted = false;      // inside a quoted section
  bool was_quoted = false;  // field began with a quote
  size_t bytes = 0;
  for (;; c = get()) {
    if (max_record_ && ++bytes > max_record_) throw Error(record_too_long(label_, record.line, tr("a row")));
    if (quoted) {
      if (c == EOF) {
        throw Error(trf("{0}:{1}: a quoted field is never closed; add the missing '\"'", label_, record.line));
      }
      if (c == '"') {
        if (peek() == '"') {
          get();
          field->push_back('"');
        } else {
          quoted = false;
        }
      } else {
        field->push_back(static_cast<char>(c));
      }
      continue;
    }
    if (c == EOF || c == '\n') {
      if (!was_quoted && !field->empty() && field->back() == '\r') field->pop_back();
      record.fields.resize(count);
      return true;
    }
    if (c == '\r' && peek() == '\n') continue;  // CRLF: the LF ends the record
    if (c == delimiter_) {
      field = &next_field(record, count);
      was_quoted = false;
      continue;
    }
    if (quotes_ && c == '"' && field->empty() && !was_quoted) {
      quoted = was_quoted = true;
      continue;
    }
    field->push_back(static_cast<char>(c));
  }
}

std::string csv_quote(std::string_view cell) {
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(cell);
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string spreadsheet_escape(std::string_view cell) {
  std::string out;
  // Appended, not "'" + std::string(cell): GCC 12 warns falsely (-Wrestrict,
  // its bug 105651) when that operator+ and a short literal assignment inline.
  if (!cell.empty() && (is_formula_trigger(cell.front()) || is_long_digit_code(cell))) out.push_back('\'');
  out.append(cell);
  return out;
}

std::string spreadsheet_unescape(std::string_view cell) {
  if (cell.size() >= 2 && cell.front() == '\'' && (is_formula_trigger(cell[1]) || is_long_digit_code(cell.substr(1)))) {
    return std::string(cell.substr(1));
  }
  return std::string(cell);
}

}  // namespace roster
