#include "roster/pipeline.h"

#include <catch2/catch.hpp>

#include "prospect_builder.h"

using roster::build_pipeline_report;
using roster::Date;
using roster::PipelineReport;
using roster::PipelineStageRow;
using roster::Prospect;
using roster::ProspectRef;
using roster::Sector;
using roster::Stage;

namespace {

Date ymd(int y, int m, int d) {
  return Date::from_ymd(y, m, d);
}

// The seeded stages, given out of order: the report sorts them by position.
std::vector<Stage> stages() {
  return {{"joined", "joined", "已入会", 100, 6, true},       {"lead", "lead", "线索", 10, 1, false},
          {"contacted", "contacted", "已接洽", 25, 2, false}, {"interested", "interested", "有意向", 50, 3, false},
          {"applied", "applied", "已提交申请", 75, 4, false}, {"approving", "approving", "待理事会审批", 90, 5, false},
          {"dropped", "dropped", "已放弃", 0, 7, true}};
}

std::vector<Sector> sectors() {
  return {{"healthcare", "Healthcare", "医疗健康", true, 20},
          {"telecom", "Telecom", "通信", false, std::nullopt},
          {"education", "Education", "教育", true, 10}};
}

// The worked example of docs/pipeline.md, as of 2024-03-31:
//   1 甲: lead 01-01, contacted 01-12 (11 days in lead), interested 02-10 (29 days contacted); own 60 %;
//         healthcare; follow-up due 03-31 (today)
//   2 乙: lead 01-05, contacted 01-25 (20 days), joined 03-01 (36 days); education; follow-up 03-01 (closed: not due)
//   3 丙: lead 02-01, dropped 02-15 (14 days); own 30 % (closed: the stage's 0 % counts)
//   4 丁: contacted 03-01; healthcare and education; follow-up 03-20 (11 days overdue)
//   5 戊: lead 03-10; telecom (not key); follow-up 03-20 (11 days overdue)
//   6 己: added 04-05, after the date: not there yet
//   7 庚: lead 01-15, contacted 02-14 (30 days), interested 04-10 (after the date); own 80 % (for interested,
//         so not yet: contacted's 25 % counts); healthcare
std::vector<Prospect> prospects() {
  Prospect a =
      prospect(1, "甲", {{"lead", ymd(2024, 1, 1)}, {"contacted", ymd(2024, 1, 12)}, {"interested", ymd(2024, 2, 10)}});
  a.probability = 60;
  a.sectors = {"healthcare"};
  a.owner = "Wang";
  a.next_action = "visit";
  a.next_action_on = ymd(2024, 3, 31);
  Prospect b =
      prospect(2, "乙", {{"lead", ymd(2024, 1, 5)}, {"contacted", ymd(2024, 1, 25)}, {"joined", ymd(2024, 3, 1)}});
  b.sectors = {"education"};
  b.next_action_on = ymd(2024, 3, 1);
  Prospect c = prospect(3, "丙", {{"lead", ymd(2024, 2, 1)}, {"dropped", ymd(2024, 2, 15)}});
  c.probability = 30;
  Prospect d = prospect(4, "丁", {{"contacted", ymd(2024, 3, 1)}});
  d.sectors = {"healthcare", "education"};
  d.owner = "Li";
  d.next_action = "call";
  d.next_action_on = ymd(2024, 3, 20);
  Prospect e = prospect(5, "戊", {{"lead", ymd(2024, 3, 10)}});
  e.sectors = {"telecom"};
  e.next_action_on = ymd(2024, 3, 20);
  Prospect f = prospect(6, "己", {{"lead", ymd(2024, 4, 5)}});
  f.next_action_on = ymd(2024, 3, 1);
  Prospect g = prospect(
      7, "庚", {{"lead", ymd(2024, 1, 15)}, {"contacted", ymd(2024, 2, 14)}, {"interested", ymd(2024, 4, 10)}});
  g.probability = 80;
  g.sectors = {"healthcare"};
  // Given out of id order: the report lists the open probabilities by id.
  return {g, a, b, c, d, e, f};
}

PipelineReport report_on(Date as_of) {
  return build_pipeline_report(stages(), prospects(), sectors(), as_of);
}

void check_row(const PipelineStageRow& row, const char* code, int count, double weighted, int entered, int advanced,
               std::optional<double> advance_rate, std::optional<double> median_days) {
  CAPTURE(code);
  CHECK(row.stage.code == code);
  CHECK(row.count == count);
  CHECK(row.weighted == weighted);
  CHECK(row.entered == entered);
  CHECK(row.advanced == advanced);
  CHECK(row.advance_rate == advance_rate);
  CHECK(row.median_days == median_days);
}

}  // namespace

