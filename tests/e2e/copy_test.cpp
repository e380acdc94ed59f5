// roster copy between SQLite files and a PostgreSQL server of the test's own
// (scripts/pg-server.sh: initdb in a temporary folder, a Unix socket only,
// stopped at the end). Needs Debian's postgresql package, which
// scripts/install-deps.sh --test installs: without it the tests fail.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

// A private PostgreSQL server for one test.
struct PgServer {
  std::string script = (source_dir() / "scripts" / "pg-server.sh").string();
  std::string dir, url;
  PgServer() {
    auto started = run_program({"bash", script, "start"});
    INFO("pg-server.sh start: " << started.err);
    REQUIRE(started.code == 0);
    dir = started.out.substr(0, started.out.find('\n'));
    url = run_program({"bash", script, "url", dir}).out;
    url = url.substr(0, url.find('\n'));
  }
  ~PgServer() { run_program({"bash", script, "stop", dir}); }
  std::string psql(const std::string& sql) const { return run_program({"psql", url, "-XAtqc", sql}).out; }
};

// A roster with something in every table: members who left and re-joined,
// several sectors, a sector of its own, a prospect, dues billed, paid,
// waived, and the history of it all; a note with backslashes, which COPY's
// text format must escape (an unescaped \N would come back as NULL).
void fill(const DbFixture& fx) {
  auto ok = [&](std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.end(), {"-q"});
    auto r = fx.roster(args, input);
    INFO("roster " << args[0] << ": " << r.err);
    REQUIRE(r.code == 0);
  };
  ok({"import", (source_dir() / "data" / "demo-members.csv").string(), "--as-of", "2026-11-29"});
  ok({"sectors", "add", "culture", "--name", "Culture", "--name-zh", "文化创意"});
  ok({"add-member", "杭州\"引号\"有限公司", "--sector", "culture", "--sector", "tourism", "--note",
      "路径 C:\\N\\新建 与 \\t", "--joined", "2024-03-01", "--as-of", "2026-11-29"});
  ok({"prospect", "add", "宁波潜在有限公司", "--sector", "education", "--on", "2024-03-01", "--as-of", "2026-11-29"});
  ok({"dues", "schedule", "set", "--tier", "member", "--amount", "3000", "--from", "2024-01-01", "--resolution",
      "第一届第二次会员大会", "--as-of", "2024-01-02"});
  ok({"dues", "bill", "--year", "2024", "--as-of", "2024-01-10"});
  ok({"dues", "pay", "3", "--year", "2024", "--amount", "3000", "--on", "2024-02-01", "--as-of", "2024-02-01"});
  ok({"dues", "waive", "4", "--year", "2024", "--reason", "困难减免", "--as-of", "2024-02-01"});
  ok({"goal", "set", "--target", "300"});
}

// A count from the SQLite file `db`, as sqlite3 prints it.
std::string count_in(const std::string& db, const std::string& table) {
  return run_program({"sqlite3", db, "SELECT count(*) FROM " + table}).out;
}

std::string exported(const std::string& db, const std::string& format) {
  return run_roster({"export", "-f", format, "--db", db}).out;
}

}  // namespace

