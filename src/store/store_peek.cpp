// Reads that leave no trace: the language choice and shell completion.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/core.h>

#include "peek_sql.h"
#include "pg_connection.h"
#include "pg_schema.h"
#include "pinyin_sql.h"
#include "roster/peek.h"
#include "roster/store.h"
#include "roster/text.h"
#include "sector_sql.h"

namespace roster {
namespace {

// A read-only connection to a WAL database makes the -wal and -shm files and,
// unable to checkpoint, leaves them behind when it closes. A read-write one
// (that may not create the file) removes them as the last connection closes,
// and query_only keeps it from writing: the folder is left as it was found.
// A file we may not write is read read-only.
std::unique_ptr<dbi::Connection> open_for_peek(const std::filesystem::path& path) {
  try {
    auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE);
    db->exec("PRAGMA query_only = 1");
    return std::make_unique<dbi::Connection>(std::move(db));
  } catch (const SQLite::Exception&) {
    return std::make_unique<dbi::Connection>(std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READONLY));
  }
}

// The same on PostgreSQL: a read-only transaction, left by rolling back.
bool peek_server(const std::string& conninfo, int min_version, const std::function<void(dbi::Connection&)>& read) {
  try {
    dbi::Connection db(std::make_unique<PgConnection>(conninfo));
    if (pg_schema_version(db.pg()) < min_version) return false;
    db.exec("BEGIN READ ONLY");
    read(db);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

bool peek_roster(const std::filesystem::path& path, int min_version,
                 const std::function<void(dbi::Connection&)>& read) {
  if (is_server_connection(path.string())) return peek_server(path.string(), min_version, read);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  try {
    auto db = open_for_peek(path);
    auto& lite = db->lite();
    lite.setBusyTimeout(1000);
    register_pinyin(lite);  // as on every connection roster opens
    if (lite.execAndGet("PRAGMA application_id").getInt() != kApplicationId) return false;
    if (lite.execAndGet("PRAGMA user_version").getInt() < min_version) return false;
    read(*db);
    return true;
  } catch (const std::exception&) {
    return false;  // not a roster, or unreadable: a real open says why
  }
}

std::vector<Sector> peek_sectors(const std::filesystem::path& path) {
  std::vector<Sector> sectors;
  peek_roster(path, 2, [&](dbi::Connection& db) {  // version 2 added the aliases column
    dbi::Statement q(db, kSelectSectorsSql);
    while (q.executeStep()) sectors.push_back(read_sector_row(q));
  });
  return sectors;
}

namespace {

// Up to `limit` values of `table`.name whose name_key starts with that of `prefix`.
std::vector<std::string> peek_names(const std::filesystem::path& path, const char* table, int min_version,
                                    std::string_view prefix, int limit) {
  std::vector<std::string> names;
  if (!is_valid_utf8(prefix)) return names;
  std::string key = name_key(prefix);
  // name_key drops a trailing space; "Blue " should still not offer "Bluebird".
  if (!key.empty() && !prefix.ends_with(trim(prefix))) key += ' ';
  peek_roster(path, min_version, [&](dbi::Connection& db) {
    // Every key that starts with `key` sorts from `key` up to `key` followed
    // by U+10FFFF, the last code point: a range the name_key index answers.
    dbi::Statement q(
        db, fmt::format("SELECT name FROM {} WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT ?", table));
    q.bind(1, key);
    q.bind(2, key + "\xF4\x8F\xBF\xBF");  // U+10FFFF, the last code point: valid UTF-8 for PostgreSQL
    q.bind(3, limit);
    while (q.executeStep()) names.push_back(q.getColumn(0).getString());
  });
  return names;
}

}  // namespace

std::vector<std::string> peek_member_names(const std::filesystem::path& path, std::string_view prefix, int limit) {
  return peek_names(path, "members", 1, prefix, limit);
}

std::vector<std::string> peek_prospect_names(const std::filesystem::path& path, std::string_view prefix, int limit) {
  return peek_names(path, "prospects", 4, prefix, limit);  // version 4 added the prospects
}

std::vector<std::string> peek_stage_codes(const std::filesystem::path& path) {
  std::vector<std::string> codes;
  peek_roster(path, 4, [&](dbi::Connection& db) {
    dbi::Statement q(db, "SELECT code FROM stages ORDER BY position");
    while (q.executeStep()) codes.push_back(q.getColumn(0).getString());
  });
  return codes;
}

}  // namespace roster
