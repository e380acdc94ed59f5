// Faults from outside: many processes at once, a process killed part way
// through an import, a full disk and a database nobody may write.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <future>
#include <initializer_list>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"

extern char** environ;

using namespace roster::test;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The roster under test is built with the same flags as this file. Under
// AddressSanitizer (Debug, -O0) a roster process costs some 20 times a plain
// one, much of it in starting up, so two tests do less there to stay well
// within their time (what they check does not depend on the amount): the
// eight writers add 50 members each instead of 100, and the killed import
// has 10,000 rows instead of 100,000.
#if defined(__SANITIZE_ADDRESS__)
#define ROSTER_FAULT_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ROSTER_FAULT_SANITIZED 1
#endif
#endif
#ifdef ROSTER_FAULT_SANITIZED
constexpr int kMembersPerWriter = 50;
constexpr int kCrashRows = 10000;
#else
constexpr int kMembersPerWriter = 100;
constexpr int kCrashRows = 100000;
#endif

namespace {

const std::string kAsOf = "2026-11-29";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// sqlite3 DB SQL, stdout only (and a failed CHECK if sqlite3 complains).
std::string sql(const std::string& db, const std::string& query) {
  auto r = run_program({"sqlite3", db, query});
  INFO("sqlite3 " << db << " " << query << "\n" << r.err);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  return r.out;
}

// members|periods|member_sectors|history rows, as sqlite3 prints them.
std::string row_counts(const std::string& db) {
  return sql(db,
             "SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM periods), "
             "(SELECT count(*) FROM member_sectors), (SELECT count(*) FROM history);");
}

// "a|b|c\n", as sqlite3 prints one row of numbers.
std::string fmt_counts(std::initializer_list<long> values) {
  std::string row;
  for (long v : values) row += (row.empty() ? "" : "|") + std::to_string(v);
  return row + "\n";
}

std::string counts(long members, long periods, long links, long history) {
  return fmt_counts({members, periods, links, history});
}

// A roster (or any) process running in the background, with stdin from
// /dev/null and stdout and stderr in files, that can be killed and waited for.
// The harness's run_program waits for its child; this one does not.
class Background {
 public:
  Background(const std::vector<std::string>& argv, const std::string& out_path, const std::string& err_path) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    int rc = posix_spawnp(&pid_, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
  }
  ~Background() {
    if (!reaped_) {
      ::kill(pid_, SIGKILL);
      wait();
    }
  }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  // Waits until the process ends (true), or `ready()` holds or `deadline`
  // passes (false).
  template <typename Ready>
  bool wait_until(Clock::time_point deadline, Ready ready) {
    while (!reaped_) {
      if (waitpid(pid_, &status_, WNOHANG) == pid_) {
        reaped_ = true;
        break;
      }
      if (ready() || Clock::now() >= deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
  }
  void kill(int sig) {
    if (!reaped_) ::kill(pid_, sig);
  }
  // The wait status (see WIFEXITED and friends).
  int wait() {
    if (!reaped_) {
      waitpid(pid_, &status_, 0);
      reaped_ = true;
    }
    return status_;
  }

 private:
  pid_t pid_ = -1;
  int status_ = 0;
  bool reaped_ = false;
};

// chattr +i on a path for the guard's life: root ignores file modes, the
// immutable attribute stops it. The attribute is always taken off again, even
// when a CHECK or REQUIRE fails, so that TempDir can delete the folder.
class Immutable {
 public:
  explicit Immutable(std::string path) : path_(std::move(path)) {
    locked_ = run_program({"chattr", "+i", path_}).code == 0;
  }
  ~Immutable() { release(); }
  Immutable(const Immutable&) = delete;
  Immutable& operator=(const Immutable&) = delete;
  bool locked() const { return locked_; }
  void release() {
    if (locked_) {
      run_program({"chattr", "-i", path_});
      locked_ = false;
    }
  }

 private:
  std::string path_;
  bool locked_ = false;
};

// A CSV of `rows` new members with unique names, all in healthcare since 2024-01-01, no USCC.
std::string members_csv(int rows, const std::string& infix = "") {
  std::string csv = "name,uscc,sectors,joined,left,tier,city,parent,note\n";
  csv.reserve(static_cast<size_t>(rows) * 64 + 64);
  for (int i = 1; i <= rows; ++i) {
    csv += "杭州测试" + infix + std::to_string(i) + "号科技有限公司,,healthcare,2024-01-01,,,,,\n";
  }
  return csv;
}

// A fresh database with one member, closed cleanly (no -wal or -shm left),
// ready to be copied.
void make_seed_db(const std::string& db) {
  auto init = run_roster({"init", "--db", db, "-q"});
  REQUIRE(init.code == 0);
  auto add = run_roster({"add-member", "杭州种子科技有限公司", "--sector", "tourism", "--joined", "2024-01-01",
                         "--as-of", kAsOf, "--db", db, "-q"});
  REQUIRE(add.code == 0);
  REQUIRE(add.err.empty());
  REQUIRE(run_roster({"check", "--db", db, "-q"}).code == 0);
  REQUIRE(!fs::exists(db + "-wal"));
}

// Whether this machine lets the tests make a private mount namespace and mount a tmpfs in it.
std::string cannot_mount_tmpfs(const TempDir& dir) {
  fs::create_directory(dir.path() / "probe");
  auto r = run_program({"unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs \"$0\"", dir.file("probe")});
  if (r.code == 0) return "";
  return "unshare -m / mount -t tmpfs is not possible here (not root, or no mount namespaces): exit " +
         std::to_string(r.code) + ": " + r.err;
}

std::string read_trimmed(const fs::path& path) {
  std::string text = read_file(path);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

int read_code(const fs::path& path) {
  std::string text = read_trimmed(path);
  return text.empty() ? -1 : std::stoi(text);
}

}  // namespace

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
      auto r = run_program({"sh", "-c", script, ROSTER_BIN, fx.db});
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
  CHECK(lines_of(listing.out).size() == kTotal + 1);  // the header and one line per member
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
    return std::vector<std::string>{ROSTER_BIN, "import", csv, "--db", db, "--as-of", kAsOf, "-q"};
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

// ---------------------------------------------------------------- disk full

TEST_CASE("a full disk makes every write fail with one clear line and leaves the database as it was",
          "[fault][disk-full]") {
  TempDir dir;
  if (auto why = cannot_mount_tmpfs(dir); !why.empty()) {
    WARN("skipped: " << why);
    return;
  }
  const fs::path out = dir.path() / "out";  // outside the tmpfs: survives the mount namespace
  const fs::path mnt = dir.path() / "mnt";
  fs::create_directory(out);
  fs::create_directory(mnt);
  std::string seed = (out / "seed.db").string();
  make_seed_db(seed);
  std::string big = (out / "big.csv").string();
  write_file(big, members_csv(20000));  // some 6 MB of database: far more than the 1 MB tmpfs
  std::string small = (out / "small.csv").string();
  write_file(small, members_csv(3, "小"));
  const std::string db = (mnt / "roster.db").string();

  // Everything on the tmpfs happens in this one script (run once; the checks
  // below are plain blocks, not SECTIONs): the mount vanishes when unshare
  // exits. Results go to OUT as NAME.code, NAME.out, NAME.err and NAME.dump.
  const std::string script = R"SH(
R=$0; OUT=$1; MNT=$2; DB=$MNT/roster.db; BIG=$3; SMALL=$4; ASOF=$5
mount -t tmpfs -o size=1m tmpfs "$MNT" || exit 77
cp "$OUT/seed.db" "$DB" || exit 78
dump() { sqlite3 -readonly "$DB" .dump 'PRAGMA user_version;' 'PRAGMA application_id;' > "$OUT/$1.dump" 2>&1; }
run() { name=$1; shift; "$R" "$@" --db "$DB" > "$OUT/$name.out" 2> "$OUT/$name.err"; echo $? > "$OUT/$name.code"; }
free_kb() { df -Pk "$MNT" | awk 'NR == 2 { print $4 }'; }

# 1. An import far bigger than the disk.
dump import-before
run import import "$BIG" --as-of "$ASOF" -q
dump import-after
run import-check check

# 2. add-member in a loop on a disk with a little room left, until one fails.
# (The dump's read-only sqlite3 leaves DB-shm, 32 KB, which add-member then
# removes: the room left is measured with it there.)
dump loop-last-good
dd if=/dev/zero of="$MNT/filler" bs=1k count=$(( $(free_kb) - 64 )) 2>/dev/null
free_kb > "$OUT/free-before-loop.kb"
ok=0
while [ $ok -lt 1000 ]; do
  run loop-add add-member "循环$((ok + 1))号科技有限公司" --sector tourism --joined 2024-01-01 --as-of "$ASOF" -q
  [ "$(cat "$OUT/loop-add.code")" = 0 ] || break
  ok=$((ok + 1))
  dump loop-last-good
done
echo $ok > "$OUT/loop.ok"
rm -f "$MNT/filler"
dump loop-after
run loop-check check

# 3. A disk with no room at all: every kind of write.
dump full-before
dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null
free_kb > "$OUT/free-when-full.kb"
run full-add add-member 杭州满盘科技有限公司 --sector tourism --joined 2024-01-01 --as-of "$ASOF"
run full-import import "$SMALL" --as-of "$ASOF"
run full-remove remove-member 1 --left 2025-01-01 --as-of "$ASOF"
run full-edit edit-member 1 --city 杭州
run full-goal goal set --target 300
run full-sectors sectors add culture --name Culture --name-zh 文化
run full-list list --status all -f tsv --as-of "$ASOF"
rm -f "$MNT/filler"
dump full-after
run full-check check
ls -a "$MNT" > "$OUT/mnt.ls"
exit 0
)SH";
  auto r =
      run_program({"unshare", "-m", "sh", "-c", script, ROSTER_BIN, out.string(), mnt.string(), big, small, kAsOf});
  INFO("script exit " << r.code << ", stderr:\n" << r.err);
  REQUIRE(r.code == 0);
  CHECK(fs::is_empty(mnt));  // the tmpfs is gone with its namespace

  const std::string full =
      "roster: error: the disk holding '" + db + "' is full; nothing was changed (free some space and try again)\n";
  auto result = [&](const std::string& name) {
    RunResult res;
    res.code = read_code(out / (name + ".code"));
    res.out = read_file(out / (name + ".out"));
    res.err = read_file(out / (name + ".err"));
    return res;
  };

  {
    INFO("an import bigger than the disk is refused whole");
    auto imp = result("import");
    INFO("import: exit " << imp.code << ", stderr: " << imp.err);
    CHECK(imp.code == 1);
    CHECK(imp.out.empty());
    CHECK(imp.err == full);
    std::string before = read_file(out / "import-before.dump");
    REQUIRE(before.find("CREATE TABLE members") != std::string::npos);
    CHECK(read_file(out / "import-after.dump") == before);
    auto check = result("import-check");
    CHECK(check.code == 0);
    CHECK(check.out.empty());
  }

  {
    INFO("add-member in a loop fails once the disk fills, and the failed add leaves no trace");
    int ok = read_code(out / "loop.ok");
    auto add = result("loop-add");
    INFO(ok << " adds succeeded on " << read_trimmed(out / "free-before-loop.kb") << " KB of room; the next: exit "
            << add.code << ", stderr: " << add.err);
    WARN("disk full: " << ok << " add-member runs fitted in " << read_trimmed(out / "free-before-loop.kb")
                       << " KB before one failed");
    CHECK(ok >= 1);    // some fitted
    CHECK(ok < 1000);  // and then the disk was full
    CHECK(add.code == 1);
    CHECK(add.out.empty());
    CHECK(add.err == full);
    std::string last_good = read_file(out / "loop-last-good.dump");
    REQUIRE(last_good.find("CREATE TABLE members") != std::string::npos);
    CHECK(read_file(out / "loop-after.dump") == last_good);
    CHECK((ok == 0 || last_good.find("循环" + std::to_string(ok) + "号科技有限公司") != std::string::npos));
    CHECK(last_good.find("循环" + std::to_string(ok + 1) + "号科技有限公司") == std::string::npos);
    auto check = result("loop-check");
    CHECK(check.code == 0);
    CHECK(check.out.empty());
  }

  {
    INFO("on a disk with no room at all every write fails the same way, and reading still works");
    CHECK(read_trimmed(out / "free-when-full.kb") == "0");
    for (const char* name : {"full-add", "full-import", "full-remove", "full-edit", "full-goal", "full-sectors"}) {
      auto res = result(name);
      INFO(name << ": exit " << res.code << ", stderr: " << res.err);
      CHECK(res.code == 1);
      CHECK(res.out.empty());
      CHECK(res.err == full);
    }
    std::string before = read_file(out / "full-before.dump");
    REQUIRE(before.find("CREATE TABLE members") != std::string::npos);
    CHECK(read_file(out / "full-after.dump") == before);
    auto list = result("full-list");
    INFO("list on a full disk: exit " << list.code << ", stderr: " << list.err);
    CHECK(list.code == 0);
    CHECK(list.err.empty());
    CHECK(list.out.find("杭州种子科技有限公司") != std::string::npos);
    auto check = result("full-check");
    CHECK(check.code == 0);
    CHECK(check.out.empty());
    // Nothing but the database (and the -wal and -shm of sqlite3's read-only dump) is left on the disk.
    for (const auto& name : lines_of(read_file(out / "mnt.ls"))) {
      INFO("left on the tmpfs: " << name);
      CHECK((name == "." || name == ".." || name.rfind("roster.db", 0) == 0));
    }
  }
}

TEST_CASE("an import whose temporary copy does not fit in TMPDIR says so and changes nothing", "[fault][disk-full]") {
  // import spools its input to $TMPDIR before it takes the write lock. Here
  // TMPDIR is a 64 KB tmpfs and the file is some 1.3 MB.
  TempDir dir;
  if (auto why = cannot_mount_tmpfs(dir); !why.empty()) {
    WARN("skipped: " << why);
    return;
  }
  const fs::path out = dir.path() / "out";
  const fs::path tmp = dir.path() / "tmp";
  fs::create_directory(out);
  fs::create_directory(tmp);
  std::string db = (out / "roster.db").string();
  make_seed_db(db);
  std::string csv = (out / "members.csv").string();
  write_file(csv, members_csv(20000));
  std::string before = dump_database(db);

  const std::string script = R"SH(
R=$0; OUT=$1; TMP=$2; CSV=$3; DB=$4; ASOF=$5
mount -t tmpfs -o size=64k tmpfs "$TMP" || exit 77
TMPDIR=$TMP "$R" import "$CSV" --db "$DB" --as-of "$ASOF" > "$OUT/import.out" 2> "$OUT/import.err"
echo $? > "$OUT/import.code"
ls -a "$TMP" > "$OUT/tmp.ls"
)SH";
  auto r = run_program({"unshare", "-m", "sh", "-c", script, ROSTER_BIN, out.string(), tmp.string(), csv, db, kAsOf});
  INFO("script exit " << r.code << ", stderr:\n" << r.err);
  REQUIRE(r.code == 0);

