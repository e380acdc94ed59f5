#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

TEST_CASE("init creates a WAL database with the seeded sectors and the default goal", "[init]") {
  TempDir dir;
  std::string db = dir.file("sub/folder/roster.db");
  auto r = run_roster({"init", "--db", db});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: created " + db + " with 11 sectors; goal 200 members by 2025-07-15\n");

  auto q = run_program({"sqlite3", db,
                        "PRAGMA journal_mode; PRAGMA user_version; "
                        "SELECT goal_start, goal_target, goal_deadline FROM association; "
                        "SELECT code || ' ' || name_zh FROM sectors WHERE is_key ORDER BY position;"});
  CHECK(q.out ==
        "wal\n1\n2023-07-15|200|2025-07-15\n"
        "healthcare 医疗健康\ne-commerce 电子商务\neducation 教育\ntourism 文化旅游\nentertainment 文化娱乐\n");
}

TEST_CASE("init takes the association name and goal as options, and checks them", "[init]") {
  TempDir dir;
  std::string db = dir.file("a.db");
  auto r = run_roster({"init", "--db", db, "--association", "浙江省元宇宙产业协会", "--target", "250", "--start",
                       "2024-01-01", "--deadline", "2026-01-01", "-q"});
  CHECK(r.code == 0);
  auto q = run_program({"sqlite3", db, "SELECT name, goal_start, goal_target, goal_deadline FROM association;"});
  CHECK(q.out == "浙江省元宇宙产业协会|2024-01-01|250|2026-01-01\n");

  auto backwards = run_roster({"init", "--db", dir.file("b.db"), "--start", "2025-01-01", "--deadline", "2024-01-01"});
  CHECK(backwards.code == 2);
  CHECK(backwards.err == "roster: error: the deadline 2024-01-01 must come after the start 2025-01-01\n");
  CHECK_FALSE(std::filesystem::exists(dir.file("b.db")));

  auto zero = run_roster({"init", "--db", dir.file("c.db"), "--target", "0"});
  CHECK(zero.code == 2);
  CHECK(zero.err == "roster: error: --target: must be 1 or more (see `roster init --help`)\n");
  CHECK_FALSE(std::filesystem::exists(dir.file("c.db")));
}

TEST_CASE("an older schema is brought up to date on open, and the upgrade is logged", "[init]") {
  // A roster file at schema version 0: the application id is set, nothing else.
  TempDir dir;
  std::string db = dir.file("old.db");
  REQUIRE(run_program({"sqlite3", db, "PRAGMA application_id = 1380930388; PRAGMA journal_mode = WAL;"}).code == 0);
  auto r = run_roster({"list", "--db", db, "-f", "tsv", "--as-of", "2026-11-29"});
  CHECK(r.code == 0);
  CHECK(r.out == "id\tname\tuscc\tsectors\ttier\tcity\tparent\tnote\tjoined\tleft\tstatus\n");
  auto q = run_program({"sqlite3", db, "PRAGMA user_version; SELECT kind, before, after FROM history;"});
  CHECK(q.out == "1\nschema.migrate|0|1\n");
}
