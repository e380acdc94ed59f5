#include "roster/store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "roster/error.h"
#include "roster/text.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using Catch::Contains;
using roster::Date;
using roster::MemberFilter;
using roster::NewMember;
using roster::Store;
using Status = MemberFilter::Status;

namespace {

roster::InitSettings settings() {
  roster::InitSettings s;
  s.association = "Test Association";
  s.sectors = roster::parse_sectors_csv(roster::seed_sectors_csv());
  return s;
}

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

NewMember member(const std::string& name, std::vector<std::string> sectors, Date joined,
                 std::optional<Date> left = std::nullopt) {
  NewMember m;
  m.name = name;
  m.name_key = roster::name_key(name);
  m.sector_codes = std::move(sectors);
  m.joined = joined;
  m.left = left;
  return m;
}

// The names `filter` lists, in order.
std::vector<std::string> names(Store& store, MemberFilter filter) {
  std::vector<std::string> out;
  store.each_member(filter, [&](const roster::MemberRow& row) { out.push_back(row.name); });
  return out;
}

MemberFilter on(Date as_of, Status status = Status::active) {
  MemberFilter f;
  f.as_of = as_of;
  f.status = status;
  return f;
}

// Checks that opening `path` is refused with a message containing `words`.
void require_open_refused(const fs::path& path, const std::string& words) {
  try {
    Store::open(path);
    FAIL("Store::open accepted " << path);
  } catch (const roster::Error& e) {
    CHECK_THAT(std::string(e.what()), Contains(words));
    CHECK(e.exit_code() == roster::kExitError);
  }
}

using Names = std::vector<std::string>;
const Date kJul15 = Date::from_ymd(2023, 7, 15);
const Date kBetaJoined = Date::from_ymd(2024, 1, 10);
const Date kBetaLeft = Date::from_ymd(2024, 6, 1);
const Date kGammaJoined = Date::from_ymd(2024, 3, 1);

// A store holding Gamma (id 1), Alpha (id 2) and Beta (id 3, left on kBetaLeft).
struct ThreeMembers {
  TempDir dir;
  Store store = Store::create(dir / "roster.db", settings());
  ThreeMembers() {
    store.set_command("add-member");
    store.write([&] {
      NewMember gamma = member("Gamma", {"education"}, kGammaJoined);
      gamma.tier = roster::Tier::council;
      store.insert_member(gamma);
      NewMember alpha = member("Alpha 科技", {"healthcare"}, kJul15);
      alpha.uscc = "91310110666007217T";
      store.insert_member(alpha);
      store.insert_member(member("Beta", {"tourism", "education"}, kBetaJoined, kBetaLeft));
    });
  }
};

}  // namespace

TEST_CASE("Store::create makes a database that Store::open reads back", "[store]") {
  TempDir dir;
  { Store created = Store::create(dir / "roster.db", settings()); }
  Store store = Store::open(dir / "roster.db");
  CHECK(store.path() == dir / "roster.db");
  CHECK(store.sectors().all().size() == settings().sectors.size());
  roster::SectorRegistry registry = store.sectors();
  CHECK(registry.resolve("文化旅游")->code == "tourism");
  CHECK(store.goal().target == 200);
  CHECK(store.goal().deadline == Date::from_ymd(2025, 7, 15));
}

TEST_CASE("Store::create refuses a path that exists", "[store]") {
  TempDir dir;
  { std::ofstream(dir / "taken.db") << "keep me\n"; }
  CHECK_THROWS_WITH(Store::create(dir / "taken.db", settings()), Contains("already exists"));
  CHECK(file_bytes(dir / "taken.db") == "keep me\n");
}

TEST_CASE("Store::open refuses a missing file and points at roster init", "[store]") {
  TempDir dir;
  require_open_refused(dir / "missing.db", "roster init");
  CHECK_FALSE(fs::exists(dir / "missing.db"));
}

TEST_CASE("Store::open refuses a file that is not a roster database, untouched", "[store]") {
  TempDir dir;
  fs::path path = dir / "notes.db";
  SECTION("plain text") {
    std::ofstream(path) << "name,city\nACME,杭州\n";
  }
  SECTION("another application's SQLite file") {
    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO members (name) VALUES ('x')");
  }
  std::string before = file_bytes(path);
  REQUIRE_FALSE(before.empty());
  require_open_refused(path, "not a roster database");
  CHECK(file_bytes(path) == before);
  CHECK(dir.entries() == 1);  // no journal or WAL left beside it
}

TEST_CASE("Store::open refuses a database from a newer roster, untouched", "[store]") {
  TempDir dir;
  fs::path path = dir / "roster.db";
  Store::create(path, settings());
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = " + std::to_string(roster::kSchemaVersion + 1));
  }
  std::string before = file_bytes(path);
  require_open_refused(path, "newer roster");
  CHECK(file_bytes(path) == before);
}

