// The domain's and the store's refusals in Chinese (--lang zh, the catalog the
// build compiles into build/locale), and the same refusals in English exactly
// as before.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

struct Refusal {
  const char* what;
  std::vector<std::string> args;  // run with --db {db} --as-of 2026-11-29 appended
  int code;
  std::string zh;  // the first line of stderr under --lang zh; {db} and {file} stand for paths
  std::string en;  // the same under --lang en
};

std::string expand(std::string text, const std::string& name, const std::string& value) {
  for (auto pos = text.find(name); pos != std::string::npos; pos = text.find(name))
    text.replace(pos, name.size(), value);
  return text;
}

const std::vector<Refusal>& refusals() {
  static const std::vector<Refusal> cases = {
      {"an impossible joined date",
       {"add-member", "甲公司", "--sector", "tourism", "--joined", "2023-02-30"},
       1,
       "roster: 错误：入会日期“2023-02-30”不是实际存在的日期；请按YYYY-MM-DD填写（也可写作2023/7/15或2023年7月15日）",
       "roster: error: joined date '2023-02-30' is not a real date; write it as YYYY-MM-DD (also 2023/7/15 or "
       "2023年7月15日)"},
      {"a USCC one character short",
       {"add-member", "甲公司", "--sector", "tourism", "--uscc", "91310110666007217"},
       1,
       "roster: 错误：统一社会信用代码应为18位，实际为17位",
       "roster: error: USCC must be 18 characters, got 17"},
      {"a USCC with a wrong check character",
       {"add-member", "甲公司", "--sector", "tourism", "--uscc", "91310110666007217X"},
       1,
       "roster: 错误：统一社会信用代码的校验位是“X”，按前17位应为“T”；请检查是否输错",
       "roster: error: USCC check character is 'X' but the code calls for 'T'; check for a typo"},
      {"an unknown sector",
       {"add-member", "甲公司", "--sector", "太空采矿"},
       1,
       "roster: 错误：未知行业“太空采矿”；现有行业：healthcare（医疗健康）、e-commerce（电子商务）、education（教育）、"
       "tourism（文化旅游）、entertainment（文化娱乐）、telecom（通信）、manufacturing（智能制造）、finance（金融科技）"
       "、"
       "media（数字内容）、technology（信息技术）、other（其他）；可填写行业代码、英文名或中文名，也可填写简称，如医疗",
       "roster: error: unknown sector '太空采矿'; known sectors: healthcare (医疗健康), e-commerce (电子商务), "
       "education (教育), tourism (文化旅游), entertainment (文化娱乐), telecom (通信), manufacturing (智能制造), "
       "finance (金融科技), media (数字内容), technology (信息技术), other (其他) (give a code, its English or Chinese "
       "name, or a short form such as 医疗)"},
      {"an unknown tier",
       {"add-member", "甲公司", "--sector", "tourism", "--tier", "顾问"},
       1,
       "roster: "
       "错误：未知会员级别“顾问”；请填写president、vice-president、council或member（或会长、副会长、理事、会员）",
       "roster: error: unknown tier '顾问'; use president, vice-president, council or member (or 会长, 副会长, 理事, "
       "会员)"},
      {"an import row with an impossible date",
       {"import", "{file}"},
       1,
       "{file}:3: joined: "
       "入会日期“2023-02-30”不是实际存在的日期；请按YYYY-MM-DD填写（也可写作2023/7/15或2023年7月15日）",
       "{file}:3: joined: joined date '2023-02-30' is not a real date; write it as YYYY-MM-DD (also 2023/7/15 or "
       "2023年7月15日)"},
  };
  return cases;
}

}  // namespace

TEST_CASE("the domain's and the store's refusals read in Chinese under --lang zh and as before under --lang en",
          "[i18n]") {
  DbFixture f;
  std::string file = f.dir.file("members.csv");
  write_file(file, "name,uscc,sectors,joined\n乙公司,,tourism,2023-07-15\n丙公司,,tourism,2023-02-30\n");
  std::string before = dump_database(f.db);
  for (const auto& c : refusals()) {
    for (const char* lang : {"zh", "en"}) {
      DYNAMIC_SECTION(c.what << " (--lang " << lang << ")") {
        std::vector<std::string> args = {"--lang", lang, "--as-of", "2026-11-29"};
        for (const auto& a : c.args) args.push_back(expand(a, "{file}", file));
        auto r = f.roster(args);
        auto lines = lines_of(r.err);
        REQUIRE_FALSE(lines.empty());
        CHECK(lines.front() == expand(std::string(lang) == "zh" ? c.zh : c.en, "{file}", file));
        CHECK(r.code == c.code);
        CHECK(r.out.empty());
        CHECK(dump_database(f.db) == before);
      }
    }
  }
}

TEST_CASE("a missing database is named in Chinese under --lang zh and as before under --lang en", "[i18n][sqlite]") {
  TempDir dir;
  std::string db = dir.file("none.db");
  auto zh = run_roster({"--lang", "zh", "list", "--db", db});
  CHECK(zh.err ==
        "roster: 错误：找不到数据库“" + db + "”；请用`roster init --db " + db + "`创建，或用--db PATH指定数据库\n");
  CHECK(zh.code == 1);
  auto en = run_roster({"--lang", "en", "list", "--db", db});
  CHECK(en.err == "roster: error: no database at '" + db + "'; create one with `roster init --db " + db +
                      "`, or pass --db PATH\n");
  CHECK(en.code == 1);
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("roster check words its findings in Chinese under --lang zh", "[i18n]") {
  DbFixture f;
  REQUIRE(f.roster({"add-member", "甲公司", "--sector", "tourism", "--joined", "2024-01-10", "-q"}).code == 0);
  auto sql = run_program({"sqlite3", f.db, "DELETE FROM member_sectors"});
  REQUIRE(sql.code == 0);
  auto zh = f.roster({"--lang", "zh", "check"});
  CHECK(lines_of(zh.out) == std::vector<std::string>{"会员单位#1（甲公司）：没有行业"});
  CHECK(zh.code == 1);
  auto en = f.roster({"--lang", "en", "check"});
  CHECK(lines_of(en.out) == std::vector<std::string>{"member #1 (甲公司): has no sector"});
  CHECK(en.code == 1);
}
