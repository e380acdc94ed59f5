// Names sort the way Excel and WPS sort Chinese: in pinyin order (ICU's zh
// collation), with a member's pinyin sort key (--pinyin, the sort_key
// column) correcting ICU's reading of its name.
#include <algorithm>
#include <catch2/catch.hpp>

#include "harness.h"
#include "harness_pg.h"

using namespace roster::test;

namespace {

using Names = std::vector<std::string>;

// Zhejiang companies (and a few from elsewhere with offices here), in the
// pinyin order of their first characters: ā, ān, ào, chóng (重庆: ICU
// reads 重 in 重庆 as chong), háng, hú, jiā, jīn, lì, mǎ, níng, qú, shào,
// tái, wǎng, wēn, xíng (行业: xing, not hang), yì, zhǎng (长沙: ICU reads
// 长 as zhang), zhè, zhōng, zhōu, zhū.
const Names kPinyinOrder = {"阿里巴巴（中国）有限公司",
                            "安吉白茶文化旅游有限公司",
                            "奥克斯集团有限公司",
                            "重庆长安汽车杭州销售有限公司",
                            "杭州海康威视数字技术股份有限公司",
                            "湖州南太湖科技有限公司",
                            "嘉兴斯达半导体有限公司",
                            "金华青年汽车有限公司",
                            "丽水云和木玩有限公司",
                            "蚂蚁科技集团股份有限公司",
                            "宁波舟山港股份有限公司",
                            "衢州元立金属有限公司",
                            "绍兴黄酒集团有限公司",
                            "台州吉利汽车有限公司",
                            "网易（杭州）网络有限公司",
                            "温州正泰电器有限公司",
                            "行业云（杭州）信息技术有限公司",
                            "义乌小商品城控股有限责任公司",
                            "长沙湘江数字科技有限公司",
                            "浙江大华技术股份有限公司",
                            "中国移动通信集团浙江有限公司",
                            "舟山海洋渔业有限公司",
                            "诸暨袜业数字科技有限公司"};
const std::string kChangsha = "长沙湘江数字科技有限公司";

// A roster holding kPinyinOrder, imported in code-point order (so id order
// is code-point order too, and neither is the answer).
struct ZhejiangRoster : DbFixture {
  ZhejiangRoster() {
    Names by_code_point = kPinyinOrder;
    std::sort(by_code_point.begin(), by_code_point.end());
    std::string csv = "name,sectors\n";
    for (const auto& name : by_code_point) csv += name + ",technology\n";
    auto r = roster({"import", "-", "--as-of", "2026-01-01", "-q"}, csv);
    if (r.code != 0) throw std::runtime_error(r.err);
  }
  // The names `list --sort name ARGS -f tsv` prints, in order.
  Names sorted(std::vector<std::string> args = {}) const {
    args.insert(args.begin(), {"list", "--sort", "name", "--as-of", "2026-01-01", "-f", "tsv"});
    auto r = roster(args);
    if (r.code != 0) throw std::runtime_error(r.err);
    Names names;
    auto rows = lines_of(r.out);
    for (size_t i = 1; i < rows.size(); ++i) {
      size_t tab = rows[i].find('\t');
      names.push_back(rows[i].substr(tab + 1, rows[i].find('\t', tab + 1) - tab - 1));
    }
    return names;
  }
};

// kPinyinOrder with kChangsha moved to just before `before`.
Names with_changsha_before(const std::string& before) {
  Names names;
  for (const auto& name : kPinyinOrder) {
    if (name == before) names.push_back(kChangsha);
    if (name != kChangsha) names.push_back(name);
  }
  return names;
}

std::string sqlite(const std::string& db, const std::string& query) {
  return run_program({"sqlite3", db, query}).out;
}

}  // namespace

TEST_CASE("list --sort name puts Chinese names in pinyin order, not code-point order", "[list][pinyin]") {
  Names by_code_point = kPinyinOrder;
  std::sort(by_code_point.begin(), by_code_point.end());
  REQUIRE(kPinyinOrder.size() >= 20);
  CHECK(by_code_point != kPinyinOrder);  // the test would prove nothing otherwise
  ZhejiangRoster fx;
  CHECK(fx.sorted() == kPinyinOrder);
  CHECK(fx.sorted({"--limit", "3"}) == Names(kPinyinOrder.begin(), kPinyinOrder.begin() + 3));
  // The file's collation lives in roster's connections only: the schema never names it.
  if (!on_postgres()) CHECK(sqlite(fx.db, "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%pinyin%'") == "0\n");
  if (!on_postgres()) CHECK(sqlite(fx.db, "PRAGMA integrity_check") == "ok\n");
}

