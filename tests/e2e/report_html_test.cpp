// roster report -f html as a person sees it: rendered by headless Chromium at
// a 390-px phone width (tests/e2e/render_html.py), asserting on the rendered
// page (visible text, layout, chart), not on the HTML source.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "report_html_helpers.h"

using namespace roster::test;
using json = nlohmann::json;
namespace fs = std::filesystem;
namespace chr = std::chrono;

namespace {

// The Monday of the ISO week holding `day`.
chr::sys_days monday_of(chr::sys_days day) {
  return day - (chr::weekday{day} - chr::Monday);
}

}  // namespace

TEST_CASE("report -f html shows the week's figures and members as visible text at 390 px", "[report][html]") {
  ReportDb fx;
  TempDir out;
  json page = render(fx.html("--week", "2024-W14"), out.path(), "week");
  std::string text = page["text"];
  INFO(text);
  CHECK(page["title"] == "浙江省数字经济促进会 — weekly report, week 2024-W14");
  // Each headline figure under its label: active / target, percentage, change, status.
  CHECK(shows(page, "members\n10 / 20\n"));
  CHECK(shows(page, "of the target\n50.0%\n"));
  CHECK(shows(page, "change\n+2\n"));
  CHECK(shows(page, "status\non-track\n"));
  CHECK(shows(page, "joined / left\n3 / 1\n"));
  CHECK(shows(page, "10 of 20 members (50.0%), +2 since 2024-03-31 (8)."));
  CHECK(shows(page, "on track: 3 members ahead of the plan for today (7)"));
  // Who came and went, with the departure's reason.
  CHECK(page["headings"] == json({"浙江省数字经济促进会 — weekly report, week 2024-W14", "Joined (3)", "Left (1)",
                                  "Sectors", "Members over time"}));
  for (const char* name : {kLongChinese, kPipeStar, "金华智能制造有限公司", kLongEnglish}) CHECK(shows(page, name));
  CHECK(shows(page, "moved to Shanghai; did not renew 未续费"));
  CHECK_FALSE(shows(page, "嘉兴南湖文化旅游发展有限公司"));  // joined weeks before
}

TEST_CASE("report -f html is self-contained: no scripts, no external assets, one svg", "[report][html]") {
  ReportDb fx;
  TempDir out;
  json page = render(fx.html("--week", "2024-W14"), out.path(), "week");
  CHECK(page["scripts"] == 0);
  CHECK(page["external"] == 0);
  CHECK(page["svg_count"] == 1);
}

TEST_CASE("report -f html fits a 390-px phone with nothing cut off, screenshot kept in the artifacts",
          "[report][html]") {
  ReportDb fx;
  fs::path artifacts = artifact_dir();
  json page = render(fx.html("--week", "2024-W14"), artifacts, "report-390");
  INFO("overflowing: " << page["overflowing"].dump() << "\nhidden overflow: " << page["hidden_overflow"].dump());
  CHECK(page["inner_width"] == 390);
  CHECK(page["scroll_width"] <= 390);
  CHECK(page["overflowing"].empty());
  CHECK(page["hidden_overflow"].empty());
  CHECK(page["svg_width"] <= 390);
  CHECK(page["svg_width"] > 300);

  // A PNG as wide as the page and as tall as its content.
  auto [width, height] = png_size(read_file(artifacts / "report-390.png"));
  CHECK(width == 390);
  CHECK(height == page["screenshot_height"]);
}

TEST_CASE("report -f html chart has one point per week, and per month, from the goal's start", "[report][html]") {
  ReportDb fx;
  TempDir out;
  using chr::days, chr::January, chr::December, chr::year;
  // Weeks: from the week holding the start (2023-12-20, a Wednesday) through
  // 2024-W14, whose Monday is 13 weeks after that of 2024-W01 (the week holding
  // January 4th): 2023-W51, W52, then 2024-W01..W14.
  chr::sys_days start = year{2023} / December / 20;
  chr::sys_days w14 = monday_of(year{2024} / January / 4) + days{13 * 7};
  long weeks = (w14 - monday_of(start)).count() / 7 + 1;
  REQUIRE(weeks == 16);
  json week = render(fx.html("--week", "2024-W14"), out.path(), "week");
  CHECK(week["svg_points"] == weeks);

  // Months: 2023-12 through 2024-04.
  long months = (2024 * 12 + 4) - (2023 * 12 + 12) + 1;
  REQUIRE(months == 5);
  json month = render(fx.html("--month", "2024-04"), out.path(), "month");
  CHECK(month["svg_points"] == months);
  CHECK(month["svg_count"] == 1);
  CHECK(shows(month, "members at the end of each month"));
}

TEST_CASE("report -f html for a week nobody joined or left says so in plain words", "[report][html]") {
  ReportDb fx;
  TempDir out;
  json page = render(fx.html("--week", "2024-W16"), out.path(), "quiet");
  INFO(page["text"].get<std::string>());
  CHECK(shows(page, "No members joined or left in week 2024-W16."));
  // Said once, not again under each empty list.
  CHECK_FALSE(shows(page, "Nobody joined"));
  CHECK_FALSE(shows(page, "Nobody left"));
  CHECK(shows(page, "change\n0\n"));
  CHECK(shows(page, "members\n10 / 20\n"));
  CHECK(page["headings"] == json({"浙江省数字经济促进会 — weekly report, week 2024-W16", "Joined (0)", "Left (0)",
                                  "Sectors", "Members over time"}));
  CHECK(page["overflowing"].empty());
  CHECK(page["scroll_width"] <= 390);
}
