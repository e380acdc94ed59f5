// The reads shell completion makes: they find sectors and names on a real
// roster, find nothing elsewhere, and leave every file as it was.
#include "roster/peek.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <optional>

#include "roster/store.h"
#include "roster/text.h"
#include "temp_dir.h"

using roster::peek_member_names;
using roster::peek_sectors;
using roster::Store;

namespace {

using Names = std::vector<std::string>;

roster::InitSettings settings() {
  roster::InitSettings s;
  s.association = "Test Association";
  s.sectors = roster::parse_sectors_csv(roster::seed_sectors_csv());
  return s;
}

roster::NewMember member(const std::string& name, std::optional<roster::Date> left = std::nullopt) {
  roster::NewMember m;
  m.name = name;
  m.name_key = roster::name_key(name);
  m.sector_codes = {"tourism"};
  m.joined = roster::Date::from_ymd(2024, 1, 10);
  m.left = left;
  return m;
}

// A roster with the given members, closed again.
void make_roster(const std::filesystem::path& path, const Names& names) {
  Store store = Store::create(path, settings());
  store.write([&] {
    for (const auto& name : names) store.insert_member(member(name));
  });
}

}  // namespace

TEST_CASE("peek_member_names finds names by the start of their key, in key order", "[peek]") {
  TempDir dir;
  make_roster(dir / "roster.db",
              {"Bluebird", "Blue Harbor Digital Co., Ltd.", "ＢＬＵＥ Ｗave", "杭州云栖科技", "杭州西溪旅游", "Other"});
  auto db = dir / "roster.db";
  CHECK(peek_member_names(db, "Blue", 10) == Names{"Blue Harbor Digital Co., Ltd.", "ＢＬＵＥ Ｗave", "Bluebird"});
  CHECK(peek_member_names(db, "blue ", 10) == Names{"Blue Harbor Digital Co., Ltd.", "ＢＬＵＥ Ｗave"});
  CHECK(peek_member_names(db, "BLUE  w", 10) == Names{"ＢＬＵＥ Ｗave"});  // width, case and spaces folded
  CHECK(peek_member_names(db, "杭州", 10) == Names{"杭州云栖科技", "杭州西溪旅游"});
  CHECK(peek_member_names(db, "杭州西", 10) == Names{"杭州西溪旅游"});
  CHECK(peek_member_names(db, "", 2).size() == 2);
  CHECK(peek_member_names(db, "", 100).size() == 6);
  CHECK(peek_member_names(db, "Nobody", 10).empty());
  CHECK(peek_member_names(db, "\xff", 10).empty());
}

TEST_CASE("peek_sectors reads the registry in its order", "[peek]") {
  TempDir dir;
  make_roster(dir / "roster.db", {});
  auto sectors = peek_sectors(dir / "roster.db");
  REQUIRE(sectors.size() == 11);
  CHECK(sectors[0].code == "healthcare");
  CHECK(sectors[0].name_zh == "医疗健康");
  CHECK(sectors[3].code == "tourism");
  CHECK(sectors[3].name_en == "Tourism");
  CHECK(sectors[3].name_zh == "文化旅游");
}

TEST_CASE("a peek at a missing or foreign file finds nothing and creates nothing", "[peek]") {
  TempDir dir;
  CHECK(peek_sectors(dir / "missing.db").empty());
  CHECK(peek_member_names(dir / "missing.db", "", 10).empty());
  CHECK(roster::peek_language(dir / "missing.db").empty());
  CHECK(dir.entries() == 0);
  std::ofstream(dir / "notes.txt") << "not a database\n";
  CHECK(peek_sectors(dir / "notes.txt").empty());
  CHECK(peek_member_names(dir / "notes.txt", "", 10).empty());
  CHECK(dir.entries() == 1);
}

TEST_CASE("a peek leaves no -wal or -shm beside the roster, even while it is open", "[peek]") {
  TempDir dir;
  make_roster(dir / "roster.db", {"Blue Harbor"});
  REQUIRE(dir.entries() == 1);
  CHECK(peek_member_names(dir / "roster.db", "b", 10) == Names{"Blue Harbor"});
  CHECK(peek_sectors(dir / "roster.db").size() == 11);
  CHECK(dir.entries() == 1);
  Store open = Store::open(dir / "roster.db");  // another process's connection
  open.write([&] { open.insert_member(member("Blue Sky")); });
  CHECK(peek_member_names(dir / "roster.db", "blue", 10) == Names{"Blue Harbor", "Blue Sky"});
}
