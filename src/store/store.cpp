// Store: opening and creating the file, its connection, transactions and the
// statement cache.
#include "roster/store.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/core.h>
#include <sqlite3.h>

#include <stdexcept>
#include <utility>

#include "pg_connection.h"
#include "pg_schema.h"
#include "pinyin_sql.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/replacement_file.h"  // file_type_name
#include "roster/text.h"
#include "schema.h"
#include "sector_sql.h"
#include "sql.h"
#include "store_errors.h"

namespace roster {
namespace fs = std::filesystem;

namespace {

// One connection per process, used from one thread: SQLite need not take its
// mutex on every call (NOMUTEX), which is a tenth of a listing's work.
const int kOpenFlags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX;

constexpr int kBusyTimeoutMs = 10000;

// An empty file with no -wal beside it holds nothing: no roster database, and
// nothing lost if init makes it one. (A database in use can have an empty
// main file while its pages are still in the -wal.)
bool empty_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) != 0 || ec) return false;
  auto wal_size = fs::file_size(path.string() + "-wal", ec);
  return ec || wal_size == 0;
}

// SQL's name_key(text): the same folding as roster::name_key, so queries can
// compare cities and names the way users expect (杭州 = 杭州, HZ = hz).
void sql_name_key(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  if (!text) {
    sqlite3_result_null(ctx);
    return;
  }
  std::string key = name_key(trim(text));
  sqlite3_result_text(ctx, key.c_str(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}

// What init writes into a new file: the association row with the goal, and
// the sector registry in the order given.
void seed(dbi::Connection& db, const InitSettings& settings) {
  dbi::Statement goal(db,
                      "INSERT INTO association (id, name, goal_start, goal_target, goal_deadline, lang) "
                      "VALUES (1, ?, ?, ?, ?, ?)");
  goal.bind(1, settings.association);
  goal.bind(2, settings.goal.start.iso());
  goal.bind(3, settings.goal.target);
  goal.bind(4, settings.goal.deadline.iso());
  goal.bind(5, settings.language);
  goal.exec();
  dbi::Statement sector(db, kInsertSectorSql);
  for (const auto& s : settings.sectors) insert_sector(sector, s);
}

void configure_connection(SQLite::Database& db) {
  db.setBusyTimeout(kBusyTimeoutMs);
  db.exec("PRAGMA foreign_keys = ON");
  sqlite3_create_function_v2(db.getHandle(), "name_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, sql_name_key,
                             nullptr, nullptr, nullptr);
  register_pinyin(db);
}

// Every write on PostgreSQL first takes this transaction-wide lock, as BEGIN
// IMMEDIATE takes SQLite's write lock: writers from every office queue, and
// what one checks (a USCC not taken) holds until it commits.
// Keyed by the roster's schema too: rosters in other schemas of the same
// database do not wait for each other.
const std::string kPgWriteLockSql =
    fmt::format("SELECT pg_advisory_xact_lock({}, hashtext(current_schema()))", kApplicationId);  // "ROST"

// A Store's connection to a server: a writer waits for the write lock as long
// as on a file, then is told the roster is busy.
std::unique_ptr<dbi::Connection> server_connection(std::unique_ptr<PgConnection> pg) {
  auto db = std::make_unique<dbi::Connection>(std::move(pg));
  db->exec(fmt::format("SET lock_timeout = '{}ms'", kBusyTimeoutMs));
  return db;
}

}  // namespace

void use_sqlite_from_one_thread() {
  sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

Store::Store(fs::path path, std::unique_ptr<dbi::Connection> db) : path_(std::move(path)), db_(std::move(db)) {}
Store::Store(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const fs::path& path) {
  if (is_server_connection(path.string())) return open_server(path);
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw Error(trf("no database at {0}; create one with `roster init --db {1}`, or pass --db PATH", quoted_path(path),
                    path.string()));
  }
  if (fs::file_status status = fs::status(path, ec); !fs::is_regular_file(status)) {
    throw Error(trf("{0} is {1}, not a roster database; check --db or $ROSTER_DB", quoted_path(path),
                    file_type_name(status.type())));
  }
  if (empty_file(path)) {
    throw Error(trf("{0} is empty, not a roster database; create one with `roster init --db {1}`", quoted_path(path),
                    path.string()));
  }

  return guarded(path, [&] {
    auto db = std::make_unique<SQLite::Database>(path.string(), kOpenFlags);
    db->setBusyTimeout(kBusyTimeoutMs);
    // Read the identity before anything could write: a foreign file is left
    // exactly as it was.
    int app_id = 0, version = 0;
    try {
      app_id = db->execAndGet("PRAGMA application_id").getInt();
      version = db->execAndGet("PRAGMA user_version").getInt();
    } catch (const SQLite::Exception& e) {
      if (e.getErrorCode() == SQLITE_NOTADB) {
        throw Error(trf("{0} is not a roster database; check --db or $ROSTER_DB", quoted_path(path)));
      }
      throw;
    }
    if (app_id != kApplicationId) {
      throw Error(trf("{0} is not a roster database (it is some other SQLite file); check --db or $ROSTER_DB",
                      quoted_path(path)));
    }
    if (version > kSchemaVersion) {
      throw Error(
          trf("{0} was written by a newer roster (schema version {1}, this roster knows {2}); upgrade roster to use it",
              quoted_path(path), version, kSchemaVersion));
    }
    configure_connection(*db);
    Store store(path, std::make_unique<dbi::Connection>(std::move(db)));
    if (version < kSchemaVersion) {
      // A table rebuilt by a migration is dropped and made again: with
      // foreign keys on, dropping it would cascade to its rows' periods.
      // (The pragma has no effect inside a transaction, so it is set here.)
      store.db_->exec("PRAGMA foreign_keys = OFF");
      store.write([&] {
        int now = store.db_->lite().execAndGet("PRAGMA user_version").getInt();
        schema::migrate(*store.db_, now);
        store.command_ = "migrate";
        store.log_change(std::nullopt, "schema.migrate", "schema_version", std::to_string(now),
                         std::to_string(kSchemaVersion));
      });
      store.db_->exec("PRAGMA foreign_keys = ON");
    }
    return store;
  });
}

Store Store::create(const fs::path& path, const InitSettings& settings) {
  if (is_server_connection(path.string())) return create_server(path, settings);
  if (settings.roles) {
    throw usage_error(tr("--roles makes PostgreSQL roles; a roster file has none (its folder's permissions decide)"));
  }
  std::error_code ec;
  bool take_over = empty_file(path);  // e.g. made by mktemp or touch: nothing in it to lose
  if (fs::exists(path, ec) && !take_over) {
    throw Error(
        trf("{0} already exists; roster init never overwrites a file (choose another --db, or move the old file away "
            "first)",
            quoted_path(path)));
  }
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  try {
    return guarded(path, [&] {
      auto db = std::make_unique<SQLite::Database>(path.string(), kOpenFlags | SQLite::OPEN_CREATE);
      db->exec("PRAGMA journal_mode = WAL");
      configure_connection(*db);
      Store store(path, std::make_unique<dbi::Connection>(std::move(db)));
      store.command_ = "init";
      store.db_->exec("PRAGMA foreign_keys = OFF");  // as for a migration on open (see there)
      store.write([&] {
        store.db_->exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
        schema::migrate(*store.db_, 0);
        seed(*store.db_, settings);
        store.log_init(settings);
      });
      store.db_->exec("PRAGMA foreign_keys = ON");
      return store;
    });
  } catch (...) {
    // A half-made database is worse than none: leave the path as we found it.
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      if (take_over && *suffix == '\0')
        fs::resize_file(path, 0, ec);
      else
        fs::remove(path.string() + suffix, ec);
    }
    throw;
  }
}

