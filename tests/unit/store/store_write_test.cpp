// The Store's writes: only inside write() or write_if(), and the statements
// they share.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <stdexcept>

#include "roster/store.h"
#include "roster/text.h"
#include "temp_dir.h"

using Catch::Contains;
using roster::Date;
using roster::NewMember;
using roster::Store;

namespace {

const Date kJoined = Date::from_ymd(2024, 1, 10);

roster::InitSettings settings() {
  return roster::InitSettings{"Test Association", {}, roster::parse_sectors_csv(roster::seed_sectors_csv()), ""};
}

NewMember member(const std::string& name) {
  NewMember m;
  m.name = name;
  m.name_key = roster::name_key(name);
  m.sector_codes = {"tourism", "education"};
  m.joined = kJoined;
  return m;
}

// A second connection's view of one number, e.g. "SELECT count(*) FROM history".
int count(const TempDir& dir, const char* sql) {
  SQLite::Database db((dir / "roster.db").string(), SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt();
}

// "joined-left|reason" for each of the member's periods, oldest first.
std::vector<std::string> periods(const TempDir& dir, int64_t id) {
  SQLite::Database db((dir / "roster.db").string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(db,
                      "SELECT joined_on, coalesce(left_on, ''), reason FROM periods WHERE member_id = ? "
                      "ORDER BY joined_on");
  q.bind(1, id);
  std::vector<std::string> out;
  while (q.executeStep()) {
    out.push_back(q.getColumn(0).getString() + "-" + q.getColumn(1).getString() + "|" + q.getColumn(2).getString());
  }
  return out;
}

}  // namespace

TEST_CASE("a Store method that writes refuses to run outside write(), and writes nothing", "[store][write]") {
  TempDir dir;
  Store store = Store::create(dir / "roster.db", settings());
  int64_t id = 0;
  store.write([&] { id = store.insert_member(member("Alpha")); });
  int history = count(dir, "SELECT count(*) FROM history");

  roster::Goal goal{Date::from_ymd(2024, 1, 1), 300, Date::from_ymd(2026, 1, 1)};
  CHECK_THROWS_AS(store.set_goal(goal), std::logic_error);
  CHECK_THROWS_WITH(store.set_goal(goal), Contains("Store::set_goal must run inside write()"));
  CHECK_THROWS_AS(store.set_association_name("Another"), std::logic_error);
  CHECK_THROWS_AS(store.insert_member(member("Beta")), std::logic_error);
  CHECK_THROWS_AS(store.add_sector(roster::Sector{"smart-city", "Smart city", "智慧城市", true, 20}), std::logic_error);
  CHECK_THROWS_AS(store.remove_sector("other"), std::logic_error);
  CHECK_THROWS_AS(store.merge_sectors("telecom", "other"), std::logic_error);
  CHECK_THROWS_AS(store.end_period(id, Date::from_ymd(2024, 6, 1), ""), std::logic_error);
  CHECK_THROWS_AS(store.add_period(id, Date::from_ymd(2025, 1, 1), std::nullopt, ""), std::logic_error);
  CHECK_THROWS_AS(store.purge_member(id), std::logic_error);
  CHECK_THROWS_AS(store.log_change(std::nullopt, "test", "", "", ""), std::logic_error);
  // A read transaction is not a write either.
  CHECK_THROWS_AS(store.snapshot([&] { store.set_goal(goal); }), std::logic_error);

  CHECK(store.goal().target == 200);
  CHECK(store.association_name() == "Test Association");
  CHECK(count(dir, "SELECT count(*) FROM members") == 1);
  CHECK(count(dir, "SELECT count(*) FROM sectors WHERE code IN ('smart-city', 'other', 'telecom')") == 2);
  CHECK(periods(dir, id) == std::vector<std::string>{"2024-01-10-|"});
  CHECK(count(dir, "SELECT count(*) FROM history") == history);
}

TEST_CASE("the write flag is cleared however write() ends", "[store][write]") {
  TempDir dir;
  Store store = Store::create(dir / "roster.db", settings());
  roster::Goal goal{Date::from_ymd(2024, 1, 1), 300, Date::from_ymd(2026, 1, 1)};
  CHECK_THROWS_AS(store.write([&] { throw roster::Error("refused"); }), roster::Error);
  CHECK_THROWS_AS(store.set_goal(goal), std::logic_error);
  store.write_if([&] {
    store.set_goal(goal);
    return false;  // rolled back
  });
  CHECK_THROWS_AS(store.set_goal(goal), std::logic_error);
  CHECK(store.goal().target == 200);
  store.write([&] { store.set_goal(goal); });
  CHECK(store.goal().target == 300);
}

TEST_CASE("the statements several methods share write the same rows from every call site", "[store][write]") {
  // insert_member, add_period and open_period all add periods through one
  // cached INSERT, and insert_member links sectors through the one that
  // edits use: interleaved, each call binds afresh.
  TempDir dir;
  Store store = Store::create(dir / "roster.db", settings());
  int64_t alpha = 0, beta = 0;
  store.write([&] {
    alpha = store.insert_member(member("Alpha"));
    store.add_period(alpha, Date::from_ymd(2024, 9, 1), Date::from_ymd(2024, 12, 1), "moved");
    NewMember b = member("Beta");
    b.left = Date::from_ymd(2024, 3, 1);
    b.reason = "closed";
    beta = store.insert_member(b);
    store.open_period(beta, Date::from_ymd(2025, 1, 1));
  });
  store.write([&] { store.end_period(alpha, Date::from_ymd(2024, 6, 1), ""); });
  CHECK(periods(dir, alpha) == std::vector<std::string>{"2024-01-10-2024-06-01|", "2024-09-01-2024-12-01|moved"});
  CHECK(periods(dir, beta) == std::vector<std::string>{"2024-01-10-2024-03-01|closed", "2025-01-01-|"});
  roster::MemberRecord record = store.member_record(beta);
  CHECK(record.sector_codes == std::vector<std::string>{"tourism", "education"});
  CHECK(record.periods.size() == 2);
  CHECK(record.open_period()->joined == Date::from_ymd(2025, 1, 1));
  CHECK(count(dir, "SELECT count(*) FROM member_sectors") == 4);
}

TEST_CASE("init and sectors add write a sector through one statement, each after the last", "[store][write]") {
  TempDir dir;
  roster::InitSettings s = settings();
  Store store = Store::create(dir / "roster.db", s);
  store.write([&] { store.add_sector(roster::Sector{"smart-city", "Smart city", "智慧城市", true, 20, {"智城"}}); });
  SQLite::Database db((dir / "roster.db").string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT code, position, target, aliases FROM sectors ORDER BY position");
  std::vector<std::string> codes;
  int position = 0;
  while (q.executeStep()) {
    codes.push_back(q.getColumn(0).getString());
    CHECK(q.getColumn(1).getInt() == position++);
  }
  REQUIRE(codes.size() == s.sectors.size() + 1);
  for (size_t i = 0; i < s.sectors.size(); ++i) CHECK(codes[i] == s.sectors[i].code);
  CHECK(codes.back() == "smart-city");
  roster::SectorRegistry registry = store.sectors();
  const roster::Sector* added = registry.resolve("智城");
  REQUIRE(added);
  CHECK(added->target == 20);
  CHECK(added->is_key);
}
