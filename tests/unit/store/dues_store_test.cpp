// Dues on a real database: the policy, the schedule, billing (twice, and
// after a member joins), payments, waivers and deferrals, their history, the
// refusals that write nothing, and the migration of a version 4 file.
#include "roster/dues_store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>

#include "roster/text.h"
#include "temp_dir.h"

using Catch::Contains;
using roster::Charge;
using roster::Date;
using roster::DuesPolicy;
using roster::Exemption;
using roster::ExemptionKind;
using roster::FieldProblem;
using roster::Payment;
using roster::ScheduleEntry;
using roster::Store;
using roster::Tier;

namespace {

Date d(int y, int m, int day) {
  return Date::from_ymd(y, m, day);
}

roster::InitSettings settings() {
  return roster::InitSettings{"Test Association", {}, roster::parse_sectors_csv(roster::seed_sectors_csv()), ""};
}

// Every row of the tables a dues write may touch, as text: equal before and
// after means nothing was written.
std::string contents(const TempDir& dir) {
  SQLite::Database db((dir / "roster.db").string(), SQLite::OPEN_READONLY);
  std::string out;
  for (const char* table :
       {"dues_policy", "dues_schedule", "dues_charges", "dues_payments", "dues_exemptions", "history"}) {
    SQLite::Statement q(db, std::string("SELECT * FROM ") + table);
    out += table;
    while (q.executeStep()) {
      out += "\n";
      for (int i = 0; i < q.getColumnCount(); ++i) out += q.getColumn(i).getString() + "|";
    }
    out += "\n";
  }
  return out;
}

struct Dues {
  TempDir dir;
  Store store = Store::create(dir / "roster.db", settings());

  int64_t member(const std::string& name, Date joined, Tier tier = Tier::member) {
    roster::NewMember m;
    m.name = name;
    m.name_key = roster::name_key(name);
    m.sector_codes = {"education"};
    m.tier = tier;
    m.joined = joined;
    int64_t id = 0;
    store.write([&] { id = store.insert_member(m); });
    return id;
  }

  // Runs one write; commits only when it reports no problem.
  std::vector<FieldProblem> write(const std::function<std::vector<FieldProblem>()>& work) {
    std::vector<FieldProblem> problems;
    store.write_if([&] {
      problems = work();
      return problems.empty();
    });
    return problems;
  }

  std::vector<FieldProblem> schedule(Tier tier, roster::Fen amount, Date from) {
    return write([&] { return roster::add_schedule_entry(store, {0, tier, amount, from, "第一届第二次会员大会"}); });
  }

  roster::BillResult bill(int year, Date on) {
    roster::BillResult result;
    store.write([&] { result = roster::bill_year(store, year, on); });
    return result;
  }

  std::vector<FieldProblem> pay(int64_t id, roster::Fen amount, Date on, Date as_of = d(2024, 12, 31)) {
    Payment p;
    p.member_id = id;
    p.year = 2024;
    p.amount = amount;
    p.paid_on = on;
    p.receipt = "R-1";
    p.method = "银行转账";
    return write([&] { return roster::add_payment(store, p, as_of); });
  }

  int history(const std::string& kind) {
    SQLite::Database db((dir / "roster.db").string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT count(*) FROM history WHERE kind = ?");
    q.bind(1, kind);
    q.executeStep();
    return q.getColumn(0).getInt();
  }
};

}  // namespace

TEST_CASE("the policy round-trips, a refused policy writes nothing", "[dues][store]") {
  Dues t;
  CHECK(roster::dues_policy(t.store) == DuesPolicy{});
  DuesPolicy p;
  p.year_start = {4, 1};
  p.due = {6, 30};
  p.prorate_from = {10, 1};
  p.prorate_percent = 40;
  p.grace_months = 1;
  p.suspend_months = 3;
  p.lapse_months = 9;
  CHECK(t.write([&] { return roster::set_dues_policy(t.store, p); }).empty());
  CHECK(roster::dues_policy(t.store) == p);
  CHECK(t.history("dues.policy") == 7);  // every field changed

  std::string before = contents(t.dir);
  DuesPolicy bad = p;
  bad.suspend_months = 12;  // after the lapse
  auto problems = t.write([&] { return roster::set_dues_policy(t.store, bad); });
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].reason, Contains("must not decrease"));
  bad = p;
  bad.prorate_percent = 101;
  CHECK_FALSE(t.write([&] { return roster::set_dues_policy(t.store, bad); }).empty());
  CHECK(contents(t.dir) == before);
  CHECK(roster::dues_policy(t.store) == p);
}

