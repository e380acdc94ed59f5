#include "roster/delimited.h"

#include "roster/csv.h"

namespace roster {

DelimitedWriter::DelimitedWriter(std::ostream& out, Format format, bool bom) : out_(out), csv_(format == Format::csv) {
  if (csv_ && bom) out_ << "\xEF\xBB\xBF";
}

void DelimitedWriter::row(const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out_ << (csv_ ? ',' : '\t');
    out_ << (csv_ ? csv_quote(spreadsheet_escape(cells[i])) : cells[i]);
  }
  out_ << (csv_ ? "\r\n" : "\n");
}

}  // namespace roster
