// The recruitment pipeline's rules: stages, a prospect's fields, moves.
#include "roster/prospect_rules.h"

#include <catch2/catch.hpp>

using Catch::Contains;
using roster::Date;
using roster::FieldProblem;
using roster::Prospect;
using roster::ProspectDraft;
using roster::Stage;

namespace {

const Date kAsOf = Date::from_ymd(2024, 6, 30);

Date d(int y, int m, int day) {
  return Date::from_ymd(y, m, day);
}

const roster::SectorRegistry& seed_registry() {
  static const roster::SectorRegistry registry(roster::parse_sectors_csv(roster::seed_sectors_csv()));
  return registry;
}

const std::vector<Stage>& seed_stages() {
  static const std::vector<Stage> stages = roster::parse_stages_csv(roster::seed_stages_csv());
  return stages;
}

ProspectDraft good_draft() {
  ProspectDraft draft;
  draft.name = "杭州某某科技有限公司";
  draft.sectors = {"education"};
  return draft;
}

std::vector<FieldProblem> check(const ProspectDraft& draft, Prospect* out = nullptr) {
  return roster::check_new_prospect(draft, seed_registry(), seed_stages(), kAsOf, out);
}

// A prospect added on 2024-03-01 and moved to interested on 2024-04-01.
Prospect on_the_road() {
  Prospect p;
  p.id = 7;
  p.name = "杭州某某科技有限公司";
  p.stage = "interested";
  p.moves = {{"lead", d(2024, 3, 1)}, {"interested", d(2024, 4, 1)}};
  return p;
}

}  // namespace

TEST_CASE("the seeded stages are data/stages.csv in road order", "[prospect]") {
  const auto& stages = seed_stages();
  REQUIRE(stages.size() == 7);
  CHECK(stages[0].code == "lead");
  CHECK(stages[0].name_zh == "线索");
  CHECK(stages[0].probability == 10);
  CHECK(stages[4].code == "approving");
  CHECK(stages[4].name_zh == "待理事会审批");
  CHECK(stages[4].probability == 90);
  CHECK(stages[5].code == "joined");
  CHECK(stages[5].closed);
  CHECK(stages[6].probability == 0);
  CHECK_FALSE(stages[3].closed);
  for (size_t i = 0; i < stages.size(); ++i) CHECK(stages[i].position == static_cast<int>(i));
}

TEST_CASE("a stage is found by its code or either name", "[prospect]") {
  CHECK(roster::find_stage(seed_stages(), "Interested")->code == "interested");
  CHECK(roster::find_stage(seed_stages(), "已提交申请")->code == "applied");
  CHECK(roster::find_stage(seed_stages(), "won") == nullptr);
  CHECK(roster::unknown_stage_message("won", seed_stages()) ==
        "unknown stage 'won'; use one of lead, contacted, interested, applied, approving, joined, dropped");
}

TEST_CASE("a probability is a whole percent from 0 to 100, with or without %", "[prospect]") {
  CHECK(roster::parse_probability("35") == 35);
  CHECK(roster::parse_probability("35%") == 35);
  CHECK(roster::parse_probability(" 35 % ") == 35);
  CHECK(roster::parse_probability("３５％") == 35);
  CHECK(roster::parse_probability("0") == 0);
  CHECK(roster::parse_probability("100") == 100);
  CHECK_FALSE(roster::parse_probability("101"));
  CHECK_FALSE(roster::parse_probability("-5"));
  CHECK_FALSE(roster::parse_probability("3.5"));
  CHECK_FALSE(roster::parse_probability("%"));
  CHECK_FALSE(roster::parse_probability("abc"));
}

TEST_CASE("a new prospect gets the defaults: lead, the date of the command, the stage's probability", "[prospect]") {
  Prospect p;
  REQUIRE(check(good_draft(), &p).empty());
  CHECK(p.stage == "lead");
  CHECK(p.added_on == kAsOf);
  CHECK_FALSE(p.probability);
  CHECK(p.tier == roster::Tier::member);
  REQUIRE(p.moves.size() == 1);
  CHECK(p.moves[0].stage == "lead");
  CHECK(p.moves[0].on == kAsOf);
}

TEST_CASE("a new prospect's fields are read as typed", "[prospect]") {
  ProspectDraft draft = good_draft();
  draft.sectors = {"医疗、文旅"};
  draft.uscc = "91330106ma2h3k5x19";
  draft.tier = "理事单位";
  draft.stage = "有意向";
  draft.probability = "35%";
  draft.next_action_on = "2024年7月15日";  // after as_of: a plan
  draft.added_on = "2024/3/15";
  Prospect p;
  REQUIRE(check(draft, &p).empty());
  CHECK(p.sectors == std::vector<std::string>{"healthcare", "tourism"});
  CHECK(p.uscc == "91330106MA2H3K5X19");
  CHECK(p.tier == roster::Tier::council);
  CHECK(p.stage == "interested");
  CHECK(p.probability == 35);
  CHECK(p.next_action_on == d(2024, 7, 15));
  CHECK(p.added_on == d(2024, 3, 15));
}

