#include "roster/progress_render.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "roster/progress.h"

using roster::Date;
using roster::Format;
using roster::ProgressReport;

namespace {

Date ymd(int y, int m, int d) {
  return Date::from_ymd(y, m, d);
}

// 18 founders on 2024-01-01 and nobody since: no pace, so the forecast is the
// prospects' alone. Target 20 by 2024-12-31, as of 2024-07-01.
ProgressReport report(const std::vector<double>& prospects) {
  roster::Goal goal{ymd(2024, 1, 1), 20, ymd(2024, 12, 31)};
  roster::Timeline timeline({{ymd(2024, 1, 1), 18, 0}});
  return roster::build_progress_report("Assoc", goal, timeline, ymd(2024, 7, 1), prospects);
}

std::string render(const ProgressReport& r, Format format) {
  std::ostringstream out;
  roster::render_progress(r, format, out, {});
  return out.str();
}

bool has(const std::string& out, const std::string& part) {
  return out.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("progress forecast line with prospects, in table and markdown", "[render][forecast]") {
  // Two more needed from prospects at 50 %, 50 % and 80 %: both of the first
  // two (0.25), or one of them and the third (0.5 × 0.8 = 0.4): 0.65.
  // Expected 18 + 1.8 = 19.8, about 20.
  ProgressReport r = report({0.5, 0.5, 0.8});
  CHECK(r.chance_by_deadline == 0.65);
  CHECK(has(render(r, Format::table),
            "\n  outlook    at the last 90 days' pace, 20 is never reached\n"
            "  forecast   about 20 expected on 2024-12-31 at the last 90 days' pace plus 1.8 from 3 prospects; "
            "chance of 20: 65%\n\n"));
  CHECK(has(render(r, Format::markdown),
            "\n- **forecast**: about 20 expected on 2024-12-31 at the last 90 days' pace "
            "plus 1.8 from 3 prospects; chance of 20: 65%\n"));
  CHECK(has(render(report({0.5}), Format::table), " plus 0.5 from 1 prospect; chance of 20: 0%\n"));
}

TEST_CASE("progress json and tsv carry the forecast figures", "[render][forecast]") {
  ProgressReport r = report({0.5, 0.5, 0.8});
  CHECK(has(render(r, Format::json),
            "  \"active_on_deadline\": null,\n  \"pipeline_expected\": 1.8,\n"
            "  \"open_prospects\": 3,\n  \"expected_on_deadline\": 19.8,\n"
            "  \"chance_by_deadline\": 0.65,\n  \"dues_suspended\": null,\n  \"dues_lapsed\": null,\n  \"months\": ["));
  CHECK(has(render(r, Format::tsv),
            "\nactive_on_deadline\t\npipeline_expected\t1.80\nopen_prospects\t3\n"
            "expected_on_deadline\t19.80\nchance_by_deadline\t0.6500\n"));
}

TEST_CASE("progress forecast says <1% and >99% for a chance that is not certain", "[render][forecast]") {
  ProgressReport r = report({});
  struct Case {
    double chance;
    const char* shown;
  };
  for (Case c : {Case{0.0, "0%"}, Case{0.0001, "<1%"}, Case{0.0049, "<1%"}, Case{0.005, "1%"}, Case{0.184, "18%"},
                 Case{0.9949, "99%"}, Case{0.995, ">99%"}, Case{0.9999, ">99%"}, Case{1.0, "100%"}}) {
    CAPTURE(c.chance);
    r.chance_by_deadline = c.chance;
    CHECK(has(render(r, Format::table), std::string("; chance of 20: ") + c.shown + "\n"));
  }
}
