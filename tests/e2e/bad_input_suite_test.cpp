// A table of bad inputs across every command, as a new user and an attacker
// would type them. Each must be refused with the right exit code and a short
// stderr (one `roster: error:` line, after one FILE:LINE line per bad row for
// import), no raw control, bidi or zero-width character in that stderr, no
// "internal error", nothing on stdout, and the database byte-identical:
// the same .dump and, after a checkpoint, the same file bytes.
// bad_input_test.cpp holds the exact wording of the commonest refusals.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "harness.h"

using namespace roster::test;
namespace fs = std::filesystem;

namespace {

// A file's content that asks for a FIFO in its place. (The suite never aims
// at /dev/null itself: a regression would replace the machine's device.)
const std::string kFifo = "<fifo>";

struct Case {
  std::string what;
  std::vector<std::string> args;  // {db} and {dir} are replaced; --db DB --as-of 2026-11-29 appended
  int code = 1;
  std::map<std::string, std::string> files = {};  // written into the folder before the run
  std::string input = "";                         // stdin
  int row_lines = 0;                              // FILE:LINE lines before the error line (import)
};

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

// A raw C0/C1 control (other than the final newline of each line), a bidi
// control or a zero-width character: anything a terminal would act on or hide.
std::string first_hidden_character(const std::string& text) {
  static const std::vector<std::string> hidden = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066",
                                                  "\u2067", "\u2068", "\u2069", "\u200b", "\u200c", "\u200d",
                                                  "\u2060", "\ufeff", "\u200e", "\u200f"};
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n') || c == 0x7f) return "byte " + std::to_string(c);
  }
  if (text.find("\xc2\x80") != std::string::npos) return "C1 control";
  for (const auto& h : hidden) {
    if (text.find(h) != std::string::npos) return "invisible character";
  }
  return "";
}

// The database as the suite compares it: sqlite3's .dump after a full
// checkpoint, and then the file's bytes.
struct DbState {
  std::string dump;
  std::string bytes;
  bool operator==(const DbState&) const = default;
};

DbState state_of(const std::string& db) {
  run_program({"sqlite3", db, "PRAGMA wal_checkpoint(TRUNCATE);"});
  return {dump_database(db), read_file(db)};
}

// Three members: #1 active in tourism with a USCC, #2 left, #3 a council
// member in education; and a history.
struct SuiteDb : DbFixture {
  SuiteDb() {
    const std::vector<std::vector<std::string>> steps = {
        {"add-member", "杭州星云（杭州）数字科技有限公司", "--sector", "tourism", "--uscc", "91310110666007217T",
         "--joined", "2024-01-10"},
        {"add-member", "宁波海风电子商务有限公司", "--sector", "e-commerce", "--joined", "2023-07-15"},
        {"remove-member", "2", "--left", "2024-06-30", "--reason", "moved away"},
        {"add-member", "温州示例教育科技有限公司", "--sector", "education", "--tier", "council", "--joined",
         "2023-08-01"},
    };
    for (auto args : steps) {
      args.insert(args.end(), {"-q", "--as-of", "2026-11-29"});
      auto r = roster(args);
      if (r.code != 0) throw std::runtime_error(r.err);
    }
  }
};

