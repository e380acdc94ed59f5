// Every refusal: a one-line message, the right exit code, and a database
// exactly as it was before.
#include <catch2/catch.hpp>

#include "harness.h"
#include "harness_pg.h"

using namespace roster::test;

namespace {

struct BadInput {
  const char* what;
  std::vector<std::string> args;  // run with --db DB --as-of 2026-11-29 appended
  int code;
  std::string message;  // exact stderr; {db} stands for the database path
};

std::string expand(std::string text, const std::string& db) {
  for (auto pos = text.find("{db}"); pos != std::string::npos; pos = text.find("{db}")) text.replace(pos, 4, db);
  return text;
}

// A database with one member, to collide with.
struct SeededDb : DbFixture {
  SeededDb() {
    auto r = roster({"add-member", "杭州星云（杭州）数字科技有限公司", "--sector", "tourism", "--uscc",
                     "91310110666007217T", "--joined", "2024-01-10", "-q"});
    if (r.code != 0) throw std::runtime_error(r.err);
  }
};

std::string chinese(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += "长";
  return s;
}

}  // namespace

TEST_CASE("every bad input is refused with one line and leaves the database as it was", "[bad-input]") {
  const std::vector<BadInput> cases = {
      {"empty name",
       {"add-member", "", "--sector", "tourism"},
       1,
       "roster: error: name is empty; give the member's legal name\n"},
      {"blank name",
       {"add-member", " \u3000 ", "--sector", "tourism"},
       1,
       "roster: error: name is empty; give the member's legal name\n"},
      {"name over 200 characters",
       {"add-member", chinese(201), "--sector", "tourism"},
       1,
       "roster: error: name is 201 characters long; the limit is 200\n"},
      {"control character",
       {"add-member", "杭州\x07公司", "--sector", "tourism"},
       1,
       "roster: error: name contains a control character (tab, line break or similar); remove it\n"},
      {"invalid UTF-8",
       {"add-member", "\xff\xfe公司", "--sector", "tourism"},
       1,
       "roster: error: name is not valid UTF-8 text; check the encoding of the terminal or file (roster expects "
       "UTF-8)\n"},
      {"unknown sector",
       {"add-member", "新公司", "--sector", "mining"},
       1,
       "roster: error: unknown sector 'mining'; known sectors: healthcare (医疗健康), e-commerce (电子商务), education "
       "(教育), tourism (文化旅游), entertainment (文化娱乐), telecom (通信), manufacturing (智能制造), finance "
       "(金融科技), "
       "media (数字内容), technology (信息技术), other (其他) (give a code, its English or Chinese name, or a short "
       "form "
       "such as 医疗)\n"},
      {"bad USCC checksum",
       {"add-member", "新公司", "--sector", "tourism", "--uscc", "91110000600037341N"},
       1,
       "roster: error: USCC check character is 'N' but the code calls for 'L'; check for a typo\n"},
      {"USCC with I, O, S, V or Z",
       {"add-member", "新公司", "--sector", "tourism", "--uscc", "9111000060003IOZSV"},
       1,
       "roster: error: USCC character 14 'I' is not allowed (use 0-9 and A-Z without I, O, S, V, Z)\n"},
      {"USCC of wrong length",
       {"add-member", "新公司", "--sector", "tourism", "--uscc", "9131011066600721"},
       1,
       "roster: error: USCC must be 18 characters, got 16\n"},
      {"duplicate USCC",
       {"add-member", "新公司", "--sector", "tourism", "--uscc", "91310110666007217t"},
       1,
       "roster: error: USCC 91310110666007217T already belongs to member #1 (杭州星云（杭州）数字科技有限公司)\n"},
      {"duplicate name (full-width vs ASCII brackets, case)",
       {"add-member", " 杭州星云(杭州)数字科技有限公司 ", "--sector", "education"},
       1,
       "roster: error: '杭州星云(杭州)数字科技有限公司' is already member #1 (杭州星云（杭州）数字科技有限公司); names "
       "are "
       "compared ignoring case, width and spacing\n"},
      {"impossible date",
       {"add-member", "新公司", "--sector", "tourism", "--joined", "2023-02-30"},
       1,
       "roster: error: joined date '2023-02-30' is not a real date; write it as YYYY-MM-DD (also 2023/7/15 or "
       "2023年7月15日)\n"},
      {"join date in the future",
       {"add-member", "新公司", "--sector", "tourism", "--joined", "2026-11-30"},
       1,
       "roster: error: joined date 2026-11-30 is in the future (after 2026-11-29); enter a date that has happened\n"},
      {"unknown tier",
       {"add-member", "新公司", "--sector", "tourism", "--tier", "boss"},
       1,
       "roster: error: unknown tier 'boss'; use president, vice-president, council or member (or 会长, 副会长, 理事, "
       "会员)\n"},
      {"no sector",
       {"add-member", "新公司"},
       2,
       "roster: error: --sector is required (see `roster add-member --help`)\n"},
      {"unknown option",
       {"add-member", "新公司", "--sector", "tourism", "--colour", "red"},
       2,
       "roster: error: The following arguments were not expected: red --colour (see `roster add-member --help`)\n"},
      {"bad --as-of",
       {"list", "--as-of", "2023-13-01"},
       2,
       "roster: error: --as-of '2023-13-01' is not a real date; write it as YYYY-MM-DD (also 2023/7/15 or "
       "2023年7月15日)\n"},
      {"--limit 0",
       {"list", "--limit", "0"},
       2,
       "roster: error: --limit: must be 1 or more (see `roster list --help`)\n"},
      {"bad --status",
       {"list", "--status", "gone"},
       2,
       "roster: error: --status: gone not in {active,left,all} (see `roster list --help`)\n"},
      {"unknown list sector",
       {"list", "--sector", "mining"},
       2,
       "roster: error: unknown sector 'mining'; known sectors: healthcare (医疗健康), e-commerce (电子商务), education "
       "(教育), tourism (文化旅游), entertainment (文化娱乐), telecom (通信), manufacturing (智能制造), finance "
       "(金融科技), "
       "media (数字内容), technology (信息技术), other (其他) (give a code, its English or Chinese name, or a short "
       "form "
       "such as 医疗)\n"},
      {"--limit beyond 64 bits",
       {"list", "--limit", "99999999999999999999"},
       2,
       "roster: error: --limit: must be at most 9223372036854775807 (see `roster list --help`)\n"},
      {"--limit not a number",
       {"list", "--limit", "abc"},
       2,
       "roster: error: --limit: 'abc' is not a whole number (see `roster list --help`)\n"},
      {"--limit with a unit",
       {"list", "--limit", "10k"},
       2,
       "roster: error: --limit: '10k' is not a whole number (see `roster list --help`)\n"},
      {"--max-errors negative",
       {"import", "x.csv", "--max-errors=-1"},
       2,
       "roster: error: --max-errors: must be 0 or more (see `roster import --help`)\n"},
      {"--max-errors not a number",
       {"import", "x.csv", "--max-errors", "many"},
       2,
       "roster: error: --max-errors: 'many' is not a whole number (see `roster import --help`)\n"},
      {"init --target beyond 64 bits",
       {"init", "--target", "99999999999999999999"},
       2,
       "roster: error: --target: must be at most 10000000 (see `roster init --help`)\n"},
      {"goal set --target not a number",
       {"goal", "set", "--target", "abc"},
       2,
       "roster: error: --target: 'abc' is not a whole number (see `roster goal set --help`)\n"},
      {"sectors add --target beyond int",
       {"sectors", "add", "x", "--name", "X", "--name-zh", "某", "--target", "99999999999"},
       2,
       "roster: error: --target: must be at most 10000000 (see `roster sectors add --help`)\n"},
      {"sectors edit --target not a number",
       {"sectors", "edit", "tourism", "--target", "1.5"},
       2,
       "roster: error: --target: '1.5' is not a whole number (see `roster sectors edit --help`)\n"},
      {"init over an existing database",
       {"init"},
       1,
       "roster: error: '{db}' already exists; roster init never overwrites a file (choose another --db, or move the "
       "old file away first)\n"},
  };

  for (const auto& c : cases) {
    SECTION(c.what) {
      SeededDb fx;
      std::string before = dump_database(fx.db);
      REQUIRE(before.find("CREATE TABLE members") != std::string::npos);
      auto args = c.args;
      // The --as-of case carries its own --as-of.
      if (std::string(c.what) != "bad --as-of") args.insert(args.end(), {"--as-of", "2026-11-29"});
      auto r = fx.roster(args);
      CHECK(r.out.empty());
      std::string message = c.message;
      if (on_postgres() && std::string(c.what) == "init over an existing database") {  // a database, not a file
        message =
            "roster: error: '{db}' already holds a roster; roster init never overwrites one (choose another --db, or "
            "drop the old roster's tables first)\n";
      }
      CHECK(r.err == expand(message, fx.db));
      CHECK(r.err.find("internal error") == std::string::npos);  // the last-resort catch is for bugs only
      CHECK(r.code == c.code);
      CHECK(dump_database(fx.db) == before);
    }
  }
}

