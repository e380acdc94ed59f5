#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <stdlib.h>

#include <array>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "roster/sector_report.h"
#include "roster/store.h"
#include "roster/text.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using Catch::Contains;
using roster::Date;
using roster::NewMember;
using roster::Sector;
using roster::Store;

namespace {

const auto ymd = [](int y, int m, int d) { return Date::from_ymd(y, m, d); };

// A real database on disk, seeded with data/sectors.csv; `db()` opens a second connection to the same file.
struct Fixture {
  TempDir dir;
  Store store = Store::create(
      dir / "roster.db",
      roster::InitSettings{"Test Association", {}, roster::parse_sectors_csv(roster::seed_sectors_csv()), ""});
  // Inserts a member with one period [joined, left) through Store::insert_member; returns the id.
  int64_t add(const std::string& name, std::vector<std::string> sectors, Date joined,
              std::optional<Date> left = std::nullopt) {
    NewMember m;
    m.name = name;
    m.name_key = roster::name_key(name);
    m.sector_codes = std::move(sectors);
    m.joined = joined;
    m.left = left;
    int64_t id = 0;
    store.write([&] { id = store.insert_member(m); });
    return id;
  }
  SQLite::Database db() { return SQLite::Database((dir / "roster.db").string(), SQLite::OPEN_READWRITE); }
};

using Figures = std::array<int, 4>;  // primary, members, joins, departures
std::map<std::string, Figures> figures(Store& store, Date as_of, Date since) {
  std::map<std::string, Figures> out;
  for (const auto& c : store.sector_counts(as_of, since)) out[c.code] = {c.primary, c.members, c.joins, c.departures};
  return out;
}

// What each_member_without_key_sector calls back with, in order.
std::vector<roster::MemberRef> without_key_sector(Store& store, Date as_of) {
  std::vector<roster::MemberRef> out;
  store.each_member_without_key_sector(as_of, [&](const roster::MemberRef& m) { out.push_back(m); });
  return out;
}

// A member's links as "code@position", by position.
std::vector<std::string> links(SQLite::Database& db, int64_t id) {
  SQLite::Statement q(db, "SELECT sector_code, position FROM member_sectors WHERE member_id = ? ORDER BY position");
  q.bind(1, id);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString() + "@" + std::to_string(q.getColumn(1).getInt()));
  return out;
}

const Date kAsOf = ymd(2024, 6, 30);
const Date kSince = ymd(2024, 3, 31);  // window (2024-03-31, 2024-06-30]

}  // namespace

