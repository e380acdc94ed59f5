// import of TSV, JSON and JSON Lines, a large file with one bad row, --map and
// --ignore-unknown-columns.
#include <catch2/catch.hpp>

#include "import_helpers.h"

using namespace roster::test;
TEST_CASE("import reads TSV by extension (.tsv, .txt) and by --format with stdin", "[import-formats]") {
  std::string tsv =
      "单位名称\t统一社会信用代码\t所属行业\t入会日期\t会员类别\t所在城市\t备注\r\n"
      "杭州西湖文旅有限公司\t91310110666007217T\t文化旅游\t2024/7/5\t理事\t杭州\t老会员\r\n"
      "宁波教育科技有限公司\t\t教育;数字内容\t2023.07.15\t会员\t宁波\t\r\n"
      "温州, 健康有限公司\t91110000600037341L\t医疗健康\t2025-01-02\t副会长单位\t温州\t备注,含逗号\r\n";
  TempDir dir;
  for (const char* name : {"members.tsv", "members.txt", "MEMBERS.TSV"}) {
    DYNAMIC_SECTION("file " << name) {
      DbFixture fx;
      std::string file = dir.file(name);
      write_file(file, tsv);
      auto r = fx.roster({"import", file, "--as-of", kAsOf});
      CHECK(r.code == 0);
      CHECK(r.err == "roster: imported 3 members from " + file + "\n");
      CHECK(list_all(fx) == kChineseSheetList);
    }
  }
  SECTION("stdin with --format tsv") {
    DbFixture fx;
    auto r = fx.roster({"import", "-", "--format", "tsv", "--as-of", kAsOf}, tsv);
    CHECK(r.code == 0);
    CHECK(r.err == "roster: imported 3 members from <stdin>\n");
    CHECK(list_all(fx) == kChineseSheetList);
  }
  SECTION("a .tsv file read as CSV with --format csv sees one unknown column") {
    DbFixture fx;
    std::string before = dump_database(fx.db);
    std::string file = dir.file("members.tsv");
    write_file(file, "name\tsectors\nA\ttourism\n");
    auto r = fx.roster({"import", file, "--format", "csv", "--as-of", kAsOf});
    CHECK(r.code == 1);
    // The tab inside the header cell is shown escaped, keeping the error one visible line.
    CHECK(r.err.find("roster: error: " + file + ":1: header: unknown column 'name\\x09sectors'") == 0);
    CHECK(dump_database(fx.db) == before);
  }
}

namespace {

// A JSON array with a member of two periods (export's shape), one with
// Chinese keys, and one with one period only.
const std::string kJsonArray = R"([
  {"id": 7, "name": "甲文旅有限公司", "uscc": "91310110666007217T", "sectors": ["tourism", "education"],
   "tier": "council", "city": "杭州", "parent": "", "note": "",
   "periods": [{"joined": "2023-08-01", "left": "2024-03-01", "reason": "搬迁"},
               {"joined": "2025-01-01", "left": null, "reason": ""}]},
  {"单位名称": "乙健康有限公司", "所属行业": "医疗健康", "入会日期": "2024/2/3", "会员类别": "会员"},
  {"name": "丙教育有限公司", "sectors": "education", "periods": [{"joined": "2024.05.06", "left": "2025/6/7"}]}
]
)";

// export -f csv writes RFC 4180 line ends.
const std::string kJsonExport =
    "id,name,uscc,sectors,tier,city,parent,note,joined,left,reason,sort_key,contact,phone,email\r\n"
    "7,甲文旅有限公司,91310110666007217T,tourism;education,council,杭州,,,2023-08-01,2024-03-01,搬迁,,,,\r\n"
    "7,甲文旅有限公司,91310110666007217T,tourism;education,council,杭州,,,2025-01-01,,,,,,\r\n"
    "8,乙健康有限公司,,healthcare,member,,,,2024-02-03,,,,,,\r\n"
    "9,丙教育有限公司,,education,member,,,,2024-05-06,2025-06-07,,,,,\r\n";

