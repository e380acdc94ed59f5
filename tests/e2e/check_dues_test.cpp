// roster check on dues, end to end: a real database changed behind roster's
// back with the sqlite3 shell, and the one line check prints for each rule.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

// The small fixture with the member amount from 2023-01-01 and dues 2024
// billed on 2024-12-31 (#5 Acme owes 3,000.00), and one payment of 1,000.00.
struct DuesFixture : SmallGoalFixture {
  DuesFixture() {
    for (std::vector<std::string> args :
         {std::vector<std::string>{"dues", "schedule", "set", "--tier", "member", "--amount", "3000", "--from",
                                   "2023-01-01", "--resolution", "第一届第一次会员大会", "--as-of", "2024-01-01"},
          {"dues", "bill", "--year", "2024", "--as-of", "2024-12-31"},
          {"dues", "pay", "5", "--year", "2024", "--amount", "1000", "--on", "2024-04-01", "--as-of", "2024-12-31"}}) {
      auto r = roster(args);
      if (r.code != 0) throw std::runtime_error("roster failed: " + r.err);
    }
  }
  // sqlite3 DB SQL, which must succeed.
  void edit(const std::string& query) const {
    auto r = run_program({"sqlite3", "-bail", db, query});
    INFO(r.err);
    REQUIRE(r.code == 0);
  }
  // `roster check`'s problems (stdout lines) and its exit code.
  std::pair<std::vector<std::string>, int> check() const {
    auto r = roster({"check"});
    return {lines_of(r.out), r.code};
  }
};

}  // namespace

TEST_CASE("check passes sound dues", "[check][dues][sqlite]") {
  DuesFixture fx;
  auto r = fx.roster({"check"});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
}

TEST_CASE("check flags a payment without a charge", "[check][dues][sqlite]") {
  DuesFixture fx;
  fx.edit("DELETE FROM dues_charges WHERE member_id = 5 AND year = 2024");
  auto [problems, code] = fx.check();
  CHECK(code == 1);
  CHECK(problems == std::vector<std::string>{
                        "member #5 (Acme, \"Digital\" Ltd): 1 payment of 1,000.00 yuan toward dues 2024, which has no "
                        "charge; bill it with `roster dues bill --year 2024`"});
}

TEST_CASE("check flags a balance below zero", "[check][dues][sqlite]") {
  DuesFixture fx;
  fx.edit(
      "INSERT INTO dues_payments (member_id, year, amount_fen, paid_on, receipt) "
      "VALUES (5, 2024, 250000, '2024-05-01', 'R-2')");
  auto [problems, code] = fx.check();
  CHECK(code == 1);
  CHECK(problems ==
        std::vector<std::string>{
            "member #5 (Acme, \"Digital\" Ltd): dues 2024 paid 3,500.00 yuan on a charge of 3,000.00, a "
            "balance of -500.00; remove the payment recorded twice from dues_payments or restore a backup"});
  auto r = fx.roster({"check"});
  CHECK(r.err == "roster: error: 1 problem in " + fx.db + "\n");
}

TEST_CASE("check flags more than four distinct amounts in force", "[check][dues][sqlite]") {
  DuesFixture fx;
  // Four tiers give at most four amounts: a fifth tier only gets in past the
  // table's CHECK constraint, which SQLite's own check then names too.
  fx.edit(
      "INSERT INTO dues_schedule (tier, amount_fen, from_on) VALUES ('president', 5000000, '2023-01-01'), "
      "('vice-president', 2000000, '2023-01-01'), ('council', 1000000, '2024-01-01'); "
      "PRAGMA ignore_check_constraints = ON; "
      "INSERT INTO dues_schedule (tier, amount_fen, from_on) VALUES ('patron', 8000000, '2024-06-01');");
  auto [problems, code] = fx.check();
  CHECK(code == 1);
  CHECK(problems == std::vector<std::string>{
                        "integrity: CHECK constraint failed in dues_schedule",
                        "dues schedule: 5 distinct amounts in force on 2024-06-01 (3,000.00, 10,000.00, 20,000.00, "
                        "50,000.00, 80,000.00); the rules allow at most four: remove the extra entry from "
                        "dues_schedule or restore a backup"});
}
