#include <catch2/catch.hpp>
#include <sstream>

#include "roster/sector_render.h"

using Catch::Matchers::Contains;
using roster::Format;
using roster::Sector;
using roster::SectorReport;

namespace {

std::vector<Sector> sectors() {
  return {{"healthcare", "Healthcare", "医疗健康", true, 20}, {"telecom", "Telecom", "通信", false, std::nullopt}};
}

roster::Date day() {
  return roster::Date::from_ymd(2024, 3, 31);
}

SectorReport with_prospects() {
  return roster::build_sector_report(day(), day().plus_days(-7), 10, 0.5, sectors(), {{"healthcare", 3, 4, 1, 0}}, {},
                                     false, {{sectors()[0], 2, 0.7}});
}

SectorReport without_prospects() {
  return roster::build_sector_report(day(), day().plus_days(-7), 10, 0.5, sectors(), {{"healthcare", 3, 4, 1, 0}}, {},
                                     false);
}

std::string render(const SectorReport& r, Format format) {
  std::ostringstream out;
  roster::render_sectors(r, format, out, {});
  return out.str();
}

}  // namespace

TEST_CASE("the sectors table shows a key sector's open prospects and their weighted sum", "[render][sectors]") {
  std::string table = render(with_prospects(), Format::table);
  CHECK_THAT(table, Contains("TARGET"));
  CHECK_THAT(table, Contains("PROSPECTS  WEIGHTED"));
  CHECK_THAT(table, Contains("2      0.70\n"));
  std::string md = render(with_prospects(), Format::markdown);
  CHECK_THAT(md, Contains("| target | prospects | weighted |\n"));
  CHECK_THAT(md, Contains("| --- | ---: | ---: |\n"));
  CHECK_THAT(md, Contains(" | 2 | 0.70 |\n"));
  CHECK_THAT(md, Contains("|  |  |\n"));  // telecom: not a key sector
}

TEST_CASE("the sectors json and tsv carry prospects for key sectors only", "[render][sectors]") {
  std::string json = render(with_prospects(), Format::json);
  CHECK_THAT(json, Contains(R"("lagging": true,
      "prospects": 2,
      "prospects_weighted": 0.7
    },)"));
  CHECK(json.find("\"prospects\"") == json.rfind("\"prospects\""));  // once: telecom has none
  std::string tsv = render(with_prospects(), Format::tsv);
  CHECK_THAT(tsv, Contains("\tlagging\tprospects\tprospects_weighted\n"));
  CHECK_THAT(tsv, Contains("healthcare\t"));
  CHECK_THAT(tsv, Contains("\t1\t2\t0.70\n"));
  CHECK_THAT(tsv, Contains("\t0\t\t\n"));
}

TEST_CASE("without prospects the sectors output is what it was", "[render][sectors]") {
  SectorReport empty = roster::build_sector_report(day(), day().plus_days(-7), 10, 0.5, sectors(),
                                                   {{"healthcare", 3, 4, 1, 0}}, {}, false, {});
  for (Format f : {Format::table, Format::tsv, Format::csv, Format::json, Format::markdown}) {
    std::string plain = render(without_prospects(), f);
    CHECK(render(empty, f) == plain);
    CHECK(plain.find("prospects") == std::string::npos);
    CHECK(plain.find("PROSPECTS") == std::string::npos);
  }
}