TEST_CASE("sector_counts and build_sector_report on a hand-worked roster", "[sectors-report]") {
  Fixture f;
  f.add("A", {"healthcare", "e-commerce"}, ymd(2024, 1, 10));                // active, joined before window
  f.add("B", {"e-commerce", "healthcare", "education"}, kSince);             // active, join on since: excluded
  f.add("C", {"healthcare"}, kAsOf);                                         // active, join on D: included
  f.add("Dd", {"education", "telecom"}, ymd(2023, 9, 1), ymd(2024, 5, 15));  // left in window
  int64_t e = f.add("E", {"telecom", "healthcare"}, ymd(2023, 8, 1), ymd(2024, 4, 10));
  {  // E re-joined on 2024-05-01: a second, open period
    SQLite::Database db = f.db();
    SQLite::Statement q(db, "INSERT INTO periods (member_id, joined_on) VALUES (?, '2024-05-01')");
    q.bind(1, e);
    q.exec();
  }
  f.add("F", {"manufacturing"}, ymd(2024, 2, 1), kAsOf);  // left on D: not active, departure counted
  f.add("G", {"finance"}, ymd(2024, 7, 1));               // joins after D: nothing
  f.add("H", {"education"}, ymd(2023, 10, 1), kSince);    // left on since: departure excluded
  f.add("I", {"tourism"}, ymd(2024, 4, 1));               // first day of the window
  // Active on D: A, B, C, E, I = 5.
  int active = 0;
  roster::MemberFilter on_d;
  on_d.as_of = kAsOf;
  f.store.each_member(on_d, [&](const roster::MemberRow&) { ++active; });
  REQUIRE(active == 5);

  auto got = figures(f.store, kAsOf, kSince);
  REQUIRE(got.size() == 11);
  // healthcare: A,B,C,E active (4); first for A,C (2); joins C 06-30 + E's 05-01 (2); departure E 04-10 (1).
  CHECK(got["healthcare"] == Figures{2, 4, 2, 1});
  // e-commerce: A,B (2); first for B; no joins in window (B joined on since).
  CHECK(got["e-commerce"] == Figures{1, 2, 0, 0});
  // education: only B active (position 2, so not primary); Dd left 05-15 (counted), H left on since (not).
  CHECK(got["education"] == Figures{0, 1, 0, 1});
  CHECK(got["tourism"] == Figures{1, 1, 1, 0});
  CHECK(got["entertainment"] == Figures{0, 0, 0, 0});
  // telecom: E active and first; E's second period joined; Dd and E's first period ended.
  CHECK(got["telecom"] == Figures{1, 1, 1, 2});
  CHECK(got["manufacturing"] == Figures{0, 0, 0, 1});
  CHECK(got["finance"] == Figures{0, 0, 0, 0});  // G joins after D
  CHECK(got["other"] == Figures{0, 0, 0, 0});

  // Targets: tourism (key) 4, telecom (not key) 10.
  f.store.write([&] {
    f.store.update_sector("tourism", Sector{"tourism", "Tourism", "文化旅游", true, 4});
    f.store.update_sector("telecom", Sector{"telecom", "Telecommunications", "通信", false, 10});
  });
  const auto sectors = f.store.sectors().all();
  const auto counts = f.store.sector_counts(kAsOf, kSince);
  CHECK(without_key_sector(f.store, kAsOf).empty());  // every active member has a key sector

  SECTION("road fraction 0.333: tourism lags") {
    auto r = roster::build_sector_report(kAsOf, kSince, active, 0.333, sectors, counts, false);
    CHECK((r.as_of == kAsOf && r.since == kSince && r.active == 5));
    CHECK(r.road_fraction == Approx(0.33));
    REQUIRE(r.rows.size() == 11);
    CHECK(r.rows[0].sector.code == "healthcare");
    CHECK(r.rows[0].share == Approx(80.0));  // 100 × 4 / 5
    CHECK(r.rows[1].share == Approx(40.0));  // e-commerce 2 / 5
    CHECK(r.rows[2].share == Approx(20.0));  // education 1 / 5
    CHECK((r.rows[4].sector.code == "entertainment" && r.rows[4].share == 0.0));
    CHECK_FALSE(r.rows[0].expected.has_value());  // no target, never lagging
    CHECK_FALSE(r.rows[0].lagging);
    const auto& tourism = r.rows[3];
    REQUIRE(tourism.expected.has_value());
    CHECK(*tourism.expected == Approx(1.33));  // round2(4 × 0.333 = 1.332)
    CHECK(tourism.lagging);                    // 1 < 1.33
    const auto& telecom = r.rows[5];
    CHECK(telecom.sector.code == "telecom");
    CHECK(*telecom.expected == Approx(3.33));  // round2(10 × 0.333)
    CHECK_FALSE(telecom.lagging);              // 1 < 3.33 but not a key sector
    CHECK(r.any_lagging());
    CHECK(r.key_sectors == 5);
    CHECK(r.key_sectors_with_members == 4);  // all but entertainment
    REQUIRE(r.thinnest_key.has_value());
    CHECK(r.thinnest_key->sector.code == "entertainment");
  }
  SECTION("road fraction 0.25: tourism meets its expected 1.0") {
    auto r = roster::build_sector_report(kAsOf, kSince, active, 0.25, sectors, counts, false);
    CHECK(*r.rows[3].expected == Approx(1.0));
    CHECK_FALSE(r.rows[3].lagging);  // 1 < 1 is false
    CHECK_FALSE(r.any_lagging());
  }
  SECTION("key_only keeps the five key rows, in registry order") {
    auto r = roster::build_sector_report(kAsOf, kSince, active, 0.25, sectors, counts, true);
    std::vector<std::string> codes;
    for (const auto& row : r.rows) codes.push_back(row.sector.code);
    CHECK(codes == std::vector<std::string>{"healthcare", "e-commerce", "education", "tourism", "entertainment"});
    CHECK(r.key_sectors == 5);
  }
  SECTION("thinnest key on a tie is the first in registry order") {
    std::vector<Sector> no_ent;  // without entertainment, education and tourism tie on 1
    for (const auto& s : sectors)
      if (s.code != "entertainment") no_ent.push_back(s);
    auto r = roster::build_sector_report(kAsOf, kSince, active, 0.25, no_ent, counts, true);
    CHECK(r.key_sectors == 4);
    CHECK(r.key_sectors_with_members == 4);
    REQUIRE(r.thinnest_key.has_value());
    CHECK(r.thinnest_key->sector.code == "education");
  }
  SECTION("no active members: every share is 0") {
    for (const auto& row : roster::build_sector_report(kAsOf, kSince, 0, 0.25, sectors, counts, false).rows)
      CHECK(row.share == 0.0);
  }
}

