#include "harness.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "harness_pg.h"

extern char** environ;

namespace roster::test {
namespace fs = std::filesystem;

namespace {

// "sh -c 'for i in …' roster db" as one line for a timeout message.
std::string command_line(const std::vector<std::string>& argv) {
  std::string line;
  for (const auto& a : argv) {
    if (!line.empty()) line += ' ';
    line += a.find_first_of(" \t'\"") == std::string::npos && !a.empty() ? a : "'" + a + "'";
  }
  return line;
}

// `environ` with `env` laid over it, as posix_spawn's envp; `storage` owns the strings.
std::vector<char*> child_environment(const Env& env, std::vector<std::string>& storage) {
  for (char** e = environ; *e; ++e) {
    std::string_view entry(*e);
    bool replaced = false;
    for (const auto& [name, value] : env) replaced = replaced || entry.starts_with(name + "=");
    if (!replaced) storage.emplace_back(entry);
  }
  for (const auto& [name, value] : env) storage.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& s : storage) envp.push_back(s.data());
  envp.push_back(nullptr);
  return envp;
}

}  // namespace

RunResult run_program(const std::vector<std::string>& given_argv, const std::string& given_input, const Env& given_env,
                      std::chrono::seconds timeout) {
  std::vector<std::string> argv = given_argv;
  std::string input = given_input;
  Env env = given_env;
  sqlite3_to_psql(argv, input);
  auto named = to_store_in_shell(argv);
  if (std::find(argv.begin(), argv.end(), roster_bin()) != argv.end()) {
    auto more = to_store(argv, env);
    named.insert(named.end(), more.begin(), more.end());
  }
  // A child that exits before reading all its input must not kill the tests.
  static const bool sigpipe_ignored = (signal(SIGPIPE, SIG_IGN), true);
  (void)sigpipe_ignored;
  int in_pipe[2], out_pipe[2], err_pipe[2];
  // Close-on-exec, so a child started by another thread at the same moment
  // does not inherit (and hold open) this run's pipes.
  if (pipe2(in_pipe, O_CLOEXEC) || pipe2(out_pipe, O_CLOEXEC) || pipe2(err_pipe, O_CLOEXEC)) {
    throw std::runtime_error("pipe failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
    posix_spawn_file_actions_addclose(&actions, fd);
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env_storage;
  std::vector<char*> envp = env.empty() ? std::vector<char*>() : child_environment(env, env_storage);
  // Its own process group, so a timeout kills a shell loop and its children.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &actions, &attr, args.data(), env.empty() ? environ : envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) throw std::runtime_error(std::string("cannot start ") + argv[0] + ": " + std::strerror(rc));

  RunResult result;
  size_t written = 0;
  int in_fd = in_pipe[1];
  if (input.empty()) {
    close(in_fd);
    in_fd = -1;
  } else {
    fcntl(in_fd, F_SETFL, O_NONBLOCK);
  }
  bool out_open = true, err_open = true;
  char buf[65536];
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (out_open || err_open) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      kill(-pid, SIGKILL);
      if (in_fd >= 0) close(in_fd);
      close(out_pipe[0]);
      close(err_pipe[0]);
      waitpid(pid, nullptr, 0);
      throw std::runtime_error("timed out after " + std::to_string(timeout.count()) + " s and killed: " +
                               command_line(argv) + "\nstderr so far: " + result.err.substr(0, 2000));
    }
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out_pipe[0], POLLIN, 0});
    if (err_open) fds.push_back({err_pipe[0], POLLIN, 0});
    if (in_fd >= 0) fds.push_back({in_fd, POLLOUT, 0});
    poll(fds.data(), fds.size(), static_cast<int>(std::min<long long>(left.count(), 1000)));
    for (auto& p : fds) {
      if (p.fd == in_fd && (p.revents & (POLLOUT | POLLERR | POLLHUP))) {
        ssize_t n = write(in_fd, input.data() + written, input.size() - written);
        if (n > 0) written += static_cast<size_t>(n);
        if (n < 0 || written == input.size()) {
          close(in_fd);
          in_fd = -1;
        }
      } else if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
        ssize_t n = read(p.fd, buf, sizeof buf);
        if (n <= 0) {
          (p.fd == out_pipe[0] ? out_open : err_open) = false;
        } else {
          (p.fd == out_pipe[0] ? result.out : result.err).append(buf, static_cast<size_t>(n));
        }
      }
    }
  }
  if (in_fd >= 0) close(in_fd);
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  to_paths(result.out, named);
  to_paths(result.err, named);
  return result;
}

RunResult run_roster(const std::vector<std::string>& args, const std::string& input, const Env& given_env) {
  std::vector<std::string> argv = {roster_bin()};
  argv.insert(argv.end(), args.begin(), args.end());
  const Env& env = given_env;
  // roster picks its language from the environment: every run starts from an
  // English one, whatever the machine's locale, unless the test sets its own.
  Env english = {{"ROSTER_LANG", ""}, {"LANGUAGE", ""}, {"LC_ALL", ""}, {"LC_MESSAGES", ""}, {"LANG", "C.UTF-8"}};
  for (const auto& [name, value] : env) {
    bool replaced = false;
    for (auto& [known, old] : english) {
      if (known == name) old = value, replaced = true;
    }
    if (!replaced) english.emplace_back(name, value);
  }
  return run_program(argv, input, english);
}

DbFixture::DbFixture() {
  auto r = run_roster({"init", "--db", db, "-q"});
  if (r.code != 0) throw std::runtime_error("roster init failed: " + r.err);
}

RunResult DbFixture::roster(std::vector<std::string> args, const std::string& input, const Env& env) const {
  args.push_back("--db");
  args.push_back(db);
  return run_roster(args, input, env);
}

SmallGoalFixture::SmallGoalFixture() {
  auto init = run_roster({"init", "--db", db, "--association", "Test Association", "--target", "10", "-q"});
  auto load = run_roster(
      {"import", (source_dir() / "tests/e2e/fixtures/small.csv").string(), "--db", db, "--as-of", "2025-06-01", "-q"});
  if (init.code != 0 || load.code != 0) throw std::runtime_error(init.err + load.err);
}

RunResult SmallGoalFixture::roster(std::vector<std::string> args) const {
  args.insert(args.end(), {"--db", db});
  return run_roster(args);
}

std::string dump_database(const std::string& db) {
  if (on_postgres()) {  // the roster on the server, copied into a file first
    TempDir copy;
    auto r = run_roster({"copy", "--from", store_for(db), "--to", copy.file("copy.db")});
    if (r.code != 0) return "no roster: " + r.err;
    return dump_database_file(copy.file("copy.db"));
  }
  return dump_database_file(db);
}

std::string dump_database_file(const std::string& db) {
  auto r = run_program({"sqlite3", "-readonly", db, ".dump", "PRAGMA user_version;", "PRAGMA application_id;"});
  return r.out + r.err;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::string roster_bin() {
  const char* other = std::getenv("ROSTER_TEST_BIN");
  return other && *other ? other : ROSTER_BIN;
}

fs::path source_dir() {
  return ROSTER_SOURCE_DIR;
}

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

std::string expected_file(const std::string& name, const std::string& actual) {
  fs::path path = source_dir() / "tests/e2e/expected" / name;
  const char* update = std::getenv("ROSTER_UPDATE_EXPECTED");
  if (update && std::string(update) == "1") write_file(path, actual);
  return read_file(path);
}

}  // namespace roster::test
