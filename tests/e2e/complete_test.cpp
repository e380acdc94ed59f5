// roster __complete, what the shells' completion scripts ask: commands,
// options and their values from the CLI, sectors and members from the
// database, and never an error or a changed file.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "harness.h"

using namespace roster::test;

namespace {

// The candidates for the last of `words`, asking the roster at `db` (none: the
// environment decides) as `--db DB` before the words.
RunResult complete(std::vector<std::string> words, const std::string& db = "", const Env& env = {}) {
  if (!db.empty()) words.insert(words.begin(), {"--db", db});
  words.insert(words.begin(), "__complete");
  return run_roster(words, "", env);
}

std::string candidates(const std::vector<std::string>& words, const std::string& db = "") {
  RunResult r = complete(words, db);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  return r.out;
}

bool offers(const std::string& out, const std::string& word) {
  auto lines = lines_of(out);
  return std::find(lines.begin(), lines.end(), word) != lines.end();
}

// The files in `folder`, by name.
std::set<std::string> files_in(const std::filesystem::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    names.insert(std::filesystem::relative(entry.path(), folder).string());
  }
  return names;
}

}  // namespace

TEST_CASE("__complete offers the commands, sub-commands and options that start with the word", "[complete]") {
  CHECK(candidates({"li"}) == "list\n");
  CHECK(candidates({"re"}) == "remove-member\nrejoin\nreport\n");
  CHECK(candidates({"--db", "x.db", "-q", "sh"}) == "show\n");  // after global options
  CHECK(candidates({"sectors", ""}) == "add\nedit\nremove\nmerge\n");
  CHECK(candidates({"goal", "s"}) == "set\n");
  CHECK(candidates({"list", "--so"}) == "--sort\n");
  CHECK(candidates({"list", "--st"}) == "--status\n");
  CHECK(candidates({"list", "--status", "all", "--st"}).empty());              // given, and it cannot repeat
  CHECK(candidates({"add-member", "--sector", "x", "--se"}) == "--sector\n");  // it can
  std::string dash = candidates({"add-member", "-"});
  for (const char* option : {"--sector", "-s", "--tier", "--dry-run", "--db", "-f", "--format", "--as-of", "-h"}) {
    CHECK(offers(dash, option));
  }
  CHECK_FALSE(offers(dash, "--status"));  // list's, not add-member's
  std::string all = candidates({""});
  // Every command `roster --help` lists, and nothing else.
  std::string help = run_roster({"--help"}).out;
  std::string listed = help.substr(help.find("Subcommands:"));
  for (const auto& command : lines_of(all)) CHECK(listed.find("\n  " + command + " ") != std::string::npos);
  CHECK(lines_of(all).size() == 22);
  CHECK_FALSE(offers(all, "__complete"));
}

TEST_CASE("__complete is hidden from --help", "[complete]") {
  RunResult help = run_roster({"--help"});
  CHECK(help.code == 0);
  CHECK(help.out.find("list") != std::string::npos);
  CHECK(help.out.find("__complete") == std::string::npos);
  CHECK(help.out.find("complete") == std::string::npos);
}

TEST_CASE("__complete offers the formats the command offers, and each option's fixed values", "[complete]") {
  CHECK(candidates({"list", "-f", ""}) == "table\ntsv\ncsv\njson\njsonl\n");
  CHECK(candidates({"show", "--format", ""}) == "table\njson\n");  // no tsv: show has none
  CHECK(candidates({"show", "-f", "t"}) == "table\n");
  std::string report = candidates({"report", "-f", ""});
  CHECK(offers(report, "html"));
  CHECK(offers(report, "chat"));
  CHECK_FALSE(offers(report, "tsv"));
  CHECK(candidates({"import", "-f", ""}) == "csv\ntsv\njson\njsonl\n");
  CHECK(candidates({"export", "--format=j"}) == "--format=json\n--format=jsonl\n");
  CHECK(candidates({"-f", ""}) == "table\ntsv\ncsv\njson\njsonl\nmarkdown\nhtml\ntext\nchat\n");  // no command yet
  CHECK(candidates({"init", "-f", ""}).empty());  // -f means nothing to init
  CHECK(candidates({"--color", ""}) == "auto\nalways\nnever\n");
  CHECK(candidates({"list", "--lang", ""}) == "zh\nen\n");
  CHECK(candidates({"list", "--status", ""}) == "active\nleft\nall\n");
  CHECK(candidates({"list", "--sort", "j"}) == "joined\n");
  CHECK(candidates({"export", "--headers", ""}) == "en\nzh\n");
  CHECK(candidates({"report", "--period", ""}) == "week\nmonth\nquarter\n");
  CHECK(candidates({"language", ""}) == "zh\nen\nauto\n");
  CHECK(candidates({"list", "--tier", ""}) ==
        "president\nvice-president\ncouncil\nmember\n会长单位\n副会长单位\n理事单位\n会员单位\n");
  CHECK(candidates({"add-member", "X", "--tier", "副"}) == "副会长单位\n");
  CHECK(candidates({"edit-member", "X", "--tier", "Council"}) == "council\n");  // by name key
  // Dates and files: nothing, so the shell offers file names.
  for (auto words : std::vector<std::vector<std::string>>{{"list", "--as-of", ""},
                                                          {"--db", ""},
                                                          {"import", ""},
                                                          {"backup", ""},
                                                          {"export", ""},
                                                          {"init", "--start", ""}}) {
    CHECK(candidates(words).empty());
  }
}