TEST_CASE("copy SQLite to PostgreSQL and back gives a file whose export in every format is the original's",
          "[copy][postgresql][sqlite]") {
  PgServer pg;
  DbFixture fx;
  fill(fx);
  auto to_pg = run_roster({"copy", "--from", fx.db, "--to", pg.url});
  INFO(to_pg.err);
  REQUIRE(to_pg.code == 0);
  REQUIRE(count_in(fx.db, "members") == "152\n");  // the demo's 151 and one more
  std::string history = count_in(fx.db, "history");
  history.pop_back();  // its newline
  CHECK(to_pg.err.rfind("roster: copied 152 members, " + history + " history entries and every other table", 0) == 0);
  for (const char* table : {"members", "periods", "member_sectors", "history", "prospects", "dues_charges"}) {
    INFO(table);
    CHECK(pg.psql(std::string("SELECT count(*) FROM ") + table) == count_in(fx.db, table));
  }
  CHECK(pg.psql("SELECT schema_version FROM roster_meta") == "6\n");
  CHECK(pg.psql("SELECT note FROM members WHERE name LIKE '%引号%'") == "路径 C:\\N\\新建 与 \\t\n");
  // Every command works on the copy as on the file, to the byte.
  for (std::vector<std::string> args :
       std::vector<std::vector<std::string>>{{"list", "--sort", "name", "--status", "all"},
                                             {"progress", "-f", "json"},
                                             {"sectors", "-f", "json"},
                                             {"report", "-f", "markdown", "--week", "2026-W40"},
                                             {"dues", "status", "--year", "2024"},
                                             {"pipeline"}}) {
    args.insert(args.end(), {"--as-of", "2026-11-29", "--db"});
    INFO(args[0]);
    auto on_file = args, on_server = args;
    on_file.push_back(fx.db);
    on_server.push_back(pg.url);
    auto file = run_roster(on_file), server = run_roster(on_server);
    CHECK(file.code == 0);
    CHECK(server.code == 0);
    CHECK(server.out == file.out);
  }

  std::string back = fx.dir.file("back.db");
  auto to_file = run_roster({"copy", "--from", pg.url, "--to", back});
  INFO(to_file.err);
  REQUIRE(to_file.code == 0);
  CHECK(to_file.err == to_pg.err);
  for (const char* format : {"csv", "tsv", "json", "jsonl"}) {
    INFO(format);
    CHECK(exported(back, format) == exported(fx.db, format));
  }
  // Every table, row for row, history included: the same dump.
  CHECK(dump_database(back) == dump_database(fx.db));
  CHECK(run_roster({"check", "--db", back}).code == 0);
}

TEST_CASE("copy refuses a target that holds a roster, and leaves it as it was", "[copy][postgresql][sqlite]") {
  PgServer pg;
  DbFixture fx;
  fill(fx);
  REQUIRE(run_roster({"copy", "--from", fx.db, "--to", pg.url, "-q"}).code == 0);
  auto again = run_roster({"copy", "--from", fx.db, "--to", pg.url});
  CHECK(again.code == 1);
  CHECK(again.err ==
        "roster: error: the PostgreSQL target already holds roster tables; copy only into a database without them\n");
  CHECK(pg.psql("SELECT count(*) FROM members") == count_in(fx.db, "members"));

  std::string other = fx.dir.file("other.db");
  REQUIRE(run_roster({"init", "--db", other, "-q"}).code == 0);
  std::string before = dump_database(other);
  auto onto_file = run_roster({"copy", "--from", pg.url, "--to", other});
  CHECK(onto_file.code == 1);
  CHECK(onto_file.err == "roster: error: '" + other +
                             "' already exists; roster copy writes only a new file (choose another --to, or move the "
                             "old file away first)\n");
  CHECK(dump_database(other) == before);
}

TEST_CASE("a copy that fails leaves no file and no table behind", "[copy][postgresql][sqlite]") {
  PgServer pg;
  DbFixture fx;
  fill(fx);
  const std::string roster_tables =
      "SELECT count(*) FROM pg_tables WHERE tablename IN ('members', 'periods', 'history', 'roster_meta')";
  // A database with no roster in it is no source.
  std::string target = fx.dir.file("copy.db");
  auto empty = run_roster({"copy", "--from", pg.url, "--to", target});
  CHECK(empty.code == 1);
  CHECK(empty.err ==
        "roster: error: the PostgreSQL source holds no roster (it has no roster_meta table); check the connection's "
        "database\n");
  CHECK_FALSE(std::filesystem::exists(target));

  // A table named like one of roster's indexes: the copy fails at the end,
  // after every row went in, and takes all of it back.
  pg.psql("CREATE TABLE periods_by_joined (x int)");
  auto blocked = run_roster({"copy", "--from", fx.db, "--to", pg.url});
  CHECK(blocked.code == 1);
  CHECK(blocked.err.rfind("roster: error: PostgreSQL refused CREATE INDEX periods_by_joined ", 0) == 0);
  CHECK(pg.psql(roster_tables) == "0\n");
  pg.psql("DROP TABLE periods_by_joined");

  // A source with a period of a member it does not have: refused, no file.
  REQUIRE(run_roster({"copy", "--from", fx.db, "--to", pg.url, "-q"}).code == 0);
  pg.psql("ALTER TABLE periods DROP CONSTRAINT periods_member_id_fkey");
  pg.psql("INSERT INTO periods (id, member_id, joined_on) VALUES (99999, 88888, '2024-01-01')");
  auto dangling = run_roster({"copy", "--from", pg.url, "--to", target});
  CHECK(dangling.code == 1);
  CHECK(dangling.err ==
        "roster: error: the source's table periods refers to rows it does not have; nothing was copied (run roster "
        "check on the source)\n");
  CHECK_FALSE(std::filesystem::exists(target));

  // A server that is not there: one line, no file.
  auto down = run_roster({"copy", "--from", "host=" + fx.dir.file("nowhere") + " dbname=x", "--to", target});
  CHECK(down.code == 1);
  CHECK(down.err.rfind("roster: error: cannot connect to PostgreSQL: ", 0) == 0);
  CHECK(down.err.find("; check the connection string, the server and ~/.pgpass\n") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(target));
}

