// The dues rules on hand-worked dates (docs/dues.md): dues years, month
// offsets, the schedule, the charge and its proration, and the standing of a
// member's dues as of a date.
#include "roster/dues.h"

#include <catch2/catch.hpp>

using roster::Charge;
using roster::Date;
using roster::DuesPolicy;
using roster::DuesStatus;
using roster::Exemption;
using roster::ExemptionKind;
using roster::Payment;
using roster::Period;
using roster::ScheduleEntry;
using roster::Tier;

namespace {

Date d(int y, int m, int day) {
  return Date::from_ymd(y, m, day);
}

// The Ningbo schedule from 2024-01-01: 会长 50,000, 副会长 20,000, 理事
// 10,000, 会员 3,000 yuan a year.
std::vector<ScheduleEntry> schedule() {
  return {{1, Tier::president, 5'000'000, d(2024, 1, 1), "第一届第二次会员大会"},
          {2, Tier::vice_president, 2'000'000, d(2024, 1, 1), "第一届第二次会员大会"},
          {3, Tier::council, 1'000'000, d(2024, 1, 1), "第一届第二次会员大会"},
          {4, Tier::member, 300'000, d(2024, 1, 1), "第一届第二次会员大会"}};
}

Period period(Date joined, std::optional<Date> left = std::nullopt) {
  return {joined, left, ""};
}

Charge charge(std::vector<Period> periods, Tier tier = Tier::member, int year = 2024, DuesPolicy policy = {},
              Date billed_on = d(2024, 12, 31)) {
  auto c = roster::charge_for(7, periods, tier, year, policy, schedule(), billed_on);
  REQUIRE(c);
  return *c;
}

DuesStatus status_on(const Charge& c, Date as_of, std::vector<Payment> payments = {},
                     std::optional<Exemption> exemption = std::nullopt, DuesPolicy policy = {}) {
  return roster::dues_standing(c, payments, exemption, policy, as_of).status;
}

Payment paid(Date on, roster::Fen amount, int year = 2024) {
  return {0, 7, year, amount, on, "", ""};
}

}  // namespace

TEST_CASE("parse_month_day reads 03-31, 3/31 and 3月31日, and only real days", "[dues]") {
  using roster::MonthDay;
  CHECK(roster::parse_month_day("03-31") == MonthDay{3, 31});
  CHECK(roster::parse_month_day("3-31") == MonthDay{3, 31});
  CHECK(roster::parse_month_day("3/31") == MonthDay{3, 31});
  CHECK(roster::parse_month_day("3月31日") == MonthDay{3, 31});
  CHECK(roster::parse_month_day("７月１日") == MonthDay{7, 1});
  CHECK(roster::parse_month_day("02-29") == MonthDay{2, 29});
  for (const char* bad : {"", "02-30", "04-31", "13-01", "0-1", "3-31-2024", "331", "03 31", "003-31"}) {
    INFO(bad);
    CHECK_FALSE(roster::parse_month_day(bad));
  }
  CHECK(roster::month_day_text({7, 1}) == "07-01");
}

TEST_CASE("policy_problems names a bad percent and offsets out of order", "[dues]") {
  CHECK(roster::policy_problems(DuesPolicy{}).empty());
  DuesPolicy p;
  p.prorate_percent = 120;
  CHECK(roster::policy_problems(p).size() == 1);
  p = {};
  p.grace_months = 7;  // after the suspension at 6
  REQUIRE(roster::policy_problems(p).size() == 1);
  CHECK(roster::policy_problems(p)[0] ==
        "the offsets must not decrease: grace 7 ≤ suspension 6 ≤ lapse 12 months; e.g. 0, 6 and 12");
  p = {};
  p.lapse_months = -1;
  CHECK(roster::policy_problems(p).size() == 1);
}

TEST_CASE("dues years follow the policy's first day, calendar by default", "[dues]") {
  DuesPolicy calendar;
  CHECK(roster::dues_year(calendar, 2024).first == d(2024, 1, 1));
  CHECK(roster::dues_year(calendar, 2024).last == d(2024, 12, 31));
  CHECK(roster::dues_year_of(calendar, d(2024, 12, 31)) == 2024);
  DuesPolicy april;  // a dues year from April, as some associations keep it
  april.year_start = {4, 1};
  april.due = {6, 30};
  CHECK(roster::dues_year(april, 2024).last == d(2025, 3, 31));
  CHECK(roster::dues_year_of(april, d(2025, 3, 31)) == 2024);
  CHECK(roster::dues_year_of(april, d(2025, 4, 1)) == 2025);
  // A month-day before the year's first day falls in the next calendar year.
  CHECK(roster::date_in_dues_year(april, 2024, {1, 15}) == d(2025, 1, 15));
  CHECK(roster::date_in_dues_year(april, 2024, {6, 30}) == d(2024, 6, 30));
}

TEST_CASE("add_months keeps to the month it lands in, leap years included", "[dues]") {
  CHECK(roster::add_months(d(2024, 3, 31), 6) == d(2024, 9, 30));
  CHECK(roster::add_months(d(2024, 3, 31), 12) == d(2025, 3, 31));
  CHECK(roster::add_months(d(2023, 8, 31), 6) == d(2024, 2, 29));  // leap year
  CHECK(roster::add_months(d(2024, 8, 31), 6) == d(2025, 2, 28));
  CHECK(roster::add_months(d(2024, 2, 29), 12) == d(2025, 2, 28));
  CHECK(roster::add_months(d(2024, 1, 15), 0) == d(2024, 1, 15));
}

TEST_CASE("the schedule in force is the latest entry on or before the day", "[dues]") {
  auto s = schedule();
  s.push_back({5, Tier::member, 500'000, d(2025, 1, 1), "第一届第三次会员大会"});
  CHECK(roster::entry_in_force(s, Tier::member, d(2024, 12, 31))->amount == 300'000);
  CHECK(roster::entry_in_force(s, Tier::member, d(2025, 1, 1))->amount == 500'000);
  CHECK_FALSE(roster::entry_in_force(s, Tier::member, d(2023, 12, 31)));
  CHECK(roster::amounts_in_force(s, d(2024, 6, 1)) ==
        std::vector<roster::Fen>{300'000, 1'000'000, 2'000'000, 5'000'000});
}

TEST_CASE("joining on 06-30 pays the full year, on 07-01 half", "[dues]") {
  Charge june = charge({period(d(2024, 6, 30))});
  CHECK(june.amount == 300'000);
  CHECK_FALSE(june.prorated);
  Charge july = charge({period(d(2024, 7, 1))});
  CHECK(july.amount == 150'000);
  CHECK(july.prorated);
  // A new member has a month to pay: due 30 days after its first day, not on 03-31.
  CHECK(june.due_on == d(2024, 7, 30));
  CHECK(july.due_on == d(2024, 7, 31));
  // A member from before the year pays in full by the policy's due date.
  Charge old = charge({period(d(2023, 7, 15))});
  CHECK(old.amount == 300'000);
  CHECK(old.due_on == d(2024, 3, 31));
}

TEST_CASE("a leap year: 02-29 as a due date and as a joining day", "[dues]") {
  DuesPolicy leap_due;
  leap_due.due = {2, 29};
  CHECK(charge({period(d(2020, 1, 1))}, Tier::member, 2024, leap_due).due_on == d(2024, 2, 29));
  CHECK(charge({period(d(2020, 1, 1))}, Tier::member, 2025, leap_due, d(2025, 12, 31)).due_on == d(2025, 2, 28));
  // Joined on 2024-02-29: a full year, due 30 days later, on 03-30 (before 03-31, so 03-31).
  Charge c = charge({period(d(2024, 2, 29))});
  CHECK_FALSE(c.prorated);
  CHECK(c.due_on == d(2024, 3, 31));
  // Overdue from the day after; suspended after 6 months (09-30), lapsed after 12.
  CHECK(status_on(c, d(2024, 3, 31)) == DuesStatus::due);
  CHECK(status_on(c, d(2024, 4, 1)) == DuesStatus::overdue);
  CHECK(status_on(c, d(2024, 9, 30)) == DuesStatus::overdue);
  CHECK(status_on(c, d(2024, 10, 1)) == DuesStatus::suspended);
}

TEST_CASE("a tier change mid-year: the charge is at the tier held when billed", "[dues]") {
  std::vector<Period> periods = {period(d(2023, 1, 1))};
  // Billed in January as council; moved to member in May: the charge stays.
  Charge council = charge(periods, Tier::council, 2024, {}, d(2024, 1, 10));
  CHECK(council.tier == Tier::council);
  CHECK(council.amount == 1'000'000);
  CHECK(council.billed_on == d(2024, 1, 10));
  // Had it been billed after the change, it would be at the member amount.
  CHECK(charge(periods, Tier::member, 2024, {}, d(2024, 6, 1)).amount == 300'000);
  // A new schedule mid-year does not change a member's charge from before it.
  auto s = schedule();
  s.push_back({5, Tier::council, 1'200'000, d(2024, 7, 1), "临时会员大会"});
  CHECK(roster::charge_for(7, periods, Tier::council, 2024, {}, s, d(2024, 8, 1))->amount == 1'000'000);
}

TEST_CASE("a member who left and re-joined within the year pays once, in full", "[dues]") {
  std::vector<Period> periods = {period(d(2022, 5, 1), d(2024, 2, 10)), period(d(2024, 9, 1))};
  Charge c = charge(periods);
  CHECK(c.amount == 300'000);
  CHECK_FALSE(c.prorated);
  CHECK(c.due_on == d(2024, 3, 31));
  // Left in 2023, re-joined in September 2024: new in the year, so half.
  Charge back = charge({period(d(2022, 5, 1), d(2023, 6, 1)), period(d(2024, 9, 1))});
  CHECK(back.prorated);
  CHECK(back.amount == 150'000);
  CHECK(back.due_on == d(2024, 10, 1));
}

TEST_CASE("nobody is charged for a year they were not a member in by the billing day", "[dues]") {
  auto none = [](std::vector<Period> periods, Date billed_on) {
    return !roster::charge_for(7, periods, Tier::member, 2024, {}, schedule(), billed_on);
  };
  CHECK(none({period(d(2024, 8, 1))}, d(2024, 7, 31)));                      // joins after the billing day
  CHECK(none({period(d(2022, 1, 1), d(2024, 1, 1))}, d(2024, 6, 1)));        // left on the year's first day
  CHECK_FALSE(none({period(d(2022, 1, 1), d(2024, 1, 2))}, d(2024, 6, 1)));  // a member on 01-01
  CHECK(none({period(d(2025, 1, 1))}, d(2025, 6, 1)));                       // joined the next year
  // No amount in force for the tier: no charge.
  CHECK_FALSE(roster::charge_for(7, {period(d(2020, 1, 1))}, Tier::member, 2023, {}, schedule(), d(2023, 6, 1)));
}

TEST_CASE("paying exactly on the due date is paid, one day after each offset moves the status on", "[dues]") {
  Charge c = charge({period(d(2020, 1, 1))});  // 3,000 yuan due 2024-03-31
  CHECK(status_on(c, d(2024, 3, 31), {paid(d(2024, 3, 31), 300'000)}) == DuesStatus::paid);
  CHECK(status_on(c, d(2024, 1, 10)) == DuesStatus::due);
  CHECK(status_on(c, d(2024, 3, 31)) == DuesStatus::due);        // the due date itself
  CHECK(status_on(c, d(2024, 4, 1)) == DuesStatus::overdue);     // grace 0: the day after
  CHECK(status_on(c, d(2024, 9, 30)) == DuesStatus::overdue);    // 6 months after
  CHECK(status_on(c, d(2024, 10, 1)) == DuesStatus::suspended);  // a day more
  CHECK(status_on(c, d(2025, 3, 31)) == DuesStatus::suspended);  // 12 months after
  CHECK(status_on(c, d(2025, 4, 1)) == DuesStatus::lapsed);      // a day more
  // A month's grace: still due on 04-30, overdue on 05-01.
  DuesPolicy grace;
  grace.grace_months = 1;
  CHECK(status_on(c, d(2024, 4, 30), {}, std::nullopt, grace) == DuesStatus::due);
  CHECK(status_on(c, d(2024, 5, 1), {}, std::nullopt, grace) == DuesStatus::overdue);
  // Paying a day late: overdue until the payment, paid from its day on.
  std::vector<Payment> late = {paid(d(2024, 4, 1), 300'000)};
  CHECK(status_on(c, d(2024, 4, 1), late) == DuesStatus::paid);
  CHECK(status_on(c, d(2024, 3, 31), late) == DuesStatus::due);  // not yet paid that day
}

TEST_CASE("partial payments add up, a balance left runs the same clock", "[dues]") {
  Charge c = charge({period(d(2020, 1, 1))});
  std::vector<Payment> parts = {paid(d(2024, 2, 1), 100'000), paid(d(2024, 3, 1), 100'000)};
  auto s = roster::dues_standing(c, parts, std::nullopt, {}, d(2024, 3, 15));
  CHECK(s.status == DuesStatus::partial);
  CHECK(s.paid == 200'000);
  CHECK(s.balance == 100'000);
  CHECK(status_on(c, d(2024, 4, 1), parts) == DuesStatus::overdue);
  parts.push_back(paid(d(2024, 4, 2), 100'000));
  CHECK(status_on(c, d(2024, 4, 2), parts) == DuesStatus::paid);
  // Another member's or year's payment does not count.
  std::vector<Payment> others = {paid(d(2024, 2, 1), 300'000, 2023), {0, 8, 2024, 300'000, d(2024, 2, 1), "", ""}};
  CHECK(status_on(c, d(2024, 3, 1), others) == DuesStatus::due);
}

TEST_CASE("a waiver ends the dues for the year, a deferral moves the due date", "[dues]") {
  Charge c = charge({period(d(2020, 1, 1))});
  Exemption waiver{7, 2024, ExemptionKind::waived, std::nullopt, "受灾减免", "理事会", d(2024, 5, 1)};
  CHECK(status_on(c, d(2024, 4, 30), {}, waiver) == DuesStatus::overdue);  // before it was granted
  CHECK(status_on(c, d(2024, 5, 1), {}, waiver) == DuesStatus::waived);
  CHECK(status_on(c, d(2026, 1, 1), {}, waiver) == DuesStatus::waived);
  Exemption deferral{7, 2024, ExemptionKind::deferred, d(2024, 9, 30), "资金周转困难", "", d(2024, 3, 20)};
  CHECK(status_on(c, d(2024, 3, 20), {}, deferral) == DuesStatus::deferred);
  CHECK(status_on(c, d(2024, 9, 30), {}, deferral) == DuesStatus::deferred);
  CHECK(status_on(c, d(2024, 10, 1), {}, deferral) == DuesStatus::overdue);    // from the new date
  CHECK(status_on(c, d(2025, 3, 30), {}, deferral) == DuesStatus::overdue);    // 09-30 + 6 months
  CHECK(status_on(c, d(2025, 3, 31), {}, deferral) == DuesStatus::suspended);  // a day more
  CHECK(roster::dues_standing(c, {}, deferral, {}, d(2024, 10, 1)).due_on == d(2024, 9, 30));
  CHECK(status_on(c, d(2024, 6, 1), {paid(d(2024, 6, 1), 300'000)}, deferral) == DuesStatus::paid);
}

TEST_CASE("status codes are the data formats' words", "[dues]") {
  std::vector<std::string> codes;
  for (DuesStatus s : roster::all_dues_statuses()) {
    codes.emplace_back(roster::dues_status_code(s));
    CHECK(roster::dues_status_from_code(roster::dues_status_code(s)) == s);
  }
  CHECK(codes ==
        std::vector<std::string>{"paid", "partial", "due", "overdue", "suspended", "lapsed", "waived", "deferred"});
  CHECK_FALSE(roster::dues_status_from_code("late"));
}
