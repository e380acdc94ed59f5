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

TEST_CASE("import of a folder says it is a folder, not that the file is empty", "[import][bad-input]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  TempDir dir;
  std::filesystem::create_directory(dir.file("members.csv"));
  auto r = fx.roster({"import", dir.file("members.csv"), "--as-of", kAsOf});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: error: '" + dir.file("members.csv") +
                     "' is a folder, not a file; give the path of the file to import\n");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("import of UTF-16 text says so and how to read it, and --encoding utf-16 reads it", "[import][bad-input]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  TempDir dir;
  // Excel's "Unicode text" and some exports: UTF-16 with a byte-order mark, or without one.
  struct Case {
    const char* encoding;  // as iconv(1) writes it
    const char* suggested;
  };
  for (const Case& c : {Case{"UTF-16", "utf-16"}, Case{"UTF-16LE", "utf-16"}, Case{"UTF-16BE", "utf-16be"}}) {
    DYNAMIC_SECTION(c.encoding) {
      std::string file = dir.file("members.csv");
      write_file(file, encode(kChineseSheet, c.encoding));
      auto r = fx.roster({"import", file, "--as-of", kAsOf});
      CHECK(r.code == 1);
      CHECK(r.out.empty());
      CHECK(r.err == "roster: error: " + file +
                         ": the file is UTF-16; save it as UTF-8 (CSV UTF-8) or add --encoding " + c.suggested + "\n");
      // Also under another --encoding, and from stdin.
      auto gb = fx.roster({"import", "-", "--encoding", "gb18030", "--as-of", kAsOf}, read_file(file));
      CHECK(gb.err == "roster: error: <stdin>: the file is UTF-16; save it as UTF-8 (CSV UTF-8) or add --encoding " +
                          std::string(c.suggested) + "\n");
      CHECK(dump_database(fx.db) == before);

      DbFixture fresh;
      auto read = fresh.roster({"import", file, "--encoding", c.suggested, "--as-of", kAsOf});
      CHECK(read.code == 0);
      CHECK(read.err == "roster: imported 3 members from " + file + "\n");
      CHECK(list_all(fresh) == kChineseSheetList);
    }
  }
  SECTION("a UTF-16 JSON Lines file is named the same way") {
    auto r = fx.roster({"import", "-", "--format", "jsonl", "--as-of", kAsOf},
                       encode("{\"name\": \"甲公司\", \"sectors\": \"tourism\"}\n", "UTF-16LE"));
    CHECK(r.err ==
          "roster: error: <stdin>: the file is UTF-16; save it as UTF-8 (CSV UTF-8) or add --encoding "
          "utf-16\n");
  }
}

TEST_CASE("import of an Excel or WPS workbook says to save it as CSV, by its name or by its bytes",
          "[import][bad-input]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  TempDir dir;
  const std::string save_as =
      ": the file is an Excel or WPS workbook, not text; save it as CSV (另存为 CSV UTF-8) and "
      "import that file\n";
  const std::string zip("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", 14);   // .xlsx, .et of WPS 2019
  const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00\x00", 12);  // .xls, older .et
  for (const char* name : {"会员名单.xlsx", "会员名单.XLS", "会员名单.et", "会员名单.xlsm"}) {
    DYNAMIC_SECTION(name) {
      std::string file = dir.file(name);
      write_file(file, zip + std::string(200, '\0'));
      auto r = fx.roster({"import", file, "--as-of", kAsOf});
      CHECK(r.code == 1);
      CHECK(r.out.empty());
      CHECK(r.err == "roster: error: " + file + save_as);
    }
  }
  SECTION("a workbook renamed to .csv, or piped in") {
    std::string file = dir.file("会员名单.csv");
    write_file(file, zip + std::string(200, 'x'));
    auto r = fx.roster({"import", file, "--as-of", kAsOf});
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: " + file + save_as);
    auto piped = fx.roster({"import", "-", "--encoding", "gb18030", "--as-of", kAsOf}, ole + std::string(500, '\0'));
    CHECK(piped.code == 1);
    CHECK(piped.err == "roster: error: <stdin>" + save_as);
    auto json = fx.roster({"import", "-", "--format", "json", "--as-of", kAsOf}, zip);
    CHECK(json.err == "roster: error: <stdin>" + save_as);
  }
  CHECK(dump_database(fx.db) == before);
}
