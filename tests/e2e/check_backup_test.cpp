// roster check and roster backup, end to end: a file damaged behind roster's
// back with the sqlite3 shell, copies taken by backup, and backups taken while
// another process keeps adding members.
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <set>
#include <thread>

#include "harness.h"

using namespace roster::test;
namespace fs = std::filesystem;

namespace {

// sqlite3 DB SQL, stdout only ("" and a failed CHECK if sqlite3 complains).
std::string sql(const std::string& db, const std::string& query) {
  auto r = run_program({"sqlite3", db, query});
  INFO("sqlite3 " << db << " " << query << "\n" << r.err);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  return r.out;
}

// The names in a folder, sorted, without roster.db's own -wal and -shm (which
// dump_database's read-only sqlite3 leaves behind).
std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name != "roster.db-wal" && name != "roster.db-shm") names.insert(name);
  }
  return names;
}

// The small fixture, then tests/e2e/fixtures/damage.sql through the sqlite3 shell.
struct DamagedFixture : SmallGoalFixture {
  DamagedFixture() {
    auto r = run_program({"sqlite3", "-bail", db}, read_file(source_dir() / "tests/e2e/fixtures/damage.sql"));
    if (r.code != 0 || !r.err.empty()) throw std::runtime_error("damage.sql failed: " + r.err);
  }
};

// data/demo-members.csv (151 members) imported as of 2026-11-29: sound data.
struct DemoFixture {
  TempDir dir;
  std::string db = dir.file("roster.db");
  DemoFixture() {
    auto init = run_roster({"init", "--db", db, "-q"});
    auto load = run_roster(
        {"import", (source_dir() / "data/demo-members.csv").string(), "--db", db, "--as-of", "2026-11-29", "-q"});
    if (init.code != 0 || load.code != 0) throw std::runtime_error(init.err + load.err);
  }
  RunResult roster(std::vector<std::string> args) const {
    args.insert(args.end(), {"--db", db});
    return run_roster(args);
  }
};

// What `roster check` says about damage.sql, one line per seeded defect, in the
// order check prints them. Member 14 carries two defects: it only got past the
// UNIQUE name_key index because its key was stored unfolded.
const std::vector<std::string> kSeededProblems = {
    "foreign key: periods row 100 refers to members 999, which does not exist",
    "member #8 (杭州云上医疗集团): stored name key '杭州云上医疗有限公司' does not match the name "
    "(expected '杭州云上医疗集团')",
    "member #9 (Bad Check Co): bad USCC 91110000600037341M: USCC check character is 'M' but the code calls for 'L'; "
    "check for a typo",
    "member #14 (ACME（杭州）): stored name key 'ACME（杭州）' does not match the name (expected 'acme(杭州)')",
    "member #14 (ACME（杭州）): same name as member #13 (Acme(杭州)) once case, width and spacing are ignored",
    "member #12 (No Sector Co): has no sector",
    "member #10 (Inverted Co): left date 2024-03-01 is not after the joined date 2024-05-01; a member leaves after "
    "joining",
    "member #11 (Overlap Co): period from 2024-06-01 overlaps the period 2024-01-01 to 2024-12-31; a new period "
    "starts on or after 2024-12-31",
    "member #15 (Bad Date Co): period joined date '2024-02-30' is not a date",
};

}  // namespace

// ---------------------------------------------------------------- check