  int code = read_code(out / "import.code");
  std::string err = read_file(out / "import.err");
  INFO("import with a full TMPDIR: exit " << code << ", stderr: " << err);
  CHECK(code == 1);
  CHECK(read_file(out / "import.out").empty());
  CHECK(dump_database(db) == before);
  CHECK(lines_of(err).size() == 1);
  CHECK(err.rfind("roster: error: ", 0) == 0);
  // The file is not empty: the temporary copy could not be written. The
  // message must say where it ran out of room, so the user can set TMPDIR.
  CHECK(err.find("empty") == std::string::npos);
  CHECK(err.find(tmp.string()) != std::string::npos);
  CHECK(lines_of(read_file(out / "tmp.ls")) == std::vector<std::string>{".", ".."});  // the spool is unlinked
}

TEST_CASE("a backup onto a full disk names the copy's disk, not the database's, and leaves nothing behind",
          "[fault][disk-full][backup]") {
  TempDir dir;
  if (auto why = cannot_mount_tmpfs(dir); !why.empty()) {
    WARN("skipped: " << why);
    return;
  }
  const fs::path out = dir.path() / "out";
  const fs::path mnt = dir.path() / "mnt";
  fs::create_directory(out);
  fs::create_directory(mnt);
  std::string db = (out / "roster.db").string();
  make_seed_db(db);
  // Some 600 KB of database, onto a 256 KB tmpfs.
  REQUIRE(run_roster({"import", "-", "--db", db, "--as-of", kAsOf, "-q"}, members_csv(2000)).code == 0);
  std::string before = dump_database(db);
  std::string copy = (mnt / "copy.db").string();

  const std::string script = R"SH(
R=$0; OUT=$1; MNT=$2; DB=$3
mount -t tmpfs -o size=256k tmpfs "$MNT" || exit 77
"$R" backup "$MNT/copy.db" --db "$DB" > "$OUT/backup.out" 2> "$OUT/backup.err"
echo $? > "$OUT/backup.code"
ls -a "$MNT" > "$OUT/mnt.ls"
)SH";
  auto r = run_program({"unshare", "-m", "sh", "-c", script, ROSTER_BIN, out.string(), mnt.string(), db});
  INFO("script exit " << r.code << ", stderr:\n" << r.err);
  REQUIRE(r.code == 0);

