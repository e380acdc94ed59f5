#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace roster {

/// A plain-text table for terminals, aligned by display width so CJK text
/// lines up. Columns marked numeric are right-aligned. Cells hold values as
/// stored; print shows each through escape_for_terminal.
struct TextTable {
  std::vector<std::string> headers;
  std::vector<bool> numeric;  ///< per column; missing entries mean left-aligned
  std::vector<std::vector<std::string>> rows;

  void print(std::ostream& out, bool color) const;
};

}  // namespace roster
