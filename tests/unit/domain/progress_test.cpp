#include "roster/progress.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "roster/goal.h"

using roster::build_progress_report;
using roster::Date;
using roster::DayChange;
using roster::Goal;
using roster::GoalStatus;
using roster::MonthPoint;
using roster::ProgressReport;
using roster::Timeline;

namespace {

Date ymd(int y, int m, int d) {
  return Date::from_ymd(y, m, d);
}

Goal make_goal(Date start, int target, Date deadline) {
  Goal g;
  g.start = start;
  g.target = target;
  g.deadline = deadline;
  return g;
}

// The worked example: start 2024-01-01, target 20, deadline 2024-12-31. 2024 is a leap year, so
// the road is 365 days long and climbs (20 − 10)/365 a day from a baseline of 10: one member is
// 36.5 days of road. Day numbers below count from the start (2024-07-01 is day 31+29+31+30+31+30 = 182).
Goal year_goal() {
  return make_goal(ymd(2024, 1, 1), 20, ymd(2024, 12, 31));
}

void check_month(const MonthPoint& p, const char* month, const char* date, int active, double road) {
  CAPTURE(month);
  CHECK(p.month == month);
  CHECK(p.date.iso() == date);
  CHECK(p.active == active);
  CHECK(p.road == road);
}

}  // namespace

TEST_CASE("round2 rounds to two decimals", "[progress]") {
  CHECK(roster::round2(14.98630137) == 14.99);
  CHECK(roster::round2(-1.98630137) == -1.99);
  CHECK(roster::round2(26.142857) == 26.14);
  CHECK(roster::round2(0.345205) == 0.35);
  CHECK(roster::round2(2.0) == 2.0);
  CHECK(roster::round2(-0.001) == 0.0);
}

TEST_CASE("Progress report for the worked mid-year scenario", "[progress]") {
  // Founder X leaves on 05-10 and re-joins on 06-05, both inside the 90-day window.
  Timeline t({
      {ymd(2024, 1, 1), 10, 0},  // 10 founders on the start
      {ymd(2024, 2, 15), 2, 0},  // before the window
      {ymd(2024, 3, 10), 0, 1},  // before the window
      {ymd(2024, 4, 2), 1, 0},   // on as_of − 90: excluded from the window
      {ymd(2024, 4, 3), 1, 0},   // first day inside the window
      {ymd(2024, 5, 10), 0, 1},  // X leaves
      {ymd(2024, 6, 5), 1, 0},   // X re-joins
      {ymd(2024, 6, 20), 2, 0},  // two entries on 06-20: merged to 3 joins, 1 departure
      {ymd(2024, 6, 20), 1, 1},
      {ymd(2024, 7, 1), 1, 0},  // on as_of: included
      {ymd(2024, 7, 2), 3, 0},  // after as_of: ignored
  });
  ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2024, 7, 1));

  CHECK(r.association == "Assoc");
  CHECK(r.as_of.iso() == "2024-07-01");
  CHECK(r.goal.target == 20);
  CHECK(r.baseline == 10);   // active_on(01-01) = 10 founders
  CHECK(r.active == 16);     // joins 10+2+1+1+1+3+1 = 19, departures 1+1+1 = 3 → 16
  CHECK(r.percent == 80.0);  // 100 × 16 / 20
  CHECK(r.gained == 6);      // 16 − 10
  CHECK(r.remaining == 4);   // 20 − 16
  CHECK(r.days_elapsed == 182);
  CHECK(r.days_left == 183);       // 365 − 182
  CHECK(r.weeks_elapsed == 26.0);  // 182 / 7 = 26
  CHECK(r.weeks_left == 26.14);    // 183 / 7 = 26.142…
  REQUIRE(r.required_weekly_pace.has_value());
  CHECK(*r.required_weekly_pace == 0.15);  // 4 × 7 / 183 = 0.1530…
  REQUIRE(r.pace_since_start.has_value());
  CHECK(*r.pace_since_start == 0.23);  // 6 × 7 / 182 = 0.2307…
  // Window (2024-04-02, 2024-07-01]: joins 04-03 1 + 06-05 1 + 06-20 3 + 07-01 1 = 6;
  // departures 05-10 1 + 06-20 1 = 2.
  CHECK(r.joins_90_days == 6);
  CHECK(r.departures_90_days == 2);
  REQUIRE(r.pace_90_days.has_value());
  CHECK(*r.pace_90_days == 0.31);  // (6 − 2) × 7 / 90 = 0.3111…
  CHECK(r.road_today == 14.99);    // 10 + 1820/365 = 14.9863…
  CHECK(r.ahead_members == 1.01);  // 16 − 14.9863 = 1.0137
  REQUIRE(r.ahead_days.has_value());
  CHECK(*r.ahead_days == 37);  // (16 − 10) × 36.5 = 219 → 219 − 182
  // Unrounded pace 4/90 a day: 4 / (4/90) = 90 days → 2024-09-29 (day 183 + 90 = 273 = Aug 31 + 29).
  // (The rounded 0.31 a week would give 90.32 → 91 days, 2024-09-30.)
  REQUIRE(r.projected_date.has_value());
  CHECK(r.projected_date->iso() == "2024-09-29");
  CHECK(r.status == GoalStatus::on_track);  // 16 ≥ 14.99
  CHECK(roster::status_name(r.status) == "on-track");
  CHECK_FALSE(r.active_on_deadline.has_value());  // deadline not yet come

  // One point per month 2024-01 … 2024-07; road = 10 + 10 × day / 365.
  REQUIRE(r.months.size() == 7);
  check_month(r.months[0], "2024-01", "2024-01-31", 10, 10.82);  // day 30: 10 + 300/365 = 10.82
  check_month(r.months[1], "2024-02", "2024-02-29", 12, 11.62);  // day 59: 10 + 590/365 = 11.616; 10 + 2
  check_month(r.months[2], "2024-03", "2024-03-31", 11, 12.47);  // day 90: 10 + 900/365 = 12.466; 12 − 1
  check_month(r.months[3], "2024-04", "2024-04-30", 13, 13.29);  // day 120: 10 + 1200/365 = 13.288; 11 + 1 + 1
  check_month(r.months[4], "2024-05", "2024-05-31", 12, 14.14);  // day 151: 10 + 1510/365 = 14.137; 13 − 1 (X)
  check_month(r.months[5], "2024-06", "2024-06-30", 15, 14.96);  // day 181: 10 + 1810/365 = 14.959; 12 + 1 + 3 − 1
  check_month(r.months[6], "2024-07", "2024-07-01", 16, 14.99);  // as_of: day 182; 15 + 1
}

