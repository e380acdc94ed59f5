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

// The schema standing for `path`, made on first use (empty: a new file).
std::string schema_for(const std::string& path) {
  std::string absolute = fs::absolute(path).lexically_normal().string();
  char name[32];
  std::snprintf(name, sizeof name, "f%016zx", std::hash<std::string>{}(absolute));
  static std::set<std::string> made;
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

}  // namespace

bool on_postgres() { return server() != nullptr; }

std::string store_for(const std::string& path) {
  if (!on_postgres() || path.empty() || is_connection(path)) return path;
  return std::string(server()) + " options=-csearch_path=" + schema_for(path);
}

std::vector<std::pair<std::string, std::string>> to_store(std::vector<std::string>& args, Env& env) {
  std::vector<std::pair<std::string, std::string>> named;  // connection -> path, for the output
  if (!on_postgres()) return named;
  auto swap = [&](std::string& value) {
    std::string connection = store_for(value);
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

void to_paths(std::string& text, const std::vector<std::pair<std::string, std::string>>& named) {
  for (const auto& [connection, path] : named) {
    for (size_t at = text.find(connection); at != std::string::npos; at = text.find(connection, at + path.size())) {
      text.replace(at, connection.size(), path);
    }
  }
}

}  // namespace roster::test
