// roster check --quick: SQLite's quick_check instead of integrity_check, and
// the same data rules.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

std::string sqlite(const std::string& db, const std::string& script) {
  auto r = run_program({"sqlite3", "-bail", db}, script);
  if (r.code != 0 || !r.err.empty()) throw std::runtime_error("sqlite3: " + r.err);
  return r.out;
}

}  // namespace

TEST_CASE("check --quick passes a sound file as check does", "[check][sqlite]") {
  SmallGoalFixture fx;
  auto r = fx.roster({"check", "--quick"});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: " + fx.db + " is sound\n");
}

TEST_CASE("check --quick finds every data-rule defect check finds, in the same words", "[check][sqlite]") {
  SmallGoalFixture fx;
  sqlite(fx.db, read_file(source_dir() / "tests/e2e/fixtures/damage.sql"));
  std::string dump = dump_database(fx.db);
  auto full = fx.roster({"check"});
  auto quick = fx.roster({"check", "--quick"});
  REQUIRE(full.code == 1);
  CHECK(quick.code == 1);
  // damage.sql breaks rows, not the file's structure: both see the same.
  CHECK(quick.out == full.out);
  CHECK(quick.err == full.err);
  CHECK(lines_of(quick.out).size() == 9);
  CHECK(dump_database(fx.db) == dump);
}

TEST_CASE("an index out of step with its table: check finds it, check --quick does not look", "[check][sqlite]") {
  SmallGoalFixture fx;
  // Declare periods_by_joined over left_on while its entries still hold
  // joined_on: each entry no longer matches its row, and the pages are sound.
  sqlite(fx.db,
         "PRAGMA writable_schema = ON;\n"
         "UPDATE sqlite_schema SET sql = 'CREATE INDEX periods_by_joined ON periods(left_on)'"
         " WHERE name = 'periods_by_joined';\n");
  auto full = fx.roster({"check"});
  INFO("check:\n" << full.out << full.err);
  CHECK(full.code == 1);
  CHECK_THAT(full.out, Catch::Contains("integrity: ") && Catch::Contains("periods_by_joined"));
  auto quick = fx.roster({"check", "--quick"});
  INFO("check --quick:\n" << quick.out << quick.err);
  CHECK(quick.code == 0);
  CHECK(quick.out.empty());
}

TEST_CASE("check --help names --quick", "[check][sqlite]") {
  auto r = run_roster({"check", "--help"});
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("--quick") && Catch::Contains("quick_check"));
}
