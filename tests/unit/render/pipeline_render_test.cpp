#include "roster/pipeline_render.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "roster/error.h"
#include "roster/i18n.h"

using Catch::Matchers::Contains;
using roster::Date;
using roster::Format;
using roster::PipelineReport;

namespace {

Date ymd(int y, int m, int d) {
  return Date::from_ymd(y, m, d);
}

// A small pipeline as of 2024-03-31: two leads, one interested at its own
// 60 %, one joined; one key sector; one follow-up overdue, one due today.
PipelineReport report() {
  PipelineReport r;
  r.as_of = ymd(2024, 3, 31);
  r.stages = {{{"lead", "lead", "线索", 10, 1, false}, 2, 0.2, 3, 1, 0.33, 17},
              {{"interested", "interested", "有意向", 50, 3, false}, 1, 0.6, 1, 0, 0.0, 32.5},
              {{"joined", "joined", "已入会", 100, 6, true}, 1, 1.0, 1, 0, std::nullopt, std::nullopt}};
  r.key_sectors = {{{"healthcare", "Healthcare", "医疗健康", true, 20}, 2, 0.7}};
  r.open_prospects = 3;
  r.expected_joins = 0.8;
  r.open_probabilities = {0.1, 0.1, 0.6};
  r.closed = 1;
  r.joined = 1;
  r.conversion_rate = 1.0;
  r.due = {{4, "丁", "Li", "call", ymd(2024, 3, 20), 11}, {1, "甲", "Wang", "visit", ymd(2024, 3, 31), 0}};
  r.overdue = true;
  return r;
}

std::string render(const PipelineReport& r, Format format, roster::RenderOptions options = {}) {
  std::ostringstream out;
  roster::render_pipeline(r, format, out, options);
  return out.str();
}

std::string render_due(const PipelineReport& r, Format format) {
  std::ostringstream out;
  roster::render_pipeline_due(r, format, out, {});
  return out.str();
}

// Chinese for one test, English again after it (every other test expects English).
struct InChinese {
  InChinese() { roster::set_language(roster::Language::zh, ROSTER_CATALOG_DIR); }
  ~InChinese() { roster::set_language(roster::Language::en, ROSTER_CATALOG_DIR); }
};

}  // namespace

TEST_CASE("render_pipeline writes the whole report as one JSON document", "[render][pipeline]") {
  CHECK(render(report(), Format::json) == R"({
  "as_of": "2024-03-31",
  "stages": [
    {
      "code": "lead",
      "name_en": "lead",
      "name_zh": "线索",
      "probability": 10,
      "closed": false,
      "count": 2,
      "weighted": 0.2,
      "median_days": 17.0,
      "entered": 3,
      "advanced": 1,
      "advance_rate": 0.33
    },
    {
      "code": "interested",
      "name_en": "interested",
      "name_zh": "有意向",
      "probability": 50,
      "closed": false,
      "count": 1,
      "weighted": 0.6,
      "median_days": 32.5,
      "entered": 1,
      "advanced": 0,
      "advance_rate": 0.0
    },
    {
      "code": "joined",
      "name_en": "joined",
      "name_zh": "已入会",
      "probability": 100,
      "closed": true,
      "count": 1,
      "weighted": 1.0,
      "median_days": null,
      "entered": 1,
      "advanced": 0,
      "advance_rate": null
    }
  ],
  "expected_joins": 0.8,
  "open_prospects": 3,
  "closed": 1,
  "joined": 1,
  "conversion_rate": 1.0,
  "key_sectors": [
    {
      "code": "healthcare",
      "name_en": "Healthcare",
      "name_zh": "医疗健康",
      "open": 2,
      "weighted": 0.7
    }
  ],
  "due": [
    {
      "id": 4,
      "name": "丁",
      "owner": "Li",
      "next_action": "call",
      "next_action_date": "2024-03-20",
      "overdue_days": 11
    },
    {
      "id": 1,
      "name": "甲",
      "owner": "Wang",
      "next_action": "visit",
      "next_action_date": "2024-03-31",
      "overdue_days": 0
    }
  ],
  "overdue": true
}
)");
  PipelineReport none = report();
  none.conversion_rate.reset();
  CHECK_THAT(render(none, Format::json), Contains("\"conversion_rate\": null,"));
}