TEST_CASE("Progress report with no members at all", "[progress]") {
  Timeline empty;
  SECTION("as-of after the start") {
    // 2024-03-15 is day 31 + 29 + 14 = 74. Road 0 → 20: 20/365 a day.
    ProgressReport r = build_progress_report("Assoc", year_goal(), empty, ymd(2024, 3, 15));
    CHECK(r.baseline == 0);
    CHECK(r.active == 0);
    CHECK(r.percent == 0.0);  // 100 × 0 / 20
    CHECK(r.gained == 0);
    CHECK(r.remaining == 20);
    CHECK(r.days_elapsed == 74);
    CHECK(r.days_left == 291);                      // 365 − 74
    CHECK(r.weeks_elapsed == 10.57);                // 74 / 7 = 10.571…
    CHECK(r.weeks_left == 41.57);                   // 291 / 7 = 41.571…
    CHECK(r.required_weekly_pace.value() == 0.48);  // 20 × 7 / 291 = 0.4811
    REQUIRE(r.pace_since_start.has_value());
    CHECK(*r.pace_since_start == 0.0);  // 0 × 7 / 74
    CHECK(r.joins_90_days == 0);
    CHECK(r.departures_90_days == 0);
    CHECK(r.pace_90_days.value() == 0.0);       // 0 × 7 / 90
    CHECK(r.road_today == 4.05);                // 20 × 74 / 365 = 4.0548
    CHECK(r.ahead_members == -4.05);            // 0 − 4.0548
    CHECK(r.ahead_days.value() == -74);         // line at 0 on the start: 0 − 74
    CHECK_FALSE(r.projected_date.has_value());  // pace 0
    CHECK(r.status == GoalStatus::behind);      // 0 < 4.05
    CHECK_FALSE(r.active_on_deadline.has_value());
    REQUIRE(r.months.size() == 3);
    check_month(r.months[0], "2024-01", "2024-01-31", 0, 1.64);  // 20 × 30/365 = 1.6438
    check_month(r.months[1], "2024-02", "2024-02-29", 0, 3.23);  // 20 × 59/365 = 3.2329
    check_month(r.months[2], "2024-03", "2024-03-15", 0, 4.05);  // 20 × 74/365 = 4.0548
  }
  SECTION("as-of before the start: months from the as-of month") {
    ProgressReport r = build_progress_report("Assoc", year_goal(), empty, ymd(2023, 11, 20));
    CHECK(r.active == 0);
    CHECK(r.days_elapsed == 0);
    CHECK(r.days_left == 365);                      // from the start
    CHECK(r.required_weekly_pace.value() == 0.38);  // 20 × 7 / 365 = 0.3836
    CHECK_FALSE(r.pace_since_start.has_value());
    CHECK_FALSE(r.ahead_days.has_value());
    CHECK(r.ahead_members == 0.0);
    CHECK_FALSE(r.projected_date.has_value());
    CHECK(r.status == GoalStatus::not_started);
    REQUIRE(r.months.size() == 1);
    check_month(r.months[0], "2023-11", "2023-11-20", 0, 0.0);  // nobody joined: as_of's month
  }
}

