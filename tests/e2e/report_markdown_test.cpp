// roster report -f markdown read by a standard parser: Python-Markdown with its
// "tables" extension turns every table into <table>, and the cells hold
// exactly the report's figures and names (escaping included).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "harness.h"

using namespace roster::test;
using json = nlohmann::json;

namespace {

using Rows = std::vector<std::vector<std::string>>;

constexpr char kPipeStar[] = "A|B*C 科技有限公司";

// Markdown on stdin; prints every <table> as a JSON list of rows of cell texts.
constexpr const char* kTablesScript = R"PY(
import html.parser, json, sys
import markdown

class Tables(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self.cell = [], None
    def handle_starttag(self, tag, attrs):
        if tag == "table": self.tables.append([])
        elif tag == "tr": self.tables[-1].append([])
        elif tag in ("th", "td"): self.cell = ""
    def handle_endtag(self, tag):
        if tag in ("th", "td"):
            self.tables[-1][-1].append(self.cell.strip())
            self.cell = None
    def handle_data(self, data):
        if self.cell is not None: self.cell += data

parser = Tables()
parser.feed(markdown.markdown(sys.stdin.buffer.read().decode("utf-8"), extensions=["tables"]))
print(json.dumps(parser.tables))
)PY";

// Goal: 30 members from 2024-01-01 to 2024-12-31; healthcare's target 6.
// Week 2024-W14 (2024-04-01 to 04-07): 湖州 (healthcare), kPipeStar (finance)
// and 金华 (manufacturing) join; 舟山 (media) and 嘉兴 (healthcare) leave.
// Active on 03-31: 杭州 宁波 舟山 温州 嘉兴 = 5; on 04-07: 5 + 3 - 2 = 6 of
// 30 = 20.0%, net +1. Healthcare: 宁波 温州 湖州 = 3 (50.0% of 6), one join
// and one departure, change 0.
struct MarkdownDb {
  TempDir dir;
  std::string db = dir.file("roster.db");

  MarkdownDb() {
    must({"init", "--association", "杭州市数字产业联合会", "--target", "30", "--start", "2024-01-01", "--deadline",
          "2024-12-31"});
    must({"sectors", "edit", "healthcare", "--target", "6"});
    add("杭州星云数字科技有限公司", "technology", "2023-12-01", "杭州");
    add("宁波海港医疗器械有限公司", "healthcare", "2024-01-10", "宁波");
    add("舟山海洋数字内容有限公司", "media", "2024-02-01", "舟山");
    add("温州仁心医院管理有限公司", "healthcare", "2024-02-14", "温州");
    add("嘉兴南湖医疗健康有限公司", "healthcare", "2024-03-01", "嘉兴");
    add("湖州太湖医药健康有限公司", "healthcare", "2024-04-02", "湖州");
    add(kPipeStar, "finance", "2024-04-04", "台州");
    add("金华智能制造有限公司", "manufacturing", "2024-04-06", "金华");
    must({"remove-member", "舟山海洋数字内容有限公司", "--left", "2024-04-03", "--reason", "未续费 did not renew"});
    must({"remove-member", "嘉兴南湖医疗健康有限公司", "--left", "2024-04-05", "--reason",
          "merged into 宁波海港医疗器械有限公司"});
  }

  void must(std::vector<std::string> args) const {
    args.insert(args.end(), {"--db", db, "-q"});
    auto r = run_roster(args);
    INFO("roster " << args[0] << ": " << r.err);
    REQUIRE(r.code == 0);
  }

  void add(const std::string& name, const std::string& sector, const std::string& joined,
           const std::string& city) const {
    must({"add-member", name, "--sector", sector, "--joined", joined, "--city", city});
  }

  // The tables of `report --week 2024-W14 -f markdown`, as Python-Markdown parses them.
  std::vector<Rows> tables() const {
    auto md = run_roster({"report", "--week", "2024-W14", "--as-of", "2024-05-06", "-f", "markdown", "--db", db});
    INFO(md.err);
    REQUIRE(md.code == 0);
    auto py = run_program({"/usr/bin/python3", "-c", kTablesScript}, md.out);
    if (py.code != 0) {
      FAIL(
          "/usr/bin/python3 could not parse the markdown; it needs the Debian package python3-markdown "
          "(scripts/install-deps.sh --test): "
          << py.err);
    }
    INFO(md.out);
    return json::parse(py.out).get<std::vector<Rows>>();
  }
};

// The table whose header row is `header` (empty rows if there is none).
Rows table_headed(const std::vector<Rows>& tables, const std::vector<std::string>& header) {
  for (const auto& t : tables) {
    if (!t.empty() && t.front() == header) return t;
  }
  return {};
}

}  // namespace