TEST_CASE("a missing database is an error with the hint to run init, and is not created", "[bad-input][sqlite]") {
  TempDir dir;
  std::string db = dir.file("nope.db");
  for (auto args : std::vector<std::vector<std::string>>{{"list"}, {"add-member", "新公司", "--sector", "tourism"}}) {
    args.insert(args.end(), {"--db", db});
    auto r = run_roster(args);
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: no database at '" + db + "'; create one with `roster init --db " + db +
                       "`, or pass --db PATH\n");
    CHECK_FALSE(std::filesystem::exists(db));
  }
}

TEST_CASE("a file that is not a roster database is refused untouched", "[bad-input][sqlite]") {
  TempDir dir;
  SECTION("a text file") {
    std::string path = dir.file("notes.txt");
    write_file(path, "name,sectors\nfoo,bar\n");
    auto r = run_roster({"add-member", "新公司", "--sector", "tourism", "--db", path});
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: '" + path + "' is not a roster database; check --db or $ROSTER_DB\n");
    CHECK(read_file(path) == "name,sectors\nfoo,bar\n");
  }
  SECTION("another program's SQLite file") {
    std::string path = dir.file("other.db");
    REQUIRE(run_program({"sqlite3", path, "CREATE TABLE t(x); INSERT INTO t VALUES (1);"}).code == 0);
    std::string bytes = read_file(path);
    auto r = run_roster({"list", "--db", path});
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: '" + path +
                       "' is not a roster database (it is some other SQLite file); check --db or $ROSTER_DB\n");
    CHECK(read_file(path) == bytes);
  }
}

