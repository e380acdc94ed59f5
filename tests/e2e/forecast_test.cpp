// The forecast in progress (docs/forecast.md): its json and tsv figures on
// the fixture databases against numbers worked out independently, the one
// human line, and the same bytes on every run.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

bool has(const std::string& out, const std::string& part) {
  return out.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("progress forecast on the small fixture matches an independent sum", "[progress][forecast]") {
  SmallGoalFixture fx;
  // As of 2024-07-15: 5 active, target 10, 365 days to 2025-07-15. The window
  // (2024-04-16, 2024-07-15] holds 1 join (2024-05-20) and 1 departure
  // (2024-06-30), so λT = μT = 365/90. A python3 double sum over j, l < 150 of
  // Poisson(365/90) pmfs, e^−m·m^k/k!, with the count max(0, 5 + j − l), gives
  // P(count ≥ 10) = 0.0557607876 and E[count] = 5.0456301777: above 5,
  // because the count cannot go below 0.
  auto july = fx.roster({"progress", "-f", "json", "--as-of", "2024-07-15"});
  CHECK(july.code == 0);
  CHECK(has(july.out,
            "  \"pipeline_expected\": 0.0,\n  \"open_prospects\": 0,\n"
            "  \"expected_on_deadline\": 5.05,\n  \"chance_by_deadline\": 0.0558,\n"));
  // As of 2025-03-15: 6 active, 122 days left; the window (2024-12-15,
  // 2025-03-15] holds 1 join (2025-01-10) and 1 departure (2025-03-01), so
  // λT = μT = 122/90. The same sum gives 0.0176911109 and 6.0001974758.
  auto march = fx.roster({"progress", "-f", "tsv", "--as-of", "2025-03-15"});
  CHECK(has(march.out,
            "\npipeline_expected\t0.00\nopen_prospects\t0\n"
            "expected_on_deadline\t6.00\nchance_by_deadline\t0.0177\n"));
  auto table = fx.roster({"progress", "-f", "table", "--as-of", "2025-03-15"});
  CHECK(has(table.out, "\n  forecast   about 6 expected on 2025-07-15 at the last 90 days' pace; chance of 10: 2%\n"));
}

TEST_CASE("progress forecast on the demo roster is the Poisson tail", "[progress][forecast]") {
  DbFixture fx;
  REQUIRE(
      fx.roster({"import", (source_dir() / "data/demo-members.csv").string(), "-q", "--as-of", "2026-11-29"}).code ==
      0);
  // As of 2024-07-15: 108 active, 3 joins and no departures in the last 90
  // days, 365 days left: λT = 3 × 365/90 = 12.1667 and no departures, so the
  // count is 108 + J. Expected 120.17. For 200, J ≥ 92: about 3e-48, shown as 0.
  auto far = fx.roster({"progress", "-f", "json", "--as-of", "2024-07-15"});
  CHECK(has(far.out, "\"expected_on_deadline\": 120.17,\n  \"chance_by_deadline\": 0.0,\n"));
  CHECK(has(fx.roster({"progress", "-f", "table", "--as-of", "2024-07-15"}).out,
            "\n  forecast   about 120 expected on 2025-07-15 at the last 90 days' pace; chance of 200: 0%\n"));
  // For 120, J ≥ 12: 1 − Σ_{k<12} e^−m·m^k/k! with m = 12.1667 is 0.5573256034 (python3).
  REQUIRE(fx.roster({"goal", "set", "--target", "120", "-q"}).code == 0);
  auto near = fx.roster({"progress", "-f", "json", "--as-of", "2024-07-15"});
  CHECK(has(near.out, "\"expected_on_deadline\": 120.17,\n  \"chance_by_deadline\": 0.5573,\n"));
}

TEST_CASE("progress forecast is null before the start and the deadline's count after it", "[progress][forecast]") {
  SmallGoalFixture fx;
  auto before = fx.roster({"progress", "-f", "json", "--as-of", "2023-07-01"});
  CHECK(has(before.out, "\"expected_on_deadline\": null,\n  \"chance_by_deadline\": null,\n"));
  CHECK_FALSE(has(fx.roster({"progress", "-f", "table", "--as-of", "2023-07-01"}).out, "forecast"));
  // On the deadline and after it the count on 2025-07-15, 6, decides: short of 10.
  for (const char* as_of : {"2025-07-15", "2026-01-01"}) {
    CAPTURE(as_of);
    auto after = fx.roster({"progress", "-f", "json", "--as-of", as_of});
    CHECK(has(after.out, "\"expected_on_deadline\": 6.0,\n  \"chance_by_deadline\": 0.0,\n"));
    CHECK_FALSE(has(fx.roster({"progress", "-f", "markdown", "--as-of", as_of}).out, "forecast"));
  }
  REQUIRE(fx.roster({"goal", "set", "--target", "6", "-q"}).code == 0);
  auto met = fx.roster({"progress", "-f", "tsv", "--as-of", "2026-01-01"});
  CHECK(has(met.out, "\nexpected_on_deadline\t6.00\nchance_by_deadline\t1.0000\n"));
}

TEST_CASE("progress forecast prints the same bytes on every run", "[progress][forecast]") {
  SmallGoalFixture fx;
  for (const char* format : {"json", "tsv", "table", "markdown"}) {
    CAPTURE(format);
    auto first = fx.roster({"progress", "-f", format, "--as-of", "2024-07-15"});
    auto second = fx.roster({"progress", "-f", format, "--as-of", "2024-07-15"});
    CHECK(first.code == 0);
    CHECK(has(first.out, "forecast") == (std::string(format) == "table" || std::string(format) == "markdown"));
    CHECK(first.out == second.out);
  }
}