TEST_CASE("build_pipeline_report counts and weighs each stage in stage order", "[pipeline]") {
  PipelineReport r = report_on(ymd(2024, 3, 31));
  CHECK(r.as_of == ymd(2024, 3, 31));
  REQUIRE(r.stages.size() == 7);
  // lead: 戊 now (10 %); entered by 甲 乙 丙 戊 庚, left forward by 甲 乙 庚 (丙 was dropped): 3/5;
  // days in it 11 14 20 30 → (14 + 20) / 2.
  check_row(r.stages[0], "lead", 1, 0.1, 5, 3, 0.6, 17);
  // contacted: 丁 and 庚 at 25 % (庚's own 80 % is for interested, which it reaches after the date);
  // entered by 甲 乙 丁 庚, forward by 甲 (interested) and 乙 (joined); left after 29 and 36 days.
  check_row(r.stages[1], "contacted", 2, 0.5, 4, 2, 0.5, 32.5);
  check_row(r.stages[2], "interested", 1, 0.6, 1, 0, 0.0, std::nullopt);  // 甲 at its own 60 %
  check_row(r.stages[3], "applied", 0, 0, 0, 0, std::nullopt, std::nullopt);
  check_row(r.stages[4], "approving", 0, 0, 0, 0, std::nullopt, std::nullopt);
  check_row(r.stages[5], "joined", 1, 1.0, 1, 0, std::nullopt, std::nullopt);
  check_row(r.stages[6], "dropped", 1, 0, 1, 0, std::nullopt, std::nullopt);  // 丙's own 30 % is not counted
  CHECK(r.stages[0].stage.name_zh == "线索");
  CHECK(r.stages[0].stage.probability == 10);
}

TEST_CASE("build_pipeline_report sums the open prospects and the conversions", "[pipeline]") {
  PipelineReport r = report_on(ymd(2024, 3, 31));
  CHECK(r.open_prospects == 4);
  CHECK(r.expected_joins == 1.2);  // 0.6 + 0.25 + 0.1 + 0.25
  CHECK(r.open_probabilities == std::vector<double>{0.6, 0.25, 0.1, 0.25});
  CHECK(r.closed == 2);
  CHECK(r.joined == 1);
  CHECK(r.conversion_rate == 0.5);
  REQUIRE(r.key_sectors.size() == 2);  // telecom is not key
  CHECK(r.key_sectors[0].sector.code == "healthcare");
  CHECK(r.key_sectors[0].open == 3);        // 甲 丁 庚
  CHECK(r.key_sectors[0].weighted == 1.1);  // 0.6 + 0.25 + 0.25
  CHECK(r.key_sectors[1].sector.code == "education");
  CHECK(r.key_sectors[1].open == 1);  // 丁; 乙 has joined
  CHECK(r.key_sectors[1].weighted == 0.25);
}

TEST_CASE("build_pipeline_report lists the due follow-ups oldest first, today's as not overdue", "[pipeline]") {
  PipelineReport r = report_on(ymd(2024, 3, 31));
  REQUIRE(r.due.size() == 3);  // 乙 is closed, 己 not there yet, 丙 and 庚 have no date
  CHECK(r.due[0].id == 4);
  CHECK(r.due[0].name == "丁");
  CHECK(r.due[0].owner == "Li");
  CHECK(r.due[0].next_action == "call");
  CHECK(r.due[0].next_action_on == ymd(2024, 3, 20));
  CHECK(r.due[0].overdue_days == 11);
  CHECK(r.due[1].id == 5);  // the same day: by id
  CHECK(r.due[1].overdue_days == 11);
  CHECK(r.due[2].id == 1);
  CHECK(r.due[2].overdue_days == 0);
  CHECK(r.overdue);
  CHECK(r.overdue_count() == 2);

  PipelineReport early = report_on(ymd(2024, 3, 20));  // 丁 and 戊 due today, 甲 not yet
  REQUIRE(early.due.size() == 2);
  CHECK(early.due[0].overdue_days == 0);
  CHECK(early.due[1].overdue_days == 0);
  CHECK_FALSE(early.overdue);
  CHECK(early.overdue_count() == 0);
}

