// Store: `roster check` (integrity and data rules) and `roster backup`.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <limits>
#include <map>

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/core.h>

#include "roster/error.h"
#include "roster/store.h"
#include "roster/text.h"
#include "roster/uscc.h"
#include "store_errors.h"

namespace roster {
namespace {

std::string who(int64_t id, const std::string& name) { return fmt::format("member #{} ({})", id, name); }

void sqlite_checks(SQLite::Database& db, std::vector<std::string>& problems) {
  SQLite::Statement integrity(db, "PRAGMA integrity_check");
  while (integrity.executeStep()) {
    std::string line = integrity.getColumn(0).getString();
    // period_rules names the member of each bad period; SQLite's line would
    // only repeat it without saying whose.
    if (line != "ok" && line != "CHECK constraint failed in periods") problems.push_back("integrity: " + line);
  }
  SQLite::Statement fk(db, "PRAGMA foreign_key_check");
  while (fk.executeStep()) {
    std::string table = fk.getColumn(0).getString(), parent = fk.getColumn(2).getString();
    if (fk.getColumn(1).isNull()) continue;  // WITHOUT ROWID (member_sectors): reported below with its values
    int64_t row = fk.getColumn(1).getInt64();
    // The dangling value itself, so the line says which row is missing.
    SQLite::Statement column(db, "SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE id = ?");
    column.bind(1, table);
    column.bind(2, fk.getColumn(3).getInt());
    std::string value = "?";
    if (column.executeStep()) {
      SQLite::Statement get(db, fmt::format("SELECT \"{}\" FROM \"{}\" WHERE rowid = ?", column.getColumn(0).getString(),
                                            table));
      get.bind(1, row);
      if (get.executeStep()) value = get.getColumn(0).getString();
    }
    problems.push_back(fmt::format("foreign key: {} row {} refers to {} {}, which does not exist", table, row, parent,
                                   value));
  }
}

void link_rules(SQLite::Database& db, std::vector<std::string>& problems) {
  SQLite::Statement dangling(db, R"SQL(
SELECT member_id, sector_code,
       EXISTS (SELECT 1 FROM members m WHERE m.id = member_id), EXISTS (SELECT 1 FROM sectors s WHERE s.code = sector_code)
  FROM member_sectors
 WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.id = member_id)
    OR NOT EXISTS (SELECT 1 FROM sectors s WHERE s.code = sector_code))SQL");
  while (dangling.executeStep()) {
    std::string missing = dangling.getColumn(2).getInt() ? fmt::format("sector {}", dangling.getColumn(1).getString())
                                                         : fmt::format("member {}", dangling.getColumn(0).getString());
    problems.push_back(fmt::format("foreign key: member_sectors links member {} to sector {}, but {} does not exist",
                                   dangling.getColumn(0).getString(), dangling.getColumn(1).getString(), missing));
  }
}

void member_rules(SQLite::Database& db, std::vector<std::string>& problems) {
  std::map<std::string, std::pair<int64_t, std::string>> first_with_key;
  SQLite::Statement members(db, "SELECT id, name, name_key, uscc FROM members ORDER BY id");
  while (members.executeStep()) {
    int64_t id = members.getColumn(0).getInt64();
    std::string name = members.getColumn(1).getString();
    if (!members.getColumn(3).isNull()) {
      std::string reason;
      if (!normalize_uscc(members.getColumn(3).getString(), &reason)) {
        problems.push_back(fmt::format("{}: bad USCC {}: {}", who(id, name), members.getColumn(3).getString(), reason));
      }
    }
    std::string key = name_key(name);
    if (key != members.getColumn(2).getString()) {
      problems.push_back(fmt::format("{}: stored name key '{}' does not match the name (expected '{}')", who(id, name),
                                     members.getColumn(2).getString(), key));
    }
    auto [it, fresh] = first_with_key.emplace(key, std::make_pair(id, name));
    if (!fresh) {
      problems.push_back(fmt::format("{}: same name as {} once case, width and spacing are ignored", who(id, name),
                                     who(it->second.first, it->second.second)));
    }
  }
  SQLite::Statement no_sector(db, R"SQL(
SELECT id, name FROM members m WHERE NOT EXISTS (SELECT 1 FROM member_sectors s WHERE s.member_id = m.id) ORDER BY id)SQL");
  while (no_sector.executeStep()) {
    problems.push_back(who(no_sector.getColumn(0).getInt64(), no_sector.getColumn(1).getString()) + ": has no sector");
  }
  SQLite::Statement no_period(db, R"SQL(
SELECT id, name FROM members m WHERE NOT EXISTS (SELECT 1 FROM periods p WHERE p.member_id = m.id) ORDER BY id)SQL");
  while (no_period.executeStep()) {
    problems.push_back(who(no_period.getColumn(0).getInt64(), no_period.getColumn(1).getString()) +
                       ": has no membership period");
  }
}

void period_rules(SQLite::Database& db, std::vector<std::string>& problems) {
  SQLite::Statement periods(db, R"SQL(
SELECT p.id, p.member_id, m.name, p.joined_on, p.left_on FROM periods p JOIN members m ON m.id = p.member_id
 ORDER BY p.member_id, p.joined_on)SQL");
  // Per member, the period reaching furthest so far (an open one reaches
  // forever): any later-starting period that begins before its end overlaps.
  constexpr int kForever = std::numeric_limits<int>::max();
  constexpr int kNothing = std::numeric_limits<int>::min();
  int64_t last_member = -1;
  int reach = kNothing;  // day number of the furthest end; kForever while one is open
  std::string reach_joined;
  while (periods.executeStep()) {
    int64_t member = periods.getColumn(1).getInt64();
    std::string name = periods.getColumn(2).getString();
    std::string joined_text = periods.getColumn(3).getString();
    auto joined = parse_iso_date(joined_text);
    std::optional<Date> left;
    bool open = periods.getColumn(4).isNull();
    if (!joined) problems.push_back(fmt::format("{}: period joined date '{}' is not a date", who(member, name), joined_text));
    if (!open) {
      left = parse_iso_date(periods.getColumn(4).getString());
      if (!left) {
        problems.push_back(fmt::format("{}: period left date '{}' is not a date", who(member, name),
                                       periods.getColumn(4).getString()));
      } else if (joined && *left <= *joined) {
        problems.push_back(fmt::format("{}: period {} to {} ends before it starts", who(member, name), joined->iso(),
                                       left->iso()));
      }
    }
    if (member != last_member) reach = kNothing;
    if (joined && joined->days() < reach) {
      problems.push_back(fmt::format("{}: period from {} overlaps the period from {}", who(member, name), joined->iso(),
                                     reach_joined));
    }
    int end = open ? kForever : left ? left->days() : kNothing;
    if (end > reach) {
      reach = end;
      reach_joined = joined_text;
    }
    last_member = member;
  }
}

}  // namespace

