// The SQL that reads and writes the sector registry, written once for
// `init`'s seeding, `sectors add`, Store::sectors and peek_sectors.
#pragma once

#include "roster/sectors.h"
#include "sql.h"

namespace roster {

/// The whole registry in its order; each row read by read_sector_row.
inline constexpr const char* kSelectSectorsSql =
    "SELECT code, name_en, name_zh, is_key, target, aliases FROM sectors ORDER BY position, code";

/// The sector in the current row of a statement prepared from kSelectSectorsSql.
inline Sector read_sector_row(dbi::Statement& q) {
  Sector s{q.getColumn(0).getString(),
           q.getColumn(1).getString(),
           q.getColumn(2).getString(),
           q.getColumn(3).getInt() != 0,
           std::nullopt,
           split_aliases(q.getColumn(5).getString())};
  if (!q.getColumn(4).isNull()) s.target = q.getColumn(4).getInt();
  return s;
}

/// Adds a sector after the last one (the next position); run through
/// insert_sector.
inline constexpr const char* kInsertSectorSql =
    "INSERT INTO sectors (code, name_en, name_zh, is_key, target, aliases, position) "
    "VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM sectors))";

/// Adds `s` with `insert`, a statement prepared from kInsertSectorSql (reset
/// here, so one statement can add many).
inline void insert_sector(dbi::Statement& insert, const Sector& s) {
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
