// Payment files on a real database: import_payments resolves members, applies
// add_payment's rules across the rows of one file and writes all or nothing;
// each_payment gives back what was written.
#include "roster/payment_transfer.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "roster/dues_store.h"
#include "roster/text.h"
#include "temp_dir.h"

using roster::Date;
using roster::ImportFormat;
using roster::Store;
using roster::Tier;

namespace {

Date d(int y, int m, int day) {
  return Date::from_ymd(y, m, day);
}

// Two members billed for 2024: #1 Alpha 3,000.00 and #2 Beta 3,000.00.
struct Billed {
  TempDir dir;
  Store store = Store::create(
      dir / "roster.db",
      roster::InitSettings{"Test Association", {}, roster::parse_sectors_csv(roster::seed_sectors_csv()), ""});

  Billed() {
    for (const char* name : {"Alpha", "Beta"}) {
      roster::NewMember m;
      m.name = name;
      m.name_key = roster::name_key(name);
      m.sector_codes = {"education"};
      m.joined = d(2023, 7, 15);
      store.write([&] { store.insert_member(m); });
    }
    store.write([&] {
      REQUIRE(roster::add_schedule_entry(store, {0, Tier::member, 300000, d(2023, 1, 1), "大会"}).empty());
      REQUIRE(roster::bill_year(store, 2024, d(2024, 1, 10)).charged.size() == 2);
    });
  }

  roster::PaymentImportResult import(const std::string& csv, bool dry_run = false) {
    std::istringstream in(csv);
    roster::ColumnMapping mapping;
    mapping.table = roster::ImportTable::payments;
    auto reader = roster::make_member_reader(ImportFormat::csv, in, "f.csv", mapping);
    return roster::import_payments(store, *reader, d(2024, 12, 31), dry_run);
  }

  std::vector<roster::PaymentLine> payments() {
    std::vector<roster::PaymentLine> lines;
    roster::each_payment(store, std::nullopt, [&](const roster::PaymentLine& l) { lines.push_back(l); });
    return lines;
  }
};

}  // namespace

TEST_CASE("import_payments records every row and each_payment reads them back", "[dues][payment-transfer]") {
  Billed t;
  auto r = t.import(
      "会员,年度,金额,缴费日期,收据号\nBeta,2024,1000,2024-03-01,R1\nalpha,2024,3000,2024-04-01,\n"
      "2,2024,2000,2024-05-01,R2\n");
  CHECK(r.committed);
  CHECK(r.problem_count == 0);
  CHECK(r.rows == 3);
  CHECK(r.payments == 3);
  CHECK(r.total == 600000);
  auto lines = t.payments();
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].payment.member_id == 1);  // by member, then date
  CHECK(lines[0].name == "Alpha");
  CHECK(lines[1].payment.receipt == "R1");
  CHECK(lines[2].paid_on == "2024-05-01");
  CHECK(lines[2].payment.amount == 200000);
  std::vector<roster::PaymentLine> none;
  roster::each_payment(t.store, 2023, [&](const roster::PaymentLine& l) { none.push_back(l); });
  CHECK(none.empty());
}

TEST_CASE("import_payments counts the earlier rows of the file and writes nothing on a problem",
          "[dues][payment-transfer]") {
  Billed t;
  auto r = t.import(
      "member,year,amount,paid_on\n1,2024,2000,2024-03-01\n1,2024,1500,2024-03-02\n"
      "1,2024,1000,2024-03-03\n");
  CHECK_FALSE(r.committed);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].line == 3);  // 3,500 of 3,000; the row after it fits again
  CHECK(r.problems[0].field == "amount");
  CHECK(t.payments().empty());

  auto dry = t.import("member,year,amount,paid_on\n1,2024,2000,2024-03-01\n", true);
  CHECK(dry.problem_count == 0);
  CHECK(dry.payments == 1);
  CHECK_FALSE(dry.committed);
  CHECK(t.payments().empty());
}

TEST_CASE("import_payments resolves members by id, name or both", "[dues][payment-transfer]") {
  Billed t;
  auto r = t.import(
      "member_id,name,year,amount,paid_on\n9,,2024,100,2024-03-01\n2,Alpha,2024,100,2024-03-01\n"
      ",Gamma,2024,100,2024-03-01\n");
  REQUIRE(r.problems.size() == 3);
  CHECK(r.problems[0].reason == "no member #9; check the id with `roster list`");
  CHECK(r.problems[1].reason == "'Alpha' is not member #2 (Beta); correct the id or the name");
  CHECK(r.problems[2].reason == "no member 'Gamma'; give an id, the exact name or the USCC");
  CHECK(t.payments().empty());
}
