#include "roster/road.h"

#include <catch2/catch.hpp>

#include "roster/goal_report.h"

using roster::Date;
using roster::GoalStatus;
using roster::Road;

namespace {

Date ymd(int y, int m, int d) {
  return Date::from_ymd(y, m, d);
}

// The documentation's example road: 10 → 20 members over 2024 (a leap year).
Road year_road() {
  return Road{ymd(2024, 1, 1), 10, ymd(2024, 12, 31), 20};
}

}  // namespace

TEST_CASE("Road total_days counts the leap day", "[road]") {
  // 2024 has 366 days, so 01-01 → 12-31 is 365 days.
  CHECK(year_road().total_days() == 365);
  // 2023 has 365 days: 01-01 → 12-31 is 364.
  CHECK(Road{ymd(2023, 1, 1), 0, ymd(2023, 12, 31), 1}.total_days() == 364);
  // 2024-01-01 → 2025-01-01 is the whole leap year: 366.
  CHECK(Road{ymd(2024, 1, 1), 0, ymd(2025, 1, 1), 1}.total_days() == 366);
  // 2024-02-28 → 2024-03-01 crosses 02-29: 2 days.
  CHECK(Road{ymd(2024, 2, 28), 0, ymd(2024, 3, 1), 1}.total_days() == 2);
}

TEST_CASE("Road members_per_day and value_on the straight line", "[road]") {
  Road r = year_road();
  CHECK(r.members_per_day() == Approx(10.0 / 365));  // (20 − 10) / 365 = 0.0273972…

  // 2024-07-01 is 182 days after the start (31+29+31+30+31+30):
  // 10 + 10 × 182 / 365 = 10 + 1820/365 = 14.9863013…
  CHECK(r.value_on(ymd(2024, 7, 1)) == Approx(14.98630137));
  // 2024-03-14 is 73 days after the start (31+29+13): 10 + 10 × 73/365 = 10 + 2 = 12.
  CHECK(r.value_on(ymd(2024, 3, 14)) == Approx(12.0));
  // 2024-01-02, one day in: 10 + 10/365 = 10.0273972…
  CHECK(r.value_on(ymd(2024, 1, 2)) == Approx(10.02739726));

  // A road that climbs 3 a day: 0 → 30 over 2024-01-01 … 2024-01-11 (10 days).
  Road steep{ymd(2024, 1, 1), 0, ymd(2024, 1, 11), 30};
  CHECK(steep.members_per_day() == Approx(3.0));           // 30 / 10
  CHECK(steep.value_on(ymd(2024, 1, 2)) == Approx(3.0));   // 0 + 3 × 1
  CHECK(steep.value_on(ymd(2024, 1, 5)) == Approx(12.0));  // 0 + 3 × 4
}

TEST_CASE("Road value_on clamps to the baseline before the start and the target after the deadline", "[road]") {
  Road r = year_road();
  CHECK(r.value_on(ymd(2023, 6, 1)) == 10.0);    // before the start: baseline
  CHECK(r.value_on(ymd(2023, 12, 31)) == 10.0);  // the day before the start: baseline
  CHECK(r.value_on(ymd(2024, 1, 1)) == 10.0);    // on the start: baseline
  CHECK(r.value_on(ymd(2024, 12, 31)) == 20.0);  // on the deadline: target
  CHECK(r.value_on(ymd(2025, 1, 1)) == 20.0);    // after the deadline: target
  CHECK(r.value_on(ymd(2030, 6, 1)) == 20.0);

  // 2024-12-30, one day before the deadline: 10 + 10 × 364/365 = 19.9726027…, not clamped.
  CHECK(r.value_on(ymd(2024, 12, 30)) == Approx(19.97260274));
}

TEST_CASE("Road days_ahead is positive ahead of the road and negative behind it", "[road]") {
  Road r = year_road();
  // One member is 365/10 = 36.5 days of road.
  // 16 on 2024-07-01 (day 182): line reaches 16 at day (16−10) × 36.5 = 219 → 219 − 182 = +37.
  REQUIRE(r.days_ahead(16, ymd(2024, 7, 1)).has_value());
  CHECK(*r.days_ahead(16, ymd(2024, 7, 1)) == 37);
  // 12 on 2024-07-01: (12−10) × 36.5 = 73 → 73 − 182 = −109.
  CHECK(r.days_ahead(12, ymd(2024, 7, 1)).value() == -109);
  // Baseline on the start: 0 − 0 = 0.
  CHECK(r.days_ahead(10, ymd(2024, 1, 1)).value() == 0);
  // Target on the deadline: 10 × 36.5 = 365 → 365 − 365 = 0.
  CHECK(r.days_ahead(20, ymd(2024, 12, 31)).value() == 0);
  // The line is not clamped: 24 on the deadline: 14 × 36.5 = 511 → 511 − 365 = +146.
  CHECK(r.days_ahead(24, ymd(2024, 12, 31)).value() == 146);
  // Nor before the start: 10 on 2023-12-22 (start − 10): 0 − (−10) = +10.
  CHECK(r.days_ahead(10, ymd(2023, 12, 22)).value() == 10);
}