TEST_CASE("check reports every defect seeded with sqlite3 and names the member", "[check][sqlite]") {
  SmallGoalFixture fx;
  auto before = fx.roster({"check"});
  CHECK(before.code == 0);
  CHECK(before.out.empty());

  auto r = run_program({"sqlite3", "-bail", fx.db}, read_file(source_dir() / "tests/e2e/fixtures/damage.sql"));
  REQUIRE(r.code == 0);
  REQUIRE(r.err.empty());
  std::string dump = dump_database(fx.db);

  auto check = fx.roster({"check"});
  INFO("stdout:\n" << check.out << "stderr:\n" << check.err);
  CHECK(check.code == 1);
  auto lines = lines_of(check.out);
  for (const auto& expected : kSeededProblems) {
    INFO("expected line: " << expected);
    CHECK(std::count(lines.begin(), lines.end(), expected) == 1);
  }
  // The members nobody touched are not blamed.
  for (const auto& line : lines) {
    for (int id = 1; id <= 7; ++id) {
      INFO(line);
      CHECK(line.find("member #" + std::to_string(id) + " ") == std::string::npos);
    }
  }
  // The count on stderr is the number of lines on stdout.
  CHECK(check.err == "roster: error: " + std::to_string(lines.size()) + " problems in " + fx.db + "\n");
  // check reads; it never repairs or otherwise writes.
  CHECK(dump_database(fx.db) == dump);
}

TEST_CASE("check prints one line per defect and each line names the member it is about", "[check][sqlite]") {
  // The inverted period (member #10) also trips the schema's CHECK (left_on >
  // joined_on), which PRAGMA integrity_check reports as an extra, anonymous
  // line; the dangling period names its row but not the missing member #999.
  DamagedFixture fx;
  auto check = fx.roster({"check"});
  INFO("stdout:\n" << check.out << "stderr:\n" << check.err);
  CHECK(check.code == 1);
  for (const auto& line : lines_of(check.out)) {
    INFO("line: " << line);
    bool names_member = line.find("member #") != std::string::npos || line.find("999") != std::string::npos;
    CHECK(names_member);
  }
  CHECK(lines_of(check.out) == kSeededProblems);
  CHECK(check.err == "roster: error: 9 problems in " + fx.db + "\n");
}

TEST_CASE("check finds a period that overlaps an earlier one, not only the one just before it", "[check][sqlite]") {
  // 2024-01-01..2024-12-31 contains both 2024-03-01..2024-04-01 and the open
  // period from 2024-06-01: two overlaps.
  SmallGoalFixture fx;
  auto seed = run_program({"sqlite3", "-bail", fx.db}, R"SQL(
INSERT INTO members (id, name, name_key) VALUES (9, 'Nested Co', 'nested co');
INSERT INTO member_sectors VALUES (9, 'tourism', 0);
INSERT INTO periods (member_id, joined_on, left_on) VALUES (9, '2024-01-01', '2024-12-31');
INSERT INTO periods (member_id, joined_on, left_on) VALUES (9, '2024-03-01', '2024-04-01');
INSERT INTO periods (member_id, joined_on, left_on) VALUES (9, '2024-06-01', NULL);
)SQL");
  REQUIRE(seed.code == 0);
  REQUIRE(seed.err.empty());
  auto check = fx.roster({"check"});
  INFO("stdout:\n" << check.out << "stderr:\n" << check.err);
  CHECK(check.code == 1);
  auto lines = lines_of(check.out);
  CHECK(std::count(lines.begin(), lines.end(),
                   "member #9 (Nested Co): period from 2024-03-01 overlaps the period 2024-01-01 to 2024-12-31; a "
                   "new period starts on or after 2024-12-31") == 1);
  CHECK(std::count(lines.begin(), lines.end(),
                   "member #9 (Nested Co): period from 2024-06-01 overlaps the period 2024-01-01 to 2024-12-31; a "
                   "new period starts on or after 2024-12-31") == 1);
  CHECK(check.err == "roster: error: 2 problems in " + fx.db + "\n");
}

