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