TEST_CASE("schedule entries are kept by tier and date, four amounts in force are allowed", "[dues][store]") {
  Dues t;
  CHECK(t.schedule(Tier::member, 300000, d(2024, 1, 1)).empty());
  CHECK(t.schedule(Tier::president, 5000000, d(2024, 1, 1)).empty());
  CHECK(t.schedule(Tier::vice_president, 2000000, d(2024, 1, 1)).empty());
  CHECK(t.schedule(Tier::council, 1000000, d(2024, 1, 1)).empty());
  CHECK(t.schedule(Tier::member, 350000, d(2025, 1, 1)).empty());
  auto schedule = roster::dues_schedule(t.store);
  REQUIRE(schedule.size() == 5);
  CHECK(schedule[0].tier == Tier::president);
  CHECK(schedule[3].tier == Tier::member);
  CHECK(schedule[3].from == d(2024, 1, 1));
  CHECK(schedule[4].amount == 350000);
  CHECK(schedule[4].resolution == "第一届第二次会员大会");
  CHECK(roster::amounts_in_force(schedule, d(2024, 6, 1)).size() == 4);
  CHECK(roster::amounts_in_force(schedule, d(2025, 6, 1)) ==
        std::vector<roster::Fen>{350000, 1000000, 2000000, 5000000});
  CHECK(t.history("dues.schedule") == 5);

  std::string before = contents(t.dir);
  auto problems = t.schedule(Tier::member, 400000, d(2025, 1, 1));
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].reason, Contains("member already has an amount from 2025-01-01 (3,500.00 yuan"));
  CHECK_FALSE(t.schedule(Tier::member, roster::kMaxFen + 1, d(2026, 1, 1)).empty());
  CHECK(contents(t.dir) == before);
}

TEST_CASE("billing twice charges nobody twice, a member joining later is billed by the next run", "[dues][store]") {
  Dues t;
  t.schedule(Tier::member, 300000, d(2024, 1, 1));
  t.schedule(Tier::council, 1000000, d(2024, 1, 1));
  int64_t old_member = t.member("杭州甲有限公司", d(2023, 7, 15));
  int64_t council = t.member("杭州乙有限公司", d(2023, 1, 1), Tier::council);
  auto first = t.bill(2024, d(2024, 1, 10));
  REQUIRE(first.charged.size() == 2);
  CHECK(first.charged[0].member_id == old_member);
  CHECK(first.charged[0].amount == 300000);
  CHECK(first.charged[0].due_on == d(2024, 3, 31));
  CHECK(first.charged[1].amount == 1000000);
  CHECK(first.already_billed == 0);

  int64_t june = t.member("杭州丙有限公司", d(2024, 6, 30));
  int64_t july = t.member("杭州丁有限公司", d(2024, 7, 1));
  auto second = t.bill(2024, d(2024, 7, 20));
  REQUIRE(second.charged.size() == 2);
  CHECK(second.already_billed == 2);
  CHECK(second.charged[0].member_id == june);
  CHECK(second.charged[0].amount == 300000);
  CHECK(second.charged[0].due_on == d(2024, 7, 30));
  CHECK(second.charged[1].member_id == july);
  CHECK(second.charged[1].amount == 150000);
  CHECK(second.charged[1].prorated);

  auto third = t.bill(2024, d(2024, 7, 20));
  CHECK(third.charged.empty());
  CHECK(third.already_billed == 4);
  auto charges = roster::dues_charges(t.store, 2024);
  REQUIRE(charges.size() == 4);
  CHECK(charges[1].member_id == council);
  CHECK(charges[1].tier == Tier::council);
  CHECK(charges[3].billed_on == d(2024, 7, 20));
  CHECK(t.history("dues.bill") == 4);
  auto members = roster::dues_members(t.store, 2024);
  REQUIRE(members.size() == 4);
  CHECK(members[2].name == "杭州丙有限公司");
}

