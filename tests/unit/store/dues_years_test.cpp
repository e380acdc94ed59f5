// The dues years with charges, on a real database.
#include "roster/dues_years.h"

#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>

#include "roster/text.h"
#include "temp_dir.h"

TEST_CASE("dues_charge_years lists each year with a charge once, oldest first", "[dues][store]") {
  TempDir dir;
  auto path = dir / "roster.db";
  roster::InitSettings settings{"Test Association", {}, roster::parse_sectors_csv(roster::seed_sectors_csv()), ""};
  {
    roster::Store store = roster::Store::create(path, settings);
    CHECK(roster::dues_charge_years(store).empty());
    roster::NewMember m;
    m.name = "甲科技";
    m.name_key = roster::name_key(m.name);
    m.sector_codes = {"education"};
    m.joined = roster::Date::from_ymd(2022, 1, 5);
    store.write([&] { store.insert_member(m); });
  }
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec(
        "INSERT INTO dues_charges (member_id, year, tier, amount_fen, billed_on, due_on) VALUES "
        "(1, 2024, 'member', 300000, '2024-01-10', '2024-03-31'), "
        "(1, 2022, 'member', 300000, '2022-01-10', '2022-03-31'), "
        "(1, 2023, 'member', 300000, '2023-01-10', '2023-03-31')");
  }
  roster::Store store = roster::Store::open(path);
  CHECK(roster::dues_charge_years(store) == std::vector<int>{2022, 2023, 2024});
}
