// `roster goal` shows the goal in table, tsv and json, byte for byte.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

TEST_CASE("goal shows start, baseline, target and deadline in table, tsv and json, byte for byte", "[goal]") {
  SmallGoalFixture fx;
  auto table = fx.roster({"goal", "-f", "table"});
  CHECK(table.code == 0);
  CHECK(table.err.empty());
  CHECK(table.out ==
        "FIELD     VALUE\n"
        "start     2023-07-15\n"
        "baseline  3\n"
        "target    10\n"
        "deadline  2025-07-15\n");
  auto colored = fx.roster({"goal", "-f", "table", "--color", "always"});
  CHECK(colored.out ==
        "\x1b[1mFIELD     VALUE\x1b[0m\n"
        "start     2023-07-15\n"
        "baseline  3\n"
        "target    10\n"
        "deadline  2025-07-15\n");
  auto tsv = fx.roster({"goal", "-f", "tsv"});
  CHECK(tsv.code == 0);
  CHECK(tsv.out == "field\tvalue\nstart\t2023-07-15\nbaseline\t3\ntarget\t10\ndeadline\t2025-07-15\n");
  CHECK(fx.roster({"goal"}).out == tsv.out);  // stdout is a pipe: tsv
  auto json = fx.roster({"goal", "-f", "json"});
  CHECK(json.code == 0);
  CHECK(json.out ==
        "{\n  \"start\": \"2023-07-15\",\n  \"baseline\": 3,\n  \"target\": 10,\n  \"deadline\": \"2025-07-15\"\n}\n");
}

TEST_CASE("goal refuses a format it does not offer", "[goal]") {
  SmallGoalFixture fx;
  auto csv = fx.roster({"goal", "-f", "csv"});
  CHECK(csv.code == 2);
  CHECK(csv.out.empty());
  CHECK(csv.err == "roster: error: this command cannot write csv; choose one of table, tsv, json\n");
}