TEST_CASE("build_pipeline_report sees each prospect as it stood on the date", "[pipeline]") {
  // 2024-02-20: 丁 戊 己 are not there yet; 乙 is still contacted; 丙 has been dropped; 甲 is interested.
  PipelineReport r = report_on(ymd(2024, 2, 20));
  CHECK(r.stages[0].count == 0);
  CHECK(r.stages[1].count == 2);  // 乙 庚
  CHECK(r.stages[1].weighted == 0.5);
  CHECK(r.stages[2].count == 1);
  CHECK(r.stages[2].weighted == 0.6);
  CHECK(r.stages[5].count == 0);
  CHECK(r.stages[6].count == 1);
  CHECK(r.open_prospects == 3);
  CHECK(r.expected_joins == 1.1);
  CHECK(r.closed == 1);
  CHECK(r.conversion_rate == 0.0);  // one closed, none joined: 0, not null
  // Only moves by the date count: 乙 has not left contacted yet, so only 甲's 29 days.
  CHECK(r.stages[1].median_days == 29);
  CHECK(r.stages[1].advanced == 1);
  CHECK(r.due.empty());
  CHECK(r.key_sectors[0].open == 2);  // 甲 庚
  CHECK(r.key_sectors[0].weighted == 0.85);
  CHECK(r.key_sectors[1].open == 1);  // 乙, still open then
  CHECK(r.key_sectors[1].weighted == 0.25);
}

TEST_CASE("build_pipeline_report gives no conversion rate before anything closed", "[pipeline]") {
  PipelineReport r = report_on(ymd(2024, 2, 10));  // 甲 moved to interested that day; 丙 drops on 02-15
  CHECK(r.closed == 0);
  CHECK(r.joined == 0);
  CHECK_FALSE(r.conversion_rate.has_value());
  CHECK(r.stages[0].count == 2);    // 丙 庚
  CHECK(r.stages[2].count == 1);    // 甲, the move on the date counts
  CHECK(r.expected_joins == 1.05);  // 0.1 + 0.1 + 0.25 + 0.6

  PipelineReport before = report_on(ymd(2023, 12, 31));
  CHECK(before.open_prospects == 0);
  CHECK(before.expected_joins == 0);
  CHECK(before.stages[0].advance_rate == std::nullopt);
  CHECK(before.stages[0].median_days == std::nullopt);
}

TEST_CASE("build_pipeline_report uses the stage's probability when a prospect has none of its own", "[pipeline]") {
  std::vector<Prospect> list = prospects();
  for (auto& p : list) p.probability.reset();
  PipelineReport r = build_pipeline_report(stages(), list, sectors(), ymd(2024, 3, 31));
  CHECK(r.stages[2].weighted == 0.5);  // 甲 at interested's 50 %
  CHECK(r.expected_joins == 1.1);
  CHECK(r.open_probabilities == std::vector<double>{0.5, 0.25, 0.1, 0.25});
}

TEST_CASE("pipeline_in_period lists the new prospects, the moves and the conversions", "[pipeline]") {
  roster::PipelinePeriod march = roster::pipeline_in_period(stages(), prospects(), ymd(2024, 3, 1), ymd(2024, 3, 31));
  CHECK(march.from == ymd(2024, 3, 1));
  CHECK(march.to == ymd(2024, 3, 31));
  CHECK(march.new_prospects == std::vector<ProspectRef>{{4, "丁"}, {5, "戊"}});
  REQUIRE(march.moves.size() == 1);  // 庚's move comes after the period
  CHECK(march.moves[0].id == 2);
  CHECK(march.moves[0].from_stage == "contacted");
  CHECK(march.moves[0].to_stage == "joined");
  CHECK(march.moves[0].on == ymd(2024, 3, 1));
  CHECK(march.conversions == std::vector<ProspectRef>{{2, "乙"}});
  CHECK(march.due == 3);
  CHECK(march.overdue == 2);

  roster::PipelinePeriod february =
      roster::pipeline_in_period(stages(), prospects(), ymd(2024, 2, 1), ymd(2024, 2, 29));
  CHECK(february.new_prospects == std::vector<ProspectRef>{{3, "丙"}});
  REQUIRE(february.moves.size() == 3);
  CHECK(february.moves[0].id == 1);  // 02-10, interested
  CHECK(february.moves[0].to_stage == "interested");
  CHECK(february.moves[1].id == 7);  // 02-14
  CHECK(february.moves[2].id == 3);  // 02-15, dropped: a move, not a conversion
  CHECK(february.moves[2].to_stage == "dropped");
  CHECK(february.conversions.empty());
  CHECK(february.due == 0);
  CHECK(february.overdue == 0);
}