TEST_CASE("a new prospect's bad fields are refused, each named", "[prospect]") {
  auto first = [](ProspectDraft draft) {
    auto problems = check(draft);
    REQUIRE_FALSE(problems.empty());
    return problems.front();
  };
  ProspectDraft draft = good_draft();
  draft.name = "  ";
  CHECK(first(draft).reason == "name is empty; give the company's legal name");
  draft = good_draft();
  draft.uscc = "91330106MA2H3K5X18";
  CHECK(first(draft).field == "uscc");
  draft = good_draft();
  draft.sectors = {};
  CHECK(first(draft).reason ==
        "no sector given; every prospect needs at least one (--sector, or the sectors column of a file)");
  draft = good_draft();
  draft.sectors = {"nowhere"};
  CHECK_THAT(first(draft).reason, Contains("unknown sector 'nowhere'"));
  draft = good_draft();
  draft.tier = "boss";
  CHECK(first(draft).field == "tier");
  draft = good_draft();
  draft.probability = "150%";
  CHECK(first(draft).reason == "probability '150%' is not a whole percent from 0 to 100; give e.g. 35 or 35%");
  draft = good_draft();
  draft.stage = "dropped";
  CHECK_THAT(first(draft).reason, Contains("stage dropped is closed"));
  draft = good_draft();
  draft.stage = "won";
  CHECK(first(draft).field == "stage");
  draft = good_draft();
  draft.added_on = "2024-07-01";
  CHECK(first(draft).reason ==
        "added date 2024-07-01 is in the future (after 2024-06-30); enter a date that has "
        "happened");
  draft = good_draft();
  draft.next_action_on = "2024-02-30";
  CHECK(first(draft).field == "next_action_on");
  draft = good_draft();
  draft.owner = "王\n芳";
  CHECK(first(draft).field == "owner");
}

TEST_CASE("a move goes to an open stage, dated in order and not in the future", "[prospect]") {
  const auto& stages = seed_stages();
  Prospect p = on_the_road();
  auto stage = [&](const char* code) { return *roster::find_stage(stages, code); };
  CHECK_FALSE(roster::move_problem(p, stage("applied"), d(2024, 4, 1), kAsOf));  // the same day is in order
  CHECK(roster::move_problem(p, stage("applied"), d(2024, 3, 31), kAsOf)->reason ==
        "date 2024-03-31 is before the prospect's last move (interested on 2024-04-01); give 2024-04-01 or later");
  CHECK(roster::move_problem(p, stage("applied"), d(2024, 7, 1), kAsOf)->field == "on");
  CHECK(roster::move_problem(p, stage("interested"), kAsOf, kAsOf)->reason ==
        "prospect #7 杭州某某科技有限公司 is at stage interested already");
  CHECK(roster::move_problem(p, stage("joined"), kAsOf, kAsOf)->reason ==
        "a prospect joins by `roster prospect convert 7`, not by a move");
  CHECK(roster::move_problem(p, stage("dropped"), kAsOf, kAsOf)->field == "stage");
  p.member_id = 12;
  CHECK(roster::move_problem(p, stage("applied"), kAsOf, kAsOf)->reason ==
        "prospect #7 杭州某某科技有限公司 has joined already (member #12); see `roster show 12`");
}

TEST_CASE("a drop needs a reason, and a dropped prospect is not converted", "[prospect]") {
  Prospect p = on_the_road();
  CHECK_FALSE(roster::drop_problem(p, "预算不足", kAsOf, kAsOf));
  CHECK(roster::drop_problem(p, "", kAsOf, kAsOf)->reason == "no reason given; say why with --reason TEXT");
  CHECK(roster::drop_problem(p, "x", d(2024, 3, 1), kAsOf)->field == "on");
  p.stage = "dropped";
  CHECK(roster::drop_problem(p, "x", kAsOf, kAsOf)->reason == "prospect #7 杭州某某科技有限公司 is dropped already");
  CHECK_THAT(roster::convert_problem(p, kAsOf, kAsOf)->reason, Contains("was dropped; move it back"));
}

TEST_CASE("a prospect becomes a member draft with its own fields and the joined date", "[prospect]") {
  Prospect p;
  REQUIRE(check(good_draft(), &p).empty());
  p.city = "杭州";
  p.note = "x";
  p.tier = roster::Tier::council;
  auto draft = roster::member_draft_of(p, d(2024, 6, 1));
  CHECK(draft.name == p.name);
  CHECK(draft.sectors == std::vector<std::string>{"education"});
  CHECK(draft.joined == "2024-06-01");
  CHECK(draft.tier == "council");
  CHECK(draft.city == "杭州");
  CHECK(draft.note == "x");
  CHECK_FALSE(roster::convert_problem(p, d(2024, 6, 30), kAsOf));
}

TEST_CASE("a stored prospect's draft checks back to the same fields", "[prospect]") {
  ProspectDraft typed = good_draft();
  typed.probability = "35";
  typed.next_action_on = "2024-08-01";
  typed.owner = "王芳";
  Prospect p;
  REQUIRE(check(typed, &p).empty());
  Prospect again = p;
  REQUIRE(roster::check_prospect_fields(roster::draft_of(p), seed_registry(), again).empty());
  CHECK(again.probability == p.probability);
  CHECK(again.next_action_on == p.next_action_on);
  CHECK(again.owner == p.owner);
  CHECK(again.sectors == p.sectors);
}