const std::string kJsonLines =
    "{\"id\": 7, \"name\": \"甲文旅有限公司\", \"uscc\": \"91310110666007217T\", \"sectors\": [\"tourism\", "
    "\"education\"], \"tier\": \"council\", \"city\": \"杭州\", \"periods\": [{\"joined\": \"2023-08-01\", \"left\": "
    "\"2024-03-01\", \"reason\": \"搬迁\"}, {\"joined\": \"2025-01-01\", \"left\": null}]}\r\n"
    "\r\n"
    "{\"单位名称\": \"乙健康有限公司\", \"所属行业\": \"医疗健康\", \"入会日期\": \"2024/2/3\", \"会员类别\": "
    "\"会员\"}\r\n"
    "{\"name\": \"丙教育有限公司\", \"sectors\": \"education\", \"periods\": [{\"joined\": \"2024.05.06\", \"left\": "
    "\"2025/6/7\"}]}\r\n";

}  // namespace

TEST_CASE("import reads a JSON array with nested periods, by extension and by --format", "[import-formats]") {
  TempDir dir;
  SECTION("members.json") {
    DbFixture fx;
    std::string file = dir.file("members.json");
    write_file(file, kJsonArray);
    auto r = fx.roster({"import", file, "--as-of", kAsOf});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err == "roster: imported 3 members (+1 later period) from " + file + "\n");
    CHECK(fx.roster({"export", "-f", "csv"}).out == kJsonExport);
    // One add and one rejoin (+ its leave) per period in the history.
    CHECK(sql(fx.db,
              "SELECT kind, field, after FROM history WHERE member_id = 7 AND kind <> 'member.add' ORDER BY id;") ==
          "member.rejoin|joined|2025-01-01\n");
  }
  SECTION("stdin with --format json, with a BOM") {
    DbFixture fx;
    auto r = fx.roster({"import", "-", "--format", "json", "--as-of", kAsOf}, "\xEF\xBB\xBF" + kJsonArray);
    CHECK(r.code == 0);
    CHECK(r.err == "roster: imported 3 members (+1 later period) from <stdin>\n");
    CHECK(fx.roster({"export", "-f", "csv"}).out == kJsonExport);
  }
  SECTION("--dry-run prints the plan with lines") {
    DbFixture fx;
    std::string before = dump_database(fx.db);
    auto r = fx.roster({"import", "-", "--format", "json", "--dry-run", "--as-of", kAsOf}, kJsonArray);
    CHECK(r.code == 0);
    CHECK(r.out ==
          "<stdin>:2: add: 甲文旅有限公司\n"
          "<stdin>:2: period: #7 from 2025-01-01\n"
          "<stdin>:6: add: 乙健康有限公司\n"
          "<stdin>:7: add: 丙教育有限公司\n");
    CHECK(r.err == "roster: dry run: 4 rows checked, 3 members (+1 later period) would be added; nothing written\n");
    CHECK(dump_database(fx.db) == before);
  }
}

TEST_CASE("import reads JSON Lines (.jsonl, .ndjson, --format jsonl), CRLF and blank lines", "[import-formats]") {
  TempDir dir;
  for (const char* name : {"members.jsonl", "members.ndjson"}) {
    DYNAMIC_SECTION("file " << name) {
      DbFixture fx;
      std::string file = dir.file(name);
      write_file(file, kJsonLines);
      auto r = fx.roster({"import", file, "--as-of", kAsOf});
      CHECK(r.code == 0);
      CHECK(r.err == "roster: imported 3 members (+1 later period) from " + file + "\n");
      CHECK(fx.roster({"export", "-f", "csv"}).out == kJsonExport);
    }
  }
  SECTION("stdin with --format jsonl: the plan names each line") {
    DbFixture fx;
    auto r = fx.roster({"import", "-", "--format", "jsonl", "--dry-run", "--as-of", kAsOf}, kJsonLines);
    CHECK(r.code == 0);
    CHECK(r.out ==
          "<stdin>:1: add: 甲文旅有限公司\n"
          "<stdin>:1: period: #7 from 2025-01-01\n"
          "<stdin>:3: add: 乙健康有限公司\n"
          "<stdin>:4: add: 丙教育有限公司\n");
    auto real = fx.roster({"import", "-", "--format", "jsonl", "--as-of", kAsOf}, kJsonLines);
    CHECK(real.code == 0);
    CHECK(fx.roster({"export", "-f", "csv"}).out == kJsonExport);
  }
}