TEST_CASE("__complete offers sector codes and names from the database, by Chinese or English prefix", "[complete]") {
  DbFixture fx;
  CHECK(candidates({"list", "--sector", "文"}, fx.db) == "文化旅游\n文化娱乐\n");
  CHECK(candidates({"list", "--sector=文化旅"}, fx.db) == "--sector=文化旅游\n");
  CHECK(candidates({"list", "--sector", "tour"}, fx.db) == "tourism\n");
  CHECK(candidates({"list", "--sector", "Media a"}, fx.db) == "Media and content\n");
  CHECK(candidates({"list", "--sector", "media a"}, fx.db) == "Media and content\n");  // any case
  std::string all = candidates({"add-member", "X", "-s", ""}, fx.db);
  for (const char* word : {"tourism", "文化旅游", "Tourism", "healthcare", "医疗健康", "Healthcare", "other", "其他"}) {
    CHECK(offers(all, word));
  }
  CHECK(lines_of(all).size() == 33);  // 11 codes, 11 Chinese names, 11 English names
  CHECK(candidates({"edit-member", "X", "--add-sector", "医"}, fx.db) == "医疗健康\n");
  CHECK(candidates({"edit-member", "X", "--remove-sector", "e-"}, fx.db) == "e-commerce\n");
  CHECK(candidates({"sectors", "edit", "tele"}, fx.db) == "telecom\n");
  CHECK(candidates({"sectors", "edit", "Tele"}, fx.db) == "Telecommunications\n");
  CHECK(candidates({"sectors", "merge", "tourism", "文化娱"}, fx.db) == "文化娱乐\n");
  CHECK(candidates({"sectors", "merge", "tourism", "entertainment", ""}, fx.db).empty());  // both given

  REQUIRE(fx.roster({"sectors", "add", "smart-city", "--name", "Smart city", "--name-zh", "智慧城市", "-q"}).code == 0);
  CHECK(candidates({"list", "--sector", "智"}, fx.db) == "智能制造\n智慧城市\n");
}

TEST_CASE("__complete offers member names for a REF, present and former, by prefix", "[complete]") {
  DbFixture fx;
  for (const char* name : {"Blue Harbor Digital Co., Ltd.", "O'Brien Trading", "杭州云栖数字科技有限公司",
                           "杭州西溪文化旅游有限公司", "Bluebird"}) {
    REQUIRE(fx.roster({"add-member", name, "--sector", "tourism", "--joined", "2024-01-02", "-q"}).code == 0);
  }
  REQUIRE(fx.roster({"remove-member", "Bluebird", "--left", "2024-06-01", "-q"}).code == 0);
  CHECK(candidates({"show", "Blue"}, fx.db) == "Blue Harbor Digital Co., Ltd.\nBluebird\n");
  CHECK(candidates({"show", "blue "}, fx.db) == "Blue Harbor Digital Co., Ltd.\n");  // the space counts
  CHECK(candidates({"edit-member", "O'"}, fx.db) == "O'Brien Trading\n");
  CHECK(candidates({"remove-member", "杭州"}, fx.db) == "杭州云栖数字科技有限公司\n杭州西溪文化旅游有限公司\n");
  CHECK(candidates({"rejoin", "杭州西"}, fx.db) == "杭州西溪文化旅游有限公司\n");
  CHECK(candidates({"rejoin", "Bluebi"}, fx.db) == "Bluebird\n");  // a former member
  CHECK(candidates({"history", "--member", "o"}, fx.db) == "O'Brien Trading\n");
  CHECK(lines_of(candidates({"show", ""}, fx.db)).size() == 5);
  CHECK(candidates({"show", "Blue Harbor Digital Co., Ltd.", ""}, fx.db).empty());  // REF given: nothing more
  CHECK(candidates({"show", "Nobody"}, fx.db).empty());
  CHECK(candidates({"add-member", "Blue"}, fx.db).empty());  // a new name, not a REF
}

TEST_CASE("__complete offers at most 200 member names", "[complete]") {
  DbFixture fx;
  std::string csv = "name,sectors,joined\n";
  for (int i = 0; i < 250; ++i) csv += "Member " + std::to_string(1000 + i) + ",other,2024-01-02\n";
  REQUIRE(fx.roster({"import", "-", "-q"}, csv).code == 0);
  auto names = lines_of(candidates({"show", "Member"}, fx.db));
  REQUIRE(names.size() == 200);
  CHECK(names.front() == "Member 1000");
  CHECK(names.back() == "Member 1199");
  CHECK(lines_of(candidates({"show", "Member 12"}, fx.db)).size() == 50);
}