TEST_CASE("Progress report before the start is not-started with months from the first join", "[progress]") {
  Timeline t({
      {ymd(2023, 10, 20), 3, 0},
      {ymd(2023, 11, 5), 0, 1},
      {ymd(2023, 12, 31), 2, 0},  // after as_of
      {ymd(2024, 1, 1), 5, 0},    // on the start
  });
  ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2023, 12, 15));
  CHECK(r.baseline == 9);      // active_on(2024-01-01) = 3 − 1 + 2 + 5
  CHECK(r.active == 2);        // 3 − 1
  CHECK(r.percent == 10.0);    // 100 × 2 / 20
  CHECK(r.gained == 0);        // before the start
  CHECK(r.remaining == 18);    // 20 − 2
  CHECK(r.days_elapsed == 0);  // max(0, −17)
  CHECK(r.days_left == 365);   // deadline − start
  CHECK(r.weeks_elapsed == 0.0);
  CHECK(r.weeks_left == 52.14);                   // 365 / 7 = 52.1428
  CHECK(r.required_weekly_pace.value() == 0.35);  // from the start: 18 × 7 / 365 = 0.3452
  CHECK_FALSE(r.pace_since_start.has_value());
  // Window (2023-09-16, 2023-12-15]: joins 3 (10-20), departures 1 (11-05).
  CHECK(r.joins_90_days == 3);
  CHECK(r.departures_90_days == 1);
  CHECK(r.pace_90_days.value() == 0.16);  // 2 × 7 / 90 = 0.1556
  CHECK(r.road_today == 9.0);             // before the start: baseline
  CHECK(r.ahead_members == 0.0);          // 0 before the start
  CHECK_FALSE(r.ahead_days.has_value());
  // 18 at 2/90 a day: 810 days. 2023-12-15 + 366 = 2024-12-15, + 365 = 2025-12-15 (731),
  // + 31 = 2026-01-15 (762), + 31 = 2026-02-15 (793), + 28 = 2026-03-15 (821) → 821 − 11 = 2026-03-04.
  CHECK(r.projected_date.value().iso() == "2026-03-04");
  CHECK(r.status == GoalStatus::not_started);
  CHECK(roster::status_name(r.status) == "not-started");
  CHECK_FALSE(r.active_on_deadline.has_value());
  REQUIRE(r.months.size() == 3);
  check_month(r.months[0], "2023-10", "2023-10-31", 3, 9.0);  // road before the start: baseline 9
  check_month(r.months[1], "2023-11", "2023-11-30", 2, 9.0);  // 3 − 1
  check_month(r.months[2], "2023-12", "2023-12-15", 2, 9.0);  // as_of
}

TEST_CASE("Progress report months before the start follow the first join's month", "[progress]") {
  SECTION("first join later in the as-of month") {
    Timeline t({{ymd(2023, 12, 20), 2, 0}, {ymd(2024, 1, 1), 5, 0}});
    ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2023, 12, 15));
    REQUIRE(r.months.size() == 1);                              // 2023-12 through 2023-12
    check_month(r.months[0], "2023-12", "2023-12-15", 0, 7.0);  // nobody yet; baseline 2 + 5
  }
  SECTION("first join in a month after the as-of month") {
    Timeline t({{ymd(2024, 1, 1), 5, 0}});
    ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2023, 12, 15));
    REQUIRE(r.months.size() == 1);                              // nobody by the as-of date: the as-of month alone
    check_month(r.months[0], "2023-12", "2023-12-15", 0, 5.0);  // road before the start = baseline 5
  }
  SECTION("first join before the start but as-of after it: months from the start") {
    Timeline t({{ymd(2023, 10, 20), 3, 0}, {ymd(2024, 1, 1), 7, 0}});
    ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2024, 2, 10));
    REQUIRE(r.months.size() == 2);                                 // 2024-01, 2024-02
    check_month(r.months[0], "2024-01", "2024-01-31", 10, 10.82);  // 3 + 7; 10 + 300/365
    check_month(r.months[1], "2024-02", "2024-02-10", 10, 11.1);   // day 40: 10 + 400/365 = 11.0959
  }
}

