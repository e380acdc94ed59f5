// roster dues, end to end: the schedule and the policy (shown and set),
// billing (twice, with proration), payments, waivers and deferrals, the
// history they leave, and every refusal leaving the database as it was.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

// A roster with a 2024 schedule (member 3,000.01 yuan, council 10,000 yuan)
// and three members: #1 (since 2023), #2 council (since 2023), #3 (2024-06-30).
struct DuesFixture : DbFixture {
  DuesFixture() {
    must({"add-member", "杭州甲科技有限公司", "--sector", "education", "--joined", "2023-07-15"});
    must({"add-member", "杭州乙科技有限公司", "--sector", "education", "--joined", "2023-01-01", "--tier", "理事"});
    must({"add-member", "杭州丙科技有限公司", "--sector", "tourism", "--joined", "2024-06-30"});
    must({"dues", "schedule", "set", "--tier", "member", "--amount", "3,000.01", "--from", "2024-01-01", "--resolution",
          "第一届第二次会员大会"});
    must({"dues", "schedule", "set", "--tier", "理事", "--amount", "10000元", "--from", "2024-01-01", "--resolution",
          "第一届第二次会员大会"});
  }
  void must(std::vector<std::string> args) const {
    args.insert(args.end(), {"-q", "--as-of", "2024-07-20"});
    auto r = roster(std::move(args));
    if (r.code != 0) throw std::runtime_error(r.err);
  }
  RunResult run(std::vector<std::string> args, const std::string& as_of = "2024-07-20") const {
    args.insert(args.end(), {"--as-of", as_of});
    return roster(std::move(args));
  }
  // One value from the database, by sqlite3.
  std::string sql(const std::string& query) const { return run_program({"sqlite3", "-readonly", db, query}).out; }
};

// Runs a command that must be refused with `code` and a one-line message
// containing `says`, leaving the database exactly as it was.
void refused(const DuesFixture& fx, std::vector<std::string> args, int code, const std::string& says) {
  std::string before = dump_database(fx.db);
  auto r = fx.run(std::move(args));
  CHECK(r.code == code);
  CHECK(r.out.empty());
  CHECK(lines_of(r.err).size() == 1);
  CHECK_THAT(r.err, Catch::Contains(says));
  CHECK(dump_database(fx.db) == before);
}

}  // namespace

TEST_CASE("dues schedule shows every entry in each format, set refuses bad input", "[dues]") {
  DuesFixture fx;
  auto r = fx.run({"dues", "schedule", "set", "--tier", "member", "--amount", "3500", "--from", "2025-01-01",
                   "--resolution", "第一届第三次会员大会"});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: member pays 3,500.00 yuan a year from 2025-01-01 (第一届第三次会员大会)\n");

  auto json = nlohmann::json::parse(fx.run({"dues", "schedule", "-f", "json"}).out);
  REQUIRE(json.size() == 3);
  CHECK(json[0] == nlohmann::json({{"tier", "council"},
                                   {"amount_fen", 1000000},
                                   {"from", "2024-01-01"},
                                   {"resolution", "第一届第二次会员大会"}}));
  CHECK(json[1]["amount_fen"] == 300001);
  CHECK(json[2]["amount_fen"] == 350000);
  CHECK(fx.run({"dues", "schedule", "-f", "csv"}).out ==
        "tier,amount_fen,amount,from,resolution\r\n"
        "council,1000000,10000.00,2024-01-01,第一届第二次会员大会\r\n"
        "member,300001,3000.01,2024-01-01,第一届第二次会员大会\r\n"
        "member,350000,3500.00,2025-01-01,第一届第三次会员大会\r\n");
  CHECK(lines_of(fx.run({"dues", "schedule"}).out)[1] ==
        "council\t1000000\t10000.00\t2024-01-01\t第一届第二次会员大会");
  auto table = fx.run({"dues", "schedule", "-f", "table"}).out;
  CHECK_THAT(table, Catch::Contains("10,000.00"));
  CHECK_THAT(table, Catch::Contains("3,000.01"));

  std::vector<std::string> set = {"dues", "schedule", "set", "--from", "2024-01-01", "--resolution", "x"};
  auto with = [&](std::vector<std::string> more) {
    auto args = set;
    args.insert(args.end(), more.begin(), more.end());
    return args;
  };
  refused(fx, with({"--tier", "member", "--amount", "3000"}), 1, "member already has an amount from 2024-01-01");
  refused(fx, with({"--tier", "boss", "--amount", "3000"}), 2, "boss");
  refused(fx, with({"--tier", "member", "--amount", "12.345"}), 2, "more than two decimals");
  refused(fx, with({"--tier", "member", "--amount", "-5"}), 2, "--amount");
  refused(fx,
          {"dues", "schedule", "set", "--tier", "member", "--amount", "1", "--from", "2024-02-30", "--resolution", "x"},
          2, "--from");
  refused(fx, {"dues", "schedule", "set", "--tier", "member", "--amount", "1", "--from", "2024-02-01"}, 2,
          "--resolution");
}

