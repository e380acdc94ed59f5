#include <catch2/catch.hpp>
#include <sstream>

#include "roster/error.h"
#include "roster/member_list_render.h"
#include "roster/table.h"
#include "roster/text.h"

using roster::Date;
using roster::Format;
using roster::MemberRow;

namespace {

const Date kAsOf = Date::from_ymd(2026, 11, 29);

MemberRow hangzhou() {
  MemberRow m;
  m.id = 1;
  m.name = "杭州某某科技有限公司";
  m.uscc = "91310110666007217T";
  m.sector_codes = {"healthcare", "tourism"};
  m.tier = roster::Tier::council;
  m.city = "杭州";
  m.joined = Date::from_ymd(2023, 7, 15);
  return m;
}

MemberRow acme() {
  MemberRow m;
  m.id = 12;
  m.name = "ACME, \"Best\" Co.";
  m.sector_codes = {"education"};
  m.tier = roster::Tier::member;
  m.city = "Ningbo";
  m.parent = "ACME Group";
  m.note = "n";
  m.joined = Date::from_ymd(2024, 3, 1);
  return m;
}

MemberRow gone() {
  MemberRow m;
  m.id = 7;
  m.name = "Gone Ltd";
  m.sector_codes = {"other"};
  m.tier = roster::Tier::member;
  m.joined = Date::from_ymd(2023, 7, 15);
  m.left = Date::from_ymd(2024, 6, 1);
  return m;
}

std::string render(Format format, const std::vector<MemberRow>& rows, roster::RenderOptions options = {},
                   bool show_left = false) {
  std::ostringstream out;
  auto writer = roster::make_member_list_writer(format, out, {kAsOf, show_left}, options);
  for (const auto& row : rows) writer->row(row);
  writer->finish();
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("tsv writes a header and one tab-separated line per member", "[render]") {
  CHECK(render(Format::tsv, {hangzhou(), acme(), gone()}) ==
        "id\tname\tuscc\tsectors\ttier\tcity\tparent\tnote\tjoined\tleft\tstatus\n"
        "1\t杭州某某科技有限公司\t91310110666007217T\thealthcare;tourism\tcouncil\t杭州\t\t\t2023-07-15\t\tactive\n"
        "12\tACME, \"Best\" Co.\t\teducation\tmember\tNingbo\tACME Group\tn\t2024-03-01\t\tactive\n"
        "7\tGone Ltd\t\tother\tmember\t\t\t\t2023-07-15\t2024-06-01\tleft\n");
  CHECK(render(Format::tsv, {}) == "id\tname\tuscc\tsectors\ttier\tcity\tparent\tnote\tjoined\tleft\tstatus\n");
}

TEST_CASE("csv is RFC 4180 with CRLF and spreadsheet-safe cells", "[render]") {
  const std::string header = "id,name,uscc,sectors,tier,city,parent,note,joined,left,status\r\n";
  CHECK(render(Format::csv, {hangzhou(), acme()}) ==
        header +
            "1,杭州某某科技有限公司,91310110666007217T,healthcare;tourism,council,杭州,,,2023-07-15,,active\r\n"
            "12,\"ACME, \"\"Best\"\" Co.\",,education,member,Ningbo,ACME Group,n,2024-03-01,,active\r\n");

  MemberRow formula = gone();
  formula.name = "=SUM(A1,B1)";
  formula.note = "-5";
  CHECK(render(Format::csv, {formula}) ==
        header + "7,\"'=SUM(A1,B1)\",,other,member,,,'-5,2023-07-15,2024-06-01,left\r\n");
}

TEST_CASE("csv starts with a BOM only when asked", "[render]") {
  roster::RenderOptions with_bom;
  with_bom.bom = true;
  CHECK(render(Format::csv, {}, with_bom) ==
        "\xEF\xBB\xBFid,name,uscc,sectors,tier,city,parent,note,joined,left,status\r\n");
  CHECK(render(Format::csv, {}).rfind("id,", 0) == 0);
  CHECK(render(Format::tsv, {}, with_bom).rfind("id\t", 0) == 0);  // only csv takes a BOM
}

TEST_CASE("json is one array with snake_case keys", "[render]") {
  CHECK(render(Format::json, {hangzhou(), gone()}) ==
        "[\n"
        "  {\"id\":1,\"name\":\"杭州某某科技有限公司\",\"uscc\":\"91310110666007217T\","
        "\"sectors\":[\"healthcare\",\"tourism\"],\"primary_sector\":\"healthcare\",\"tier\":\"council\","
        "\"city\":\"杭州\",\"parent\":\"\",\"note\":\"\",\"joined\":\"2023-07-15\",\"left\":null,"
        "\"status\":\"active\"},\n"
        "  {\"id\":7,\"name\":\"Gone Ltd\",\"uscc\":null,\"sectors\":[\"other\"],\"primary_sector\":\"other\","
        "\"tier\":\"member\",\"city\":\"\",\"parent\":\"\",\"note\":\"\",\"joined\":\"2023-07-15\","
        "\"left\":\"2024-06-01\",\"status\":\"left\"}\n"
        "]\n");
  CHECK(render(Format::json, {}) == "[]\n");
}

TEST_CASE("jsonl writes one object per line", "[render]") {
  CHECK(render(Format::jsonl, {acme(), gone()}) ==
        "{\"id\":12,\"name\":\"ACME, \\\"Best\\\" Co.\",\"uscc\":null,\"sectors\":[\"education\"],"
        "\"primary_sector\":\"education\",\"tier\":\"member\",\"city\":\"Ningbo\",\"parent\":\"ACME Group\","
        "\"note\":\"n\",\"joined\":\"2024-03-01\",\"left\":null,\"status\":\"active\"}\n"
        "{\"id\":7,\"name\":\"Gone Ltd\",\"uscc\":null,\"sectors\":[\"other\"],\"primary_sector\":\"other\","
        "\"tier\":\"member\",\"city\":\"\",\"parent\":\"\",\"note\":\"\",\"joined\":\"2023-07-15\","
        "\"left\":\"2024-06-01\",\"status\":\"left\"}\n");
  CHECK(render(Format::jsonl, {}) == "");
}

TEST_CASE("table aligns CJK names by display width", "[render]") {
  MemberRow second = acme();
  second.name = "ACME Co.";
  std::string table = render(Format::table, {hangzhou(), second});
  CHECK(table ==
        "ID  NAME                  SECTORS             TIER     CITY    JOINED\n"
        " 1  杭州某某科技有限公司  healthcare;tourism  council  杭州    2023-07-15\n"
        "12  ACME Co.              education           member   Ningbo  2024-03-01\n"
        "2 active members as of 2026-11-29\n");

  // Every line of the table puts its last column at the same terminal column.
  auto lines = lines_of(table);
  REQUIRE(lines.size() == 4);
  for (size_t i = 0; i < 3; ++i) {
    CAPTURE(lines[i]);
    std::string before_last = lines[i].substr(0, lines[i].rfind(' ') + 1);
    CHECK(roster::display_width(before_last) == 63);  // 2+20+18+7+6 columns, five 2-space gaps
  }
  CHECK(table.find('\x1b') == std::string::npos);
}

TEST_CASE("table footer counts members and says the date", "[render]") {
  CHECK(render(Format::table, {}) == "ID  NAME  SECTORS  TIER  CITY  JOINED\n0 active members as of 2026-11-29\n");
  CHECK(lines_of(render(Format::table, {hangzhou()})).back() == "1 active member as of 2026-11-29");
  CHECK(render(Format::table, {hangzhou(), gone()}, {}, true) ==
        "ID  NAME                  SECTORS             TIER     CITY  JOINED      LEFT\n"
        " 1  杭州某某科技有限公司  healthcare;tourism  council  杭州  2023-07-15\n"
        " 7  Gone Ltd              other               member         2023-07-15  2024-06-01\n"
        "2 members shown (1 active, 1 left) as of 2026-11-29\n");
}

TEST_CASE("table bolds the header only when colour is on", "[render]") {
  roster::RenderOptions color;
  color.color = true;
  CHECK(render(Format::table, {}, color) ==
        "\x1b[1mID  NAME  SECTORS  TIER  CITY  JOINED\x1b[0m\n0 active members as of 2026-11-29\n");
  CHECK(render(Format::tsv, {hangzhou()}, color).find('\x1b') == std::string::npos);
  CHECK(render(Format::csv, {hangzhou()}, color).find('\x1b') == std::string::npos);
}

TEST_CASE("TextTable right-aligns numeric columns", "[render]") {
  roster::TextTable t;
  t.headers = {"SECTOR", "MEMBERS", "NOTE"};
  t.numeric = {false, true};
  t.rows = {{"医疗健康", "7", "key"}, {"tourism", "13", ""}, {"其他", "120", "-"}};
  std::ostringstream out;
  t.print(out, false);
  CHECK(out.str() ==
        "SECTOR    MEMBERS  NOTE\n"
        "医疗健康        7  key\n"
        "tourism        13\n"
        "其他          120  -\n");
}

TEST_CASE("TextTable right-aligns a numeric last column too", "[render]") {
  roster::TextTable t;
  t.headers = {"SECTOR", "N"};
  t.numeric = {false, true};
  t.rows = {{"教育", "5"}, {"entertainment", "10"}};
  std::ostringstream out;
  t.print(out, true);
  CHECK(out.str() ==
        "\x1b[1mSECTOR          N\x1b[0m\n"
        "教育            5\n"
        "entertainment  10\n");
}

TEST_CASE("make_member_list_writer refuses formats a listing cannot write", "[render]") {
  std::ostringstream out;
  for (Format f : {Format::html, Format::markdown}) {
    CAPTURE(roster::format_name(f));
    try {
      roster::make_member_list_writer(f, out, {kAsOf, false}, {});
      FAIL("no exception");
    } catch (const roster::Error& e) {
      CHECK(e.exit_code() == roster::kExitUsage);
      CHECK_THAT(std::string(e.what()), Catch::Contains(roster::format_name(f)));
    }
  }
  CHECK(out.str().empty());
}
