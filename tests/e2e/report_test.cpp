#include <algorithm>
#include <catch2/catch.hpp>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>
#include <stdexcept>

#include "harness.h"

using namespace roster::test;
using nlohmann::json;

namespace {

// A goal of 20 members from 2024-01-01 to 2024-12-30: 364 days, so the road
// rises by 13/364 = 1/28 of a member a day from a baseline of 7 founders.
//   #1-#7 joined 2023-09-01; #6 left 2024-02-10 and rejoined 2024-03-07
//   #8 2024-01-15   #9 2024-03-03 (Sun, W09)   #10 2024-03-04 (Mon, W10)
//   #11 2024-03-10 (Sun, W10)   #12 2024-03-11 (Mon, W11)
//   #13 2024-03-31 (last day of March)   #14 2024-04-01
//   left: #3 2024-03-06, #4 2024-03-10 (Sun, W10), #5 2024-03-11 (Mon, W11)
struct ReportFixture {
  TempDir dir;
  std::string db = dir.file("roster.db");

  ReportFixture() {
    run({"init", "--association", "测试协会", "--target", "20", "--start", "2024-01-01", "--deadline", "2024-12-30"});
    add({"中国移动通信集团浙江有限公司", "--sector", "telecom", "--tier", "president", "--city", "杭州"}, "2023-09-01");
    add({"网易(杭州)网络有限公司", "--sector", "entertainment", "--tier", "vice-president", "--city", "杭州"},
        "2023-09-01");
    add({"宁波康宁医疗科技有限公司", "--sector", "healthcare", "--tier", "council", "--city", "宁波"}, "2023-09-01");
    add({"杭州云课教育科技有限公司", "--sector", "education", "--city", "杭州"}, "2023-09-01");
    add({"温州优选电子商务有限公司", "--sector", "e-commerce", "--city", "温州"}, "2023-09-01");
    add({"绍兴文旅发展有限公司", "--sector", "tourism", "--sector", "entertainment", "--city", "绍兴"}, "2023-09-01");
    add({"嘉兴智造有限公司", "--sector", "manufacturing", "--city", "嘉兴"}, "2023-09-01");
    add({"杭州健康管理有限公司", "--sector", "healthcare", "--city", "杭州"}, "2024-01-15");
    add({"湖州学堂教育有限公司", "--sector", "education", "--city", "湖州"}, "2024-03-03");
    add({"杭州数商科技有限公司", "--sector", "e-commerce", "--sector", "tourism", "--tier", "council", "--city",
         "杭州"},
        "2024-03-04");
    add({"舟山海岛旅游有限公司", "--sector", "tourism", "--city", "舟山"}, "2024-03-10");
    add({"台州医疗器械有限公司", "--sector", "healthcare", "--city", "台州"}, "2024-03-11");
    add({"湖州教育科技有限公司", "--sector", "education", "--city", "湖州"}, "2024-03-31");
    add({"丽水电商有限公司", "--sector", "e-commerce", "--city", "丽水"}, "2024-04-01");
    run({"remove-member", "6", "--left", "2024-02-10", "--reason", "did not renew"});
    run({"rejoin", "6", "--joined", "2024-03-07"});
    run({"remove-member", "3", "--left", "2024-03-06", "--reason", "did not renew"});
    run({"remove-member", "4", "--left", "2024-03-10", "--reason", "merged into a group"});
    run({"remove-member", "5", "--left", "2024-03-11", "--reason", "closed"});
  }

  RunResult roster(std::vector<std::string> args) const {
    args.insert(args.end(), {"--db", db});
    return run_roster(args);
  }

