// The Chinese weekly report (roster report -f html --lang zh) as a person sees
// it: rendered by headless Chromium on a 390-px phone and a 1280-px desktop,
// asserting on the language, the visible text, the fonts the Chinese is drawn
// with and the layout; both screenshots are kept for CI (artifact_dir()).
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "report_html_helpers.h"

using namespace roster::test;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Whether Chromium reports `family` (a platform font) as one with Chinese glyphs.
bool cjk_family(const std::string& family) {
  for (const char* known : {"WenQuanYi", "Noto Sans CJK", "Noto Serif CJK", "Source Han", "Droid Sans Fallback",
                            "AR PL", "PingFang", "Microsoft YaHei", "Hiragino"}) {
    if (family.find(known) != std::string::npos) return true;
  }
  return false;
}

// How many glyphs of a render_html.py "fonts" entry came from fonts with Chinese glyphs.
long cjk_glyphs(const json& drawn) {
  long glyphs = 0;
  for (const auto& f : drawn["platform_fonts"]) {
    if (cjk_family(f["family"])) glyphs += f["glyphs"].get<long>();
  }
  return glyphs;
}

// The Chinese of one element is drawn, not tofu: every Chinese character by a
// font that has Chinese glyphs and, for an all-Chinese text, each one a full em
// wide, some 1.6 times an 'a' (the empty box drawn for a missing glyph is about
// as wide as an 'a').
void check_chinese_drawn(const json& drawn) {
  INFO(drawn.dump());
  REQUIRE(drawn["cjk_chars"] > 0);
  CHECK(cjk_glyphs(drawn) >= drawn["cjk_chars"].get<long>());
  if (drawn["cjk_chars"] != drawn["chars"]) return;
  double em_per_char = drawn["width"].get<double>() / drawn["chars"].get<double>() / drawn["font_size"].get<double>();
  CHECK(em_per_char > 0.9);
  CHECK(em_per_char < 1.15);
  CHECK(drawn["width"].get<double>() > 1.4 * drawn["a_width"].get<double>());
}

// Renders the week 2024-W14 in Chinese WIDTH px wide into the artifacts as
// report-zh-WIDTH.png and checks everything a reader of either width relies on.
void check_chinese_week(int width) {
  ReportDb fx;
  fs::path artifacts = artifact_dir();
  std::string stem = "report-zh-" + std::to_string(width);
  // The first h2 after the joined and left lists is 行业分布; the first member
  // who joined is kLongChinese, wrapped over lines on a phone.
  json page = render(fx.html("--week", "2024-W14", {"--lang", "zh"}), artifacts, stem, width,
                     {"h1", "dl.figures dt", "h2:nth-of-type(3)", "table.members td:nth-child(2)"});
  INFO(page["text"].get<std::string>());

  CHECK(page["lang"] == "zh-CN");
  std::string title = page["title"];
  CHECK(title.find("浙江省数字经济促进会") != std::string::npos);
  CHECK(title.find("周报") != std::string::npos);
  CHECK(title.find("2024年第14周") != std::string::npos);
  REQUIRE(page["headings"].size() == 5);
  CHECK(page["headings"][0] == title);
  CHECK(page["headings"][1] == "入会（3家）");
  CHECK(page["headings"][2] == "退会（1家）");
  CHECK(page["headings"][3] == "行业分布");
  CHECK(page["headings"][4] == "会员数变化");

  // Each headline figure under its Chinese label.
  CHECK(shows(page, "会员单位\n10 / 20\n"));
  CHECK(shows(page, "完成率\n50.0%\n"));
  CHECK(shows(page, "变化\n+2\n"));
  CHECK(shows(page, "状态\n"));
  CHECK(shows(page, "入会 / 退会\n3 / 1\n"));
  for (const char* name : {kLongChinese, kPipeStar, "金华智能制造有限公司", kLongEnglish}) CHECK(shows(page, name));
  CHECK(shows(page, "moved to Shanghai; did not renew 未续费"));
  // No English label left over.
  for (const char* english : {"weekly report", "Joined", "Left (", "Sectors", "Members over time", "of the target",
                              "status\n", "members\n"}) {
    CHECK_FALSE(shows(page, english));
  }

  REQUIRE(page["fonts"].size() == 4);
  CHECK(page["fonts"][1]["text"] == "会员单位");
  CHECK(page["fonts"][2]["text"] == "行业分布");
  CHECK(page["fonts"][3]["text"] == kLongChinese);
  for (const auto& drawn : page["fonts"]) check_chinese_drawn(drawn);

  INFO("overflowing: " << page["overflowing"].dump() << "\nhidden overflow: " << page["hidden_overflow"].dump());
  CHECK(page["inner_width"] == width);
  CHECK(page["scroll_width"] <= width);
  CHECK(page["overflowing"].empty());
  CHECK(page["hidden_overflow"].empty());

  // The screenshot CI keeps: a real PNG as wide as the page, not a blank one.
  std::string png = read_file(artifacts / (stem + ".png"));
  CHECK(png.size() > 10 * 1024);
  auto [png_width, png_height] = png_size(png);
  CHECK(png_width == static_cast<uint32_t>(width));
  CHECK(png_height == page["screenshot_height"]);
}

}  // namespace

TEST_CASE("report -f html --lang zh reads as a Chinese page in a CJK font on a 390-px phone", "[report][html]") {
  check_chinese_week(390);
}

TEST_CASE("report -f html --lang zh reads as a Chinese page in a CJK font on a 1280-px desktop", "[report][html]") {
  check_chinese_week(1280);
}

TEST_CASE("the CJK-font check tells characters no font has (tofu) from Chinese", "[report][html]") {
  // U+30000..30003 (CJK Extension G): no installed font draws them, so Chromium
  // draws empty boxes; the checks above must not take those for Chinese.
  TempDir out;
  json page = render(
      "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width\"><p id=\"tofu\" style=\"font: 15px sans-serif\">\U00030000\U00030001\U00030002"
      "\U00030003</p><p id=\"zh\" style=\"font: 15px sans-serif\">会员单位</p></html>",
      out.path(), "tofu", 390, {"#tofu", "#zh"});
  const json& tofu = page["fonts"][0];
  const json& zh = page["fonts"][1];
  INFO(page["fonts"].dump());
  CHECK(cjk_glyphs(tofu) == 0);
  CHECK(tofu["width"].get<double>() < 1.4 * tofu["a_width"].get<double>());
  CHECK(cjk_glyphs(zh) == 4);
  CHECK(zh["width"].get<double>() > 1.4 * zh["a_width"].get<double>());
}

TEST_CASE("report -f html in English says lang en, and zh-CN without --lang when the database is Chinese",
          "[report][html]") {
  ReportDb fx;
  TempDir out;
  json page = render(fx.html("--week", "2024-W14"), out.path(), "en");
  CHECK(page["lang"] == "en");
  CHECK(page["title"] == "浙江省数字经济促进会 — weekly report, week 2024-W14");
  CHECK(page["headings"][1] == "Joined (3)");

  fx.must({"language", "zh"});
  std::string zh = fx.html("--week", "2024-W14");
  CHECK(zh.find("<html lang=\"zh-CN\">") != std::string::npos);
  CHECK(zh.find("周报") != std::string::npos);
  // --lang still wins over the database's language.
  CHECK(fx.html("--week", "2024-W14", {"--lang", "en"}).find("<html lang=\"en\">") != std::string::npos);
}