TEST_CASE("Progress report exactly on the deadline, short of the target", "[progress]") {
  Timeline t({{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 10, 15), 5, 0}, {ymd(2024, 11, 20), 0, 1}});
  ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2024, 12, 31));
  CHECK(r.baseline == 10);
  CHECK(r.active == 14);     // 10 + 5 − 1
  CHECK(r.percent == 70.0);  // 100 × 14 / 20
  CHECK(r.gained == 4);
  CHECK(r.remaining == 6);
  CHECK(r.days_elapsed == 365);
  CHECK(r.days_left == 0);          // 365 − 365
  CHECK(r.weeks_elapsed == 52.14);  // 365 / 7
  CHECK(r.weeks_left == 0.0);
  CHECK_FALSE(r.required_weekly_pace.has_value());  // no days left, 6 still needed
  CHECK(r.pace_since_start.value() == 0.08);        // 4 × 7 / 365 = 0.0767
  // Window (2024-10-02, 2024-12-31] (Oct 2 → Oct 31 29 days, + 30 + 31 = 90): joins 5, departures 1.
  CHECK(r.joins_90_days == 5);
  CHECK(r.departures_90_days == 1);
  CHECK(r.pace_90_days.value() == 0.31);  // 4 × 7 / 90 = 0.3111
  CHECK(r.road_today == 20.0);            // on the deadline: target
  CHECK(r.ahead_members == -6.0);         // 14 − 20
  CHECK(r.ahead_days.value() == -219);    // 4 × 36.5 = 146 → 146 − 365
  // 6 at 4/90 a day: 135 days. 2024-12-31 + 31 + 28 + 31 + 30 = 2025-04-30 (120), + 15 = 2025-05-15.
  CHECK(r.projected_date.value().iso() == "2025-05-15");
  REQUIRE(r.active_on_deadline.has_value());
  CHECK(*r.active_on_deadline == 14);
  CHECK(r.status == GoalStatus::missed);
  CHECK(roster::status_name(r.status) == "missed");
  REQUIRE(r.months.size() == 12);
  check_month(r.months[0], "2024-01", "2024-01-31", 10, 10.82);   // 10 + 300/365
  check_month(r.months[9], "2024-10", "2024-10-31", 15, 18.33);   // day 304: 10 + 3040/365 = 18.3288
  check_month(r.months[10], "2024-11", "2024-11-30", 14, 19.15);  // day 334: 10 + 3340/365 = 19.1507
  check_month(r.months[11], "2024-12", "2024-12-31", 14, 20.0);   // deadline: target
}

TEST_CASE("Progress report after the deadline, missed", "[progress]") {
  Timeline t({{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 6, 1), 6, 0}, {ymd(2024, 12, 1), 3, 0}, {ymd(2025, 1, 15), 0, 1}});
  ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2025, 2, 1));
  CHECK(r.active == 18);     // 10 + 6 + 3 − 1
  CHECK(r.percent == 90.0);  // 100 × 18 / 20
  CHECK(r.gained == 8);      // 18 − 10
  CHECK(r.remaining == 2);
  CHECK(r.days_elapsed == 397);     // 366 (leap 2024) + 31
  CHECK(r.days_left == 0);          // max(0, 365 − 397)
  CHECK(r.weeks_elapsed == 56.71);  // 397 / 7 = 56.714
  CHECK(r.weeks_left == 0.0);
  CHECK_FALSE(r.required_weekly_pace.has_value());  // deadline − as_of = −32
  CHECK(r.pace_since_start.value() == 0.14);        // 8 × 7 / 397 = 0.1411
  // Window (2024-11-03, 2025-02-01] (31 + 31 + 28 = 90): joins 3 (12-01), departures 1 (01-15).
  CHECK(r.joins_90_days == 3);
  CHECK(r.departures_90_days == 1);
  CHECK(r.pace_90_days.value() == 0.16);  // 2 × 7 / 90 = 0.1556
  CHECK(r.road_today == 20.0);            // after the deadline: target
  CHECK(r.ahead_members == -2.0);         // 18 − 20
  CHECK(r.ahead_days.value() == -105);    // 8 × 36.5 = 292 → 292 − 397
  // 2 at 2/90 a day: 90 days. 2025-02-01 + 28 = 03-01, + 31 = 04-01 (59), + 30 = 05-01 (89), + 1 = 05-02.
  CHECK(r.projected_date.value().iso() == "2025-05-02");
  REQUIRE(r.active_on_deadline.has_value());
  CHECK(*r.active_on_deadline == 19);  // 10 + 6 + 3
  CHECK(r.status == GoalStatus::missed);
  REQUIRE(r.months.size() == 14);                                // 2024-01 … 2025-02
  check_month(r.months[5], "2024-06", "2024-06-30", 16, 14.96);  // day 181: 10 + 1810/365
  check_month(r.months[11], "2024-12", "2024-12-31", 19, 20.0);
  check_month(r.months[12], "2025-01", "2025-01-31", 18, 20.0);
  check_month(r.months[13], "2025-02", "2025-02-01", 18, 20.0);
}

