// The store's SQL (written for SQLite) in PostgreSQL's dialect. Internal to src/store.
#pragma once

#include <string>
#include <vector>

namespace roster {

struct PgSql {
  std::string text;                ///< with $1, $2, … for its parameters
  std::vector<std::string> names;  ///< parameter n's name (":key"), or "" for a plain '?'
};

/// Rewrites what differs: '?' and ':name' parameters become $n (one number
/// per name), INSERT OR IGNORE becomes ON CONFLICT DO NOTHING, group_concat
/// string_agg, instr strpos. Quoted text and identifiers are left alone.
PgSql to_pg_sql(const std::string& sql);

}  // namespace roster
