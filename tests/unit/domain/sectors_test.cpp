#include "roster/sectors.h"

#include <catch2/catch.hpp>

#include "roster/error.h"

using roster::Sector;
using roster::SectorRegistry;

namespace {

// The code of the sector `text` resolves to, or "(none)".
std::string resolved(const SectorRegistry& registry, std::string_view text) {
  const Sector* s = registry.resolve(text);
  return s ? s->code : "(none)";
}

}  // namespace

TEST_CASE("parse_sectors_csv reads every column, target included", "[sectors]") {
  auto sectors = roster::parse_sectors_csv(
      "code,name_en,name_zh,key,target\n"
      "healthcare,Healthcare,医疗健康,1,40\n"
      "\n"
      " other , Other ,其他,0,\n");
  REQUIRE(sectors.size() == 2);
  CHECK(sectors[0].code == "healthcare");
  CHECK(sectors[0].name_en == "Healthcare");
  CHECK(sectors[0].name_zh == "医疗健康");
  CHECK(sectors[0].is_key);
  CHECK(sectors[0].target == std::optional<int>(40));
  CHECK(sectors[1].code == "other");
  CHECK(sectors[1].name_en == "Other");
  CHECK_FALSE(sectors[1].is_key);
  CHECK_FALSE(sectors[1].target.has_value());
}

TEST_CASE("parse_sectors_csv takes the columns in any order", "[sectors]") {
  auto sectors = roster::parse_sectors_csv("name_zh,key,code,name_en\n教育,1,education,Education\n");
  REQUIRE(sectors.size() == 1);
  CHECK(sectors[0].code == "education");
  CHECK(sectors[0].name_en == "Education");
  CHECK(sectors[0].name_zh == "教育");
  CHECK(sectors[0].is_key);
}

TEST_CASE("parse_sectors_csv refuses a file without the needed columns", "[sectors]") {
  CHECK_THROWS_AS(roster::parse_sectors_csv(""), roster::Error);
  CHECK_THROWS_WITH(roster::parse_sectors_csv("code,name_en,name_zh\nx,X,艾\n"), Catch::Contains("'key'"));
}

TEST_CASE("the seeded registry has exactly the five key sectors", "[sectors]") {
  auto sectors = roster::parse_sectors_csv(roster::seed_sectors_csv());
  std::vector<std::string> key_codes, key_names;
  for (const auto& s : sectors) {
    if (s.is_key) {
      key_codes.push_back(s.code);
      key_names.push_back(s.name_zh);
    }
  }
  CHECK(key_codes == std::vector<std::string>{"healthcare", "e-commerce", "education", "tourism", "entertainment"});
  CHECK(key_names == std::vector<std::string>{"医疗健康", "电子商务", "教育", "文化旅游", "文化娱乐"});
  CHECK(sectors.size() > key_codes.size());  // and a few others besides
  SectorRegistry registry(sectors);
  CHECK(resolved(registry, "telecom") == "telecom");
  CHECK(resolved(registry, "other") == "other");
}

TEST_CASE("SectorRegistry resolves codes and both names, ignoring case and width", "[sectors]") {
  SectorRegistry registry(roster::parse_sectors_csv(roster::seed_sectors_csv()));
  CHECK(resolved(registry, "tourism") == "tourism");
  CHECK(resolved(registry, "TOURISM") == "tourism");
  CHECK(resolved(registry, "Tourism") == "tourism");
  CHECK(resolved(registry, "  tourism  ") == "tourism");
  CHECK(resolved(registry, "文化旅游") == "tourism");
  CHECK(resolved(registry, "ＴＯＵＲＩＳＭ") == "tourism");
  CHECK(resolved(registry, "E-Commerce") == "e-commerce");
  CHECK(resolved(registry, "电子商务") == "e-commerce");
  CHECK(resolved(registry, "医疗健康") == "healthcare");
  CHECK(resolved(registry, "Media and content") == "media");
}

TEST_CASE("SectorRegistry returns nullptr for what it does not know", "[sectors]") {
  SectorRegistry registry(roster::parse_sectors_csv(roster::seed_sectors_csv()));
  CHECK(registry.resolve("aerospace") == nullptr);
  CHECK(registry.resolve("文化") == nullptr);
  CHECK(registry.resolve("tour") == nullptr);
  CHECK(registry.resolve("") == nullptr);
  CHECK(registry.resolve("   ") == nullptr);
}

TEST_CASE("the seeded registry resolves the short forms staff write through its aliases", "[sectors]") {
  SectorRegistry registry(roster::parse_sectors_csv(roster::seed_sectors_csv()));
  CHECK(resolved(registry, "电商") == "e-commerce");
  CHECK(resolved(registry, "文旅") == "tourism");
  CHECK(resolved(registry, "旅游") == "tourism");
  CHECK(resolved(registry, "医疗") == "healthcare");
  CHECK(resolved(registry, "教育培训") == "education");
  CHECK(resolved(registry, "娱乐") == "entertainment");
  CHECK(resolved(registry, "电信") == "telecom");
  CHECK(resolved(registry, "通信") == "telecom");  // its Chinese name
  CHECK(resolved(registry, "制造") == "manufacturing");
  CHECK(resolved(registry, "金融") == "finance");
  CHECK(resolved(registry, "传媒") == "media");
  CHECK(resolved(registry, "FinTech") == "finance");
}