TEST_CASE("check passes the demo data with exit 0, nothing on stdout and a note on stderr", "[check][sqlite]") {
  DemoFixture fx;
  CHECK(sql(fx.db, "SELECT count(*) FROM members") == "151\n");
  std::string dump = dump_database(fx.db);
  auto r = fx.roster({"check"});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: " + fx.db + " is sound\n");
  auto quiet = fx.roster({"check", "-q"});
  CHECK(quiet.code == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
  CHECK(dump_database(fx.db) == dump);
}

// ---------------------------------------------------------------- backup

TEST_CASE("backup writes a sound WAL copy with the same members and list", "[backup][sqlite]") {
  DemoFixture fx;
  std::string dump = dump_database(fx.db);
  std::string copy = fx.dir.file("copy.db");
  auto r = fx.roster({"backup", copy});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: backed up " + fx.db + " to " + copy + "\n");
  REQUIRE(fs::is_regular_file(copy));
  // No temporary file is left behind.
  CHECK(names_in(fx.dir.path()) == std::set<std::string>{"copy.db", "roster.db"});
  CHECK(dump_database(fx.db) == dump);

  auto check = run_roster({"check", "--db", copy});
  CHECK(check.code == 0);
  CHECK(check.out.empty());
  CHECK(check.err == "roster: " + copy + " is sound\n");
  CHECK(sql(copy, "PRAGMA journal_mode; SELECT count(*) FROM members") == "wal\n151\n");
  CHECK(sql(copy, "PRAGMA integrity_check") == "ok\n");
  CHECK(sql(copy, "PRAGMA user_version; PRAGMA application_id") ==
        sql(fx.db, "PRAGMA user_version; PRAGMA application_id"));

  for (const char* status : {"active", "left", "all"}) {
    INFO("status " << status);
    auto original = fx.roster({"list", "--status", status, "--as-of", "2026-11-29", "-f", "tsv"});
    auto copied = run_roster({"list", "--status", status, "--as-of", "2026-11-29", "-f", "tsv", "--db", copy});
    CHECK(original.code == 0);
    CHECK(copied.code == 0);
    CHECK(!original.out.empty());
    CHECK(copied.out == original.out);
  }
  auto original_json = fx.roster({"list", "--status", "all", "--as-of", "2026-11-29", "-f", "json"});
  auto copied_json = run_roster({"list", "--status", "all", "--as-of", "2026-11-29", "-f", "json", "--db", copy});
  CHECK(copied_json.out == original_json.out);
}

TEST_CASE("backup refuses to replace an existing file unless --force is given", "[backup][sqlite]") {
  SmallGoalFixture fx;
  std::string existing = fx.dir.file("existing.db");
  const std::string precious = "yesterday's backup, not to be lost\n";
  write_file(existing, precious);

  auto refused = fx.roster({"backup", existing});
  CHECK(refused.code == 1);
  CHECK(refused.out.empty());
  CHECK(refused.err ==
        "roster: error: '" + existing + "' already exists; choose another path, or add --force to replace it\n");
  CHECK(read_file(existing) == precious);
  CHECK(names_in(fx.dir.path()) == std::set<std::string>{"existing.db", "roster.db"});

  auto forced = fx.roster({"backup", existing, "--force"});
  CHECK(forced.code == 0);
  CHECK(forced.out.empty());
  CHECK(forced.err == "roster: backed up " + fx.db + " to " + existing + "\n");
  CHECK(read_file(existing) != precious);
  CHECK(names_in(fx.dir.path()) == std::set<std::string>{"existing.db", "roster.db"});
  auto check = run_roster({"check", "--db", existing, "-q"});
  CHECK(check.code == 0);
  CHECK(check.out.empty());
  CHECK(sql(existing, "PRAGMA journal_mode; SELECT count(*) FROM members") == "wal\n8\n");

  // --force over an earlier backup of the same database works too.
  auto again = fx.roster({"backup", existing, "--force", "-q"});
  CHECK(again.code == 0);
  CHECK(again.err.empty());
  CHECK(run_roster({"check", "--db", existing, "-q"}).code == 0);
}

TEST_CASE("backup refuses to write over the database itself, with or without --force", "[backup][sqlite]") {
  SmallGoalFixture fx;
  std::string dump = dump_database(fx.db);
  const std::string itself = "roster: error: the backup would overwrite the database itself; choose another path\n";
  fs::create_symlink(fx.db, fx.dir.file("link.db"));

  for (const std::string& target : {fx.db, (fx.dir.path() / "." / "roster.db").string(), fx.dir.file("link.db")}) {
    INFO("backup " << target << " --force");
    auto forced = fx.roster({"backup", target, "--force"});
    CHECK(forced.code == 1);
    CHECK(forced.out.empty());
    CHECK(forced.err == itself);
    CHECK(dump_database(fx.db) == dump);
  }
  CHECK(fs::is_symlink(fx.dir.file("link.db")));
  CHECK(names_in(fx.dir.path()) == std::set<std::string>{"link.db", "roster.db"});

  // Without --force the refusal must not suggest --force: the true reason is
  // that PATH is the database.
  auto plain = fx.roster({"backup", fx.db});
  CHECK(plain.code == 1);
  CHECK(plain.out.empty());
  CHECK(plain.err == itself);
  CHECK(dump_database(fx.db) == dump);
  CHECK(run_roster({"check", "--db", fx.db, "-q"}).code == 0);
}

TEST_CASE("backup never reports success for a copy that is not there (the database's own -wal path)",
          "[backup][sqlite]") {
  // While backup runs, its own connection owns DB-wal; a copy renamed onto
  // that name is deleted when the connection closes.
  SmallGoalFixture fx;
  std::string dump = dump_database(fx.db);
  std::string wal = fx.db + "-wal";
  REQUIRE(fx.roster({"check", "-q"}).code == 0);  // the last read-write close removes DB-wal
  REQUIRE(!fs::exists(wal));
  auto r = fx.roster({"backup", wal});
  INFO("exit " << r.code << ", stderr: " << r.err);
  if (r.code == 0) {
    CHECK(fs::exists(wal));
    CHECK(run_roster({"check", "--db", wal, "-q"}).code == 0);
  } else {
    CHECK(r.code == 1);
    CHECK(r.err.rfind("roster: error: ", 0) == 0);
  }
  CHECK(dump_database(fx.db) == dump);
  CHECK(run_roster({"check", "--db", fx.db, "-q"}).code == 0);
}

TEST_CASE("backup into a missing folder says so and leaves nothing behind", "[backup][sqlite]") {
  SmallGoalFixture fx;
  std::string dump = dump_database(fx.db);
  fs::path missing = fx.dir.path() / "missing";
  std::string target = (missing / "copy.db").string();
  auto r = fx.roster({"backup", target});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "roster: error: cannot write in '" + missing.string() + "'; check that the folder exists and is writable\n");
  CHECK(!fs::exists(missing));
  CHECK(names_in(fx.dir.path()) == std::set<std::string>{"roster.db"});
  CHECK(dump_database(fx.db) == dump);
}

