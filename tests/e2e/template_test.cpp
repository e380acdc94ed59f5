// roster template: the spreadsheet and the demo roster, read from the data
// files beside the binary (build/data here; PREFIX/share/roster installed).
#include <catch2/catch.hpp>
#include <filesystem>

#include "harness.h"

using namespace roster::test;

TEST_CASE("template writes data/template-members.csv byte for byte, BOM and CRLF kept", "[template]") {
  auto r = run_roster({"template"});
  REQUIRE(r.code == 0);
  CHECK(r.out == read_file(source_dir() / "data" / "template-members.csv"));
  CHECK(r.out.starts_with("\xEF\xBB\xBF"));
  auto demo = run_roster({"template", "--demo"});
  REQUIRE(demo.code == 0);
  CHECK(demo.out == read_file(source_dir() / "data" / "demo-members.csv"));
}

TEST_CASE("template FILE writes the file, refuses to replace it without --force", "[template]") {
  DbFixture f;
  std::string sheet = f.dir.file("members.csv");
  REQUIRE(f.roster({"template", sheet}).code == 0);
  CHECK(read_file(sheet) == read_file(source_dir() / "data" / "template-members.csv"));
  write_file(sheet, "mine\n");
  auto again = f.roster({"template", sheet});
  CHECK(again.code == 1);
  CHECK(again.err.find("--force") != std::string::npos);
  CHECK(read_file(sheet) == "mine\n");
  CHECK(f.roster({"template", "--demo", sheet, "--force"}).code == 0);
  CHECK(read_file(sheet) == read_file(source_dir() / "data" / "demo-members.csv"));
}

TEST_CASE("the template and the demo roster import as they are", "[template]") {
  DbFixture f;
  auto dry = f.roster({"import", "-", "--dry-run", "--as-of", "2026-11-29"}, run_roster({"template"}).out);
  CHECK(dry.code == 0);
  CHECK(dry.err.find("2 members would be added") != std::string::npos);
  auto demo = f.roster({"import", "-"}, run_roster({"template", "--demo"}).out);
  CHECK(demo.code == 0);
  CHECK(f.roster({"list", "--status", "all", "-f", "csv"}).out.size() > 1000);
}

TEST_CASE("a binary without its data files says where it looked and how to fix it", "[template]") {
  TempDir dir;
  std::filesystem::path bin = std::filesystem::path(dir.file("bin")) / "roster";
  std::filesystem::create_directories(bin.parent_path());
  std::filesystem::copy_file(roster_bin(), bin);
  auto r = run_program({bin.string(), "template"});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("share/roster/template-members.csv") != std::string::npos);
  CHECK(r.err.find("reinstall roster") != std::string::npos);
  CHECK(lines_of(r.err).size() == 1);
}
