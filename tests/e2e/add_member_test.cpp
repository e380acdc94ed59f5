#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

TEST_CASE("add-member prints the new id alone on stdout and confirms on stderr", "[add-member]") {
  DbFixture fx;
  auto r = fx.roster({"add-member", "杭州星云数字科技有限公司", "--sector", "文化旅游", "--sector", "Education",
                      "--joined", "2024-03-15", "--uscc", "91310110666007217t", "--tier", "理事", "--city", "杭州",
                      "--parent", "星云集团", "--note", "council approved"});
  CHECK(r.code == 0);
  CHECK(r.out == "1\n");
  CHECK(r.err == "roster: added member #1 杭州星云数字科技有限公司 (tourism, education; joined 2024-03-15)\n");

  auto second = fx.roster({"add-member", "宁波海曙文旅有限公司", "-s", "tourism", "--joined", "2024-04-01", "-q"});
  CHECK(second.out == "2\n");
  CHECK(second.err.empty());

  auto list = fx.roster({"list", "-f", "tsv", "--as-of", "2024-05-01"});
  CHECK(list.out ==
        "id\tname\tuscc\tsectors\ttier\tcity\tparent\tnote\tjoined\tleft\tstatus\n"
        "1\t杭州星云数字科技有限公司\t91310110666007217T\ttourism;education\tcouncil\t杭州\t星云集团\tcouncil "
        "approved\t2024-03-15\t\tactive\n"
        "2\t宁波海曙文旅有限公司\t\ttourism\tmember\t\t\t\t2024-04-01\t\tactive\n");
}

TEST_CASE("add-member --joined defaults to --as-of", "[add-member]") {
  DbFixture fx;
  auto r = fx.roster({"add-member", "温州某某科技有限公司", "--sector", "healthcare", "--as-of", "2025-01-02"});
  CHECK(r.code == 0);
  CHECK(r.err == "roster: added member #1 温州某某科技有限公司 (healthcare; joined 2025-01-02)\n");
}

TEST_CASE("add-member --dry-run checks everything and writes nothing", "[add-member]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  auto r = fx.roster({"add-member", "绍兴某某有限公司", "--sector", "tourism", "--joined", "2024-01-01", "--dry-run"});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "roster: dry run: would add member #1 绍兴某某有限公司 (tourism; joined 2024-01-01); nothing written\n");
  CHECK(dump_database(fx.db) == before);

  auto bad = fx.roster({"add-member", "绍兴某某有限公司", "--sector", "nowhere", "--dry-run"});
  CHECK(bad.code == 1);
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("global options work before or after the command", "[cli]") {
  DbFixture fx;
  REQUIRE(fx.roster({"add-member", "金华某某有限公司", "--sector", "tourism", "--joined", "2024-01-01", "-q"}).code ==
          0);
  auto after = run_roster({"list", "--db", fx.db, "-f", "csv", "--as-of", "2025-01-01"});
  auto before = run_roster({"--db", fx.db, "-f", "csv", "--as-of", "2025-01-01", "list"});
  CHECK(after.code == 0);
  CHECK(after.out == before.out);
  CHECK(after.out.find("金华某某有限公司") != std::string::npos);
}

TEST_CASE("the database comes from --db, else $ROSTER_DB, else the XDG data folder", "[cli]") {
  TempDir dir;
  std::string env_db = dir.file("env.db");
  auto r = run_program({"env", "ROSTER_DB=" + env_db, roster_bin(), "init", "-q"});
  CHECK(r.code == 0);
  CHECK(std::filesystem::exists(env_db));
  auto xdg = run_program({"env", "-u", "ROSTER_DB", "XDG_DATA_HOME=" + dir.file("xdg"), roster_bin(), "init", "-q"});
  CHECK(xdg.code == 0);
  CHECK(std::filesystem::exists(dir.path() / "xdg" / "roster" / "roster.db"));
}

TEST_CASE("roster --version and --help exit 0 and no command is a usage error", "[cli]") {
  auto v = run_roster({"--version"});
  CHECK(v.code == 0);
  // The version is set once, in CMakeLists.txt project(); the test gets it from there.
  CHECK(v.out == "roster " ROSTER_VERSION "\n");
  auto h = run_roster({"add-member", "--help"});
  CHECK(h.code == 0);
  CHECK(h.out.find("Example:") != std::string::npos);
  auto none = run_roster({});
  CHECK(none.code == 2);
  CHECK(none.err == "roster: error: A subcommand is required (see `roster --help`)\n");
}

TEST_CASE("an unknown command is named in the error", "[cli]") {
  auto r = run_roster({"--db", "x.db", "lsit"});
  CHECK(r.code == 2);
  CHECK(r.err == "roster: error: unknown command 'lsit' (see `roster --help` for the commands)\n");
}

TEST_CASE("a name starting with '-' is given after --", "[add-member]") {
  DbFixture fx;
  auto r = run_roster({"add-member", "--db", fx.db, "--sector", "other", "--joined", "2024-01-01", "--", "-名"});
  CHECK(r.code == 0);
  CHECK(r.out == "1\n");
  CHECK(fx.roster({"list", "-f", "jsonl", "--as-of", "2024-01-01"}).out.find("\"name\":\"-名\"") != std::string::npos);
}

TEST_CASE("colour only when asked and never with NO_COLOR", "[cli]") {
  DbFixture fx;
  auto always = fx.roster({"list", "-f", "table", "--color", "always"});
  CHECK(always.out.rfind("\x1b[1m", 0) == 0);
  auto never =
      run_program({"env", "NO_COLOR=1", roster_bin(), "list", "-f", "table", "--color", "always", "--db", fx.db});
  CHECK(never.out.find('\x1b') == std::string::npos);
  auto piped = fx.roster({"list", "-f", "table"});
  CHECK(piped.out.find('\x1b') == std::string::npos);
}
