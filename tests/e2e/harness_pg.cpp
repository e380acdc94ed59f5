// The end-to-end suite on PostgreSQL: with $ROSTER_TEST_PG set to a server's
// connection string (scripts/test.sh starts a private one), every roster file
// a test names stands for a schema of its own on that server, and the
// connection string stands in the output for the path again, so each test
// and expected file holds for both stores.
#include "harness_pg.h"

#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <set>
#include <stdexcept>

namespace roster::test {
namespace fs = std::filesystem;

namespace {

const char* server() {
  const char* base = std::getenv("ROSTER_TEST_PG");
  return base && *base ? base : nullptr;
}

bool is_connection(const std::string& db) {
  return db.starts_with("postgresql://") || db.starts_with("host=") || db.starts_with("dbname=");
}

// Tests run roster from several threads at once.
std::mutex paths_lock;

// The paths a run has named with --db so far.
std::set<std::string>& known_paths() {
  static std::set<std::string> paths;
  return paths;
}

bool known_path(const std::string& path);
// The schema standing for `path`, made on first use (empty: a new file).
std::string schema_for(const std::string& path) {
  std::lock_guard<std::mutex> hold(paths_lock);
  std::string absolute = fs::absolute(path).lexically_normal().string();
  char name[32];
  std::snprintf(name, sizeof name, "f%016zx", std::hash<std::string>{}(absolute));
  static std::set<std::string> made;
  known_paths().insert(path);
  if (made.insert(name).second) {
    PGconn* conn = PQconnectdb(server());
    PGresult* r = PQexec(conn, (std::string("CREATE SCHEMA IF NOT EXISTS ") + name).c_str());
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    std::string why = PQerrorMessage(conn);
    PQclear(r);
    PQfinish(conn);
    if (!ok) throw std::runtime_error("cannot make a schema on $ROSTER_TEST_PG: " + why);
  }
  return name;
}

// Runs `sql` on the server as its superuser; throws with the server's words.
void run_sql(const std::string& sql) {
  PGconn* conn = PQconnectdb(server());
  PGresult* r = PQexec(conn, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  std::string why = PQerrorMessage(conn);
  PQclear(r);
  PQfinish(conn);
  if (!ok) throw std::runtime_error("$ROSTER_TEST_PG refused " + sql + ": " + why);
}

// The login named `who`, made on first use: on PostgreSQL the history's
// `who` is the login, so each run logs in as the user it would be on a file.
std::string login_for(const std::string& who) {
  static std::set<std::string> made;
  std::lock_guard<std::mutex> hold(paths_lock);
  if (made.insert(who).second) {
    std::string quoted = "\"";
    for (char c : who) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    quoted += "\"";
    run_sql("DO $$ BEGIN CREATE ROLE " + quoted +
            " LOGIN SUPERUSER; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; "
            "END $$");
  }
  std::string value = "'";
  for (char c : who) value += (c == '\'' || c == '\\') ? std::string("\\") + c : std::string(1, c);
  return value + "'";
}

// The user a roster run would record on a file: $USER as the run sets it
// (in its environment, or as `env USER=…`), else the test's own.
std::string user_of(const std::vector<std::string>& argv, const Env& env) {
  for (const auto& [name, value] : env) {
    if (name == "USER" && !value.empty()) return value;
  }
  for (const auto& a : argv) {
    if (a.starts_with("USER=") && a.size() > 5) return a.substr(5);
  }
  for (const char* var : {"USER", "LOGNAME"}) {
    if (const char* v = std::getenv(var); v && *v) return v;
  }
  return "unknown";
}

bool known_path(const std::string& path) {
  std::lock_guard<std::mutex> hold(paths_lock);
  return known_paths().count(path) > 0;
}

}  // namespace

bool on_postgres() {
  return server() != nullptr;
}

std::string store_for(const std::string& path) {
  if (!on_postgres() || path.empty() || is_connection(path)) return path;
  // A roster on the server leaves no file at its path: a file there with
  // something in it is a real SQLite file (a backup, a copy) and stays one.
  std::error_code ec;
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) > 0 && !ec) return path;
  return std::string(server()) + " options=-csearch_path=" + schema_for(path);
}

std::vector<std::pair<std::string, std::string>> to_store(std::vector<std::string>& args, Env& env) {
  std::vector<std::pair<std::string, std::string>> named;  // connection -> path, for the output
  if (!on_postgres()) return named;
  const std::string login = " user=" + login_for(user_of(args, env));
  auto swap = [&](std::string& value) {
    std::string connection = store_for(value);
    if (connection != value) connection += login;
    if (connection != value) named.emplace_back(connection, value), value = connection;
  };
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--db" && i + 1 < args.size()) {
      swap(args[++i]);
    } else if (args[i].starts_with("--db=")) {
      std::string value = args[i].substr(5);
      swap(value);
      args[i] = "--db=" + value;
    }
  }
  for (auto& [name, value] : env) {
    if (name == "ROSTER_DB") swap(value);
  }
  return named;
}

std::vector<std::pair<std::string, std::string>> to_store_in_shell(std::vector<std::string>& argv) {
  std::vector<std::pair<std::string, std::string>> named;
  if (!on_postgres() || argv.empty() || argv[0] != "sh") return named;
  for (size_t i = 3; i < argv.size(); ++i) {  // sh -c SCRIPT $0 $1 …: a roster named with --db before
    if (known_path(argv[i])) {
      std::string connection = store_for(argv[i]);
      named.emplace_back(connection, argv[i]);
      argv[i] = connection;
    }
  }
  return named;
}

void sqlite3_to_psql(std::vector<std::string>& argv, std::string& input) {
  if (!on_postgres() || argv.empty() || argv[0] != "sqlite3") return;
  size_t at = 1;
  while (at < argv.size() && argv[at].starts_with("-")) ++at;
  if (at >= argv.size() || !known_path(argv[at])) return;  // a file of the test's own, not a roster
  std::string script;
  for (size_t i = at + 1; i < argv.size(); ++i) script += argv[i] + "\n";
  if (at + 1 < argv.size()) input = script;
  argv = {"psql", store_for(argv[at]), "-X", "-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1", "-f", "-"};
}

void to_paths(std::string& text, const std::vector<std::pair<std::string, std::string>>& named) {
  for (const auto& [connection, path] : named) {
    for (size_t at = text.find(connection); at != std::string::npos; at = text.find(connection, at + path.size())) {
      text.replace(at, connection.size(), path);
    }
  }
}

}  // namespace roster::test
