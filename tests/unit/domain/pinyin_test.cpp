#include "roster/pinyin.h"

#include <catch2/catch.hpp>

#include "roster/member_rules.h"
#include "roster/sectors.h"

using roster::PinyinSyllable;
using Syllables = std::vector<PinyinSyllable>;

TEST_CASE("read_pinyin_syllable reads tone marks, tone numbers, ü and any case", "[pinyin]") {
  CHECK(roster::read_pinyin_syllable("chang") == PinyinSyllable{"chang", 0});
  CHECK(roster::read_pinyin_syllable("Cháng") == PinyinSyllable{"chang", 2});
  CHECK(roster::read_pinyin_syllable("ZHANG3") == PinyinSyllable{"zhang", 3});
  CHECK(roster::read_pinyin_syllable("zhāng") == PinyinSyllable{"zhang", 1});
  CHECK(roster::read_pinyin_syllable("zhàng") == PinyinSyllable{"zhang", 4});
  CHECK(roster::read_pinyin_syllable("de5") == PinyinSyllable{"de", 5});
  CHECK(roster::read_pinyin_syllable("lü") == PinyinSyllable{"lv", 0});
  CHECK(roster::read_pinyin_syllable("lv4") == PinyinSyllable{"lv", 4});
  CHECK(roster::read_pinyin_syllable("lǜ") == PinyinSyllable{"lv", 4});
  CHECK(roster::read_pinyin_syllable("lu\u0308\u0300") == PinyinSyllable{"lv", 4});  // typed decomposed
  CHECK(roster::read_pinyin_syllable("ê") == PinyinSyllable{"e", 0});
  CHECK_FALSE(roster::read_pinyin_syllable("cha2ng"));  // the number ends the syllable
  CHECK_FALSE(roster::read_pinyin_syllable("chāng2"));  // two tones
  CHECK_FALSE(roster::read_pinyin_syllable("chang6"));
  CHECK_FALSE(roster::read_pinyin_syllable("长"));
  CHECK_FALSE(roster::read_pinyin_syllable(""));
  CHECK_FALSE(roster::read_pinyin_syllable("2"));
}

TEST_CASE("is_pinyin_syllable knows initials and finals, not words run together", "[pinyin]") {
  for (const char* s : {"a", "chang", "sha", "zhuang", "xiong", "lv", "lve", "nue", "er", "ng", "yuan", "wu", "si"}) {
    CHECK(roster::is_pinyin_syllable(s));
  }
  for (const char* s : {"changsha", "hangzhou", "chnag", "x", "q", "zzz", "", "abc"})
    CHECK_FALSE(roster::is_pinyin_syllable(s));
}

TEST_CASE("parse_pinyin splits on spaces and apostrophes", "[pinyin]") {
  CHECK(roster::parse_pinyin("chang sha") == Syllables{{"chang", 0}, {"sha", 0}});
  CHECK(roster::parse_pinyin(" Xī'ān ") == Syllables{{"xi", 1}, {"an", 1}});
  CHECK(roster::parse_pinyin("xi’an") == Syllables{{"xi", 0}, {"an", 0}});
  CHECK(roster::parse_pinyin("chang2\u3000sha1") == Syllables{{"chang", 2}, {"sha", 1}});
  CHECK(roster::parse_pinyin("changsha").empty());
  CHECK(roster::parse_pinyin("").empty());
}

TEST_CASE("sort_key_problem names the bad part and the fix", "[pinyin]") {
  const char* name = "长沙湘江数字科技有限公司";  // 12 Chinese characters
  CHECK_FALSE(roster::sort_key_problem("", name));
  CHECK_FALSE(roster::sort_key_problem("chang sha", name));
  CHECK_FALSE(roster::sort_key_problem("Cháng'shā xiang1 jiang1", name));
  CHECK(roster::sort_key_problem("chang$sha", name) ==
        "pinyin 'chang$sha': '$' is not allowed; write Latin letters with tone marks or tone numbers 1-5, one "
        "syllable per Chinese character, separated by spaces or apostrophes, e.g. 'chang sha'");
  CHECK(roster::sort_key_problem("长沙", name)->starts_with("pinyin '长沙': '长' is not allowed;"));
  CHECK(roster::sort_key_problem("changsha", name) ==
        "pinyin 'changsha': 'changsha' is not one pinyin syllable; write one syllable per Chinese character, "
        "separated by spaces or apostrophes, with at most one tone each, e.g. 'chang sha' or 'chang2 sha1'");
  CHECK(roster::sort_key_problem("cha2ng sha", name)->starts_with("pinyin 'cha2ng sha': 'cha2ng' is not one"));
  CHECK(roster::sort_key_problem("chang sha", "长城") == std::nullopt);
  CHECK(roster::sort_key_problem("chang sha ke", "长城") ==
        "pinyin 'chang sha ke' has 3 syllables but the name has only 2 Chinese characters; give at most one "
        "syllable per Chinese character, from the start of the name");
  CHECK(roster::sort_key_problem("a", "Acme Ltd") ==
        "pinyin 'a': the name has no Chinese characters to read; clear the pinyin ('')");
  CHECK(roster::sort_key_problem("chang\x1b", name)->starts_with("pinyin 'chang\\x1b': '\\x1b' is not allowed"));
}

TEST_CASE("replace_han stands in for the first Han characters only", "[pinyin]") {
  CHECK(roster::han_count("Acme（杭州）网络有限公司") == 8);
  CHECK(roster::han_count("Acme Ltd") == 0);
  CHECK(roster::is_han(U'长'));
  CHECK(roster::is_han(U'\U00020000'));  // extension B
  CHECK_FALSE(roster::is_han(U'（'));
  CHECK(roster::replace_han("长沙某某公司", {"伥", "杀"}) == "伥杀某某公司");
  CHECK(roster::replace_han("Acme（杭州）网络", {"夯"}) == "Acme（夯州）网络");
  CHECK(roster::replace_han("长沙", {"", "杀"}) == "长杀");  // "" keeps the character
  CHECK(roster::replace_han("长", {"伥", "杀"}) == "伥");
}

TEST_CASE("check_member trims the sort key and refuses a bad one", "[pinyin][member]") {
  roster::SectorRegistry sectors(roster::parse_sectors_csv(roster::seed_sectors_csv()));
  roster::MemberDraft d;
  d.name = "长沙湘江数字科技有限公司";
  d.sectors = {"other"};
  d.sort_key = "  chang sha ";
  roster::NewMember m;
  CHECK(roster::check_member(d, sectors, roster::Date::from_ymd(2026, 1, 1), &m).empty());
  CHECK(m.sort_key == "chang sha");
  d.sort_key = "chang sha ke ji you xian gong si a b c d e";
  auto problems = roster::check_member(d, sectors, roster::Date::from_ymd(2026, 1, 1), &m);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].field == "sort_key");
}
