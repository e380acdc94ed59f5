// Roles on PostgreSQL (init --roles): a login granted roster_reader may read
// everything and change nothing; one granted roster_writer works as staff,
// and the history's `who` is the login. Runs in scripts/test.sh's PostgreSQL
// pass ($ROSTER_TEST_PG); without a server it fails rather than pass unseen.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <random>

#include "harness.h"
#include "harness_pg.h"

using namespace roster::test;

namespace {

const std::string kAsOf = "2024-12-31";

// A new login granted `role`, with a name of its own on the shared server.
std::string login_with(const std::string& role) {
  std::string name = role + "_" + std::to_string(std::random_device{}() % 1000000000);
  auto r = run_program({"psql", std::getenv("ROSTER_TEST_PG"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c",
                        "CREATE ROLE " + name + " LOGIN; GRANT " + role + " TO " + name});
  if (r.code != 0) throw std::runtime_error(r.err);
  return name;
}

// A roster on the server made with --roles, with members, a prospect, dues
// billed, a payment and a member joined since: something for every write to change.
struct RolesRoster {
  TempDir dir;
  std::string db = dir.file("roster.db");
  RolesRoster() {
    std::vector<std::vector<std::string>> steps = {
        {"init", "--roles", "--association", "测试协会"},
        {"add-member", "杭州甲科技有限公司", "--sector", "tourism", "--joined", "2024-01-05"},
        {"add-member", "宁波乙健康有限公司", "--sector", "healthcare", "--joined", "2024-02-01"},
        {"prospect", "add", "温州丙文旅有限公司", "--sector", "tourism", "--on", "2024-03-01"},
        {"dues", "schedule", "set", "--tier", "member", "--amount", "3000", "--from", "2024-01-01", "--resolution",
         "第一届第二次会员大会"},
        {"dues", "bill", "--year", "2024", "--as-of", "2024-03-01"},
        {"dues", "pay", "1", "--year", "2024", "--amount", "1000", "--on", "2024-04-01", "--as-of", kAsOf},
        {"add-member", "嘉兴辛有限公司", "--sector", "education", "--joined", "2024-06-01"}};  // not billed yet
    for (auto args : steps) {
      args.insert(args.end(), {"--db", db, "-q"});
      auto r = run_roster(args);
      if (r.code != 0) throw std::runtime_error(r.err);
    }
    write_file(dir.file("new.csv"), "name,sectors,joined\n台州丁有限公司,tourism,2024-05-01\n");
    write_file(dir.file("pay.csv"), "member_id,year,amount,paid_on\n2,2024,100,2024-05-01\n");
    write_file(dir.file("leads.csv"), "name,sectors\n丽水戊有限公司,education\n");
  }
  std::string as(const std::string& login) const { return store_for(db) + " user=" + login; }
};

}  // namespace

TEST_CASE("a login granted roster_reader reads everything and is refused every write, the roster unchanged", "[pg]") {
  REQUIRE(on_postgres());
  RolesRoster fx;
  const std::string reader = fx.as(login_with("roster_reader"));
  const std::string before = dump_database(fx.db);
  REQUIRE(before.find("CREATE TABLE members") != std::string::npos);

  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{{"list"},
                                                                             {"progress"},
                                                                             {"sectors"},
                                                                             {"report", "--week", "2024-W10"},
                                                                             {"history"},
                                                                             {"export", "-f", "json"},
                                                                             {"show", "1"},
                                                                             {"pipeline"},
                                                                             {"dues", "status", "--year", "2024"},
                                                                             {"dues", "export"},
                                                                             {"goal"}}) {
    args.insert(args.end(), {"--db", reader, "--as-of", kAsOf});
    if (args[0] == "history" || args[0] == "show" || args[0] == "goal" || args[1] == "export" || args[0] == "export")
      args.resize(args.size() - 2);
    auto r = run_roster(args);
    INFO(args[0] << ": " << r.err);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
  }

  const std::string refusal = "roster: error: the database '" + reader +
                              "' is read-only for this login; nothing was changed (ask for a login that may write, "
                              "see docs/deploy.md, or work on a copy)\n";
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
           {"add-member", "丽水己有限公司", "--sector", "tourism", "--joined", "2024-06-01"},
           {"edit-member", "1", "--city", "杭州"},
           {"remove-member", "1", "--left", "2024-10-01"},
           {"import", fx.dir.file("new.csv")},
           {"sectors", "add", "culture", "--name", "Culture", "--name-zh", "文化"},
           {"sectors", "edit", "healthcare", "--target", "6"},
           {"sectors", "merge", "media", "technology"},
           {"goal", "set", "--target", "300"},
           {"language", "zh"},
           {"prospect", "add", "衢州庚有限公司", "--sector", "education"},
           {"prospect", "move", "1", "interested", "--on", "2024-04-01"},
           {"prospect", "drop", "1", "--reason", "不再跟进"},
           {"prospect", "import", fx.dir.file("leads.csv")},
           {"dues", "policy", "set", "--due", "4/30"},
           {"dues", "bill", "--year", "2024"},
           {"dues", "pay", "2", "--year", "2024", "--amount", "500", "--on", "2024-06-01"},
           {"dues", "waive", "2", "--year", "2024", "--reason", "困难减免"},
           {"dues", "import", fx.dir.file("pay.csv")},
       }) {
    args.insert(args.end(), {"--db", reader, "--as-of", kAsOf});
    if (args[0] == "sectors" || args[0] == "goal" || args[0] == "language" || args[1] == "policy")
      args.resize(args.size() - 2);
    auto r = run_roster(args);
    INFO(args[0] << " " << args[1]);
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == refusal);
  }
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("a login granted roster_writer works as staff, and the history names that login", "[pg]") {
  REQUIRE(on_postgres());
  RolesRoster fx;
  const std::string name = login_with("roster_writer");
  auto add =
      run_roster({"add-member", "丽水己有限公司", "--sector", "tourism", "--joined", "2024-06-01", "--db", fx.as(name)},
                 "", {{"USER", "someone-else"}});
  CHECK(add.code == 0);
  CHECK(add.out == "4\n");
  auto who = run_roster({"history", "-f", "tsv", "--db", fx.db});
  REQUIRE(who.code == 0);
  auto rows = lines_of(who.out);
  REQUIRE(rows.size() > 1);
  CHECK(rows.back().find("\t" + name + "\tadd-member\tmember.add\t4\t") != std::string::npos);
}
