// import --update: rows that match a stored member change it.
#include <catch2/catch.hpp>

#include "import_helpers.h"

using namespace roster::test;

namespace {

// A stored member with every field set, and a file row for it with a new city and tier.
struct UpdateFixture {
  DbFixture fx;
  UpdateFixture() {
    auto r = fx.roster({"add-member", "杭州西湖文旅有限公司", "--uscc", "91310110666007217T", "--sector", "tourism",
                        "--tier", "member", "--city", "杭州", "--parent", "西湖集团", "--note", "老会员", "--joined",
                        "2024-01-01", "-q", "--as-of", kAsOf});
    REQUIRE(r.code == 0);
  }
};

const std::string kUpdateSheet =
    "单位名称,统一社会信用代码,所属行业,会员类别,所在城市,上级单位,备注\r\n"
    "杭州西湖文旅有限公司,91310110666007217T,文化旅游,理事,宁波,西湖集团,老会员\r\n"
    "宁波教育科技有限公司,,教育,,宁波,,\r\n";

}  // namespace

TEST_CASE("import without --update refuses a row that matches a stored member", "[import-formats]") {
  UpdateFixture u;
  std::string before = dump_database(u.fx.db);
  auto r = u.fx.roster({"import", "-", "--as-of", kAsOf}, kUpdateSheet);
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "<stdin>:2: name: '杭州西湖文旅有限公司' is already member #1 (杭州西湖文旅有限公司); names are compared "
        "ignoring case, width and spacing; add --update to change it from the file\n"
        "<stdin>:2: uscc: USCC 91310110666007217T already belongs to member #1 (杭州西湖文旅有限公司); add --update to "
        "change it from the file\n"
        "roster: error: <stdin>: 2 problems in 2 rows; nothing was imported (fix the rows above and run again)\n");
  CHECK(dump_database(u.fx.db) == before);
}

TEST_CASE("import --update changes the matched member's changed fields and logs one edit per field",
          "[import-formats]") {
  UpdateFixture u;
  auto r = u.fx.roster({"import", "-", "--update", "--as-of", kAsOf}, kUpdateSheet);
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: imported 1 member from <stdin>, and 1 member updated\n");
  CHECK(list_all(u.fx) == std::string(kListHeader) +
                              "1\t杭州西湖文旅有限公司\t91310110666007217T\ttourism\tcouncil\t宁波\t西湖集团\t老会员\t2"
                              "024-01-01\t\tactive\n"
                              "2\t宁波教育科技有限公司\t\teducation\tmember\t宁波\t\t\t2026-11-29\t\tactive\n");
  CHECK(sql(u.fx.db,
            "SELECT command, kind, member_id, field, before, after FROM history WHERE kind = 'member.edit' "
            "ORDER BY id;") ==
        "import|member.edit|1|tier|member|council\n"
        "import|member.edit|1|city|杭州|宁波\n");
  // Nothing changes the second time: no more edits.
  auto again = u.fx.roster({"import", "-", "--update", "--dry-run", "--as-of", kAsOf},
                           "name,uscc,sectors,tier,city,parent,note\n"
                           "杭州西湖文旅有限公司,91310110666007217T,tourism,council,宁波,西湖集团,老会员\n");
  CHECK(again.code == 0);
  CHECK(again.out == "<stdin>:2: unchanged #1\n");
}

TEST_CASE("import --update matches by name when the row has no USCC, and by USCC when the name changed",
          "[import-formats]") {
  UpdateFixture u;
  auto by_uscc = u.fx.roster({"import", "-", "--update", "--dry-run", "--as-of", kAsOf},
                             "name,uscc,sectors,tier,city,parent,note\n"
                             "西湖文旅集团有限公司,91310110666007217T,tourism,member,杭州,西湖集团,老会员\n");
  CHECK(by_uscc.code == 0);
  CHECK(by_uscc.out == "<stdin>:2: update #1: name\n");
  auto by_name = u.fx.roster({"import", "-", "--update", "--dry-run", "--as-of", kAsOf},
                             "name,uscc,sectors,tier,city,parent,note\n"
                             "杭州西湖文旅有限公司,91310110666007217T,tourism;education,member,杭州,西湖集团,老会员\n");
  CHECK(by_name.code == 0);
  CHECK(by_name.out == "<stdin>:2: update #1: sectors\n");
}

TEST_CASE("import --update keeps the fields whose columns the file does not have", "[import-formats]") {
  // A sheet of name, sectors, tier and city only: USCC, parent and note of
  // the stored member are not in the file, so they are not changes.
  UpdateFixture u;
  auto r = u.fx.roster({"import", "-", "--update", "--as-of", kAsOf},
                       "单位名称,所属行业,会员类别,所在城市\n杭州西湖文旅有限公司,文化旅游,理事,宁波\n");
  CHECK(r.code == 0);
  CHECK(list_all(u.fx) == std::string(kListHeader) +
                              "1\t杭州西湖文旅有限公司\t91310110666007217T\ttourism\tcouncil\t宁波\t西湖集团\t老会员\t2"
                              "024-01-01\t\tactive\n");
  CHECK(sql(u.fx.db, "SELECT field FROM history WHERE kind = 'member.edit' ORDER BY id;") == "tier\ncity\n");
}

