// Writers on PostgreSQL wait for the write lock as long as on a file (10 s),
// then get the same "busy" line, the roster unchanged.
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "harness.h"
#include "harness_pg.h"

using namespace roster::test;

TEST_CASE("a writer kept waiting past 10 s by another holding the write lock is told the roster is busy", "[pg]") {
  REQUIRE(on_postgres());
  DbFixture fx;
  const std::string before = dump_database(fx.db);
  // Another session holds this roster's write lock (the advisory lock every write takes first) for 14 s.
  auto holder = std::async(std::launch::async, [&] {
    return run_program(
        {"psql", store_for(fx.db), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c",
         "BEGIN; SELECT pg_advisory_xact_lock(1380930388, hashtext(current_schema())); SELECT pg_sleep(14); "
         "COMMIT;"});
  });
  std::this_thread::sleep_for(std::chrono::seconds(1));
  auto t0 = std::chrono::steady_clock::now();
  auto r = fx.roster({"add-member", "杭州甲科技有限公司", "--sector", "tourism", "--joined", "2024-01-05"});
  auto waited = std::chrono::steady_clock::now() - t0;
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "roster: error: the database '" + fx.db + "' is busy with another roster process; try again in a moment\n");
  CHECK(waited >= std::chrono::seconds(9));  // it waited for the lock, rather than failing at once
  CHECK(holder.get().code == 0);
  CHECK(dump_database(fx.db) == before);
  // Once the lock is free, the same write goes through.
  CHECK(fx.roster({"add-member", "杭州甲科技有限公司", "--sector", "tourism", "--joined", "2024-01-05"}).code == 0);
}
