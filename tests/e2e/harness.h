#pragma once

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "temp_dir.h"

// The roster under test is a sanitized one when the tests are built with
// AddressSanitizer, or when $ROSTER_TEST_SANITIZED is set (scripts/test.sh
// runs the plain test program against the sanitizer build's roster). Such a
// roster process costs some 10 times a plain one, much of it in starting up,
// so tests that start hundreds of processes
// scale their counts by kSanitized (what they check does not depend on the
// amount) to stay well within their time on a busy two-core machine.
#if defined(__SANITIZE_ADDRESS__)
#define ROSTER_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ROSTER_TEST_SANITIZED 1
#endif
#endif

namespace roster::test {

#ifdef ROSTER_TEST_SANITIZED
inline const bool kSanitized = true;
#else
inline const bool kSanitized = std::getenv("ROSTER_TEST_SANITIZED") != nullptr;
#endif

/// How long one child process may run before run_program kills it and throws
/// an error naming the command: well under ctest's per-test TIMEOUT, so a hang
/// fails with the command that hung rather than a bare "Timeout".
inline const std::chrono::seconds kChildTimeout{kSanitized ? 200 : 100};

/// What one run of the real binary did.
struct RunResult {
  std::string out;
  std::string err;
  int code = -1;
};

/// Variables set (replacing the test process's own) in one child's
/// environment, e.g. {{"TZ", "Asia/Shanghai"}}; the test process's
/// environment is never changed, so tests on other threads are not affected.
using Env = std::vector<std::pair<std::string, std::string>>;

/// Runs roster with `args`, feeding `input` on stdin; stdout is a pipe, so the
/// default format is tsv and colour is off.
RunResult run_roster(const std::vector<std::string>& args, const std::string& input = "", const Env& env = {});

/// Runs any program (e.g. sqlite3, python3) the same way. A child (and the
/// processes it started) still running after `timeout` is killed and
/// std::runtime_error names the command.
RunResult run_program(const std::vector<std::string>& argv, const std::string& input = "", const Env& env = {},
                      std::chrono::seconds timeout = kChildTimeout);

/// A fresh temporary folder, removed with everything in it on destruction.
/// A temporary folder holding a fresh database made by `roster init`.
struct DbFixture {
  TempDir dir;
  std::string db = dir.file("roster.db");
  DbFixture();
  /// roster ARGS --db DB
  RunResult roster(std::vector<std::string> args, const std::string& input = "", const Env& env = {}) const;
};

/// tests/e2e/fixtures/small.csv (8 members, two of whom left) under a goal
/// of 10 members from 2023-07-15 to 2025-07-15, association "Test Association".
struct SmallGoalFixture {
  TempDir dir;
  std::string db = dir.file("roster.db");
  SmallGoalFixture();
  /// roster ARGS --db DB
  RunResult roster(std::vector<std::string> args) const;
};

/// The lines of `text`, without their '\n' (no empty last line for a final newline).
std::vector<std::string> lines_of(const std::string& text);

/// A logical snapshot of a database: sqlite3's .dump plus user_version and
/// application_id, for "the file is unchanged" checks.
/// On PostgreSQL (harness_pg.h), the dump of a copy of the roster DB stands for.
std::string dump_database(const std::string& db);
/// sqlite3's dump of the file itself, on either store.
std::string dump_database_file(const std::string& db);

/// The bytes of a file ("" if missing).
std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& content);

/// The bytes of tests/e2e/expected/NAME. With ROSTER_UPDATE_EXPECTED=1 in the
/// environment, first writes `actual` there: how an intended change of
/// output is recorded (then read the diff before committing it).
std::string expected_file(const std::string& name, const std::string& actual);

/// The roster binary the tests run: the one this build made, or
/// $ROSTER_TEST_BIN (scripts/test.sh points it at the sanitizer build's).
std::string roster_bin();

/// The repository's source folder (for data/ and expected files).
std::filesystem::path source_dir();

}  // namespace roster::test