TEST_CASE("a backup taken while another process adds members in a loop opens cleanly and passes check",
          "[backup][check][concurrency][sqlite]") {
  SmallGoalFixture fx;
  const int before = 8;
  // 200 add-members (40 under the sanitizers, where each process costs ~20
  // times as much); backups are taken one after another while the loop runs,
  // at most kMaxBackups of them, each then opened, checked and counted.
  const int kAdds = kSanitized ? 40 : 200;
  const size_t kMaxBackups = kSanitized ? 12 : 60;
  REQUIRE(sql(fx.db, "SELECT count(*) FROM members") == std::to_string(before) + "\n");

  auto writer = std::async(std::launch::async, [&] {
    std::string script = "for i in $(seq 1 " + std::to_string(kAdds) +
                         "); do \"$0\" add-member \"并发公司$i\" --sector tourism --joined 2024-01-01 "
                         "--db \"$1\" -q >/dev/null || exit 1; done";
    return run_program({"sh", "-c", script, roster_bin(), fx.db}, "", {}, std::chrono::seconds(240));
  });

  // run_program's pipes are not close-on-exec, so a child spawned while another
  // thread holds pipes inherits them: a backup started before the writer's sh
  // exists would be waited for until the whole loop ends. Start backing up once
  // the first add-member has the database open (its -wal or -shm is there).
  auto writer_done = [&] { return writer.wait_for(std::chrono::seconds(0)) == std::future_status::ready; };
  for (int i = 0; i < 10000 && !writer_done(); ++i) {
    if (fs::exists(fx.db + "-wal") || fs::exists(fx.db + "-shm")) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  struct Backup {
    std::string path;
    RunResult result;
    bool writer_running = false;
  };
  std::vector<Backup> backups;
  while ((!writer_done() || backups.size() < 3) && backups.size() < kMaxBackups) {
    Backup b;
    b.writer_running = !writer_done();
    b.path = fx.dir.file("backup-" + std::to_string(backups.size()) + ".db");
    b.result = run_roster({"backup", b.path, "--db", fx.db, "-q"});
    backups.push_back(std::move(b));
    // Spread the backups over the loop rather than spend them all at its start.
    if (!writer_done()) std::this_thread::sleep_for(std::chrono::milliseconds(kSanitized ? 1000 : 100));
  }
  auto written = writer.get();
  CHECK(written.code == 0);
  CHECK(written.err.empty());
  CHECK(written.out.empty());

  CHECK(backups.size() >= 3);
  CHECK(std::count_if(backups.begin(), backups.end(), [](const Backup& b) { return b.writer_running; }) >= 1);
  int last_count = before;
  int midway = 0;  // backups that caught the writer part way through
  for (const auto& b : backups) {
    INFO(b.path << (b.writer_running ? " (taken while the writer ran)" : "") << ": " << b.result.err);
    CHECK(b.result.code == 0);
    CHECK(b.result.err.empty());
    REQUIRE(fs::is_regular_file(b.path));
    auto check = run_roster({"check", "--db", b.path});
    INFO(check.out << check.err);
    CHECK(check.code == 0);
    CHECK(check.out.empty());
    CHECK(sql(b.path, "PRAGMA integrity_check") == "ok\n");
    // One snapshot: every member came with its period and sector link.
    auto counts = lines_of(sql(b.path,
                               "SELECT count(*) FROM members; SELECT count(*) FROM periods; "
                               "SELECT count(*) FROM member_sectors; PRAGMA journal_mode"));
    REQUIRE(counts.size() == 4);
    int members = std::stoi(counts[0]);
    CHECK(members >= before);
    CHECK(members <= before + kAdds);
    CHECK(members >= last_count);  // taken one after another, so never fewer
    last_count = members;
    if (members > before && members < before + kAdds) ++midway;
    CHECK(std::stoi(counts[1]) == members);      // small.csv: one period each, as is each new member
    CHECK(std::stoi(counts[2]) == members + 4);  // small.csv has 4 members in two sectors
    CHECK(counts[3] == "wal");
  }
  INFO(backups.size() << " backups, " << midway << " of them part way through the writer's loop");
  CHECK(midway >= 1);
  CHECK(sql(fx.db, "SELECT count(*), count(DISTINCT name) FROM members WHERE name LIKE '并发公司%'") ==
        std::to_string(kAdds) + "|" + std::to_string(kAdds) + "\n");
  CHECK(sql(fx.db, "SELECT count(*) FROM members") == std::to_string(before + kAdds) + "\n");
  auto final_check = fx.roster({"check"});
  CHECK(final_check.code == 0);
  CHECK(final_check.out.empty());
  // A last backup after the writer stopped has everything.
  std::string last = fx.dir.file("after.db");
  CHECK(run_roster({"backup", last, "--db", fx.db, "-q"}).code == 0);
  CHECK(sql(last, "SELECT count(*) FROM members") == std::to_string(before + kAdds) + "\n");
}

TEST_CASE("check names a sector link to a missing member or sector", "[check][sqlite]") {
  SmallGoalFixture fx;
  REQUIRE(run_program({"sqlite3", fx.db,
                       "PRAGMA foreign_keys = OFF; INSERT INTO member_sectors VALUES (999, 'tourism', 0); "
                       "INSERT INTO member_sectors VALUES (1, 'mining', 5);"})
              .code == 0);
  auto r = fx.roster({"check"});
  CHECK(r.code == 1);
  CHECK(r.out ==
        "foreign key: member_sectors links member 1 to sector mining, but sector mining does not exist\n"
        "foreign key: member_sectors links member 999 to sector tourism, but member 999 does not exist\n");
}

TEST_CASE("backup refuses the database's companion files by a relative path too", "[backup][sqlite]") {
  SmallGoalFixture fx;
  std::string before = dump_database(fx.db);
  for (const char* suffix : {"-journal", "-wal", "-shm"}) {
    auto r = run_program({"sh", "-c", std::string("cd \"$0\" && \"$1\" backup roster.db") + suffix + " --db roster.db",
                          fx.dir.path().string(), roster_bin()});
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: the backup would overwrite the database itself; choose another path\n");
  }
  auto empty = fx.roster({"backup", ""});
  CHECK(empty.code == 2);
  CHECK(dump_database(fx.db) == before);
}

// ---------------------------------------------------------------- damage beyond the rules

TEST_CASE("check counts and prefixes every finding on a damaged page, and no SQLite message reaches the user",
          "[check][sqlite]") {
  DemoFixture fx;
  std::string copy = fx.dir.file("damaged.db");
  REQUIRE(fx.roster({"backup", copy, "-q"}).code == 0);  // compact, checkpointed: every page is in the file
  int page_size = std::stoi(sql(copy, "PRAGMA page_size"));
  int pages = std::stoi(sql(copy, "PRAGMA page_count"));
  REQUIRE(pages > 8);
  {
    // Garbage over a page in the middle of the file: a b-tree page of some table or index.
    std::fstream file(copy, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(page_size) * (pages / 2));
    for (int i = 0; i < page_size; ++i) file.put(static_cast<char>((i * 37 + 11) & 0xff));
    REQUIRE(file.good());
  }
  auto check = run_roster({"check", "--db", copy});
  INFO("stdout:\n" << check.out << "stderr:\n" << check.err);
  CHECK(check.code == 1);
  auto lines = lines_of(check.out);
  REQUIRE(lines.size() >= 1);
  for (const auto& line : lines) {
    INFO("line: " << line);
    bool prefixed = line.rfind("integrity: ", 0) == 0 || line.rfind("foreign key: ", 0) == 0 ||
                    line.rfind("member #", 0) == 0 || line.rfind("association: ", 0) == 0 ||
                    line.rfind("goal: ", 0) == 0;
    CHECK(prefixed);
    CHECK(line.find("*** in database") == std::string::npos);
  }
  // Every line on stdout is counted on stderr, in one line.
  std::string count = std::to_string(lines.size()) + (lines.size() == 1 ? " problem" : " problems");
  CHECK(check.err == "roster: error: " + count + " in " + copy + "\n");

  // Whatever else reads the damaged file gets one line of roster's, never SQLiteCpp's or SQLite's words.
  for (auto args : std::vector<std::vector<std::string>>{{"list", "--status", "all"},
                                                         {"export", "-f", "jsonl"},
                                                         {"report", "--as-of", "2026-11-29"},
                                                         {"progress", "--as-of", "2026-11-29"},
                                                         {"sectors", "--as-of", "2026-11-29"},
                                                         {"history"},
                                                         {"show", "1"}}) {
    args.insert(args.end(), {"--db", copy});
    auto r = run_roster(args);
    INFO(args.front() << ": exit " << r.code << ", stderr: " << r.err);
    if (r.code == 0) continue;  // the damage may lie where this command does not read
    CHECK(r.code == 1);
    CHECK(lines_of(r.err).size() == 1);
    CHECK(r.err.rfind("roster: error: ", 0) == 0);
    CHECK(r.err.find("internal error") == std::string::npos);
    CHECK(r.err.find("malformed") == std::string::npos);
    CHECK(r.err.find("executeStep") == std::string::npos);
  }
}

TEST_CASE("a database whose association row was deleted fails check, and the reports say it is damaged",
          "[check][sqlite]") {
  SmallGoalFixture fx;
  sql(fx.db, "DELETE FROM association");
  std::string dump = dump_database(fx.db);
  auto check = fx.roster({"check"});
  CHECK(check.code == 1);
  CHECK(check.out == "association: the row with the association's name and goal is missing; restore a backup\n");
  CHECK(check.err == "roster: error: 1 problem in " + fx.db + "\n");
  const std::string damaged = "roster: error: '" + fx.db +
                              "' has no association row (the name and the goal); the file is damaged (restore a "
                              "backup, or start again with `roster init`)\n";
  for (auto args : std::vector<std::vector<std::string>>{{"report", "--as-of", "2024-07-15"},
                                                         {"report", "-f", "json", "--as-of", "2024-07-15"},
                                                         {"progress", "--as-of", "2024-07-15"},
                                                         {"sectors", "--as-of", "2024-07-15"},
                                                         {"goal"},
                                                         {"goal", "set", "--target", "20"}}) {
    auto r = fx.roster(args);
    INFO(args.front());
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == damaged);
  }
  CHECK(dump_database(fx.db) == dump);
}

