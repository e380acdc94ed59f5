// Every refusal: a one-line message, the right exit code, and a database
// exactly as it was before.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

struct BadInput {
  const char* what;
  std::vector<std::string> args;  // run with --db DB --as-of 2026-11-29 appended
  int code;
  std::string message;  // exact stderr; {db} stands for the database path
};

std::string expand(std::string text, const std::string& db) {
  for (auto pos = text.find("{db}"); pos != std::string::npos; pos = text.find("{db}")) text.replace(pos, 4, db);
  return text;
}

// A database with one member, to collide with.
struct SeededDb : DbFixture {
  SeededDb() {
    auto r = roster({"add-member", "杭州星云（杭州）数字科技有限公司", "--sector", "tourism", "--uscc",
                     "91310110666007217T", "--joined", "2024-01-10", "-q"});
    if (r.code != 0) throw std::runtime_error(r.err);
  }
};

std::string chinese(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += "长";
  return s;
}

}  // namespace

TEST_CASE("every bad input is refused with one line and leaves the database as it was", "[bad-input]") {
  const std::vector<BadInput> cases = {
      {"empty name", {"add-member", "", "--sector", "tourism"}, 1,
       "roster: error: name is empty; give the member's legal name\n"},
      {"blank name", {"add-member", " \u3000 ", "--sector", "tourism"}, 1,
       "roster: error: name is empty; give the member's legal name\n"},
      {"name over 200 characters", {"add-member", chinese(201), "--sector", "tourism"}, 1,
       "roster: error: name is 201 characters long; the limit is 200\n"},
      {"control character", {"add-member", "杭州\x07公司", "--sector", "tourism"}, 1,
       "roster: error: name contains a control character (tab, line break or similar); remove it\n"},
      {"invalid UTF-8", {"add-member", "\xff\xfe公司", "--sector", "tourism"}, 1,
       "roster: error: name is not valid UTF-8 text; check the encoding of the terminal or file (roster expects "
       "UTF-8)\n"},
      {"unknown sector", {"add-member", "新公司", "--sector", "mining"}, 1,
       "roster: error: unknown sector 'mining'; known sectors: healthcare (医疗健康), e-commerce (电子商务), education (教育), tourism (文化旅游), entertainment (文化娱乐), telecom (通信), manufacturing (智能制造), finance (金融科技), media (数字内容), technology (信息技术), other (其他) (give a code, its English or Chinese name, or a short form such as 医疗)\n"},
      {"bad USCC checksum", {"add-member", "新公司", "--sector", "tourism", "--uscc", "91110000600037341N"}, 1,
       "roster: error: USCC check character is 'N' but the code calls for 'L'; check for a typo\n"},
      {"USCC with I, O, S, V or Z", {"add-member", "新公司", "--sector", "tourism", "--uscc", "9111000060003IOZSV"}, 1,
       "roster: error: USCC character 14 'I' is not allowed (use 0-9 and A-Z without I, O, S, V, Z)\n"},
      {"USCC of wrong length", {"add-member", "新公司", "--sector", "tourism", "--uscc", "9131011066600721"}, 1,
       "roster: error: USCC must be 18 characters, got 16\n"},
      {"duplicate USCC", {"add-member", "新公司", "--sector", "tourism", "--uscc", "91310110666007217t"}, 1,
       "roster: error: USCC 91310110666007217T already belongs to member #1 (杭州星云（杭州）数字科技有限公司)\n"},
      {"duplicate name (full-width vs ASCII brackets, case)",
       {"add-member", " 杭州星云(杭州)数字科技有限公司 ", "--sector", "education"}, 1,
       "roster: error: '杭州星云(杭州)数字科技有限公司' is already member #1 (杭州星云（杭州）数字科技有限公司); names are "
       "compared ignoring case, width and spacing\n"},
      {"impossible date", {"add-member", "新公司", "--sector", "tourism", "--joined", "2023-02-30"}, 1,
       "roster: error: joined date '2023-02-30' is not a real date; write it as YYYY-MM-DD (also 2023/7/15 or 2023年7月15日)\n"},
      {"join date in the future", {"add-member", "新公司", "--sector", "tourism", "--joined", "2026-11-30"}, 1,
       "roster: error: joined date 2026-11-30 is in the future (after 2026-11-29); enter a date that has happened\n"},
      {"unknown tier", {"add-member", "新公司", "--sector", "tourism", "--tier", "boss"}, 1,
       "roster: error: unknown tier 'boss'; use president, vice-president, council or member (or 会长, 副会长, 理事, 会员)\n"},
      {"no sector", {"add-member", "新公司"}, 2,
       "roster: error: --sector is required (see `roster add-member --help`)\n"},
      {"unknown option", {"add-member", "新公司", "--sector", "tourism", "--colour", "red"}, 2,
       "roster: error: The following arguments were not expected: red --colour (see `roster add-member --help`)\n"},
      {"bad --as-of", {"list", "--as-of", "2023-13-01"}, 2,
       "roster: error: --as-of '2023-13-01' is not a real date; write it as YYYY-MM-DD (also 2023/7/15 or 2023年7月15日)\n"},
      {"--limit 0", {"list", "--limit", "0"}, 2,
       "roster: error: --limit: must be 1 or more (see `roster list --help`)\n"},
      {"bad --status", {"list", "--status", "gone"}, 2,
       "roster: error: --status: gone not in {active,left,all} (see `roster list --help`)\n"},
      {"unknown list sector", {"list", "--sector", "mining"}, 2,
       "roster: error: unknown sector 'mining'; known sectors: healthcare (医疗健康), e-commerce (电子商务), education (教育), tourism (文化旅游), entertainment (文化娱乐), telecom (通信), manufacturing (智能制造), finance (金融科技), media (数字内容), technology (信息技术), other (其他) (give a code, its English or Chinese name, or a short form such as 医疗)\n"},
      {"init over an existing database", {"init"}, 1,
       "roster: error: '{db}' already exists; roster init never overwrites a file (choose another --db, or move the "
       "old file away first)\n"},
  };

  for (const auto& c : cases) {
    SECTION(c.what) {
      SeededDb fx;
      std::string before = dump_database(fx.db);
      REQUIRE(before.find("CREATE TABLE members") != std::string::npos);
      auto args = c.args;
      // The --as-of case carries its own --as-of.
      if (std::string(c.what) != "bad --as-of") args.insert(args.end(), {"--as-of", "2026-11-29"});
      auto r = fx.roster(args);
      CHECK(r.out.empty());
      CHECK(r.err == expand(c.message, fx.db));
      CHECK(r.code == c.code);
      CHECK(dump_database(fx.db) == before);
    }
  }
}