void Store::write(const std::function<void()>& work) {
  write_if([&] {
    work();
    return true;
  });
}

// A roster on a PostgreSQL server (--db a connection string).
Store Store::open_server(const fs::path& path) {
  return guarded(path, [&] {
    auto pg = std::make_unique<PgConnection>(path.string());
    int version = pg_schema_version(*pg);
    if (version < 0) {
      throw Error(trf("{0} holds no roster; create one with `roster init --db {1}`, or check --db", quoted_path(path),
                      path.string()));
    }
    if (version > kSchemaVersion) {
      throw Error(
          trf("{0} was written by a newer roster (schema version {1}, this roster knows {2}); upgrade roster to use it",
              quoted_path(path), version, kSchemaVersion));
    }
    return Store(path, server_connection(std::move(pg)));
  });
}

Store Store::create_server(const fs::path& path, const InitSettings& settings) {
  return guarded(path, [&] {
    Store store(path, server_connection(std::make_unique<PgConnection>(path.string())));
    if (pg_schema_version(store.db_->pg()) >= 0) {
      throw Error(
          trf("{0} already holds a roster; roster init never overwrites one (choose another --db, or drop the old "
              "roster's tables first)",
              quoted_path(path)));
    }
    store.command_ = "init";
    store.write([&] {
      create_pg_roster(store.db_->pg(), quoted_path(path));
      if (settings.roles) create_pg_roles(store.db_->pg());
      seed(*store.db_, settings);
      store.log_init(settings);
    });
    return store;
  });
}

void Store::log_init(const InitSettings& settings) {
  log_change(
      std::nullopt, "init", "", "",
      fmt::format("association={}; goal {} -> {} by {}; {} sectors", settings.association, settings.goal.start.iso(),
                  settings.goal.target, settings.goal.deadline.iso(), settings.sectors.size()));
}

void Store::transaction(bool writes, const std::function<bool()>& work) {
  guarded(path_, [&] {
    if (!db_->is_pg()) {
      SQLite::Transaction tx(db_->lite(),
                             writes ? SQLite::TransactionBehavior::IMMEDIATE : SQLite::TransactionBehavior::DEFERRED);
      if (work()) tx.commit();
      return;
    }
    // A snapshot reads every table as of its first statement, as SQLite's deferred transaction does.
    db_->exec(writes ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ");
    try {
      if (writes) db_->exec(kPgWriteLockSql);
      db_->exec(work() ? "COMMIT" : "ROLLBACK");
    } catch (...) {
      try {
        db_->exec("ROLLBACK");
      } catch (const std::exception&) {  // the connection is gone: the server rolled it back
      }
      throw;
    }
  });
}

void Store::write_if(const std::function<bool()>& work) {
  transaction(true, [&] {
    struct Restore {  // writing_ is set while `work` runs, however it ends
      bool& flag;
      bool value;
      ~Restore() { flag = value; }
    } restore{writing_, std::exchange(writing_, true)};
    return work();
  });
}

void Store::require_write(const char* what) const {
  // i18n: data (a bug in roster, never bad input)
  if (!writing_) throw std::logic_error(fmt::format("Store::{} must run inside write() or write_if()", what));
}

void Store::snapshot(const std::function<void()>& work) {
  // A deferred transaction takes its read snapshot at the first read and
  // keeps it to the end, so every figure comes from the same moment.
  transaction(false, [&] {
    work();
    return true;
  });
}

dbi::Statement& Store::cached(std::string_view sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    std::string text(sql);
    found = statements_.emplace(text, std::make_unique<dbi::Statement>(*db_, text)).first;
  }
  auto& slot = found->second;
  slot->reset();
  slot->clearBindings();
  return *slot;
}

}  // namespace roster
