// stdout that cannot be written (a full disk, here /dev/full) is an error:
// exit 1 and one line, never a silent success.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

// roster ARGS --db DB > /dev/full, through the shell.
RunResult to_full_device(const std::vector<std::string>& args, const std::string& db) {
  std::string script = "\"$0\" \"$@\" > /dev/full";
  std::vector<std::string> argv = {"sh", "-c", script, roster_bin()};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.insert(argv.end(), {"--db", db});
  return run_program(argv);
}

const std::string kFull =
    "roster: error: cannot write the output: No space left on device; check the disk or the pipe it goes to\n";

}  // namespace

TEST_CASE("every command that writes stdout exits 1 with one line when stdout is a full device", "[output][sqlite]") {
  SmallGoalFixture fx;
  const std::vector<std::vector<std::string>> commands = {
      {"list", "--as-of", "2025-06-01"},
      {"list", "-f", "json", "--status", "all", "--as-of", "2025-06-01"},
      {"report", "--as-of", "2024-07-15"},
      {"report", "-f", "html", "--as-of", "2024-07-15"},
      {"history"},
      {"show", "1"},
      {"progress", "--as-of", "2024-07-15"},
      {"progress", "--check", "--as-of", "2024-07-15"},  // 3 when behind, but the report was never written
      {"sectors", "--as-of", "2024-07-15"},
      {"goal"},
      {"--help"},
      {"list", "--help"},
      {"--version"},
      {"export"},
      {"export", "-f", "json"},
  };
  std::string before = dump_database(fx.db);
  for (const auto& args : commands) {
    auto r = to_full_device(args, fx.db);
    INFO(args.front() << " " << (args.size() > 1 ? args[1] : ""));
    CHECK(r.code == 1);
    CHECK(r.err == kFull);
  }
  CHECK(dump_database(fx.db) == before);

  DbFixture empty;
  auto plan = to_full_device(
      {"import", (source_dir() / "tests/e2e/fixtures/small.csv").string(), "--dry-run", "--as-of", "2025-06-01"},
      empty.db);
  CHECK(plan.code == 1);
  CHECK(plan.err == kFull);
}

TEST_CASE("a long listing onto a full device stops with the same one line", "[output][sqlite]") {
  DbFixture fx;
  std::string csv = "name,sectors,joined\n";
  for (int i = 0; i < 3000; ++i) csv += "公司" + std::to_string(i) + ",tourism,2024-01-01\n";
  REQUIRE(fx.roster({"import", "-", "--as-of", "2026-11-29", "-q"}, csv).code == 0);
  for (auto args : std::vector<std::vector<std::string>>{{"list", "--as-of", "2026-11-29"}, {"history"}, {"export"}}) {
    auto r = to_full_device(args, fx.db);
    INFO(args.front());
    CHECK(r.code == 1);
    CHECK(r.err == kFull);
  }
}

TEST_CASE("add-member onto a full device adds the member but exits 1, since its id was not written",
          "[output][sqlite]") {
  DbFixture fx;
  auto r = to_full_device(
      {"add-member", "杭州青禾文旅科技有限公司", "--sector", "tourism", "--as-of", "2026-11-29", "-q"}, fx.db);
  CHECK(r.code == 1);
  CHECK(r.err == kFull);
  CHECK(fx.roster({"list", "-f", "tsv", "--as-of", "2026-11-29"}).out.find("杭州青禾文旅科技有限公司") !=
        std::string::npos);
}