TEST_CASE("Progress report after the deadline is reached if the target was met on the deadline", "[progress]") {
  // 20 on the deadline, 2 left since.
  Timeline t({{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 6, 1), 6, 0}, {ymd(2024, 12, 1), 4, 0}, {ymd(2025, 1, 15), 0, 2}});
  ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2025, 2, 1));
  CHECK(r.active == 18);  // 20 − 2
  CHECK(r.percent == 90.0);
  CHECK(r.remaining == 2);  // 20 − 18
  REQUIRE(r.active_on_deadline.has_value());
  CHECK(*r.active_on_deadline == 20);  // 10 + 6 + 4
  CHECK(r.status == GoalStatus::reached);
  CHECK(roster::status_name(r.status) == "reached");
  CHECK_FALSE(r.required_weekly_pace.has_value());        // 18 < 20 and the deadline has passed
  CHECK(r.joins_90_days == 4);                            // (2024-11-03, 2025-02-01]: 12-01
  CHECK(r.departures_90_days == 2);                       // 01-15
  CHECK(r.pace_90_days.value() == 0.16);                  // 2 × 7 / 90
  CHECK(r.projected_date.value().iso() == "2025-05-02");  // 2 at 2/90 a day: 90 days
  CHECK(r.ahead_days.value() == -105);                    // 8 × 36.5 − 397
}

TEST_CASE("Progress report with the target already reached", "[progress]") {
  Timeline t({{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 5, 1), 12, 0}, {ymd(2024, 6, 1), 0, 2}});
  ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2024, 7, 1));
  CHECK(r.active == 20);  // 10 + 12 − 2
  CHECK(r.percent == 100.0);
  CHECK(r.gained == 10);
  CHECK(r.remaining == 0);
  CHECK(r.days_left == 183);
  REQUIRE(r.required_weekly_pace.has_value());
  CHECK(*r.required_weekly_pace == 0.0);      // reached
  CHECK(r.pace_since_start.value() == 0.38);  // 10 × 7 / 182 = 0.3846
  CHECK(r.joins_90_days == 12);               // (04-02, 07-01]: 05-01
  CHECK(r.departures_90_days == 2);           // 06-01
  CHECK(r.pace_90_days.value() == 0.78);      // 10 × 7 / 90 = 0.7778
  CHECK(r.road_today == 14.99);
  CHECK(r.ahead_members == 5.01);      // 20 − 14.9863
  CHECK(r.ahead_days.value() == 183);  // 10 × 36.5 = 365 → 365 − 182
  REQUIRE(r.projected_date.has_value());
  CHECK(r.projected_date->iso() == "2024-07-01");  // as_of
  CHECK(r.status == GoalStatus::reached);
  CHECK_FALSE(r.active_on_deadline.has_value());
}