TEST_CASE("import refuses broken JSON and JSON Lines with the line, nothing written", "[import-formats]") {
  DbFixture fx;
  REQUIRE(fx.roster({"add-member", "已有会员有限公司", "--sector", "tourism", "--joined", "2024-01-01", "-q"}).code ==
          0);
  std::string before = dump_database(fx.db);
  TempDir dir;

  SECTION("a JSON object where an array belongs") {
    std::string file = dir.file("one.json");
    write_file(file, "{\"name\": \"甲公司\", \"sectors\": [\"tourism\"]}\n");
    auto r = fx.roster({"import", file, "--as-of", kAsOf});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "roster: error: " + file +
                       ": not a JSON array of members; check the file (or use --format jsonl for one object per "
                       "line)\n");
  }
  SECTION("JSON Lines given to --format json") {
    auto r = fx.roster(
        {"import", "-", "--format", "json", "--as-of", kAsOf},
        "{\"name\": \"甲公司\", \"sectors\": \"tourism\"}\n{\"name\": \"乙公司\", \"sectors\": \"tourism\"}\n");
    CHECK(r.code == 1);
    CHECK(r.err ==
          "roster: error: <stdin>: not a JSON array of members; check the file (or use --format jsonl for "
          "one object per line)\n");
  }
  SECTION("an array element that is not an object") {
    std::string file = dir.file("list.json");
    write_file(file, "[\n  {\"name\": \"甲公司\", \"sectors\": \"tourism\"},\n  [\"乙公司\", \"tourism\"]\n]\n");
    auto r = fx.roster({"import", file, "--as-of", kAsOf});
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: " + file + ":3: expected an object like {\"name\": …, \"sectors\": […]}\n");
  }
  SECTION("a JSON Lines line that is not JSON") {
    std::string file = dir.file("members.jsonl");
    write_file(file, "{\"name\": \"甲公司\", \"sectors\": \"tourism\"}\n\n{\"name\": \"乙公司\", \"sectors\": \n");
    auto r = fx.roster({"import", file, "--as-of", kAsOf});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "roster: error: " + file + ":3: not a JSON object; each line must hold one member\n");
  }
  SECTION("a JSON Lines line that is JSON but not an object") {
    auto r = fx.roster({"import", "-", "--format", "jsonl", "--as-of", kAsOf},
                       "{\"name\": \"甲公司\", \"sectors\": \"tourism\"}\n[\"乙公司\"]\n");
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: <stdin>:2: expected an object like {\"name\": …, \"sectors\": […]}\n");
  }
  SECTION("a JSON member with an unknown key") {
    auto r =
        fx.roster({"import", "-", "--format", "jsonl", "--as-of", kAsOf},
                  "{\"name\": \"甲公司\", \"sectors\": \"tourism\"}\n{\"name\": \"乙公司\", \"备用字段\": \"王\"}\n");
    CHECK(r.code == 1);
    CHECK(r.err ==
          "roster: error: <stdin>:2: header: unknown column '备用字段'; drop it with --ignore 备用字段, or read "
          "it as one of roster's columns with --map '备用字段=COLUMN' (COLUMN: name, uscc, sectors, joined, "
          "left, tier, city, parent, note, reason or id)\n");
  }
  SECTION("bad JSON rows are reported by line like CSV rows") {
    auto r = fx.roster(
        {"import", "-", "--format", "json", "--as-of", kAsOf},
        "[\n"
        "  {\"name\": \"甲公司\", \"sectors\": \"tourism\", \"joined\": \"2024/2/30\"},\n"
        "  {\"name\": \"已有会员有限公司\", \"sectors\": \"tourism\"},\n"
        "  {\"name\": \"丙公司\", \"sectors\": \"tourism\",\n"
        "   \"periods\": [{\"joined\": \"2024-01-01\", \"left\": \"2024-06-01\"}, {\"joined\": \"2024-03-01\"}]}\n"
        "]\n");
    CHECK(r.code == 1);
    CHECK(r.err ==
          "<stdin>:2: joined: joined date '2024/2/30' is not a real date; write it as YYYY-MM-DD (also 2023/7/15 or "
          "2023年7月15日)\n"
          "<stdin>:3: name: '已有会员有限公司' is already member #1 (已有会员有限公司); names are compared ignoring "
          "case, width and spacing; add --update to change it from the file\n"
          "<stdin>:4: joined: period from 2024-03-01 overlaps the period 2024-01-01 to 2024-06-01; a new period "
          "starts on or after 2024-06-01\n"
          "roster: error: <stdin>: 3 problems in 4 rows; nothing was imported (fix the rows above and run again)\n");
  }
  CHECK(dump_database(fx.db) == before);
}

