// The terminal-escape rule (docs/usage.md): human-facing output shows control
// characters, bidi controls, zero-width characters and bytes that are not UTF-8
// as visible escapes; csv, tsv and json keep each stored value exactly. The
// hostile values are written with sqlite3, since roster's own input refuses them.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "harness.h"
#include "roster/text.h"

using namespace roster::test;
using nlohmann::json;

namespace {

// Built from pieces so no hex escape swallows the letter after it.
const std::string kEsc = "\x1b";
const std::string kName = "Evil" + kEsc + "[31mRed" + "\x07" + "Co" + "\r" + "Fake\u202E" + "exe\u200B" + "Ltd";
const std::string kCity = "杭州\u200B" + kEsc + "[2J";
const std::string kNote = "line1\nline2\tcol" + kEsc + "]0;owned" + "\x07";
const std::string kAssociation = "协会" + kEsc + "]8;;http://evil.example/" + kEsc + "\\" + "\u2066";
const std::string kSector = "Tourism" + kEsc + "[5m\u202D";
const std::string kUser = "root" + kEsc + "[8m\xc2\x9b";  // ends in a C1 CSI
const std::string kReason = "moved" + std::string("\r") + kEsc + "[K";

// SQL text for `value`, byte for byte: CAST(X'…' AS TEXT).
std::string sql_text(const std::string& value) {
  static const char* digits = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : value) {
    hex += digits[c >> 4];
    hex += digits[c & 15];
  }
  return "CAST(X'" + hex + "' AS TEXT)";
}

void sql(const std::string& db, const std::string& statements) {
  auto r = run_program({"sqlite3", db, statements});
  if (r.code != 0) throw std::runtime_error("sqlite3: " + r.err);
}

// A goal of 10 from 2024-01-01; #1 (technology, not a key sector) joined in
// 2024-W10, #2 (tourism) joined in January and left in W10. Then sqlite3 makes
// every value a user can see hostile.
struct HostileDb {
  TempDir dir;
  std::string db = dir.file("roster.db");

  HostileDb() {
    run({"init", "--association", "Test", "--target", "10", "--start", "2024-01-01", "--deadline", "2024-12-30"});
    run({"add-member", "Evil Co", "--sector", "technology", "--city", "杭州", "--note", "n", "--joined", "2024-03-05",
         "--as-of", "2024-03-20"});
    run({"add-member", "Plain Co", "--sector", "tourism", "--joined", "2024-01-10", "--as-of", "2024-03-20"});
    run({"remove-member", "2", "--left", "2024-03-06", "--reason", "r", "--as-of", "2024-03-20"});
    sql(db, "UPDATE members SET name = " + sql_text(kName) + ", city = " + sql_text(kCity) +
                ", note = " + sql_text(kNote) +
                " WHERE id = 1;"
                "UPDATE association SET name = " +
                sql_text(kAssociation) +
                ";"
                "UPDATE sectors SET name_en = " +
                sql_text(kSector) +
                " WHERE code = 'tourism';"
                "UPDATE history SET user = " +
                sql_text(kUser) +
                ";"
                "UPDATE periods SET reason = " +
                sql_text(kReason) + " WHERE member_id = 2;");
  }
  void run(std::vector<std::string> args) const {
    args.insert(args.end(), {"--db", db, "-q"});
    auto r = run_roster(args);
    if (r.code != 0) throw std::runtime_error(r.err);
  }
  RunResult roster(std::vector<std::string> args) const {
    args.insert(args.end(), {"--db", db, "--as-of", "2024-03-20"});
    return run_roster(args);
  }
};

// What must never reach a terminal raw: a control character other than the
// line breaks between lines (C0, DEL, C1), a bidi control, a zero-width
// character, or a byte that is not UTF-8. Returns the first one found, escaped.
std::string first_raw_control(const std::string& text) {
  if (!roster::is_valid_utf8(text)) return "bytes that are not UTF-8";
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7f) return "byte " + std::to_string(c) + " at " + std::to_string(i);
    if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xa0) return "a C1 control";
  }
  for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
                           "\u200E", "\u200F", "\u061C", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"}) {
    if (text.find(mark) != std::string::npos) return "an invisible mark";
  }
  return "";
}

