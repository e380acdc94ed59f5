// roster pipeline end to end: the worked example of docs/pipeline.md built
// with the real prospect commands, then read back by pipeline (every
// format), pipeline --due and --check, the weekly report, sectors and progress.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "harness.h"

using namespace roster::test;
using nlohmann::json;

namespace {

// The commands run on 2024-04-30; the figures are asked for as of 2024-03-31.
const std::string kBuiltOn = "2024-04-30";
const std::string kAsOf = "2024-03-31";

// docs/pipeline.md's worked example: 甲 … 庚 as prospects #1 … #7; 乙 joins
// on 2024-03-01 and becomes member #1.
struct WorkedExample : DbFixture {
  WorkedExample() {
    using Args = std::vector<std::string>;
    for (const Args& args :
         std::vector<Args>{{"add", "甲", "-s", "healthcare", "--on", "2024-01-01", "--next-action", "回访",
                            "--next-action-on", "2024-03-31"},
                           {"move", "甲", "contacted", "--on", "2024-01-12"},
                           {"move", "甲", "interested", "--on", "2024-02-10"},
                           {"edit", "甲", "--probability", "60"},
                           {"add", "乙", "-s", "education", "--on", "2024-01-05", "--next-action", "签约",
                            "--next-action-on", "2024-03-01"},
                           {"move", "乙", "contacted", "--on", "2024-01-25"},
                           {"convert", "乙", "--joined", "2024-03-01"},
                           {"add", "丙", "-s", "other", "--on", "2024-02-01", "--probability", "30"},
                           {"drop", "丙", "--reason", "预算不足", "--on", "2024-02-15"},
                           {"add", "丁", "-s", "healthcare", "-s", "education", "--stage", "contacted", "--on",
                            "2024-03-01", "--next-action", "拜访", "--next-action-on", "2024-03-20"},
                           {"add", "戊", "-s", "telecom", "--on", "2024-03-10", "--next-action", "电话",
                            "--next-action-on", "2024-03-20"},
                           {"add", "己", "-s", "other", "--on", "2024-04-05", "--next-action", "电话",
                            "--next-action-on", "2024-03-01"},
                           {"add", "庚", "-s", "healthcare", "--on", "2024-01-15"},
                           {"move", "庚", "contacted", "--on", "2024-02-14"},
                           {"move", "庚", "interested", "--on", "2024-04-10"},
                           {"edit", "庚", "--probability", "80"}}) {
      Args full = {"prospect"};
      full.insert(full.end(), args.begin(), args.end());
      full.insert(full.end(), {"--as-of", kBuiltOn, "-q"});
      auto r = roster(full);
      if (r.code != 0) throw std::runtime_error(args[0] + " " + args[1] + ": " + r.err);
    }
  }
  RunResult on(const std::string& date, std::vector<std::string> args, const Env& env = {}) const {
    args.insert(args.end(), {"--as-of", date});
    return roster(std::move(args), "", env);
  }
  json json_of(const std::string& date, std::vector<std::string> args) const {
    args.insert(args.end(), {"-f", "json"});
    auto r = on(date, std::move(args));
    REQUIRE(r.code == 0);
    return json::parse(r.out);
  }
};

json stage(const std::string& code, int probability, bool closed, int count, double weighted, json median, int entered,
           int advanced, json rate, const std::string& name_en, const std::string& name_zh) {
  return {{"code", code},       {"name_en", name_en},   {"name_zh", name_zh},   {"probability", probability},
          {"closed", closed},   {"count", count},       {"weighted", weighted}, {"median_days", median},
          {"entered", entered}, {"advanced", advanced}, {"advance_rate", rate}};
}

json key_sector(const std::string& code, const std::string& en, const std::string& zh, int open, double weighted) {
  return {{"code", code}, {"name_en", en}, {"name_zh", zh}, {"open", open}, {"weighted", weighted}};
}

json due(int id, const std::string& name, const std::string& action, const std::string& date, int days) {
  return {{"id", id},
          {"name", name},
          {"owner", ""},
          {"next_action", action},
          {"next_action_date", date},
          {"overdue_days", days}};
}

}  // namespace