TEST_CASE("the same pinyin order comes out in every language and format", "[list][pinyin]") {
  ZhejiangRoster fx;
  auto zh = fx.roster({"list", "-f", "csv", "--sort", "name", "--as-of", "2026-01-01", "--lang", "zh"});
  auto en = fx.roster({"list", "-f", "csv", "--sort", "name", "--as-of", "2026-01-01", "--lang", "en"});
  REQUIRE(zh.code == 0);
  CHECK(zh.out == en.out);
  CHECK(fx.sorted({"--lang", "zh"}) == kPinyinOrder);
  CHECK(fx.sorted({"--lang", "en"}) == kPinyinOrder);
  auto rows = lines_of(zh.out);
  REQUIRE(rows.size() == kPinyinOrder.size() + 1);
  for (size_t i = 0; i < kPinyinOrder.size(); ++i)
    CHECK(rows[i + 1].find("," + kPinyinOrder[i] + ",") != std::string::npos);
}

TEST_CASE("edit-member --pinyin moves a name to the group of the reading given, and '' moves it back",
          "[list][pinyin]") {
  ZhejiangRoster fx;
  // ICU reads 长沙 zhǎng shā: among the zh names, after 义乌 (yì).
  CHECK(fx.sorted() == with_changsha_before("浙江大华技术股份有限公司"));
  auto edit = fx.roster({"edit-member", kChangsha, "--pinyin", "chang sha"});
  CHECK(edit.code == 0);
  CHECK(edit.err == "roster: updated member #22: sort_key\n");
  // Read chang: among the ch names, after 奥克斯 (ào), before 重庆 (chóng).
  CHECK(fx.sorted() == with_changsha_before("重庆长安汽车杭州销售有限公司"));
  CHECK(fx.roster({"edit-member", kChangsha, "--pinyin", "Cháng'shā"}).code == 0);  // tone marks, apostrophe
  CHECK(fx.sorted() == with_changsha_before("重庆长安汽车杭州销售有限公司"));
  auto show = fx.roster({"show", kChangsha, "-f", "table"});
  CHECK(show.out.find("\nsort_key  Cháng'shā\n") != std::string::npos);
  CHECK(fx.roster({"edit-member", kChangsha, "--pinyin", ""}).code == 0);
  CHECK(fx.sorted() == kPinyinOrder);
  CHECK(fx.roster({"show", kChangsha, "-f", "table"}).out.find("\nsort_key ") == std::string::npos);
  CHECK(sqlite(fx.db, "SELECT field, before, after FROM history WHERE kind = 'member.edit' ORDER BY id") ==
        "sort_key||chang sha\nsort_key|chang sha|Cháng'shā\nsort_key|Cháng'shā|\n");
}

TEST_CASE("add-member --pinyin sets the sort key and logs it with the new member", "[list][pinyin]") {
  ZhejiangRoster fx;
  auto r = fx.roster({"add-member", "长兴太湖图影旅游发展有限公司", "--sector", "tourism", "--pinyin", "chang2 xing1",
                      "--as-of", "2026-01-01"});
  CHECK(r.code == 0);
  CHECK(r.out == "24\n");
  CHECK(fx.sorted()[3] == "长兴太湖图影旅游发展有限公司");  // after 奥克斯 (ào), before 重庆 (chóng)
  CHECK(sqlite(fx.db, "SELECT sort_key FROM members WHERE id = 24") == "chang2 xing1\n");
  CHECK(sqlite(fx.db,
               "SELECT count(*) FROM history WHERE member_id = 24 AND after LIKE '%\"sort_key\":\"chang2 xing1\"}'") ==
        "1\n");
}

TEST_CASE("import reads the sort key under sort_key or 拼音, and export writes it last", "[import][export][pinyin]") {
  DbFixture fx;
  auto r = fx.roster({"import", "-", "--as-of", "2026-01-01", "-q"},
                     "单位名称,所属行业,拼音\n" + kChangsha + ",软件,chang sha\n重庆长安汽车杭州销售有限公司,软件,\n");
  REQUIRE(r.code == 0);
  CHECK(fx.roster({"list", "--sort", "name", "--as-of", "2026-01-01", "-f", "tsv"}).out.find(kChangsha) <
        fx.roster({"list", "--sort", "name", "--as-of", "2026-01-01", "-f", "tsv"}).out.find("重庆"));
  auto csv = fx.roster({"export", "-f", "csv"});
  CHECK(csv.out ==
        "id,name,uscc,sectors,tier,city,parent,note,joined,left,reason,sort_key,contact,phone,email\r\n"
        "1," +
            kChangsha +
            ",,technology,member,,,,2026-01-01,,,chang sha,,,\r\n"
            "2,重庆长安汽车杭州销售有限公司,,technology,member,,,,2026-01-01,,,,,,\r\n");
  auto json = fx.roster({"export", "-f", "jsonl"});
  CHECK(json.out.find(
            ",\"note\":\"\",\"sort_key\":\"chang sha\",\"contact\":\"\",\"phone\":\"\",\"email\":\"\",\"periods\":") !=
        std::string::npos);
  // Round trip: each format's export, imported into an empty roster, keeps the key.
  for (const char* format : {"csv", "jsonl"}) {
    DbFixture copy;
    auto exported = fx.roster({"export", "-f", format});
    REQUIRE(copy.roster({"import", "-", "-f", format, "--as-of", "2026-01-01", "-q"}, exported.out).code == 0);
    CHECK(sqlite(copy.db, "SELECT id, sort_key FROM members ORDER BY id") == "1|chang sha\n2|\n");
  }
  // --update with the column changes it, and logs it.
  auto update = fx.roster({"import", "-", "--update", "--as-of", "2026-01-01"}, "name,sort_key\n" + kChangsha + ",\n");
  CHECK(update.code == 0);
  CHECK(sqlite(fx.db, "SELECT sort_key FROM members WHERE id = 1") == "\n");
  CHECK(sqlite(fx.db, "SELECT field, before, after FROM history WHERE kind = 'member.edit'") ==
        "sort_key|chang sha|\n");
}

