// Shared by the HTML report tests: the report's database, rendering a page in
// headless Chromium (tests/e2e/render_html.py) and the folder CI keeps the
// screenshots from.
#pragma once

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "harness.h"

namespace roster::test {

// 40 CJK characters (3 bytes each in UTF-8), and one word far wider than a phone.
inline constexpr char kLongChinese[] =
    "浙江省杭州市西湖区数字经济与人工智能产业创新发展研究院智慧医疗健康科技集团总公司";
static_assert(sizeof kLongChinese - 1 == 40 * 3);
inline constexpr char kLongEnglish[] =
    "Zhejiang Supercalifragilisticexpialidociousinformationtechnologyservices Company Limited";
inline constexpr char kPipeStar[] = "A|B*C 科技有限公司";

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

  /// roster report OPTION PERIOD --as-of 2024-05-06 -f html EXTRA...
  std::string html(const std::string& option, const std::string& period,
                   const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> args = {"report", option, period, "--as-of", "2024-05-06", "-f", "html", "--db", db};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_roster(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
    return r.out;
  }
};

/// Writes DIR/STEM.html, renders it WIDTH px wide and returns render_html.py's
/// JSON; the full-page screenshot goes to DIR/STEM.png. Each of `fonts` (a CSS
/// selector) adds how its first element's text is drawn, under "fonts".
inline nlohmann::json render(const std::string& html, const std::filesystem::path& dir, const std::string& stem,
                             int width = 390, const std::vector<std::string>& fonts = {}) {
  namespace fs = std::filesystem;
  if (!fs::exists("/usr/bin/chromium")) {
    FAIL("/usr/bin/chromium is missing: install the Debian package chromium (scripts/install-deps.sh --test)");
  }
  fs::path page = dir / (stem + ".html"), shot = dir / (stem + ".png");
  write_file(page, html);
  fs::remove(shot);  // no stale screenshot from an earlier run
  std::vector<std::string> argv = {"/usr/bin/python3",    (source_dir() / "tests/e2e/render_html.py").string(),
                                   page.string(),         "--width",
                                   std::to_string(width), "--screenshot",
                                   shot.string()};
  for (const auto& selector : fonts) argv.insert(argv.end(), {"--font", selector});
  auto r = run_program(argv);
  if (r.code != 0) {
    FAIL(
        "render_html.py could not render the page; it needs the Debian packages chromium and python3-websocket "
        "(scripts/install-deps.sh --test): "
        << r.err);
  }
  return nlohmann::json::parse(r.out);
}

/// Whether the page's visible text (innerText) holds `text`.
inline bool shows(const nlohmann::json& page, const std::string& text) {
  return page["text"].get<std::string>().find(text) != std::string::npos;
}

/// Where screenshots are kept for people and CI to look at: $ROSTER_ARTIFACTS
/// when set (scripts/test.sh sets it), else the build folder's artifacts/.
/// Created if missing.
inline std::filesystem::path artifact_dir() {
  const char* env = std::getenv("ROSTER_ARTIFACTS");
  std::filesystem::path dir = env && *env ? env : ROSTER_ARTIFACT_DIR;
  std::filesystem::create_directories(dir);
  return dir;
}

/// The width and height in a PNG's IHDR chunk (big-endian at bytes 16..23), or
/// {0, 0} when `png` does not start with the PNG signature and an IHDR chunk.
inline std::pair<uint32_t, uint32_t> png_size(const std::string& png) {
  if (png.size() < 24 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 || png.compare(12, 4, "IHDR") != 0) return {};
  auto be32 = [&](size_t at) {
    uint32_t v = 0;
    for (size_t i = at; i < at + 4; ++i) v = v << 8 | static_cast<unsigned char>(png[i]);
    return v;
  };
  return {be32(16), be32(20)};
}

}  // namespace roster::test
