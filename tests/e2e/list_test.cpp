#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

// tests/e2e/fixtures/small.csv: 8 members, two of whom left.
struct SmallRoster : DbFixture {
  SmallRoster() {
    auto r =
        roster({"import", (source_dir() / "tests/e2e/fixtures/small.csv").string(), "--as-of", "2025-06-01", "-q"});
    if (r.code != 0) throw std::runtime_error(r.err);
  }
  // The ids `list ARGS -f tsv` prints, space-separated.
  std::string ids(std::vector<std::string> args) const {
    args.insert(args.end(), {"-f", "tsv"});
    auto r = roster(args);
    if (r.code != 0) return "exit " + std::to_string(r.code) + ": " + r.err;
    std::string out;
    size_t line_start = r.out.find('\n') + 1;  // skip the header
    while (line_start < r.out.size()) {
      out += (out.empty() ? "" : " ") + r.out.substr(line_start, r.out.find('\t', line_start) - line_start);
      line_start = r.out.find('\n', line_start) + 1;
    }
    return out;
  }
};

}  // namespace

TEST_CASE("list as a table lines up Chinese names (expected file)", "[list]") {
  SmallRoster fx;
  auto r = fx.roster({"list", "-f", "table", "--status", "all", "--as-of", "2025-06-01"});
  CHECK(r.code == 0);
  CHECK(r.out == read_file(source_dir() / "tests/e2e/expected/list-all-2025-06-01.table"));
}

TEST_CASE("list filters by date, status, sector, tier, city, join dates and name", "[list]") {
  SmallRoster fx;
  CHECK(fx.ids({"list", "--as-of", "2025-06-01"}) == "1 2 4 5 6 8");
  CHECK(fx.ids({"list", "--as-of", "2023-07-14"}).empty());
  CHECK(fx.ids({"list", "--as-of", "2023-07-15"}) == "1 2 3");
  CHECK(fx.ids({"list", "--as-of", "2024-06-29"}) == "1 2 3 4 5 6");  // 3 leaves on 2024-06-30
  CHECK(fx.ids({"list", "--as-of", "2024-06-30"}) == "1 2 4 5 6");
  CHECK(fx.ids({"list", "--as-of", "2025-06-01", "--status", "left"}) == "3 7");
  CHECK(fx.ids({"list", "--as-of", "2024-12-31", "--status", "left"}) == "3");
  CHECK(fx.ids({"list", "--as-of", "2024-01-01", "--status", "all"}) == "1 2 3");
  CHECK(fx.ids({"list", "--as-of", "2025-06-01", "--sector", "教育"}) == "4 6");
  CHECK(fx.ids({"list", "--as-of", "2025-06-01", "--sector", "EDUCATION", "--status", "all"}) == "4 6 7");
  CHECK(fx.ids({"list", "--as-of", "2025-06-01", "--tier", "council"}) == "4");
  CHECK(fx.ids({"list", "--as-of", "2025-06-01", "--city", "hangzhou"}) == "5");
  CHECK(fx.ids({"list", "--as-of", "2025-06-01", "--city", "杭州"}) == "1 2 8");
  CHECK(fx.ids({"list", "--as-of", "2025-06-01", "--city", "ＨＡＮＧＺＨＯＵ"}) == "5");  // full-width, any case
  CHECK(fx.ids({"list", "--as-of", "2025-06-01", "--joined-since", "2024-03-15"}) == "5 6 8");
  CHECK(fx.ids({"list", "--as-of", "2025-06-01", "--joined-until", "2024-03-15"}) == "1 2 4 5");
  CHECK(fx.ids({"list", "--as-of", "2025-06-01", "--search", "(杭州)"}) == "2");  // matches （杭州）
  CHECK(fx.ids({"list", "--as-of", "2025-06-01", "--search", "ACME, \"digital"}) == "5");
  CHECK(fx.ids({"list", "--as-of", "2025-06-01", "--sort", "joined", "--limit", "3"}) == "1 2 4");
  // Pinyin order: hang, wang, wen, zhong; a symbol first, Latin letters after Chinese.
  CHECK(fx.ids({"list", "--as-of", "2025-06-01", "--sort", "name"}) == "6 8 2 4 1 5");
}

