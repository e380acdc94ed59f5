// The large-import write path (rows first, the members' key indexes built
// after) gives the same database and the same messages as the row-by-row
// path. ROSTER_IMPORT_BULK forces either; scripts/test.sh also runs every
// import test with it set to 1.
#include <fmt/core.h>

#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

// A file that exercises what the path keeps in memory: ids out of order and
// ids that are not canonical ("007"), later periods far from their first
// row, a row without an id, and (with `bad`) repeats of names and USCCs.
std::string members_file(bool bad) {
  std::string csv = "id,name,uscc,sectors,joined,left,reason\n";
  for (int i = 1; i <= 120; ++i) {
    int id = i % 2 ? 1000 - i : i;
    csv += fmt::format("{},杭州测试{}号科技有限公司,,tourism,2020-01-{:02},2021-01-01,未续费\n", id, i, 1 + i % 28);
  }
  csv += "007,宁波七号有限公司,,education,2022-02-02,2022-12-31,迁出\n";
  csv += "7,宁波另七号有限公司,,education,2022-02-03,,\n";
  csv += ",温州无号有限公司,,healthcare,2022-03-03,,\n";
  for (int i = 1; i <= 120; i += 3) {
    int id = i % 2 ? 1000 - i : i;
    csv += fmt::format("{},杭州测试{}号科技有限公司,,tourism,2022-05-01,,\n", id, i);
  }
  csv += "007,宁波七号有限公司,,education,2023-02-02,,\n";
  if (bad) {
    csv += "500,杭州测试5号科技有限公司,,tourism,2024-01-01,,\n";  // a repeat of row 6's name
    csv += "501,杭州新的有限公司,,nowhere,2024-01-01,,\n";         // an unknown sector
    csv += "502,杭州新的有限公司,,tourism,2024-01-01,,\n";         // the refused row's name: added
    csv += "503,杭州新的有限公司,,tourism,2024-01-01,,\n";         // a repeat of the row above
    csv += "1000,杭州测试1000号有限公司,,tourism,2024-01-01,,\n";  // id 1000 is free: kept
  }
  return csv;
}

// The database's rows without the history's times, which differ run to run.
std::string rows_of(const std::string& db) {
  std::string out;
  for (const char* table : {"members", "periods", "member_sectors"}) {
    out += run_program({"sqlite3", db, fmt::format("SELECT * FROM {} ORDER BY 1, 2", table)}).out;
  }
  out +=
      run_program({"sqlite3", db, "SELECT id, user, command, kind, member_id, field, before, after FROM history"}).out;
  return out;
}

}  // namespace

TEST_CASE("the large-import path writes the same rows and history as the row-by-row path", "[import][sqlite]") {
  TempDir dir;
  std::string file = dir.file("m.csv");
  write_file(file, members_file(false));
  std::string rows[2], schema[2];
  for (int bulk : {0, 1}) {
    std::string db = dir.file(fmt::format("r{}.db", bulk));
    REQUIRE(run_roster({"init", "--db", db, "-q"}).code == 0);
    auto r = run_roster({"import", file, "--db", db, "--as-of", "2026-11-29"}, "",
                        {{"ROSTER_IMPORT_BULK", std::to_string(bulk)}});
    REQUIRE(r.code == 0);
    CHECK(r.err == "roster: imported 123 members (+41 later periods) from " + file + "\n");
    rows[bulk] = rows_of(db);
    schema[bulk] = run_program({"sqlite3", db, "SELECT type, name, sql FROM sqlite_schema ORDER BY name"}).out;
    CHECK(run_roster({"check", "--db", db}).code == 0);
  }
  CHECK(rows[0] == rows[1]);
  CHECK(schema[0] == schema[1]);
  CHECK(rows[1].find("\n7|宁波七号有限公司|") != std::string::npos);
}

TEST_CASE("the large-import path refuses the same rows with the same lines and changes nothing", "[import][sqlite]") {
  TempDir dir;
  std::string file = dir.file("m.csv");
  write_file(file, members_file(true));
  std::string err[2];
  for (int bulk : {0, 1}) {
    std::string db = dir.file(fmt::format("r{}.db", bulk));
    REQUIRE(run_roster({"init", "--db", db, "-q"}).code == 0);
    std::string before = dump_database(db);
    auto r = run_roster({"import", file, "--db", db, "--as-of", "2026-11-29"}, "",
                        {{"ROSTER_IMPORT_BULK", std::to_string(bulk)}});
    CHECK(r.code == 1);
    err[bulk] = r.err;
    CHECK(dump_database(db) == before);
  }
  CHECK(err[0] == err[1]);
  CHECK(err[1].find(":166: name: '杭州测试5号科技有限公司' is already on line 6 of this file") != std::string::npos);
  CHECK(err[1].find(":169: name: '杭州新的有限公司' is already on line 168 of this file") != std::string::npos);
  CHECK(err[1].find("3 problems in 169 rows; nothing was imported") != std::string::npos);
}
