#include "roster/period_report.h"

#include <catch2/catch.hpp>

using roster::build_period_report;
using roster::Date;
using roster::DayChange;
using roster::GoalStatus;
using roster::parse_period;
using roster::PeriodKind;
using roster::PeriodReport;
using roster::PeriodReportData;
using roster::Timeline;

namespace {

Date ymd(int y, int m, int d) {
  return Date::from_ymd(y, m, d);
}

// Goal: 10 members on 2024-01-01 (the baseline) to 20 by 2024-12-31, a road of 365 days,
// 10/365 of a member a day. Joins: 10 on 2024-01-01, 1 on 2024-03-04 (Monday of W10),
// 2 on 2024-03-10 (its Sunday), 1 on 2024-03-11 (Monday of W11); one departure on 2024-03-06.
PeriodReportData data() {
  PeriodReportData d;
  d.association = "Test";
  d.goal.start = ymd(2024, 1, 1);
  d.goal.target = 20;
  d.goal.deadline = ymd(2024, 12, 31);
  d.timeline = Timeline({{ymd(2024, 1, 1), 10, 0},
                         {ymd(2024, 3, 4), 1, 0},
                         {ymd(2024, 3, 6), 0, 1},
                         {ymd(2024, 3, 10), 2, 0},
                         {ymd(2024, 3, 11), 1, 0}});
  return d;
}

PeriodReport week(const char* label, Date as_of) {
  return build_period_report(*parse_period(PeriodKind::week, label), as_of, data());
}

}  // namespace

TEST_CASE("a week's figures are as of its Sunday, its change against the Sunday before", "[report]") {
  PeriodReport r = week("2024-W10", ymd(2024, 3, 11));
  CHECK(r.end.iso() == "2024-03-10");
  CHECK(r.complete);
  CHECK(r.previous_active == 10);  // on 2024-03-03
  CHECK(r.progress.active == 12);  // +1 +2 −1; the Monday 2024-03-11 join is next week's
  CHECK(r.change == 2);
  CHECK(r.pace == 2.0);  // net 2 over 7 days
  // Needed when the week began: (20 − 10) members over the 303 days from 2024-03-03
  // to 2024-12-31, × 7 = 0.2310 → 0.23 a week.
  REQUIRE(r.required_pace);
  CHECK(*r.required_pace == 0.23);
  // The road on 2024-03-10 (day 69): 10 + 10 × 69/365 = 11.89; 12 is ahead of it.
  CHECK(r.progress.road_today == 11.89);
  CHECK(r.progress.status == GoalStatus::on_track);
}

TEST_CASE("the chart has one point per week from the goal's start through the reported week", "[report]") {
  PeriodReport r = week("2024-W10", ymd(2024, 3, 11));
  REQUIRE(r.chart.size() == 10);  // 2024-W01 … 2024-W10
  CHECK(r.chart.front().label == "2024-W01");
  CHECK(r.chart.front().date.iso() == "2024-01-07");
  CHECK(r.chart.front().active == 10);
  CHECK(r.chart.front().road == 10.16);  // 10 + 10 × 6/365
  CHECK(r.chart.back().label == "2024-W10");
  CHECK(r.chart.back().active == 12);
  CHECK(r.chart.back().road == r.progress.road_today);
}

TEST_CASE("a week still running is reported so far, up to the report date", "[report]") {
  PeriodReport r = week("2024-W10", ymd(2024, 3, 6));
  CHECK_FALSE(r.complete);
  CHECK(r.end.iso() == "2024-03-06");
  CHECK(r.progress.active == 10);  // +1 on Monday, −1 on Wednesday
  CHECK(r.change == 0);
  CHECK(r.pace == 0.0);
  CHECK(r.chart.back().date.iso() == "2024-03-06");
}

TEST_CASE("a month's pace is its net change per week over its days", "[report]") {
  PeriodReport r = build_period_report(*parse_period(PeriodKind::month, "2024-03"), ymd(2024, 4, 1), data());
  CHECK(r.previous_active == 10);
  CHECK(r.progress.active == 13);
  CHECK(r.pace == 0.68);       // 3 × 7 / 31 = 0.677
  CHECK(r.chart.size() == 3);  // January, February, March
}

TEST_CASE("before the goal starts the chart is the one period and no pace is needed", "[report]") {
  PeriodReport r = week("2023-W50", ymd(2023, 12, 18));
  CHECK(r.progress.status == GoalStatus::not_started);
  CHECK_FALSE(r.required_pace);
  CHECK(r.chart.size() == 1);
  CHECK(r.progress.active == 0);
}
