// roster copy: a whole roster between SQLite files and PostgreSQL databases.

#include <filesystem>
#include <functional>
#include <optional>

#include "copy_tables.h"
#include "import_bulk.h"  // ForeignKeysOff
#include "pg_connection.h"
#include "pg_schema.h"
#include "roster/copy.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/store.h"
#include "schema.h"
#include "store_access.h"
#include "store_errors.h"

namespace roster {
namespace {

namespace fs = std::filesystem;

// Where a roster's rows come from: every row of one table, as text.
using RowSource = std::function<void(const CopyTable&, const std::function<void(const PgRow&)>&)>;

RowSource sqlite_rows(dbi::Connection& db) {
  return [&db](const CopyTable& t, const std::function<void(const PgRow&)>& take) {
    std::string sql = "SELECT ";
    for (size_t i = 0; i < t.columns.size(); ++i) sql += (i ? ", \"" : "\"") + t.columns[i] + "\"";
    dbi::Statement q(db, sql + " FROM \"" + t.name + "\"");
    PgRow row(t.columns.size());
    while (q.executeStep()) {
      for (int i = 0; i < q.getColumnCount(); ++i) {
        auto column = q.getColumn(i);
        row[static_cast<size_t>(i)] = column.isNull() ? std::nullopt : std::optional<std::string>(column.getText());
      }
      take(row);
    }
  };
}

RowSource pg_rows(PgConnection& pg) {
  return [&pg](const CopyTable& t, const std::function<void(const PgRow&)>& take) {
    std::string sql = "SELECT ";
    for (size_t i = 0; i < t.columns.size(); ++i) sql += (i ? ", " : "") + pg_identifier(t.columns[i]);
    // Through a cursor, a few thousand rows at a time: memory stays flat
    // however long the table (the whole result at once held every history entry).
    // i18n: data begin (SQL)
    pg.exec("DECLARE roster_copy NO SCROLL CURSOR FOR " + sql + " FROM " + pg_identifier(t.name));
    const std::string fetch = "FETCH 5000 FROM roster_copy";
    for (auto batch = pg.rows(fetch); !batch.empty(); batch = pg.rows(fetch)) {
      for (const auto& row : batch) take(row);
    }
    pg.exec("CLOSE roster_copy");
    // i18n: data end
  };
}

// The schema version a PostgreSQL roster was written with; a refusal if it
// holds none or another version.
void check_pg_source(PgConnection& pg, const std::string& label) {
  auto meta = pg.rows("SELECT to_regclass('roster_meta') IS NOT NULL");
  if (meta.empty() || meta[0][0] != std::optional<std::string>("t")) {
    throw Error(trf("{0} holds no roster (it has no roster_meta table); check the connection's database", label));
  }
  auto version = pg.rows("SELECT schema_version FROM roster_meta");
  std::string found = version.empty() || !version[0][0] ? "?" : *version[0][0];
  if (found != std::to_string(kSchemaVersion)) {
    throw Error(
        trf("{0} holds a roster of schema version {1}, and this roster knows {2}; copy it with the roster "
            "that wrote it",
            label, found, kSchemaVersion));
  }
}

// One row of `t` copied, counted.
void tally(const CopyTable& t, CopyCounts& counts) {
  ++counts.rows;
  if (t.name == "members") ++counts.members;
  if (t.name == "history") ++counts.history;
}

// Refuses a target that holds any table a roster has.
void refuse_pg_roster(PgConnection& pg, const std::string& label, const std::vector<CopyTable>& tables) {
  std::string names = "'roster_meta'";
  for (const auto& t : tables) names += ", '" + t.name + "'";
  auto present =
      pg.rows("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename IN (" + names + ")");
  if (!present.empty() && present[0][0] != std::optional<std::string>("0")) {
    throw Error(trf("{0} already holds roster tables; copy only into a database without them", label));
  }
}

// Writes every table of `source` into `pg`, checked to hold no roster; call
// inside a transaction.
void write_pg(PgConnection& pg, const std::vector<CopyTable>& tables, const std::vector<std::string>& indexes,
              const RowSource& source, CopyCounts& counts) {
  counts.tables = static_cast<int>(tables.size());
  create_pg_tables(pg, tables);
  for (const auto& t : tables) {
    pg.copy_begin(t.name, t.columns);
    source(t, [&](const PgRow& row) {
      pg.copy_put(row);
      tally(t, counts);
    });
    pg.copy_end();
  }
  finish_pg_schema(pg, indexes);
}

// Writes every table of `source` into the new roster file `store`: its seed
// rows out, the source's in, the foreign keys checked at the end.
void write_sqlite(Store& store, const std::vector<CopyTable>& tables, const RowSource& source, CopyCounts& counts) {
  auto& db = StoreAccess::db(store);
  counts.tables = static_cast<int>(tables.size());
  ForeignKeysOff unchecked(store);
  store.write([&] {
    for (const auto& t : tables) db.exec("DELETE FROM \"" + t.name + "\"");
    for (const auto& t : tables) {
      std::string names, marks;
      for (size_t i = 0; i < t.columns.size(); ++i) {
        names += (i ? ", \"" : "\"") + t.columns[i] + "\"";
        marks += i ? ", ?" : "?";
      }
      dbi::Statement insert(db, "INSERT INTO \"" + t.name + "\" (" + names + ") VALUES (" + marks + ")");
      source(t, [&](const PgRow& row) {
        for (size_t i = 0; i < row.size(); ++i) {
          int at = static_cast<int>(i) + 1;
          if (!row[i])
            insert.bind(at);
          else if (t.integer[i])
            insert.bind(at, static_cast<int64_t>(std::stoll(*row[i])));
          else
            insert.bind(at, *row[i]);
        }
        insert.exec();
        insert.reset();
        tally(t, counts);
      });
    }
    dbi::Statement dangling(db, "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1");
    if (dangling.executeStep()) {
      throw Error(
          trf("the source's table {0} refers to rows it does not have; nothing was copied (run roster check on "
              "the source)",
              dangling.getColumn(0).getString()));
    }
  });
}

// A new roster file at `path` to copy into: refused if a file with anything
// in it is there; removed again if the copy fails.
CopyCounts copy_to_file(const std::string& path, const std::function<void(Store&, CopyCounts&)>& fill) {
  std::error_code ec;
  if (fs::exists(path, ec) && !(fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0)) {
    throw Error(
        trf("{0} already exists; roster copy writes only a new file (choose another --to, or move the old "
            "file away first)",
            quoted_path(path)));
  }
  CopyCounts counts;
  try {
    Store target = Store::create(path, InitSettings{});
    fill(target, counts);
  } catch (...) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
    throw;
  }
  return counts;
}

}  // namespace

