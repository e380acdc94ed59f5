#include "roster/report_render.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "prospect_builder.h"
#include "roster/sector_render.h"

using Catch::Matchers::Contains;
using roster::Date;
using roster::Format;
using roster::PeriodReport;
using roster::PeriodReportData;
using roster::Prospect;

namespace {

Date ymd(int y, int m, int d) {
  return Date::from_ymd(y, m, d);
}

// Goal: 10 members on 2024-01-01 to 20 by 2024-12-31; 2024-W10 gains one.
// Prospects: 1 Alpha moves lead → interested on 03-05; 2 Beta is new on
// 03-04 with a follow-up overdue on 03-08; 3 `gamma` (named by the test)
// joins on 03-07.
PeriodReportData data(bool with_prospects, const std::string& gamma = "Gamma") {
  PeriodReportData d;
  d.association = "Test";
  d.goal.start = ymd(2024, 1, 1);
  d.goal.target = 20;
  d.goal.deadline = ymd(2024, 12, 31);
  d.timeline = roster::Timeline({{ymd(2024, 1, 1), 10, 0}, {ymd(2024, 3, 4), 1, 0}});
  roster::MemberChange joined;
  joined.id = 11;
  joined.name = "Eleven";
  joined.date = ymd(2024, 3, 4);
  d.changes.joined = {joined};
  if (!with_prospects) return d;
  d.stages = {{"lead", "lead", "线索", 10, 1, false},
              {"interested", "interested", "有意向", 50, 3, false},
              {"joined", "joined", "已入会", 100, 6, true}};
  Prospect beta = prospect(2, "Beta", {{"lead", ymd(2024, 3, 4)}});
  beta.next_action_on = ymd(2024, 3, 8);
  Prospect gamma_p = prospect(3, "", {{"lead", ymd(2024, 1, 10)}, {"joined", ymd(2024, 3, 7)}});
  gamma_p.name = gamma;
  d.prospects = {prospect(1, "Alpha", {{"lead", ymd(2024, 2, 1)}, {"interested", ymd(2024, 3, 5)}}), beta, gamma_p};
  return d;
}

PeriodReport report(bool with_prospects, const std::string& gamma = "Gamma") {
  return roster::build_period_report(*roster::parse_period(roster::PeriodKind::week, "2024-W10"), ymd(2024, 3, 11),
                                     data(with_prospects, gamma));
}

std::string render(const PeriodReport& r, Format format) {
  std::ostringstream out;
  roster::render_report(r, {}, format, out, {});  // no dues: no member is fed
  return out.str();
}

}  // namespace

TEST_CASE("the text report has a pipeline section after the joins when there are prospects", "[render][report]") {
  std::string text = render(report(true), Format::text);
  CHECK_THAT(text, Contains("\n\nPipeline\n"
                            "  1 new prospect\n"
                            "  2 stage moves\n"
                            "  1 conversion: Gamma\n"
                            "  1 follow-up due (1 overdue)\n"
                            "\nSectors (* key)\n"));
  CHECK(text.find("Joined (1)") < text.find("Pipeline"));
  CHECK_THAT(text, Contains("  forecast   about "));
  CHECK_THAT(text, Contains("plus 0.6 from 2 prospects; chance of 20: "));
}

TEST_CASE("the text report without prospects has the forecast but no pipeline section", "[render][report]") {
  std::string text = render(report(false), Format::text);
  CHECK(text.find("Pipeline") == std::string::npos);
  CHECK_THAT(text, Contains("  forecast   about "));
  CHECK(text.find("prospect") == std::string::npos);
}

TEST_CASE("the markdown report lists the pipeline's lines and the forecast", "[render][report]") {
  std::string md = render(report(true), Format::markdown);
  CHECK_THAT(md, Contains("\n### Pipeline\n\n"
                          "- 1 new prospect\n"
                          "- 2 stage moves\n"
                          "- 1 conversion: Gamma\n"
                          "- 1 follow-up due (1 overdue)\n"));
  CHECK_THAT(md, Contains("| forecast | about "));
  CHECK(render(report(false), Format::markdown).find("Pipeline") == std::string::npos);
}

TEST_CASE("the json report has the forecast keys and the pipeline object", "[render][report]") {
  std::string json = render(report(true), Format::json);
  CHECK_THAT(json, Contains(R"(  "days_left": 296,
  "pipeline_expected": 0.6,
  "open_prospects": 2,
  "expected_on_deadline": )"));
  CHECK_THAT(json, Contains(R"(  "pipeline": {
    "new_prospects": [
      {
        "id": 2,
        "name": "Beta"
      }
    ],
    "moves": [
      {
        "id": 1,
        "name": "Alpha",
        "from": "lead",
        "to": "interested",
        "on": "2024-03-05"
      },
      {
        "id": 3,
        "name": "Gamma",
        "from": "lead",
        "to": "joined",
        "on": "2024-03-07"
      }
    ],
    "conversions": [
      {
        "id": 3,
        "name": "Gamma"
      }
    ],
    "due": 1,
    "overdue": 1
  },
  "sectors": )"));
  std::string without = render(report(false), Format::json);
  CHECK(without.find("\"pipeline\"") == std::string::npos);
  CHECK_THAT(without, Contains("\"open_prospects\": 0,"));
}

TEST_CASE("the html report escapes the names in its pipeline section", "[render][report]") {
  std::string html = render(report(true, "A<&>B"), Format::html);
  CHECK_THAT(html, Contains("<h2>Pipeline</h2>\n<ul>\n<li>1 new prospect</li>\n"));
  CHECK_THAT(html, Contains("<li>1 conversion: A&lt;&amp;&gt;B</li>\n"));
  CHECK(html.find("A<&>B") == std::string::npos);
  CHECK_THAT(html, Contains("<br>Forecast: about "));
}

TEST_CASE("the chat report with a long pipeline stays within the robots' limit", "[render][report]") {
  PeriodReport r = report(true);
  std::string name(60, 'x');
  for (int i = 0; i < 60; ++i) {
    r.pipeline->new_prospects.push_back({100 + i, name});
    r.pipeline->conversions.push_back({200 + i, name + std::to_string(i)});
  }
  std::string chat = render(r, Format::chat);
  CHECK(chat.size() <= roster::kChatLimit);
  CHECK_THAT(chat, Contains("#### Pipeline\n\n- 61 new prospects\n"));
  CHECK_THAT(chat, Contains("- 61 conversions: Gamma, "));
  CHECK_THAT(chat, Contains(" more\n"));
  CHECK_THAT(chat, Contains("- **forecast**: about "));
}

TEST_CASE("the chat report names every conversion when they fit", "[render][report]") {
  std::string chat = render(report(true), Format::chat);
  CHECK_THAT(chat, Contains("- 1 conversion: Gamma\n"));
}