std::vector<std::string> Store::check_problems() {
  return guarded(path_, [&] {
    std::vector<std::string> problems;
    sqlite_checks(*db_, problems);
    link_rules(*db_, problems);
    member_rules(*db_, problems);
    period_rules(*db_, problems);
    return problems;
  });
}

void Store::backup_to(const std::filesystem::path& target) {
  std::string temp = target.string() + ".partial-XXXXXX";
  int fd = mkstemp(temp.data());
  if (fd < 0) {
    throw Error(fmt::format("cannot write in '{}'; check that the folder exists and is writable",
                            target.parent_path().empty() ? "." : target.parent_path().string()));
  }
  close(fd);
  std::filesystem::remove(temp);  // VACUUM INTO wants to create the file itself
  try {
    guarded(path_, [&] {
      try {
        // One read transaction: a consistent snapshot even while others write.
        SQLite::Statement vacuum(*db_, "VACUUM INTO ?");
        vacuum.bind(1, temp);
        vacuum.exec();
        SQLite::Database copy(temp, SQLite::OPEN_READWRITE);
        copy.exec("PRAGMA journal_mode = WAL");
      } catch (const SQLite::Exception& e) {
        // Out of room while writing the copy: that is the target's disk.
        if (e.getErrorCode() == SQLITE_FULL) {
          throw Error(fmt::format("the disk holding '{}' is full; no backup was written (free some space there "
                                  "or choose another place)",
                                  target.string()));
        }
        throw;
      }
    });
    std::error_code renamed;
    std::filesystem::rename(temp, target, renamed);
    if (renamed) {
      throw Error(fmt::format("cannot replace '{}' ({}); check its permissions and attributes (lsattr); it was "
                              "left as it was",
                              target.string(), renamed.message()));
    }
  } catch (...) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(temp + suffix, ec);
    throw;
  }
}

}  // namespace roster
