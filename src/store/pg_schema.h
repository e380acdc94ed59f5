// A roster's schema on PostgreSQL: made from the SQLite schema (one
// definition of every table), plus what SQLite gives for free. Internal to src/store.
#pragma once

#include <string>
#include <vector>

#include "copy_tables.h"
#include "pg_connection.h"

namespace roster {

/// The schema version in roster_meta, or -1 when the database holds no roster.
int pg_schema_version(PgConnection& pg);

/// Creates `tables` (in their order) and what PostgreSQL needs besides: the
/// `pinyin` ICU collation and pinyin_name() for the name order, and on each
/// table with an INTEGER PRIMARY KEY the trigger that numbers a new row as
/// SQLite does (the highest id + 1); the store's INSERTs into such a table
/// end in RETURNING id (dbi::Statement).
void create_pg_tables(PgConnection& pg, const std::vector<CopyTable>& tables);
/// Then the indexes, and roster_meta with this roster's schema version.
void finish_pg_schema(PgConnection& pg, const std::vector<std::string>& index_sql);

/// The group roles (NOLOGIN) roster_writer, which may read and change the
/// roster, and roster_reader, which may only read it, made if missing and
/// granted the roster's tables in the current schema: a login is given one
/// with GRANT roster_reader TO alice. Call inside a transaction.
void create_pg_roles(PgConnection& pg);

/// Makes a new roster in `pg` (labelled `label` in messages), which must hold
/// no roster tables: the tables, indexes and first rows (the pipeline's
/// stages) a new roster file has, from one made in memory. Call inside a
/// transaction.
void create_pg_roster(PgConnection& pg, const std::string& label);

}  // namespace roster
