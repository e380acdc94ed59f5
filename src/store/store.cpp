#include "roster/store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/core.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>

#include "roster/error.h"
#include "roster/goal.h"
#include "roster/replacement_file.h"
#include "roster/text.h"
#include "schema.h"
#include "store_errors.h"

namespace roster {
namespace fs = std::filesystem;

namespace {

// One connection per process, used from one thread: SQLite need not take its
// mutex on every call (NOMUTEX), which is a tenth of a listing's work.
const int kOpenFlags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX;

constexpr int kBusyTimeoutMs = 10000;

std::string quoted(const fs::path& path) { return fmt::format("'{}'", path.string()); }

// An empty file with no -wal beside it holds nothing: no roster database, and
// nothing lost if init makes it one. (A database in use can have an empty
// main file while its pages are still in the -wal.)
bool empty_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) != 0 || ec) return false;
  auto wal_size = fs::file_size(path.string() + "-wal", ec);
  return ec || wal_size == 0;
}

std::string current_user() {
  for (const char* var : {"USER", "LOGNAME"}) {
    if (const char* v = std::getenv(var); v && *v) return v;
  }
  return "unknown";
}

std::string utc_timestamp() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
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

void configure_connection(SQLite::Database& db) {
  db.setBusyTimeout(kBusyTimeoutMs);
  db.exec("PRAGMA foreign_keys = ON");
  sqlite3_create_function_v2(db.getHandle(), "name_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                             sql_name_key, nullptr, nullptr, nullptr);
}

}  // namespace

void throw_store_error(const SQLite::Exception& e, const fs::path& path) {
  switch (e.getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Error(fmt::format("the database {} is busy with another roster process; try again in a moment",
                              quoted(path)));
    case SQLITE_READONLY:
      throw Error(fmt::format("the database {} is read-only; nothing was changed (check the file's permissions "
                              "and attributes, e.g. `lsattr`, or work on a copy)",
                              quoted(path)));
    case SQLITE_FULL:
      throw Error(fmt::format("the disk holding {} is full; nothing was changed (free some space and try again)",
                              quoted(path)));
    case SQLITE_NOTADB:
      throw Error(fmt::format("{} is not a roster database; check --db or $ROSTER_DB", quoted(path)));
    case SQLITE_CORRUPT:
      throw Error(
          fmt::format("the database {} is damaged; nothing was changed (`roster check --db {}` shows where; "
                      "restore a backup)",
                      quoted(path), path.string()));
    case SQLITE_CANTOPEN:
      throw Error(fmt::format("cannot open the database {}; check that its folder exists and is writable",
                              quoted(path)));
    case SQLITE_IOERR:
      throw Error(
          fmt::format("could not read or write {} (the disk or the file system failed); nothing was "
                      "changed (try again, then check the disk)",
                      quoted(path)));
    default:
      // SQLite's and SQLiteCpp's own words mean nothing to a secretary; the
      // code is for the report.
      throw Error(
          fmt::format("unexpected database error on {} (SQLite code {}); nothing was changed (run `roster "
                      "check`, and please report it if it happens again)",
                      quoted(path), e.getErrorCode()));
  }
}

Store::Store(fs::path path, std::unique_ptr<SQLite::Database> db) : path_(std::move(path)), db_(std::move(db)) {}
Store::Store(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw Error(fmt::format("no database at {}; create one with `roster init --db {}`, or pass --db PATH",
                            quoted(path), path.string()));
  }
  if (fs::file_status status = fs::status(path, ec); !fs::is_regular_file(status)) {
    throw Error(fmt::format("{} is {}, not a roster database; check --db or $ROSTER_DB", quoted(path),
                            file_type_name(status.type())));
  }
  if (empty_file(path)) {
    throw Error(fmt::format("{} is empty, not a roster database; create one with `roster init --db {}`", quoted(path),
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
        throw Error(fmt::format("{} is not a roster database; check --db or $ROSTER_DB", quoted(path)));
      }
      throw;
    }
    if (app_id != kApplicationId) {
      throw Error(fmt::format("{} is not a roster database (it is some other SQLite file); check --db or $ROSTER_DB",
                              quoted(path)));
    }
    if (version > kSchemaVersion) {
      throw Error(fmt::format("{} was written by a newer roster (schema version {}, this roster knows {}); "
                              "upgrade roster to use it",
                              quoted(path), version, kSchemaVersion));
    }
    configure_connection(*db);
    Store store(path, std::move(db));
    if (version < kSchemaVersion) {
      store.write([&] {
        int now = store.db_->execAndGet("PRAGMA user_version").getInt();
        schema::migrate(*store.db_, now);
        store.command_ = "migrate";
        store.log_change(std::nullopt, "schema.migrate", "schema_version", std::to_string(now),
                         std::to_string(kSchemaVersion));
      });
    }
    return store;
  });
}

