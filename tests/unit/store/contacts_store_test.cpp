// A member's contacts in the store: written with the member, read back by the
// record and the export stream, changed with history, and gone with a purge.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>

#include "roster/membership.h"
#include "roster/store.h"
#include "roster/text.h"
#include "temp_dir.h"

using roster::Date;
using roster::MemberContacts;
using roster::NewMember;
using roster::Store;

namespace {

const Date kAsOf = Date::from_ymd(2026, 11, 29);

roster::InitSettings settings() {
  roster::InitSettings s;
  s.association = "Test Association";
  s.sectors = roster::parse_sectors_csv(roster::seed_sectors_csv());
  return s;
}

NewMember make(const std::string& name, MemberContacts contacts) {
  NewMember m;
  m.name = name;
  m.name_key = roster::name_key(name);
  m.sector_codes = {"tourism"};
  m.joined = Date::from_ymd(2024, 1, 10);
  m.contacts = std::move(contacts);
  return m;
}

// How many rows anywhere in the file hold `text` in the members or history tables.
int64_t rows_mentioning(const std::filesystem::path& db, const std::string& text) {
  SQLite::Database raw(db.string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(raw,
                      "SELECT (SELECT count(*) FROM members WHERE instr(contact || phone || email, ?1) > 0) + "
                      "(SELECT count(*) FROM history WHERE instr(before || after, ?1) > 0)");
  q.bind(1, text);
  REQUIRE(q.executeStep());
  return q.getColumn(0).getInt64();
}

}  // namespace

TEST_CASE("insert_member stores the contacts, the record and the export stream read them", "[store][contacts]") {
  TempDir dir;
  Store store = Store::create(dir / "roster.db", settings());
  int64_t with = 0, without = 0;
  store.write([&] {
    with = store.insert_member(make("甲公司", {"王丽", "0571-8888 6666", "wang@example.com"}));
    without = store.insert_member(make("乙公司", {}));
  });
  CHECK(store.member_record(with).contacts == MemberContacts{"王丽", "0571-8888 6666", "wang@example.com"});
  CHECK(store.member_record(without).contacts == MemberContacts{});
  std::vector<MemberContacts> exported;
  store.each_member_record([&](const roster::MemberRecord& r) { exported.push_back(r.contacts); });
  CHECK(exported == std::vector<MemberContacts>{{"王丽", "0571-8888 6666", "wang@example.com"}, {}});
  // The member.add entry names the contacts given, and only those.
  auto history = store.member_record(with).history;
  REQUIRE(history.size() == 1);
  CHECK(history[0].after.find("\"contact\":\"王丽\",\"phone\":\"0571-8888 6666\",\"email\":\"wang@example.com\"") !=
        std::string::npos);
  CHECK(store.member_record(without).history[0].after.find("contact") == std::string::npos);
}

TEST_CASE("an edit of the contacts is logged field by field", "[store][contacts]") {
  TempDir dir;
  Store store = Store::create(dir / "roster.db", settings());
  int64_t id = 0;
  store.write([&] { id = store.insert_member(make("甲公司", {"王丽", "13800000000", ""})); });
  std::vector<std::string> changed;
  store.write([&] {
    roster::MemberDraft draft = roster::draft_of(store.member_record(id));
    draft.contacts.phone = "";
    draft.contacts.email = "li@example.com";
    REQUIRE(roster::membership::edit(store, store.sectors(), id, draft, kAsOf, &changed).empty());
  });
  CHECK(changed == std::vector<std::string>{"phone", "email"});
  auto record = store.member_record(id);
  CHECK(record.contacts == MemberContacts{"王丽", "", "li@example.com"});
  REQUIRE(record.history.size() == 3);
  CHECK(record.history[1].field == "phone");
  CHECK(record.history[1].before == "13800000000");
  CHECK(record.history[1].after == "");
  CHECK(record.history[2].field == "email");
  CHECK(record.history[2].after == "li@example.com");
}

TEST_CASE("purge_member deletes the contacts and scrubs them from the history", "[store][contacts]") {
  TempDir dir;
  Store store = Store::create(dir / "roster.db", settings());
  int64_t id = 0;
  store.write([&] {
    id = store.insert_member(make("甲公司", {"王丽", "13800000000", "wang@example.com"}));
    store.insert_member(make("乙公司", {"李强", "0574-8765 0003", ""}));
  });
  store.write([&] {
    roster::MemberDraft draft = roster::draft_of(store.member_record(id));
    draft.contacts.phone = "13900000000";
    REQUIRE(roster::membership::edit(store, store.sectors(), id, draft, kAsOf, nullptr).empty());
  });
  for (const char* text : {"王丽", "13800000000", "13900000000", "wang@example.com"}) {
    CHECK(rows_mentioning(dir / "roster.db", text) > 0);
  }
  store.write([&] { store.purge_member(id); });
  for (const char* text : {"王丽", "13800000000", "13900000000", "wang@example.com"}) {
    INFO(text);
    CHECK(rows_mentioning(dir / "roster.db", text) == 0);
  }
  CHECK(rows_mentioning(dir / "roster.db", "李强") == 2);  // the other member's row and its member.add entry
}
