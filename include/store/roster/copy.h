// roster copy: a whole roster from one store to another — a SQLite file or a
// PostgreSQL database — every table, every row, with its ids.
#pragma once

#include <cstdint>
#include <string>

namespace roster {

struct CopyCounts {
  int64_t members = 0;
  int64_t history = 0;  ///< history entries
  int64_t rows = 0;     ///< rows of every table
  int tables = 0;
};

/// Copies the roster at `from` to `to`. Each is a SQLite file's path or a
/// PostgreSQL connection (is_server_connection). The target must hold no
/// roster: a new or empty file, or a database without roster's tables. All
/// or nothing: a failure leaves no file and no table behind. A PostgreSQL
/// source must have been written by a roster of this schema version.
CopyCounts copy_roster(const std::string& from, const std::string& to);

}  // namespace roster
