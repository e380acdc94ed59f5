// import of files saved by Chinese spreadsheet programs: GB18030/GBK, BOM, CRLF.
#include <catch2/catch.hpp>

#include "import_helpers.h"

using namespace roster::test;

// ---------------------------------------------------------------------------
// 1. GB18030 and GBK

TEST_CASE("import --encoding gb18030 reads a Chinese spreadsheet with CRLF line ends", "[import-formats]") {
  DbFixture fx;
  TempDir dir;
  std::string file = dir.file("会员名单.csv");
  std::string bytes = encode(kChineseSheet, "GB18030");
  REQUIRE(bytes != kChineseSheet);  // really converted
  write_file(file, bytes);
  auto r = fx.roster({"import", file, "--encoding", "gb18030", "--as-of", kAsOf});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: imported 3 members from " + file + "\n");
  CHECK(list_all(fx) == kChineseSheetList);
  // The encoding name is not case-sensitive.
  DbFixture upper;
  CHECK(upper.roster({"import", file, "--encoding", "GB18030", "--as-of", kAsOf, "-q"}).code == 0);
  CHECK(list_all(upper) == kChineseSheetList);
}

TEST_CASE("import of a GB18030 file without --encoding is refused with the hint, nothing written", "[import-formats]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  TempDir dir;

  SECTION("Chinese headers: line 1") {
    std::string file = dir.file("members.csv");
    write_file(file, encode(kChineseSheet, "GB18030"));
    auto r = fx.roster({"import", file, "--as-of", kAsOf});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "roster: error: " + file + ":1" + kNotUtf8);
    auto dry = fx.roster({"import", file, "--dry-run", "--as-of", kAsOf});
    CHECK(dry.code == 1);
    CHECK(dry.out.empty());
    CHECK(dry.err == "roster: error: " + file + ":1" + kNotUtf8);
  }
  SECTION("English headers, Chinese only on line 4: that line is named") {
    std::string file = dir.file("members.csv");
    write_file(file, encode("name,sectors,joined\r\n"
                            "Acme Trading Ltd,tourism,2024-01-01\r\n"
                            "Zhejiang Books Ltd,education,2024-01-02\r\n"
                            "杭州西湖文旅有限公司,tourism,2024-01-03\r\n",
                            "GB18030"));
    auto r = fx.roster({"import", file, "--as-of", kAsOf});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "roster: error: " + file + ":4" + kNotUtf8);
  }
  SECTION("from stdin") {
    auto r = fx.roster({"import", "-", "--as-of", kAsOf}, encode(kChineseSheet, "GB18030"));
    CHECK(r.code == 1);
    CHECK(r.err == std::string("roster: error: <stdin>:1") + kNotUtf8);
  }
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("import --encoding gbk reads a GBK file, also from stdin", "[import-formats]") {
  std::string bytes = encode(kChineseSheet, "GBK");
  SECTION("file") {
    DbFixture fx;
    TempDir dir;
    std::string file = dir.file("members.csv");
    write_file(file, bytes);
    auto r = fx.roster({"import", file, "--encoding", "gbk", "--as-of", kAsOf});
    CHECK(r.code == 0);
    CHECK(r.err == "roster: imported 3 members from " + file + "\n");
    CHECK(list_all(fx) == kChineseSheetList);
  }
  SECTION("stdin") {
    DbFixture fx;
    auto r = fx.roster({"import", "-", "--encoding", "gbk", "--as-of", kAsOf}, bytes);
    CHECK(r.code == 0);
    CHECK(r.err == "roster: imported 3 members from <stdin>\n");
    CHECK(list_all(fx) == kChineseSheetList);
  }
}

TEST_CASE("import --encoding gb18030 reads four-byte characters that GBK lacks", "[import-formats]") {
  // U+20000 and U+3400 are four-byte sequences in GB18030; GBK cannot encode them.
  std::string sheet = "单位名称,所属行业,入会日期\n𠀀㐀科技有限公司,信息技术,2024/1/2\n";
  std::string bytes = encode(sheet, "GB18030");
  DbFixture fx;
  std::string before = dump_database(fx.db);
  TempDir dir;
  std::string file = dir.file("members.csv");
  write_file(file, bytes);
  auto gbk = fx.roster({"import", file, "--encoding", "gbk", "--as-of", kAsOf});
  CHECK(gbk.code == 1);
  CHECK(gbk.err == "roster: error: " + file + ":2: the file is not valid gbk; check --encoding\n");
  CHECK(dump_database(fx.db) == before);
  auto r = fx.roster({"import", file, "--encoding", "gb18030", "--as-of", kAsOf});
  CHECK(r.code == 0);
  CHECK(r.err == "roster: imported 1 member from " + file + "\n");
  CHECK(list_all(fx) ==
        std::string(kListHeader) + "1\t𠀀㐀科技有限公司\t\ttechnology\tmember\t\t\t\t2024-01-02\t\tactive\n");
}