TEST_CASE("import --dry-run --update prints the plan and writes nothing", "[import-formats]") {
  UpdateFixture u;
  std::string before = dump_database(u.fx.db);
  TempDir dir;
  std::string file = dir.file("更新.csv");
  write_file(file, encode(kUpdateSheet, "GB18030"));
  auto r = u.fx.roster({"import", file, "--encoding", "gb18030", "--update", "--dry-run", "--as-of", kAsOf});
  CHECK(r.code == 0);
  CHECK(r.out == file + ":2: update #1: tier, city\n" + file + ":3: add: 宁波教育科技有限公司\n");
  CHECK(r.err.find("roster: dry run: 2 rows checked, ") == 0);
  CHECK(r.err.find("and 1 member would be updated") != std::string::npos);
  CHECK(r.err.find("nothing written\n") != std::string::npos);
  CHECK(dump_database(u.fx.db) == before);
}

TEST_CASE("import --update still refuses a row whose name belongs to another member", "[import-formats]") {
  UpdateFixture u;
  REQUIRE(u.fx.roster({"add-member", "宁波教育科技有限公司", "--sector", "education", "--joined", "2024-01-01", "-q",
                       "--as-of", kAsOf})
              .code == 0);
  std::string before = dump_database(u.fx.db);
  auto r = u.fx.roster({"import", "-", "--update", "--as-of", kAsOf},
                       "name,uscc,sectors\n宁波教育科技有限公司,91310110666007217T,education\n");
  CHECK(r.code == 1);
  CHECK(r.err ==
        "<stdin>:2: name: '宁波教育科技有限公司' is already member #2 (宁波教育科技有限公司); names are compared "
        "ignoring case, width and spacing\n"
        "roster: error: <stdin>: 1 problem in 1 row; nothing was imported (fix the rows above and run again)\n");
  CHECK(dump_database(u.fx.db) == before);
}

TEST_CASE("import --update does not drop a left date of the file silently", "[import-formats]") {
  // The sheet says the member left on 2025-03-01 (退会日期). Either the update
  // ends the member's period or the row is refused; "unchanged" and exit 0
  // with the member still active loses the departure without a word.
  UpdateFixture u;
  std::string sheet =
      "单位名称,统一社会信用代码,所属行业,会员类别,所在城市,上级单位,备注,入会日期,退会日期\n"
      "杭州西湖文旅有限公司,91310110666007217T,文化旅游,会员,杭州,西湖集团,老会员,2024-01-01,2025/3/1\n";
  auto dry = u.fx.roster({"import", "-", "--update", "--dry-run", "--as-of", kAsOf}, sheet);
  CHECK(dry.out != "<stdin>:2: unchanged #1\n");
  auto r = u.fx.roster({"import", "-", "--update", "--as-of", kAsOf}, sheet);
  bool refused = r.code == 1 && r.err.find("<stdin>:2: left: ") == 0;
  bool applied = r.code == 0 && list_all(u.fx).find("\t2024-01-01\t2025-03-01\tleft\n") != std::string::npos;
  INFO(r.err);
  INFO(list_all(u.fx));
  CHECK((refused || applied));
}

TEST_CASE("import --update counts unchanged rows apart from updated ones, in the summary and the plan",
          "[import-formats]") {
  UpdateFixture u;
  REQUIRE(u.fx.roster({"add-member", "宁波教育科技有限公司", "--sector", "education", "--city", "宁波", "--joined",
                       "2024-01-01", "-q", "--as-of", kAsOf})
              .code == 0);
  const std::string sheet =
      "单位名称,所属行业,会员类别,所在城市\n"
      "杭州西湖文旅有限公司,文化旅游,理事,杭州\n"
      "宁波教育科技有限公司,教育,会员,宁波\n"
      "温州健康有限公司,医疗健康,会员,温州\n";
  std::string before = dump_database(u.fx.db);
  auto dry = u.fx.roster({"import", "-", "--update", "--dry-run", "--as-of", kAsOf}, sheet);
  CHECK(dry.code == 0);
  CHECK(dry.out ==
        "<stdin>:2: update #1: tier\n"
        "<stdin>:3: unchanged #2\n"
        "<stdin>:4: add: 温州健康有限公司\n");
  CHECK(dry.err ==
        "roster: dry run: 3 rows checked, 1 member would be added, and 1 member would be updated (1 "
        "unchanged); nothing written\n");
  CHECK(dump_database(u.fx.db) == before);

  auto r = u.fx.roster({"import", "-", "--update", "--as-of", kAsOf}, sheet);
  CHECK(r.code == 0);
  CHECK(r.err == "roster: imported 1 member from <stdin>, and 1 member updated (1 unchanged)\n");

  // The same sheet again: nothing is updated, and the summary says so.
  auto again = u.fx.roster({"import", "-", "--update", "--as-of", kAsOf},
                           "单位名称,所属行业,会员类别,所在城市\n"
                           "杭州西湖文旅有限公司,文化旅游,理事,杭州\n"
                           "宁波教育科技有限公司,教育,会员,宁波\n");
  CHECK(again.code == 0);
  CHECK(again.err == "roster: imported 0 members from <stdin>, and 2 members unchanged\n");
  CHECK(sql(u.fx.db, "SELECT count(*) FROM history WHERE kind = 'member.edit';") == "1\n");
}
