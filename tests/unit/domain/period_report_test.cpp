#include "roster/period_report.h"

#include <catch2/catch.hpp>

#include "prospect_builder.h"

using roster::build_period_report;
using roster::Date;
using roster::DayChange;
using roster::GoalStatus;
using roster::parse_period;
using roster::PeriodKind;
using roster::PeriodReport;
using roster::PeriodReportData;
using roster::Prospect;
using roster::ProspectRef;
using roster::Stage;
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

// Around 2024-W10 (03-04 … 03-10):
//   1 Alpha: lead 02-01, interested 03-05 (a move in the week)
//   2 Beta: lead 03-04 (new in the week); follow-up 03-08 (overdue on the Sunday)
//   3 Gamma: lead 01-10, interested 02-01, joined 03-07 (a conversion in the week)
//   4 Delta: lead 03-12, after the week: not there yet
// Open on 03-10: Alpha at 50 % and Beta at 10 %.
PeriodReportData data_with_prospects() {
  PeriodReportData d = data();
  d.stages = {{"lead", "lead", "线索", 10, 1, false},
              {"interested", "interested", "有意向", 50, 3, false},
              {"joined", "joined", "已入会", 100, 6, true},
              {"dropped", "dropped", "已放弃", 0, 7, true}};
  Prospect beta = prospect(2, "Beta", {{"lead", ymd(2024, 3, 4)}});
  beta.next_action = "call";
  beta.next_action_on = ymd(2024, 3, 8);
  d.prospects = {
      prospect(1, "Alpha", {{"lead", ymd(2024, 2, 1)}, {"interested", ymd(2024, 3, 5)}}), beta,
      prospect(3, "Gamma", {{"lead", ymd(2024, 1, 10)}, {"interested", ymd(2024, 2, 1)}, {"joined", ymd(2024, 3, 7)}}),
      prospect(4, "Delta", {{"lead", ymd(2024, 3, 12)}})};
  return d;
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

TEST_CASE("a report with prospects has the pipeline's events of its period", "[report][pipeline]") {
  PeriodReport r =
      build_period_report(*parse_period(PeriodKind::week, "2024-W10"), ymd(2024, 3, 11), data_with_prospects());
  REQUIRE(r.pipeline);
  CHECK(r.pipeline->from.iso() == "2024-03-04");
  CHECK(r.pipeline->to.iso() == "2024-03-10");
  CHECK(r.pipeline->new_prospects == std::vector<ProspectRef>{{2, "Beta"}});
  REQUIRE(r.pipeline->moves.size() == 2);
  CHECK(r.pipeline->moves[0].name == "Alpha");
  CHECK(r.pipeline->moves[0].from_stage == "lead");
  CHECK(r.pipeline->moves[0].to_stage == "interested");
  CHECK(r.pipeline->moves[0].on.iso() == "2024-03-05");
  CHECK(r.pipeline->moves[1].name == "Gamma");
  CHECK(r.pipeline->moves[1].to_stage == "joined");
  CHECK(r.pipeline->conversions == std::vector<ProspectRef>{{3, "Gamma"}});
  CHECK(r.pipeline->due == 1);
  CHECK(r.pipeline->overdue == 1);
}

TEST_CASE("a week still running has the pipeline up to the report date", "[report][pipeline]") {
  PeriodReport r =
      build_period_report(*parse_period(PeriodKind::week, "2024-W10"), ymd(2024, 3, 6), data_with_prospects());
  REQUIRE(r.pipeline);
  CHECK(r.pipeline->to.iso() == "2024-03-06");
  CHECK(r.pipeline->moves.size() == 1);  // Gamma joins on 03-07, after the report date
  CHECK(r.pipeline->conversions.empty());
  CHECK(r.pipeline->due == 0);  // Beta's follow-up is on 03-08
}

TEST_CASE("a report without prospects has no pipeline and a forecast without them", "[report][pipeline]") {
  PeriodReport r = week("2024-W10", ymd(2024, 3, 11));
  CHECK_FALSE(r.pipeline);
  CHECK(r.progress.open_prospects == 0);
  CHECK(r.progress.pipeline_expected == 0);
}

TEST_CASE("the report's forecast counts the prospects open at its end", "[report][pipeline]") {
  PeriodReport without = week("2024-W10", ymd(2024, 3, 11));
  PeriodReport with =
      build_period_report(*parse_period(PeriodKind::week, "2024-W10"), ymd(2024, 3, 11), data_with_prospects());
  CHECK(with.progress.open_prospects == 2);  // Alpha and Beta; Gamma joined, Delta comes later
  CHECK(with.progress.pipeline_expected == Approx(0.6));
  REQUIRE(with.progress.chance_by_deadline);
  REQUIRE(without.progress.chance_by_deadline);
  CHECK(*with.progress.chance_by_deadline > *without.progress.chance_by_deadline);
  CHECK(*with.progress.expected_on_deadline == Approx(*without.progress.expected_on_deadline + 0.6));
}
