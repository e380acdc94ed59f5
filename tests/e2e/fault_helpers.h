#pragma once
// What the fault and load tests share (fault_load_test.cpp, fault_disk_test.cpp,
// fault_readonly_test.cpp): processes in the background, immutable files,
// seed databases and generated CSV.
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

// Under the sanitizers (kSanitized, harness.h) two tests do less to stay
// well within their time: the eight writers add 30 members each instead of
// 100, and the killed import has 10,000 rows instead of 100,000.
inline const int kMembersPerWriter = roster::test::kSanitized ? 30 : 100;
inline const int kCrashRows = roster::test::kSanitized ? 10000 : 100000;

namespace roster::test::fault {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

inline const std::string kAsOf = "2026-11-29";

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// sqlite3 DB SQL, stdout only (and a failed CHECK if sqlite3 complains).
inline std::string sql(const std::string& db, const std::string& query) {
  auto r = run_program({"sqlite3", db, query});
  INFO("sqlite3 " << db << " " << query << "\n" << r.err);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  return r.out;
}

// members|periods|member_sectors|history rows, as sqlite3 prints them.
inline std::string row_counts(const std::string& db) {
  return sql(db,
             "SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM periods), "
             "(SELECT count(*) FROM member_sectors), (SELECT count(*) FROM history);");
}

// "a|b|c\n", as sqlite3 prints one row of numbers.
inline std::string fmt_counts(std::initializer_list<long> values) {
  std::string row;
  for (long v : values) row += (row.empty() ? "" : "|") + std::to_string(v);
  return row + "\n";
}

inline std::string counts(long members, long periods, long links, long history) {
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
inline std::string members_csv(int rows, const std::string& infix = "") {
  std::string csv = "name,uscc,sectors,joined,left,tier,city,parent,note\n";
  csv.reserve(static_cast<size_t>(rows) * 64 + 64);
  for (int i = 1; i <= rows; ++i) {
    csv += "杭州测试" + infix + std::to_string(i) + "号科技有限公司,,healthcare,2024-01-01,,,,,\n";
  }
  return csv;
}

// A fresh database with one member, closed cleanly (no -wal or -shm left),
// ready to be copied.
inline void make_seed_db(const std::string& db) {
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
inline std::string cannot_mount_tmpfs(const TempDir& dir) {
  fs::create_directory(dir.path() / "probe");
  auto r = run_program({"unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs \"$0\"", dir.file("probe")});
  if (r.code == 0) return "";
  return "unshare -m / mount -t tmpfs is not possible here (not root, or no mount namespaces): exit " +
         std::to_string(r.code) + ": " + r.err;
}

inline std::string read_trimmed(const fs::path& path) {
  std::string text = read_file(path);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

inline int read_code(const fs::path& path) {
  std::string text = read_trimmed(path);
  return text.empty() ? -1 : std::stoi(text);
}

}  // namespace roster::test::fault
