// The dues views on a hand-worked fixture (default policy: due 03-31, grace
// 0, suspended after 6 months, lapsed after 12), as of 2024-10-15:
//
//   id tier            year charge     paid (date)           exemption                     status
//   1  council         2024 10,000.00  10,000.00 (03-20)     -                             paid
//   2  member          2024  1,500.00     500.00 (10-10)     -        due 10-31            partial
//   3  member          2024  1,500.00       -                -        due 11-10            due
//   4  member          2024  3,000.00  3,000.00 (11-01, later) -      due 05-31            overdue
//   5  member          2024  3,000.00  1,000.00 (04-10)     -                             suspended (after 09-30)
//   6  member          2023  3,000.00       -                -        due 2023-03-31       lapsed (after 2024-03-31)
//   7  vice-president  2024 20,000.00  5,000.00 (03-01)     waived 06-01                  waived
//   8  member          2024  3,000.00       -                deferred 03-20 to 12-31       deferred
#include "roster/dues_report.h"

#include <catch2/catch.hpp>

#include "dues_values.h"

using roster::Charge;
using roster::Date;
using roster::DuesStatus;
using roster::Exemption;
using roster::ExemptionKind;
using roster::Fen;
using roster::Payment;
using roster::Tier;
using roster::test::DuesValues;