TEST_CASE("each_member_without_key_sector calls back for active members with only non-key sectors, by id",
          "[sectors-report]") {
  Fixture f;
  f.add("P", {"telecom", "finance"}, ymd(2024, 1, 1));      // 1: listed
  f.add("Q", {"healthcare"}, ymd(2024, 1, 1));              // 2: key
  f.add("R", {"other"}, ymd(2024, 1, 1), ymd(2024, 5, 1));  // 3: left before D
  f.add("S", {"media"}, ymd(2024, 2, 1));                   // 4: listed
  f.add("T", {"finance", "education"}, ymd(2024, 2, 1));    // 5: second sector is key
  f.add("U", {"technology"}, ymd(2024, 7, 1));              // 6: not yet joined
  using List = std::vector<roster::MemberRef>;
  CHECK(without_key_sector(f.store, kAsOf) == List{{1, "P"}, {4, "S"}});
  CHECK(without_key_sector(f.store, ymd(2024, 4, 1)) == List{{1, "P"}, {3, "R"}, {4, "S"}});
  f.store.write([&] { f.store.update_sector("media", Sector{"media", "Media and content", "数字内容", true, {}}); });
  CHECK(without_key_sector(f.store, kAsOf) == List{{1, "P"}});
  f.store.write([&] { f.store.update_sector("telecom", Sector{"telecom", "Telecom", "通信", true, {}}); });
  int calls = 0;
  f.store.each_member_without_key_sector(kAsOf, [&](const roster::MemberRef&) { ++calls; });
  CHECK(calls == 0);  // none left: never called
}