TEST_CASE("Road days_ahead rounds to whole days", "[road]") {
  // 3 members a day from 0 on 2024-01-01: k members are reached at day k/3.
  Road steep{ymd(2024, 1, 1), 0, ymd(2024, 1, 11), 30};
  CHECK(steep.days_ahead(4, ymd(2024, 1, 1)).value() == 1);   // 4/3 = 1.33 → 1
  CHECK(steep.days_ahead(5, ymd(2024, 1, 1)).value() == 2);   // 5/3 = 1.67 → 2
  CHECK(steep.days_ahead(5, ymd(2024, 1, 3)).value() == 0);   // 1.67 − 2 = −0.33 → 0
  CHECK(steep.days_ahead(4, ymd(2024, 1, 4)).value() == -2);  // 1.33 − 3 = −1.67 → −2
  CHECK(steep.days_ahead(6, ymd(2024, 1, 2)).value() == 1);   // 6/3 − 1 = 1
}

TEST_CASE("Road that does not climb has no days_ahead", "[road]") {
  SECTION("target equals baseline") {
    Road flat{ymd(2024, 1, 1), 15, ymd(2024, 12, 31), 15};
    CHECK(flat.members_per_day() == 0.0);  // (15 − 15) / 365
    CHECK_FALSE(flat.days_ahead(15, ymd(2024, 7, 1)).has_value());
    CHECK_FALSE(flat.days_ahead(20, ymd(2024, 7, 1)).has_value());
    CHECK(flat.value_on(ymd(2023, 1, 1)) == 15.0);
    CHECK(flat.value_on(ymd(2024, 7, 1)) == 15.0);  // 15 + 0 × 182
    CHECK(flat.value_on(ymd(2025, 1, 1)) == 15.0);
  }
  SECTION("target below baseline") {
    Road down{ymd(2024, 1, 1), 20, ymd(2024, 12, 31), 10};
    CHECK(down.members_per_day() == Approx(-10.0 / 365));  // (10 − 20) / 365
    CHECK_FALSE(down.days_ahead(15, ymd(2024, 7, 1)).has_value());
    // 20 − 10 × 182/365 = 20 − 4.9863013… = 15.0136986…
    CHECK(down.value_on(ymd(2024, 7, 1)) == Approx(15.01369863));
  }
}

TEST_CASE("weekly_pace is the net change times 7 over the days", "[road][progress]") {
  CHECK(roster::weekly_pace(4, 90).value() == Approx(28.0 / 90));    // 4 × 7 / 90 = 0.3111…
  CHECK(roster::weekly_pace(7, 7).value() == Approx(7.0));           // 7 × 7 / 7
  CHECK(roster::weekly_pace(-2, 90).value() == Approx(-14.0 / 90));  // −2 × 7 / 90 = −0.1556…
  REQUIRE(roster::weekly_pace(0, 90).has_value());
  CHECK(roster::weekly_pace(0, 90).value() == 0.0);     // 0 × 7 / 90
  CHECK_FALSE(roster::weekly_pace(5, 0).has_value());   // no days
  CHECK_FALSE(roster::weekly_pace(5, -3).has_value());  // negative days
}

TEST_CASE("required_weekly_pace is the remaining members over the weeks left", "[road][progress]") {
  Date deadline = ymd(2024, 12, 31);
  // 16 of 20 on 2024-07-01: 183 days left (365 − 182): 4 × 7 / 183 = 0.1530…
  CHECK(roster::required_weekly_pace(16, 20, ymd(2024, 7, 1), deadline).value() == Approx(28.0 / 183));
  // 10 of 20 a week before the deadline (12-24, 7 days left): 10 × 7 / 7 = 10.
  CHECK(roster::required_weekly_pace(10, 20, ymd(2024, 12, 24), deadline).value() == Approx(10.0));
  // Target reached: 0, even after the deadline.
  CHECK(roster::required_weekly_pace(20, 20, ymd(2024, 7, 1), deadline).value() == 0.0);
  CHECK(roster::required_weekly_pace(25, 20, ymd(2025, 3, 1), deadline).value() == 0.0);
  // Short of the target on or after the deadline: 0 or fewer days left → nullopt.
  CHECK_FALSE(roster::required_weekly_pace(16, 20, deadline, deadline).has_value());
  CHECK_FALSE(roster::required_weekly_pace(16, 20, ymd(2025, 1, 5), deadline).has_value());
}

