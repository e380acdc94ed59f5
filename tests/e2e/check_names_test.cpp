// roster check's same-name rule: two members whose names fold to the same key.
// The UNIQUE name_key index keeps out two right keys, so a clash always has a
// member whose stored key is stale (written with sqlite3); check must find it
// whichever of the two comes first and however many are stale.
#include <algorithm>
#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

void sqlite(const std::string& db, const std::string& script) {
  auto r = run_program({"sqlite3", "-bail", db}, script);
  if (r.code != 0 || !r.err.empty()) throw std::runtime_error("sqlite3: " + r.err);
}

// A member written behind roster's back with the key given, and a sector and
// a period, so that only the names are wrong.
std::string insert(int id, const std::string& name, const std::string& key) {
  std::string i = std::to_string(id);
  return "INSERT INTO members (id, name, name_key) VALUES (" + i + ", '" + name + "', '" + key + "');\n" +
         "INSERT INTO member_sectors VALUES (" + i + ", 'other', 0);\n" +
         "INSERT INTO periods (member_id, joined_on) VALUES (" + i + ", '2024-01-01');\n";
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
  return std::count(lines.begin(), lines.end(), line) == 1;
}

}  // namespace

TEST_CASE("check finds the same name whichever member holds the stale key, and among stale ones", "[check][sqlite]") {
  DbFixture fx;
  auto add = [&](const std::string& name) {
    REQUIRE(fx.roster({"add-member", name, "--sector", "other", "--joined", "2024-01-01", "-q"}).code == 0);
  };
  add("Acme 科技");                                                              // #1, right key
  sqlite(fx.db, insert(2, "ＡＣＭＥ　科技", "stale-2"));                         // #2 folds to #1's key
  sqlite(fx.db, insert(3, "Beta Co", "stale-3"));                                // #3 stale, first of its name
  add("BETA CO");                                                                // #4, right key, after the stale one
  sqlite(fx.db, insert(5, "Gamma", "stale-5") + insert(6, "GAMMA", "stale-6"));  // both stale
  add("Delta");                                                                  // #7, nobody's twin

  auto r = fx.roster({"check"});
  INFO(r.out << r.err);
  CHECK(r.code == 1);
  auto lines = lines_of(r.out);
  CHECK(has(lines,
            "member #2 (ＡＣＭＥ　科技): same name as member #1 (Acme 科技) once case, width and spacing are ignored"));
  CHECK(has(lines, "member #4 (BETA CO): same name as member #3 (Beta Co) once case, width and spacing are ignored"));
  CHECK(has(lines, "member #6 (GAMMA): same name as member #5 (Gamma) once case, width and spacing are ignored"));
  // Each stale key is named once, and nothing else is said about the names.
  CHECK(std::count_if(lines.begin(), lines.end(),
                      [](const std::string& l) { return l.find("stored name key") != std::string::npos; }) == 4);
  CHECK(std::count_if(lines.begin(), lines.end(),
                      [](const std::string& l) { return l.find("same name as") != std::string::npos; }) == 3);
  CHECK(lines.size() == 7);
}
