// What a SQLite connection computes in C++ for its SQL (name_key(), pinyin
// readings of names), on PostgreSQL: the store computes the same values with
// the same C++ into two tables of the session (pg_temp) right before a query
// that needs them, and the schema's name_key() and pinyin_name() functions
// look them up (pg_schema.cpp). Internal to src/store.
#pragma once

#include "roster/store.h"
#include "sql.h"

namespace roster {

/// Before a member listing with `filter` on `db` (nothing on SQLite): the
/// name_key of every city, when it filters by city; the pinyin reading of
/// every name with a sort key, when it sorts by name.
void fill_pg_lookups(dbi::Connection& db, const MemberFilter& filter);

}  // namespace roster