TEST_CASE("projected_date adds the remaining members at the daily pace, rounded up", "[road][progress]") {
  Date as_of = ymd(2024, 7, 1);
  // 4 to go at 28/90 a week = 4/90 a day: 4 / (4/90) = 90 days exactly.
  // 2024-07-01 is day 183 of the year; 183 + 90 = 273 = 244 (through August) + 29 → 2024-09-29.
  CHECK(roster::projected_date(16, 20, 28.0 / 90, as_of).value().iso() == "2024-09-29");
  // The same at the rounded 0.31 a week: 4 / (0.31/7) = 28/0.31 = 90.32 → 91 days → 2024-09-30.
  CHECK(roster::projected_date(16, 20, 0.31, as_of).value().iso() == "2024-09-30");
  // 1 to go at 7 a week (1 a day): 1 day.
  CHECK(roster::projected_date(19, 20, 7.0, as_of).value().iso() == "2024-07-02");
  // 1 to go at 14 a week (2 a day): 0.5 day → rounded up to 1.
  CHECK(roster::projected_date(19, 20, 14.0, as_of).value().iso() == "2024-07-02");
  // 10 to go at 3 a week from 2024-02-27: 10 / (3/7) = 70/3 = 23.33 → 24 days;
  // 02-27 + 2 = 02-29 (leap day), + 3 = 03-01, + 24 = 03-22.
  CHECK(roster::projected_date(10, 20, 3.0, ymd(2024, 2, 27)).value().iso() == "2024-03-22");
}

TEST_CASE("projected_date is the as-of date once reached and unknown without a positive pace", "[road][progress]") {
  Date as_of = ymd(2024, 7, 1);
  // Already reached: as_of, whatever the pace.
  CHECK(roster::projected_date(20, 20, std::nullopt, as_of).value().iso() == "2024-07-01");
  CHECK(roster::projected_date(21, 20, -1.0, as_of).value().iso() == "2024-07-01");
  CHECK(roster::projected_date(20, 20, 0.0, as_of).value().iso() == "2024-07-01");
  // Short of the target: missing, zero or negative pace → nullopt.
  CHECK_FALSE(roster::projected_date(16, 20, std::nullopt, as_of).has_value());
  CHECK_FALSE(roster::projected_date(16, 20, 0.0, as_of).has_value());
  CHECK_FALSE(roster::projected_date(16, 20, -0.5, as_of).has_value());
}

TEST_CASE("goal_status follows the documented order of rules", "[road]") {
  Road r = year_road();
  // Reached: active ≥ target wins over everything, even before the start.
  CHECK(roster::goal_status(r, 20, ymd(2024, 7, 1), std::nullopt) == GoalStatus::reached);
  CHECK(roster::goal_status(r, 25, ymd(2023, 6, 1), std::nullopt) == GoalStatus::reached);
  CHECK(roster::goal_status(r, 21, ymd(2025, 2, 1), 19) == GoalStatus::reached);
  // Reached on the deadline, fewer since: as_of ≥ deadline and active_on_deadline 20 ≥ 20.
  CHECK(roster::goal_status(r, 18, ymd(2025, 2, 1), 20) == GoalStatus::reached);
  CHECK(roster::goal_status(r, 18, ymd(2024, 12, 31), 20) == GoalStatus::reached);
  // active_on_deadline only counts once as_of ≥ deadline: on 06-01 (day 152) the road is
  // 10 + 1520/365 = 14.16, and 18 ≥ 14.16 → on-track, not reached.
  CHECK(roster::goal_status(r, 18, ymd(2024, 6, 1), 20) == GoalStatus::on_track);
  // Not started: before the start and short of the target.
  CHECK(roster::goal_status(r, 5, ymd(2023, 6, 1), std::nullopt) == GoalStatus::not_started);
  CHECK(roster::goal_status(r, 19, ymd(2023, 12, 31), std::nullopt) == GoalStatus::not_started);
  // Missed: on or after the deadline, short then and now.
  CHECK(roster::goal_status(r, 19, ymd(2024, 12, 31), 19) == GoalStatus::missed);
  CHECK(roster::goal_status(r, 18, ymd(2025, 2, 1), 19) == GoalStatus::missed);
  // Between start and deadline: against the road on 07-01, 14.986…
  CHECK(roster::goal_status(r, 16, ymd(2024, 7, 1), std::nullopt) == GoalStatus::on_track);  // 16 ≥ 14.99
  CHECK(roster::goal_status(r, 15, ymd(2024, 7, 1), std::nullopt) == GoalStatus::on_track);  // 15 ≥ 14.99
  CHECK(roster::goal_status(r, 14, ymd(2024, 7, 1), std::nullopt) == GoalStatus::behind);    // 14 < 14.99
  // On the start the road is the baseline: 10 ≥ 10 on-track, 9 < 10 behind.
  CHECK(roster::goal_status(r, 10, ymd(2024, 1, 1), std::nullopt) == GoalStatus::on_track);
  CHECK(roster::goal_status(r, 9, ymd(2024, 1, 1), std::nullopt) == GoalStatus::behind);
}