  int code = read_code(out / "backup.code");
  std::string err = read_file(out / "backup.err");
  INFO("backup onto a full disk: exit " << code << ", stderr: " << err);
  CHECK(code == 1);
  CHECK(read_file(out / "backup.out").empty());
  CHECK(lines_of(err).size() == 1);
  CHECK(err.rfind("roster: error: ", 0) == 0);
  CHECK(err.find("full") != std::string::npos);
  // It is the copy's disk that is full; the database's disk has room.
  CHECK(err.find(copy) != std::string::npos);
  CHECK(err.find("the disk holding '" + db + "'") == std::string::npos);
  CHECK(lines_of(read_file(out / "mnt.ls")) == std::vector<std::string>{".", ".."});  // no partial copy left
  CHECK(dump_database(db) == before);
}

// ---------------------------------------------------------------- read-only

// bad_input_test covers add-member and list on an immutable database file;
// these cover the other writes, an immutable folder and backup targets.

TEST_CASE("every write to an immutable database file is refused with the read-only line", "[fault][read-only]") {
  DbFixture fx;
  REQUIRE(fx.roster({"add-member", "杭州一号有限公司", "--sector", "tourism", "--joined", "2024-01-01", "--as-of",
                     kAsOf, "-q"})
              .code == 0);
  std::string csv = fx.dir.file("new.csv");
  write_file(csv, members_csv(3));
  std::string before = dump_database(fx.db);
  const std::string read_only = "roster: error: the database '" + fx.db +
                                "' is read-only; nothing was changed (check the file's permissions and attributes, "
                                "e.g. `lsattr`, or work on a copy)\n";
  const std::vector<std::vector<std::string>> writes = {
      {"import", csv, "--as-of", kAsOf},      {"remove-member", "1", "--left", "2025-01-01", "--as-of", kAsOf},
      {"edit-member", "1", "--city", "杭州"}, {"sectors", "add", "culture", "--name", "Culture", "--name-zh", "文化"},
      {"goal", "set", "--target", "300"},
  };
  for (const auto& args : writes) {
    std::string what = args[0] + (args[0] == "sectors" || args[0] == "goal" ? " " + args[1] : "");
    SECTION(what) {
      RunResult r;
      {
        Immutable lock(fx.db);
        REQUIRE(lock.locked());  // a filesystem without attributes would make this test meaningless
        r = fx.roster(args);
      }
      INFO(what << ": exit " << r.code << ", stderr: " << r.err);
      CHECK(r.code == 1);
      CHECK(r.out.empty());
      CHECK(r.err == read_only);
      CHECK(dump_database(fx.db) == before);
    }
  }
}