TEST_CASE("render_pipeline writes one row per stage in tsv, csv and jsonl", "[render][pipeline]") {
  CHECK(render(report(), Format::tsv) ==
        "code\tname_en\tname_zh\tprobability\tclosed\tcount\tweighted\tmedian_days\tentered\tadvanced\tadvance_rate\n"
        "lead\tlead\t线索\t10\t0\t2\t0.20\t17.00\t3\t1\t0.33\n"
        "interested\tinterested\t有意向\t50\t0\t1\t0.60\t32.50\t1\t0\t0.00\n"
        "joined\tjoined\t已入会\t100\t1\t1\t1.00\t\t1\t0\t\n");
  CHECK(render(report(), Format::csv)
            .starts_with(
                "code,name_en,name_zh,probability,closed,count,weighted,median_days,entered,advanced,advance_rate\r\n"
                "lead,lead,线索,10,0,2,0.20,17.00,3,1,0.33\r\n"));
  std::string jsonl = render(report(), Format::jsonl);
  CHECK(jsonl.starts_with(
      "{\"code\":\"lead\",\"name_en\":\"lead\",\"name_zh\":\"线索\",\"probability\":10,\"closed\":false,\"count\":2,"
      "\"weighted\":0.2,\"median_days\":17.0,\"entered\":3,\"advanced\":1,\"advance_rate\":0.33}\n"));
  CHECK(std::count(jsonl.begin(), jsonl.end(), '\n') == 3);
}

TEST_CASE("render_pipeline writes a table for people in English", "[render][pipeline]") {
  CHECK(render(report(), Format::table) ==
        "Pipeline as of 2024-03-31\n"
        "\n"
        "STAGE       PROBABILITY  PROSPECTS  WEIGHTED  MEDIAN DAYS\n"
        "lead                10%          2      0.20           17\n"
        "interested          50%          1      0.60         32.5\n"
        "joined             100%          1      1.00\n"
        "\n"
        "KEY SECTOR  OPEN  WEIGHTED\n"
        "Healthcare     2      0.70\n"
        "\n"
        "expected joins 0.80 from 3 open prospects; 2 follow-ups due (1 overdue)\n"
        "conversion rate 100% (1 of 1 closed prospect joined)\n");
  PipelineReport quiet = report();
  quiet.key_sectors.clear();
  quiet.due.clear();
  quiet.closed = 0;
  quiet.joined = 0;
  quiet.conversion_rate.reset();
  quiet.open_prospects = 1;
  CHECK_THAT(render(quiet, Format::table), Contains("joined             100%          1      1.00\n\n"
                                                    "expected joins 0.80 from 1 open prospect; no follow-ups due\n"
                                                    "conversion rate: no prospect has closed yet\n"));
}

TEST_CASE("render_pipeline writes markdown tables", "[render][pipeline]") {
  CHECK(render(report(), Format::markdown) ==
        "## Pipeline (2024-03-31)\n"
        "\n"
        "| stage | probability | prospects | weighted | median days |\n"
        "| --- | ---: | ---: | ---: | ---: |\n"
        "| lead | 10% | 2 | 0.20 | 17 |\n"
        "| interested | 50% | 1 | 0.60 | 32.5 |\n"
        "| joined | 100% | 1 | 1.00 |  |\n"
        "\n"
        "| key sector | open | weighted |\n"
        "| --- | ---: | ---: |\n"
        "| Healthcare | 2 | 0.70 |\n"
        "\n"
        "expected joins 0.80 from 3 open prospects; 2 follow-ups due (1 overdue)\n"
        "\n"
        "conversion rate 100% (1 of 1 closed prospect joined)\n");
}