TEST_CASE("an empty file, a device or a folder given as the database says what it is", "[bad-input][sqlite]") {
  TempDir dir;
  SECTION("an empty file: init makes it a database") {
    std::string path = dir.file("empty.db");
    write_file(path, "");
    for (auto args :
         std::vector<std::vector<std::string>>{{"list"}, {"add-member", "新公司", "--sector", "tourism"}, {"check"}}) {
      args.insert(args.end(), {"--db", path});
      auto r = run_roster(args);
      CHECK(r.code == 1);
      CHECK(r.err == "roster: error: '" + path +
                         "' is empty, not a roster database; create one with `roster init --db " + path + "`\n");
      CHECK(read_file(path).empty());
    }
    auto init = run_roster({"init", "--db", path, "-q"});
    CHECK(init.code == 0);
    CHECK(init.err.empty());
    CHECK(run_roster({"check", "--db", path, "-q"}).code == 0);
  }
  SECTION("a character device") {
    // A node of its own, like /dev/null: were the refusal to fail, the
    // machine's /dev/null would be safe.
    std::string null = dir.file("null");
    REQUIRE(run_program({"mknod", "-m", "666", null, "c", "1", "3"}).code == 0);
    auto r = run_roster({"list", "--db", null});
    CHECK(r.code == 1);
    CHECK(r.err ==
          "roster: error: '" + null + "' is a character device, not a roster database; check --db or $ROSTER_DB\n");
    auto init = run_roster({"init", "--db", null});
    CHECK(init.code == 1);
    CHECK(init.err == "roster: error: '" + null +
                          "' already exists; roster init never overwrites a file (choose another "
                          "--db, or move the old file away first)\n");
    CHECK(std::filesystem::is_character_file(null));
  }
  SECTION("a folder") {
    auto r = run_roster({"list", "--db", dir.path().string()});
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: '" + dir.path().string() +
                       "' is a folder, not a roster database; check --db or $ROSTER_DB\n");
  }
  SECTION("a file that is not empty is not taken over by init") {
    std::string path = dir.file("notes.db");
    write_file(path, "x");
    auto init = run_roster({"init", "--db", path});
    CHECK(init.code == 1);
    CHECK(read_file(path) == "x");
  }
}

TEST_CASE("a database from a newer roster is refused untouched", "[bad-input][sqlite]") {
  DbFixture fx;
  REQUIRE(run_program({"sqlite3", fx.db, "PRAGMA user_version = 99;"}).code == 0);
  std::string bytes = read_file(fx.db);
  for (auto args : std::vector<std::vector<std::string>>{{"list"}, {"add-member", "新公司", "--sector", "tourism"}}) {
    auto r = fx.roster(args);
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: '" + fx.db +
                       "' was written by a newer roster (schema version 99, this roster knows 6); upgrade roster to "
                       "use it\n");
  }
  CHECK(read_file(fx.db) == bytes);
}

