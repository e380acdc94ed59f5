// Two secretaries (or a cron job and a secretary) writing at the same moment.
#include <catch2/catch.hpp>
#include <future>

#include "harness.h"
#include "harness_pg.h"

using namespace roster::test;

TEST_CASE("two processes adding members at once end with every member and no error", "[concurrency]") {
  DbFixture fx;
  // Each worker is one shell loop of 50 add-member processes (20 under the
  // sanitizers), so the two loops really interleave at the process level.
  const int per_worker = kSanitized ? 20 : 50;
  const std::string all = std::to_string(2 * per_worker);
  auto worker = [&](const std::string& prefix) {
    std::string script = "for i in $(seq 1 " + std::to_string(per_worker) + "); do \"$0\" add-member \"" + prefix +
                         "公司$i\" --sector tourism --joined 2024-01-01 --db \"$1\" -q >/dev/null || exit 1; done";
    return run_program({"sh", "-c", script, roster_bin(), fx.db}, "", {}, std::chrono::seconds(240));
  };
  auto a = std::async(std::launch::async, worker, "甲");
  auto b = std::async(std::launch::async, worker, "乙");
  auto ra = a.get(), rb = b.get();
  CHECK(ra.code == 0);
  CHECK(rb.code == 0);
  CHECK(ra.err.empty());
  CHECK(rb.err.empty());
  auto count = run_program({"sqlite3", fx.db,
                            "SELECT count(*), count(DISTINCT name), (SELECT count(*) FROM periods), "
                            "(SELECT count(*) FROM history WHERE kind = 'member.add') FROM members;"});
  CHECK(count.out == all + "|" + all + "|" + all + "|" + all + "\n");
  if (!on_postgres()) {  // SQLite's own check of the file's pages
    auto check = run_program({"sqlite3", fx.db, "PRAGMA integrity_check;"});
    CHECK(check.out == "ok\n");
  }
}
