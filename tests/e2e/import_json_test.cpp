// JSON and JSON Lines import: one object is one member wherever it sits on a
// line, and a value of the wrong type is refused with its line.
#include <catch2/catch.hpp>

#include "import_helpers.h"

using namespace roster::test;

namespace {

// Two members without id, each with its periods, as `jq -c` or Python's
// json.dumps write them: the whole array on one line.
const std::string kOneLineArray =
    R"([{"name":"甲文旅有限公司","uscc":"91310110666007217T","sectors":["tourism"],"tier":"council","city":"杭州",)"
    R"("periods":[{"joined":"2023-08-01","left":"2024-03-01","reason":"搬迁"},{"joined":"2025-01-01","left":null}]},)"
    R"({"name":"乙健康有限公司","uscc":"91110000600037341L","sectors":["healthcare"],"tier":"vice-president",)"
    R"("city":"温州","periods":[{"joined":"2024-02-03","left":null}]}])"
    "\n";

const std::string kTwoMembers =
    std::string(kListHeader) +
    "1\t甲文旅有限公司\t91310110666007217T\ttourism\tcouncil\t杭州\t\t\t2025-01-01\t\tactive\n"
    "2\t乙健康有限公司\t91110000600037341L\thealthcare\tvice-president\t温州\t\t\t2024-02-03\t\tactive\n";

}  // namespace

TEST_CASE("a JSON array on one line with objects without id imports one member per object", "[import][json]") {
  DbFixture fx;
  auto r = fx.roster({"import", "-", "--format", "json", "--as-of", kAsOf}, kOneLineArray);
  CHECK(r.code == 0);
  CHECK(r.err == "roster: imported 2 members (+1 later period) from <stdin>\n");
  CHECK(list_all(fx) == kTwoMembers);
  CHECK(count_members(fx.db) == "2\n3\n");

  SECTION("and so do objects that share a line in a pretty-printed array") {
    DbFixture again;
    auto mixed = again.roster(
        {"import", "-", "--format", "json", "--dry-run", "--as-of", kAsOf},
        "[\n"
        R"(  {"name":"甲文旅有限公司","sectors":"tourism","periods":[{"joined":"2023-08-01","left":"2024-03-01"}]}, )"
        R"({"name":"乙健康有限公司","sectors":"healthcare","periods":[{"joined":"2024-02-03"}]},)"
        "\n"
        R"(  {"name":"丙教育有限公司","sectors":"education","periods":[{"joined":"2023-01-01","left":"2023-06-01"},)"
        R"({"joined":"2024-01-01"}]})"
        "\n]\n");
    CHECK(mixed.code == 0);
    CHECK(mixed.out ==
          "<stdin>:2: add: 甲文旅有限公司\n"
          "<stdin>:2: add: 乙健康有限公司\n"
          "<stdin>:3: add: 丙教育有限公司\n"
          "<stdin>:3: period: #3 from 2024-01-01\n");
    CHECK(mixed.err ==
          "roster: dry run: 4 rows checked, 3 members (+1 later period) would be added; nothing written\n");
  }
}

TEST_CASE("JSON Lines and CSV rows without id are one member each", "[import][json]") {
  SECTION("JSON Lines, each object with periods") {
    DbFixture fx;
    auto r = fx.roster(
        {"import", "-", "--format", "jsonl", "--as-of", kAsOf},
        R"({"name":"甲文旅有限公司","uscc":"91310110666007217T","sectors":["tourism"],"tier":"council",)"
        R"("city":"杭州","periods":[{"joined":"2023-08-01","left":"2024-03-01"},{"joined":"2025-01-01"}]})"
        "\n"
        R"({"name":"乙健康有限公司","uscc":"91110000600037341L","sectors":"healthcare","tier":"vice-president",)"
        R"("city":"温州","periods":[{"joined":"2024-02-03"}]})"
        "\n");
    CHECK(r.code == 0);
    CHECK(r.err == "roster: imported 2 members (+1 later period) from <stdin>\n");
    CHECK(list_all(fx) == kTwoMembers);
  }
  SECTION("CSV with an id column left empty") {
    DbFixture fx;
    auto r = fx.roster({"import", "-", "--as-of", kAsOf},
                       "id,name,uscc,sectors,tier,city,joined\n"
                       ",甲文旅有限公司,91310110666007217T,tourism,council,杭州,2025-01-01\n"
                       ",乙健康有限公司,91110000600037341L,healthcare,vice-president,温州,2024-02-03\n");
    CHECK(r.code == 0);
    CHECK(r.err == "roster: imported 2 members from <stdin>\n");
    CHECK(list_all(fx) == kTwoMembers);
  }
}

