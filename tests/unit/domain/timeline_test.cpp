#include "roster/timeline.h"

#include <catch2/catch.hpp>

using roster::Date;
using roster::DayChange;
using roster::Timeline;

namespace {

Date ymd(int y, int m, int d) {
  return Date::from_ymd(y, m, d);
}

}  // namespace

TEST_CASE("An empty timeline has no members on any date", "[timeline]") {
  Timeline none;                                // default constructed
  CHECK(none.active_on(ymd(2024, 1, 1)) == 0);  // no joins, no departures: 0 − 0
  CHECK_FALSE(none.first_join().has_value());   // nobody ever joined
  CHECK(none.joins_between(ymd(2000, 1, 1), ymd(2100, 1, 1)) == 0);
  CHECK(none.departures_between(ymd(2000, 1, 1), ymd(2100, 1, 1)) == 0);

  Timeline from_nothing(std::vector<DayChange>{});  // built from an empty change list
  CHECK(from_nothing.active_on(ymd(2024, 6, 30)) == 0);
  CHECK_FALSE(from_nothing.first_join().has_value());
}

TEST_CASE("Timeline merges same-date entries given in any order", "[timeline]") {
  // Deliberately unsorted, with 2024-03-01 given twice: it merges to 3 joins, 1 departure.
  Timeline t({{ymd(2024, 3, 1), 2, 0}, {ymd(2024, 1, 1), 5, 0}, {ymd(2024, 3, 1), 1, 1}, {ymd(2024, 2, 1), 0, 2}});

  CHECK(t.active_on(ymd(2023, 12, 31)) == 0);  // before every change
  CHECK(t.active_on(ymd(2024, 1, 1)) == 5);    // 5 joins on 01-01, date included
  CHECK(t.active_on(ymd(2024, 1, 31)) == 5);   // nothing new: 5
  CHECK(t.active_on(ymd(2024, 2, 1)) == 3);    // 5 − 2 departures on 02-01 (not active on the day they leave)
  CHECK(t.active_on(ymd(2024, 2, 29)) == 3);   // leap day, nothing new: 3
  CHECK(t.active_on(ymd(2024, 3, 1)) == 5);    // 3 + (2+1) joins − 1 departure = 5
  CHECK(t.active_on(ymd(2030, 1, 1)) == 5);    // (5+3) joins − (2+1) departures = 5

  // Merged date counts both entries: joins 2+1 = 3, departures 0+1 = 1.
  CHECK(t.joins_between(ymd(2024, 2, 29), ymd(2024, 3, 1)) == 3);
  CHECK(t.departures_between(ymd(2024, 2, 29), ymd(2024, 3, 1)) == 1);
  // Everything: joins 5+3 = 8, departures 2+1 = 3.
  CHECK(t.joins_between(ymd(2000, 1, 1), ymd(2100, 1, 1)) == 8);
  CHECK(t.departures_between(ymd(2000, 1, 1), ymd(2100, 1, 1)) == 3);
}

TEST_CASE("Timeline joins_between and departures_between count the days after a up to and including b", "[timeline]") {
  Timeline t({{ymd(2024, 1, 1), 5, 0}, {ymd(2024, 2, 1), 0, 2}, {ymd(2024, 3, 1), 3, 1}});

  // a excluded: 01-01's 5 joins are not in (01-01, 03-01], only 03-01's 3.
  CHECK(t.joins_between(ymd(2024, 1, 1), ymd(2024, 3, 1)) == 3);
  // b included: (12-31, 01-01] holds 01-01's 5 joins.
  CHECK(t.joins_between(ymd(2023, 12, 31), ymd(2024, 1, 1)) == 5);
  // (01-01, 02-29]: no join dates inside → 0.
  CHECK(t.joins_between(ymd(2024, 1, 1), ymd(2024, 2, 29)) == 0);
  // Departures: (01-31, 02-01] holds 02-01's 2; (02-01, 02-29] excludes it → 0.
  CHECK(t.departures_between(ymd(2024, 1, 31), ymd(2024, 2, 1)) == 2);
  CHECK(t.departures_between(ymd(2024, 2, 1), ymd(2024, 2, 29)) == 0);
  // (01-01, 03-01]: 2 (02-01) + 1 (03-01) = 3.
  CHECK(t.departures_between(ymd(2024, 1, 1), ymd(2024, 3, 1)) == 3);

  // b ≤ a gives 0, whatever lies between.
  CHECK(t.joins_between(ymd(2024, 1, 1), ymd(2024, 1, 1)) == 0);
  CHECK(t.departures_between(ymd(2024, 2, 1), ymd(2024, 2, 1)) == 0);
  CHECK(t.joins_between(ymd(2024, 3, 1), ymd(2023, 12, 1)) == 0);
  CHECK(t.departures_between(ymd(2024, 3, 1), ymd(2023, 12, 1)) == 0);

  // Range entirely after or before every change: 0.
  CHECK(t.joins_between(ymd(2024, 3, 1), ymd(2025, 1, 1)) == 0);
  CHECK(t.joins_between(ymd(2020, 1, 1), ymd(2023, 12, 31)) == 0);
}