TEST_CASE("pipeline -f json gives the worked example's figures exactly", "[pipeline]") {
  WorkedExample fx;
  json expected = {
      {"as_of", kAsOf},
      {"stages",
       {stage("lead", 10, false, 1, 0.1, 17, 5, 3, 0.6, "lead", "线索"),
        stage("contacted", 25, false, 2, 0.5, 32.5, 4, 2, 0.5, "contacted", "已接洽"),
        stage("interested", 50, false, 1, 0.6, nullptr, 1, 0, 0.0, "interested", "有意向"),
        stage("applied", 75, false, 0, 0.0, nullptr, 0, 0, nullptr, "applied", "已提交申请"),
        stage("approving", 90, false, 0, 0.0, nullptr, 0, 0, nullptr, "approving", "待理事会审批"),
        stage("joined", 100, true, 1, 1.0, nullptr, 1, 0, nullptr, "joined", "已入会"),
        stage("dropped", 0, true, 1, 0.0, nullptr, 1, 0, nullptr, "dropped", "已放弃")}},
      {"expected_joins", 1.2},
      {"open_prospects", 4},
      {"closed", 2},
      {"joined", 1},
      {"conversion_rate", 0.5},
      {"key_sectors",
       {key_sector("healthcare", "Healthcare", "医疗健康", 3, 1.1),
        key_sector("e-commerce", "E-commerce", "电子商务", 0, 0.0),
        key_sector("education", "Education", "教育", 1, 0.25), key_sector("tourism", "Tourism", "文化旅游", 0, 0.0),
        key_sector("entertainment", "Entertainment", "文化娱乐", 0, 0.0)}},
      {"due",
       {due(4, "丁", "拜访", "2024-03-20", 11), due(5, "戊", "电话", "2024-03-20", 11),
        due(1, "甲", "回访", "2024-03-31", 0)}},
      {"overdue", true}};
  json got = fx.json_of(kAsOf, {"pipeline"});
  CHECK(got == expected);
  // The json is the same in both languages; the table is not.
  CHECK(fx.on(kAsOf, {"pipeline", "-f", "json", "--lang", "zh"}).out == fx.on(kAsOf, {"pipeline", "-f", "json"}).out);
  auto zh = fx.on(kAsOf, {"pipeline", "-f", "table", "--lang", "zh"});
  CHECK(zh.out.find("待理事会审批") != std::string::npos);
}

TEST_CASE("pipeline tsv, csv, jsonl and markdown carry the same stages as its json", "[pipeline]") {
  WorkedExample fx;
  json stages = fx.json_of(kAsOf, {"pipeline"})["stages"];
  auto jsonl = lines_of(fx.on(kAsOf, {"pipeline", "-f", "jsonl"}).out);
  REQUIRE(jsonl.size() == stages.size());
  for (size_t i = 0; i < jsonl.size(); ++i) CHECK(json::parse(jsonl[i]) == stages[i]);
  const std::string header =
      "code,name_en,name_zh,probability,closed,count,weighted,median_days,entered,advanced,"
      "advance_rate";
  auto csv = lines_of(fx.on(kAsOf, {"pipeline", "-f", "csv"}).out);
  for (auto& line : csv) {
    REQUIRE(line.ends_with('\r'));  // CSV lines end in CRLF, as RFC 4180 has it
    line.pop_back();
  }
  REQUIRE(csv.size() == 8);
  CHECK(csv[0] == header);
  CHECK(csv[1] == "lead,lead,线索,10,0,1,0.10,17.00,5,3,0.60");
  CHECK(csv[2] == "contacted,contacted,已接洽,25,0,2,0.50,32.50,4,2,0.50");
  CHECK(csv[6] == "joined,joined,已入会,100,1,1,1.00,,1,0,");
  auto tsv = lines_of(fx.on(kAsOf, {"pipeline", "-f", "tsv"}).out);
  REQUIRE(tsv.size() == 8);
  for (size_t i = 0; i < tsv.size(); ++i) {
    std::string as_csv = tsv[i];
    std::replace(as_csv.begin(), as_csv.end(), '\t', ',');
    CHECK(as_csv == csv[i]);
  }
  auto markdown = fx.on(kAsOf, {"pipeline", "-f", "markdown"});
  CHECK(markdown.code == 0);
  CHECK(markdown.out.find("| contacted | 25% | 2 | 0.50 | 32.5 |") != std::string::npos);
  // Formats it has no use for are usage errors, as everywhere.
  auto html = fx.on(kAsOf, {"pipeline", "-f", "html"});
  CHECK(html.code == 2);
  CHECK(html.out.empty());
}

