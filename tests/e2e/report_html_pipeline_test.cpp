// The weekly report's pipeline section as a person sees it on a phone:
// rendered by headless Chromium at 390 px (tests/e2e/render_html.py).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report_html_helpers.h"

using namespace roster::test;
using json = nlohmann::json;

TEST_CASE("report -f html shows the week's pipeline on a 390-px phone, long names wrapped, screenshot kept",
          "[report][html][pipeline]") {
  ReportDb fx;
  // In 2024-W14 (04-01 to 04-07): two prospects added, one moved, the long
  // Chinese one converted; one follow-up (from W13) overdue on the 7th.
  const std::string long_prospect = std::string(kLongChinese) + "二期";
  fx.must({"prospect", "add", "丽水山耕数字农业有限公司", "-s", "other", "--on", "2024-03-25", "--next-action",
           "寄送入会申请表", "--next-action-on", "2024-03-29", "--as-of", "2024-05-06"});
  fx.must({"prospect", "add", long_prospect, "-s", "healthcare", "--on", "2024-04-01", "--as-of", "2024-05-06"});
  fx.must({"prospect", "add", kLongEnglish + std::string(" Branch"), "-s", "technology", "--on", "2024-04-02",
           "--as-of", "2024-05-06"});
  fx.must(
      {"prospect", "move", "丽水山耕数字农业有限公司", "interested", "--on", "2024-04-03", "--as-of", "2024-05-06"});
  fx.must({"prospect", "convert", long_prospect, "--joined", "2024-04-06", "--as-of", "2024-05-06"});

  json page = render(fx.html("--week", "2024-W14"), artifact_dir(), "report-pipeline-390");
  std::string text = page["text"];
  INFO(text);
  CHECK(page["headings"] == json({"浙江省数字经济促进会 — weekly report, week 2024-W14", "Joined (4)", "Left (1)",
                                  "Pipeline", "Sectors", "Members over time"}));
  CHECK(shows(page, "2 new prospects\n"));
  CHECK(shows(page, "2 stage moves\n"));
  CHECK(shows(page, "1 conversion: " + long_prospect + "\n"));
  CHECK(shows(page, "1 follow-up due (1 overdue)"));
  // The converted prospect is a member now: 11 of 20.
  CHECK(shows(page, "members\n11 / 20\n"));
  // Nothing runs off the phone's screen.
  INFO("overflowing: " << page["overflowing"].dump());
  CHECK(page["scroll_width"] <= 390);
  CHECK(page["overflowing"].empty());
  CHECK(page["hidden_overflow"].empty());
}
