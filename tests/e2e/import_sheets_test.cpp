// Sheets as WPS and Excel save them: a title row above the header, empty
// columns at the right, columns roster does not know; and the field samples
// a secretariat keeps (tests/e2e/fixtures/wps-*.csv: synthetic, every name made up).
#include <catch2/catch.hpp>

#include "import_helpers.h"

using namespace roster::test;

namespace {

const std::string kOneMemberList =
    std::string(kListHeader) + "1\t杭州西湖文旅有限公司\t\ttourism\tcouncil\t杭州\t\t\t2024-07-05\t\tactive\n";

}  // namespace

TEST_CASE("import finds the header under a title row and skips blank rows above it", "[import][sheets]") {
  DbFixture fx;
  auto r = fx.roster({"import", "-", "--dry-run", "--as-of", kAsOf},
                     "浙江省元宇宙产业协会会员名单（截至2025年8月）,,,,\r\n"
                     ",,,,\r\n"
                     ",制表：秘书处,,,\r\n"
                     "单位名称,所属行业,入会日期,会员类别,所在城市\r\n"
                     "杭州西湖文旅有限公司,文化旅游,2024/7/5,理事,杭州\r\n");
  CHECK(r.code == 0);
  CHECK(r.out == "<stdin>:5: add: 杭州西湖文旅有限公司\n");
  CHECK(r.err == "roster: dry run: 1 row checked, 1 member would be added; nothing written\n");
  auto real =
      fx.roster({"import", "-", "--as-of", kAsOf},
                "会员名单\n单位名称,所属行业,入会日期,会员类别,所在城市\n杭州西湖文旅有限公司,文化旅游,2024/7/5,"
                "理事,杭州\n");
  CHECK(real.code == 0);
  CHECK(list_all(fx) == kOneMemberList);
}

TEST_CASE("import refuses rows with data above the header instead of dropping them", "[import][sheets]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  auto r = fx.roster({"import", "-", "--as-of", kAsOf},
                     "会员名单,,\n甲公司,tourism,2024-01-01\n单位名称,所属行业,入会日期\n乙公司,tourism,2024-01-01\n");
  CHECK(r.code == 1);
  CHECK(r.err ==
        "roster: error: <stdin>:2: header: the header is on line 3, but line 2 above it holds more than a "
        "title; delete the rows above the header or move them below it\n");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("import reads past empty columns that Excel leaves at the right, but not text under no header",
          "[import][sheets]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  auto bad = fx.roster({"import", "-", "--as-of", kAsOf},
                       "单位名称,所属行业,入会日期,会员类别,所在城市,,,\r\n"
                       "杭州西湖文旅有限公司,文化旅游,2024/7/5,理事,杭州,,,\r\n"
                       "宁波教育科技有限公司,教育,2024/7/5,会员,宁波,,老会员,\r\n");
  CHECK(bad.code == 1);
  CHECK(bad.err ==
        "<stdin>:3: row: cell 7 holds text, but its column has no header; give the column a header (then "
        "--map or --ignore it) or clear the cell\n"
        "roster: error: <stdin>: 1 problem in 2 rows; nothing was imported (fix the rows above and run "
        "again)\n");
  CHECK(dump_database(fx.db) == before);

  auto r = fx.roster({"import", "-", "--as-of", kAsOf},
                     "单位名称,所属行业,入会日期,会员类别,所在城市,,,\r\n"
                     "杭州西湖文旅有限公司,文化旅游,2024/7/5,理事,杭州,,,\r\n"
                     ",,,,,,,\r\n");
  CHECK(r.code == 0);
  CHECK(r.err == "roster: imported 1 member from <stdin>\n");
  CHECK(list_all(fx) == kOneMemberList);

  // Rows cut short after the last named column (some programs drop empty cells) are fine too.
  DbFixture short_rows;
  auto cut = short_rows.roster({"import", "-", "--format", "tsv", "--as-of", kAsOf},
                               "单位名称\t所属行业\t入会日期\t会员类别\t所在城市\t\t\n"
                               "杭州西湖文旅有限公司\t文化旅游\t2024/7/5\t理事\t杭州\n");
  CHECK(cut.code == 0);
  CHECK(list_all(short_rows) == kOneMemberList);
}

