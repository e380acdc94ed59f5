#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {
const char* kHeader = "name,uscc,sectors,joined,left,tier,city,parent,note\n";

std::string count_members(const std::string& db) {
  return run_program({"sqlite3", db, "SELECT count(*) FROM members; SELECT count(*) FROM periods;"}).out;
}
}  // namespace

TEST_CASE("import loads the demo roster: 91 founders and later joins", "[import]") {
  DbFixture fx;
  auto r = fx.roster({"import", (source_dir() / "data/demo-members.csv").string(), "--as-of", "2026-11-29"});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("roster: imported ") == 0);
  auto founders = fx.roster({"list", "--as-of", "2023-07-15", "-f", "jsonl"});
  CHECK(std::count(founders.out.begin(), founders.out.end(), '\n') == 91);
}

TEST_CASE("import reads stdin, any column order, CRLF, BOM and quoted line breaks", "[import]") {
  DbFixture fx;
  std::string csv =
      "\xEF\xBB\xBF"
      "sectors,name,joined\r\n"
      "tourism;education,\"杭州, 西湖文旅有限公司\",2024-01-02\r\n"
      "医疗健康,宁波健康有限公司,2024-02-03\r\n";
  auto r = fx.roster({"import", "-", "--as-of", "2025-01-01"}, csv);
  CHECK(r.code == 0);
  CHECK(r.err == "roster: imported 2 members from <stdin>\n");
  auto list = fx.roster({"list", "-f", "tsv", "--as-of", "2025-01-01"});
  CHECK(list.out ==
        "id\tname\tuscc\tsectors\ttier\tcity\tparent\tnote\tjoined\tleft\tstatus\n"
        "1\t杭州, 西湖文旅有限公司\t\ttourism;education\tmember\t\t\t\t2024-01-02\t\tactive\n"
        "2\t宁波健康有限公司\t\thealthcare\tmember\t\t\t\t2024-02-03\t\tactive\n");
}