TEST_CASE("each_member lists who is active, left or either on a date", "[store]") {
  ThreeMembers t;
  Store& s = t.store;
  CHECK(names(s, on(kJul15.plus_days(-1), Status::all)).empty());  // before anyone joined
  CHECK(names(s, on(kJul15)) == Names{"Alpha 科技"});              // on the join date
  CHECK(names(s, on(kBetaJoined.plus_days(-1), Status::all)) == Names{"Alpha 科技"});
  CHECK(names(s, on(kBetaJoined)) == Names{"Alpha 科技", "Beta"});
  // Beta left on kBetaLeft: active the day before, not on the day.
  CHECK(names(s, on(kBetaLeft.plus_days(-1))) == Names{"Gamma", "Alpha 科技", "Beta"});
  CHECK(names(s, on(kBetaLeft.plus_days(-1), Status::left)).empty());
  CHECK(names(s, on(kBetaLeft)) == Names{"Gamma", "Alpha 科技"});
  CHECK(names(s, on(kBetaLeft, Status::left)) == Names{"Beta"});
  CHECK(names(s, on(kBetaLeft, Status::all)) == Names{"Gamma", "Alpha 科技", "Beta"});
}

TEST_CASE("each_member fills every field of a row", "[store]") {
  ThreeMembers t;
  std::vector<roster::MemberRow> rows;
  auto collect = [&](const roster::MemberRow& r) { rows.push_back(r); };
  t.store.each_member(on(kBetaLeft.plus_days(-1)), collect);
  t.store.each_member(on(kBetaLeft, Status::left), collect);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].id == 1);
  CHECK(rows[0].tier == roster::Tier::council);
  CHECK(rows[1].uscc == std::optional<std::string>("91310110666007217T"));
  CHECK(rows[1].joined == kJul15);
  CHECK(rows[1].sector_codes == Names{"healthcare"});
  CHECK(rows[2].id == 3);
  CHECK(rows[2].sector_codes == Names{"tourism", "education"});
  CHECK_FALSE(rows[2].uscc.has_value());
  CHECK(rows[2].active());  // the day before leaving
  CHECK(rows[3].left == std::optional<Date>(kBetaLeft));
  CHECK_FALSE(rows[3].active());
}

TEST_CASE("each_member filters by search key and sector, sorts and limits", "[store]") {
  ThreeMembers t;
  MemberFilter f = on(kBetaLeft.plus_days(-1));
  SECTION("search") {
    f.search_key = roster::name_key("BETA");
    CHECK(names(t.store, f) == Names{"Beta"});
    f.search_key = roster::name_key("科技");
    CHECK(names(t.store, f) == Names{"Alpha 科技"});
    f.search_key = "zeta";
    CHECK(names(t.store, f).empty());
  }
  SECTION("sector, primary or not") {
    f.sector_code = "education";
    CHECK(names(t.store, f) == Names{"Gamma", "Beta"});
  }
  SECTION("sort and limit") {
    f.sort = MemberFilter::Sort::name;
    CHECK(names(t.store, f) == Names{"Alpha 科技", "Beta", "Gamma"});
    f.sort = MemberFilter::Sort::joined;
    CHECK(names(t.store, f) == Names{"Alpha 科技", "Beta", "Gamma"});
    f.sort = MemberFilter::Sort::id;
    CHECK(names(t.store, f) == Names{"Gamma", "Alpha 科技", "Beta"});
    f.sort = MemberFilter::Sort::name;
    f.limit = 2;
    CHECK(names(t.store, f) == Names{"Alpha 科技", "Beta"});
  }
}

TEST_CASE("write_if returning false leaves no rows", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "roster.db", settings());
  store.write_if([&] {
    store.insert_member(member("Alpha", {"healthcare"}, kJul15));
    return false;
  });
  CHECK(names(store, on(kJul15, Status::all)).empty());
  CHECK_FALSE(store.member_with_name_key("alpha").has_value());
}

TEST_CASE("member_with_name_key and member_with_uscc find stored members", "[store]") {
  ThreeMembers t;
  using Found = std::optional<roster::MemberRef>;
  CHECK(t.store.member_with_name_key(roster::name_key("ALPHA  科技")) == Found({2, "Alpha 科技"}));
  CHECK(t.store.member_with_name_key("gamma") == Found({1, "Gamma"}));
  CHECK(t.store.member_with_name_key("delta") == std::nullopt);
  CHECK(t.store.member_with_uscc("91310110666007217T") == Found({2, "Alpha 科技"}));
  CHECK(t.store.member_with_uscc("91110000600037341L") == std::nullopt);
}

TEST_CASE("every insert leaves one member.add row in the history", "[store]") {
  ThreeMembers t;
  SQLite::Database db((t.dir / "roster.db").string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT member_id, command FROM history WHERE kind = 'member.add' ORDER BY id");
  std::vector<int64_t> ids;
  while (q.executeStep()) {
    ids.push_back(q.getColumn(0).getInt64());
    CHECK(q.getColumn(1).getString() == "add-member");
  }
  CHECK(ids == std::vector<int64_t>{1, 2, 3});
  CHECK(db.execAndGet("SELECT count(*) FROM history WHERE kind = 'init'").getInt() == 1);
  CHECK(db.execAndGet("SELECT count(*) FROM history").getInt() == 4);
}