void run_cases(const std::vector<Case>& cases) {
  // The database is seeded once (a SECTION would rebuild it per case); each
  // case runs on a fresh copy, so a case that wrongly changed it cannot
  // disturb the next, and compares that copy just before and after its run.
  SuiteDb fx;
  state_of(fx.db);  // checkpointed: the whole database is in the main file
  const std::string seeded = fx.db;
  for (const auto& c : cases) {
    {
      INFO("case: " << c.what);
      const std::string db = fx.dir.file("case.db");
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
      fs::copy_file(seeded, db);
      for (const auto& [name, content] : c.files) {
        fs::path path = fx.dir.path() / name;
        fs::create_directories(path.parent_path());
        if (content == kFifo) {
          if (!fs::exists(path) && mkfifo(path.c_str(), 0600) != 0) FAIL("mkfifo " << path);
        } else {
          write_file(path, content);
        }
      }
      std::vector<std::string> args;
      bool has_db = false;
      for (const auto& a : c.args) {
        args.push_back(replace_all(replace_all(a, "{db}", db), "{dir}", fx.dir.path().string()));
        has_db = has_db || a == "--db";
      }
      if (!has_db) args.insert(args.end(), {"--db", db});
      args.insert(args.end(), {"--as-of", "2026-11-29"});
      DbState before = state_of(db);
      auto r = run_roster(args, c.input);
      INFO("roster " << Catch::Detail::stringify(args) << "\nexit " << r.code << "\nstdout: " << r.out
                     << "\nstderr: " << r.err);
      CHECK(r.code == c.code);
      CHECK(r.out.empty());
      auto lines = lines_of(r.err);
      CHECK(lines.size() == static_cast<size_t>(c.row_lines) + 1);
      CHECK(r.err.ends_with("\n"));
      if (!lines.empty()) CHECK(lines.back().starts_with("roster: error: "));
      CHECK(first_hidden_character(r.err) == "");
      CHECK(r.err.find("internal error") == std::string::npos);
      CHECK(state_of(db) == before);
    }
  }
}

const std::string kAsOfLater = "2026-11-30";  // a day after the suite's --as-of
const std::string kCsvHead = "name,sectors,joined\n";

std::string long_name(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += "长";
  return s;
}

}  // namespace

