// A database nobody may write: immutable files and folders (chattr +i).
#include <catch2/catch.hpp>

#include "fault_helpers.h"

using namespace roster::test;
using namespace roster::test::fault;

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