TEST_CASE("a bad --pinyin is refused with one line naming the fix, and nothing is written", "[pinyin][bad-input]") {
  ZhejiangRoster fx;
  std::string before = dump_database(fx.db);
  struct Bad {
    std::string pinyin;
    std::string err;
  };
  const std::string letters =
      "; write Latin letters with tone marks or tone numbers 1-5, one syllable per Chinese character, separated by "
      "spaces or apostrophes, e.g. 'chang sha'\n";
  const std::string one =
      " is not one pinyin syllable; write one syllable per Chinese character, separated by spaces or apostrophes, "
      "with at most one tone each, e.g. 'chang sha' or 'chang2 sha1'\n";
  for (const auto& b : std::vector<Bad>{
           {"chang-sha", "roster: error: pinyin 'chang-sha': '-' is not allowed" + letters},
           {"长沙", "roster: error: pinyin '长沙': '长' is not allowed" + letters},
           {"chang\x1b[31m", "roster: error: pinyin 'chang\\x1b[31m': '\\x1b' is not allowed" + letters},
           {"changsha", "roster: error: pinyin 'changsha': 'changsha'" + one},
           {"chang6 sha", "roster: error: pinyin 'chang6 sha': '6' is not allowed" + letters},
           {"cha2ng sha", "roster: error: pinyin 'cha2ng sha': 'cha2ng'" + one},
           {"chāng1 sha", "roster: error: pinyin 'chāng1 sha': 'chāng1'" + one},
       }) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"edit-member", kChangsha, "--pinyin", b.pinyin},
             {"add-member", "长城汽车杭州销售有限公司", "--sector", "other", "--pinyin", b.pinyin}}) {
      auto r = fx.roster(args);
      CHECK(r.code == 1);
      CHECK(r.err == b.err);
      CHECK(r.out.empty());
    }
  }
  auto many = fx.roster({"add-member", "长城汽车", "--sector", "other", "--pinyin", "chang cheng qi che x"});
  CHECK(many.err == "roster: error: pinyin 'chang cheng qi che x': 'x'" + one);
  auto more = fx.roster({"add-member", "长城汽车", "--sector", "other", "--pinyin", "chang cheng qi che gong"});
  CHECK(more.code == 1);
  CHECK(more.err ==
        "roster: error: pinyin 'chang cheng qi che gong' has 5 syllables but the name has only 4 Chinese "
        "characters; give at most one syllable per Chinese character, from the start of the name\n");
  auto latin = fx.roster({"add-member", "Acme Ltd", "--sector", "other", "--pinyin", "a"});
  CHECK(latin.err == "roster: error: pinyin 'a': the name has no Chinese characters to read; clear the pinyin ('')\n");
  CHECK(dump_database(fx.db) == before);
  // A name change that leaves too few Chinese characters for the key is refused too.
  REQUIRE(fx.roster({"edit-member", kChangsha, "--pinyin", "chang sha xiang"}).code == 0);
  std::string keyed = dump_database(fx.db);
  auto renamed = fx.roster({"edit-member", kChangsha, "--name", "长沙 Ltd"});
  CHECK(renamed.code == 1);
  CHECK(renamed.err.starts_with("roster: error: pinyin 'chang sha xiang' has 3 syllables but the name has only 2"));
  CHECK(dump_database(fx.db) == keyed);
  REQUIRE(fx.roster({"edit-member", kChangsha, "--pinyin", ""}).code == 0);
  // import: the line and the column, and nothing imported.
  std::string cleared = dump_database(fx.db);
  auto import = fx.roster({"import", "-", "--as-of", "2026-01-01"}, "name,sectors,拼音\n长城汽车,other,chang$cheng\n");
  CHECK(import.code == 1);
  CHECK(import.err.find("<stdin>:2: sort_key: pinyin 'chang$cheng': '$' is not allowed") != std::string::npos);
  CHECK(dump_database(fx.db) == cleared);
}

TEST_CASE("check reports a sort key written past roster's rules, and list still sorts the name", "[check][pinyin]") {
  ZhejiangRoster fx;
  REQUIRE(run_program({"sqlite3", fx.db, "UPDATE members SET sort_key = 'chang$sha' WHERE id = 22"}).code == 0);
  auto check = fx.roster({"check"});
  CHECK(check.code == 1);
  CHECK(check.out.find("member #22 (" + kChangsha + "): sort_key: pinyin 'chang$sha': '$' is not allowed; ") !=
        std::string::npos);
  CHECK(fx.sorted() == kPinyinOrder);  // read as no key at all
}