TEST_CASE("bad input suite: add-member refuses every bad value and changes nothing", "[bad-input][suite][sqlite]") {
  auto add = [](std::vector<std::string> extra) {
    std::vector<std::string> args = {"add-member"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  run_cases({
      {"empty name", add({"", "--sector", "tourism"})},
      {"blank name (ideographic space)", add({" \u3000 ", "--sector", "tourism"})},
      {"name of 201 characters", add({long_name(201), "--sector", "tourism"})},
      {"name with BEL", add({"杭州\x07公司", "--sector", "tourism"})},
      {"name with ESC colour sequence", add({"\x1b[31m杭州公司\x1b[0m", "--sector", "tourism"})},
      {"name with OSC title sequence", add({"\x1b]0;pwned\x07杭州公司", "--sector", "tourism"})},
      {"name with a line break", add({"杭州\n公司", "--sector", "tourism"})},
      {"name with a carriage return", add({"杭州公司\r伪造", "--sector", "tourism"})},
      {"name with a tab", add({"杭州\t公司", "--sector", "tourism"})},
      {"name with DEL", add({"杭州\x7f公司", "--sector", "tourism"})},
      {"name with a C1 control", add({"杭州\xc2\x85公司", "--sector", "tourism"})},
      {"name with invalid UTF-8", add({"\xff\xfe公司", "--sector", "tourism"})},
      {"name with a truncated UTF-8 sequence", add({"公司\xe6\x9d", "--sector", "tourism"})},
      {"name with an overlong UTF-8 encoding", add({"\xc0\xaf公司", "--sector", "tourism"})},
      {"name with a right-to-left override", add({"杭州\u202e司公", "--sector", "tourism"})},
      {"name with a left-to-right isolate", add({"杭州\u2066公司", "--sector", "tourism"})},
      {"name with a zero-width space", add({"杭州星云\u200b数字公司", "--sector", "tourism"})},
      {"name with a zero-width joiner", add({"杭州\u200d公司", "--sector", "tourism"})},
      {"name with a byte-order mark inside", add({"杭州\ufeff公司", "--sector", "tourism"})},
      {"name of zero-width spaces only", add({"\u200b\u200b", "--sector", "tourism"})},
      {"existing name with a zero-width space", add({"杭州星云（杭州）\u200b数字科技有限公司", "--sector", "tourism"})},
      {"existing name in ASCII brackets and spaces",
       add({" 杭州星云(杭州)数字科技有限公司 ", "--sector", "education"})},
      {"existing name of a member who left", add({"宁波海风电子商务有限公司", "--sector", "e-commerce"})},
      {"unknown sector", add({"新公司", "--sector", "mining"})},
      {"empty sector", add({"新公司", "--sector", ""}), 2},
      {"blank sector", add({"新公司", "--sector", "  "}), 2},
      {"sector with ESC", add({"新公司", "--sector", "\x1b[2Jtourism"})},
      {"second sector unknown", add({"新公司", "--sector", "tourism", "--sector", "mining"})},
      {"no sector", add({"新公司"}), 2},
      {"USCC with a bad check character", add({"新公司", "--sector", "tourism", "--uscc", "91110000600037341N"})},
      {"USCC with a letter I", add({"新公司", "--sector", "tourism", "--uscc", "9111000060003IOZSV"})},
      {"USCC too short", add({"新公司", "--sector", "tourism", "--uscc", "9131011066600721"})},
      {"USCC too long", add({"新公司", "--sector", "tourism", "--uscc", "91310110666007217TX"})},
      {"USCC of another member in lower case", add({"新公司", "--sector", "tourism", "--uscc", "91310110666007217t"})},
      {"USCC with a control character", add({"新公司", "--sector", "tourism", "--uscc", "9131011066600721\x1b"})},
      {"impossible date 2023-02-30", add({"新公司", "--sector", "tourism", "--joined", "2023-02-30"})},
      {"month 13", add({"新公司", "--sector", "tourism", "--joined", "2023-13-01"})},
      {"day 0", add({"新公司", "--sector", "tourism", "--joined", "2023-01-00"})},
      {"29 February of a common year", add({"新公司", "--sector", "tourism", "--joined", "2023-02-29"})},
      {"date as a word", add({"新公司", "--sector", "tourism", "--joined", "yesterday"})},
      {"date in the future", add({"新公司", "--sector", "tourism", "--joined", kAsOfLater})},
      {"date before 1900", add({"新公司", "--sector", "tourism", "--joined", "1899-12-31"})},
      {"date with a five-digit year", add({"新公司", "--sector", "tourism", "--joined", "20230-01-01"})},
      {"empty joined date", add({"新公司", "--sector", "tourism", "--joined", ""}), 2},
      {"unknown tier", add({"新公司", "--sector", "tourism", "--tier", "boss"})},
      {"empty tier", add({"新公司", "--sector", "tourism", "--tier", ""}), 2},
      {"city with ESC", add({"新公司", "--sector", "tourism", "--city", "杭州\x1b[8m"})},
      {"parent with a line break", add({"新公司", "--sector", "tourism", "--parent", "集团\n伪造"})},
      {"note with BEL", add({"新公司", "--sector", "tourism", "--note", "备注\x07"})},
      {"note with invalid UTF-8", add({"新公司", "--sector", "tourism", "--note", "\xfe"})},
      {"unknown option", add({"新公司", "--sector", "tourism", "--colour", "red"}), 2},
      {"two names", add({"新公司", "另一公司", "--sector", "tourism"}), 2},
  });
}

TEST_CASE("bad input suite: edit-member refuses every bad value and changes nothing", "[bad-input][suite][sqlite]") {
  run_cases({
      {"no member given", {"edit-member", "--city", "杭州"}, 2},
      {"empty member reference", {"edit-member", "", "--city", "杭州"}, 2},
      {"unknown id", {"edit-member", "999", "--city", "杭州"}},
      {"unknown name", {"edit-member", "不存在的公司", "--city", "杭州"}},
      {"reference with ESC", {"edit-member", "\x1b[31m1", "--city", "杭州"}},
      {"new name empty", {"edit-member", "1", "--name", ""}, 2},
      {"new name with control character", {"edit-member", "1", "--name", "新\x07名"}},
      {"new name with bidi override", {"edit-member", "1", "--name", "新\u202e名"}},
      {"new name with zero-width space", {"edit-member", "1", "--name", "新\u200b名"}},
      {"new name taken by another member", {"edit-member", "1", "--name", "温州示例教育科技有限公司"}},
      {"new name over 200 characters", {"edit-member", "1", "--name", long_name(201)}},
      {"bad USCC", {"edit-member", "3", "--uscc", "91110000600037341N"}},
      {"USCC of another member", {"edit-member", "3", "--uscc", "91310110666007217T"}},
      {"unknown sector", {"edit-member", "1", "--sector", "mining"}},
      {"empty sector", {"edit-member", "1", "--sector", ""}, 2},
      {"add an unknown sector", {"edit-member", "1", "--add-sector", "mining"}},
      {"remove the only sector", {"edit-member", "1", "--remove-sector", "tourism"}},
      {"unknown tier", {"edit-member", "3", "--tier", "chairman"}},
      {"empty tier", {"edit-member", "3", "--tier", ""}, 2},
      {"blank tier", {"edit-member", "3", "--tier", "   "}, 2},
      {"city with ESC", {"edit-member", "1", "--city", "\x1b]8;;http://x\x07杭州"}},
      {"note with invalid UTF-8", {"edit-member", "1", "--note", "\xc3\x28"}},
      {"unknown option", {"edit-member", "1", "--joined", "2024-01-01"}, 2},
  });
}

TEST_CASE("bad input suite: remove-member and rejoin refuse every bad value and change nothing",
          "[bad-input][suite][sqlite]") {
  run_cases({
      {"remove without --left", {"remove-member", "1"}, 2},
      {"remove with empty --left", {"remove-member", "1", "--left", ""}, 2},
      {"remove with impossible date", {"remove-member", "1", "--left", "2024-02-30"}, 2},
      {"remove before joining", {"remove-member", "1", "--left", "2023-12-31"}},
      {"remove in the future", {"remove-member", "1", "--left", kAsOfLater}},
      {"remove a member who already left", {"remove-member", "2", "--left", "2025-01-01"}},
      {"remove an unknown member", {"remove-member", "999", "--left", "2025-01-01"}},
      {"remove with a reason holding ESC", {"remove-member", "1", "--left", "2025-01-01", "--reason", "\x1b[2J"}},
      {"remove with a reason holding invalid UTF-8",
       {"remove-member", "1", "--left", "2025-01-01", "--reason", "\xff"}},
      {"purge with --left", {"remove-member", "1", "--purge", "--yes", "--left", "2025-01-01"}, 2},
      {"purge without --yes and no terminal", {"remove-member", "1", "--purge"}, 2},
      {"rejoin an active member", {"rejoin", "1", "--joined", "2025-01-01"}},
      {"rejoin before leaving", {"rejoin", "2", "--joined", "2024-06-01"}},
      {"rejoin with empty --joined", {"rejoin", "2", "--joined", ""}, 2},
      {"rejoin with impossible date", {"rejoin", "2", "--joined", "2025-04-31"}, 2},
      {"rejoin in the future", {"rejoin", "2", "--joined", kAsOfLater}},
      {"rejoin an unknown member", {"rejoin", "999", "--joined", "2025-01-01"}},
      {"rejoin with no member", {"rejoin", "--joined", "2025-01-01"}, 2},
  });
}

TEST_CASE("bad input suite: read commands refuse bad options and change nothing", "[bad-input][suite][sqlite]") {
  run_cases({
      {"list --limit too large for any integer", {"list", "--limit", "99999999999999999999"}, 2},
      {"list --limit a word", {"list", "--limit", "abc"}, 2},
      {"list --limit 0", {"list", "--limit", "0"}, 2},
      {"list --limit negative", {"list", "--limit", "-3"}, 2},
      {"list --limit empty", {"list", "--limit", ""}, 2},
      {"list --sector empty", {"list", "--sector", ""}, 2},
      {"list --sector unknown", {"list", "--sector", "mining"}, 2},
      {"list --tier unknown", {"list", "--tier", "boss"}, 2},
      {"list --tier empty", {"list", "--tier", ""}, 2},
      {"list --status unknown", {"list", "--status", "gone"}, 2},
      {"list --sort unknown", {"list", "--sort", "size"}, 2},
      {"list --joined-since impossible", {"list", "--joined-since", "2024-02-30"}, 2},
      {"list --joined-until a word", {"list", "--joined-until", "soon"}, 2},
      {"list --joined-since empty", {"list", "--joined-since", ""}, 2},
      {"list --search empty", {"list", "--search", ""}, 2},
      {"list -f unknown", {"list", "-f", "xml"}, 2},
      {"list -f empty", {"list", "-f", ""}, 2},
      {"list -f html", {"list", "-f", "html"}, 2},
      {"list --color sometimes", {"list", "--color", "sometimes"}, 2},
      {"list --as-of empty", {"list", "--as-of", ""}, 2},
      {"list --as-of impossible", {"list", "--as-of", "2023-13-01"}, 2},
      {"list with a stray argument", {"list", "everything"}, 2},
      {"show unknown member", {"show", "999"}},
      {"show empty reference", {"show", ""}, 2},
      {"show with no reference", {"show"}, 2},
      {"show a name with ESC", {"show", "\x1b[31m杭州"}},
      {"progress -f csv", {"progress", "-f", "csv"}, 2},
      {"progress -f html", {"progress", "-f", "html"}, 2},
      {"progress with a stray argument", {"progress", "now"}, 2},
      {"sectors --since impossible", {"sectors", "--since", "2024-02-30"}, 2},
      {"sectors --since after --as-of", {"sectors", "--since", kAsOfLater}, 2},
      {"sectors --since empty", {"sectors", "--since", ""}, 2},
      {"sectors -f html", {"sectors", "-f", "html"}, 2},
      {"history --member unknown", {"history", "--member", "999"}},
      {"history --member empty", {"history", "--member", ""}, 2},
      {"history --since impossible", {"history", "--since", "2025-02-29"}, 2},
      {"history --until a word", {"history", "--until", "tomorrow"}, 2},
      {"history --since empty", {"history", "--since", ""}, 2},
      {"history --kind empty", {"history", "--kind", ""}, 2},
      {"history -f html", {"history", "-f", "html"}, 2},
      {"unknown command", {"delete-everything"}, 2},
      {"unknown command with ESC", {"\x1b[2Jlist"}, 2},
  });
}

TEST_CASE("bad input suite: report refuses bad periods and formats and changes nothing", "[bad-input][suite][sqlite]") {
  run_cases({
      {"week 53 of a 52-week year", {"report", "--week", "2025-W53"}, 2},
      {"week 0", {"report", "--week", "2024-W00"}, 2},
      {"week without W", {"report", "--week", "2024-10"}, 2},
      {"week empty", {"report", "--week", ""}, 2},
      {"month 13", {"report", "--month", "2024-13"}, 2},
      {"month 00", {"report", "--month", "2024-00"}, 2},
      {"month as a word", {"report", "--month", "March"}, 2},
      {"month empty", {"report", "--month", ""}, 2},
      {"quarter 5", {"report", "--quarter", "2024-Q5"}, 2},
      {"quarter empty", {"report", "--quarter", ""}, 2},
      {"period year", {"report", "--period", "year"}, 2},
      {"period empty", {"report", "--period", ""}, 2},
      {"week and month at once", {"report", "--week", "2024-W10", "--month", "2024-03"}, 2},
      {"a week after --as-of", {"report", "--week", "2026-W50"}, 2},
      {"report -f csv", {"report", "-f", "csv"}, 2},
      {"report -f table", {"report", "-f", "table"}, 2},
  });
}

TEST_CASE("bad input suite: goal, sectors and init refuse bad values and change nothing",
          "[bad-input][suite][sqlite]") {
  run_cases({
      {"goal set with nothing to set", {"goal", "set"}, 2},
      {"goal set --target 0", {"goal", "set", "--target", "0"}, 2},
      {"goal set --target negative", {"goal", "set", "--target", "-5"}, 2},
      {"goal set --target a word", {"goal", "set", "--target", "many"}, 2},
      {"goal set --target beyond any integer", {"goal", "set", "--target", "99999999999999999999"}, 2},
      {"goal set --target of a billion", {"goal", "set", "--target", "1000000000"}, 2},
      {"goal set --target empty", {"goal", "set", "--target", ""}, 2},
      {"goal set --deadline impossible", {"goal", "set", "--deadline", "2025-02-30"}, 2},
      {"goal set --deadline before start", {"goal", "set", "--deadline", "2023-01-01"}, 2},
      {"goal set --start after deadline", {"goal", "set", "--start", "2026-01-01"}, 2},
      {"goal set --deadline empty", {"goal", "set", "--deadline", ""}, 2},
      {"goal set --association with ESC", {"goal", "set", "--association", "\x1b]0;x\x07协会"}},
      {"goal set --association with a bidi override", {"goal", "set", "--association", "协会\u202e"}},
      {"goal set --association empty", {"goal", "set", "--association", ""}, 2},
      {"goal set --association of 201 characters", {"goal", "set", "--association", long_name(201)}},
      {"goal set --association with invalid UTF-8", {"goal", "set", "--association", "\xff协会"}},
      {"sectors add an existing code", {"sectors", "add", "tourism", "--name", "Tourism", "--name-zh", "旅游"}},
      {"sectors add without a Chinese name", {"sectors", "add", "mining", "--name", "Mining"}, 2},
      {"sectors add with an empty code", {"sectors", "add", "", "--name", "X", "--name-zh", "某"}},
      {"sectors add a code with spaces", {"sectors", "add", "deep mining", "--name", "Mining", "--name-zh", "采矿"}},
      {"sectors add a name with ESC", {"sectors", "add", "mining", "--name", "\x1b[31mMining", "--name-zh", "采矿"}},
      {"sectors add a Chinese name with a zero-width space",
       {"sectors", "add", "mining", "--name", "Mining", "--name-zh", "采\u200b矿"}},
      {"sectors add a negative target",
       {"sectors", "add", "mining", "--name", "Mining", "--name-zh", "采矿", "--target", "-1"},
       2},
      {"sectors add the English name of another sector",
       {"sectors", "add", "travel", "--name", "Tourism", "--name-zh", "旅行"}},
      {"sectors edit an unknown sector", {"sectors", "edit", "mining", "--name", "Mining"}},
      {"sectors edit with nothing to change", {"sectors", "edit", "tourism"}, 2},
      {"sectors edit --key with --not-key", {"sectors", "edit", "tourism", "--key", "--not-key"}, 2},
      {"sectors edit a name to empty", {"sectors", "edit", "tourism", "--name", ""}, 2},
      {"sectors remove a sector members are in", {"sectors", "remove", "tourism"}},
      {"sectors remove an unknown sector", {"sectors", "remove", "mining"}},
      {"sectors merge into an unknown sector", {"sectors", "merge", "tourism", "mining"}},
      {"sectors merge a sector into itself", {"sectors", "merge", "tourism", "tourism"}},
      {"init over an existing database", {"init"}},
      {"init over an existing database with another target", {"init", "--target", "300"}},
  });
}

TEST_CASE("bad input suite: import refuses bad files whole and changes nothing", "[bad-input][suite][sqlite]") {
  const std::string good_row = "新成员公司,tourism,2024-05-01\n";
  auto csv = [&](const std::string& bad_row) { return kCsvHead + good_row + bad_row; };
  run_cases({
      {"missing file", {"import", "{dir}/missing.csv"}},
      {"a folder named like a CSV file", {"import", "{dir}/folder.csv"}, 1, {{"folder.csv/.keep", ""}}},
      {"an empty file", {"import", "{dir}/empty.csv"}, 1, {{"empty.csv", ""}}},
      {"an Excel workbook",
       {"import", "{dir}/members.xlsx"},
       1,
       {{"members.xlsx", std::string("PK\x03\x04\x14\0\0\0", 8)}}},
      {"UTF-16 with a byte-order mark",
       {"import", "{dir}/u16.csv"},
       1,
       {{"u16.csv", std::string("\xff\xfen\0a\0m\0e\0\n\0", 12)}}},
      {"UTF-16 without a byte-order mark",
       {"import", "{dir}/u16b.csv"},
       1,
       {{"u16b.csv", std::string("n\0a\0m\0e\0,\0s\0\n\0", 14)}}},
      {"no name column", {"import", "{dir}/noname.csv"}, 1, {{"noname.csv", "company,sectors\nX,tourism\n"}}},
      {"a column twice", {"import", "{dir}/twice.csv"}, 1, {{"twice.csv", "name,name,sectors\nA,B,tourism\n"}}},
      {"name and 单位名称 both",
       {"import", "{dir}/both.csv"},
       1,
       {{"both.csv", "name,单位名称,sectors\nA,B,tourism\n"}}},
      {"an unknown column",
       {"import", "{dir}/extra.csv"},
       1,
       {{"extra.csv", "name,sectors,备用字段\nA公司,tourism,张三\n"}}},
      {"an unknown --encoding", {"import", "{dir}/ok.csv", "--encoding", "ebcdic"}, 2, {{"ok.csv", csv("")}}},
      {"an empty --encoding", {"import", "{dir}/ok.csv", "--encoding", ""}, 2, {{"ok.csv", csv("")}}},
      {"a --map without =", {"import", "{dir}/ok.csv", "--map", "公司"}, 2, {{"ok.csv", csv("")}}},
      {"a --map to an unknown column", {"import", "{dir}/ok.csv", "--map", "name=company"}, 2, {{"ok.csv", csv("")}}},
      {"--max-errors a word", {"import", "{dir}/ok.csv", "--max-errors", "all"}, 2, {{"ok.csv", csv("")}}},
      {"invalid UTF-8 in a cell",
       {"import", "{dir}/bad.csv"},
       1,
       {{"bad.csv", csv("\xff\xfe公司,tourism,2024-01-01\n")}}},
      {"a control character in a name",
       {"import", "{dir}/bad.csv"},
       1,
       {{"bad.csv", csv("杭州\x1b[31m公司,tourism,2024-01-01\n")}},
       "",
       1},
      {"a bidi override in a name",
       {"import", "{dir}/bad.csv"},
       1,
       {{"bad.csv", csv("杭州\u202e公司,tourism,2024-01-01\n")}},
       "",
       1},
      {"a zero-width space in a name",
       {"import", "{dir}/bad.csv"},
       1,
       {{"bad.csv", csv("杭州\u200b公司,tourism,2024-01-01\n")}},
       "",
       1},
      {"an empty name", {"import", "{dir}/bad.csv"}, 1, {{"bad.csv", csv(",tourism,2024-01-01\n")}}, "", 1},
      {"an unknown sector", {"import", "{dir}/bad.csv"}, 1, {{"bad.csv", csv("甲公司,mining,2024-01-01\n")}}, "", 1},
      {"an impossible date", {"import", "{dir}/bad.csv"}, 1, {{"bad.csv", csv("甲公司,tourism,2023-02-30\n")}}, "", 1},
      {"a date in the future",
       {"import", "{dir}/bad.csv"},
       1,
       {{"bad.csv", csv("甲公司,tourism," + kAsOfLater + "\n")}},
       "",
       1},
      {"a name already in the roster",
       {"import", "{dir}/bad.csv"},
       1,
       {{"bad.csv", csv("杭州星云(杭州)数字科技有限公司,tourism,2024-01-01\n")}},
       "",
       1},
      {"the same name twice in the file",
       {"import", "{dir}/bad.csv"},
       1,
       {{"bad.csv", csv("新成员公司,tourism,2024-05-02\n")}},
       "",
       1},
      {"a bad USCC",
       {"import", "{dir}/bad.csv"},
       1,
       {{"bad.csv", "name,sectors,uscc\n甲公司,tourism,91110000600037341N\n"}},
       "",
       1},
      {"left before joined",
       {"import", "{dir}/bad.csv"},
       1,
       {{"bad.csv", "name,sectors,joined,left\n甲公司,tourism,2024-05-01,2024-04-01\n"}},
       "",
       1},
      {"a reason on an open period",
       {"import", "{dir}/bad.csv"},
       1,
       {{"bad.csv", "name,sectors,joined,reason\n甲公司,tourism,2024-05-01,搬迁\n"}},
       "",
       1},
      {"an unknown tier",
       {"import", "{dir}/bad.csv"},
       1,
       {{"bad.csv", "name,sectors,tier\n甲公司,tourism,boss\n"}},
       "",
       1},
      {"a JSON document that is not an array",
       {"import", "{dir}/bad.json"},
       1,
       {{"bad.json", "{\"name\": \"甲公司\"}"}}},
      {"JSON cut short",
       {"import", "{dir}/bad.json"},
       1,
       {{"bad.json", "[{\"name\": \"甲公司\", \"sectors\": [\"tourism\"]"}}},
      {"JSON name true",
       {"import", "{dir}/bad.json"},
       1,
       {{"bad.json", "[{\"name\": true, \"sectors\": [\"tourism\"]}]"}}},
      {"JSON name an object",
       {"import", "{dir}/bad.json"},
       1,
       {{"bad.json", "[{\"name\": {\"a\": 1}, \"sectors\": [\"tourism\"]}]"}}},
      {"JSON sectors a number",
       {"import", "{dir}/bad.json"},
       1,
       {{"bad.json", "[{\"name\": \"甲公司\", \"sectors\": 7}]"}}},
      {"JSON sectors holding an array",
       {"import", "{dir}/bad.json"},
       1,
       {{"bad.json", "[{\"name\": \"甲公司\", \"sectors\": [[\"tourism\"]]}]"}}},
      {"JSON periods a string",
       {"import", "{dir}/bad.json"},
       1,
       {{"bad.json", "[{\"name\": \"甲公司\", \"sectors\": [\"tourism\"], \"periods\": \"2024-01-01\"}]"}}},
      {"JSON name and 单位名称 both",
       {"import", "{dir}/bad.json"},
       1,
       {{"bad.json", "[{\"name\": \"甲公司\", \"单位名称\": \"乙公司\", \"sectors\": [\"tourism\"]}]"}}},
      {"JSON nested past any sane depth",
       {"import", "{dir}/deep.json"},
       1,
       {{"deep.json", std::string(100, '[') + std::string(100, ']')}}},
      {"JSON Lines with a bad line",
       {"import", "{dir}/bad.jsonl"},
       1,
       {{"bad.jsonl", "{\"name\": \"甲公司\", \"sectors\": [\"tourism\"]}\n{\"name\": \n"}}},
      {"a line over the length cap",
       {"import", "{dir}/huge.csv"},
       1,
       {{"huge.csv", kCsvHead + std::string(3 * 1024 * 1024, 'x') + ",tourism,2024-01-01\n"}}},
      {"stdin empty", {"import", "-", "--format", "csv"}, 1, {}, ""},
      {"--update with a bad row",
       {"import", "{dir}/bad.csv", "--update"},
       1,
       {{"bad.csv", "name,sectors,tier\n杭州星云（杭州）数字科技有限公司,tourism,boss\n"}},
       "",
       1},
  });
}

TEST_CASE("bad input suite: export, backup and check refuse bad targets and change nothing",
          "[bad-input][suite][sqlite]") {
  run_cases({
      {"export over the database itself", {"export", "{db}"}},
      {"export over the database's -wal file", {"export", "{db}-wal"}},
      {"export to a name that says no format", {"export", "{dir}/members"}, 2},
      {"export -f xml", {"export", "-f", "xml"}, 2},
      {"export over an existing file without --force", {"export", "{dir}/old.csv"}, 1, {{"old.csv", "keep me\n"}}},
      {"export into a missing folder", {"export", "{dir}/no/such/folder/x.csv"}},
      {"export --force onto a folder", {"export", "{dir}/folder.csv", "--force"}, 1, {{"folder.csv/.keep", ""}}},
      {"backup with no path", {"backup"}, 2},
      {"backup with an empty path", {"backup", ""}, 2},
      {"backup over the database", {"backup", "{db}", "--force"}},
      {"backup over an existing file without --force", {"backup", "{dir}/old.db"}, 1, {{"old.db", "keep me\n"}}},
      {"backup --force onto a FIFO", {"backup", "{dir}/pipe.db", "--force"}, 1, {{"pipe.db", kFifo}}},
      {"export --force onto a FIFO", {"export", "{dir}/pipe.csv", "--force"}, 1, {{"pipe.csv", kFifo}}},
      {"backup --force onto a folder", {"backup", "{dir}/folder.db", "--force"}, 1, {{"folder.db/.keep", ""}}},
      {"backup into a missing folder", {"backup", "{dir}/no/such/x.db"}},
      {"check with a stray argument", {"check", "everything"}, 2},
  });
}