TEST_CASE("import names every unknown column and the exact --ignore and --map options", "[import][sheets]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  const std::string sheet =
      "序号,单位名称,所属行业,入会日期,会员类别,所在城市,备用字段,传真,备注\r\n"
      "1,杭州西湖文旅有限公司,文化旅游,2024/7/5,理事,杭州,王经理,0571-88888888,\r\n";
  auto r = fx.roster({"import", "-", "--as-of", kAsOf}, sheet);
  CHECK(r.code == 1);
  CHECK(r.err ==
        "roster: error: <stdin>:1: header: unknown columns '序号', '备用字段', '传真'; drop them with "
        "--ignore 序号 --ignore 备用字段 --ignore 传真, or read one as one of roster's columns with --map "
        "'序号=COLUMN' (COLUMN: name, uscc, sectors, joined, left, tier, city, parent, note, reason or id)\n");
  auto one_left = fx.roster({"import", "-", "--ignore", "序号", "--ignore", "传真", "--as-of", kAsOf}, sheet);
  CHECK(one_left.code == 1);
  CHECK(one_left.err ==
        "roster: error: <stdin>:1: header: unknown column '备用字段'; drop it with --ignore 备用字段, or "
        "read it as one of roster's columns with --map '备用字段=COLUMN' (COLUMN: name, uscc, sectors, "
        "joined, left, tier, city, parent, note, reason or id)\n");
  CHECK(dump_database(fx.db) == before);

  // Doing what the message says imports the sheet.
  auto ok = fx.roster({"import", "-", "--ignore", "序号", "--ignore", "备用字段", "--ignore", "传真", "--as-of", kAsOf},
                      sheet);
  CHECK(ok.code == 0);
  CHECK(ok.err == "roster: imported 1 member from <stdin>\n");
  CHECK(list_all(fx) == kOneMemberList);

  SECTION("a header with spaces is quoted for the shell, and --ignore compares like headers") {
    DbFixture other;
    auto spaced = other.roster({"import", "-", "--as-of", kAsOf}, "name,sectors,Contact Person\n甲公司,tourism,王\n");
    CHECK(spaced.err.find("unknown column 'Contact Person'; drop it with --ignore 'Contact Person', or read it as one "
                          "of roster's columns with --map 'Contact Person=COLUMN'") != std::string::npos);
    auto ignored = other.roster({"import", "-", "--ignore", "ＣＯＮＴＡＣＴ  person", "--as-of", kAsOf},
                                "name,sectors,Contact Person\n甲公司,tourism,王\n");
    CHECK(ignored.code == 0);
  }
  SECTION("--ignore drops a known column too, and an empty --ignore is a usage error") {
    DbFixture other;
    auto dropped = other.roster({"import", "-", "--ignore", "备注", "--as-of", kAsOf},
                                "单位名称,所属行业,备注\n甲公司,tourism,旧备注\n");
    CHECK(dropped.code == 0);
    CHECK(sql(other.db, "SELECT note FROM members;") == "\n");
    TempDir dir;
    std::string file = dir.file("m.csv");
    write_file(file, "name,sectors\n甲公司,tourism\n");
    auto empty = other.roster({"import", file, "--ignore", " ", "--as-of", kAsOf});
    CHECK(empty.code == 2);
    CHECK(empty.err ==
          "roster: error: --ignore: the value is empty; give one, or leave the option out (see `roster import "
          "--help`)\n");
  }
}

TEST_CASE("the WPS member sheets from the field are read with --encoding gb18030 and --ignore, title row or not",
          "[import][sheets]") {
  // The samples' real problems are named by line; everything about their
  // shape (GB18030, CRLF, title row, 序号, a cell with a line break) is read
  // as meant, and their 联系人 and 电话 columns are the contacts.
  DbFixture fx;
  std::string before = dump_database(fx.db);
  const std::vector<std::string> flags = {"--encoding", "gb18030", "--ignore", "序号", "--dry-run", "--as-of", kAsOf};
  auto run = [&](const std::string& name) {
    std::vector<std::string> args = {"import", (source_dir() / "tests/e2e/fixtures" / name).string()};
    args.insert(args.end(), flags.begin(), flags.end());
    return fx.roster(args);
  };
  auto plain = run("wps-member-sheet-gb18030.csv");
  auto titled = run("wps-member-sheet-with-title-gb18030.csv");
  CHECK(plain.code == 1);
  CHECK(titled.code == 1);

  // Without the flags, the message names the columns to --ignore.
  auto bare =
      fx.roster({"import", (source_dir() / "tests/e2e/fixtures/wps-member-sheet-with-title-gb18030.csv").string(),
                 "--encoding", "gb18030", "--as-of", kAsOf});
  CHECK(bare.err.find(":2: header: unknown column '序号'; drop it with --ignore 序号,") != std::string::npos);

  // The problem lines (FILE:LINE: field: reason) of each, with the title's line taken off.
  auto problems = [](const std::string& err, int shift) {
    std::vector<std::pair<int, std::string>> out;
    for (const auto& line : lines_of(err)) {
      if (line.starts_with("roster: ")) continue;
      auto first = line.find(".csv:");
      REQUIRE(first != std::string::npos);
      auto rest = line.substr(first + 5);
      auto colon = rest.find(':');
      out.emplace_back(std::stoi(rest.substr(0, colon)) - shift, rest.substr(colon + 2));
    }
    return out;
  };
  auto plain_problems = problems(plain.err, 0);
  auto fields = [](const std::vector<std::pair<int, std::string>>& list) {
    std::vector<std::pair<int, std::string>> out;
    for (const auto& [line, text] : list) out.emplace_back(line, text.substr(0, text.find(':')));
    return out;
  };
  CHECK(fields(plain_problems) == fields(problems(titled.err, 1)));

  // No problem is about the sheet's shape, and the real ones are named: the
  // USCC Excel turned into 9.13310E+17 (line 12), and 中移(杭州) entered twice
  // (lines 8 and 30).
  bool mangled = false, twice = false;
  for (const auto& [line, text] : plain_problems) {
    INFO(line << ": " << text);
    CHECK_FALSE(text.starts_with("row:"));
    CHECK_FALSE(text.starts_with("header:"));
    mangled = mangled || (line == 12 && text ==
                                            "uscc: USCC '9.13310E+17' is a number a spreadsheet made of the "
                                            "code; format the column as text (文本), type the 18-character code "
                                            "again and save");
    twice = twice || (line == 30 && text == "name: '中移(杭州)信息技术有限公司' is already on line 8 of this file");
    // Everything else is a Chinese form of a date, tier or sector (2023年7月15日, 会长单位, 、)
    // or a value the add-member rules refuse (a check character, a line break in a note).
    if (line != 12 && line != 30) {
      CHECK((text.starts_with("joined:") || text.starts_with("tier:") || text.starts_with("sectors:") ||
             (line == 15 && text.starts_with("uscc:")) || (line == 25 && text.starts_with("note:"))));
    }
  }
  CHECK(mangled);
  CHECK(twice);
  CHECK(plain.err.ends_with("problems in 30 rows; would be refused (fix the rows above and run again)\n"));
  CHECK(titled.err.ends_with("problems in 30 rows; would be refused (fix the rows above and run again)\n"));
  CHECK(dump_database(fx.db) == before);
}
