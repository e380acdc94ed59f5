// The name rules (docs/usage.md): a member's name, city and parent, and the
// association's name, refuse control characters, bytes that are not UTF-8,
// and invisible bidi or zero-width marks; the association's name can be changed.
#include <catch2/catch.hpp>
#include <filesystem>

#include "harness.h"

using namespace roster::test;

namespace {

const char* kInvisibleFix =
    " (a zero-width or text-direction mark, often pasted from a web page); delete it or type the name again\n";

std::string sqlite(const std::string& db, const std::string& query) {
  return run_program({"sqlite3", db, query}).out;
}

}  // namespace

TEST_CASE("init refuses a bad association name and creates nothing", "[init][names]") {
  TempDir dir;
  struct Bad {
    std::string name;
    std::string err;
  };
  for (const auto& b : std::vector<Bad>{
           {"",
            "roster: error: --association: the value is empty; give one, or leave the option out (see `roster init "
            "--help`)\n"},
           {" \u3000 ",
            "roster: error: --association: the value is empty; give one, or leave the option out (see `roster init "
            "--help`)\n"},
           {std::string(201, 'a'), "roster: error: the association name is 201 characters long; the limit is 200\n"},
           {"协会\x1b[31m",
            "roster: error: the association name contains a control character (tab, line break or "
            "similar); remove it\n"},
           {"协会\xff",
            "roster: error: the association name is not valid UTF-8 text; check the encoding of the "
            "terminal or file (roster expects UTF-8)\n"},
           {"浙江省\u200B协会", std::string("roster: error: the association name contains the invisible character "
                                            "\\u200b") +
                                    kInvisibleFix},
           {"\u202E会协", std::string("roster: error: the association name contains the invisible character \\u202e") +
                              kInvisibleFix},
       }) {
    auto r = run_roster({"init", "--db", dir.file("a.db"), "--association", b.name});
    CHECK(r.code == (b.err.find("is empty") != std::string::npos ? 2 : 1));  // an empty value is a usage error
    CHECK(r.err == b.err);
    CHECK_FALSE(std::filesystem::exists(dir.file("a.db")));
  }
  // Given with spaces around it, the name is stored trimmed; not given, it stays empty.
  REQUIRE(run_roster({"init", "--db", dir.file("b.db"), "--association", " 浙江省元宇宙产业协会 ", "-q"}).code == 0);
  CHECK(sqlite(dir.file("b.db"), "SELECT name FROM association") == "浙江省元宇宙产业协会\n");
  REQUIRE(run_roster({"init", "--db", dir.file("c.db"), "-q"}).code == 0);
  CHECK(sqlite(dir.file("c.db"), "SELECT name FROM association") == "\n");
}

TEST_CASE("goal set --association renames the association and logs the change", "[goal][names]") {
  SmallGoalFixture fx;
  auto set = fx.roster({"goal", "set", "--association", " 浙江省元宇宙产业协会 "});
  CHECK(set.code == 0);
  CHECK(set.out.empty());
  CHECK(set.err ==
        "roster: association: 浙江省元宇宙产业协会\n"
        "roster: goal: 10 members by 2025-07-15, counting from 2023-07-15\n");
  CHECK(sqlite(fx.db, "SELECT name FROM association") == "浙江省元宇宙产业协会\n");
  CHECK(sqlite(fx.db,
               "SELECT command, kind, CASE WHEN member_id IS NULL THEN 1 ELSE 0 END, field, before, after FROM history "
               "WHERE kind = 'goal.set'") == "goal set|goal.set|1|association|Test Association|浙江省元宇宙产业协会\n");
  auto progress = fx.roster({"progress", "-f", "table", "--as-of", "2025-06-01"});
  CHECK(lines_of(progress.out)[0] == "浙江省元宇宙产业协会 — progress as of 2025-06-01");

  // The same name again changes nothing and logs nothing; with a goal field both change at once.
  REQUIRE(fx.roster({"goal", "set", "--association", "浙江省元宇宙产业协会", "-q"}).code == 0);
  REQUIRE(fx.roster({"goal", "set", "--association", "协会", "--target", "12", "-q"}).code == 0);
  CHECK(sqlite(fx.db, "SELECT field, before, after FROM history WHERE kind = 'goal.set' ORDER BY id") ==
        "association|Test Association|浙江省元宇宙产业协会\n"
        "association|浙江省元宇宙产业协会|协会\n"
        "target|10|12\n");
}