TEST_CASE("dues policy shows the defaults and sets only what is given", "[dues]") {
  DuesFixture fx;
  auto json = nlohmann::ordered_json::parse(fx.run({"dues", "policy", "-f", "json"}).out);
  CHECK(json.dump() ==
        R"({"year_start":"01-01","due":"03-31","prorate_from":"07-01","prorate_percent":50,"grace_months":0,)"
        R"("suspend_months":6,"lapse_months":12})");
  auto r = fx.run({"dues", "policy", "set", "--due", "4/30", "--grace-months", "1"});
  CHECK(r.code == 0);
  CHECK(r.err ==
        "roster: dues policy: the year starts on 01-01, due 04-30; members joining from 07-01 pay 50%; overdue "
        "after 1, suspended after 6, lapsed after 12 months\n");
  CHECK(fx.run({"dues", "policy"}).out ==
        "field\tvalue\nyear_start\t01-01\ndue\t04-30\nprorate_from\t07-01\nprorate_percent\t50\ngrace_months\t1\n"
        "suspend_months\t6\nlapse_months\t12\n");
  CHECK(fx.sql("SELECT field || ':' || before || '>' || after FROM history WHERE kind = 'dues.policy' ORDER BY id") ==
        "due:03-31>04-30\ngrace_months:0>1\n");

  refused(fx, {"dues", "policy", "set", "--suspend-months", "13"}, 1, "must not decrease");
  refused(fx, {"dues", "policy", "set", "--due", "02-30"}, 2, "--due '02-30' is not a day of the year");
  refused(fx, {"dues", "policy", "set", "--prorate-percent", "101"}, 2, "--prorate-percent");
  refused(fx, {"dues", "policy", "set"}, 2, "nothing to change");
  refused(fx, {"dues", "policy", "-f", "csv"}, 2, "cannot write csv");
}

TEST_CASE("dues bill charges each member once, prorating one joining on 07-01", "[dues]") {
  DuesFixture fx;
  auto r = fx.run({"dues", "bill", "--year", "2024"}, "2024-06-30");
  CHECK(r.code == 0);
  CHECK(r.out == "3\n");
  CHECK(r.err == "roster: billed 3 members for 2024, 16,000.02 yuan\n");
  fx.must({"add-member", "杭州丁科技有限公司", "--sector", "education", "--joined", "2024-07-01"});
  fx.must({"add-member", "杭州戊科技有限公司", "--sector", "education", "--joined", "2024-07-02", "--tier", "会长"});

  r = fx.run({"dues", "bill"});  // the year of --as-of 2024-07-20
  CHECK(r.code == 0);
  CHECK(r.out == "1\n");
  CHECK(r.err ==
        "roster: billed 1 member for 2024, 1,500.01 yuan; 3 already billed; 1 without an amount for its tier (set "
        "one with `roster dues schedule set`)\n");
  CHECK(fx.sql("SELECT member_id, tier, amount_fen, due_on, prorated FROM dues_charges ORDER BY member_id") ==
        "1|member|300001|2024-03-31|0\n"
        "2|council|1000000|2024-03-31|0\n"
        "3|member|300001|2024-07-30|0\n"
        "4|member|150001|2024-07-31|1\n");

  std::string before = dump_database(fx.db);
  r = fx.run({"dues", "bill", "--year", "2024"});
  CHECK(r.out == "0\n");
  CHECK(r.err ==
        "roster: billed 0 members for 2024, 0.00 yuan; 4 already billed; 1 without an amount for its tier (set one "
        "with `roster dues schedule set`)\n");
  CHECK(dump_database(fx.db) == before);

  auto history = nlohmann::json::parse(fx.run({"history", "--kind", "dues.bill", "-f", "json"}).out);
  REQUIRE(history.size() == 4);
  CHECK(history[3]["member_id"] == 4);
  CHECK(
      nlohmann::json::parse(history[3]["after"].get<std::string>()) ==
      nlohmann::json(
          {{"year", 2024}, {"tier", "member"}, {"amount_fen", 150001}, {"due_on", "2024-07-31"}, {"prorated", true}}));
  refused(fx, {"dues", "bill", "--year", "2025"}, 1, "dues year 2025 begins on 2025-01-01, after 2024-07-20");
  refused(fx, {"dues", "bill", "--year", "twenty"}, 2, "--year");
}