Store Store::create(const fs::path& path, const InitSettings& settings) {
  std::error_code ec;
  bool take_over = empty_file(path);  // e.g. made by mktemp or touch: nothing in it to lose
  if (fs::exists(path, ec) && !take_over) {
    throw Error(fmt::format("{} already exists; roster init never overwrites a file (choose another --db, "
                            "or move the old file away first)",
                            quoted(path)));
  }
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  try {
    return guarded(path, [&] {
      auto db = std::make_unique<SQLite::Database>(path.string(), kOpenFlags | SQLite::OPEN_CREATE);
      db->exec("PRAGMA journal_mode = WAL");
      configure_connection(*db);
      Store store(path, std::move(db));
      store.command_ = "init";
      store.write([&] {
        store.db_->exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
        schema::migrate(*store.db_, 0);
        SQLite::Statement goal(*store.db_,
                               "INSERT INTO association (id, name, goal_start, goal_target, goal_deadline) "
                               "VALUES (1, ?, ?, ?, ?)");
        goal.bind(1, settings.association);
        goal.bind(2, settings.goal.start.iso());
        goal.bind(3, settings.goal.target);
        goal.bind(4, settings.goal.deadline.iso());
        goal.exec();
        SQLite::Statement sector(*store.db_,
                                 "INSERT INTO sectors (code, name_en, name_zh, is_key, target, position, aliases) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)");
        int position = 0;
        for (const auto& s : settings.sectors) {
          sector.reset();
          sector.bind(1, s.code);
          sector.bind(2, s.name_en);
          sector.bind(3, s.name_zh);
          sector.bind(4, s.is_key ? 1 : 0);
          if (s.target) sector.bind(5, *s.target);
          else sector.bind(5);
          sector.bind(6, position++);
          sector.bind(7, join_aliases(s.aliases));
          sector.exec();
        }
        store.log_change(std::nullopt, "init", "", "",
                         fmt::format("association={}; goal {} -> {} by {}; {} sectors", settings.association,
                                     settings.goal.start.iso(), settings.goal.target, settings.goal.deadline.iso(),
                                     settings.sectors.size()));
      });
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

void Store::write_if(const std::function<bool()>& work) {
  guarded(path_, [&] {
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    if (work()) tx.commit();
  });
}

void Store::snapshot(const std::function<void()>& work) {
  guarded(path_, [&] {
    // A deferred transaction takes its read snapshot at the first read and
    // keeps it to the end, so every figure comes from the same moment.
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::DEFERRED);
    work();
    tx.commit();
  });
}

SectorRegistry Store::sectors() {
  return guarded(path_, [&] {
    std::vector<Sector> sectors;
    SQLite::Statement q(*db_,
                        "SELECT code, name_en, name_zh, is_key, target, aliases FROM sectors ORDER BY position, code");
    while (q.executeStep()) {
      Sector s{q.getColumn(0).getString(),
               q.getColumn(1).getString(),
               q.getColumn(2).getString(),
               q.getColumn(3).getInt() != 0,
               std::nullopt,
               split_aliases(q.getColumn(5).getString())};
      if (!q.getColumn(4).isNull()) s.target = q.getColumn(4).getInt();
      sectors.push_back(std::move(s));
    }
    return SectorRegistry(std::move(sectors));
  });
}

Error Store::missing_association_row() const {
  return Error(
      fmt::format("{} has no association row (the name and the goal); the file is damaged (restore a "
                  "backup, or start again with `roster init`)",
                  quoted(path_)));
}

Goal Store::stored_goal() {
  return guarded(path_, [&] {
    SQLite::Statement q(*db_, "SELECT goal_start, goal_target, goal_deadline FROM association WHERE id = 1");
    if (!q.executeStep()) throw missing_association_row();
    Goal g;
    g.start = parse_iso_date(q.getColumn(0).getString()).value_or(g.start);
    // A target beyond int (written with sqlite3) must not wrap round to a small or negative one.
    g.target = static_cast<int>(std::clamp<int64_t>(q.getColumn(1).getInt64(), -1, kMaxTarget + 1));
    g.deadline = parse_iso_date(q.getColumn(2).getString()).value_or(g.deadline);
    return g;
  });
}

Goal Store::goal() {
  return guarded(path_, [&] {
    SQLite::Statement q(*db_, "SELECT goal_start, goal_deadline, goal_target FROM association WHERE id = 1");
    if (!q.executeStep()) throw missing_association_row();
    for (int column : {0, 1}) {
      if (!parse_iso_date(q.getColumn(column).getString())) {
        throw Error(
            fmt::format("the goal in {} is damaged: its {} '{}' is not a date; set it again with `roster goal "
                        "set --{} YYYY-MM-DD`",
                        quoted(path_), column == 0 ? "start" : "deadline", q.getColumn(column).getString(),
                        column == 0 ? "start" : "deadline"));
      }
    }
    if (int64_t target = q.getColumn(2).getInt64(); target < 1 || target > kMaxTarget) {
      throw Error(
          fmt::format("the goal in {} is damaged: the target {} must be from 1 to {} members; set it again with "
                      "`roster goal set --target N`",
                      quoted(path_), target, kMaxTarget));
    }
    Goal g = stored_goal();
    if (auto problem = goal_problem(g)) {
      throw Error(
          fmt::format("the goal in {} is damaged: {}; set it again with `roster goal set`", quoted(path_), *problem));
    }
    return g;
  });
}

std::string Store::association_name() {
  return guarded(path_, [&] {
    SQLite::Statement q(*db_, "SELECT name FROM association WHERE id = 1");
    if (!q.executeStep()) throw missing_association_row();
    return q.getColumn(0).getString();
  });
}

void Store::set_goal(const Goal& goal) {
  Goal old = stored_goal();
  SQLite::Statement q(*db_, "UPDATE association SET goal_start = ?, goal_target = ?, goal_deadline = ? WHERE id = 1");
  q.bind(1, goal.start.iso());
  q.bind(2, goal.target);
  q.bind(3, goal.deadline.iso());
  q.exec();
  if (old.start != goal.start) log_change(std::nullopt, "goal.set", "start", old.start.iso(), goal.start.iso());
  if (old.target != goal.target) {
    log_change(std::nullopt, "goal.set", "target", std::to_string(old.target), std::to_string(goal.target));
  }
  if (old.deadline != goal.deadline) {
    log_change(std::nullopt, "goal.set", "deadline", old.deadline.iso(), goal.deadline.iso());
  }
}

void Store::set_association_name(const std::string& name) {
  std::string old = association_name();
  if (old == name) return;
  SQLite::Statement q(*db_, "UPDATE association SET name = ? WHERE id = 1");
  q.bind(1, name);
  q.exec();
  log_change(std::nullopt, "goal.set", "association", old, name);
}

Timeline Store::membership_timeline() {
  return guarded(path_, [&] {
    // Two index-only aggregates; the result has one row per date with a change.
    SQLite::Statement q(*db_,
                        "SELECT joined_on, count(*), 0 FROM periods GROUP BY joined_on "
                        "UNION ALL "
                        "SELECT left_on, 0, count(*) FROM periods WHERE left_on IS NOT NULL GROUP BY left_on");
    std::vector<DayChange> changes;
    while (q.executeStep()) {
      auto date = parse_iso_date(q.getColumn(0).getString());
      if (!date) continue;  // `roster check` reports malformed dates
      changes.push_back({*date, q.getColumn(1).getInt(), q.getColumn(2).getInt()});
    }
    return Timeline(std::move(changes));
  });
}

SQLite::Statement& Store::cached(const char* sql) {
  auto& slot = statements_[sql];
  if (!slot) slot = std::make_unique<SQLite::Statement>(*db_, sql);
  slot->reset();
  slot->clearBindings();
  return *slot;
}

void Store::log_change(std::optional<int64_t> member_id, const std::string& kind, const std::string& field,
                       const std::string& before, const std::string& after) {
  SQLite::Statement& q = cached(
      "INSERT INTO history (at, user, command, kind, member_id, field, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, utc_timestamp());
  q.bind(2, current_user());
  q.bind(3, command_);
  q.bind(4, kind);
  if (member_id) q.bind(5, *member_id);
  else q.bind(5);
  q.bind(6, field);
  q.bind(7, before);
  q.bind(8, after);
  q.exec();
}

}  // namespace roster