TEST_CASE("billing counts members without an amount and skips years not begun", "[dues][store]") {
  Dues t;
  t.schedule(Tier::member, 300000, d(2024, 1, 1));
  t.member("杭州甲有限公司", d(2023, 7, 15));
  t.member("杭州乙有限公司", d(2023, 1, 1), Tier::council);
  auto result = t.bill(2024, d(2024, 2, 1));
  CHECK(result.charged.size() == 1);
  CHECK(result.without_amount == 1);
  CHECK(t.bill(2025, d(2024, 2, 1)).charged.empty());
  CHECK(roster::dues_charges(t.store, 2025).empty());
}

TEST_CASE("payments add up, overpayment, a missing charge and bad dates are refused", "[dues][store]") {
  Dues t;
  t.schedule(Tier::member, 300000, d(2024, 1, 1));
  int64_t id = t.member("杭州甲有限公司", d(2023, 7, 15));
  std::string before = contents(t.dir);
  auto problems = t.pay(id, 100000, d(2024, 2, 1));
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].reason, Contains("bill the year first"));
  CHECK(contents(t.dir) == before);

  t.bill(2024, d(2024, 1, 10));
  int64_t unbilled = t.member("杭州乙有限公司", d(2024, 3, 1));  // joined after the billing day
  CHECK_THAT(t.pay(unbilled, 100000, d(2024, 2, 1)).at(0).reason, Contains("has no charge for 2024"));
  CHECK(t.pay(id, 100000, d(2024, 2, 1)).empty());
  CHECK(t.pay(id, 150000, d(2024, 3, 1)).empty());
  before = contents(t.dir);
  problems = t.pay(id, 50001, d(2024, 3, 2));
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].reason, Contains("the balance is 500.00 yuan"));
  CHECK_THAT(t.pay(id, 100, d(2025, 1, 2), d(2025, 1, 1)).at(0).reason, Contains("is after 2025-01-01"));
  CHECK_THAT(t.pay(id, 100, d(2023, 12, 31)).at(0).reason, Contains("before dues year 2024 began on 2024-01-01"));
  CHECK_FALSE(t.pay(id, 0, d(2024, 3, 2)).empty());
  CHECK(contents(t.dir) == before);
  CHECK(t.pay(id, 50000, d(2024, 3, 31)).empty());  // exactly the balance

  auto payments = roster::dues_payments(t.store, 2024);
  REQUIRE(payments.size() == 3);
  roster::Fen total = 0;
  for (const auto& p : payments) total += p.amount;
  CHECK(total == 300000);
  CHECK(payments[0].paid_on == d(2024, 2, 1));
  CHECK(payments[0].method == "银行转账");
  CHECK(t.history("dues.pay") == 3);
  auto standing = roster::dues_standing(roster::dues_charges(t.store, 2024)[0], payments, std::nullopt, DuesPolicy{},
                                        d(2024, 4, 1));
  CHECK(standing.status == roster::DuesStatus::paid);
}