TEST_CASE("a read-only database file refuses writes with a clear error and stays as it was", "[bad-input][sqlite]") {
  // Tests run as root, where file modes do not stop writes: the immutable
  // attribute does.
  DbFixture fx;
  REQUIRE(fx.roster({"add-member", "杭州一号有限公司", "--sector", "tourism", "--joined", "2024-01-01", "-q"}).code ==
          0);
  std::string before = dump_database(fx.db);
  auto lock = run_program({"chattr", "+i", fx.db});
  REQUIRE(lock.code == 0);  // a filesystem without attributes would make this test meaningless
  auto r = fx.roster({"add-member", "杭州二号有限公司", "--sector", "tourism", "--as-of", "2026-11-29"});
  auto listing = fx.roster({"list", "--as-of", "2026-11-29"});
  REQUIRE(run_program({"chattr", "-i", fx.db}).code == 0);
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: error: the database '" + fx.db +
                     "' is read-only; nothing was changed (check the file's permissions and attributes, e.g. `lsattr`, "
                     "or work on a copy)\n");
  CHECK(listing.code == 0);  // reading still works
  CHECK(listing.out.find("杭州一号有限公司") != std::string::npos);
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("an empty or blank option value is a usage error, never the default", "[bad-input]") {
  struct Empty {
    std::vector<std::string> args;  // run with --db DB --as-of 2026-11-29 appended
    std::string option;             // as the message names it
    std::string command;            // as the message's hint names it
  };
  const std::string blank = " \u3000 ";  // spaces, one of them ideographic
  const std::vector<Empty> cases = {
      {{"rejoin", "1", "--joined", ""}, "--joined", "rejoin"},
      {{"edit-member", "1", "--tier", ""}, "--tier", "edit-member"},
      {{"edit-member", "1", "--tier", blank}, "--tier", "edit-member"},
      {{"edit-member", "1", "--name", ""}, "--name", "edit-member"},
      {{"edit-member", "1", "--sector", ""}, "--sector", "edit-member"},
      {{"edit-member", "1", "--add-sector", blank}, "--add-sector", "edit-member"},
      {{"edit-member", "1", "--remove-sector", ""}, "--remove-sector", "edit-member"},
      {{"list", "--as-of", ""}, "--as-of", "list"},
      {{"list", "-f", ""}, "--format", "list"},
      {{"list", "--sector", ""}, "--sector", "list"},
      {{"list", "--sector", blank}, "--sector", "list"},
      {{"list", "--tier", ""}, "--tier", "list"},
      {{"list", "--city", ""}, "--city", "list"},
      {{"list", "--search", blank}, "--search", "list"},
      {{"list", "--joined-since", ""}, "--joined-since", "list"},
      {{"list", "--joined-until", ""}, "--joined-until", "list"},
      {{"list", "--limit", ""}, "--limit", "list"},
      {{"add-member", "新公司", "--sector", ""}, "--sector", "add-member"},
      {{"add-member", "新公司", "--sector", "tourism", "--joined", ""}, "--joined", "add-member"},
      {{"add-member", "新公司", "--sector", "tourism", "--tier", blank}, "--tier", "add-member"},
      {{"remove-member", "1", "--left", ""}, "--left", "remove-member"},
      {{"show", "1", "-f", blank}, "--format", "show"},
      {{"history", "--member", ""}, "--member", "history"},
      {{"history", "--since", ""}, "--since", "history"},
      {{"history", "--until", ""}, "--until", "history"},
      {{"history", "--kind", ""}, "--kind", "history"},
      {{"progress", "--as-of", blank}, "--as-of", "progress"},
      {{"sectors", "--since", ""}, "--since", "sectors"},
      {{"sectors", "add", "x", "--name", "", "--name-zh", "某"}, "--name", "sectors add"},
      {{"sectors", "edit", "tourism", "--name-zh", blank}, "--name-zh", "sectors edit"},
      {{"sectors", "edit", "tourism", "--target", ""}, "--target", "sectors edit"},
      {{"goal", "set", "--start", ""}, "--start", "goal set"},
      {{"goal", "set", "--deadline", ""}, "--deadline", "goal set"},
      {{"goal", "set", "--target", ""}, "--target", "goal set"},
      {{"report", "--period", ""}, "--period", "report"},
      {{"report", "--week", ""}, "--week", "report"},
      {{"report", "--month", blank}, "--month", "report"},
      {{"report", "--quarter", ""}, "--quarter", "report"},
      {{"import", "x.csv", "--encoding", ""}, "--encoding", "import"},
      {{"import", "x.csv", "--map", ""}, "--map", "import"},
      {{"import", "x.csv", "--max-errors", ""}, "--max-errors", "import"},
      {{"init", "--association", ""}, "--association", "init"},
      {{"init", "--start", ""}, "--start", "init"},
      {{"init", "--target", blank}, "--target", "init"},
  };
  for (const auto& c : cases) {
    SeededDb fx;
    std::string before = dump_database(fx.db);
    auto args = c.args;
    args.insert(args.end(), {"--as-of", "2026-11-29"});
    if (c.option == "--as-of") args.resize(args.size() - 2);  // the case's own --as-of
    auto r = fx.roster(args);
    INFO(c.command << " " << c.option);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "roster: error: " + c.option +
                       ": the value is empty; give one, or leave the option out (see `roster " + c.command +
                       " --help`)\n");
    CHECK(dump_database(fx.db) == before);
  }
  SECTION("--db given empty") {
    auto r = run_roster({"list", "--db", ""});
    CHECK(r.code == 2);
    CHECK(r.err ==
          "roster: error: --db: the value is empty; give one, or leave the option out (see `roster list --help`)\n");
  }
}