 private:
  void run(std::vector<std::string> args) const {
    args.insert(args.end(), {"-q", "--as-of", "2026-11-29"});
    auto r = roster(args);
    if (r.code != 0) throw std::runtime_error(args[0] + " failed: " + r.err);
  }
  void add(std::vector<std::string> args, const std::string& joined) const {
    args.insert(args.begin(), "add-member");
    args.insert(args.end(), {"--joined", joined});
    run(args);
  }
};

// The report as JSON; fails the test when the command does.
template <typename Fixture>
json report_json(const Fixture& fx, std::vector<std::string> args) {
  args.insert(args.begin(), {"report", "-f", "json"});
  auto r = fx.roster(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

std::vector<std::string> names(const json& members) {
  std::vector<std::string> found;
  for (const auto& m : members) found.push_back(m.at("name").get<std::string>());
  return found;
}

std::vector<std::string> period(const json& report) {
  const json& p = report.at("period");
  return {p.at("label").get<std::string>(), p.at("first").get<std::string>(), p.at("last").get<std::string>()};
}

using Names = std::vector<std::string>;
const std::vector<std::string> kFormats = {"text", "markdown", "html", "json"};

}  // namespace

TEST_CASE("report for week 2024-W10 matches the expected files in every format, figures worked by hand", "[report]") {
  ReportFixture fx;
  // W10 = 2024-03-04 (day 63 of the goal) to 2024-03-10 (day 69); B = 2024-03-03 (day 62).
  // previous A(B): #1 #2 #3 #4 #5 #7 #8 #9 = 8 (#6 away since 02-10).
  // active on 03-10: #1 #2 #5 #6 #7 #8 #9 #10 #11 = 9 (#3, #4 gone), 45.0% of 20; change +1.
  // joined: #10 03-04, #6 03-07 (rejoin), #11 03-10; left: #3 03-06, #4 03-10; net 3 − 2 = +1.
  // pace 1 × 7/7 = 1.00/week; required (20 − 8) × 7/(364 − 62) = 84/302 = 0.28/week.
  // road 7 + 13 × 69/364 = 9.46; ahead 9 − 9.464 = −0.46 (behind); the road was at 9 on
  // day (9 − 7) × 28 = 56, 56 − 69 = −13 days; days left 364 − 69 = 295.
  // sectors (members / change): healthcare 1 (#8) / −1 (#3); e-commerce 2 (#5 #10) / +1;
  // education 1 (#9) / −1 (#4); tourism 3 (#6 #10 #11) / +3; entertainment 2 (#2 #6) / +1;
  // telecom 1, manufacturing 1, others 0; shares of 9: 11.1%, 22.2%, 33.3%.
  // chart W01..W10 (Sundays, days 6, 13, … 69): 7 7 8 8 8 7 7 7 8 9 against the road
  // 7 + d/28 = 7.21 7.46 7.71 7.96 8.21 8.46 8.71 8.96 9.21 9.46.
  const std::vector<std::pair<std::string, std::string>> files = {{"text", "report-2024-W10.txt"},
                                                                  {"markdown", "report-2024-W10.md"},
                                                                  {"html", "report-2024-W10.html"},
                                                                  {"json", "report-2024-W10.json"}};
  for (const auto& [format, file] : files) {
    auto r = fx.roster({"report", "--week", "2024-W10", "-f", format, "--as-of", "2026-11-29"});
    INFO(format);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == expected_file(file, r.out));
  }
  json j = report_json(fx, {"--week", "2024-W10", "--as-of", "2026-11-29"});
  CHECK(j["previous_active"] == 8);
  CHECK(j["active"] == 9);
  CHECK(j["change"] == 1);
  CHECK(j["pace"] == 1.0);
  CHECK(j["required_pace"] == 0.28);
  CHECK(j["road"] == 9.46);
  CHECK(j["ahead_members"] == -0.46);
  CHECK(j["ahead_days"] == -13);
  CHECK(j["status"] == "behind");
  CHECK(j["days_left"] == 295);
}

TEST_CASE("report for month 2024-03 and quarter 2024-Q1: figures worked by hand", "[report]") {
  ReportFixture fx;
  // March: B = 02-29 (day 59), A(B) = 7; A(03-31, day 90) = 10 (+#6 #9 #10 #11 #12 #13, −#3 #4 #5).
  // pace 3 × 7/31 = 0.68; required 13 × 7/(364 − 59) = 0.30; road 7 + 90/28 = 10.21,
  // ahead −0.21, (10 − 7) × 28 − 90 = −6 days.
  json month = report_json(fx, {"--month", "2024-03", "--as-of", "2026-11-29"});
  CHECK(month["previous_active"] == 7);
  CHECK(month["active"] == 10);
  CHECK(month["pace"] == 0.68);
  CHECK(month["required_pace"] == 0.3);
  CHECK(month["road"] == 10.21);
  CHECK(month["ahead_days"] == -6);
  // Q1 holds the start, so the road's need is from the start: 13 × 7/364 = 0.25; pace 3 × 7/91 = 0.23.
  json quarter = report_json(fx, {"--quarter", "2024-Q1", "--as-of", "2026-11-29"});
  CHECK(quarter["previous_active"] == 7);
  CHECK(quarter["change"] == 3);
  CHECK(quarter["pace"] == 0.23);
  CHECK(quarter["required_pace"] == 0.25);
}

TEST_CASE("report puts a Sunday join or departure in its week and a Monday one in the next", "[report]") {
  ReportFixture fx;
  json w09 = report_json(fx, {"--week", "2024-W09", "--as-of", "2026-11-29"});
  CHECK(names(w09["joined"]) == Names{"湖州学堂教育有限公司"});  // Sunday 03-03
  json w10 = report_json(fx, {"--week", "2024-W10", "--as-of", "2026-11-29"});
  CHECK(names(w10["joined"]) == Names{"杭州数商科技有限公司", "绍兴文旅发展有限公司", "舟山海岛旅游有限公司"});
  CHECK(names(w10["left"]) == Names{"宁波康宁医疗科技有限公司", "杭州云课教育科技有限公司"});  // 03-10 is Sunday
  json w11 = report_json(fx, {"--week", "2024-W11", "--as-of", "2026-11-29"});
  CHECK(names(w11["joined"]) == Names{"台州医疗器械有限公司"});  // Monday 03-11
  CHECK(names(w11["left"]) == Names{"温州优选电子商务有限公司"});
  CHECK(w11["left"][0]["left"] == "2024-03-11");
  CHECK(w11["left"][0]["reason"] == "closed");
}

TEST_CASE("report --month and --quarter include their last day and not the next period's first", "[report]") {
  ReportFixture fx;
  json march = report_json(fx, {"--month", "2024-03", "--as-of", "2026-11-29"});
  CHECK(period(march) == Names{"2024-03", "2024-03-01", "2024-03-31"});
  CHECK(names(march["joined"]) == Names{"湖州学堂教育有限公司", "杭州数商科技有限公司", "绍兴文旅发展有限公司",
                                        "舟山海岛旅游有限公司", "台州医疗器械有限公司", "湖州教育科技有限公司"});
  CHECK(names(march["left"]) ==
        Names{"宁波康宁医疗科技有限公司", "杭州云课教育科技有限公司", "温州优选电子商务有限公司"});
  json april = report_json(fx, {"--month", "2024-04", "--as-of", "2026-11-29"});
  CHECK(names(april["joined"]) == Names{"丽水电商有限公司"});

  json q1 = report_json(fx, {"--quarter", "2024-Q1", "--as-of", "2026-11-29"});
  CHECK(period(q1) == Names{"2024-Q1", "2024-01-01", "2024-03-31"});
  CHECK(names(q1["joined"]).front() == "杭州健康管理有限公司");
  CHECK(names(q1["joined"]).back() == "湖州教育科技有限公司");
  CHECK(names(q1["left"]).front() == "绍兴文旅发展有限公司");  // 02-10, before the rejoin
  json q2 = report_json(fx, {"--quarter", "2024-q2", "--as-of", "2026-11-29"});
  CHECK(period(q2) == Names{"2024-Q2", "2024-04-01", "2024-06-30"});
  CHECK(names(q2["joined"]) == Names{"丽水电商有限公司"});
}

TEST_CASE("report without a period covers the last complete week, month or quarter before --as-of", "[report]") {
  DbFixture fx;
  struct Case {
    std::vector<std::string> args;
    Names period;
  };
  for (const auto& c :
       std::vector<Case>{{{"--as-of", "2024-03-11"}, {"2024-W10", "2024-03-04", "2024-03-10"}},  // Monday
                         {{"--as-of", "2024-03-10"}, {"2024-W09", "2024-02-26", "2024-03-03"}},  // Sunday
                         {{"--period", "week", "--as-of", "2024-01-01"}, {"2023-W52", "2023-12-25", "2023-12-31"}},
                         {{"--period", "month", "--as-of", "2024-04-01"}, {"2024-03", "2024-03-01", "2024-03-31"}},
                         {{"--period", "month", "--as-of", "2024-03-31"}, {"2024-02", "2024-02-01", "2024-02-29"}},
                         {{"--period", "quarter", "--as-of", "2024-04-15"}, {"2024-Q1", "2024-01-01", "2024-03-31"}},
                         {{"--period", "quarter", "--as-of", "2024-01-01"}, {"2023-Q4", "2023-10-01", "2023-12-31"}}}) {
    json j = report_json(fx, c.args);
    INFO(c.args[c.args.size() - 1]);
    CHECK(period(j) == c.period);
    CHECK(j["period"]["complete"] == true);
  }
}

TEST_CASE("report on a period still running counts it so far", "[report]") {
  ReportFixture fx;
  json j = report_json(fx, {"--week", "2024-W10", "--as-of", "2024-03-07"});
  CHECK(j["period"]["complete"] == false);
  CHECK(j["end"] == "2024-03-07");
  // 03-04..03-07: #10 and #6 joined, #3 left: 8 → 9, pace 1 × 7/4 = 1.75.
  CHECK(names(j["joined"]) == Names{"杭州数商科技有限公司", "绍兴文旅发展有限公司"});
  CHECK(j["active"] == 9);
  CHECK(j["pace"] == 1.75);
  auto text = fx.roster({"report", "--week", "2024-W10", "-f", "text", "--as-of", "2024-03-07"});
  CHECK(text.out.find("\n  2024-03-04 to 2024-03-07, so far\n") != std::string::npos);
}

TEST_CASE("report on an empty week says so plainly in every format", "[report]") {
  ReportFixture fx;  // nobody came or went in 2024-W07 (02-12 to 02-18)
  const std::string sentence = "No members joined or left in week 2024-W07.";
  for (const std::string& format : std::vector<std::string>{"text", "markdown", "html"}) {
    auto r = fx.roster({"report", "--week", "2024-W07", "-f", format, "--as-of", "2026-11-29"});
    INFO(format);
    CHECK(r.code == 0);
    CHECK(r.out.find(sentence) != std::string::npos);
  }
  json j = report_json(fx, {"--week", "2024-W07", "--as-of", "2026-11-29"});
  CHECK(j["joined"] == json::array());
  CHECK(j["left"] == json::array());
  CHECK(j["change"] == 0);
  CHECK(j["joins"] == 0);
  CHECK(j["departures"] == 0);
}

TEST_CASE("report weeks across a year boundary: 2024-W01, 2025-W01 and 2026-W53 exist, 2025-W53 does not", "[report]") {
  DbFixture fx;
  for (const auto& [name, joined] : std::vector<std::pair<std::string, std::string>>{{"甲公司", "2024-12-29"},
                                                                                     {"乙公司", "2024-12-31"},
                                                                                     {"丙公司", "2025-01-05"},
                                                                                     {"丁公司", "2025-01-06"},
                                                                                     {"戊公司", "2026-12-31"},
                                                                                     {"己公司", "2027-01-04"}}) {
    REQUIRE(
        fx.roster({"add-member", name, "--sector", "other", "--joined", joined, "-q", "--as-of", "2027-01-04"}).code ==
        0);
  }
  CHECK(period(report_json(fx, {"--week", "2024-W01", "--as-of", "2024-06-01"})) ==
        Names{"2024-W01", "2024-01-01", "2024-01-07"});
  json w52 = report_json(fx, {"--week", "2024-W52", "--as-of", "2025-06-01"});
  CHECK(period(w52) == Names{"2024-W52", "2024-12-23", "2024-12-29"});
  CHECK(names(w52["joined"]) == Names{"甲公司"});
  json w01 = report_json(fx, {"--week", "2025-W01", "--as-of", "2025-06-01"});
  CHECK(period(w01) == Names{"2025-W01", "2024-12-30", "2025-01-05"});
  CHECK(names(w01["joined"]) == Names{"乙公司", "丙公司"});
  json w53 = report_json(fx, {"--as-of", "2027-01-04"});  // Monday: the default is the week just ended
  CHECK(period(w53) == Names{"2026-W53", "2026-12-28", "2027-01-03"});
  CHECK(names(w53["joined"]) == Names{"戊公司"});
  CHECK(report_json(fx, {"--week", "2026-W53", "--as-of", "2027-01-04"}) == w53);

  auto refused = fx.roster({"report", "--week", "2025-W53", "--as-of", "2027-01-04"});
  CHECK(refused.code == 2);
  CHECK(refused.out.empty());
  CHECK(refused.err ==
        "roster: error: --week '2025-W53' is not a week (2025 has 52 ISO weeks); write it like 2024-W10\n");
}

TEST_CASE("report --check exits 3 when behind or missed, 0 otherwise, and writes the report in full", "[report]") {
  ReportFixture fx;
  struct Case {
    const char* target;
    const char* week;
    const char* as_of;
    const char* status;
    int code;
  };
  // W10 ends with 9 active. Target 20: road 9.46, behind. Target 10: road 7 + 3 × 69/364 =
  // 7.57, on track. Target 9: reached. Target 20 in 2025-W01 (ends after the 2024-12-30
  // deadline, with 11 active on it): missed. 2023-W52 ends before the start: not started.
  for (Case c : {Case{"20", "2024-W10", "2026-11-29", "behind", 3}, Case{"10", "2024-W10", "2026-11-29", "on-track", 0},
                 Case{"9", "2024-W10", "2026-11-29", "reached", 0}, Case{"20", "2025-W01", "2025-01-06", "missed", 3},
                 Case{"20", "2023-W52", "2024-01-01", "not-started", 0}}) {
    REQUIRE(fx.roster({"goal", "set", "--target", c.target, "-q"}).code == 0);
    INFO(c.week << " target " << c.target);
    for (const auto& format : kFormats) {
      auto plain = fx.roster({"report", "--week", c.week, "-f", format, "--as-of", c.as_of});
      auto checked = fx.roster({"report", "--week", c.week, "-f", format, "--as-of", c.as_of, "--check"});
      CHECK(plain.code == 0);
      CHECK(checked.code == c.code);
      CHECK(checked.out == plain.out);
      CHECK(checked.err.empty());
    }
    CHECK(report_json(fx, {"--week", c.week, "--as-of", c.as_of})["status"] == c.status);
  }
}

TEST_CASE("report output depends only on the data and --as-of, and --stamp adds only the time", "[report]") {
  ReportFixture first, second;  // the same data, entered at different times
  const std::regex stamp_re(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  for (const auto& format : kFormats) {
    INFO(format);
    std::vector<std::string> args = {"report", "-f", format, "--as-of", "2024-03-11"};
    auto one = first.roster(args);
    CHECK(one.code == 0);
    CHECK(first.roster(args).out == one.out);
    CHECK(second.roster(args).out == one.out);
    CHECK(one.out.find("generated") == std::string::npos);

    args.push_back("--stamp");
    auto stamped = first.roster(args);
    CHECK(stamped.code == 0);
    std::smatch m;
    REQUIRE(std::regex_search(stamped.out, m, stamp_re));
    std::string stamp = m.str();
    std::string added = format == "text"   ? "  generated " + stamp + "\n"
                        : format == "json" ? ",\n  \"generated_at\": \"" + stamp + "\""
                                           : " · generated " + stamp;
    std::string without = stamped.out;
    auto at = without.find(added);
    REQUIRE(at != std::string::npos);
    without.erase(at, added.size());
    CHECK(without == one.out);
  }
  auto stamped = first.roster({"report", "-f", "json", "--as-of", "2024-03-11", "--stamp"});
  auto keys = nlohmann::ordered_json::parse(stamped.out);
  CHECK(std::prev(keys.end()).key() == "generated_at");  // the last key
}

TEST_CASE("report refuses a bad period or format: exit 2, one line, nothing on stdout", "[report]") {
  DbFixture fx;
  struct Bad {
    std::vector<std::string> args;
    std::string err;
  };
  for (const auto& b : std::vector<Bad>{
           {{"--week", "2024-W54"}, "--week '2024-W54' is not a week; write it like 2024-W10"},
           {{"--week", "2024-10"}, "--week '2024-10' is not a week; write it like 2024-W10"},
           {{"--month", "2024-13"}, "--month '2024-13' is not a month; write it like 2024-03"},
           {{"--quarter", "2024-Q5"}, "--quarter '2024-Q5' is not a quarter; write it like 2024-Q1"},
           {{"--period", "fortnight"}, "--period 'fortnight' is not week, month or quarter"},
           {{"--week", "2024-W10", "--month", "2024-03"}, "give only one of --week, --month and --quarter"},
           {{"--period", "month", "--week", "2024-W10"}, "--week and --period month disagree; give one of them"},
           {{"--week", "2024-W11", "--as-of", "2024-03-10"},
            "--week 2024-W11 begins on 2024-03-11, after the report date 2024-03-10; pick an earlier one or a later "
            "--as-of"},
           {{"-f", "csv"}, "this command cannot write csv; choose one of text, markdown, chat, html, json"}}) {
    std::vector<std::string> args = {"report"};
    args.insert(args.end(), b.args.begin(), b.args.end());
    if (std::find(args.begin(), args.end(), "--as-of") == args.end()) {
      args.insert(args.end(), {"--as-of", "2026-11-29"});
    }
    auto r = fx.roster(args);
    INFO(b.err);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "roster: error: " + b.err + "\n");
  }
}

TEST_CASE("report on a missing database exits 1 with the roster init hint and creates nothing", "[report][sqlite]") {
  TempDir dir;
  std::string db = dir.file("nope.db");
  auto r = run_roster({"report", "--db", db, "--as-of", "2024-03-11"});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: error: no database at '" + db + "'; create one with `roster init --db " + db +
                     "`, or pass --db PATH\n");
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("report for week 2024-W10 in Chinese matches the expected files in text, markdown, chat and html",
          "[report][i18n]") {
  ReportFixture fx;
  const std::vector<std::pair<std::string, std::string>> files = {{"text", "zh-report-2024-W10.txt"},
                                                                  {"markdown", "zh-report-2024-W10.md"},
                                                                  {"chat", "zh-report-2024-W10.chat"},
                                                                  {"html", "zh-report-2024-W10.html"}};
  for (const auto& [format, file] : files) {
    auto r = fx.roster({"report", "--week", "2024-W10", "-f", format, "--as-of", "2026-11-29", "--lang", "zh"});
    INFO(format);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == expected_file(file, r.out));
  }
  auto en = fx.roster({"report", "--week", "2024-W10", "-f", "chat", "--as-of", "2026-11-29"});
  CHECK(en.out == expected_file("report-2024-W10.chat", en.out));
}

TEST_CASE("report -f chat has no tables and stays within a robot message's 4000 bytes on a crowded week",
          "[report][chat]") {
  DbFixture fx;
  // 60 members with long names join in one week, 30 of them leave in it.
  std::string csv = "name,sectors,joined,left,note\n";
  for (int i = 0; i < 60; ++i) {
    csv += "浙江省杭州市西湖区某某数字科技创新研究发展有限公司第" + std::to_string(i) +
           "分公司,healthcare,2024-03-04," + (i < 30 ? "2024-03-08" : "") + ",\n";
  }
  REQUIRE(fx.roster({"import", "-", "-f", "csv", "--as-of", "2024-03-10", "-q"}, csv).code == 0);
  for (const char* lang : {"en", "zh"}) {
    INFO(lang);
    auto r = fx.roster({"report", "--week", "2024-W10", "-f", "chat", "--as-of", "2024-03-10", "--lang", lang});
    CHECK(r.code == 0);
    CHECK(r.out.size() <= 4000);
    CHECK(r.out.find("\n|") == std::string::npos);  // no table rows
    CHECK(r.out.find("\n#### ") != std::string::npos);
    // The lists are cut short and say how many more there are.
    CHECK(r.out.find(std::string(lang) == "zh" ? "- 另有" : "- and ") != std::string::npos);
  }
}
