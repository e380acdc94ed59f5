// roster prospect: the companies being recruited, end to end — add, edit,
// move, drop, convert, show, stages, import — and that a prospect is never
// counted as a member.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

const std::string kAsOf = "2024-06-30";
const std::string kUscc = "91330106MA2H3K5X19";

// A roster with one member (#1) and prospects added on a fixed day.
struct PipelineFixture : DbFixture {
  PipelineFixture() {
    auto r = roster({"add-member", "杭州甲科技有限公司", "--sector", "education", "--joined", "2024-01-05", "-q"});
    if (r.code != 0) throw std::runtime_error(r.err);
  }
  RunResult run(std::vector<std::string> args, const std::string& input = "") const {
    args.insert(args.end(), {"--as-of", kAsOf});
    return roster(std::move(args), input);
  }
};

nlohmann::json shown(const PipelineFixture& fx, const std::string& ref) {
  auto r = fx.run({"prospect", "show", ref, "-f", "json"});
  REQUIRE(r.code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("prospect add prints the id and stores every field, show gives them back", "[prospect]") {
  PipelineFixture fx;
  auto r = fx.run({"prospect",
                   "add",
                   "杭州乙数字科技有限公司",
                   "--sector",
                   "教育",
                   "--sector",
                   "文旅",
                   "--uscc",
                   kUscc,
                   "--tier",
                   "理事",
                   "--city",
                   "杭州",
                   "--source",
                   "展会",
                   "--referrer",
                   "1",
                   "--owner",
                   "王芳",
                   "--stage",
                   "contacted",
                   "--probability",
                   "35%",
                   "--next-action",
                   "拜访",
                   "--next-action-on",
                   "2024年7月15日",
                   "--note",
                   "董事长感兴趣",
                   "--on",
                   "2024/3/15"});
  CHECK(r.code == 0);
  CHECK(r.out == "1\n");
  CHECK(r.err == "roster: added prospect #1 杭州乙数字科技有限公司 (education, tourism; contacted on 2024-03-15)\n");
  auto p = shown(fx, "1");
  CHECK(p["name"] == "杭州乙数字科技有限公司");
  CHECK(p["uscc"] == kUscc);
  CHECK(p["sectors"] == nlohmann::json({"education", "tourism"}));
  CHECK(p["tier"] == "council");
  CHECK(p["referrer_id"] == 1);
  CHECK(p["stage"] == "contacted");
  CHECK(p["stage_probability"] == 25);
  CHECK(p["probability"] == 35);
  CHECK(p["next_action_on"] == "2024-07-15");  // a plan: after --as-of is fine
  CHECK(p["added_on"] == "2024-03-15");
  CHECK(p["moves"] == nlohmann::json::parse(R"([{"stage": "contacted", "on": "2024-03-15"}])"));
  CHECK(p["history"].size() == 1);
  CHECK(p["history"][0]["kind"] == "prospect.add");
  // REF is the id, #id, the exact name or the USCC.
  for (const std::string& ref : {std::string("#1"), std::string("杭州乙数字科技有限公司"), kUscc})
    CHECK(shown(fx, ref)["id"] == 1);

  auto table = fx.run({"prospect", "show", "1"});
  CHECK(table.code == 0);
  CHECK(table.out.find("stage           contacted (25%)\n") != std::string::npos);
  CHECK(table.out.find("STAGE      ON\ncontacted  2024-03-15\n") != std::string::npos);
}

TEST_CASE("prospect edit changes the fields given and logs each", "[prospect]") {
  PipelineFixture fx;
  REQUIRE(fx.run({"prospect", "add", "杭州乙有限公司", "--sector", "education", "--note", "x", "-q"}).code == 0);
  auto r = fx.run({"prospect", "edit", "1", "--owner", "李明", "--sector", "healthcare", "--note", ""});
  CHECK(r.code == 0);
  CHECK(r.err == "roster: updated prospect #1: sectors, owner, note\n");
  auto p = shown(fx, "1");
  CHECK(p["owner"] == "李明");
  CHECK(p["sectors"] == nlohmann::json({"healthcare"}));
  CHECK(p["note"] == "");
  CHECK(p["history"].size() == 4);
  CHECK(p["history"][1]["kind"] == "prospect.edit");
  CHECK(p["history"][1]["field"] == "sectors");
  CHECK(p["history"][1]["before"] == "education");
  CHECK(p["history"][1]["after"] == "healthcare");

  auto nothing = fx.run({"prospect", "edit", "1"});
  CHECK(nothing.code == 2);
  CHECK(nothing.err.starts_with("roster: error: nothing to change;"));
}

TEST_CASE("prospect move, drop and convert walk the stages by the rules", "[prospect]") {
  PipelineFixture fx;
  REQUIRE(fx.run({"prospect", "add", "杭州乙有限公司", "--sector", "education", "--on", "2024-03-01", "-q"}).code == 0);
  REQUIRE(fx.run({"prospect", "add", "杭州丙有限公司", "--sector", "education", "--on", "2024-03-01", "-q"}).code == 0);

  auto move = fx.run({"prospect", "move", "1", "interested", "--on", "2024-04-01"});
  CHECK(move.code == 0);
  CHECK(move.err == "roster: moved prospect #1 杭州乙有限公司 to interested on 2024-04-01\n");

  const std::string before = dump_database(fx.db);
  auto refused = [&](std::vector<std::string> args, const std::string& err) {
    auto r = fx.run(std::move(args));
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: " + err + "\n");
    CHECK(dump_database(fx.db) == before);
  };
  refused({"prospect", "move", "1", "joined"}, "a prospect joins by `roster prospect convert 1`, not by a move");
  refused({"prospect", "move", "1", "dropped"},
          "a prospect is dropped by `roster prospect drop 1 --reason TEXT`, not by a move");
  refused({"prospect", "move", "1", "applied", "--on", "2024-03-20"},
          "date 2024-03-20 is before the prospect's last move (interested on 2024-04-01); give 2024-04-01 or later");
  refused({"prospect", "move", "1", "applied", "--on", "2024-07-01"},
          "date 2024-07-01 is in the future (after 2024-06-30); enter a date that has happened");
  refused({"prospect", "move", "1", "won"},
          "unknown stage 'won'; use one of lead, contacted, interested, applied, approving, joined, dropped");
  refused({"prospect", "drop", "2", "--reason", "a\tb"},
          "drop_reason contains a control character (tab, line break or similar); remove it");

  auto drop = fx.run({"prospect", "drop", "2", "--reason", "预算不足", "--on", "2024-05-01"});
  CHECK(drop.code == 0);
  CHECK(shown(fx, "2")["drop_reason"] == "预算不足");
  CHECK(fx.run({"prospect", "convert", "2"}).code == 1);  // dropped: move it back first

  auto convert = fx.run({"prospect", "convert", "1", "--joined", "2024-06-01"});
  CHECK(convert.code == 0);
  CHECK(convert.out == "2\n");
  CHECK(convert.err == "roster: prospect #1 杭州乙有限公司 joined on 2024-06-01 as member #2\n");
  auto p = shown(fx, "1");
  CHECK(p["stage"] == "joined");
  CHECK(p["member_id"] == 2);
  CHECK(p["moves"].back() == nlohmann::json::parse(R"({"stage": "joined", "on": "2024-06-01"})"));
  auto member = nlohmann::json::parse(fx.run({"show", "2", "-f", "json"}).out);
  CHECK(member["name"] == "杭州乙有限公司");
  CHECK(member["periods"][0]["joined"] == "2024-06-01");
  CHECK(fx.run({"prospect", "convert", "1"}).err ==
        "roster: error: prospect #1 杭州乙有限公司 has joined already (member #2); see `roster show 2`\n");
}

TEST_CASE("prospect convert refuses a duplicate USCC and writes nothing", "[prospect]") {
  PipelineFixture fx;
  REQUIRE(fx.run({"prospect", "add", "杭州乙有限公司", "--sector", "education", "--uscc", kUscc, "-q"}).code == 0);
  // A member with the same USCC, added since.
  REQUIRE(fx.run({"add-member", "杭州另一家有限公司", "--sector", "education", "--uscc", kUscc, "-q"}).code == 0);
  const std::string before = dump_database(fx.db);
  auto r = fx.run({"prospect", "convert", "1"});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: error: USCC " + kUscc + " already belongs to member #2 (杭州另一家有限公司)\n");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("prospect add refuses a name or USCC a member or another prospect has", "[prospect]") {
  PipelineFixture fx;
  REQUIRE(fx.run({"prospect", "add", "杭州乙有限公司", "--sector", "education", "--uscc", kUscc, "-q"}).code == 0);
  const std::string before = dump_database(fx.db);
  auto member = fx.run({"prospect", "add", "杭州甲科技有限公司", "--sector", "education"});
  CHECK(member.code == 1);
  CHECK(member.err ==
        "roster: error: member #1 杭州甲科技有限公司 has this name; a member is not recruited again "
        "(see `roster show 1`)\n");
  auto other = fx.run({"prospect", "add", "杭州丁有限公司", "--sector", "education", "--uscc", kUscc});
  CHECK(other.err ==
        "roster: error: prospect #1 杭州乙有限公司 has this USCC; change that one with `roster prospect "
        "edit 1`\n");
  auto stage = fx.run({"prospect", "add", "杭州丁有限公司", "--sector", "education", "--stage", "joined"});
  CHECK(stage.code == 1);
  auto probability = fx.run({"prospect", "add", "杭州丁有限公司", "--sector", "education", "--probability", "120"});
  CHECK(probability.err ==
        "roster: error: probability '120' is not a whole percent from 0 to 100; give e.g. 35 or 35%\n");
  auto no_sector = fx.run({"prospect", "add", "杭州丁有限公司"});
  CHECK(no_sector.code == 2);
  CHECK(dump_database(fx.db) == before);
}

namespace {

// `doc` without the keys that speak of prospects (at any depth): what is
// left is every figure about members.
nlohmann::json member_figures(nlohmann::json doc) {
  static const std::vector<std::string> kProspectKeys = {
      "pipeline_expected",  "open_prospects", "expected_on_deadline", "chance_by_deadline", "prospects",
      "prospects_weighted", "pipeline"};
  if (doc.is_object()) {
    for (const auto& key : kProspectKeys) doc.erase(key);
    for (auto& [key, value] : doc.items()) value = member_figures(value);
  } else if (doc.is_array()) {
    for (auto& value : doc) value = member_figures(value);
  }
  return doc;
}

}  // namespace

TEST_CASE("a prospect is never counted as a member", "[prospect]") {
  PipelineFixture fx;
  // Views of members: byte for byte the same with prospects.
  const std::vector<std::vector<std::string>> lists = {
      {"list", "--status", "all", "-f", "csv"}, {"export", "-f", "csv"}, {"export", "-f", "jsonl"}};
  // Views that show prospects beside the members: every member figure the same.
  const std::vector<std::vector<std::string>> views = {
      {"progress", "-f", "json"}, {"sectors", "-f", "json"}, {"report", "-f", "json"}};
  std::vector<std::string> lists_before;
  std::vector<nlohmann::json> before;
  for (const auto& list : lists) lists_before.push_back(fx.run(list).out);
  for (const auto& view : views) before.push_back(nlohmann::json::parse(fx.run(view).out));
  REQUIRE(fx.run({"prospect", "add", "杭州乙有限公司", "--sector", "education", "-q"}).code == 0);
  REQUIRE(fx.run({"prospect", "add", "杭州丙有限公司", "--sector", "healthcare", "--stage", "applied", "-q"}).code ==
          0);
  REQUIRE(fx.run({"prospect", "add", "杭州丁有限公司", "--sector", "tourism", "--uscc", kUscc, "-q"}).code == 0);
  for (size_t i = 0; i < lists.size(); ++i) {
    INFO(lists[i][0]);
    CHECK(fx.run(lists[i]).out == lists_before[i]);
  }
  for (size_t i = 0; i < views.size(); ++i) {
    INFO(views[i][0]);
    auto after = nlohmann::json::parse(fx.run(views[i]).out);
    CHECK(after != before[i]);                                  // the prospects are shown…
    CHECK(member_figures(after) == member_figures(before[i]));  // …and counted nowhere as members
  }
  auto progress = nlohmann::json::parse(fx.run({"progress", "-f", "json"}).out);
  CHECK(progress["active"] == 1);
  CHECK(progress["open_prospects"] == 3);
  CHECK(fx.run({"check"}).code == 0);
}

TEST_CASE("history shows the prospects' entries", "[prospect]") {
  PipelineFixture fx;
  REQUIRE(fx.run({"prospect", "add", "杭州乙有限公司", "--sector", "education", "--on", "2024-03-01", "-q"}).code == 0);
  REQUIRE(fx.run({"prospect", "move", "1", "applied", "--on", "2024-04-01", "-q"}).code == 0);
  REQUIRE(fx.run({"prospect", "stages", "set", "applied", "--probability", "80", "-q"}).code == 0);
  auto r = fx.run({"history", "--kind", "prospect.", "-f", "jsonl"});
  CHECK(r.code == 0);
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 2);
  CHECK(nlohmann::json::parse(lines[0])["kind"] == "prospect.add");
  auto move = nlohmann::json::parse(lines[1]);
  CHECK(move["kind"] == "prospect.move");
  CHECK(move["before"] == "lead");
  CHECK(move["after"] == "applied 2024-04-01");
  auto stage = fx.run({"history", "--kind", "stage.probability", "-f", "tsv"});
  CHECK(lines_of(stage.out).back().ends_with("\tapplied\t75\t80"));
}

TEST_CASE("prospect stages lists the stages and stages set changes one", "[prospect]") {
  PipelineFixture fx;
  auto csv = fx.run({"prospect", "stages", "-f", "csv"});
  CHECK(csv.code == 0);
  CHECK(csv.out ==
        "code,name_en,name_zh,probability,closed\r\nlead,lead,线索,10,0\r\ncontacted,contacted,已接洽,25,0\r\n"
        "interested,interested,有意向,50,0\r\napplied,applied,已提交申请,75,0\r\napproving,approving,待理事会审批,90,"
        "0\r\n"
        "joined,joined,已入会,100,1\r\ndropped,dropped,已放弃,0,1\r\n");
  auto set = fx.run({"prospect", "stages", "set", "有意向", "--probability", "40%"});
  CHECK(set.code == 0);
  auto json = nlohmann::json::parse(fx.run({"prospect", "stages", "-f", "json"}).out);
  CHECK(json[2] == nlohmann::json::parse(
                       R"({"code": "interested", "name_en": "interested", "name_zh": "有意向", "probability": 40,
                           "closed": false})"));
  auto bad = fx.run({"prospect", "stages", "set", "interested", "--probability", "abc"});
  CHECK(bad.code == 2);
  auto unknown = fx.run({"prospect", "stages", "set", "won", "--probability", "5"});
  CHECK(unknown.code == 1);
}

TEST_CASE("prospect import reads Chinese headers, all or nothing", "[prospect]") {
  PipelineFixture fx;
  std::string csv =
      "单位名称,所属行业,会员类别,所在城市,阶段,来源,负责人,跟进事项,跟进日期,备注\n"
      "杭州乙有限公司,教育,理事,杭州,有意向,展会,王芳,拜访,2024/7/10,\n"
      "杭州丙有限公司,医疗;文旅,,宁波,,会员推荐,李明,,,老朋友\n";
  TempDir dir;
  write_file(dir / "leads.csv", csv);
  auto r = fx.run({"prospect", "import", (dir / "leads.csv").string()});
  CHECK(r.code == 0);
  CHECK(r.err == "roster: imported 2 prospects from " + (dir / "leads.csv").string() + "\n");
  auto p = shown(fx, "1");
  CHECK(p["stage"] == "interested");
  CHECK(p["owner"] == "王芳");
  CHECK(p["next_action_on"] == "2024-07-10");
  CHECK(p["tier"] == "council");
  CHECK(shown(fx, "2")["sectors"] == nlohmann::json({"healthcare", "tourism"}));

  const std::string before = dump_database(fx.db);
  std::string bad =
      "name,sectors,stage\n"
      "杭州戊有限公司,education,lead\n"
      "杭州乙有限公司,education,lead\n"
      "杭州己有限公司,nowhere,joined\n";
  auto refused = fx.run({"prospect", "import", "-", "-f", "csv"}, bad);
  CHECK(refused.code == 1);
  auto lines = lines_of(refused.err);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] ==
        "<stdin>:3: name: prospect #1 杭州乙有限公司 has this name; change that one with `roster "
        "prospect edit 1`");
  CHECK(lines[1].starts_with("<stdin>:4: sectors: unknown sector 'nowhere'"));
  CHECK(lines[2].starts_with("<stdin>:4: stage: stage joined is closed;"));
  CHECK(lines[3] ==
        "roster: error: <stdin>: 3 problems in 3 rows; nothing was imported (fix the rows above and run "
        "again)");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("prospect show speaks Chinese under --lang zh", "[prospect][i18n]") {
  PipelineFixture fx;
  REQUIRE(fx.run({"prospect", "add", "杭州乙有限公司", "--sector", "education", "--owner", "王芳", "--on", "2024-03-01",
                  "-q"})
              .code == 0);
  auto r = fx.run({"prospect", "show", "1", "--lang", "zh"});
  CHECK(r.code == 0);
  CHECK(r.out.find("阶段") != std::string::npos);
  CHECK(r.out.find("线索（10%）") != std::string::npos);
  CHECK(r.out.find("负责人") != std::string::npos);
  CHECK(r.out.find("2024年3月1日") != std::string::npos);
  CHECK(r.out.find("新增意向单位") != std::string::npos);
  // json is data: the same in both languages.
  CHECK(fx.run({"prospect", "show", "1", "-f", "json", "--lang", "zh"}).out ==
        fx.run({"prospect", "show", "1", "-f", "json", "--lang", "en"}).out);
}