TEST_CASE("Progress report with zero trailing pace has no projected date", "[progress]") {
  std::vector<DayChange> changes{{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 2, 1), 4, 0}};
  int joins = 0, departures = 0;
  SECTION("nothing in the window") {}
  SECTION("one join and one departure in the window") {
    changes.push_back({ymd(2024, 5, 5), 1, 0});
    changes.push_back({ymd(2024, 6, 6), 0, 1});
    joins = departures = 1;
  }
  ProgressReport r = build_progress_report("Assoc", year_goal(), Timeline(changes), ymd(2024, 7, 1));
  CHECK(r.active == 14);  // 10 + 4 (+ 1 − 1)
  CHECK(r.joins_90_days == joins);
  CHECK(r.departures_90_days == departures);
  REQUIRE(r.pace_90_days.has_value());
  CHECK(*r.pace_90_days == 0.0);                  // 0 × 7 / 90
  CHECK_FALSE(r.projected_date.has_value());      // zero pace
  CHECK(r.required_weekly_pace.value() == 0.23);  // 6 × 7 / 183 = 0.2295
  CHECK(r.pace_since_start.value() == 0.15);      // 4 × 7 / 182 = 0.1538
  CHECK(r.ahead_members == -0.99);                // 14 − 14.9863
  CHECK(r.ahead_days.value() == -36);             // 4 × 36.5 = 146 → 146 − 182
  CHECK(r.status == GoalStatus::behind);          // 14 < 14.99
  CHECK(roster::status_name(r.status) == "behind");
}

TEST_CASE("Progress report with negative trailing pace has no projected date", "[progress]") {
  Timeline t({{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 2, 1), 4, 0}, {ymd(2024, 5, 1), 1, 0}, {ymd(2024, 5, 20), 0, 3}});
  ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2024, 7, 1));
  CHECK(r.active == 12);  // 10 + 4 + 1 − 3
  CHECK(r.gained == 2);
  CHECK(r.joins_90_days == 1);       // 05-01
  CHECK(r.departures_90_days == 3);  // 05-20
  REQUIRE(r.pace_90_days.has_value());
  CHECK(*r.pace_90_days == -0.16);  // −2 × 7 / 90 = −0.1556
  CHECK_FALSE(r.projected_date.has_value());
  CHECK(r.pace_since_start.value() == 0.08);  // 2 × 7 / 182 = 0.0769
  CHECK(r.ahead_members == -2.99);            // 12 − 14.9863
  CHECK(r.ahead_days.value() == -109);        // 2 × 36.5 = 73 → 73 − 182
  CHECK(r.status == GoalStatus::behind);
}

TEST_CASE("Progress report counts a member who left and re-joined in the window", "[progress]") {
  // One member: [04-10, 05-01) and [06-01, …), plus 10 founders.
  Timeline t({{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 4, 10), 1, 0}, {ymd(2024, 5, 1), 0, 1}, {ymd(2024, 6, 1), 1, 0}});
  ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2024, 7, 1));
  CHECK(r.active == 11);  // 10 + 1 − 1 + 1: counted once
  CHECK(r.gained == 1);
  CHECK(r.joins_90_days == 2);            // 04-10 and 06-01
  CHECK(r.departures_90_days == 1);       // 05-01
  CHECK(r.pace_90_days.value() == 0.08);  // 1 × 7 / 90 = 0.0778
  // 9 at 1/90 a day: 810 days. 2024-07-01 + 365 = 2025-07-01, + 365 = 2026-07-01 (730),
  // + 31 + 31 = 2026-09-01 (792), + 18 = 2026-09-19.
  CHECK(r.projected_date.value().iso() == "2026-09-19");
  REQUIRE(r.months.size() == 7);
  check_month(r.months[3], "2024-04", "2024-04-30", 11, 13.29);  // 10 + 1
  check_month(r.months[4], "2024-05", "2024-05-31", 10, 14.14);  // left on 05-01
  check_month(r.months[5], "2024-06", "2024-06-30", 11, 14.96);  // re-joined on 06-01
}