TEST_CASE("render_pipeline shows stages by their Chinese names in Chinese", "[render][pipeline]") {
  std::string english = render(report(), Format::table);
  std::string chinese;
  std::string tsv;
  {
    InChinese zh;
    chinese = render(report(), Format::table);
    tsv = render(report(), Format::tsv);
    CHECK(roster::stage_label(report().stages[0].stage) == "线索");
  }
  CHECK(chinese != english);
  CHECK_THAT(chinese, Contains("意向单位情况（截至2024年3月31日）"));
  CHECK_THAT(chinese, Contains("阶段"));
  CHECK_THAT(chinese, Contains("线索"));
  CHECK_THAT(chinese, Contains("已入会"));
  CHECK_THAT(chinese, Contains("医疗健康"));
  CHECK_THAT(chinese, Contains("预计入会0.80家（跟进中的意向单位3家）；2项跟进事项到期（1项已逾期）"));
  CHECK_THAT(chinese, Contains("转化率100%（已结束的1家意向单位中1家入会）"));
  CHECK(tsv == render(report(), Format::tsv));  // data is never translated
  CHECK(roster::stage_label(report().stages[0].stage) == "lead");
}

TEST_CASE("render_pipeline_due writes one row per due follow-up", "[render][pipeline]") {
  CHECK(render_due(report(), Format::tsv) ==
        "id\tname\towner\tnext_action\tnext_action_date\toverdue_days\n"
        "4\t丁\tLi\tcall\t2024-03-20\t11\n"
        "1\t甲\tWang\tvisit\t2024-03-31\t0\n");
  CHECK(render_due(report(), Format::json) ==
        "[\n"
        "  {\"id\":4,\"name\":\"丁\",\"owner\":\"Li\",\"next_action\":\"call\",\"next_action_date\":\"2024-03-20\","
        "\"overdue_days\":11},\n"
        "  {\"id\":1,\"name\":\"甲\",\"owner\":\"Wang\",\"next_action\":\"visit\",\"next_action_date\":\"2024-03-31\","
        "\"overdue_days\":0}\n"
        "]\n");
  CHECK(render_due(report(), Format::jsonl).starts_with("{\"id\":4,"));
  CHECK(render_due(report(), Format::table) ==
        "ID  NAME  OWNER  NEXT ACTION  DUE         OVERDUE\n"
        " 4  丁    Li     call         2024-03-20  11 days\n"
        " 1  甲    Wang   visit        2024-03-31  due today\n"
        "\n"
        "2 follow-ups due (1 overdue)\n");
  CHECK_THAT(render_due(report(), Format::markdown), Contains("| 4 | 丁 | Li | call | 2024-03-20 | 11 days |\n"));
  PipelineReport none = report();
  none.due.clear();
  CHECK(render_due(none, Format::table) == "no follow-ups due\n");
  CHECK(render_due(none, Format::json) == "[]\n");
  CHECK(render_due(none, Format::tsv) == "id\tname\towner\tnext_action\tnext_action_date\toverdue_days\n");
}

TEST_CASE("render_pipeline refuses a format it does not write", "[render][pipeline]") {
  CHECK_THROWS_AS(render(report(), Format::html), roster::Error);
  CHECK_THROWS_AS(render_due(report(), Format::chat), roster::Error);
}

TEST_CASE("pipeline_report_lines words a period's events", "[render][pipeline]") {
  roster::PipelinePeriod period;
  period.new_prospects = {{4, "丁"}, {5, "戊"}};
  period.moves = {{2, "乙", "contacted", "joined", ymd(2024, 3, 1)},
                  {3, "丙", "lead", "joined", ymd(2024, 3, 2)},
                  {7, "庚", "lead", "contacted", ymd(2024, 3, 3)}};
  period.conversions = {{2, "乙"}, {3, "丙"}};
  period.due = 3;
  period.overdue = 2;
  CHECK(roster::pipeline_report_lines(period) == std::vector<std::string>{"2 new prospects", "3 stage moves",
                                                                          "2 conversions: 乙, 丙",
                                                                          "3 follow-ups due (2 overdue)"});
  {
    InChinese zh;
    CHECK(roster::pipeline_report_lines(period) == std::vector<std::string>{"新增意向单位2家", "阶段变动3次",
                                                                            "2家意向单位入会：乙，丙",
                                                                            "3项跟进事项到期（2项已逾期）"});
  }
  roster::PipelinePeriod quiet;
  quiet.new_prospects = {{4, "丁"}};
  quiet.moves = {{4, "丁", "lead", "contacted", ymd(2024, 3, 1)}};
  quiet.due = 1;
  CHECK(roster::pipeline_report_lines(quiet) ==
        std::vector<std::string>{"1 new prospect", "1 stage move", "no conversions", "1 follow-up due"});
}
