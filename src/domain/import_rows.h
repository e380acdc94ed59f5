// What the import readers share: one record's cells become an ImportRow.
// Internal to src/domain (the CSV/TSV readers and the JSON readers).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "roster/import_reader.h"

namespace roster {

/// Column name -> cell text, for one record.
using Cells = std::map<std::string, std::string>;

/// Fills `row`'s draft, group and present columns from `cells`; keeps its
/// line and record.
void fill_row(ImportRow& row, const Cells& cells);
/// The same from row.cells, as they are.
void fill_row(ImportRow& row);

/// The readers of a JSON array of members and of JSON Lines.
std::unique_ptr<MemberRowReader> make_json_reader(std::istream& in, const std::string& label,
                                                  const ColumnMapping& mapping);
std::unique_ptr<MemberRowReader> make_json_lines_reader(std::istream& in, const std::string& label,
                                                        const ColumnMapping& mapping);

}  // namespace roster