TEST_CASE("Timeline treats a period as a join on its start and a departure on its end", "[timeline]") {
  // One member, period [2024-01-10, 2024-02-10).
  Timeline t({{ymd(2024, 1, 10), 1, 0}, {ymd(2024, 2, 10), 0, 1}});
  CHECK(t.active_on(ymd(2024, 1, 9)) == 0);   // not yet joined
  CHECK(t.active_on(ymd(2024, 1, 10)) == 1);  // joined that day: 1 − 0
  CHECK(t.active_on(ymd(2024, 2, 9)) == 1);   // last active day
  CHECK(t.active_on(ymd(2024, 2, 10)) == 0);  // left that day: 1 − 1
  CHECK(t.active_on(ymd(2025, 1, 1)) == 0);
  CHECK(t.first_join().value().iso() == "2024-01-10");
}

TEST_CASE("Timeline counts a member who left and re-joined once while active", "[timeline]") {
  // Periods [2024-04-10, 2024-05-01) and [2024-06-01, …) of one member, plus 10 founders.
  Timeline t({{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 4, 10), 1, 0}, {ymd(2024, 5, 1), 0, 1}, {ymd(2024, 6, 1), 1, 0}});
  CHECK(t.active_on(ymd(2024, 4, 30)) == 11);  // 10 + 1
  CHECK(t.active_on(ymd(2024, 5, 1)) == 10);   // 11 − 1 (left that day)
  CHECK(t.active_on(ymd(2024, 5, 31)) == 10);  // still away
  CHECK(t.active_on(ymd(2024, 6, 1)) == 11);   // (10+1+1) − 1 = 11: counted once after re-joining
  // (04-02, 07-01]: joins 1 (04-10) + 1 (06-01) = 2, departures 1 (05-01).
  CHECK(t.joins_between(ymd(2024, 4, 2), ymd(2024, 7, 1)) == 2);
  CHECK(t.departures_between(ymd(2024, 4, 2), ymd(2024, 7, 1)) == 1);
}

TEST_CASE("Timeline first_join skips dates with only departures", "[timeline]") {
  SECTION("departures-only and no-change dates before the first join") {
    Timeline t({{ymd(2024, 3, 5), 2, 0}, {ymd(2024, 1, 1), 0, 1}, {ymd(2024, 2, 1), 0, 0}});
    REQUIRE(t.first_join().has_value());
    CHECK(t.first_join()->iso() == "2024-03-05");  // 01-01 and 02-01 have 0 joins
  }
  SECTION("a departures-only entry merged with a joins entry on the same date") {
    Timeline t({{ymd(2024, 1, 1), 0, 1}, {ymd(2024, 1, 1), 3, 0}, {ymd(2024, 5, 1), 4, 0}});
    REQUIRE(t.first_join().has_value());
    CHECK(t.first_join()->iso() == "2024-01-01");  // merged 01-01 has 0+3 = 3 joins
  }
  SECTION("departures only: nobody joined") {
    Timeline t({{ymd(2024, 1, 1), 0, 1}, {ymd(2024, 2, 1), 0, 2}});
    CHECK_FALSE(t.first_join().has_value());
  }
}