TEST_CASE("JSON import refuses a value of the wrong type with its line, nothing written", "[import][json]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  struct Case {
    std::string json;
    std::string error;
  };
  const std::vector<Case> cases = {
      {R"({"name": true, "sectors": "tourism"})", "<stdin>:2: name: name must be a string, got true; put it in quotes"},
      {R"({"name": "甲公司", "sectors": "tourism", "city": false})",
       "<stdin>:2: city: city must be a string, got false; put it in quotes"},
      {"{\"name\": \"甲公司\",\n \"sectors\": \"tourism\",\n \"note\": {\"text\": \"x\"}}",
       "<stdin>:4: note: note must be a string, got an object; write it as one string"},
      {R"({"name": "甲公司", "sectors": "tourism", "parent": ["a", "b"]})",
       "<stdin>:2: parent: parent must be a string, got a list; write it as one string"},
      {R"({"name": 12345, "sectors": "tourism"})",
       "<stdin>:2: name: name must be a string, got the number 12345; put it in quotes"},
      {R"({"name": "甲公司", "uscc": 913310022319487573, "sectors": "tourism"})",
       "<stdin>:2: uscc: uscc must be a string, got the number 913310022319487573; put it in quotes"},
      {R"({"单位名称": "甲公司", "所属行业": "tourism", "入会日期": 20240101})",
       "<stdin>:2: joined: 入会日期 must be a string, got the number 20240101; put it in quotes"},
      {R"({"name": "甲公司", "sectors": [["tourism"]]})",
       "<stdin>:2: sectors: sectors must be a string or a list of strings, got a list inside the list; list the "
       "sectors as strings"},
      {R"({"name": "甲公司", "sectors": ["tourism", 3]})",
       "<stdin>:2: sectors: sectors must be a string or a list of strings, got the number 3 inside the list; list the "
       "sectors as strings"},
      {R"({"name": "甲公司", "sectors": true})",
       "<stdin>:2: sectors: sectors must be a string or a list of strings, got true; list the sectors as strings"},
      {R"({"name": "甲公司", "sectors": "tourism", "periods": "2024-01-01"})",
       "<stdin>:2: periods: periods must be a list of objects like {\"joined\": \"2024-01-01\", \"left\": null}, got "
       "the string \"2024-01-01\"; put each period in braces"},
      {"{\"name\": \"甲公司\", \"sectors\": \"tourism\", \"periods\": [\n  \"2024-01-01\"]}",
       "<stdin>:3: periods: periods must be a list of objects like {\"joined\": \"2024-01-01\", \"left\": null}, got "
       "the string \"2024-01-01\" inside the list; put each period in braces"},
      {"{\"name\": \"甲公司\", \"sectors\": \"tourism\", \"periods\": [{\"joined\": \"2024-01-01\",\n"
       "  \"left\": 2025}]}",
       "<stdin>:3: left: left must be a string, got the number 2025; put it in quotes"},
      {R"({"name": "甲公司", "sectors": "tourism", "periods": [{"joined": "2024-01-01", "name": "乙公司"}]})",
       "<stdin>:2: periods: a period holds joined, left and reason, not name; move name out of periods"},
      {R"({"name": "甲公司", "sectors": "tourism", "id": 1.5})",
       "<stdin>:2: id: id must be a string or a whole number, got the number 1.5; use the id export wrote"},
      {R"({"name": "甲公司", "sectors": "tourism", "id": [7]})",
       "<stdin>:2: id: id must be a string or a whole number, got a list; use the id export wrote"},
  };
  for (const auto& c : cases) {
    INFO(c.json);
    auto r = fx.roster({"import", "-", "--format", "json", "--as-of", kAsOf},
                       "[\n" + c.json + ",\n  {\"name\": \"乙公司\", \"sectors\": \"tourism\"}\n]\n");
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "roster: error: " + c.error + "\n");
    if (c.json.find('\n') == std::string::npos) {  // the same object as a JSON Lines line
      auto line = fx.roster({"import", "-", "--format", "jsonl", "--as-of", kAsOf}, c.json + "\n");
      CHECK(line.code == 1);
      CHECK(line.err == "roster: error: <stdin>:1:" + c.error.substr(std::string("<stdin>:2:").size()) + "\n");
    }
  }
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("JSON import refuses two keys for one column, as CSV refuses two header columns", "[import][json]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  auto alias = fx.roster({"import", "-", "--format", "json", "--as-of", kAsOf},
                         "[\n  {\"name\": \"甲公司\", \"sectors\": \"tourism\",\n   \"单位名称\": \"乙公司\"}\n]\n");
  CHECK(alias.code == 1);
  CHECK(alias.err == "roster: error: <stdin>:3: header: two keys are 'name' ('name' and '单位名称'); keep one\n");
  auto same = fx.roster({"import", "-", "--format", "jsonl", "--as-of", kAsOf},
                        R"({"name": "甲公司", "sectors": "tourism", "name": "乙公司"})"
                        "\n");
  CHECK(same.code == 1);
  CHECK(same.err == "roster: error: <stdin>:1: header: two keys are 'name' ('name' and 'name'); keep one\n");
  auto in_period = fx.roster(
      {"import", "-", "--format", "jsonl", "--as-of", kAsOf},
      R"({"name": "甲公司", "sectors": "tourism", "periods": [{"joined": "2024-01-01", "入会日期": "2024-02-01"}]})"
      "\n");
  CHECK(in_period.code == 1);
  CHECK(in_period.err ==
        "roster: error: <stdin>:1: header: two keys are 'joined' ('joined' and '入会日期'); keep one\n");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("JSON import reads null as empty, sectors as a string or a list, and an id as text or a whole number",
          "[import][json]") {
  DbFixture fx;
  auto r =
      fx.roster({"import", "-", "--format", "json", "--as-of", kAsOf},
                "[\n"
                R"(  {"id": 7, "name": "甲文旅有限公司", "uscc": null, "sectors": ["tourism", "教育"], "tier": null,)"
                R"( "city": "杭州", "parent": null, "note": null, "periods": null, "joined": "2024-01-02"},)"
                "\n"
                R"(  {"id": "A-1", "name": "乙健康有限公司", "sectors": "healthcare;media", "primary_sector": 3,)"
                R"( "status": ["active"], "joined": "2024-02-03"})"
                "\n]\n");
  CHECK(r.code == 0);
  CHECK(r.err == "roster: imported 2 members from <stdin>\n");
  CHECK(list_all(fx) == std::string(kListHeader) +
                            "7\t甲文旅有限公司\t\ttourism;education\tmember\t杭州\t\t\t2024-01-02\t\tactive\n"
                            "8\t乙健康有限公司\t\thealthcare;media\tmember\t\t\t\t2024-02-03\t\tactive\n");
}