void create_pg_roster(PgConnection& pg, const std::string& label) {
  dbi::Connection memory(std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE));
  schema::migrate(memory, 0);
  auto tables = roster_tables(memory.lite());
  refuse_pg_roster(pg, label, tables);
  CopyCounts counts;
  write_pg(pg, tables, roster_index_sql(memory.lite()), sqlite_rows(memory), counts);
}

CopyCounts copy_roster(const std::string& from, const std::string& to) {
  bool from_pg = is_server_connection(from), to_pg = is_server_connection(to);
  if (from_pg && to_pg) {
    throw usage_error(
        tr("roster copy goes between a SQLite file and PostgreSQL or between two files; to copy one "
           "PostgreSQL database to another use pg_dump"));
  }
  if (!from_pg && !to_pg && fs::weakly_canonical(from) == fs::weakly_canonical(to)) {
    throw usage_error(tr("--from and --to are the same file; give the copy another path"));
  }
  if (from_pg) {
    PgConnection pg(from);
    check_pg_source(pg, tr("the PostgreSQL source"));
    pg.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");  // one snapshot of every table
    return copy_to_file(to, [&](Store& target, CopyCounts& counts) {
      write_sqlite(target, roster_tables(StoreAccess::db(target).lite()), pg_rows(pg), counts);
    });
  }
  Store source = Store::open(from);
  auto& db = StoreAccess::db(source);
  CopyCounts counts;
  source.snapshot([&] {
    auto tables = roster_tables(db.lite());
    if (to_pg) {
      PgConnection pg(to);
      refuse_pg_roster(pg, tr("the PostgreSQL target"), tables);
      pg.exec("BEGIN");
      write_pg(pg, tables, roster_index_sql(db.lite()), sqlite_rows(db), counts);
      pg.exec("COMMIT");
      return;
    }
    counts = copy_to_file(to, [&](Store& target, CopyCounts& c) { write_sqlite(target, tables, sqlite_rows(db), c); });
  });
  return counts;
}

}  // namespace roster
