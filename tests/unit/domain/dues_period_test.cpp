// The dues section of the weekly report and progress's "at risk", on
// hand-worked dates (default policy: due 03-31, overdue from 04-01,
// suspended from 10-01, lapsed from the next 04-01).
#include "roster/dues_period.h"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "dues_values.h"

using roster::Charge;
using roster::Date;
using roster::DuesRef;
using roster::Tier;
using roster::test::DuesValues;

namespace {

Date d(int y, int m, int day) {
  return Date::from_ymd(y, m, day);
}

Charge charge(int64_t member, int year, roster::Fen amount, Date due_on, Date billed_on) {
  return {member, year, Tier::member, amount, billed_on, due_on, false};
}

// Four members billed 3,000 yuan for 2024 on 01-10, due 03-31:
// 1 paid 1,000 on 03-28 and 2,000 on 04-03; 2 paid nothing; 3 was waived on
// 02-01; 4 was deferred on 03-20 to 04-30. Member 2 also owes 2023's dues,
// due 2023-03-31 (lapsed since 2024-04-01).
DuesValues data() {
  DuesValues dues;
  dues.members = {{1, "甲", Tier::member, "", "", ""},
                  {2, "乙", Tier::member, "", "", ""},
                  {3, "丙", Tier::member, "", "", ""},
                  {4, "丁", Tier::member, "", "", ""}};
  for (int64_t m : {1, 2, 3, 4}) dues.charges.push_back(charge(m, 2024, 300'000, d(2024, 3, 31), d(2024, 1, 10)));
  dues.charges.push_back(charge(2, 2023, 300'000, d(2023, 3, 31), d(2023, 1, 10)));
  dues.payments = {{1, 1, 2024, 100'000, d(2024, 3, 28), "R-1", "银行转账"},
                   {2, 1, 2024, 200'000, d(2024, 4, 3), "R-2", "银行转账"}};
  dues.exemptions = {{3, 2024, roster::ExemptionKind::waived, std::nullopt, "受灾减免", "理事会", d(2024, 2, 1)},
                     {4, 2024, roster::ExemptionKind::deferred, d(2024, 4, 30), "资金周转", "", d(2024, 3, 20)}};
  return dues;
}

// dues_in_period of `dues` (which has charges).
roster::DuesPeriod in_period(const DuesValues& dues, Date from, Date to) {
  auto p = roster::dues_in_period(dues.feed(), dues.payment_feed(), dues.policy, from, to);
  REQUIRE(p.has_value());
  return *p;
}

// dues_at_risk of `dues` among the members `active`.
roster::DuesAtRisk at_risk(DuesValues dues, std::vector<int64_t> active, Date day) {
  dues.active = std::move(active);
  auto r = roster::dues_at_risk(dues.feed(), dues.policy, day);
  REQUIRE(r.has_value());
  return *r;
}

}  // namespace

TEST_CASE("dues_in_period: collected in the week, outstanding at its end, newly overdue", "[dues]") {
  // Week 2024-W14, 04-01 to 04-07: 甲 pays its last 2,000 on 04-03; 甲 was
  // overdue on 04-01 only, so on 04-07 it is paid; 乙's 2024 dues turn
  // overdue on 04-01, and its 2023 dues lapse that day; 丁 is deferred.
  auto p = in_period(data(), d(2024, 4, 1), d(2024, 4, 7));
  CHECK(p.collected == 200'000);
  CHECK(p.payments == 1);
  // Owed on 04-07: 乙 3,000 (2024) + 3,000 (2023) + 丁 3,000 (deferred).
  CHECK(p.outstanding == 900'000);
  // 乙 was already late on 03-31 (its 2023 dues, suspended): not newly.
  CHECK(p.newly_overdue == 0);
  CHECK(p.lapsed == 1);
  CHECK(p.suspended == 0);
  // Week 2024-W18, 04-29 to 05-05: 丁's deferral ends 04-30: overdue from 05-01.
  auto later = in_period(data(), d(2024, 4, 29), d(2024, 5, 5));
  CHECK(later.collected == 0);
  CHECK(later.newly_overdue == 1);
  CHECK(later.newly_overdue_first == std::vector<DuesRef>{{4, "丁"}});
  // The quarter before: 甲 paid 1,000 on 03-28.
  auto q1 = in_period(data(), d(2024, 1, 1), d(2024, 3, 31));
  CHECK(q1.collected == 100'000);
  CHECK(q1.outstanding == 200'000 + 300'000 + 300'000 + 300'000);  // 甲's balance, 乙 twice, 丁
  CHECK(q1.suspended == 1);                                        // 乙's 2023 dues
  CHECK(q1.lapsed == 0);
}

TEST_CASE("dues_in_period: a member turning overdue in the period is named once", "[dues]") {
  DuesValues dues = data();
  dues.charges.erase(dues.charges.begin() + 4);  // 乙 owes 2024 only
  auto p = in_period(dues, d(2024, 4, 1), d(2024, 4, 7));
  CHECK(p.newly_overdue_first == std::vector<DuesRef>{{2, "乙"}});
  // A charge billed after the period's end is not seen.
  dues.charges.push_back(charge(1, 2025, 300'000, d(2025, 3, 31), d(2025, 1, 10)));
  CHECK(in_period(dues, d(2024, 4, 1), d(2024, 4, 7)).outstanding == 600'000);
}

TEST_CASE("dues_at_risk counts active members suspended or lapsed, each once at its worst", "[dues]") {
  DuesValues dues = data();
  CHECK(at_risk(dues, {1, 2, 3, 4}, d(2024, 3, 31)).suspended == 1);
  auto april = at_risk(dues, {1, 2, 3, 4}, d(2024, 4, 1));
  CHECK(april.lapsed == 1);  // 乙: 2023 lapsed, 2024 overdue — counted once
  CHECK(april.suspended == 0);
  CHECK(at_risk(dues, {1, 3, 4}, d(2024, 4, 1)).lapsed == 0);  // 乙 has left
  // On 2024-10-01 乙's 2024 dues are suspended too, and 丁's (due 04-30) are
  // still overdue until 10-31.
  auto october = at_risk(dues, {1, 2, 3, 4}, d(2024, 10, 1));
  CHECK(october.lapsed == 1);
  CHECK(october.suspended == 0);
  CHECK(at_risk(dues, {1, 2, 3, 4}, d(2024, 11, 1)).suspended == 1);  // 丁
}

TEST_CASE("dues_in_period and dues_at_risk say nothing when nobody was ever billed", "[dues]") {
  DuesValues none = data();
  none.charges.clear();
  bool payments_read = false;
  auto p = roster::dues_in_period(
      none.feed(), [&](const std::function<void(const roster::Payment&)>&) { payments_read = true; }, none.policy,
      d(2024, 4, 1), d(2024, 4, 7));
  CHECK_FALSE(p.has_value());
  CHECK_FALSE(payments_read);
  CHECK_FALSE(roster::dues_at_risk(none.feed(), none.policy, d(2024, 4, 1)).has_value());
}

TEST_CASE("dues_in_period counts a payment that has no charge toward what was collected", "[dues]") {
  DuesValues dues = data();
  dues.payments.push_back({3, 3, 2023, 50'000, d(2024, 4, 2), "R-3", "现金"});  // 丙 was never billed for 2023
  auto p = in_period(dues, d(2024, 4, 1), d(2024, 4, 7));
  CHECK(p.collected == 250'000);
  CHECK(p.payments == 2);
}

TEST_CASE("dues_in_period refuses accounts fed out of member order", "[dues]") {
  std::vector<roster::DuesAccount> list = data().accounts();
  std::reverse(list.begin(), list.end());
  auto feed = [&](const std::function<void(const roster::DuesAccount&)>& each) {
    for (const auto& a : list) each(a);
  };
  CHECK_THROWS_AS(roster::dues_at_risk(feed, roster::DuesPolicy{}, d(2024, 4, 1)), std::logic_error);
}

TEST_CASE("dues_in_period names the first newly overdue, each_newly_overdue every one", "[dues]") {
  DuesValues dues;
  for (int64_t m = 1; m <= 12; ++m) {
    dues.members.push_back({m, "会员" + std::to_string(m), Tier::member, "", "", ""});
    dues.charges.push_back(charge(m, 2024, 300'000, d(2024, 3, 31), d(2024, 1, 10)));
  }
  auto p = in_period(dues, d(2024, 4, 1), d(2024, 4, 7));
  CHECK(p.newly_overdue == 12);
  REQUIRE(p.newly_overdue_first.size() == roster::DuesPeriod::kNamed);
  CHECK(p.newly_overdue_first.back() == DuesRef{10, "会员10"});
  std::vector<DuesRef> all;
  roster::each_newly_overdue(dues.feed(), dues.policy, d(2024, 4, 1), d(2024, 4, 7),
                             [&](const DuesRef& m) { all.push_back(m); });
  REQUIRE(all.size() == 12);
  CHECK(all.front() == DuesRef{1, "会员1"});
  CHECK(all.back() == DuesRef{12, "会员12"});
  all.clear();
  roster::each_newly_overdue(dues.feed(), dues.policy, d(2024, 4, 8), d(2024, 4, 14),
                             [&](const DuesRef& m) { all.push_back(m); });
  CHECK(all.empty());  // overdue already the week before
}
