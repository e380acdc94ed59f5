// The dues as the views, the report and progress read them: every charge
// with its payments, its waiver or deferral and its member, one at a time,
// in member order or in the reminders' order, and every payment.
#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>
#include <stdexcept>
#include <tuple>

#include "roster/dues_all.h"
#include "roster/dues_store.h"
#include "roster/text.h"
#include "temp_dir.h"

using roster::Date;
using roster::DuesAccount;
using roster::DuesAccountOrder;
using roster::DuesAccountQuery;
using roster::ExemptionKind;
using roster::Tier;

namespace {

Date d(int y, int m, int day) {
  return Date::from_ymd(y, m, day);
}

// Four members billed for 2023 and 2024 (3,000 yuan, due 03-31): 甲 paid
// 2023 and twice toward 2024; 乙 left on 2024-06-30; 丙's 2024 dues were
// waived on 02-01; 丁's were deferred on 05-01 to 09-30.
struct Accounts {
  TempDir dir;
  roster::Store store = roster::Store::create(
      dir / "roster.db",
      roster::InitSettings{"Test Association", {}, roster::parse_sectors_csv(roster::seed_sectors_csv()), ""});
  int64_t jia = member("杭州甲有限公司", "王", "0571-1"), yi = member("杭州乙有限公司"),
          bing = member("杭州丙有限公司"), ding = member("杭州丁有限公司");

  Accounts() {
    store.write_if([&] {
      return roster::add_schedule_entry(store, {0, Tier::member, 300000, d(2020, 1, 1), "X"}).empty();
    });
    store.write([&] { roster::bill_year(store, 2023, d(2023, 1, 10)); });
    store.write([&] { roster::bill_year(store, 2024, d(2024, 1, 10)); });
    pay(jia, 2023, 300000, d(2023, 3, 1));
    pay(jia, 2024, 100000, d(2024, 2, 1));
    pay(jia, 2024, 200000, d(2024, 3, 1));
    exempt(bing, ExemptionKind::waived, std::nullopt, d(2024, 2, 1));
    exempt(ding, ExemptionKind::deferred, d(2024, 9, 30), d(2024, 5, 1));
    store.write([&] { store.end_period(yi, d(2024, 6, 30), "迁出"); });
  }

  int64_t member(const std::string& name, const std::string& contact = "", const std::string& phone = "") {
    roster::NewMember m;
    m.name = name;
    m.name_key = roster::name_key(name);
    m.sector_codes = {"education"};
    m.joined = d(2022, 1, 1);
    m.contacts.contact = contact;
    m.contacts.phone = phone;
    int64_t id = 0;
    store.write([&] { id = store.insert_member(m); });
    return id;
  }

  void pay(int64_t id, int year, roster::Fen amount, Date on) {
    roster::Payment p{0, id, year, amount, on, "R", "银行转账"};
    store.write_if([&] { return roster::add_payment(store, p, d(2024, 12, 31)).empty(); });
  }

  void exempt(int64_t id, ExemptionKind kind, std::optional<Date> until, Date on) {
    roster::Exemption e{id, 2024, kind, until, "理由", "理事会", on};
    store.write_if([&] { return roster::add_exemption(store, e).empty(); });
  }

  std::vector<DuesAccount> read(const DuesAccountQuery& query) {
    std::vector<DuesAccount> out;
    store.snapshot([&] { roster::each_dues_account(store, query, [&](const DuesAccount& a) { out.push_back(a); }); });
    return out;
  }
};

using Key = std::tuple<int64_t, int>;  // member, year

std::vector<Key> keys(const std::vector<DuesAccount>& accounts) {
  std::vector<Key> out;
  for (const auto& a : accounts) out.emplace_back(a.charge.member_id, a.charge.year);
  return out;
}

}  // namespace