TEST_CASE("dues pay records partial payments and refuses an overpayment or a missing charge", "[dues]") {
  DuesFixture fx;
  refused(fx, {"dues", "pay", "1", "--year", "2024", "--amount", "100"}, 1,
          "member #1 has no charge for 2024; bill the year first (`roster dues bill --year 2024`)");
  fx.must({"dues", "bill", "--year", "2024"});
  auto r = fx.run({"dues", "pay", "杭州甲科技有限公司", "--year", "2024", "--amount", "1000", "--on", "2024-03-20",
                   "--receipt", "2024-015", "--method", "银行转账"});
  CHECK(r.code == 0);
  CHECK(r.out == "1\n");
  CHECK(r.err ==
        "roster: recorded payment #1: 1,000.00 yuan from member #1 杭州甲科技有限公司 for 2024, paid 2024-03-20; "
        "balance 2,000.01 yuan\n");
  refused(fx, {"dues", "pay", "1", "--year", "2024", "--amount", "2000.02"}, 1,
          "the balance is 2,000.01 yuan; give at most that");
  refused(fx, {"dues", "pay", "1", "--year", "2024", "--amount", "10", "--on", "2024-07-21"}, 1,
          "the payment date 2024-07-21 is after 2024-07-20");
  refused(fx, {"dues", "pay", "1", "--year", "2024", "--amount", "abc"}, 2, "is not an amount of yuan");
  refused(fx, {"dues", "pay", "1", "--year", "2024", "--amount", "0"}, 1, "above zero");
  refused(fx, {"dues", "pay", "99", "--year", "2024", "--amount", "10"}, 1, "99");
  refused(fx, {"dues", "pay", "1", "--amount", "10"}, 2, "--year");
  r = fx.run({"dues", "pay", "1", "--year", "2024", "--amount", "2,000.01"});
  CHECK(r.out == "2\n");
  CHECK_THAT(r.err, Catch::EndsWith("paid 2024-07-20; balance 0.00 yuan\n"));
  CHECK(fx.sql("SELECT id, member_id, amount_fen, paid_on, receipt, method FROM dues_payments") ==
        "1|1|100000|2024-03-20|2024-015|银行转账\n2|1|200001|2024-07-20||\n");
  CHECK(fx.sql("SELECT count(*) FROM history WHERE kind = 'dues.pay' AND member_id = 1") == "2\n");
}

TEST_CASE("dues waive and defer record a reason once, refusals change nothing", "[dues]") {
  DuesFixture fx;
  refused(fx, {"dues", "waive", "1", "--year", "2024", "--reason", "受灾企业"}, 1, "bill the year first");
  fx.must({"dues", "bill", "--year", "2024"});
  auto r = fx.run({"dues", "waive", "1", "--year", "2024", "--reason", "受灾企业", "--approved-by", "理事会"});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: waived member #1 杭州甲科技有限公司's dues for 2024 (受灾企业; approved by 理事会)\n");
  r = fx.run({"dues", "defer", "2", "--year", "2024", "--until", "2024-09-30", "--reason", "资金周转"});
  CHECK(r.code == 0);
  CHECK(r.err == "roster: deferred member #2 杭州乙科技有限公司's dues for 2024 to 2024-09-30 (资金周转)\n");
  CHECK(fx.sql("SELECT member_id, kind, until_on, reason, approved_by, granted_on FROM dues_exemptions") ==
        "1|waived||受灾企业|理事会|2024-07-20\n2|deferred|2024-09-30|资金周转||2024-07-20\n");
  CHECK(fx.sql("SELECT kind || ':' || member_id FROM history WHERE kind IN ('dues.waive', 'dues.defer')") ==
        "dues.waive:1\ndues.defer:2\n");

  refused(fx, {"dues", "waive", "1", "--year", "2024", "--reason", "again"}, 1, "already waived");
  refused(fx, {"dues", "defer", "2", "--year", "2024", "--until", "2024-12-31", "--reason", "x"}, 1, "deferred once");
  refused(fx, {"dues", "defer", "3", "--year", "2024", "--until", "2024-07-30", "--reason", "x"}, 1,
          "not after the charge's due date 2024-07-30");
  refused(fx, {"dues", "defer", "3", "--year", "2024", "--until", "soon", "--reason", "x"}, 2, "--until");
  refused(fx, {"dues", "waive", "3", "--year", "2024", "--reason", ""}, 2, "--reason");
  refused(fx, {"dues", "waive", "3", "--year", "2024"}, 2, "--reason");
}