TEST_CASE("writes to a database in an immutable folder are refused with one line and change nothing",
          "[fault][read-only]") {
  // WAL mode needs DB-wal and DB-shm beside the database; an immutable folder
  // cannot hold new ones.
  TempDir dir;
  fs::path folder = dir.path() / "locked";
  fs::create_directory(folder);
  std::string db = (folder / "roster.db").string();
  make_seed_db(db);
  std::string csv = dir.file("new.csv");
  write_file(csv, members_csv(3));
  std::string before = dump_database(db);
  // dump_database's read-only sqlite3 leaves -wal and -shm; a read-write close removes them.
  REQUIRE(run_roster({"check", "--db", db, "-q"}).code == 0);
  REQUIRE(!fs::exists(db + "-wal"));
  REQUIRE(!fs::exists(db + "-shm"));
  const std::string cannot_open =
      "roster: error: cannot open the database '" + db + "'; check that its folder exists and is writable\n";
  const std::vector<std::vector<std::string>> writes = {
      {"add-member", "杭州二号有限公司", "--sector", "tourism", "--joined", "2024-01-01", "--as-of", kAsOf},
      {"import", csv, "--as-of", kAsOf},
      {"remove-member", "1", "--left", "2025-01-01", "--as-of", kAsOf},
      {"sectors", "add", "culture", "--name", "Culture", "--name-zh", "文化"},
      {"goal", "set", "--target", "300"},
  };
  for (const auto& args : writes) {
    std::string what = args[0] + (args[0] == "sectors" || args[0] == "goal" ? " " + args[1] : "");
    SECTION(what) {
      RunResult r, listing;
      std::vector<std::string> names;
      {
        Immutable lock(folder.string());
        REQUIRE(lock.locked());
        auto with_db = args;
        with_db.insert(with_db.end(), {"--db", db});
        r = run_roster(with_db);
        listing = run_roster({"list", "--as-of", kAsOf, "--db", db});
        for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
      }
      INFO(what << ": exit " << r.code << ", stderr: " << r.err);
      CHECK(r.code == 1);
      CHECK(r.out.empty());
      CHECK(r.err == cannot_open);
      CHECK(names == std::vector<std::string>{"roster.db"});
      // Reading may work or fail, but if it fails it says why in the same words.
      INFO("list in the immutable folder: exit " << listing.code << ", stderr: " << listing.err);
      CHECK(((listing.code == 0 && listing.out.find("杭州种子科技有限公司") != std::string::npos) ||
             (listing.code == 1 && listing.err == cannot_open)));
      CHECK(dump_database(db) == before);
    }
  }
}