// ---------------------------------------------------------------------------
// 4. A large file with one bad row

TEST_CASE("import of 10,000 rows with one impossible date on line 7,345 reports only that row", "[import-formats]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  TempDir dir;
  std::string file = dir.file("big.csv");
  auto make = [](bool with_bad_row) {
    std::string csv = "单位名称,所属行业,入会日期,所在城市\r\n";
    for (int i = 1; i <= 10000; ++i) {  // row i is on line i + 1
      std::string joined = (with_bad_row && i + 1 == 7345) ? "2023/2/30" : "2023/7/15";
      csv += "会员企业" + std::to_string(i) + "有限公司,文化旅游;教育," + joined + ",杭州\r\n";
    }
    return csv;
  };
  write_file(file, make(true));
  auto r = fx.roster({"import", file, "--as-of", kAsOf});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == file +
                     ":7345: joined: joined date '2023/2/30' is not a real date; write it as YYYY-MM-DD (also "
                     "2023/7/15 or 2023年7月15日)\n" +
                     "roster: error: " + file +
                     ": 1 problem in 10000 rows; nothing was imported (fix the rows above and run again)\n");
  CHECK(count_members(fx.db) == "0\n0\n");
  CHECK(dump_database(fx.db) == before);

  auto dry = fx.roster({"import", file, "--dry-run", "--as-of", kAsOf});
  CHECK(dry.code == 1);
  CHECK(dry.err == file +
                       ":7345: joined: joined date '2023/2/30' is not a real date; write it as YYYY-MM-DD (also "
                       "2023/7/15 or 2023年7月15日)\n" +
                       "roster: error: " + file +
                       ": 1 problem in 10000 rows; would be refused (fix the rows above and run again)\n");
  CHECK(dump_database(fx.db) == before);

  write_file(file, make(false));
  auto fixed = fx.roster({"import", file, "--as-of", kAsOf});
  CHECK(fixed.code == 0);
  CHECK(fixed.err == "roster: imported 10000 members from " + file + "\n");
  CHECK(count_members(fx.db) == "10000\n10000\n");
  CHECK(sql(fx.db, "SELECT name FROM members WHERE id = 7344;") == "会员企业7344有限公司\n");
}

// ---------------------------------------------------------------------------
// 5. Columns: --map, --ignore-unknown-columns, duplicates, no name

TEST_CASE("import --map reads a column under another name", "[import-formats]") {
  std::string sheet =
      "序号,公司全称,行业,入会时间,级别,城市,备用字段\n1,杭州西湖文旅有限公司,文化旅游,2024/7/5,理事,杭州,王经理\n";
  DbFixture fx;
  std::string before = dump_database(fx.db);

  auto unknown = fx.roster({"import", "-", "--as-of", kAsOf}, sheet);
  CHECK(unknown.code == 1);
  CHECK(
      unknown.err ==
      "roster: error: <stdin>:1: header: unknown columns '序号', '公司全称', '备用字段'; drop them with --ignore 序号 "
      "--ignore 公司全称 --ignore 备用字段, or read one as one of roster's columns with --map '序号=COLUMN' (COLUMN: "
      "name, uscc, sectors, joined, left, tier, city, parent, note, reason or id)\n");

  auto mapped_only = fx.roster({"import", "-", "--map", "公司全称=name", "--as-of", kAsOf}, sheet);
  CHECK(mapped_only.code == 1);
  CHECK(mapped_only.err.find("roster: error: <stdin>:1: header: unknown columns '序号', '备用字段';") == 0);
  CHECK(dump_database(fx.db) == before);

  auto r = fx.roster(
      {"import", "-", "--map", "公司全称=name", "--map", "序号=id", "--map", "备用字段=note", "--as-of", kAsOf}, sheet);
  CHECK(r.code == 0);
  CHECK(r.err == "roster: imported 1 member from <stdin>\n");
  CHECK(list_all(fx) == std::string(kListHeader) +
                            "1\t杭州西湖文旅有限公司\t\ttourism\tcouncil\t杭州\t\t王经理\t2024-07-05\t\tactive\n");
}

