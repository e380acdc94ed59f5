#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "roster/format.h"

namespace roster {

/// Writes rows of cells as CSV or TSV: the one writer behind every
/// delimited output (list, export, sectors, history), so they agree.
/// CSV: RFC 4180 quoting, CRLF line ends, spreadsheet_escape() on every
/// cell (formula starts, long digit codes) and, with `bom`, a UTF-8
/// byte-order mark first, for Excel and WPS. TSV: cells exactly as given
/// (the caller decides what a tab inside one becomes), LF ends.
class DelimitedWriter {
 public:
  /// `format` is Format::csv or Format::tsv.
  DelimitedWriter(std::ostream& out, Format format, bool bom);
  void row(const std::vector<std::string>& cells);
  void flush() { out_.flush(); }

 private:
  std::ostream& out_;
  bool csv_;
};

}  // namespace roster
