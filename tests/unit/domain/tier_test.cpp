#include "roster/tier.h"

#include <catch2/catch.hpp>

using roster::parse_tier;
using roster::Tier;

TEST_CASE("parse_tier knows every usual form of the four tiers, in English and Chinese", "[tier]") {
  CHECK(parse_tier("president") == Tier::president);
  CHECK(parse_tier("PRESIDENT") == Tier::president);
  CHECK(parse_tier("会长") == Tier::president);
  CHECK(parse_tier("会长单位") == Tier::president);
  CHECK(parse_tier("Vice-President") == Tier::vice_president);
  CHECK(parse_tier("vice president") == Tier::vice_president);
  CHECK(parse_tier("VICE_PRESIDENT") == Tier::vice_president);
  CHECK(parse_tier("副会长") == Tier::vice_president);
  CHECK(parse_tier("副会长单位") == Tier::vice_president);
  CHECK(parse_tier("常务副会长") == Tier::vice_president);
  CHECK(parse_tier(" Council ") == Tier::council);
  CHECK(parse_tier("理事") == Tier::council);
  CHECK(parse_tier("理事单位") == Tier::council);
  CHECK(parse_tier("常务理事") == Tier::council);  // a standing council member sits on the council
  CHECK(parse_tier("常务理事单位") == Tier::council);
  CHECK(parse_tier("member") == Tier::member);
  CHECK(parse_tier("会员") == Tier::member);
  CHECK(parse_tier("会员单位") == Tier::member);
  CHECK(parse_tier("普通会员") == Tier::member);
  CHECK(parse_tier("　会长单位　") == Tier::president);  // ideographic spaces around it
}

TEST_CASE("parse_tier refuses other words, and leaves the empty default to its caller", "[tier]") {
  for (const char* other : {"", "  ", "chairman", "vicepresident", "会", "单位", "理事长", "会长 单位", "boss"}) {
    CAPTURE(other);
    CHECK(parse_tier(other) == std::nullopt);
  }
}

TEST_CASE("tier codes are what the database stores", "[tier]") {
  CHECK(roster::tier_code(Tier::president) == "president");
  CHECK(roster::tier_code(Tier::vice_president) == "vice-president");
  CHECK(roster::tier_code(Tier::council) == "council");
  CHECK(roster::tier_code(Tier::member) == "member");
  for (Tier t : {Tier::president, Tier::vice_president, Tier::council, Tier::member}) {
    CHECK(parse_tier(roster::tier_code(t)) == t);
  }
}

TEST_CASE("tier_forms lists every Chinese form parse_tier accepts, for --help", "[tier]") {
  CHECK(roster::tier_forms() ==
        "president (会长, 会长单位), vice-president (副会长, 副会长单位, 常务副会长, 常务副会长单位), "
        "council (理事, 理事单位, 常务理事, 常务理事单位), member (会员, 会员单位, 普通会员, 普通会员单位)");
  CHECK(roster::unknown_tier_message(" boss ") ==
        "unknown tier 'boss'; use president, vice-president, council or member (or 会长, 副会长, 理事, 会员)");
}

TEST_CASE("tier_from_code reads only the stored codes, exactly", "[tier]") {
  for (auto tier :
       {roster::Tier::president, roster::Tier::vice_president, roster::Tier::council, roster::Tier::member}) {
    CHECK(roster::tier_from_code(roster::tier_code(tier)) == tier);
  }
  CHECK_FALSE(roster::tier_from_code("Council").has_value());  // a stored code is never folded
  CHECK_FALSE(roster::tier_from_code("理事").has_value());
  CHECK_FALSE(roster::tier_from_code("").has_value());
}

TEST_CASE("tier_words offers the codes, then the Chinese names, each of which parse_tier reads", "[tier]") {
  CHECK(roster::tier_words() == std::vector<std::string>{"president", "vice-president", "council", "member", "会长单位",
                                                         "副会长单位", "理事单位", "会员单位"});
  for (const auto& word : roster::tier_words()) CHECK(parse_tier(word).has_value());
  CHECK(parse_tier("理事单位") == roster::Tier::council);
}