namespace {

Date d(int y, int m, int day) {
  return Date::from_ymd(y, m, day);
}

const Date kAsOf = d(2024, 10, 15);

Charge charge(int64_t id, Tier tier, int year, Fen amount, Date due_on) {
  return {id, year, tier, amount, d(year, 1, 10), due_on, false};
}

Payment payment(int64_t id, int year, Fen amount, Date on) {
  return {0, id, year, amount, on, "", ""};
}

DuesValues fixture() {
  DuesValues data;
  for (int64_t id = 1; id <= 8; ++id) {
    data.members.push_back({id, "会员" + std::to_string(id), Tier::member, "联系人" + std::to_string(id),
                            "0574-8800000" + std::to_string(id), "m" + std::to_string(id) + "@example.cn"});
  }
  data.charges = {charge(1, Tier::council, 2024, 1'000'000, d(2024, 3, 31)),
                  charge(2, Tier::member, 2024, 150'000, d(2024, 10, 31)),
                  charge(3, Tier::member, 2024, 150'000, d(2024, 11, 10)),
                  charge(4, Tier::member, 2024, 300'000, d(2024, 5, 31)),
                  charge(5, Tier::member, 2024, 300'000, d(2024, 3, 31)),
                  charge(6, Tier::member, 2023, 300'000, d(2023, 3, 31)),
                  charge(7, Tier::vice_president, 2024, 2'000'000, d(2024, 3, 31)),
                  charge(8, Tier::member, 2024, 300'000, d(2024, 3, 31))};
  data.payments = {payment(1, 2024, 1'000'000, d(2024, 3, 20)), payment(2, 2024, 50'000, d(2024, 10, 10)),
                   payment(4, 2024, 300'000, d(2024, 11, 1)), payment(5, 2024, 100'000, d(2024, 4, 10)),
                   payment(7, 2024, 500'000, d(2024, 3, 1))};
  data.exemptions = {{7, 2024, ExemptionKind::waived, std::nullopt, "受灾", "理事会", d(2024, 6, 1)},
                     {8, 2024, ExemptionKind::deferred, d(2024, 12, 31), "资金周转", "理事会", d(2024, 3, 20)}};
  return data;
}

// The rows each_dues_status hands on, kept in the store's order for one year
// (here the years mix): by year, then member id.
roster::DuesStatusReport status(const DuesValues& v, Date as_of, const std::vector<DuesStatus>& only = {}) {
  std::vector<roster::DuesStatusRow> rows;
  auto report = roster::each_dues_status(v.feed(), v.policy, as_of, only,
                                         [&](const roster::DuesStatusRow& r) { rows.push_back(r); });
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return std::tie(a.year, a.member_id) < std::tie(b.year, b.member_id); });
  report.rows = rows;
  return report;
}

roster::DuesSummary summary_of(const DuesValues& v, Date as_of) {
  return roster::build_dues_summary(v.feed(), v.policy, as_of);
}

// The reminders each_dues_reminder hands on, kept in the store's order
// (DuesAccountOrder::due): by due date, then member id, then year.
std::vector<roster::DuesReminder> reminders(const DuesValues& v, Date as_of, int days_before) {
  std::vector<roster::DuesReminder> out;
  roster::each_dues_reminder(v.feed(), v.policy, as_of, days_before,
                             [&](const roster::DuesReminder& r) { out.push_back(r); });
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.due_on, a.member_id, a.year) < std::tie(b.due_on, b.member_id, b.year);
  });
  return out;
}

}  // namespace

TEST_CASE("dues status: every charge's standing, exact amounts, by year then member", "[dues_report]") {
  auto report = status(fixture(), kAsOf);
  REQUIRE(report.rows.size() == 8);
  std::vector<int64_t> ids;
  std::vector<DuesStatus> statuses;
  for (const auto& r : report.rows) {
    ids.push_back(r.member_id);
    statuses.push_back(r.status);
  }
  CHECK(ids == std::vector<int64_t>{6, 1, 2, 3, 4, 5, 7, 8});
  CHECK(statuses == std::vector<DuesStatus>{DuesStatus::lapsed, DuesStatus::paid, DuesStatus::partial, DuesStatus::due,
                                            DuesStatus::overdue, DuesStatus::suspended, DuesStatus::waived,
                                            DuesStatus::deferred});
  const auto& partial = report.rows[2];
  CHECK(partial.name == "会员2");
  CHECK(partial.year == 2024);
  CHECK(partial.tier == Tier::member);
  CHECK(partial.due == 150'000);
  CHECK(partial.paid == 50'000);
  CHECK(partial.balance == 100'000);
  CHECK(partial.due_on == d(2024, 10, 31));
  // The payment of 11-01 comes after the date: member 4 still owes it all.
  CHECK(report.rows[4].paid == 0);
  CHECK(report.rows[4].balance == 300'000);
  // What is left of a waived charge is not owed.
  CHECK(report.rows[6].tier == Tier::vice_president);
  CHECK(report.rows[6].paid == 500'000);
  CHECK(report.rows[6].balance == 0);
  // A deferral shows its new due date.
  CHECK(report.rows[7].due_on == d(2024, 12, 31));
  CHECK(report.rows[7].balance == 300'000);
  CHECK(report.members == 8);
  CHECK(report.suspended == 1);
  CHECK(report.lapsed == 1);
  CHECK(report.at_risk());
}

TEST_CASE("dues status: the filter keeps the statuses asked for, the check counts everyone", "[dues_report]") {
  auto report = status(fixture(), kAsOf, {DuesStatus::overdue, DuesStatus::suspended});
  REQUIRE(report.rows.size() == 2);
  CHECK(report.rows[0].member_id == 4);
  CHECK(report.rows[1].member_id == 5);

  auto paid_only = status(fixture(), kAsOf, {DuesStatus::paid});
  REQUIRE(paid_only.rows.size() == 1);
  CHECK(paid_only.rows[0].member_id == 1);
  CHECK(paid_only.lapsed == 1);  // a lapsed member still fails --check
  CHECK(paid_only.at_risk());

  // On 2024-03-31 nobody is late yet but member 6 (a year after 2023-03-31,
  // not yet lapsed: suspended), and 5 has paid nothing yet.
  auto march = status(fixture(), d(2024, 3, 31));
  CHECK(march.suspended == 1);
  CHECK(march.lapsed == 0);
  CHECK(march.rows[0].status == DuesStatus::suspended);
  CHECK(march.rows[5].status == DuesStatus::due);
}

TEST_CASE("dues status: nobody suspended or lapsed passes the check", "[dues_report]") {
  DuesValues data = fixture();
  data.charges = {charge(1, Tier::council, 2024, 1'000'000, d(2024, 3, 31)),
                  charge(4, Tier::member, 2024, 300'000, d(2024, 5, 31))};
  auto report = status(data, kAsOf);
  CHECK(report.members == 2);
  CHECK_FALSE(report.at_risk());
  CHECK(status(DuesValues{}, kAsOf).rows.empty());
}

TEST_CASE("dues summary: billed, collected, waived, outstanding and rate per year and tier", "[dues_report]") {
  auto summary = summary_of(fixture(), kAsOf);
  REQUIRE(summary.rows.size() == 6);  // 2023: member, total; 2024: vice-president, council, member, total
  const auto& m2023 = summary.rows[0];
  CHECK(m2023.year == 2023);
  CHECK(m2023.tier == Tier::member);
  CHECK(m2023.billed == 300'000);
  CHECK(m2023.outstanding == 300'000);
  CHECK(m2023.collection_rate == 0.0);
  CHECK(summary.rows[1].year == 2023);
  CHECK_FALSE(summary.rows[1].tier);

  const auto& vp = summary.rows[2];
  CHECK(vp.tier == Tier::vice_president);
  CHECK(vp.members == 1);
  CHECK(vp.billed == 2'000'000);
  CHECK(vp.collected == 500'000);
  CHECK(vp.waived == 1'500'000);
  CHECK(vp.outstanding == 0);
  CHECK(vp.collection_rate == 1.0);  // 5,000 of the 5,000 left to collect

  CHECK(summary.rows[3].tier == Tier::council);
  CHECK(summary.rows[3].collection_rate == 1.0);

  const auto& member = summary.rows[4];
  CHECK(member.tier == Tier::member);
  CHECK(member.members == 5);
  CHECK(member.billed == 1'200'000);   // 1,500 + 1,500 + 3,000 + 3,000 + 3,000
  CHECK(member.collected == 150'000);  // 500 + 1,000; the 11-01 payment is after the date
  CHECK(member.waived == 0);
  CHECK(member.outstanding == 1'050'000);  // deferred 3,000 included
  CHECK(member.collection_rate == 0.125);

  const auto& total = summary.rows[5];
  CHECK_FALSE(total.tier);
  CHECK(total.members == 7);
  CHECK(total.billed == 4'200'000);
  CHECK(total.collected == 1'650'000);
  CHECK(total.waived == 1'500'000);
  CHECK(total.outstanding == 1'050'000);
  CHECK(total.billed == total.collected + total.waived + total.outstanding);
  REQUIRE(total.collection_rate);
  CHECK(*total.collection_rate == Approx(1'650'000.0 / 2'700'000.0));
}

TEST_CASE("dues summary: no rate when everything billed is waived", "[dues_report]") {
  DuesValues data;
  data.charges = {charge(1, Tier::member, 2024, 300'000, d(2024, 3, 31))};
  data.exemptions = {{1, 2024, ExemptionKind::waived, std::nullopt, "受灾", "", d(2024, 2, 1)}};
  auto summary = summary_of(data, kAsOf);
  REQUIRE(summary.rows.size() == 2);
  CHECK(summary.rows[1].waived == 300'000);
  CHECK(summary.rows[1].outstanding == 0);
  CHECK_FALSE(summary.rows[1].collection_rate);
  // Before the waiver was granted the charge was owed.
  auto before = summary_of(data, d(2024, 1, 31));
  CHECK(before.rows[1].outstanding == 300'000);
  CHECK(before.rows[1].collection_rate == 0.0);
  CHECK(summary_of(DuesValues{}, kAsOf).rows.empty());
}

TEST_CASE("dues remind: balances due within the window or past, most overdue first", "[dues_report]") {
  auto ids = [](const std::vector<roster::DuesReminder>& list) {
    std::vector<int64_t> out;
    for (const auto& r : list) out.push_back(r.member_id);
    return out;
  };
  auto in_30 = reminders(fixture(), kAsOf, 30);  // up to 11-14
  CHECK(ids(in_30) == std::vector<int64_t>{6, 5, 4, 2, 3});
  REQUIRE(in_30.size() == 5);
  CHECK(in_30[0].year == 2023);
  CHECK(in_30[0].status == DuesStatus::lapsed);
  CHECK(in_30[1].balance == 200'000);
  CHECK(in_30[3].balance == 100'000);
  CHECK(in_30[3].contact == "联系人2");
  CHECK(in_30[3].phone == "0574-88000002");
  CHECK(in_30[3].email == "m2@example.cn");
  CHECK(in_30[4].due_on == d(2024, 11, 10));

  CHECK(ids(reminders(fixture(), kAsOf, 0)) == std::vector<int64_t>{6, 5, 4});
  CHECK(ids(reminders(fixture(), kAsOf, 26)) == std::vector<int64_t>{6, 5, 4, 2, 3});
  CHECK(ids(reminders(fixture(), kAsOf, 25)) == std::vector<int64_t>{6, 5, 4, 2});
  // The deferral's new date, 12-31, is 77 days away.
  auto in_77 = reminders(fixture(), kAsOf, 77);
  CHECK(ids(in_77) == std::vector<int64_t>{6, 5, 4, 2, 3, 8});
  CHECK(in_77.back().status == DuesStatus::deferred);
  CHECK(ids(reminders(fixture(), kAsOf, 76)).size() == 5);
}

TEST_CASE("dues status and remind one row at a time, in the order fed", "[dues_report]") {
  std::vector<roster::DuesAccount> list = fixture().accounts();  // by member id
  std::reverse(list.begin(), list.end());
  roster::DuesAccountFeed feed = [&](const std::function<void(const roster::DuesAccount&)>& each) {
    for (const auto& a : list) each(a);
  };
  std::vector<int64_t> ids;
  auto counts = roster::each_dues_status(feed, roster::DuesPolicy{}, kAsOf, {DuesStatus::overdue, DuesStatus::lapsed},
                                         [&](const roster::DuesStatusRow& r) { ids.push_back(r.member_id); });
  CHECK(ids == std::vector<int64_t>{6, 4});  // as fed, not sorted
  CHECK(counts.rows.empty());
  CHECK(counts.members == 8);
  CHECK(counts.suspended == 1);
  CHECK(counts.lapsed == 1);
  ids.clear();
  roster::each_dues_reminder(feed, roster::DuesPolicy{}, kAsOf, 30,
                             [&](const roster::DuesReminder& r) { ids.push_back(r.member_id); });
  CHECK(ids == std::vector<int64_t>{6, 5, 4, 3, 2});  // as fed: the store feeds them by due date
}