TEST_CASE("a missing database is an error with the hint to run init, and is not created", "[bad-input]") {
  TempDir dir;
  std::string db = dir.file("nope.db");
  for (auto args : std::vector<std::vector<std::string>>{{"list"}, {"add-member", "新公司", "--sector", "tourism"}}) {
    args.insert(args.end(), {"--db", db});
    auto r = run_roster(args);
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: no database at '" + db + "'; create one with `roster init --db " + db +
                       "`, or pass --db PATH\n");
    CHECK_FALSE(std::filesystem::exists(db));
  }
}

TEST_CASE("a file that is not a roster database is refused untouched", "[bad-input]") {
  TempDir dir;
  SECTION("a text file") {
    std::string path = dir.file("notes.txt");
    write_file(path, "name,sectors\nfoo,bar\n");
    auto r = run_roster({"add-member", "新公司", "--sector", "tourism", "--db", path});
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: '" + path + "' is not a roster database; check --db or $ROSTER_DB\n");
    CHECK(read_file(path) == "name,sectors\nfoo,bar\n");
  }
  SECTION("another program's SQLite file") {
    std::string path = dir.file("other.db");
    REQUIRE(run_program({"sqlite3", path, "CREATE TABLE t(x); INSERT INTO t VALUES (1);"}).code == 0);
    std::string bytes = read_file(path);
    auto r = run_roster({"list", "--db", path});
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: '" + path +
                       "' is not a roster database (it is some other SQLite file); check --db or $ROSTER_DB\n");
    CHECK(read_file(path) == bytes);
  }
}

TEST_CASE("a database from a newer roster is refused untouched", "[bad-input]") {
  DbFixture fx;
  REQUIRE(run_program({"sqlite3", fx.db, "PRAGMA user_version = 99;"}).code == 0);
  std::string bytes = read_file(fx.db);
  for (auto args : std::vector<std::vector<std::string>>{{"list"}, {"add-member", "新公司", "--sector", "tourism"}}) {
    auto r = fx.roster(args);
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: '" + fx.db +
                       "' was written by a newer roster (schema version 99, this roster knows 2); upgrade roster to "
                       "use it\n");
  }
  CHECK(read_file(fx.db) == bytes);
}

TEST_CASE("a read-only database file refuses writes with a clear error and stays as it was", "[bad-input]") {
  // Tests run as root, where file modes do not stop writes: the immutable
  // attribute does.
  DbFixture fx;
  REQUIRE(fx.roster({"add-member", "杭州一号有限公司", "--sector", "tourism", "--joined", "2024-01-01", "-q"}).code == 0);
  std::string before = dump_database(fx.db);
  auto lock = run_program({"chattr", "+i", fx.db});
  REQUIRE(lock.code == 0);  // a filesystem without attributes would make this test meaningless
  auto r = fx.roster({"add-member", "杭州二号有限公司", "--sector", "tourism", "--as-of", "2026-11-29"});
  auto listing = fx.roster({"list", "--as-of", "2026-11-29"});
  REQUIRE(run_program({"chattr", "-i", fx.db}).code == 0);
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: error: the database '" + fx.db +
                     "' is read-only; nothing was changed (check the file's permissions and attributes, e.g. `lsattr`, "
                     "or work on a copy)\n");
  CHECK(listing.code == 0);  // reading still works
  CHECK(listing.out.find("杭州一号有限公司") != std::string::npos);
  CHECK(dump_database(fx.db) == before);
}
