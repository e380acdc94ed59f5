// Files import refuses as a whole, early, with the reason and the fix: a line
// or member over 1 MB, a folder, UTF-16 text, a spreadsheet workbook.
#include <catch2/catch.hpp>

#include "import_helpers.h"

using namespace roster::test;

namespace {

// About 3 MB of text without a line break: one cell, note or JSON string.
const std::string kHuge(3 * 1024 * 1024, 'x');

std::string too_long(const std::string& where, const std::string& what) {
  return "roster: error: " + where + ": " + what +
         " is longer than 1 MB; a member takes a few hundred bytes, so check that this is the member list\n";
}

}  // namespace

TEST_CASE("import refuses a line, row or member object longer than 1 MB with its line, nothing written",
          "[import][bad-input]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  TempDir dir;
  const std::string ok_row = "甲公司,tourism,2024-01-01\n";

  SECTION("a CSV line, from a file and from stdin") {
    std::string file = dir.file("huge.csv");
    write_file(file, "name,sectors,joined,note\n" + ok_row + "乙公司,tourism,2024-01-01," + kHuge + "\n");
    auto r = fx.roster({"import", file, "--as-of", kAsOf});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == too_long(file + ":3", "a line"));
    auto piped = fx.roster({"import", "-", "--as-of", kAsOf}, read_file(file));
    CHECK(piped.code == 1);
    CHECK(piped.err == too_long("<stdin>:3", "a line"));
  }
  SECTION("a quoted CSV cell whose short lines add up to more than 1 MB") {
    std::string cell;
    for (int i = 0; i < 30000; ++i) cell += "备注的一行，不算长。\n";  // 31 bytes a line, 930,000 in all
    cell += cell;
    auto r = fx.roster({"import", "-", "--as-of", kAsOf},
                       "name,sectors,joined,note\n" + ok_row + "乙公司,tourism,2024-01-01,\"" + cell + "\"\n");
    CHECK(r.code == 1);
    CHECK(r.err == too_long("<stdin>:3", "a row"));
  }
  SECTION("a TSV line") {
    auto r = fx.roster({"import", "-", "--format", "tsv", "--as-of", kAsOf},
                       "name\tsectors\tnote\n甲公司\ttourism\t" + kHuge + "\n");
    CHECK(r.code == 1);
    CHECK(r.err == too_long("<stdin>:2", "a line"));
  }
  SECTION("a JSON Lines line") {
    auto r = fx.roster({"import", "-", "--format", "jsonl", "--as-of", kAsOf},
                       "{\"name\": \"甲公司\", \"sectors\": \"tourism\"}\n{\"name\": \"" + kHuge + "\"}\n");
    CHECK(r.code == 1);
    CHECK(r.err == too_long("<stdin>:2", "a line"));
  }
  SECTION("one value of a JSON array written on one line") {
    // A whole roster on one line is fine (jq -c writes that); one member over 1 MB is not.
    std::string members;
    for (int i = 0; i < 4000; ++i) {
      members += "{\"name\": \"会员企业" + std::to_string(i) + "有限公司\", \"sectors\": [\"tourism\"], \"note\": \"" +
                 std::string(300, 'n') + "\"},";
    }
    std::string file = dir.file("members.json");
    write_file(file, "[" + members + "{\"name\": \"乙公司\", \"sectors\": \"tourism\", \"note\": \"" + kHuge + "\"}]");
    REQUIRE(read_file(file).size() > 4 * 1024 * 1024);
    auto r = fx.roster({"import", file, "--as-of", kAsOf});
    CHECK(r.code == 1);
    CHECK(r.err == too_long(file + ":1", "a member object"));
    // Without the huge member the same long line imports.
    write_file(file, "[" + members.substr(0, members.size() - 1) + "]");
    DbFixture fresh;
    auto good = fresh.roster({"import", file, "--as-of", kAsOf});
    CHECK(good.code == 0);
    CHECK(good.err == "roster: imported 4000 members from " + file + "\n");
  }
  SECTION("a GB18030 file is measured after conversion") {
    auto r = fx.roster({"import", "-", "--encoding", "gb18030", "--as-of", kAsOf},
                       encode("单位名称,所属行业,备注\r\n甲公司,文化旅游,", "GB18030") + kHuge + "\r\n");
    CHECK(r.code == 1);
    CHECK(r.err == too_long("<stdin>:2", "a line"));
  }
  CHECK(dump_database(fx.db) == before);
}
