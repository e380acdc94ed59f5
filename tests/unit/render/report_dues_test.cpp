// The weekly report's dues section in every format, and progress's "at
// risk" line: shown only once dues have been billed.
#include <catch2/catch.hpp>
#include <sstream>

#include "roster/progress_render.h"
#include "roster/report_render.h"

using Catch::Matchers::Contains;
using roster::Date;
using roster::Format;
using roster::PeriodReport;
using roster::PeriodReportData;

namespace {

Date ymd(int y, int m, int d) {
  return Date::from_ymd(y, m, d);
}

// Goal 10 → 20 over 2024; week 2024-W14 (04-01 to 04-07). Dues: 甲 pays its
// 3,000 on 04-03; 乙 <b> owes 3,000 due 03-31 (overdue from 04-01).
PeriodReportData data(bool with_dues) {
  PeriodReportData d;
  d.association = "Test";
  d.goal.start = ymd(2024, 1, 1);
  d.goal.target = 20;
  d.goal.deadline = ymd(2024, 12, 31);
  d.timeline = roster::Timeline({{ymd(2024, 1, 1), 10, 0}});
  if (!with_dues) return d;
  roster::DuesPeriod dues;
  dues.from = ymd(2024, 4, 1);
  dues.to = ymd(2024, 4, 7);
  dues.collected = 300'000;
  dues.payments = 1;
  dues.outstanding = 300'000;
  dues.newly_overdue = 1;
  dues.newly_overdue_first = {{2, "乙 <b>"}};
  d.dues = dues;
  return d;
}

std::string render(bool with_dues, Format format) {
  auto r = roster::build_period_report(*roster::parse_period(roster::PeriodKind::week, "2024-W14"), ymd(2024, 4, 8),
                                       data(with_dues));
  std::ostringstream out;
  roster::DuesRefFeed newly_overdue = [](const std::function<void(const roster::DuesRef&)>& each) {
    each({2, "乙 <b>"});
  };
  roster::render_report(r, newly_overdue, format, out, {});
  return out.str();
}

}  // namespace

TEST_CASE("the report's dues section: collected, outstanding, newly overdue, suspended and lapsed", "[render][dues]") {
  std::string text = render(true, Format::text);
  CHECK_THAT(text, Contains("\nDues\n  3,000.00 yuan collected in 1 payment\n  3,000.00 yuan outstanding\n"
                            "  1 member newly overdue: 乙 <b>\n  0 suspended, 0 lapsed\n"));
  CHECK_THAT(render(true, Format::markdown), Contains("### Dues\n\n- 3,000.00 yuan collected in 1 payment\n"));
  CHECK_THAT(render(true, Format::chat), Contains("#### Dues\n\n- 3,000.00 yuan collected in 1 payment\n"));
  std::string html = render(true, Format::html);
  CHECK_THAT(html, Contains("<h2>Dues</h2>\n<ul>\n<li>3,000.00 yuan collected in 1 payment</li>\n"));
  CHECK_THAT(html, Contains("<li>1 member newly overdue: 乙 &lt;b&gt;</li>"));
  CHECK_THAT(render(true, Format::json), Contains(R"("dues": {
    "collected_fen": 300000,
    "payments": 1,
    "outstanding_fen": 300000,
    "newly_overdue": [
      {
        "id": 2,
        "name": "乙 <b>"
      }
    ],
    "suspended": 0,
    "lapsed": 0
  })"));
}

TEST_CASE("without dues billed the report has no dues section", "[render][dues]") {
  for (Format f : {Format::text, Format::markdown, Format::chat, Format::html, Format::json}) {
    std::string out = render(false, f);
    CHECK(out.find("Dues") == std::string::npos);
    CHECK(out.find("\"dues\"") == std::string::npos);
  }
}

TEST_CASE("progress says how many are at risk once dues are billed, json null before", "[render][dues]") {
  auto report = roster::build_progress_report("Test", data(false).goal, data(false).timeline, ymd(2024, 4, 8));
  std::ostringstream before, before_json;
  roster::render_progress(report, Format::table, before, {});
  roster::render_progress(report, Format::json, before_json, {});
  CHECK(before.str().find("at risk") == std::string::npos);
  CHECK_THAT(before_json.str(), Contains("  \"dues_suspended\": null,\n  \"dues_lapsed\": null,\n"));
  report.dues_at_risk = roster::DuesAtRisk{2, 1};
  std::ostringstream table, json;
  roster::render_progress(report, Format::table, table, {});
  roster::render_progress(report, Format::json, json, {});
  CHECK_THAT(table.str(), Contains("  at risk    1 lapsed and 2 suspended in dues; see roster dues status\n"));
  CHECK_THAT(json.str(), Contains("  \"dues_suspended\": 2,\n  \"dues_lapsed\": 1,\n"));
}