void require_shown_escaped(const RunResult& r, const std::vector<std::string>& shown) {
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(first_raw_control(r.out) == "");
  CHECK(first_raw_control(r.err) == "");
  for (const auto& s : shown) {
    INFO("expected to see " << s << " in:\n" << r.out);
    CHECK(r.out.find(s) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("list, show and history tables show hostile names, cities, notes and users escaped", "[escape][sqlite]") {
  HostileDb fx;
  require_shown_escaped(fx.roster({"list", "-f", "table", "--status", "all"}),
                        {"Evil\\x1b[31mRed\\x07Co\\x0dFake\\u202eexe\\u200bLtd", "杭州\\u200b\\x1b[2J"});
  require_shown_escaped(
      fx.roster({"show", "1", "-f", "table"}),
      {"Evil\\x1b[31mRed", "杭州\\u200b\\x1b[2J", "line1\\x0aline2\\x09col\\x1b]0;owned\\x07", "root\\x1b[8m\\u009b"});
  require_shown_escaped(fx.roster({"show", "2", "-f", "table"}), {"moved\\x0d\\x1b[K"});
  require_shown_escaped(fx.roster({"history", "-f", "table"}), {"root\\x1b[8m\\u009b"});
}

TEST_CASE("a table escapes before it measures, so its columns stay aligned", "[escape][sqlite]") {
  HostileDb fx;
  auto r = fx.roster({"list", "-f", "table", "--status", "all"});
  REQUIRE(r.code == 0);
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() >= 3);
  // The TIER column starts at the same display column on the header and every row.
  auto column_of = [](const std::string& line, const std::string& word) {
    return roster::display_width(line.substr(0, line.find(word)));
  };
  size_t tier = column_of(lines[0], "TIER");
  CHECK(column_of(lines[1], "member") == tier);
  CHECK(column_of(lines[2], "member") == tier);
}

TEST_CASE("progress, report and sectors show a hostile association, sector, member and reason escaped",
          "[escape][sqlite]") {
  HostileDb fx;
  const std::string association = "协会\\x1b]8;;http://evil.example/\\x1b\\\\u2066";
  require_shown_escaped(fx.roster({"progress", "-f", "table"}), {association});
  require_shown_escaped(fx.roster({"progress", "-f", "markdown"}), {association});
  require_shown_escaped(fx.roster({"report", "--week", "2024-W10", "-f", "text"}),
                        {association, "Evil\\x1b[31mRed", "moved\\x0d\\x1b[K", "Tourism\\x1b[5m\\u202d"});
  // Markdown then escapes the backslash and the bracket of each escape.
  require_shown_escaped(fx.roster({"report", "--week", "2024-W10", "-f", "markdown"}),
                        {"Evil\\\\x1b\\[31mRed", "moved\\\\x0d\\\\x1b\\[K", "Tourism\\\\x1b\\[5m\\\\u202d"});
  // HTML after the terminal escape: the page's text shows the escapes too.
  require_shown_escaped(fx.roster({"report", "--week", "2024-W10", "-f", "html"}),
                        {"<title>" + association, "Evil\\x1b[31mRed", "moved\\x0d\\x1b[K", "Tourism\\x1b[5m\\u202d"});
  require_shown_escaped(fx.roster({"sectors", "-f", "table"}),
                        {"Tourism\\x1b[5m\\u202d", "#1 Evil\\x1b[31mRed\\x07Co\\x0dFake\\u202eexe\\u200bLtd"});
  require_shown_escaped(fx.roster({"sectors", "-f", "markdown"}), {"Tourism\\x1b[5m\\u202d"});
}

TEST_CASE("csv, tsv and json keep every hostile value exactly as stored", "[escape][sqlite]") {
  HostileDb fx;
  auto csv = fx.roster({"list", "-f", "csv", "--status", "all"});
  REQUIRE(csv.code == 0);
  for (const auto& value : {kName, kCity, kNote}) CHECK(csv.out.find(value) != std::string::npos);
  auto tsv = fx.roster({"list", "-f", "tsv", "--status", "all"});
  REQUIRE(tsv.code == 0);
  for (const auto& value : {kName, kCity, kNote}) CHECK(tsv.out.find(value) != std::string::npos);

  auto list = json::parse(fx.roster({"list", "-f", "json", "--status", "all"}).out);
  CHECK(list[0]["name"] == kName);
  CHECK(list[0]["city"] == kCity);
  CHECK(list[0]["note"] == kNote);
  auto shown = json::parse(fx.roster({"show", "2", "-f", "json"}).out);
  CHECK(shown["periods"][0]["reason"] == kReason);
  CHECK(shown["history"][0]["user"] == kUser);
  CHECK(json::parse(fx.roster({"progress", "-f", "json"}).out)["association"] == kAssociation);
  auto report = json::parse(fx.roster({"report", "--week", "2024-W10", "-f", "json"}).out);
  CHECK(report["association"] == kAssociation);
  CHECK(report["joined"][0]["name"] == kName);
  CHECK(report["left"][0]["reason"] == kReason);
  auto sectors = json::parse(fx.roster({"sectors", "-f", "json"}).out);
  for (const auto& row : sectors["sectors"]) {
    if (row["code"] == "tourism") CHECK(row["name_en"] == kSector);
  }
  auto history = json::parse(fx.roster({"history", "-f", "json"}).out);
  CHECK(history[0]["user"] == kUser);
  auto exported = fx.roster({"export", "-f", "json"});
  REQUIRE(exported.code == 0);
  CHECK(json::parse(exported.out)[0]["name"] == kName);
}

TEST_CASE("the user name recorded in the history is shown escaped", "[escape][sqlite]") {
  HostileDb fx;
  auto add = run_program({"env", "USER=" + kEsc + "]0;pwned" + "\x07" + "eve", roster_bin(), "add-member", "新公司",
                          "--sector", "tourism", "--db", fx.db, "-q"});
  REQUIRE(add.code == 0);
  require_shown_escaped(fx.roster({"history", "-f", "table", "--member", "3"}), {"\\x1b]0;pwned\\x07eve"});
  auto exact = json::parse(fx.roster({"history", "-f", "json", "--member", "3"}).out);
  CHECK(exact[0]["user"] == kEsc + "]0;pwned" + "\x07" + "eve");
}

TEST_CASE("an error line that quotes a hostile value shows it escaped on one line", "[escape][bad-input]") {
  DbFixture fx;
  TempDir files;
  std::string before = dump_database(fx.db);
  const std::string csi = kEsc + "[31m";
  std::string bad_header = files.file("header.csv");
  write_file(bad_header, "name,sectors," + kEsc + "]0;pwn" + "\x07" + "col\n杭州某某公司,tourism,x\n");
  std::string bad_cells = files.file("cells.csv");
  write_file(bad_cells, "name,sectors,tier\n杭州甲公司," + csi + "mining\u202E,member\n杭州乙公司,tourism,\"boss\r" +
                            csi + "\"\n");
  std::string hostile_path = files.file("x" + csi + ".csv");

  struct Case {
    std::vector<std::string> args;
    std::string shown;  // the escaped form the error line must carry
  };
  for (const auto& c : std::vector<Case>{
           {{"list", "--sector", csi + "x"}, "'\\x1b[31mx'"},
           {{"add-member", "新公司", "--sector", "tourism", "--tier", kEsc + "]0;t" + "\x07"}, "'\\x1b]0;t\\x07'"},
           {{"add-member", "新公司", "--sector", "mining\u202E"}, "mining\\u202e"},
           {{csi + "bogus"}, "'\\x1b[31mbogus'"},
           {{"list", "--as-of", csi + "2024"}, "\\x1b[31m2024"},
           {{"list", "--sort", csi}, "\\x1b[31m"},
           {{"show", "\xff" + csi}, "\\xff\\x1b[31m"},
           {{"import", hostile_path}, "x\\x1b[31m.csv"},
           {{"import", bad_header}, "\\x1b]0;pwn\\x07col"},
           {{"import", bad_cells}, "\\x1b[31mmining\\u202e"},
           {{"import", bad_cells}, "boss\\x0d\\x1b[31m"},
       }) {
    auto r = fx.roster(c.args);
    INFO(r.err);
    CHECK(r.code != 0);
    CHECK(first_raw_control(r.err) == "");
    CHECK(r.err.find(c.shown) != std::string::npos);
    CHECK(r.out.empty());
  }
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("an association name that is not UTF-8 leaves every JSON output valid and exit 0", "[escape][json][sqlite]") {
  HostileDb fx;
  sql(fx.db, "UPDATE association SET name = " + sql_text("协会\xff\xfe" + kEsc) +
                 ";"
                 "UPDATE members SET name = " +
                 sql_text("Bad\xc3(") + " WHERE id = 1;");
  for (const auto& args : std::vector<std::vector<std::string>>{{"progress", "-f", "json"},
                                                                {"report", "--week", "2024-W10", "-f", "json"},
                                                                {"list", "-f", "json", "--status", "all"},
                                                                {"list", "-f", "jsonl", "--status", "all"},
                                                                {"export", "-f", "json"},
                                                                {"export", "-f", "jsonl"},
                                                                {"show", "1", "-f", "json"},
                                                                {"history", "-f", "json"},
                                                                {"sectors", "-f", "json"},
                                                                {"goal", "-f", "json"}}) {
    auto r = fx.roster(args);
    INFO(args[0] << " " << args[1] << ": " << r.err);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(roster::is_valid_utf8(r.out));
    if (std::find(args.begin(), args.end(), "jsonl") != args.end()) {
      for (const auto& line : lines_of(r.out)) CHECK_NOTHROW(json::parse(line));
    } else {
      CHECK_NOTHROW(json::parse(r.out));
    }
  }
  auto progress = json::parse(fx.roster({"progress", "-f", "json"}).out);
  CHECK(progress["association"] == "协会\uFFFD\uFFFD" + kEsc);  // each bad byte becomes U+FFFD
  // The human formats show the bad bytes themselves, escaped.
  require_shown_escaped(fx.roster({"progress", "-f", "table"}), {"协会\\xff\\xfe\\x1b"});
  require_shown_escaped(fx.roster({"list", "-f", "table", "--status", "all"}), {"Bad\\xc3("});
}