TEST_CASE("__complete offers stage codes and prospect names", "[prospect][complete]") {
  PipelineFixture fx;
  REQUIRE(fx.run({"prospect", "add", "杭州乙有限公司", "--sector", "education", "-q"}).code == 0);
  auto complete = [&](std::vector<std::string> words) {
    words.insert(words.begin(), {"__complete", "--db", fx.db});
    return run_roster(words).out;
  };
  CHECK(complete({"prospect", "move", "1", "ap"}) == "applied\napproving\n");
  CHECK(complete({"prospect", "add", "x", "--stage", "con"}) == "contacted\n");
  CHECK(complete({"prospect", "show", "杭州"}) == "杭州乙有限公司\n");
  CHECK(complete({"show", "杭州"}) == "杭州甲科技有限公司\n");  // a member's REF names members
}

TEST_CASE("a version 3 database gets the stages and the prospect tables when opened", "[prospect][init][sqlite]") {
  // Version 3 is version 4 without the pipeline: make one from a new file,
  // with a member and its history.
  PipelineFixture fx;
  REQUIRE(run_program({"sqlite3", fx.db,
                       "DROP TABLE dues_exemptions; DROP TABLE dues_payments; DROP TABLE dues_charges;"
                       "DROP TABLE dues_schedule; DROP TABLE dues_policy; ALTER TABLE members DROP COLUMN contact;"
                       "ALTER TABLE members DROP COLUMN phone; ALTER TABLE members DROP COLUMN email;"
                       "DROP TABLE prospect_moves; DROP TABLE prospect_sectors; DROP TABLE prospects;"
                       "DROP TABLE stages; DROP INDEX history_by_prospect; ALTER TABLE history DROP COLUMN "
                       "prospect_id; PRAGMA user_version = 3;"})
              .code == 0);
  auto r = fx.run({"prospect", "stages", "-f", "tsv"});
  CHECK(r.code == 0);
  CHECK(lines_of(r.out).size() == 8);
  CHECK(fx.run({"prospect", "add", "杭州乙有限公司", "--sector", "education", "-q"}).code == 0);
  auto q = run_program({"sqlite3", fx.db,
                        "PRAGMA user_version; SELECT before, after FROM history WHERE kind = 'schema.migrate';"
                        "SELECT count(*) FROM members;"});
  CHECK(q.out == "6\n3|6\n1\n");
}