TEST_CASE("Progress report is on-track when active equals the road exactly", "[progress]") {
  SECTION("half a member a day") {
    // 10 → 60 over 100 days (2024-01-01 … 2024-04-10); 2024-02-10 is day 40: road 10 + 20 = 30.
    Goal g = make_goal(ymd(2024, 1, 1), 60, ymd(2024, 4, 10));
    SECTION("30 members: on the road") {
      Timeline t({{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 1, 20), 20, 0}});
      ProgressReport r = build_progress_report("Assoc", g, t, ymd(2024, 2, 10));
      CHECK(r.active == 30);
      CHECK(r.road_today == 30.0);
      CHECK(r.ahead_members == 0.0);     // 30 − 30
      CHECK(r.ahead_days.value() == 0);  // 20 / 0.5 = 40 → 40 − 40
      CHECK(r.status == GoalStatus::on_track);
    }
    SECTION("29 members: one below the road") {
      Timeline t({{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 1, 20), 19, 0}});
      ProgressReport r = build_progress_report("Assoc", g, t, ymd(2024, 2, 10));
      CHECK(r.active == 29);
      CHECK(r.ahead_members == -1.0);     // 29 − 30
      CHECK(r.ahead_days.value() == -2);  // 19 / 0.5 = 38 → 38 − 40
      CHECK(r.status == GoalStatus::behind);
    }
  }
  SECTION("the leap-year road on day 73") {
    // 2024-03-14 is day 73: 10 + 10 × 73/365 = 12.
    SECTION("12 members: on the road") {
      Timeline t({{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 2, 1), 2, 0}});
      ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2024, 3, 14));
      CHECK(r.active == 12);
      CHECK(r.road_today == 12.0);
      CHECK(r.ahead_members == 0.0);     // 12 − 12
      CHECK(r.ahead_days.value() == 0);  // 2 × 36.5 = 73 → 73 − 73
      CHECK(r.status == GoalStatus::on_track);
    }
    SECTION("11 members: one below the road") {
      Timeline t({{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 2, 1), 1, 0}});
      ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2024, 3, 14));
      CHECK(r.active == 11);
      CHECK(r.ahead_members == -1.0);  // 11 − 12
      CHECK(r.status == GoalStatus::behind);
    }
  }
}

TEST_CASE("Progress report's recent window stops at the start, so founders are not recent growth", "[progress]") {
  // 10 founders on the start 2024-01-01, 2 joins on 01-20, as of 2024-01-31:
  // the window is (2024-01-01, 2024-01-31], 30 days, 2 joins:
  // 2 × 7 / 30 = 0.4667 → 0.47 per week.
  Timeline t({{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 1, 20), 2, 0}});
  ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2024, 1, 31));
  CHECK(r.trailing_days == 30);
  CHECK(r.joins_90_days == 2);
  CHECK(r.pace_90_days == Approx(0.47));
  // On the start day itself the window is empty: no recent pace.
  ProgressReport day0 = build_progress_report("Assoc", year_goal(), t, ymd(2024, 1, 1));
  CHECK(day0.trailing_days == 0);
  CHECK_FALSE(day0.pace_90_days.has_value());
  // Once 90 days have passed the window is the full 90.
  CHECK(build_progress_report("Assoc", year_goal(), t, ymd(2024, 5, 1)).trailing_days == 90);
}

TEST_CASE("a projection more than 100 years away is not within 100 years, never an overflowed date", "[progress]") {
  // One net join in the 90-day window: 1/90 a day. The largest target at the
  // longest road puts the target ~900 million days away.
  Timeline t({{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 6, 1), 1, 0}});
  SECTION("the largest target") {
    ProgressReport r =
        build_progress_report("Assoc", make_goal(ymd(2024, 1, 1), 10'000'000, ymd(2123, 12, 31)), t, ymd(2024, 7, 1));
    CHECK_FALSE(r.projected_date.has_value());
    CHECK(r.projected_beyond_horizon);
    CHECK(r.status == GoalStatus::behind);
    CHECK(r.remaining == 10'000'000 - 11);
    CHECK(r.ahead_days.value() == -182);  // the road passed 11 members on day 0; 2024-07-01 is day 182
  }
  SECTION("the last day within 100 years is still a date") {
    // 405 remaining at 1/90 a day is 36,450 days: within 36,525.
    ProgressReport r =
        build_progress_report("Assoc", make_goal(ymd(2024, 1, 1), 416, ymd(2025, 1, 1)), t, ymd(2024, 7, 1));
    REQUIRE(r.projected_date.has_value());
    CHECK(r.projected_date->iso() == "2124-04-18");  // 2024-07-01 + 36,450 days
    CHECK_FALSE(r.projected_beyond_horizon);
  }
  SECTION("one member more is not") {
    // 406 remaining: 36,540 days.
    ProgressReport r =
        build_progress_report("Assoc", make_goal(ymd(2024, 1, 1), 417, ymd(2025, 1, 1)), t, ymd(2024, 7, 1));
    CHECK_FALSE(r.projected_date.has_value());
    CHECK(r.projected_beyond_horizon);
  }
  SECTION("no pace is never, not beyond the horizon") {
    Timeline flat({{ymd(2024, 1, 1), 10, 0}});
    ProgressReport r = build_progress_report("Assoc", make_goal(ymd(2024, 1, 1), 10'000'000, ymd(2123, 12, 31)), flat,
                                             ymd(2024, 7, 1));
    CHECK_FALSE(r.projected_date.has_value());
    CHECK_FALSE(r.projected_beyond_horizon);
  }
}

