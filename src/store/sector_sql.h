// The SQL that writes a sector to the registry, written once for `init`'s
// seeding and `sectors add`.
#pragma once

#include <SQLiteCpp/Statement.h>

#include "roster/sectors.h"

namespace roster {

/// Adds a sector after the last one (the next position); run through
/// insert_sector.
inline constexpr const char* kInsertSectorSql =
    "INSERT INTO sectors (code, name_en, name_zh, is_key, target, aliases, position) "
    "VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM sectors))";

/// Adds `s` with `insert`, a statement prepared from kInsertSectorSql (reset
/// here, so one statement can add many).
inline void insert_sector(SQLite::Statement& insert, const Sector& s) {
  insert.reset();
  insert.bind(1, s.code);
  insert.bind(2, s.name_en);
  insert.bind(3, s.name_zh);
  insert.bind(4, s.is_key ? 1 : 0);
  if (s.target)
    insert.bind(5, *s.target);
  else
    insert.bind(5);
  insert.bind(6, join_aliases(s.aliases));
  insert.exec();
}

}  // namespace roster