TEST_CASE("report -f markdown parses into figure, joined, left and sector tables with the expected cells",
          "[report][markdown]") {
  MarkdownDb fx;
  auto tables = fx.tables();
  CHECK(tables.size() == 5);  // figures, joined, left, sectors, members over time

  Rows figures = table_headed(tables, {"figure", "value"});
  REQUIRE(figures.size() == 10);  // while the goal runs, the last row is the forecast
  CHECK(figures[1] == std::vector<std::string>{"members", "6 of 30 members (20.0%)"});
  CHECK(figures[2] == std::vector<std::string>{"change", "+1 since 2024-03-31 (5)"});
  CHECK(figures[3] == std::vector<std::string>{"joined", "3"});
  CHECK(figures[4] == std::vector<std::string>{"left", "2"});
  CHECK(figures[5] == std::vector<std::string>{"net", "+1"});
  CHECK(figures[9][0] == "forecast");

  CHECK(table_headed(tables, {"joined", "name", "sectors", "tier", "city"}) ==
        Rows{{"joined", "name", "sectors", "tier", "city"},
             {"2024-04-02", "湖州太湖医药健康有限公司", "Healthcare", "member", "湖州"},
             {"2024-04-04", kPipeStar, "Finance", "member", "台州"},
             {"2024-04-06", "金华智能制造有限公司", "Manufacturing", "member", "金华"}});
  CHECK(table_headed(tables, {"left", "name", "sectors", "tier", "city", "reason"}) ==
        Rows{{"left", "name", "sectors", "tier", "city", "reason"},
             {"2024-04-03", "舟山海洋数字内容有限公司", "Media and content", "member", "舟山", "未续费 did not renew"},
             {"2024-04-05", "嘉兴南湖医疗健康有限公司", "Healthcare", "member", "嘉兴",
              "merged into 宁波海港医疗器械有限公司"}});

  // One row per sector in the registry (11); key sectors marked " *".
  Rows sectors = table_headed(tables, {"sector", "members", "change", "target", "share"});
  REQUIRE(sectors.size() == 12);
  auto row = [&](const std::string& sector) {
    for (const auto& r : sectors) {
      if (r.front() == sector) return r;
    }
    return std::vector<std::string>{};
  };
  CHECK(row("Healthcare *") == std::vector<std::string>{"Healthcare *", "3", "0", "6", "50.0%"});
  CHECK(row("Finance") == std::vector<std::string>{"Finance", "1", "+1", "", "16.7%"});
  CHECK(row("Manufacturing") == std::vector<std::string>{"Manufacturing", "1", "+1", "", "16.7%"});
  CHECK(row("Media and content") == std::vector<std::string>{"Media and content", "0", "-1", "", "0.0%"});
  CHECK(row("Technology services") == std::vector<std::string>{"Technology services", "1", "0", "", "16.7%"});
  CHECK(row("E-commerce *") == std::vector<std::string>{"E-commerce *", "0", "0", "", "0.0%"});

  // The last 13 weeks (2024-W02..W14); the road on 2024-04-07 is
  // 1 + (30 − 1) × 97/365 = 8.71 (baseline 1: only 杭州 was active on 01-01),
  // shown as the 9 whole members the plan asks for.
  Rows chart = table_headed(tables, {"week", "members", "plan"});
  REQUIRE(chart.size() == 14);
  CHECK(chart[1][0] == "2024-W02");
  CHECK(chart.back() == std::vector<std::string>{"2024-W14", "6", "9"});
}

TEST_CASE("report -f markdown keeps a member name with | and * whole in one table cell", "[report][markdown]") {
  MarkdownDb fx;
  auto tables = fx.tables();
  Rows joined = table_headed(tables, {"joined", "name", "sectors", "tier", "city"});
  REQUIRE(joined.size() == 4);
  for (const auto& r : joined) CHECK(r.size() == 5);  // the '|' did not split a cell
  CHECK(joined[2][1] == kPipeStar);                   // and the '*' started no emphasis
  CHECK(joined[2][2] == "Finance");
  // Every table is rectangular: each row as wide as its header.
  for (const auto& t : tables) {
    for (const auto& r : t) CHECK(r.size() == t.front().size());
  }
}