TEST_CASE("goal_problem bounds the target and the road's length", "[progress][goal]") {
  using roster::goal_problem;
  CHECK_FALSE(goal_problem(make_goal(ymd(2024, 1, 1), 1, ymd(2024, 1, 2))).has_value());
  CHECK_FALSE(goal_problem(make_goal(ymd(2024, 1, 1), roster::kMaxTarget, ymd(2123, 12, 31))).has_value());
  CHECK(goal_problem(make_goal(ymd(2024, 1, 1), 0, ymd(2025, 1, 1))).value() ==
        "the target 0 must be from 1 to 10000000 members");
  CHECK(goal_problem(make_goal(ymd(2024, 1, 1), roster::kMaxTarget + 1, ymd(2025, 1, 1))).value() ==
        "the target 10000001 must be from 1 to 10000000 members");
  CHECK(goal_problem(make_goal(ymd(2024, 1, 1), 200, ymd(2024, 1, 1))).value() ==
        "the deadline 2024-01-01 must come after the start 2024-01-01");
  // 100 years of 365.25 days: 36,525 days after 2024-01-01 (2124-01-02, as 2100 is no leap year) is the last deadline.
  CHECK_FALSE(goal_problem(make_goal(ymd(2024, 1, 1), 200, ymd(2024, 1, 1).plus_days(36'525))).has_value());
  CHECK(goal_problem(make_goal(ymd(2024, 1, 1), 200, ymd(2024, 1, 1).plus_days(36'526))).value() ==
        "the deadline " + ymd(2024, 1, 1).plus_days(36'526).iso() +
            " is more than 100 years after the start 2024-01-01; choose a nearer deadline");
}

TEST_CASE("progress forecast: the model while the goal runs, plain answers outside it", "[progress][forecast]") {
  // 18 founders on the start of year_goal (20 by 2024-12-31) and nobody since.
  Timeline flat({{ymd(2024, 1, 1), 18, 0}});
  std::vector<double> prospects{0.5, 0.5};
  SECTION("while it runs: two fair prospects, both needed") {
    ProgressReport r = build_progress_report("Assoc", year_goal(), flat, ymd(2024, 7, 1), prospects);
    CHECK(r.open_prospects == 2);
    CHECK(r.pipeline_expected == 1.0);
    CHECK(r.expected_on_deadline == 19.0);
    CHECK(r.chance_by_deadline == 0.25);  // 0.5 × 0.5
  }
  SECTION("the rates are the trailing window's: one join in 90 days") {
    // One more join on 2024-06-01, in (04-02, 07-01]: λ = 1/90 a day for the
    // 183 days to 2024-12-31. 19 active, one more needed: 1 − e^(−183/90).
    Timeline t({{ymd(2024, 1, 1), 18, 0}, {ymd(2024, 6, 1), 1, 0}});
    ProgressReport r = build_progress_report("Assoc", year_goal(), t, ymd(2024, 7, 1));
    CHECK(r.days_left == 183);
    CHECK(r.chance_by_deadline == roster::round4(1 - std::exp(-183.0 / 90)));
    CHECK(r.chance_by_deadline == 0.8691);
    CHECK(r.expected_on_deadline == roster::round2(19 + 183.0 / 90));
    CHECK(r.open_prospects == 0);
  }
  SECTION("before the start: null, whatever the prospects") {
    ProgressReport r = build_progress_report("Assoc", year_goal(), flat, ymd(2023, 12, 1), prospects);
    CHECK(r.pipeline_expected == 1.0);
    CHECK_FALSE(r.expected_on_deadline.has_value());
    CHECK_FALSE(r.chance_by_deadline.has_value());
  }
  SECTION("from the deadline on: the count on the deadline decides") {
    for (Date as_of : {ymd(2024, 12, 31), ymd(2025, 3, 1)}) {
      ProgressReport r = build_progress_report("Assoc", year_goal(), flat, as_of, prospects);
      CHECK(r.expected_on_deadline == 18.0);
      CHECK(r.chance_by_deadline == 0.0);  // the prospects are too late
    }
    Timeline met({{ymd(2024, 1, 1), 20, 0}, {ymd(2025, 2, 1), 0, 5}});  // 20 on the deadline, 15 later
    ProgressReport r = build_progress_report("Assoc", year_goal(), met, ymd(2025, 3, 1));
    CHECK(r.expected_on_deadline == 20.0);
    CHECK(r.chance_by_deadline == 1.0);
  }
}
