#include "copy_tables.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

namespace roster {

std::vector<CopyTable> roster_tables(SQLite::Database& db) {
  std::vector<CopyTable> tables;
  SQLite::Statement all(db,
                        "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                        "ORDER BY name");
  while (all.executeStep()) tables.push_back({all.getColumn(0).getString(), all.getColumn(1).getString(), {}, {}});
  std::map<std::string, std::set<std::string>> parents;
  for (auto& t : tables) {
    SQLite::Statement columns(db, "SELECT name, upper(type) FROM pragma_table_info(?) ORDER BY cid");
    columns.bind(1, t.name);
    while (columns.executeStep()) {
      t.columns.push_back(columns.getColumn(0).getString());
      t.integer.push_back(columns.getColumn(1).getString() == "INTEGER");
    }
    SQLite::Statement refs(db, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)");
    refs.bind(1, t.name);
    while (refs.executeStep()) {
      std::string parent = refs.getColumn(0).getString();
      if (parent != t.name) parents[t.name].insert(parent);
    }
  }
  // Each table after its parents: take, in name order, any table whose
  // parents are all taken, until none is left.
  std::vector<CopyTable> ordered;
  std::set<std::string> taken;
  while (!tables.empty()) {
    auto ready = std::find_if(tables.begin(), tables.end(), [&](const CopyTable& t) {
      return std::all_of(parents[t.name].begin(), parents[t.name].end(),
                         [&](const std::string& p) { return taken.count(p) > 0; });
    });
    if (ready == tables.end()) ready = tables.begin();  // a cycle: the database checks the keys at the end
    taken.insert(ready->name);
    ordered.push_back(std::move(*ready));
    tables.erase(ready);
  }
  return ordered;
}

std::vector<std::string> roster_index_sql(SQLite::Database& db) {
  std::vector<std::string> sql;
  SQLite::Statement all(db, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");
  while (all.executeStep()) sql.push_back(all.getColumn(0).getString());
  return sql;
}

std::string pg_schema_sql(const std::string& sqlite_sql) {
  static const std::regex integer(R"(\bINTEGER\b)"), rowid(R"(\)\s*WITHOUT ROWID\s*$)"), user(R"(\buser(\s+TEXT))"),
      text(R"(\bTEXT\b)");
  std::string sql = std::regex_replace(sqlite_sql, integer, "BIGINT");
  // Byte order, as SQLite's BINARY, whatever the database's own collation.
  sql = std::regex_replace(sql, text, "TEXT COLLATE \"C\"");  // i18n: data (SQL)
  sql = std::regex_replace(sql, rowid, ")");
  return std::regex_replace(sql, user, "\"user\"$1");
}

}  // namespace roster