TEST_CASE("a table longer than one fetch comes back whole, in order", "[copy][postgresql][sqlite]") {
  // The PostgreSQL source is read 5,000 rows at a time: 12,000 members (and
  // their periods, sector links and history entries) take several fetches.
  PgServer pg;
  DbFixture fx;
  std::string csv = "name,sectors,joined\n";
  for (int i = 1; i <= 12000; ++i) csv += "杭州第" + std::to_string(i) + "号有限公司,tourism,2024-01-01\n";
  REQUIRE(fx.roster({"import", "-", "--format", "csv", "--as-of", "2026-11-29", "-q"}, csv).code == 0);
  REQUIRE(run_roster({"copy", "--from", fx.db, "--to", pg.url, "-q"}).code == 0);
  std::string back = fx.dir.file("back.db");
  REQUIRE(run_roster({"copy", "--from", pg.url, "--to", back, "-q"}).code == 0);
  CHECK(count_in(back, "members") == "12000\n");
  CHECK(dump_database(back) == dump_database(fx.db));
}

TEST_CASE("backup of a roster on PostgreSQL writes a SQLite file that check and list take",
          "[copy][postgresql][backup][sqlite]") {
  PgServer pg;
  DbFixture fx;
  fill(fx);
  REQUIRE(run_roster({"copy", "--from", fx.db, "--to", pg.url, "-q"}).code == 0);
  std::string path = fx.dir.file("backup.db");
  auto r = run_roster({"backup", path, "--db", pg.url});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err == "roster: backed up the PostgreSQL roster to " + path + "\n");
  CHECK(dump_database(path) == dump_database(fx.db));
  CHECK(run_roster({"check", "--db", path}).code == 0);
  CHECK(run_roster({"list", "--db", path, "-f", "tsv", "--as-of", "2026-11-29"}).out ==
        run_roster({"list", "--db", fx.db, "-f", "tsv", "--as-of", "2026-11-29"}).out);
  // As a backup of a file does: an existing PATH only with --force, then replaced whole.
  auto again = run_roster({"backup", path, "--db", pg.url});
  CHECK(again.code == 1);
  CHECK(again.err.find("already exists") != std::string::npos);
  CHECK(run_roster({"backup", path, "--db", pg.url, "--force", "-q"}).code == 0);
  CHECK(dump_database(path) == dump_database(fx.db));
  for (const auto& entry : std::filesystem::directory_iterator(fx.dir.path())) {
    CHECK(entry.path().filename().string().find(".partial-") == std::string::npos);  // no temporary file left
  }
}

TEST_CASE("a login that may only read takes a backup, one without the grant is refused and gets no file",
          "[copy][postgresql][backup][sqlite]") {
  PgServer pg;
  DbFixture fx;
  fill(fx);
  REQUIRE(run_roster({"copy", "--from", fx.db, "--to", pg.url, "-q"}).code == 0);
  pg.psql("CREATE ROLE roster_backup LOGIN; GRANT SELECT ON ALL TABLES IN SCHEMA public TO roster_backup");
  pg.psql("CREATE ROLE stranger LOGIN");
  auto as = [&](const std::string& user) { return "host=" + pg.dir + " user=" + user + " dbname=postgres"; };

  std::string path = fx.dir.file("backup.db");
  auto reader = run_roster({"backup", path, "--db", as("roster_backup"), "-q"});
  INFO(reader.err);
  CHECK(reader.code == 0);
  CHECK(dump_database(path) == dump_database(fx.db));

  std::string refused = fx.dir.file("refused.db");
  auto stranger = run_roster({"backup", refused, "--db", as("stranger")});
  CHECK(stranger.code == 1);
  CHECK(stranger.err ==
        "roster: error: PostgreSQL refused SELECT schema_version FROM roster_meta: ERROR:  permission denied for "
        "table roster_meta; nothing was changed\n");
  CHECK_FALSE(std::filesystem::exists(refused));
}
