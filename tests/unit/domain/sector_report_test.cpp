#include "roster/sector_report.h"

#include <catch2/catch.hpp>

using roster::build_sector_report;
using roster::Date;
using roster::Sector;
using roster::SectorReport;

namespace {

std::vector<Sector> sectors() {
  return {{"healthcare", "Healthcare", "医疗健康", true, 20},
          {"telecom", "Telecom", "通信", false, std::nullopt},
          {"education", "Education", "教育", true, 10}};
}

SectorReport report(const std::vector<roster::PipelineSectorRow>& prospects) {
  Date day = Date::from_ymd(2024, 3, 31);
  return build_sector_report(day, day.plus_days(-7), 10, 0.5, sectors(), {{"healthcare", 3, 4, 1, 0}}, false,
                             prospects);
}

}  // namespace

TEST_CASE("key sectors carry their open prospects when there are some", "[sectors][pipeline]") {
  SectorReport r = report({{sectors()[0], 2, 0.7}});  // education: none approached
  CHECK(r.with_prospects);
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0].prospects == 2);
  CHECK(r.rows[0].prospects_weighted == 0.7);
  CHECK_FALSE(r.rows[1].prospects);  // telecom is not a key sector
  CHECK_FALSE(r.rows[1].prospects_weighted);
  CHECK(r.rows[2].prospects == 0);
  CHECK(r.rows[2].prospects_weighted == 0.0);
}

TEST_CASE("without prospects no sector carries prospect figures", "[sectors][pipeline]") {
  SectorReport r = report({});
  CHECK_FALSE(r.with_prospects);
  for (const auto& row : r.rows) CHECK_FALSE(row.prospects);
  CHECK(r.rows[0].members == 4);
}
