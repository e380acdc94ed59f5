// roster report -f html as a person sees it: rendered by headless Chromium at
// a 390-px phone width (tests/e2e/render_html.py), asserting on the rendered
// page (visible text, layout, chart), not on the HTML source.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "harness.h"

using namespace roster::test;
using json = nlohmann::json;
namespace fs = std::filesystem;
namespace chr = std::chrono;

namespace {

// 40 CJK characters (3 bytes each in UTF-8), and one word far wider than a phone.
constexpr char kLongChinese[] = "浙江省杭州市西湖区数字经济与人工智能产业创新发展研究院智慧医疗健康科技集团总公司";
static_assert(sizeof kLongChinese - 1 == 40 * 3);
constexpr char kLongEnglish[] =
    "Zhejiang Supercalifragilisticexpialidociousinformationtechnologyservices Company Limited";
constexpr char kPipeStar[] = "A|B*C 科技有限公司";

// Goal: 20 members from Wednesday 2023-12-20 (in 2023-W51) to 2024-12-31.
// Week 2024-W14 (2024-04-01 to 04-07): kLongChinese, kPipeStar and 金华 join,
// kLongEnglish leaves. Active on 03-31: members 1-8 = 8; on 04-07: 8 + 3 - 1
// = 10 of 20 = 50.0%, change +2. Baseline 1 (member 1); the road on 04-07 is
// 1 + 19 × 109/377 = 6.49, so 3.51 members ahead: on-track.
struct ReportDb {
  TempDir dir;
  std::string db = dir.file("roster.db");

  ReportDb() {
    must({"init", "--association", "浙江省数字经济促进会", "--target", "20", "--start", "2023-12-20", "--deadline",
          "2024-12-31"});
    add("杭州星云数字科技有限公司", {"technology"}, "2023-11-15", "杭州");
    add("宁波海港医疗器械有限公司", {"healthcare"}, "2024-01-10", "宁波");
    add("舟山海洋数字内容有限公司", {"media"}, "2024-01-15", "舟山");
    add("温州云上电子商务有限公司", {"e-commerce"}, "2024-01-20", "温州");
    add("湖州太湖医药健康有限公司", {"healthcare", "technology"}, "2024-02-05", "湖州");
    add("绍兴越秀教育科技有限公司", {"education"}, "2024-02-20", "绍兴");
    add(kLongEnglish, {"technology"}, "2024-03-01", "Hangzhou");
    add("嘉兴南湖文化旅游发展有限公司", {"tourism"}, "2024-03-12", "嘉兴");
    add(kLongChinese, {"healthcare"}, "2024-04-02", "杭州");
    add(kPipeStar, {"finance"}, "2024-04-04", "台州");
    add("金华智能制造有限公司", {"manufacturing"}, "2024-04-05", "金华");
    must(
        {"remove-member", kLongEnglish, "--left", "2024-04-03", "--reason", "moved to Shanghai; did not renew 未续费"});
  }

  void must(std::vector<std::string> args) const {
    args.insert(args.end(), {"--db", db, "-q"});
    auto r = run_roster(args);
    INFO("roster " << args[0] << ": " << r.err);
    REQUIRE(r.code == 0);
  }

  void add(const std::string& name, const std::vector<std::string>& sectors, const std::string& joined,
           const std::string& city) const {
    std::vector<std::string> args = {"add-member", name, "--joined", joined, "--city", city};
    for (const auto& s : sectors) args.insert(args.end(), {"--sector", s});
    must(args);
  }

  // roster report PERIOD --as-of 2024-05-06 -f html
  std::string html(const std::string& option, const std::string& period) const {
    auto r = run_roster({"report", option, period, "--as-of", "2024-05-06", "-f", "html", "--db", db});
    INFO(r.err);
    REQUIRE(r.code == 0);
    return r.out;
  }
};

// Writes DIR/STEM.html, renders it at 390 px and returns render_html.py's JSON;
// the full-page screenshot goes to DIR/STEM.png.
json render(const std::string& html, const fs::path& dir, const std::string& stem) {
  if (!fs::exists("/usr/bin/chromium")) {
    FAIL("/usr/bin/chromium is missing: install the Debian package chromium (scripts/install-deps.sh --test)");
  }
  fs::path page = dir / (stem + ".html"), shot = dir / (stem + ".png");
  write_file(page, html);
  fs::remove(shot);  // no stale screenshot from an earlier run
  auto r = run_program({"/usr/bin/python3", (source_dir() / "tests/e2e/render_html.py").string(), page.string(),
                        "--width", "390", "--screenshot", shot.string()});
  if (r.code != 0) {
    FAIL(
        "render_html.py could not render the page; it needs the Debian packages chromium and python3-websocket "
        "(scripts/install-deps.sh --test): "
        << r.err);
  }
  return json::parse(r.out);
}

bool shows(const json& page, const std::string& text) {
  return page["text"].get<std::string>().find(text) != std::string::npos;
}

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
  fs::path artifacts = ROSTER_ARTIFACT_DIR;
  fs::create_directories(artifacts);
  json page = render(fx.html("--week", "2024-W14"), artifacts, "report-390");
  INFO("overflowing: " << page["overflowing"].dump() << "\nhidden overflow: " << page["hidden_overflow"].dump());
  CHECK(page["inner_width"] == 390);
  CHECK(page["scroll_width"] <= 390);
  CHECK(page["overflowing"].empty());
  CHECK(page["hidden_overflow"].empty());
  CHECK(page["svg_width"] <= 390);
  CHECK(page["svg_width"] > 300);

  // A PNG (signature, then the IHDR chunk: width and height big-endian at bytes 16..23).
  std::string png = read_file(artifacts / "report-390.png");
  REQUIRE(png.size() > 24);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  auto be32 = [&](size_t at) {
    uint32_t v = 0;
    for (size_t i = at; i < at + 4; ++i) v = v << 8 | static_cast<unsigned char>(png[i]);
    return v;
  };
  CHECK(be32(16) == 390);
  CHECK(be32(20) == page["screenshot_height"]);
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