TEST_CASE("import is all-or-nothing and reports every bad row as FILE:LINE: field: reason", "[import]") {
  DbFixture fx;
  REQUIRE(fx.roster({"add-member", "已有会员有限公司", "--sector", "tourism", "--joined", "2024-01-01", "-q"}).code ==
          0);
  std::string before = dump_database(fx.db);
  TempDir dir;
  std::string file = dir.file("bad.csv");
  write_file(file, std::string(kHeader) +
                       "好公司一,,tourism,2024-01-01,,,,,\n"                    // 2: fine
                       ",,tourism,2024-01-01,,,,,\n"                            // 3: empty name
                       "好公司二,91110000600037341N,tourism,2024-01-01,,,,,\n"  // 4: bad USCC
                       "好公司三,,mining,2024-01-01,,,,,\n"                     // 5: unknown sector
                       "好公司四,,tourism,2023-02-30,,,,,\n"                    // 6: impossible date
                       "好公司五,,tourism,2024-05-01,2024-04-01,,,,\n"          // 7: left before joined
                       "\"好公司\n六\",,tourism,2024-01-01,,,,,\n"              // 8: line break in name
                       "好公司七,,tourism,2024-01-01,,boss,,,\n"                // 10: bad tier
                       "好公司一,,education,2024-01-01,,,,,\n"                  // 11: same name as line 2
                       "已有会员有限公司,,tourism,2024-01-01,,,,,\n"            // 12: already a member
                       "好公司八,,tourism,2024-01-01\n"                         // 13: ragged row
                       "好公司九,,tourism,2099-01-01,,,,,\n");                  // 14: future
  auto r = fx.roster({"import", file, "--as-of", "2026-11-29"});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(
      r.err ==
      file + ":3: name: name is empty; give the member's legal name\n" + file +
          ":4: uscc: USCC check character is 'N' but the code calls for 'L'; check for a typo\n" + file +
          ":5: sectors: unknown sector 'mining'; known sectors: healthcare (医疗健康), e-commerce (电子商务), "
          "education (教育), tourism (文化旅游), entertainment (文化娱乐), telecom (通信), manufacturing (智能制造), "
          "finance (金融科技), media (数字内容), technology (信息技术), other (其他) (give a code, its English or "
          "Chinese name, or a short form such as 医疗)\n" +
          file +
          ":6: joined: joined date '2023-02-30' is not a real date; write it as YYYY-MM-DD (also 2023/7/15 or "
          "2023年7月15日)\n" +
          file +
          ":7: left: left date 2024-04-01 is not after the joined date 2024-05-01; a member leaves after joining\n" +
          file + ":8: name: name contains a control character (tab, line break or similar); remove it\n" + file +
          ":10: tier: unknown tier 'boss'; use president, vice-president, council or member (or 会长, 副会长, 理事, "
          "会员)\n" +
          file + ":11: name: '好公司一' is already on line 2 of this file\n" + file +
          ":12: name: '已有会员有限公司' is already member #1 (已有会员有限公司); names are compared ignoring "
          "case, width and spacing; add --update to change it from the file\n" +
          file + ":13: row: 4 cells where the header has 9; quote cells that contain commas\n" + file +
          ":14: joined: joined date 2099-01-01 is in the future (after 2026-11-29); enter a date that has happened\n" +
          "roster: error: " + file +
          ": 11 problems in 12 rows; nothing was imported (fix the rows above and run again)\n");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("import catches duplicate USCCs inside the file and against the database", "[import]") {
  DbFixture fx;
  REQUIRE(fx.roster({"add-member", "甲公司", "--sector", "tourism", "--uscc", "91310110666007217T", "--joined",
                     "2024-01-01", "-q"})
              .code == 0);
  std::string csv = std::string(kHeader) +
                    "乙公司,91110000600037341l,tourism,2024-01-01,,,,,\n"
                    "丙公司,91110000600037341L,tourism,2024-01-01,,,,,\n"
                    "丁公司,91310110666007217T,tourism,2024-01-01,,,,,\n";
  auto r = fx.roster({"import", "-", "--as-of", "2026-11-29"}, csv);
  CHECK(r.code == 1);
  CHECK(r.err ==
        "<stdin>:3: uscc: USCC 91110000600037341L is already on line 2 of this file\n"
        "<stdin>:4: uscc: USCC 91310110666007217T already belongs to member #1 (甲公司); add --update to change it "
        "from the file\n"
        "roster: error: <stdin>: 2 problems in 3 rows; nothing was imported (fix the rows above and run again)\n");
  CHECK(count_members(fx.db) == "1\n1\n");
}

TEST_CASE("import --dry-run checks every row and writes nothing", "[import]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  auto r = fx.roster(
      {"import", (source_dir() / "tests/e2e/fixtures/small.csv").string(), "--dry-run", "--as-of", "2025-06-01"});
  CHECK(r.code == 0);
  CHECK(r.err == "roster: dry run: 8 rows checked, 8 members would be added; nothing written\n");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("import --max-errors caps the report and counts the rest", "[import]") {
  DbFixture fx;
  std::string csv = kHeader;
  for (int i = 0; i < 5; ++i) csv += "公司" + std::to_string(i) + ",,mining,2024-01-01,,,,,\n";
  auto r = fx.roster({"import", "-", "--max-errors", "2", "--as-of", "2026-11-29"}, csv);
  CHECK(r.code == 1);
  CHECK(r.err ==
        "<stdin>:2: sectors: unknown sector 'mining'; known sectors: healthcare (医疗健康), e-commerce (电子商务), "
        "education (教育), tourism (文化旅游), entertainment (文化娱乐), telecom (通信), manufacturing (智能制造), "
        "finance (金融科技), media (数字内容), technology (信息技术), other (其他) (give a code, its English or "
        "Chinese name, or a short form such as 医疗)\n"
        "<stdin>:3: sectors: unknown sector 'mining'; known sectors: healthcare (医疗健康), e-commerce (电子商务), "
        "education (教育), tourism (文化旅游), entertainment (文化娱乐), telecom (通信), manufacturing (智能制造), "
        "finance (金融科技), media (数字内容), technology (信息技术), other (其他) (give a code, its English or "
        "Chinese name, or a short form such as 医疗)\n"
        "<stdin>: … and 3 more problems not shown (raise --max-errors to see them)\n"
        "roster: error: <stdin>: 5 problems in 5 rows; nothing was imported (fix the rows above and run again)\n");
}

TEST_CASE("import refuses a file it cannot read as roster's CSV", "[import]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  auto unknown = fx.roster({"import", "-"}, "name,sector,colour\n甲,tourism,red\n");
  CHECK(unknown.code == 1);
  CHECK(unknown.err ==
        "roster: error: <stdin>:1: header: unknown column 'colour'; drop it with --ignore colour, or read it as one "
        "of roster's columns with --map 'colour=COLUMN' (COLUMN: name, uscc, sectors, joined, left, tier, city, "
        "parent, note, reason or id)\n");
  auto unclosed = fx.roster({"import", "-"}, "name,sectors\n\"甲,tourism\n");
  CHECK(unclosed.code == 1);
  CHECK(unclosed.err == "roster: error: <stdin>:2: a quoted field is never closed; add the missing '\"'\n");
  auto missing = fx.roster({"import", "/nonexistent/members.csv"});
  CHECK(missing.code == 1);
  CHECK(missing.err == "roster: error: cannot read '/nonexistent/members.csv'; check the path\n");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("list -f csv piped into import fills a new database with the same members", "[import]") {
  DbFixture from, to;
  REQUIRE(
      from.roster({"import", (source_dir() / "tests/e2e/fixtures/small.csv").string(), "--as-of", "2025-06-01", "-q"})
          .code == 0);
  auto csv = from.roster({"list", "-f", "csv", "--status", "all", "--as-of", "2025-06-01"});
  auto r = to.roster({"import", "-", "--as-of", "2025-06-01"}, csv.out);
  CHECK(r.code == 0);
  CHECK(r.err == "roster: imported 8 members from <stdin>\n");
  CHECK(to.roster({"list", "-f", "csv", "--status", "all", "--as-of", "2025-06-01"}).out == csv.out);
}

TEST_CASE("import of one row says so in the singular", "[import]") {
  DbFixture fx;
  auto ok = fx.roster({"import", "-", "--as-of", "2026-11-29"}, "name,sectors,joined\n甲公司,tourism,2024-01-01\n");
  CHECK(ok.err == "roster: imported 1 member from <stdin>\n");
  auto bad = fx.roster({"import", "-", "--as-of", "2026-11-29"}, "name,sectors,joined\n乙公司,mining,2024-01-01\n");
  CHECK(bad.err.find("1 problem in 1 row;") != std::string::npos);
}

TEST_CASE("a reason on a period that has not ended is refused: a new member, a later period, an --update row",
          "[import]") {
  DbFixture fx;
  REQUIRE(fx.roster({"add-member", "宁波海岚教育科技有限公司", "--sector", "education", "--joined", "2024-02-01", "-q",
                     "--as-of", "2026-11-29"})
              .code == 0);
  std::string before = dump_database(fx.db);
  const std::string why =
      "reason '未缴会费' is for a period that has not ended; give its left date too, or leave the "
      "reason empty";
  struct Case {
    const char* what;
    std::vector<std::string> args;
    std::string input;
    std::string err;
  };
  for (
      const auto& c : std::vector<Case>{
          {"a new member's only period",
           {"import", "-"},
           "name,sectors,joined,reason\n杭州青禾文旅科技有限公司,tourism,2023-07-15,未缴会费\n",
           "<stdin>:2: reason: " + why + "\n"},
          {"a later period of a member in the file",
           {"import", "-"},
           "id,name,sectors,joined,left,reason\n7,杭州青禾文旅科技有限公司,tourism,2023-07-15,2024-12-31,退会\n"
           "7,杭州青禾文旅科技有限公司,tourism,2025-06-01,,未缴会费\n",
           "<stdin>:3: reason: " + why + "\n"},
          {"JSON periods",
           {"import", "-", "-f", "json"},
           R"([{"name":"杭州青禾文旅科技有限公司","sectors":["tourism"],"periods":[{"joined":"2023-07-15","left":null,"reason":"未缴会费"}]}])",
           "<stdin>:1: reason: " + why + "\n"},
          {"an --update row without a left date",
           {"import", "-", "--update"},
           "name,reason\n宁波海岚教育科技有限公司,未缴会费\n",
           "<stdin>:2: reason: " + why + "\n"}}) {
    auto args = c.args;
    args.insert(args.end(), {"--as-of", "2026-11-29"});
    auto r = fx.roster(args, c.input);
    INFO(c.what);
    CHECK(r.code == 1);
    CHECK(r.err.rfind(c.err, 0) == 0);
    CHECK(lines_of(r.err).size() == 2);  // the row, then "1 problem in N rows; nothing was imported"
    CHECK(dump_database(fx.db) == before);
  }
}
