// Schema version 6 rebuilds the members table: a version-5 file keeps every
// member and every row that points at one.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

// The members table exactly as schema version 5 made it: uniqueness through
// column constraints (SQLite's automatic indexes).
const char* kVersion5Members = R"SQL(
PRAGMA foreign_keys = OFF;
PRAGMA legacy_alter_table = ON;
ALTER TABLE members RENAME TO members_now;
CREATE TABLE members (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL CHECK (length(name) > 0),
  name_key TEXT NOT NULL UNIQUE,
  uscc     TEXT UNIQUE CHECK (uscc IS NULL OR length(uscc) = 18),
  tier     TEXT NOT NULL DEFAULT 'member'
           CHECK (tier IN ('president', 'vice-president', 'council', 'member')),
  city     TEXT NOT NULL DEFAULT '',
  parent   TEXT NOT NULL DEFAULT '',
  note     TEXT NOT NULL DEFAULT '',
  sort_key TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT ''
);
INSERT INTO members SELECT * FROM members_now;
DROP TABLE members_now;
PRAGMA user_version = 5;
)SQL";

std::string sql(const std::string& db, const std::string& query) {
  auto r = run_program({"sqlite3", db, query});
  if (r.code != 0) throw std::runtime_error(r.err);
  return r.out;
}

}  // namespace

TEST_CASE("a version 5 database keeps its members, periods, sectors and dues when its members table is rebuilt",
          "[init][sqlite]") {
  DbFixture fx;
  for (auto args : std::vector<std::vector<std::string>>{
           {"add-member", "杭州甲科技有限公司", "--sector", "tourism;education", "--uscc", "91330106MA2H3XLJ08",
            "--joined", "2024-01-10"},
           {"add-member", "宁波乙有限公司", "--sector", "healthcare", "--joined", "2024-02-01"},
           {"remove-member", "宁波乙有限公司", "--left", "2024-05-01"},
           {"dues", "schedule", "set", "--tier", "member", "--amount", "3000", "--from", "2024-01-01", "--resolution",
            "第一届第一次会员大会"},
           {"dues", "bill", "--year", "2024"},
       }) {
    args.insert(args.end(), {"--as-of", "2024-06-01", "-q"});
    auto r = fx.roster(args);
    REQUIRE(r.err == "");
    REQUIRE(r.code == 0);
  }
  std::string export_before = fx.roster({"export", "-f", "json"}).out;
  std::string dues_before = fx.roster({"dues", "status", "-f", "csv", "--as-of", "2024-06-01"}).out;
  sql(fx.db, kVersion5Members);
  REQUIRE(sql(fx.db, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'sqlite_autoindex_members%'") == "2\n");

  auto r = fx.roster({"export", "-f", "json"});
  CHECK(r.code == 0);
  CHECK(r.out == export_before);
  CHECK(fx.roster({"dues", "status", "-f", "csv", "--as-of", "2024-06-01"}).out == dues_before);
  CHECK(sql(fx.db, "PRAGMA user_version; SELECT before || '>' || after FROM history WHERE kind = 'schema.migrate'") ==
        "6\n5>6\n");
  // The other tables still point at `members`, and the uniqueness is kept by named indexes.
  CHECK(sql(fx.db,
            "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%members_now%' OR name LIKE "
            "'sqlite_autoindex_members%'") == "0\n");
  CHECK(sql(fx.db, "SELECT name FROM sqlite_schema WHERE tbl_name = 'members' ORDER BY name") ==
        "members\nmembers_by_name_key\nmembers_by_uscc\n");
  CHECK(fx.roster({"check"}).code == 0);
  auto dup = fx.roster({"add-member", "杭州甲科技有限公司", "--sector", "tourism", "--as-of", "2024-06-01"});
  CHECK(dup.code == 1);
  // Foreign keys work again: a purge takes the member's periods, sectors and charges with it.
  auto purge = fx.roster({"remove-member", "杭州甲科技有限公司", "--purge", "--yes", "-q"});
  CHECK(purge.code == 0);
  CHECK(sql(fx.db,
            "SELECT count(*) FROM periods; SELECT count(*) FROM member_sectors; "
            "SELECT count(*) FROM dues_charges") == "1\n1\n1\n");
}