TEST_CASE("goal set refuses a bad association name and leaves the database as it was", "[goal][names]") {
  SmallGoalFixture fx;
  std::string before = dump_database(fx.db);
  struct Bad {
    std::vector<std::string> args;
    std::string err;
  };
  for (const auto& b : std::vector<Bad>{
           {{"goal", "set", "--association", ""},
            "roster: error: --association: the value is empty; give one, or leave the option out (see `roster goal "
            "set --help`)\n"},
           {{"goal", "set", "--association", std::string(201, 'x')},
            "roster: error: the association name is 201 characters long; the limit is 200\n"},
           {{"goal", "set", "--association", "协会\x07"},
            "roster: error: the association name contains a control character (tab, line break or similar); remove "
            "it\n"},
           {{"goal", "set", "--association", "\xfe协会"},
            "roster: error: the association name is not valid UTF-8 text; check the encoding of the terminal or file "
            "(roster expects UTF-8)\n"},
           {{"goal", "set", "--association", "协\u2066会", "--target", "12"},
            std::string("roster: error: the association name contains the invisible character \\u2066") +
                kInvisibleFix},
           {{"goal", "set", "--association", "协会\uFEFF"},
            std::string("roster: error: the association name contains the invisible character \\ufeff") +
                kInvisibleFix},
       }) {
    auto r = fx.roster(b.args);
    CHECK(r.code == (b.err.find("is empty") != std::string::npos ? 2 : 1));
    CHECK(r.err == b.err);
  }
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("a name with an invisible mark is refused, not taken as a second company", "[names][bad-input]") {
  DbFixture fx;
  REQUIRE(fx.roster({"add-member", "杭州某某科技有限公司", "--sector", "tourism", "-q"}).code == 0);
  std::string before = dump_database(fx.db);
  struct Bad {
    std::vector<std::string> args;
    std::string err;
  };
  for (const auto& b : std::vector<Bad>{
           {{"add-member", "杭州某某\u200B科技有限公司", "--sector", "tourism"},
            std::string("roster: error: name contains the invisible character \\u200b") + kInvisibleFix},
           {{"add-member", "杭州某某科技有限公司\u2060", "--sector", "tourism"},
            std::string("roster: error: name contains the invisible character \\u2060") + kInvisibleFix},
           {{"add-member", "ACME\u202Eoc.exe", "--sector", "tourism"},
            std::string("roster: error: name contains the invisible character \\u202e") + kInvisibleFix},
           {{"add-member", "新公司", "--sector", "tourism", "--city", "杭\u200D州"},
            std::string("roster: error: city contains the invisible character \\u200d") + kInvisibleFix},
           {{"add-member", "新公司", "--sector", "tourism", "--parent", "某某集团\u200F"},
            std::string("roster: error: parent contains the invisible character \\u200f") + kInvisibleFix},
           {{"edit-member", "1", "--name", "杭州某某科技有限公司\u200C"},
            std::string("roster: error: name contains the invisible character \\u200c") + kInvisibleFix},
           {{"edit-member", "1", "--city", "\u061C杭州"},
            std::string("roster: error: city contains the invisible character \\u061c") + kInvisibleFix},
       }) {
    auto r = fx.roster(b.args);
    CHECK(r.code == 1);
    CHECK(r.err == b.err);
    CHECK(r.out.empty());
  }
  CHECK(dump_database(fx.db) == before);

  // A note may hold them (an emoji's ZERO WIDTH JOINER); it is shown escaped.
  REQUIRE(fx.roster({"edit-member", "1", "--note", "负责人 👩\u200D💻", "-q"}).code == 0);
  CHECK(fx.roster({"show", "1", "-f", "table"}).out.find("负责人 👩\\u200d💻") != std::string::npos);
}

TEST_CASE("import refuses a row whose name holds an invisible mark, naming the line", "[names][import]") {
  DbFixture fx;
  TempDir dir;
  std::string file = dir.file("members.csv");
  write_file(file, "name,sectors\n杭州某某科技有限公司,tourism\n杭州某某\u200B科技有限公司,tourism\n");
  std::string before = dump_database(fx.db);
  auto r = fx.roster({"import", file});
  CHECK(r.code == 1);
  CHECK(r.err == file + ":3: name: name contains the invisible character \\u200b" +
                     " (a zero-width or text-direction mark, often pasted from a web page); delete it or type the name "
                     "again\n"
                     "roster: error: " +
                     file +
                     ": 1 problem in 2 rows; nothing was imported (fix the rows above and "
                     "run again)\n");
  CHECK(dump_database(fx.db) == before);
}
