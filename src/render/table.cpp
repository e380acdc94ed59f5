#include "roster/table.h"

#include <algorithm>

#include "roster/text.h"

namespace roster {

void TextTable::print(std::ostream& out, bool color) const {
  // Every cell is shown escaped (docs/usage.md) and measured as shown, so a
  // stored ESC or U+202E can neither drive the terminal nor break the columns.
  // Escaped again when written rather than kept: a long listing is not held twice.
  std::vector<size_t> width(headers.size(), 0);
  for (size_t c = 0; c < headers.size(); ++c) width[c] = display_width(escape_for_terminal(headers[c]));
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size() && c < width.size(); ++c) {
      width[c] = std::max(width[c], display_width(escape_for_terminal(row[c])));
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (size_t c = 0; c < width.size(); ++c) {
      const std::string cell = c < cells.size() ? escape_for_terminal(cells[c]) : std::string();
      bool right = c < numeric.size() && numeric[c];
      bool last = c + 1 == width.size();
      if (c > 0) text += "  ";
      text += right ? pad_left(cell, width[c]) : (last ? cell : pad_right(cell, width[c]));
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();  // an empty last cell leaves no trailing blanks
    return text;
  };
  out << (color ? "\x1b[1m" : "") << line(headers) << (color ? "\x1b[0m" : "") << '\n';
  for (const auto& row : rows) out << line(row) << '\n';
}

}  // namespace roster