TEST_CASE("sector registry: add, check, edit and count users", "[sectors-report]") {
  Fixture f;
  f.store.write([&] { f.store.add_sector(Sector{"smart-city", "Smart city", "智慧城市", true, 20}); });
  auto registry = f.store.sectors();
  REQUIRE(registry.all().size() == 12);
  CHECK(registry.all().back().code == "smart-city");
  CHECK(registry.all().back().is_key);
  CHECK(registry.all().back().target == 20);

  auto problem = [&](std::string code, std::string en, std::string zh, std::optional<int> target = {},
                     const std::string& self = "") {
    return roster::sector_problem(Sector{code, en, zh, false, target}, registry, self);
  };
  CHECK_FALSE(problem("culture", "Culture", "文化").has_value());
  CHECK_FALSE(problem(std::string(32, 'a'), "Culture", "文化").has_value());
  for (const std::string& bad : std::vector<std::string>{"Culture", "smart city", "", std::string(33, 'a'), "-x"}) {
    CAPTURE(bad);
    CHECK_THAT(problem(bad, "Culture", "文化").value_or(""), Contains("lower-case"));
  }
  CHECK_THAT(problem("culture", "", "文化").value_or(""), Contains("--name is empty"));
  CHECK_THAT(problem("culture", "Culture", "  ").value_or(""), Contains("--name-zh is empty"));
  CHECK_THAT(problem("culture", "Culture", "文化", 0).value_or(""), Contains("--target 0"));
  CHECK_THAT(problem("culture", "Culture", "文化旅游").value_or(""), Contains("already names sector tourism"));
  CHECK_THAT(problem("culture", "HEALTHCARE", "文化").value_or(""), Contains("already names sector healthcare"));
  CHECK_THAT(problem("tourism", "Culture", "文化").value_or(""), Contains("already names sector tourism"));
  CHECK(problem("tourism", "Tourism", "文化旅游", 5).has_value());
  CHECK_FALSE(problem("tourism", "Tourism", "文化旅游", 5, "tourism").has_value());

  f.store.set_command("sectors");
  const std::vector<std::string> aliases = {"文旅", "旅游", "文化和旅游"};  // as seeded: unchanged, not logged
  f.store.write([&] { f.store.update_sector("tourism", Sector{"tourism", "Tourism", "文化旅游", true, 8, aliases}); });
  f.store.write([&] {
    f.store.update_sector("tourism", Sector{"tourism", "Culture and tourism", "文化旅游", false, 8, aliases});
  });
  SQLite::Database db = f.db();
  SQLite::Statement q(db, "SELECT field, before, after FROM history WHERE kind = 'sector.edit' ORDER BY id");
  std::vector<std::string> rows;
  while (q.executeStep()) {
    rows.push_back(q.getColumn(0).getString() + ":" + q.getColumn(1).getString() + ">" + q.getColumn(2).getString());
  }
  CHECK(rows == std::vector<std::string>{"tourism.target:>8", "tourism.name_en:Tourism>Culture and tourism",
                                         "tourism.key:1>0"});
  CHECK(db.execAndGet("SELECT count(*) FROM history WHERE kind = 'sector.add' AND field = 'smart-city'").getInt() == 1);

  f.add("X", {"tourism"}, ymd(2023, 9, 1), ymd(2024, 1, 1));  // past member
  f.add("Y", {"education", "tourism"}, ymd(2024, 1, 1));      // present member
  f.add("Z", {"healthcare"}, ymd(2024, 1, 1));
  CHECK(f.store.members_using_sector("tourism") == 2);
  CHECK(f.store.members_using_sector("entertainment") == 0);
}

TEST_CASE("merge_sectors moves links, keeps the better position and removes the old sector", "[sectors-report]") {
  Fixture f;
  int64_t m1 = f.add("M1", {"healthcare", "tourism"}, ymd(2024, 1, 1));                // only OLD, at 1
  int64_t m2 = f.add("M2", {"tourism", "telecom", "entertainment"}, ymd(2024, 1, 1));  // both, OLD primary
  int64_t m3 = f.add("M3", {"entertainment", "tourism"}, ymd(2024, 1, 1));             // both, INTO primary
  int64_t m4 = f.add("M4", {"tourism"}, ymd(2023, 8, 1), ymd(2024, 1, 1));             // only OLD, left
  int moved = 0;
  f.store.write([&] { moved = f.store.merge_sectors("tourism", "entertainment"); });
  CHECK(moved == 4);  // tourism had 4 links: 2 renamed, 2 dropped in favour of entertainment

  SQLite::Database db = f.db();
  using Links = std::vector<std::string>;
  CHECK(links(db, m1) == Links{"healthcare@0", "entertainment@1"});
  CHECK(links(db, m2) == Links{"entertainment@0", "telecom@1"});
  CHECK(links(db, m3) == Links{"entertainment@0"});
  CHECK(links(db, m4) == Links{"entertainment@0"});

  auto registry = f.store.sectors();
  CHECK(registry.all().size() == 10);
  CHECK(registry.resolve("tourism") == nullptr);
  CHECK(f.store.members_using_sector("tourism") == 0);
  CHECK(f.store.members_using_sector("entertainment") == 4);
  // Active on D: M1, M2, M3; entertainment is first for M2 and M3.
  CHECK(figures(f.store, kAsOf, kSince)["entertainment"] == Figures{2, 3, 0, 0});

  CHECK(db.execAndGet("SELECT count(*) FROM history WHERE kind = 'sector.merge'").getInt() == 1);
  CHECK(db.execAndGet("SELECT field FROM history WHERE kind = 'sector.merge'").getString() == "tourism");
}