TEST_CASE("waivers and deferrals are recorded once, with a reason", "[dues][store]") {
  Dues t;
  t.schedule(Tier::member, 300000, d(2024, 1, 1));
  int64_t a = t.member("杭州甲有限公司", d(2023, 7, 15));
  int64_t b = t.member("杭州乙有限公司", d(2023, 7, 15));
  t.bill(2024, d(2024, 1, 10));
  auto exempt = [&](int64_t id, ExemptionKind kind, std::optional<Date> until, const std::string& reason) {
    Exemption e;
    e.member_id = id;
    e.year = 2024;
    e.kind = kind;
    e.until = until;
    e.reason = reason;
    e.approved_by = "理事会";
    e.on = d(2024, 2, 1);
    return t.write([&] { return roster::add_exemption(t.store, e); });
  };
  std::string before = contents(t.dir);
  CHECK_THAT(exempt(a, ExemptionKind::waived, std::nullopt, "  ").at(0).reason, Contains("the reason is empty"));
  CHECK_THAT(exempt(b, ExemptionKind::deferred, d(2024, 3, 31), "疫情").at(0).reason,
             Contains("not after the charge's due date 2024-03-31"));
  CHECK(contents(t.dir) == before);

  CHECK(exempt(a, ExemptionKind::waived, std::nullopt, "受灾企业").empty());
  CHECK(exempt(b, ExemptionKind::deferred, d(2024, 9, 30), "疫情").empty());
  CHECK_THAT(exempt(a, ExemptionKind::waived, std::nullopt, "again").at(0).reason, Contains("already waived"));
  CHECK_THAT(exempt(b, ExemptionKind::deferred, d(2024, 12, 31), "again").at(0).reason, Contains("deferred once"));

  auto exemptions = roster::dues_exemptions(t.store, 2024);
  REQUIRE(exemptions.size() == 2);
  CHECK(exemptions[0].kind == ExemptionKind::waived);
  CHECK(exemptions[0].approved_by == "理事会");
  CHECK_FALSE(exemptions[0].until);
  CHECK(exemptions[1].kind == ExemptionKind::deferred);
  CHECK(exemptions[1].until == d(2024, 9, 30));
  CHECK(exemptions[1].on == d(2024, 2, 1));
  CHECK(t.history("dues.waive") == 1);
  CHECK(t.history("dues.defer") == 1);
  SQLite::Database db((t.dir / "roster.db").string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT member_id FROM history WHERE kind = 'dues.defer'").getInt64() == b);
}

TEST_CASE("a version 4 database is migrated to 6 with its members kept", "[dues][store]") {
  TempDir dir;
  {
    Store store = Store::create(dir / "roster.db", settings());
    roster::NewMember m;
    m.name = "杭州甲有限公司";
    m.name_key = roster::name_key(m.name);
    m.sector_codes = {"education"};
    m.joined = d(2024, 1, 5);
    store.write([&] { store.insert_member(m); });
  }
  {
    // A version 4 file: what this roster makes, without what version 5 added.
    SQLite::Database db((dir / "roster.db").string(), SQLite::OPEN_READWRITE);
    db.exec(
        "DROP TABLE dues_exemptions; DROP TABLE dues_payments; DROP TABLE dues_charges; DROP TABLE dues_schedule;"
        "DROP TABLE dues_policy; ALTER TABLE members DROP COLUMN contact; ALTER TABLE members DROP COLUMN phone;"
        "ALTER TABLE members DROP COLUMN email; PRAGMA user_version = 4;");
  }
  Store store = Store::open(dir / "roster.db");
  CHECK(store.member_record(1).name == "杭州甲有限公司");
  CHECK(roster::dues_policy(store) == DuesPolicy{});
  CHECK(roster::dues_schedule(store).empty());
  SQLite::Database db((dir / "roster.db").string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == 6);
  CHECK(db.execAndGet("SELECT contact || phone || email FROM members WHERE id = 1").getString().empty());
  CHECK(db.execAndGet("SELECT before || '>' || after FROM history WHERE kind = 'schema.migrate'").getString() == "4>6");
}