TEST_CASE("import --ignore-unknown-columns skips the columns roster does not know", "[import-formats]") {
  DbFixture fx;
  auto r = fx.roster({"import", "-", "--ignore-unknown-columns", "--map", "公司全称=name", "--as-of", kAsOf},
                     "序号,公司全称,备用字段,传真,所属行业,入会日期\r\n"
                     "1,杭州西湖文旅有限公司,王经理,0571-88888888,文化旅游,2024/7/5\r\n"
                     "2,宁波教育科技有限公司,李老师,0574-66666666,教育,2023.07.15\r\n");
  CHECK(r.code == 0);
  CHECK(r.err == "roster: imported 2 members from <stdin>\n");
  CHECK(list_all(fx) == std::string(kListHeader) +
                            "1\t杭州西湖文旅有限公司\t\ttourism\tmember\t\t\t\t2024-07-05\t\tactive\n"
                            "2\t宁波教育科技有限公司\t\teducation\tmember\t\t\t\t2023-07-15\t\tactive\n");
}

TEST_CASE("import refuses a header with two columns for one field or without a name column", "[import-formats]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  auto twice =
      fx.roster({"import", "-", "--as-of", kAsOf}, "单位名称,所属行业,名称\n杭州西湖文旅有限公司,文化旅游,西湖文旅\n");
  CHECK(twice.code == 1);
  CHECK(twice.err == "roster: error: <stdin>:1: header: two columns are 'name' ('单位名称' and '名称'); keep one\n");

  auto mapped_twice =
      fx.roster({"import", "-", "--map", "公司全称=name", "--as-of", kAsOf}, "name,公司全称,sectors\nA,B,tourism\n");
  CHECK(mapped_twice.code == 1);
  CHECK(mapped_twice.err ==
        "roster: error: <stdin>:1: header: two columns are 'name' ('name' and '公司全称'); keep one\n");

  auto english_and_chinese = fx.roster({"import", "-", "--as-of", kAsOf}, "name,sectors,行业\nA,tourism,文化旅游\n");
  CHECK(english_and_chinese.code == 1);
  CHECK(english_and_chinese.err ==
        "roster: error: <stdin>:1: header: two columns are 'sectors' ('sectors' and '行业'); keep one\n");

  auto no_name = fx.roster({"import", "-", "--as-of", kAsOf},
                           "统一社会信用代码,所属行业,入会日期\n91310110666007217T,文化旅游,2024/7/5\n");
  CHECK(no_name.code == 1);
  CHECK(no_name.err ==
        "roster: error: <stdin>:1: header: no name column (name or 单位名称); the first line must name "
        "the columns, e.g. name,uscc,sectors,joined\n");

  auto empty = fx.roster({"import", "-", "--as-of", kAsOf}, "\xEF\xBB\xBF");
  CHECK(empty.code == 1);
  CHECK(empty.err ==
        "roster: error: <stdin>: the file is empty; it needs a header line such as "
        "name,uscc,sectors,joined,left,tier,city,parent,note\n");

  // Usage errors exit before reading the input, so they get a file, not stdin
  // (the harness would take SIGPIPE writing to a closed pipe).
  TempDir dir;
  std::string file = dir.file("members.csv");
  write_file(file, "公司全称\nA\n");
  auto bad_map = fx.roster({"import", file, "--map", "公司全称", "--as-of", kAsOf});
  CHECK(bad_map.code == 2);
  CHECK(bad_map.err == "roster: error: --map '公司全称' should look like 'source=target', e.g. '公司全称=name'\n");
  auto bad_target = fx.roster({"import", file, "--map", "公司全称=company", "--as-of", kAsOf});
  CHECK(bad_target.code == 2);
  CHECK(bad_target.err ==
        "roster: error: --map '公司全称=company': 'company' is not one of roster's columns (name, "
        "uscc, sectors, joined, left, tier, city, parent, note, reason, id)\n");
  CHECK(dump_database(fx.db) == before);
}

// ---------------------------------------------------------------------------
// 6. --update