TEST_CASE("a goal damaged with sqlite3 is found by check, refused by the reports, and repaired by goal set",
          "[check][goal][sqlite]") {
  SmallGoalFixture fx;
  sql(fx.db, "UPDATE association SET goal_target = 99999999999");
  auto check = fx.roster({"check"});
  CHECK(check.code == 1);
  CHECK(check.out ==
        "goal: the target 99999999999 must be from 1 to 10000000 members; set it with `roster goal set --target`\n");
  auto progress = fx.roster({"progress", "--as-of", "2024-07-15"});
  CHECK(progress.code == 1);
  CHECK(progress.out.empty());
  CHECK(progress.err == "roster: error: the goal in '" + fx.db +
                            "' is damaged: the target 99999999999 must be from 1 to 10000000 members; set it again "
                            "with `roster goal set --target N`\n");
  REQUIRE(fx.roster({"goal", "set", "--target", "20", "-q"}).code == 0);
  CHECK(fx.roster({"check"}).code == 0);
  CHECK(fx.roster({"progress", "--as-of", "2024-07-15"}).code == 0);

  sql(fx.db, "UPDATE association SET goal_deadline = '2024-02-30'");
  auto bad_date = fx.roster({"check"});
  CHECK(bad_date.out == "goal: the deadline '2024-02-30' is not a date; set it with `roster goal set --deadline`\n");
  auto sectors = fx.roster({"sectors", "--as-of", "2024-07-15"});
  CHECK(sectors.code == 1);
  CHECK(sectors.err == "roster: error: the goal in '" + fx.db +
                           "' is damaged: its deadline '2024-02-30' is not a date; set it again with `roster goal set "
                           "--deadline YYYY-MM-DD`\n");
  REQUIRE(fx.roster({"goal", "set", "--deadline", "2025-07-15", "-q"}).code == 0);
  CHECK(fx.roster({"check"}).code == 0);
}

