// The tables roster copy moves, read from a SQLite roster's own schema, and
// that schema said in PostgreSQL's words. Internal to src/store.
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>
#include <vector>

namespace roster {

struct CopyTable {
  std::string name;
  std::string sql;                   ///< its CREATE TABLE, as SQLite keeps it
  std::vector<std::string> columns;  ///< in the table's order
  std::vector<bool> integer;         ///< per column: declared INTEGER
};

/// Every table of the roster in `db`, each after the tables it refers to.
std::vector<CopyTable> roster_tables(SQLite::Database& db);

/// The CREATE INDEX statements of the roster in `db` (not SQLite's own).
std::vector<std::string> roster_index_sql(SQLite::Database& db);

/// A roster table's or index's SQLite statement for PostgreSQL: BIGINT for
/// INTEGER, TEXT in byte order (COLLATE "C"), no WITHOUT ROWID, the column
/// "user" quoted.
std::string pg_schema_sql(const std::string& sqlite_sql);

}  // namespace roster
