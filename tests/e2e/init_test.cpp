#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

TEST_CASE("init creates a WAL database with the seeded sectors and the default goal", "[init][sqlite]") {
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
        "wal\n6\n2023-07-15|200|2025-07-15\n"
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

TEST_CASE("an older schema is brought up to date on open, and the upgrade is logged", "[init][sqlite]") {
  // A roster file at schema version 0: the application id is set, nothing else.
  TempDir dir;
  std::string db = dir.file("old.db");
  REQUIRE(run_program({"sqlite3", db, "PRAGMA application_id = 1380930388; PRAGMA journal_mode = WAL;"}).code == 0);
  auto r = run_roster({"list", "--db", db, "-f", "tsv", "--as-of", "2026-11-29"});
  CHECK(r.code == 0);
  CHECK(r.out == "id\tname\tuscc\tsectors\ttier\tcity\tparent\tnote\tjoined\tleft\tstatus\n");
  auto q = run_program({"sqlite3", db, "PRAGMA user_version; SELECT kind, before, after FROM history;"});
  CHECK(q.out == "6\nschema.migrate|0|6\n");
}

TEST_CASE("a version 1 database gets the seeded sectors' aliases when it is opened", "[init][sqlite]") {
  // Version 1 is version 3 without sectors.aliases, association.lang and
  // members.sort_key, and version 3 is version 4 without the pipeline's
  // tables and history.prospect_id: make one from a new file.
  TempDir dir;
  std::string db = dir.file("v1.db");
  REQUIRE(run_roster({"init", "--db", db, "-q"}).code == 0);
  REQUIRE(
      run_program({"sqlite3", db,
                   "DROP TABLE dues_exemptions; DROP TABLE dues_payments; DROP TABLE dues_charges;"
                   "DROP TABLE dues_schedule; DROP TABLE dues_policy; ALTER TABLE members DROP COLUMN contact;"
                   "ALTER TABLE members DROP COLUMN phone; ALTER TABLE members DROP COLUMN email;"
                   "DROP TABLE prospect_moves; DROP TABLE prospect_sectors; DROP TABLE prospects; DROP TABLE stages;"
                   "DROP INDEX history_by_prospect; ALTER TABLE history DROP COLUMN prospect_id;"
                   "ALTER TABLE sectors DROP COLUMN aliases; ALTER TABLE association DROP COLUMN lang;"
                   "ALTER TABLE members DROP COLUMN sort_key; PRAGMA user_version = 1;"
                   "INSERT INTO sectors (code, name_en, name_zh, is_key, position) VALUES "
                   "('culture', 'Culture', '文旅', 0, 11);"})
          .code == 0);
  auto r = run_roster({"add-member", "杭州某某网络有限公司", "--sector", "电商", "--sector", "文旅", "--db", db,
                       "--as-of", "2026-11-29", "-q"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  auto q = run_program(
      {"sqlite3", db,
       "PRAGMA user_version; SELECT code || ' ' || aliases FROM sectors ORDER BY position;"
       "SELECT group_concat(sector_code, ';') FROM (SELECT sector_code FROM member_sectors ORDER BY position);"
       "SELECT before, after FROM history WHERE kind = 'schema.migrate';"});
  // 文旅 is the Chinese name of the user's own sector, which wins over tourism's alias.
  CHECK(q.out ==
        "6\nhealthcare 医疗|医药|健康|大健康|生物医药\ne-commerce 电商|网络零售|跨境电商|ecommerce\n"
        "education 教育培训|培训|在线教育|职业教育\ntourism 文旅|旅游|文化和旅游\nentertainment 娱乐|文娱|游戏|动漫\n"
        "telecom 电信|通讯|信息通信\nmanufacturing 制造|制造业|工业\nfinance 金融|金融服务|fintech\n"
        "media 传媒|媒体|新媒体|文化传媒\ntechnology 软件|互联网|信息服务|IT\nother 其它\nculture \n"
        "e-commerce;culture\n1|6\n");
}
