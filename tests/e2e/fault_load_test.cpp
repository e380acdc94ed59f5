// Load and crashes: many processes at once, and an import killed part way through.
#include <catch2/catch.hpp>

#include "fault_helpers.h"

using namespace roster::test;
using namespace roster::test::fault;

// ---------------------------------------------------------------- concurrency

// (No ": " in a test name: Catch2 v2 indents a wrapped header to just after
// it, and loops for ever printing a name whose ": " is past the console width.)
TEST_CASE(
    "eight processes adding members at once while list and progress read in loops end with every member, "
    "no errors, and no reader ever seeing fewer than before",
    "[fault][concurrency]") {
  DbFixture fx;
  const int kWriters = 8, kPerWriter = kMembersPerWriter, kTotal = kWriters * kPerWriter;
  auto start = Clock::now();

  // Each writer is one shell loop of 100 add-member processes (50 under the
  // sanitizers), so the eight loops interleave at the process level, as in
  // concurrency_test.cpp. A failed add does not stop the loop: the exit code
  // is the number of failures.
  std::atomic<int> writers_running{kWriters};
  std::vector<std::future<RunResult>> writers;
  for (int w = 1; w <= kWriters; ++w) {
    writers.push_back(std::async(std::launch::async, [&, w] {
      std::string script = "fails=0; for i in $(seq 1 " + std::to_string(kPerWriter) +
                           "); do \"$0\" add-member \"并发" + std::to_string(w) +
                           "组$i号科技有限公司\" --sector tourism --joined 2024-01-01 --as-of " + kAsOf +
                           " --db \"$1\" -q >/dev/null || fails=$((fails+1)); done; exit $fails";
      auto r = run_program({"sh", "-c", script, roster_bin(), fx.db}, "", {}, std::chrono::seconds(270));
      --writers_running;
      return r;
    }));
  }

  struct ReaderRun {
    RunResult result;
    long count = -1;
    bool during = false;  // started while some writer was still running
  };
  // Runs `args` until every writer has finished, then once more. Between
  // runs it rests at least 100 ms and twice as long as the last run took, so
  // the readers take at most a third of a core each from the writers (a
  // roster process under the sanitizers costs some 20 times a plain one).
  auto reader = [&](std::vector<std::string> args, long (*count_of)(const std::string&)) {
    std::vector<ReaderRun> runs;
    bool last = false;
    while (!last) {
      ReaderRun run;
      run.during = writers_running.load() > 0;
      last = !run.during;
      auto begun = Clock::now();
      run.result = fx.roster(args);
      auto took = Clock::now() - begun;
      run.count = count_of(run.result.out);
      runs.push_back(std::move(run));
      if (!last) std::this_thread::sleep_for(std::max<Clock::duration>(std::chrono::milliseconds(100), 2 * took));
    }
    return runs;
  };
  auto list_count = [](const std::string& out) -> long {
    auto lines = lines_of(out);
    if (lines.empty() || lines[0].rfind("id\tname\t", 0) != 0) return -1;  // no header: not a listing
    return static_cast<long>(lines.size()) - 1;
  };
  auto progress_count = [](const std::string& out) -> long {
    const std::string key = "\"active\": ";
    auto pos = out.find(key);
    if (pos == std::string::npos) return -1;
    return std::strtol(out.c_str() + pos + key.size(), nullptr, 10);
  };
  auto lister =
      std::async(std::launch::async, reader,
                 std::vector<std::string>{"list", "--status", "all", "-f", "tsv", "--as-of", kAsOf}, +list_count);
  auto progressor = std::async(std::launch::async, reader,
                               std::vector<std::string>{"progress", "-f", "json", "--as-of", kAsOf}, +progress_count);

  for (int w = 0; w < kWriters; ++w) {
    auto r = writers[static_cast<size_t>(w)].get();
    INFO("writer " << w + 1 << " (exit code = number of failed add-member runs), stderr:\n" << r.err);
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.find("locked") == std::string::npos);
    CHECK(r.err.find("busy") == std::string::npos);
    CHECK(r.err.empty());
  }
  double writers_seconds = seconds_since(start);

  for (auto* future : {&lister, &progressor}) {
    auto runs = future->get();
    std::string what = future == &lister ? "list -f tsv" : "progress -f json";
    INFO(what << ": " << runs.size() << " runs");
    REQUIRE(!runs.empty());
    long previous = 0;
    int during = 0, part_way = 0;
    for (size_t i = 0; i < runs.size(); ++i) {
      const auto& run = runs[i];
      INFO("run " << i << (run.during ? " (writers running)" : " (after the writers)") << ": exit " << run.result.code
                  << ", stderr: " << run.result.err);
      CHECK(run.result.code == 0);
      CHECK(run.result.err.empty());
      CHECK(run.count >= 0);
      CHECK(run.count >= previous);  // never fewer than a run that came before
      CHECK(run.count <= kTotal);
      previous = std::max(previous, run.count);
      if (run.during) ++during;
      if (run.count > 0 && run.count < kTotal) ++part_way;
    }
    CHECK(runs.back().count == kTotal);  // the run after the writers sees them all
    CHECK(during >= 1);
    CHECK(part_way >= 1);  // at least one run really overlapped the writers
  }

  CHECK(sql(fx.db,
            "SELECT count(*), count(DISTINCT name), (SELECT count(*) FROM periods), "
            "(SELECT count(*) FROM member_sectors), "
            "(SELECT count(*) FROM history WHERE kind = 'member.add') FROM members;") ==
        fmt_counts({kTotal, kTotal, kTotal, kTotal, kTotal}));
  auto listing = fx.roster({"list", "--status", "all", "-f", "tsv", "--as-of", kAsOf});
  CHECK(listing.code == 0);
  CHECK(lines_of(listing.out).size() == static_cast<size_t>(kTotal) + 1);  // the header and one line per member
  for (int w = 1; w <= kWriters; ++w) {
    CHECK(sql(fx.db, "SELECT count(*) FROM members WHERE name LIKE '并发" + std::to_string(w) + "组%'") ==
          std::to_string(kPerWriter) + "\n");
  }
  auto check = fx.roster({"check"});
  CHECK(check.code == 0);
  CHECK(check.out.empty());
  CHECK(sql(fx.db, "PRAGMA integrity_check") == "ok\n");
  WARN("concurrency: " << kWriters << " writers x " << kPerWriter << " add-member finished in " << writers_seconds
                       << " s, whole test " << seconds_since(start) << " s");
}