TEST_CASE("backup into an immutable folder is refused and leaves nothing behind", "[fault][read-only][backup]") {
  TempDir dir;
  std::string db = dir.file("roster.db");
  make_seed_db(db);
  fs::path folder = dir.path() / "backups";
  fs::create_directory(folder);
  std::string before = dump_database(db);
  RunResult r;
  bool empty_after = false;
  {
    Immutable lock(folder.string());
    REQUIRE(lock.locked());
    r = run_roster({"backup", (folder / "copy.db").string(), "--db", db});
    empty_after = fs::is_empty(folder);
  }
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "roster: error: cannot write in '" + folder.string() + "'; check that the folder exists and is writable\n");
  CHECK(empty_after);
  CHECK(dump_database(db) == before);
}

TEST_CASE("backup --force onto an immutable file names that file and keeps it", "[fault][read-only][backup]") {
  TempDir dir;
  std::string db = dir.file("roster.db");
  make_seed_db(db);
  fs::path folder = dir.path() / "backups";
  fs::create_directory(folder);
  std::string target = (folder / "old.db").string();
  const std::string precious = "last month's backup, kept immutable on purpose\n";
  write_file(target, precious);
  std::string before = dump_database(db);
  RunResult refused, forced;
  std::vector<std::string> names;
  {
    Immutable lock(target);
    REQUIRE(lock.locked());
    refused = run_roster({"backup", target, "--db", db});
    forced = run_roster({"backup", target, "--force", "--db", db});
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  }
  // Without --force: the ordinary refusal.
  CHECK(refused.code == 1);
  CHECK(refused.err ==
        "roster: error: '" + target + "' already exists; choose another path, or add --force to replace it\n");
  // With --force: one line that names the file the user gave, not the
  // temporary file roster made (and already removed) beside it.
  INFO("backup --force onto an immutable file: exit " << forced.code << ", stderr: " << forced.err);
  CHECK(forced.code == 1);
  CHECK(forced.out.empty());
  CHECK(lines_of(forced.err).size() == 1);
  CHECK(forced.err.rfind("roster: error: ", 0) == 0);
  CHECK(forced.err.find(target) != std::string::npos);
  CHECK(forced.err.find(".partial-") == std::string::npos);
  CHECK(names == std::vector<std::string>{"old.db"});  // no temporary copy left
  CHECK(read_file(target) == precious);
  CHECK(dump_database(db) == before);
}