TEST_CASE("'' clears a free-text field: --uscc, --city, --parent and --note of add-member and edit-member",
          "[bad-input]") {
  SeededDb fx;
  REQUIRE(fx.roster({"edit-member", "1", "--city", "杭州", "--note", "备注", "--parent", "集团", "-q"}).code == 0);
  auto edit = fx.roster({"edit-member", "1", "--city", "", "--note", " ", "--parent", "", "--uscc", ""});
  CHECK(edit.code == 0);
  CHECK(edit.err == "roster: updated member #1: uscc, city, parent, note\n");
  auto add = fx.roster({"add-member", "新公司", "--sector", "tourism", "--uscc", "", "--city", "", "--parent", " ",
                        "--note", "", "--as-of", "2026-11-29", "-q"});
  CHECK(add.code == 0);
  CHECK(add.out == "2\n");
  auto removed = fx.roster({"remove-member", "1", "--left", "2026-11-29", "--reason", "", "--as-of", "2026-11-29"});
  CHECK(removed.code == 0);
  auto q = run_program({"sqlite3", fx.db,
                        "SELECT id, coalesce(uscc, 'null'), city, parent, note FROM members ORDER BY id; "
                        "SELECT member_id, left_on, '[' || reason || ']' FROM periods WHERE left_on IS NOT NULL"});
  CHECK(q.out == "1|null|||\n2|null|||\n1|2026-11-29|[]\n");
}

TEST_CASE("a PostgreSQL connection with no server behind it gets one line, and no file is made for it",
          "[bad-input][sqlite]") {
  // A server address is never taken for a path: no folder named
  // "postgresql:" in the working directory, no init saying it was created.
  TempDir dir;
  for (std::string db :
       {"postgresql://secretariat@%2Fnonexistent%2Froster-pg/roster", "postgres:///roster?host=/nonexistent",
        "host=/nonexistent/roster-pg dbname=roster", "dbname=roster user=report host=/nonexistent"}) {
    for (std::string command : {"init", "list"}) {
      // In the temporary folder, through --db and through ROSTER_DB.
      auto flag = run_program({"sh", "-c", "cd \"$1\" && exec \"$2\" \"$3\" --db \"$4\"", "sh", dir.path().string(),
                               roster_bin(), command, db});
      auto env = run_program({"sh", "-c", "cd \"$1\" && ROSTER_DB=\"$4\" exec \"$2\" \"$3\"", "sh", dir.path().string(),
                              roster_bin(), command, db});
      for (const auto& r : {flag, env}) {
        CHECK(r.code == 1);
        CHECK(r.err.starts_with("roster: error: cannot connect to PostgreSQL: "));
        CHECK(r.err.ends_with("; check the connection string, the server and ~/.pgpass\n"));
        CHECK(lines_of(r.err).size() == 1);
      }
    }
  }
  CHECK(std::filesystem::is_empty(dir.path()));
}
