// A roster in a PostgreSQL database whose own collation is not byte order
// (ICU en-US, where "éclair" sorts among the e's, before "fig") reads, finds
// and sorts as a file does: every text column is in byte order (COLLATE "C").
#include <catch2/catch.hpp>
#include <cstdlib>
#include <random>

#include "harness.h"
#include "harness_pg.h"

using namespace roster::test;

namespace {

// A new database on the test server whose default collation is ICU's en-US; dropped at the end.
struct IcuDatabase {
  std::string name = "icu_" + std::to_string(std::random_device{}() % 1000000000);
  std::string server = std::getenv("ROSTER_TEST_PG") ? std::getenv("ROSTER_TEST_PG") : "";
  std::string connection = server + " dbname=" + name;
  IcuDatabase() {
    auto r = psql("CREATE DATABASE " + name +
                  " TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LC_COLLATE 'C.UTF-8' "
                  "LC_CTYPE 'C.UTF-8'");
    if (r.code != 0) throw std::runtime_error(r.err);
  }
  ~IcuDatabase() { psql("DROP DATABASE IF EXISTS " + name); }
  RunResult psql(const std::string& sql) const {
    return run_program({"psql", server, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql});
  }
};

}  // namespace

TEST_CASE("a roster in a database with another collation reads, finds and sorts as the file does", "[pg]") {
  REQUIRE(on_postgres());
  IcuDatabase icu;
  // The database's own order is not the bytes': a plain ORDER BY there puts "éclair" before "fig".
  auto own = run_program({"psql", icu.connection, "-X", "-A", "-t", "-c",
                          "SELECT x FROM (VALUES ('fig Co.'), ('éclair Co.'), ('Beta Co.')) v(x) ORDER BY x"});
  REQUIRE(own.out == "Beta Co.\néclair Co.\nfig Co.\n");

  REQUIRE(run_roster({"init", "--db", icu.connection, "-q"}).code == 0);
  for (const char* name : {"Beta Co.", "fig Co.", "éclair Co.", "alpha Co."}) {
    REQUIRE(
        run_roster({"add-member", name, "--sector", "tourism", "--joined", "2024-01-05", "-q", "--db", icu.connection})
            .code == 0);
  }
  TempDir dir;
  const std::string file = dir.file("copy.db");
  REQUIRE(run_roster({"copy", "--from", icu.connection, "--to", file, "-q"}).code == 0);

  // Completion looks names up by a range of their keys and lists them in key order: bytes, as in the file.
  auto offered = run_roster({"__complete", "--db", icu.connection, "show", ""});
  CHECK(offered.out == "alpha Co.\nBeta Co.\nfig Co.\néclair Co.\n");
  CHECK(offered.out == run_roster({"__complete", "--db", file, "show", ""}).out);
  CHECK(run_roster({"__complete", "--db", icu.connection, "show", "e"}).out.empty());  // "é" is not "e"
  CHECK(run_roster({"__complete", "--db", icu.connection, "show", "f"}).out == "fig Co.\n");
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{{"list", "-f", "csv"},
                                                                             {"list", "--sort", "name"},
                                                                             {"export", "-f", "json"},
                                                                             {"sectors", "-f", "json"},
                                                                             {"show", "alpha co."},
                                                                             {"history", "-f", "tsv"}}) {
    INFO(args[0]);
    auto on_server = args, on_file = args;
    on_server.insert(on_server.end(), {"--db", icu.connection});
    on_file.insert(on_file.end(), {"--db", file});
    auto server = run_roster(on_server), copy = run_roster(on_file);
    CHECK(server.code == 0);
    CHECK(server.out == copy.out);
  }
}