TEST_CASE("check finds a reason stored on a period that has not ended", "[check][sqlite]") {
  SmallGoalFixture fx;
  sql(fx.db, "UPDATE periods SET reason = '未缴会费' WHERE member_id = 1 AND left_on IS NULL");
  auto check = fx.roster({"check"});
  auto name = sql(fx.db, "SELECT name FROM members WHERE id = 1");
  name.pop_back();
  CHECK(check.code == 1);
  CHECK(check.out == "member #1 (" + name +
                         "): reason '未缴会费' is for a period that has not ended; give its left date too, or leave "
                         "the reason empty\n");
}

TEST_CASE("check words a period after one that has not ended as import and rejoin do", "[check][sqlite]") {
  SmallGoalFixture fx;
  sql(fx.db, R"SQL(
INSERT INTO members (id, name, name_key) VALUES (9, 'Open Co', 'open co');
INSERT INTO member_sectors VALUES (9, 'tourism', 0);
INSERT INTO periods (member_id, joined_on, left_on) VALUES (9, '2024-01-01', NULL), (9, '2024-06-01', '2024-07-01');
)SQL");
  auto check = fx.roster({"check"});
  CHECK(check.code == 1);
  CHECK(check.out ==
        "member #9 (Open Co): period from 2024-06-01 overlaps the period from 2024-01-01, which has not ended; a new "
        "period starts on or after the day it ends\n");
}