TEST_CASE("goal_status is on-track when active equals the road exactly", "[road]") {
  SECTION("a road of half a member a day") {
    // 10 → 60 over 2024-01-01 … 2024-04-10 (31+29+31+9 = 100 days): 0.5 a day.
    Road r{ymd(2024, 1, 1), 10, ymd(2024, 4, 10), 60};
    REQUIRE(r.total_days() == 100);
    // 2024-02-10 is day 40 (31 + 9): 10 + 0.5 × 40 = 30.
    CHECK(r.value_on(ymd(2024, 2, 10)) == 30.0);
    CHECK(roster::goal_status(r, 30, ymd(2024, 2, 10), std::nullopt) == GoalStatus::on_track);  // 30 ≥ 30
    CHECK(roster::goal_status(r, 29, ymd(2024, 2, 10), std::nullopt) == GoalStatus::behind);    // 29 < 30
    CHECK(r.days_ahead(30, ymd(2024, 2, 10)).value() == 0);  // 20 / 0.5 = 40 → 40 − 40
  }
  SECTION("the leap-year road on a whole-member day") {
    Road r = year_road();
    // 2024-03-14 is day 73 (31+29+13): 10 + 10 × 73/365 = 12 exactly.
    CHECK(roster::goal_status(r, 12, ymd(2024, 3, 14), std::nullopt) == GoalStatus::on_track);  // 12 ≥ 12
    CHECK(roster::goal_status(r, 11, ymd(2024, 3, 14), std::nullopt) == GoalStatus::behind);    // 11 < 12
    CHECK(r.days_ahead(12, ymd(2024, 3, 14)).value() == 0);  // 2 × 36.5 = 73 → 73 − 73
  }
}

TEST_CASE("status_name spells every status", "[road]") {
  CHECK(roster::status_name(GoalStatus::reached) == "reached");
  CHECK(roster::status_name(GoalStatus::not_started) == "not-started");
  CHECK(roster::status_name(GoalStatus::missed) == "missed");
  CHECK(roster::status_name(GoalStatus::on_track) == "on-track");
  CHECK(roster::status_name(GoalStatus::behind) == "behind");
}

TEST_CASE("fraction_on is the road's value over the target", "[road]") {
  Road r = year_road();
  // 2024-03-14: the road is at 12 of 20.
  CHECK(r.fraction_on(ymd(2024, 3, 14)) == Approx(0.6));
  CHECK(r.fraction_on(ymd(2023, 6, 1)) == Approx(0.5));  // the baseline, 10 of 20, before the start
  CHECK(r.fraction_on(ymd(2025, 6, 1)) == Approx(1.0));  // the target after the deadline
  CHECK(Road{ymd(2024, 1, 1), 0, ymd(2024, 12, 31), 0}.fraction_on(ymd(2024, 6, 1)) == 0.0);  // no target: no share
}

TEST_CASE("road_to_goal starts from the members active on the goal's start", "[road][goal]") {
  // Three joined before the start, one of whom left on it; one joined on it; one after.
  roster::Timeline timeline({{ymd(2023, 1, 1), 3, 0}, {ymd(2024, 1, 1), 1, 1}, {ymd(2024, 2, 1), 1, 0}});
  roster::Goal goal{ymd(2024, 1, 1), 20, ymd(2024, 12, 31)};
  Road r = roster::road_to_goal(goal, timeline);
  CHECK(r.start == goal.start);
  CHECK(r.baseline == 3);  // 3 − 1 who left on the start + 1 who joined on it
  CHECK(r.deadline == goal.deadline);
  CHECK(r.target == 20);
  CHECK(roster::build_goal_report(goal, timeline).baseline == 3);
  CHECK(roster::build_goal_report(goal, timeline).goal.target == 20);
}