TEST_CASE("import of a GB18030 file larger than the conversion buffer keeps every character", "[import-formats]") {
  // Enough rows that multi-byte characters straddle the 64 KiB read buffer.
  std::string sheet = "单位名称,所属行业,入会日期,备注\r\n";
  for (int i = 1; i <= 3000; ++i) {
    sheet += "文旅企业" + std::to_string(i) + "号有限公司,文化旅游,2024/1/2,中文备注" + std::to_string(i) + "\r\n";
  }
  REQUIRE(sheet.size() > 3 * 65536);
  DbFixture fx;
  auto r = fx.roster({"import", "-", "--encoding", "gb18030", "--as-of", kAsOf}, encode(sheet, "GB18030"));
  CHECK(r.code == 0);
  CHECK(r.err == "roster: imported 3000 members from <stdin>\n");
  CHECK(sql(fx.db, "SELECT name, note FROM members WHERE id IN (1, 1500, 3000) ORDER BY id;") ==
        "文旅企业1号有限公司|中文备注1\n文旅企业1500号有限公司|中文备注1500\n文旅企业3000号有限公司|中文备注3000\n");
  CHECK(sql(fx.db,
            "SELECT count(*) FROM members WHERE name NOT LIKE '文旅企业%号有限公司' OR note NOT LIKE '中文备注%';") ==
        "0\n");
}

TEST_CASE("import refuses bytes that are not valid in the named encoding, and an unknown encoding",
          "[import-formats]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  auto bad = fx.roster({"import", "-", "--encoding", "gb18030", "--as-of", kAsOf},
                       "name,sectors\r\nAcme,tourism\r\n\xFF\xFF,tourism\r\n");
  CHECK(bad.code == 1);
  CHECK(bad.err == "roster: error: <stdin>:3: the file is not valid gb18030; check --encoding\n");
  auto cut = fx.roster({"import", "-", "--encoding", "gb18030", "--as-of", kAsOf},
                       "name,sectors\nAcme,tourism\n" + encode("中", "GB18030").substr(0, 1));
  CHECK(cut.code == 1);
  CHECK(cut.err == "roster: error: <stdin>:3: the file ends inside a character; check --encoding\n");
  TempDir dir;  // a file: the usage error comes before the input is read
  std::string file = dir.file("members.csv");
  write_file(file, "name,sectors\nA,tourism\n");
  auto unknown = fx.roster({"import", file, "--encoding", "klingon", "--as-of", kAsOf});
  CHECK(unknown.code == 2);
  CHECK(unknown.err == "roster: error: unknown --encoding 'klingon'; use utf-8, gb18030 or gbk\n");
  CHECK(dump_database(fx.db) == before);
}

// ---------------------------------------------------------------------------
// 2. UTF-8 with BOM, CRLF

TEST_CASE("import reads UTF-8 with a BOM and with CRLF line ends", "[import-formats]") {
  TempDir dir;
  SECTION("BOM, LF") {
    DbFixture fx;
    std::string file = dir.file("bom.csv");
    write_file(file,
               "\xEF\xBB\xBF" + std::string("单位名称,所属行业,入会日期\n杭州西湖文旅有限公司,文化旅游,2024/7/5\n"));
    auto r = fx.roster({"import", file, "--as-of", kAsOf});
    CHECK(r.code == 0);
    CHECK(r.err == "roster: imported 1 member from " + file + "\n");
    CHECK(list_all(fx) ==
          std::string(kListHeader) + "1\t杭州西湖文旅有限公司\t\ttourism\tmember\t\t\t\t2024-07-05\t\tactive\n");
  }
  SECTION("CRLF, no BOM, no line end after the last row") {
    DbFixture fx;
    std::string file = dir.file("crlf.csv");
    write_file(file, kChineseSheet.substr(0, kChineseSheet.size() - 2));
    auto r = fx.roster({"import", file, "--as-of", kAsOf});
    CHECK(r.code == 0);
    CHECK(r.err == "roster: imported 3 members from " + file + "\n");
    CHECK(list_all(fx) == kChineseSheetList);
  }
  SECTION("BOM and CRLF, --encoding utf-8 given explicitly") {
    DbFixture fx;
    std::string file = dir.file("both.csv");
    write_file(file, "\xEF\xBB\xBF" + kChineseSheet);
    auto r = fx.roster({"import", file, "--encoding", "utf-8", "--as-of", kAsOf});
    CHECK(r.code == 0);
    CHECK(r.err == "roster: imported 3 members from " + file + "\n");
    CHECK(list_all(fx) == kChineseSheetList);
  }
}

// ---------------------------------------------------------------------------
// 3. TSV, JSON, JSON Lines