TEST_CASE("list writes JSON and JSON Lines with snake_case fields and ISO dates", "[list]") {
  SmallRoster fx;
  auto json = fx.roster({"list", "-f", "json", "--as-of", "2025-06-01", "--tier", "council"});
  CHECK(json.out ==
        "[\n  {\"id\":4,\"name\":\"温州瓯江文旅有限公司\",\"uscc\":\"91110000600037341L\",\"sectors\":[\"tourism\","
        "\"education\"],\"primary_sector\":\"tourism\",\"tier\":\"council\",\"city\":\"温州\",\"parent\":\"\",\"note\":"
        "\"\",\"joined\":\"2024-02-01\",\"left\":null,\"status\":\"active\"}\n]\n");
  auto empty = fx.roster({"list", "-f", "json", "--as-of", "2020-01-01"});
  CHECK(empty.out == "[]\n");
  auto jsonl = fx.roster({"list", "-f", "jsonl", "--as-of", "2025-06-01", "--status", "left"});
  CHECK(jsonl.out ==
        "{\"id\":3,\"name\":\"宁波海曙健康科技有限公司\",\"uscc\":\"91310110666007217T\",\"sectors\":[\"healthcare\"],"
        "\"primary_sector\":\"healthcare\",\"tier\":\"member\",\"city\":\"宁波\",\"parent\":\"\",\"note\":\"\","
        "\"joined\":\"2023-07-15\",\"left\":\"2024-06-30\",\"status\":\"left\"}\n"
        "{\"id\":7,\"name\":\"杭州星火教育科技有限公司\",\"uscc\":null,\"sectors\":[\"education\",\"tourism\"],"
        "\"primary_sector\":\"education\",\"tier\":\"member\",\"city\":\"杭州\",\"parent\":\"\",\"note\":\"\","
        "\"joined\":\"2024-09-01\",\"left\":\"2025-03-01\",\"status\":\"left\"}\n");
}

TEST_CASE("list -f csv is RFC 4180, spreadsheet-safe, with an optional BOM", "[list]") {
  SmallRoster fx;
  auto csv = fx.roster({"list", "-f", "csv", "--as-of", "2025-06-01", "--sector", "education"});
  CHECK(csv.out ==
        "id,name,uscc,sectors,tier,city,parent,note,joined,left,status\r\n"
        "4,温州瓯江文旅有限公司,91110000600037341L,tourism;education,council,温州,,,2024-02-01,,active\r\n"
        "6,'=SUM(1+1) 公司,,education,member,嘉兴,,,2024-05-20,,active\r\n");
  auto bom = fx.roster({"list", "-f", "csv", "--bom", "--as-of", "2025-06-01", "--limit", "1"});
  CHECK(bom.out.rfind("\xEF\xBB\xBFid,name,", 0) == 0);
}

TEST_CASE("list -f csv read back by Python's csv module equals what was added", "[list]") {
  DbFixture fx;
  const std::vector<std::string> names = {
      "Comma, Ltd", "Quote \"Q\" Co", "杭州数字科技有限公司", "=HYPERLINK(\"x\")",        "+86 Telecom",
      "-minus Co",  "@at Co",         "'apostrophe Co",       "网易（杭州）网络有限公司", "Emoji 🚀 科技",
  };
  for (const auto& name : names) {
    // `--` ends the options, so a name may start with '-'.
    auto r = run_roster({"add-member", "--db", fx.db, "--sector", "tourism", "--joined", "2024-01-01", "--note", name,
                         "-q", "--", name});
    REQUIRE(r.code == 0);
  }
  auto csv = fx.roster({"list", "-f", "csv", "--as-of", "2025-01-01"});
  REQUIRE(csv.code == 0);
  TempDir dir;
  write_file(dir.file("out.csv"), csv.out);
  // Python reads the file as a spreadsheet would; undoing the OWASP
  // apostrophe is the reader's side of the contract (docs/usage.md).
  auto py = run_program({"python3", "-c",
                         "import csv,sys\n"
                         "def un(c):\n"
                         "    return c[1:] if len(c) > 1 and c[0] == \"'\" and c[1] in \"=+-@\\t\\r'\" else c\n"
                         "rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
                         "for r in rows: print(un(r['name']) + '|' + un(r['note']))\n",
                         dir.file("out.csv")});
  REQUIRE(py.code == 0);
  std::string expected;
  for (const auto& name : names) expected += name + "|" + name + "\n";
  CHECK(py.out == expected);
  // What a spreadsheet shows raw: a formula-looking name never starts with '='.
  CHECK(csv.out.find("\n11,=") == std::string::npos);
  CHECK(csv.out.find(",\"'=HYPERLINK(\"\"x\"\")\",") != std::string::npos);
}