// ---------------------------------------------------------------- crash

TEST_CASE(
    "a big import killed with SIGKILL part way leaves none or all of its rows, and the same import then "
    "completes",
    "[fault][crash]") {
  const int kRows = kCrashRows;
  TempDir dir;
  std::string csv = dir.file("members.csv");
  write_file(csv, members_csv(kRows));
  std::string seed = dir.file("seed.db");
  make_seed_db(seed);
  // init logs one history entry, add-member another.
  const std::string none = counts(1, 1, 1, 2);
  const std::string all = counts(kRows + 1, kRows + 1, kRows + 1, kRows + 2);
  REQUIRE(row_counts(seed) == none);
  REQUIRE(run_roster({"check", "--db", seed, "-q"}).code == 0);  // sqlite3 left no -wal behind

  auto import_args = [&](const std::string& db) {
    return std::vector<std::string>{roster_bin(), "import", csv, "--db", db, "--as-of", kAsOf, "-q"};
  };

  // One uninterrupted import, to know how long one takes here and how big
  // the database gets. The import is one transaction: its pages go to DB-wal
  // as it runs (SQLite spills its cache there), so the -wal grows steadily to
  // about that size before the commit. Killing when the -wal reaches a share
  // of it hits the same stage of the import however busy the machine is.
  std::string reference = dir.file("reference.db");
  fs::copy_file(seed, reference);
  auto started = Clock::now();
  auto full = run_program(import_args(reference));
  const double full_seconds = seconds_since(started);
  REQUIRE(full.code == 0);
  REQUIRE(full.err.empty());
  REQUIRE(row_counts(reference) == all);
  const auto full_size = fs::file_size(reference);
  const auto seed_size = fs::file_size(seed);
  fs::remove(reference);

  // Three kills inside the transaction, at 10%, 40% and 80% of the -wal, and
  // one after the commit: the database file itself only grows when the
  // checkpoint that follows the commit copies the -wal into it.
  struct KillPoint {
    double wal_fraction;  // 0: once the database file grows
    const char* name;
  };
  for (KillPoint point :
       {KillPoint{0.1, "10"}, KillPoint{0.4, "40"}, KillPoint{0.8, "80"}, KillPoint{0, "checkpoint"}}) {
    const bool in_checkpoint = point.wal_fraction == 0;
    std::string db = dir.file("killed-" + std::string(point.name) + ".db");
    fs::copy_file(seed, db);
    const auto wal_target = static_cast<std::uintmax_t>(point.wal_fraction * static_cast<double>(full_size));
    const auto db_target = seed_size + (full_size - seed_size) / 10;
    if (in_checkpoint) {
      INFO("import killed once " << db << " grew past " << db_target << " bytes (in the checkpoint after the commit)");
    } else {
      INFO("import killed once " << db << "-wal reached " << wal_target << " bytes (" << point.name << "% of the "
                                 << full_size << "-byte database an uninterrupted import made in " << full_seconds
                                 << " s)");
    }

    Background import(import_args(db), db + ".out", db + ".err");
    auto begun = Clock::now();
    // Give up waiting (and kill anyway) after three uninterrupted imports' time.
    auto deadline = begun + std::chrono::milliseconds(static_cast<long>(3000 * full_seconds) + 1000);
    std::error_code ec;
    bool ended_by_itself = import.wait_until(deadline, [&] {
      auto size = fs::file_size(in_checkpoint ? db : db + "-wal", ec);
      return !ec && size >= (in_checkpoint ? db_target : wal_target);
    });
    double kill_after = seconds_since(begun);
    std::uintmax_t wal_at_kill = fs::file_size(db + "-wal", ec);
    if (ec) wal_at_kill = 0;
    import.kill(SIGKILL);
    int status = import.wait();
    bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    INFO((killed            ? "killed by SIGKILL"
          : ended_by_itself ? "ended before the kill"
                            : "ended otherwise")
         << " after " << kill_after << " s with a " << wal_at_kill << "-byte -wal; stderr: " << read_file(db + ".err"));
    CHECK((killed || (WIFEXITED(status) && WEXITSTATUS(status) == 0)));
    // The -wal thresholds are below its final size, so those kills land in
    // the transaction; the checkpoint may (rarely) be over before it is seen.
    if (!in_checkpoint) CHECK(killed);

    // The file is sound, and the import is all or nothing.
    auto check = run_roster({"check", "--db", db});
    CHECK(check.code == 0);
    CHECK(check.out.empty());
    CHECK(check.err == "roster: " + db + " is sound\n");
    CHECK(sql(db, "PRAGMA integrity_check") == "ok\n");
    std::string after_kill = row_counts(db);
    bool had_none = after_kill == none;
    bool had_all = after_kill == all;
    INFO("members|periods|member_sectors|history after the kill: " << after_kill);
    CHECK((had_none || had_all));
    if (in_checkpoint) CHECK(had_all);  // committed before the kill
    CHECK(sql(db, "SELECT name FROM members WHERE id = 1") == "杭州种子科技有限公司\n");

    // Still usable, with no stale lock: the same file again runs to completion
    // (or, if the killed import had committed, is refused as duplicates).
    auto again_started = Clock::now();
    auto again = run_program(import_args(db));
    double again_seconds = seconds_since(again_started);
    INFO("second import: exit " << again.code << " in " << again_seconds << " s, stderr: " << again.err.substr(0, 500));
    if (had_all) {
      CHECK(again.code == 1);
      CHECK(again.err.find("nothing was imported") != std::string::npos);
    } else {
      CHECK(again.code == 0);
      CHECK(again.err.empty());
    }
    CHECK(again.err.find("busy") == std::string::npos);
    CHECK(row_counts(db) == all);
    CHECK(run_roster({"check", "--db", db, "-q"}).code == 0);
    WARN("crash (" << kRows << " rows): killed after " << kill_after << " s at a " << wal_at_kill << "-byte -wal ("
                   << point.name << (in_checkpoint ? "" : "%") << " of " << full_size
                   << " bytes; an uninterrupted import "
                   << "took " << full_seconds << " s): " << (killed ? "killed" : "had ended") << ", left "
                   << (had_none  ? "none"
                       : had_all ? "all"
                                 : "SOME")
                   << "; the rerun took " << again_seconds << " s");
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix, ec);
  }
}
