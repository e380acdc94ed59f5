// A sector merged away by another process while add-member or import starts:
// the registry that decides a write is the one read under the write lock.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

// Runs `roster ARGS` while sqlite3 holds the write lock with `media` merged
// into `technology` but not yet committed. roster starts once the lock is
// taken, so it can read the old registry before it waits for the lock; the
// commit follows a few seconds later, well within roster's busy timeout.
RunResult during_merge(const DbFixture& fx, const std::vector<std::string>& args) {
  std::string locked = fx.dir.file("locked");
  write_file(fx.dir / "merge.sql",
             "BEGIN IMMEDIATE;\n"
             "UPDATE member_sectors SET sector_code = 'technology' WHERE sector_code = 'media';\n"
             "DELETE FROM sectors WHERE code = 'media';\n"
             ".shell touch '" +
                 locked +
                 "'\n"
                 ".shell sleep " +
                 std::string(kSanitized ? "6" : "2") +
                 "\n"
                 "COMMIT;\n");
  std::vector<std::string> argv = {"sh",
                                   "-c",
                                   "sqlite3 \"$1\" < \"$2\" & "
                                   "while [ ! -e \"$3\" ]; do sleep 0.01; done; "
                                   "shift 3; \"$0\" \"$@\"; code=$?; wait; exit $code",
                                   roster_bin(),
                                   fx.db,
                                   fx.dir.file("merge.sql"),
                                   locked};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.insert(argv.end(), {"--db", fx.db, "--as-of", "2026-11-29"});
  return run_program(argv);
}

const std::string kUnknownMedia = "unknown sector 'media'";

}  // namespace

TEST_CASE("add-member reads the sectors under the write lock: one merged away meanwhile is unknown",
          "[registry-race][sqlite]") {
  DbFixture fx;
  auto r = during_merge(fx, {"add-member", "杭州新媒体有限公司", "--sector", "media", "--joined", "2024-01-01"});
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.starts_with("roster: error: " + kUnknownMedia));
  CHECK(r.err.find("database error") == std::string::npos);
  CHECK(run_program({"sqlite3", fx.db, "SELECT count(*) FROM members"}).out == "0\n");
}

TEST_CASE("import reads the sectors under the write lock: one merged away meanwhile is unknown",
          "[registry-race][sqlite]") {
  DbFixture fx;
  write_file(fx.dir / "new.csv", "name,sectors,joined\n杭州新媒体有限公司,media,2024-01-01\n");
  auto r = during_merge(fx, {"import", fx.dir.file("new.csv")});
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(r.err.starts_with(fx.dir.file("new.csv") + ":2: sectors: " + kUnknownMedia));
  CHECK(r.err.find("database error") == std::string::npos);
  CHECK(run_program({"sqlite3", fx.db, "SELECT count(*) FROM members"}).out == "0\n");
}