TEST_CASE("__complete reads the database --db or ROSTER_DB names", "[complete][sqlite]") {
  DbFixture first, second;
  REQUIRE(first.roster({"add-member", "First Co.", "--sector", "other", "-q"}).code == 0);
  REQUIRE(second.roster({"add-member", "Second Co.", "--sector", "other", "-q"}).code == 0);
  CHECK(candidates({"--db", first.db, "show", ""}) == "First Co.\n");
  CHECK(candidates({"--db=" + second.db, "show", ""}) == "Second Co.\n");
  CHECK(candidates({"show", "--db", second.db, ""}) == "Second Co.\n");  // after the command, too
  RunResult from_env = complete({"show", ""}, "", {{"ROSTER_DB", first.db}});
  CHECK(from_env.out == "First Co.\n");
  RunResult overridden = complete({"--db", second.db, "show", ""}, "", {{"ROSTER_DB", first.db}});
  CHECK(overridden.out == "Second Co.\n");
  TempDir home;  // the default, under $XDG_DATA_HOME
  std::filesystem::create_directories(home / "roster");
  std::filesystem::copy_file(first.db, home / "roster/roster.db");
  RunResult by_default = complete({"show", ""}, "", {{"ROSTER_DB", ""}, {"XDG_DATA_HOME", home.path().string()}});
  CHECK(by_default.out == "First Co.\n");
}

TEST_CASE("__complete on a missing or foreign database offers no data, says nothing and creates nothing",
          "[complete]") {
  TempDir dir;
  Env no_db = {{"ROSTER_DB", ""}, {"XDG_DATA_HOME", ""}, {"HOME", dir.path().string()}};
  for (auto words : std::vector<std::vector<std::string>>{{"list", "--sector", ""}, {"show", ""}, {"li"}}) {
    RunResult by_default = complete(words, "", no_db);
    CHECK(by_default.code == 0);
    CHECK(by_default.err.empty());
    RunResult missing = complete(words, dir.file("missing.db"));
    CHECK(missing.code == 0);
    CHECK(missing.err.empty());
    CHECK(missing.out == by_default.out);
  }
  CHECK(complete({"show", ""}, dir.file("missing.db")).out.empty());
  CHECK(complete({"li"}, dir.file("missing.db")).out == "list\n");  // the CLI still completes
  CHECK(dir.entries() == 0);                                        // no database, no ~/.local/share/roster

  write_file(dir / "notes.txt", "not a database\n");
  RunResult foreign = complete({"list", "--sector", ""}, dir.file("notes.txt"));
  CHECK(foreign.code == 0);
  CHECK(foreign.out.empty());
  CHECK(foreign.err.empty());
  CHECK(read_file(dir / "notes.txt") == "not a database\n");
}

TEST_CASE("__complete leaves a database and its folder exactly as they were", "[complete][sqlite]") {
  DbFixture fx;
  REQUIRE(fx.roster({"add-member", "Blue Harbor", "--sector", "other", "-q"}).code == 0);
  auto files = files_in(fx.dir.path());
  auto modified = std::filesystem::last_write_time(fx.db);
  std::string before = dump_database(fx.db);  // (sqlite3 -readonly leaves a -wal and -shm)
  CHECK(candidates({"show", "B"}, fx.db) == "Blue Harbor\n");
  CHECK(candidates({"list", "--sector", "o"}, fx.db) == "other\n");
  CHECK(dump_database(fx.db) == before);
  CHECK(candidates({"show", "B"}, fx.db) == "Blue Harbor\n");  // once more, after sqlite3's read
  CHECK(files_in(fx.dir.path()) == files);                     // no -wal or -shm left behind
  CHECK(std::filesystem::last_write_time(fx.db) == modified);
}

TEST_CASE("__complete always exits 0, silently, whatever the words", "[complete]") {
  DbFixture fx;
  for (auto words : std::vector<std::vector<std::string>>{{},
                                                          {"--bogus", ""},
                                                          {"nonsense", "words", ""},
                                                          {"list", "--sector"},
                                                          {"list", "--limit", "x", "--sector", "="},
                                                          {"show", "\xff"},
                                                          {"list", "--sector", "\xff\xfe"},
                                                          {"--", "-"},
                                                          {"-fjson", "list", "-qf", ""}}) {
    RunResult r = complete(words, fx.db);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
  }
  CHECK(candidates({}) == candidates({""}));                                      // no word: the first
  CHECK(candidates({"list", "--sector", "=", "文化旅"}, fx.db) == "文化旅游\n");  // bash split --sector=文化旅
  CHECK(candidates({"list", "--sector", "="}, fx.db).find("tourism\n") != std::string::npos);
}