TEST_CASE("each_dues_account: every charge with its payments, exemption and member, by member then year",
          "[dues][store]") {
  Accounts t;
  auto all = t.read({std::nullopt, DuesAccountOrder::member, std::nullopt});
  CHECK(keys(all) == std::vector<Key>{{t.jia, 2023},
                                      {t.jia, 2024},
                                      {t.yi, 2023},
                                      {t.yi, 2024},
                                      {t.bing, 2023},
                                      {t.bing, 2024},
                                      {t.ding, 2023},
                                      {t.ding, 2024}});
  REQUIRE(all.size() == 8);
  CHECK(all[0].payments.size() == 1);
  REQUIRE(all[1].payments.size() == 2);
  CHECK(all[1].payments[0].amount + all[1].payments[1].amount == 300000);
  CHECK(all[1].payments[1].paid_on == d(2024, 3, 1));
  CHECK(all[1].member.name == "杭州甲有限公司");
  CHECK(all[1].member.contact == "王");
  CHECK(all[1].member.phone == "0571-1");
  CHECK(all[2].payments.empty());
  CHECK_FALSE(all[4].exemption);
  REQUIRE(all[5].exemption);
  CHECK(all[5].exemption->kind == ExemptionKind::waived);
  REQUIRE(all[7].exemption);
  CHECK(all[7].exemption->until == d(2024, 9, 30));
  CHECK(all[7].exemption->on == d(2024, 5, 1));
  CHECK(all[7].charge.amount == 300000);
  CHECK(all[7].charge.due_on == d(2024, 3, 31));
  for (const auto& a : all) CHECK_FALSE(a.active);  // no day asked

  auto year = t.read({2024, DuesAccountOrder::member, d(2024, 7, 1)});
  CHECK(keys(year) == std::vector<Key>{{t.jia, 2024}, {t.yi, 2024}, {t.bing, 2024}, {t.ding, 2024}});
  CHECK(year[0].active);
  CHECK_FALSE(year[1].active);  // 乙 left on 06-30
  CHECK(year[0].payments.size() == 2);
}

TEST_CASE("each_dues_account in the reminders' order: a deferral moves the due date once granted", "[dues][store]") {
  Accounts t;
  // Before 05-01 丁's charge is due 03-31 like the others: member order within the date.
  auto april = t.read({std::nullopt, DuesAccountOrder::due, d(2024, 4, 15)});
  CHECK(keys(april) == std::vector<Key>{{t.jia, 2023},
                                        {t.yi, 2023},
                                        {t.bing, 2023},
                                        {t.ding, 2023},
                                        {t.jia, 2024},
                                        {t.yi, 2024},
                                        {t.bing, 2024},
                                        {t.ding, 2024}});
  auto june = t.read({2024, DuesAccountOrder::due, d(2024, 6, 1)});
  CHECK(keys(june) == std::vector<Key>{{t.jia, 2024}, {t.yi, 2024}, {t.bing, 2024}, {t.ding, 2024}});
  CHECK(june[0].payments.size() == 2);  // the payments still come with their charge
  // Move 甲's 2024 due date past 丁's deferral: 丁 comes first.
  SQLite::Database db((t.dir / "roster.db").string(), SQLite::OPEN_READWRITE);
  db.exec("UPDATE dues_charges SET due_on = '2024-10-31' WHERE year = 2024 AND member_id = " + std::to_string(t.jia));
  CHECK(keys(t.read({2024, DuesAccountOrder::due, d(2024, 6, 1)})) ==
        std::vector<Key>{{t.yi, 2024}, {t.bing, 2024}, {t.ding, 2024}, {t.jia, 2024}});
  CHECK_THROWS_AS(t.read({2024, DuesAccountOrder::due, std::nullopt}), std::logic_error);
}

TEST_CASE("each_dues_payment reads every payment, one without a charge too", "[dues][store]") {
  Accounts t;
  SQLite::Database db((t.dir / "roster.db").string(), SQLite::OPEN_READWRITE);
  db.exec("INSERT INTO dues_payments (member_id, year, amount_fen, paid_on) VALUES (" + std::to_string(t.yi) +
          ", 2022, 5000, '2024-04-02')");
  roster::Fen total = 0;
  int count = 0;
  roster::each_dues_payment(t.store, [&](const roster::Payment& p) {
    total += p.amount;
    ++count;
  });
  CHECK(count == 4);
  CHECK(total == 300000 + 300000 + 5000);
}