TEST_CASE("pipeline --due lists the follow-ups due by the date, --check exits 3 only when one is overdue",
          "[pipeline]") {
  WorkedExample fx;
  // Nothing due yet: 乙's date has passed, but 乙 has joined.
  auto early = fx.on("2024-03-19", {"pipeline", "--due", "--check", "-f", "csv"});
  CHECK(early.code == 0);
  CHECK(early.out == "id,name,owner,next_action,next_action_date,overdue_days\r\n");
  // Due today is due, not overdue.
  auto today = fx.on("2024-03-20", {"pipeline", "--due", "--check", "-f", "tsv"});
  CHECK(today.code == 0);
  CHECK(lines_of(today.out) == std::vector<std::string>{"id\tname\towner\tnext_action\tnext_action_date\toverdue_days",
                                                        "4\t丁\t\t拜访\t2024-03-20\t0",
                                                        "5\t戊\t\t电话\t2024-03-20\t0"});
  // A day later both are overdue: exit 3, the list written in full first.
  auto late = fx.on("2024-03-21", {"pipeline", "--due", "--check", "-f", "jsonl"});
  CHECK(late.code == 3);
  auto rows = lines_of(late.out);
  REQUIRE(rows.size() == 2);
  CHECK(json::parse(rows[0]) == due(4, "丁", "拜访", "2024-03-20", 1));
  // 己 was added after the date, so its earlier next action is not due.
  json all = fx.json_of(kAsOf, {"pipeline", "--due"});
  CHECK(all.size() == 3);
  CHECK(all[2] == due(1, "甲", "回访", "2024-03-31", 0));
  CHECK(fx.on(kAsOf, {"pipeline", "--check", "-q", "-f", "json"}).code == 3);
  // Without --check an overdue follow-up is not a failure.
  CHECK(fx.on(kAsOf, {"pipeline", "--due"}).code == 0);
  // Once 己 exists its follow-up is overdue by 34 days.
  CHECK(fx.json_of("2024-04-04", {"pipeline", "--due"}).size() == 3);
  CHECK(fx.json_of("2024-04-05", {"pipeline", "--due"})[0] == due(6, "己", "电话", "2024-03-01", 35));
}

TEST_CASE("the report's pipeline section names the period's new prospects, moves, conversions and follow-ups",
          "[pipeline][report]") {
  WorkedExample fx;
  json report = fx.json_of(kBuiltOn, {"report", "--month", "2024-03"});
  json expected = {
      {"new_prospects", {{{"id", 4}, {"name", "丁"}}, {{"id", 5}, {"name", "戊"}}}},
      {"moves", {{{"id", 2}, {"name", "乙"}, {"from", "contacted"}, {"to", "joined"}, {"on", "2024-03-01"}}}},
      {"conversions", {{{"id", 2}, {"name", "乙"}}}},
      {"due", 3},
      {"overdue", 2}};
  CHECK(report["pipeline"] == expected);
  // The forecast in the report matches progress on the period's last day.
  json progress = fx.json_of(kAsOf, {"progress"});
  CHECK(report["pipeline_expected"] == progress["pipeline_expected"]);
  CHECK(report["chance_by_deadline"] == progress["chance_by_deadline"]);
  auto text = fx.on(kBuiltOn, {"report", "--month", "2024-03", "-f", "text"});
  for (const std::string line : {"Pipeline\n", "  2 new prospects\n", "  1 stage move\n", "  1 conversion: 乙\n",
                                 "  3 follow-ups due (2 overdue)\n"}) {
    INFO(line);
    CHECK(text.out.find(line) != std::string::npos);
  }
}

TEST_CASE("sectors shows each key sector's open prospects beside its members", "[pipeline][sectors]") {
  WorkedExample fx;
  json sectors = fx.json_of(kAsOf, {"sectors", "--key-only"});
  std::map<std::string, std::pair<json, json>> prospects;
  for (const auto& s : sectors["sectors"]) prospects[s["code"]] = {s["prospects"], s["prospects_weighted"]};
  CHECK(prospects["healthcare"] == std::pair<json, json>{3, 1.1});
  CHECK(prospects["education"] == std::pair<json, json>{1, 0.25});
  CHECK(prospects["tourism"] == std::pair<json, json>{0, 0.0});
  auto tsv = fx.on(kAsOf, {"sectors", "--key-only", "-f", "tsv"});
  CHECK(lines_of(tsv.out)[0].ends_with("\tprospects\tprospects_weighted"));
}

TEST_CASE("progress counts the open prospects' chances toward the deadline", "[pipeline][progress]") {
  WorkedExample fx;
  REQUIRE(fx.roster({"goal", "set", "--target", "3", "-q"}).code == 0);
  json with = fx.json_of(kBuiltOn, {"progress"});
  CHECK(with["open_prospects"] == 5);
  CHECK(with["pipeline_expected"] == 0.6 + 0.25 + 0.1 + 0.1 + 0.8);
  // Dropping every open prospect takes exactly their expected joins away,
  // and the chance of reaching the target falls.
  for (const std::string ref : {"甲", "丁", "戊", "己", "庚"}) {
    REQUIRE(fx.on(kBuiltOn, {"prospect", "drop", ref, "--reason", "不再跟进", "-q"}).code == 0);
  }
  json without = fx.json_of(kBuiltOn, {"progress"});
  CHECK(without["open_prospects"] == 0);
  CHECK(without["pipeline_expected"] == 0.0);
  CHECK(with["expected_on_deadline"].get<double>() - without["expected_on_deadline"].get<double>() ==
        Approx(1.85).margin(0.011));
  CHECK(with["chance_by_deadline"].get<double>() > without["chance_by_deadline"].get<double>());
  CHECK(with["active"] == without["active"]);
}