// ---------------------------------------------------------------- backup targets that are not files

TEST_CASE("backup writes only a new file or over a regular one: a FIFO, a device and links to them are refused",
          "[backup][sqlite]") {
  DemoFixture fx;
  std::string fifo = fx.dir.file("pipe");
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  // A device node of its own, like /dev/null: were the refusal to fail, the
  // machine's /dev/null would be safe.
  std::string null = fx.dir.file("null");
  REQUIRE(run_program({"mknod", "-m", "666", null, "c", "1", "3"}).code == 0);
  std::string to_null = fx.dir.file("null-link.db");
  fs::create_symlink(null, to_null);
  std::string dangling = fx.dir.file("dangling.db");
  fs::create_symlink(fx.dir.file("nothing-here.db"), dangling);
  struct Case {
    std::string path;
    std::string err;
  };
  for (const auto& c : std::vector<Case>{
           {fifo, "'" + fifo +
                      "' is a FIFO (named pipe); roster writes only a new file or over a regular one "
                      "(choose another path)"},
           {null, "'" + null +
                      "' is a character device; roster writes only a new file or over a regular one "
                      "(choose another path)"},
           {to_null, "'" + to_null +
                         "' is a character device; roster writes only a new file or over a regular one "
                         "(choose another path)"},
           {dangling,
            "'" + dangling + "' is a symbolic link to a file that does not exist; give the path of a file"}}) {
    for (bool force : {false, true}) {
      std::vector<std::string> args = {"backup", c.path};
      if (force) args.push_back("--force");
      auto r = fx.roster(args);
      INFO(c.path << (force ? " --force" : ""));
      CHECK(r.code == 1);
      CHECK(r.err == "roster: error: " + c.err + "\n");
    }
  }
  CHECK(fs::is_fifo(fifo));
  CHECK(fs::is_character_file(null));
  CHECK(fs::is_symlink(to_null));
  CHECK(fs::is_symlink(dangling));
  CHECK_FALSE(fs::exists(fx.dir.file("nothing-here.db")));
  for (const auto& entry : fs::directory_iterator(fx.dir.path())) {
    CHECK(entry.path().filename().string().find(".partial-") == std::string::npos);
  }
}

TEST_CASE("backup --force through a link to a regular file replaces that file and keeps the link", "[backup][sqlite]") {
  DemoFixture fx;
  fs::create_directory(fx.dir.path() / "backups");
  std::string real = fx.dir.file("backups/2026-11-28.db");
  write_file(real, "yesterday's copy");
  std::string latest = fx.dir.file("latest.db");
  fs::create_symlink("backups/2026-11-28.db", latest);
  auto refused = fx.roster({"backup", latest});
  CHECK(refused.code == 1);
  CHECK(refused.err ==
        "roster: error: '" + latest + "' already exists; choose another path, or add --force to replace it\n");
  auto r = fx.roster({"backup", latest, "--force", "-q"});
  CHECK(r.code == 0);
  CHECK(fs::is_symlink(latest));
  CHECK(fs::read_symlink(latest) == "backups/2026-11-28.db");
  CHECK(names_in(fx.dir.path() / "backups") == std::set<std::string>{"2026-11-28.db"});  // no partial file left
  CHECK(sql(real, "SELECT count(*) FROM members") == "151\n");
}