TEST_CASE("parse_sectors_csv reads the aliases column, separated by |", "[sectors]") {
  auto sectors = roster::parse_sectors_csv(
      "code,name_en,name_zh,key,target,aliases\n"
      "tourism,Tourism,文化旅游,1,, 文旅 | 旅游 ||\n"
      "other,Other,其他,0,,\n");
  REQUIRE(sectors.size() == 2);
  CHECK(sectors[0].aliases == std::vector<std::string>{"文旅", "旅游"});
  CHECK(sectors[1].aliases.empty());
  CHECK(roster::join_aliases(sectors[0].aliases) == "文旅|旅游");
  CHECK(roster::split_aliases("") == std::vector<std::string>{});
}

TEST_CASE("a code or name wins over another sector's alias", "[sectors]") {
  SectorRegistry registry({Sector{"tourism", "Tourism", "文化旅游", true, std::nullopt, {"文旅"}},
                           Sector{"culture", "Culture", "文旅", false, std::nullopt, {}}});
  CHECK(resolved(registry, "文旅") == "culture");
}

TEST_CASE("an unknown sector lists the Chinese names and offers the closest one", "[sectors]") {
  SectorRegistry registry(roster::parse_sectors_csv(roster::seed_sectors_csv()));
  const std::string known =
      "known sectors: healthcare (医疗健康), e-commerce (电子商务), education (教育), tourism (文化旅游), "
      "entertainment (文化娱乐), telecom (通信), manufacturing (智能制造), finance (金融科技), media (数字内容), "
      "technology (信息技术), other (其他) (give a code, its English or Chinese name, or a short form such as 医疗)";
  CHECK(roster::unknown_sector_message("医", registry) ==
        "unknown sector '医'; did you mean healthcare (医疗健康)? " + known);
  CHECK(roster::unknown_sector_message("医药健康", registry) ==
        "unknown sector '医药健康'; did you mean healthcare (医疗健康)? " + known);
  CHECK(roster::unknown_sector_message("helthcare", registry) ==
        "unknown sector 'helthcare'; did you mean healthcare (医疗健康)? " + known);
  CHECK(roster::unknown_sector_message("文化", registry) ==
        "unknown sector '文化'; did you mean tourism (文化旅游), entertainment (文化娱乐) or media (数字内容)? " +
            known);  // media by its alias 文化传媒
  CHECK(roster::unknown_sector_message("电子商务平台", registry) ==
        "unknown sector '电子商务平台'; did you mean e-commerce (电子商务)? " + known);
  CHECK(roster::unknown_sector_message("mining", registry) == "unknown sector 'mining'; " + known);
  CHECK(roster::unknown_sector_message("x", registry) == "unknown sector 'x'; " + known);
}

TEST_CASE("sector_problem checks aliases like names, and keeps separators out of both", "[sectors]") {
  SectorRegistry registry(roster::parse_sectors_csv(roster::seed_sectors_csv()));
  auto problem = [&](Sector s, const std::string& self = "") {
    return roster::sector_problem(s, registry, self).value_or("ok");
  };
  CHECK(problem({"smart-city", "Smart city", "智慧城市", true, std::nullopt, {"智城"}}) == "ok");
  CHECK(problem({"smart-city", "Smart city", "智慧城市", true, std::nullopt, {"电商"}}) ==
        "'电商' already names sector e-commerce (E-commerce / 电子商务); choose another");
  CHECK(problem({"smart-city", "Smart city", "智慧城市", true, std::nullopt, {"智城、智慧"}}) ==
        "alias '智城、智慧' must not contain ; , ； ， 、 or |: they separate sectors and aliases");
  CHECK(problem({"smart-city", "Smart, city", "智慧城市", true, std::nullopt, {}}) ==
        "--name must not contain ; , ； ， 、 or |: they separate sectors and aliases");
  CHECK(problem({"smart-city", "Smart city", "文旅", true, std::nullopt, {}}) ==
        "'文旅' already names sector tourism (Tourism / 文化旅游); choose another");
  // A sector keeps its own aliases when edited.
  CHECK(problem({"e-commerce", "E-commerce", "电子商务", true, std::nullopt, {"电商", "网店"}}, "e-commerce") == "ok");
}

TEST_CASE("sector_problem refuses an invisible mark in a name or alias, naming it escaped", "[sectors]") {
  SectorRegistry registry(roster::parse_sectors_csv(roster::seed_sectors_csv()));
  auto problem = [&](Sector s) { return roster::sector_problem(s, registry, "").value_or("ok"); };
  CHECK(problem({"mining", "Mining", "采\u200b矿", false, std::nullopt, {}}) ==
        "--name-zh contains the invisible character \\u200b (a zero-width or text-direction mark); delete it");
  CHECK(problem({"mining", "Mining\u202e", "采矿", false, std::nullopt, {}}) ==
        "--name contains the invisible character \\u202e (a zero-width or text-direction mark); delete it");
  CHECK(problem({"mining", "Mining", "采矿", false, std::nullopt, {"矿\u2066"}}) ==
        "alias '矿\u2066' contains the invisible character \\u2066 (a zero-width or text-direction mark); delete it");
}

TEST_CASE("join_codes writes a member's sector codes as one cell, the primary first", "[sectors]") {
  CHECK(roster::join_codes({"healthcare", "education"}) == "healthcare;education");
  CHECK(roster::join_codes({"tourism"}) == "tourism");
  CHECK(roster::join_codes({}).empty());
}
