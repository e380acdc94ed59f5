// The member lifecycle end to end: edit-member, remove-member (and --purge),
// rejoin, show and history, run through the real binary.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include "harness.h"

using namespace roster::test;
using nlohmann::json;

namespace {

using Args = std::vector<std::string>;

const std::string kToday = "2025-01-01";  // --as-of unless a step says otherwise

// A database whose every write is made by $USER=secretary, so `user` is fixed.
struct Life {
  TempDir dir;
  std::string db = dir.file("roster.db");
  Life() { need(run({"init", "-q"})); }
  // env USER=secretary roster ARGS --db DB --as-of AS_OF, with `env` set too
  RunResult run(Args args, const std::string& as_of = kToday, const Env& env = {}) const {
    Args argv = {"env", "USER=secretary", roster_bin()};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.insert(argv.end(), {"--db", db, "--as-of", as_of});
    return run_program(argv, "", env);
  }
  static void need(const RunResult& r) {
    if (r.code != 0) throw std::runtime_error("set-up step failed: " + r.err);
  }
};

const std::string kHangzhou = "杭州星云（杭州）数字科技有限公司";

// #1 kHangzhou (USCC, active since 2024-01-10), #2 乙公司 (2024-02-01 to
// 2024-05-01), #3 a company literally named "2" (active since 2024-03-01).
struct ThreeMembers : Life {
  ThreeMembers() {
    need(run({"add-member", kHangzhou, "--sector", "tourism", "--uscc", "91310110666007217T", "--joined", "2024-01-10",
              "-q"},
             "2024-01-10"));
    need(run({"add-member", "乙公司", "--sector", "education", "--joined", "2024-02-01", "-q"}, "2024-02-01"));
    need(run({"add-member", "2", "--sector", "telecom", "--joined", "2024-03-01", "-q"}, "2024-03-01"));
    need(run({"remove-member", "#2", "--left", "2024-05-01", "--reason", "did not renew", "-q"}, "2024-05-01"));
  }
};

// Wall-clock timestamps become a fixed text of the same width (tables stay
// aligned): UTC as stored (json, tsv), local time with its offset (tables).
std::string mask_times(const std::string& text) {
  static const std::regex stamp(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  static const std::regex local(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4})");
  return std::regex_replace(std::regex_replace(text, stamp, "YYYY-MM-DDTHH:MM:SSZ"), local,
                            "YYYY-MM-DD HH:MM:SS +ZZZZ");
}

// A command that worked: nothing on stdout, one note on stderr, exit 0.
void succeeded(const RunResult& r, const std::string& note) {
  CHECK(r.out.empty());
  CHECK(r.err == note);
  CHECK(r.code == 0);
}

}  // namespace

TEST_CASE("edit-member changes fields by any kind of REF and logs one entry per changed field", "[lifecycle]") {
  ThreeMembers fx;
  // The name as typed with ASCII brackets and spaces still finds #1.
  succeeded(fx.run({"edit-member", " 杭州星云(杭州)数字科技有限公司 ", "--tier", "council", "--city", "杭州",
                    "--add-sector", "e-commerce", "--note", "founding member"}),
            "roster: updated member #1: sectors, tier, city, note\n");
  // By lower-case USCC: drop the USCC, replace the sectors (文化旅游 = tourism), rename.
  succeeded(fx.run({"edit-member", "91310110666007217t", "--uscc", "", "--sector", "教育", "--sector", "文化旅游",
                    "--name", "杭州星云数字科技股份有限公司"}),
            "roster: updated member #1: name, uscc, sectors\n");
  succeeded(fx.run({"edit-member", "#1", "--remove-sector", "education", "--parent", "星云集团"}),
            "roster: updated member #1: sectors, parent\n");
  succeeded(fx.run({"edit-member", "1", "--tier", "council"}), "roster: member #1: nothing to change\n");

  auto row = [](int id, const std::string& field, const std::string& before, const std::string& after) {
    return std::to_string(id) + "\tYYYY-MM-DDTHH:MM:SSZ\tsecretary\tedit-member\tmember.edit\t1\t" + field + "\t" +
           before + "\t" + after + "\n";
  };
  auto h = fx.run({"history", "--member", "#1", "--kind", "member.edit", "-f", "tsv"});
  CHECK(h.code == 0);
  CHECK(mask_times(h.out) ==
        "id\tat\tuser\tcommand\tkind\tmember_id\tfield\tbefore\tafter\n" +
            row(6, "sectors", "tourism", "tourism;e-commerce") + row(7, "tier", "member", "council") +
            row(8, "city", "", "杭州") + row(9, "note", "", "founding member") +
            row(10, "name", kHangzhou, "杭州星云数字科技股份有限公司") + row(11, "uscc", "91310110666007217T", "") +
            row(12, "sectors", "tourism;e-commerce", "education;tourism") +
            row(13, "sectors", "education;tourism", "tourism") + row(14, "parent", "", "星云集团"));
  // The USCC is free again, so another member may take it.
  CHECK(fx.run({"edit-member", "#3", "--uscc", "91310110666007217T", "-q"}).code == 0);
}

TEST_CASE("remove-member, rejoin and show: periods and history of one member", "[lifecycle]") {
  ThreeMembers fx;
  succeeded(fx.run({"rejoin", "乙公司", "--joined", "2024-08-01"}), "roster: member #2 rejoined on 2024-08-01\n");
  succeeded(fx.run({"remove-member", "#3", "--left", "2024-10-01"}),
            "roster: member #3 left on 2024-10-01; the record is kept\n");
  // A new period may start on the day the last one ended ([joined, left)).
  CHECK(fx.run({"rejoin", "#3", "--joined", "2024-10-01", "-q"}).code == 0);

  auto shown = fx.run({"show", "#2", "-f", "json"});
  CHECK(shown.code == 0);
  CHECK(shown.err.empty());
  // Exact text: the expected document, written compactly here, printed with two-space indents.
  const auto expected = nlohmann::ordered_json::parse(
      R"json({"id": 2, "name": "乙公司", "uscc": null,
    "sectors": ["education"], "tier": "member", "city": "", "parent": "", "note": "", "sort_key": "",
    "contact": "", "phone": "", "email": "",
    "periods": [{"joined": "2024-02-01", "left": "2024-05-01", "reason": "did not renew"},
                {"joined": "2024-08-01", "left": null, "reason": ""}],
    "history": [
      {"id": 3, "at": "YYYY-MM-DDTHH:MM:SSZ", "user": "secretary", "command": "add-member", "kind": "member.add",
       "member_id": 2, "field": "", "before": "",
       "after": "{\"name\":\"乙公司\",\"uscc\":null,\"sectors\":[\"education\"],\"tier\":\"member\",)json"
      R"json(\"city\":\"\",\"parent\":\"\",\"note\":\"\",\"joined\":\"2024-02-01\",\"left\":null}"},
      {"id": 5, "at": "YYYY-MM-DDTHH:MM:SSZ", "user": "secretary", "command": "remove-member",
       "kind": "member.leave", "member_id": 2, "field": "left", "before": "", "after": "2024-05-01 (did not renew)"},
      {"id": 6, "at": "YYYY-MM-DDTHH:MM:SSZ", "user": "secretary", "command": "rejoin", "kind": "member.rejoin",
       "member_id": 2, "field": "joined", "before": "", "after": "2024-08-01"}]})json");
  CHECK(mask_times(shown.out) == expected.dump(2) + "\n");
  CHECK(shown.out.find("\n  \"periods\": [\n    {\n      \"joined\": \"2024-02-01\",\n") != std::string::npos);
  // A table even though stdout is a pipe.
  auto table = fx.run({"show", "#3"});
  CHECK(table.code == 0);
  CHECK(
      mask_times(table.out) ==
      "FIELD    VALUE\nid       3\nname     2\nuscc\nsectors  telecom\ntier     member\ncity\nparent\nnote\n"
      "contact\nphone\nemail\n\n"
      "JOINED      LEFT        REASON\n2024-03-01  2024-10-01\n2024-10-01\n\n"
      "WHEN                       WHO        WHAT           MEMBER  FIELD   CHANGE\n"
      "YYYY-MM-DD HH:MM:SS +ZZZZ  secretary  member.add     #3              {\"name\":\"2\",\"uscc\":null,\"sectors\":"
      "[\"telecom\"],\"tier\":\"member\",\"city\":\"\",\"parent\":\"\",\"note\":\"\",\"joined\":\"2024-03-01\","
      "\"left\":null}\n"
      "YYYY-MM-DD HH:MM:SS +ZZZZ  secretary  member.leave   #3      left    2024-10-01\n"
      "YYYY-MM-DD HH:MM:SS +ZZZZ  secretary  member.rejoin  #3      joined  2024-10-01\n");
}

TEST_CASE("history filters by member, kind (exact or prefix) and date, in every format", "[lifecycle]") {
  ThreeMembers fx;
  auto kinds = [&](Args filter) {  // the ids `history -f tsv FILTER` lists
    filter.insert(filter.begin(), {"history", "-f", "tsv"});
    auto r = fx.run(filter);
    REQUIRE(r.code == 0);
    std::string out;
    for (const auto& line : lines_of(r.out)) out += line.substr(0, line.find('\t')) + "|";
    return out;
  };
  CHECK(kinds({"--member", "#2"}) == "id|3|5|");
  CHECK(kinds({"--kind", "member.leave"}) == "id|5|");
  CHECK(kinds({"--kind", "member."}) == "id|2|3|4|5|");
  CHECK(kinds({"--kind", "member"}) == "id|");  // no dot: exact, and no entry is kind "member"
  CHECK(kinds({"--until", "2000-01-01"}) == "id|");
  CHECK(kinds({"--since", "2000-01-01", "--kind", "init"}) == "id|1|");
  auto jsonl = fx.run({"history", "--member", kHangzhou, "-f", "jsonl"});
  REQUIRE(lines_of(jsonl.out).size() == 1);
  CHECK(json::parse(lines_of(jsonl.out)[0])["kind"] == "member.add");
  auto doc = json::parse(fx.run({"history", "--kind", "member.", "-f", "json"}).out);
  CHECK(doc.size() == 4);
  auto table = fx.run({"history", "--member", "#2", "-f", "table"});
  CHECK(table.out.find("secretary  member.leave  #2      left   2024-05-01 (did not renew)\n") != std::string::npos);
}

TEST_CASE("show and history print and filter history times in the local time zone (TZ)", "[lifecycle][history]") {
  ThreeMembers fx;
  // Known moments: #1 was added at 07:30 on 2 June in Hangzhou (23:30 UTC the
  // day before), #2 at 00:30 on 3 June there (16:30 UTC on 2 June); the rest
  // long before.
  REQUIRE(run_program({"sqlite3", fx.db,
                       "UPDATE history SET at = '2025-01-01T00:00:00Z';"
                       "UPDATE history SET at = '2025-06-01T23:30:00Z' WHERE id = 2;"
                       "UPDATE history SET at = '2025-06-02T16:30:00Z' WHERE id = 3;"})
              .code == 0);
  const Env shanghai = {{"TZ", "Asia/Shanghai"}}, utc = {{"TZ", "UTC"}};
  auto ids = [&](const Env& env, Args filter) {  // the ids `history -f tsv FILTER` lists in that zone
    filter.insert(filter.begin(), {"history", "-f", "tsv"});
    auto r = fx.run(filter, kToday, env);
    REQUIRE(r.code == 0);
    std::string out;
    for (const auto& line : lines_of(r.out)) out += line.substr(0, line.find('\t')) + "|";
    return out;
  };
  // "Since 2 June" in Hangzhou takes that morning's change; in UTC it is still 1 June.
  CHECK(ids(shanghai, {"--since", "2025-06-02", "--until", "2025-06-02"}) == "id|2|");
  CHECK(ids(utc, {"--since", "2025-06-02", "--until", "2025-06-02"}) == "id|3|");
  CHECK(ids(shanghai, {"--since", "2025-06-03"}) == "id|3|");
  CHECK(ids(shanghai, {"--until", "2025-06-01"}) == "id|1|4|5|");
  CHECK(ids(utc, {"--until", "2025-06-01"}) == "id|1|2|4|5|");

  // Tables show local time with its offset; data formats keep the stored UTC.
  auto table = fx.run({"history", "--member", "#1", "-f", "table"}, kToday, shanghai);
  CHECK(table.out.find("\n2025-06-02 07:30:00 +0800  secretary  member.add") != std::string::npos);
  auto shown = fx.run({"show", "#1"}, kToday, shanghai);
  CHECK(shown.out.find("\n2025-06-02 07:30:00 +0800  secretary  member.add") != std::string::npos);
  CHECK(fx.run({"show", "#1"}, kToday, utc).out.find("\n2025-06-01 23:30:00 +0000  secretary  member.add") !=
        std::string::npos);
  auto tsv = fx.run({"history", "--member", "#1", "-f", "tsv"}, kToday, shanghai);
  CHECK(tsv.out.find("\t2025-06-01T23:30:00Z\t") != std::string::npos);
  auto doc = json::parse(fx.run({"show", "#1", "-f", "json"}, kToday, shanghai).out);
  CHECK(doc["history"][0]["at"] == "2025-06-01T23:30:00Z");
}

TEST_CASE("remove-member --purge --yes deletes the record and scrubs its history", "[lifecycle]") {
  ThreeMembers fx;
  REQUIRE(fx.run({"edit-member", "#3", "--note", "private", "-q"}).code == 0);
  succeeded(fx.run({"remove-member", "#3", "--purge", "--yes"}),
            "roster: purged member #3; the history keeps only that a member was purged\n");
  // "2" is no longer ambiguous: it is member #2 now.
  CHECK(fx.run({"show", "2", "-f", "json"}).out.find("\"name\": \"乙公司\"") != std::string::npos);
  auto rows = run_program({"sqlite3", fx.db,
                           "SELECT (SELECT count(*) FROM periods WHERE member_id = 3), "
                           "(SELECT count(*) FROM member_sectors WHERE member_id = 3), "
                           "(SELECT count(*) FROM members WHERE id = 3)"});
  CHECK(rows.out == "0|0|0\n");
  auto h = fx.run({"history", "-f", "jsonl"});
  std::vector<json> entries;
  for (const auto& line : lines_of(h.out)) entries.push_back(json::parse(line));
  REQUIRE(entries.size() == 7);
  for (int id : {4, 6}) {  // #3's add and its note edit
    INFO("history entry " << id);
    CHECK(entries[id - 1]["member_id"].is_null());
    CHECK(entries[id - 1]["before"] == "");
    CHECK(entries[id - 1]["after"] == "[purged]");
  }
  CHECK(h.out.find("private") == std::string::npos);
  CHECK(entries[6]["kind"] == "member.purge");
  CHECK(entries[6]["member_id"].is_null());
  CHECK(entries[6]["user"] == "secretary");
}

// PRODUCT.md: control characters and invalid UTF-8 are refused with a one-line
// reason, as they are for --note; a line break in a reason also breaks the
// periods table of `show`.
TEST_CASE("remove-member refuses a --reason with control characters or invalid UTF-8", "[lifecycle]") {
  for (std::string reason : {"did not\nrenew", "bell\x07", "\xff\xfe"}) {
    ThreeMembers fx;
    const std::string before = dump_database(fx.db);
    INFO("--reason " << reason);
    auto r = fx.run({"remove-member", "#3", "--left", "2024-12-01", "--reason", reason});
    CHECK(r.code == 1);
    CHECK(r.err.rfind("roster: error: reason ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    bool unchanged = dump_database(fx.db) == before;
    CHECK(unchanged);
  }
}

TEST_CASE("lifecycle refusals: message, exit code, database unchanged", "[lifecycle]") {
  struct Bad {
    const char* what;
    Args args;  // run with --as-of 2025-01-01
    int code;
    std::string err;
  };
  const std::vector<Bad> cases = {
      {"unknown REF with similar names",
       {"edit-member", "星云", "--tier", "council"},
       1,
       "roster: error: no member '星云'; did you mean #1 " + kHangzhou + "?\n"},
      {"unknown REF",
       {"show", "nobody"},
       1,
       "roster: error: no member 'nobody' (give an id, the exact name or the USCC; `roster list --search TEXT` finds "
       "names)\n"},
      {"ambiguous REF",
       {"remove-member", "2", "--left", "2024-12-01"},
       1,
       "roster: error: '2' could mean #2 乙公司, #3 2; give the id, e.g. #2\n"},
      {"edit to another member's name",
       {"edit-member", "#2", "--name", " 杭州星云(杭州)数字科技有限公司 "},
       1,
       "roster: error: '杭州星云(杭州)数字科技有限公司' is already member #1 (" + kHangzhou +
           "); names are compared ignoring case, width and spacing\n"},
      {"edit to another member's USCC",
       {"edit-member", "#3", "--uscc", "91310110666007217t"},
       1,
       "roster: error: USCC 91310110666007217T already belongs to member #1 (" + kHangzhou + ")\n"},
      {"edit with a bad USCC",
       {"edit-member", "#3", "--uscc", "91110000600037341N"},
       1,
       "roster: error: USCC check character is 'N' but the code calls for 'L'; check for a typo\n"},
      {"--remove-sector leaving no sector",
       {"edit-member", "#3", "--remove-sector", "telecom"},
       1,
       "roster: error: no sector given; every member needs at least one (--sector, or the sectors column of a "
       "file)\n"},
      {"remove a member who has left",
       {"remove-member", "#2", "--left", "2024-06-01"},
       1,
       "roster: error: member #2 has already left (on 2024-05-01); `roster rejoin` opens a new period\n"},
      {"remove before the join",
       {"remove-member", "#3", "--left", "2024-02-29"},
       1,
       "roster: error: left date 2024-02-29 is not after the joined date 2024-03-01; a member leaves after joining\n"},
      {"remove on the join day",
       {"remove-member", "#3", "--left", "2024-03-01"},
       1,
       "roster: error: left date 2024-03-01 is not after the joined date 2024-03-01; a member leaves after joining\n"},
      {"remove in the future",
       {"remove-member", "#3", "--left", "2025-01-02"},
       1,
       "roster: error: left date 2025-01-02 is in the future (after 2025-01-01); enter a date that has happened\n"},
      {"remove without --left",
       {"remove-member", "#3"},
       2,
       "roster: error: --left DATE is required (or --purge to delete the record)\n"},
      {"rejoin while active",
       {"rejoin", "#1", "--joined", "2024-12-01"},
       1,
       "roster: error: member #1 is still a member (since 2024-01-10); `roster remove-member` ends that first\n"},
      {"rejoin overlapping",
       {"rejoin", "#2", "--joined", "2024-04-30"},
       1,
       "roster: error: period from 2024-04-30 overlaps the period 2024-02-01 to 2024-05-01; a new period starts on "
       "or after 2024-05-01\n"},
      {"rejoin in the future",
       {"rejoin", "#2", "--joined", "2025-01-02"},
       1,
       "roster: error: joined date 2025-01-02 is in the future (after 2025-01-01); enter a date that has happened\n"},
      {"purge without --yes from a pipe",
       {"remove-member", "#3", "--purge"},
       2,
       "roster: error: purging deletes member #3 for good; add --yes to confirm\n"},
  };
  ThreeMembers fx;
  const std::string before = dump_database(fx.db);
  REQUIRE(before.find("CREATE TABLE members") != std::string::npos);
  for (const auto& c : cases) {
    SECTION(c.what) {
      auto r = fx.run(c.args);
      CHECK(r.out.empty());
      CHECK(r.err == c.err);
      CHECK(r.code == c.code);
      CHECK(dump_database(fx.db) == before);
    }
  }
}

namespace {

// A joins 2024-01-10, B 2024-02-01, C 2024-03-01; B leaves 2024-05-01, A
// 2024-06-15; B rejoins 2024-08-01; D joins 2024-09-01; C leaves 2024-10-01; A
// rejoins 2024-11-20 — with edits in between. Each step runs "on" its date.
struct Year : Life {
  Year() {
    const std::vector<std::pair<const char*, Args>> steps = {
        {"2024-01-10",
         {"add-member", "杭州甲科技有限公司", "--sector", "tourism", "--uscc", "91310110666007217T", "--joined",
          "2024-01-10"}},
        {"2024-02-01", {"add-member", "乙公司", "--sector", "education", "--joined", "2024-02-01"}},
        {"2024-02-15", {"edit-member", "#1", "--tier", "council", "--city", "杭州"}},
        {"2024-03-01", {"add-member", "丙公司", "--sector", "telecom", "--joined", "2024-03-01"}},
        {"2024-05-01", {"remove-member", "乙公司", "--left", "2024-05-01", "--reason", "did not renew"}},
        {"2024-06-15", {"remove-member", "91310110666007217T", "--left", "2024-06-15"}},
        {"2024-07-01", {"edit-member", "丙公司", "--add-sector", "healthcare", "--uscc", "91110000600037341L"}},
        {"2024-08-01", {"rejoin", "#2", "--joined", "2024-08-01"}},
        {"2024-09-01",
         {"add-member", "丁公司", "--sector", "e-commerce", "--sector", "文化娱乐", "--joined", "2024-09-01"}},
        {"2024-09-02", {"edit-member", "#4", "--tier", "member"}},  // no change, no entry
        {"2024-10-01", {"remove-member", "#3", "--left", "2024-10-01"}},
        {"2024-10-15", {"edit-member", "#2", "--name", "乙科技有限公司"}},
        {"2024-10-16", {"edit-member", "#3", "--note", "moved to Shanghai"}},  // a former member
        {"2024-11-20", {"rejoin", "#1", "--joined", "2024-11-20"}},
    };
    for (const auto& [date, args] : steps) {
      auto with_q = args;
      with_q.push_back("-q");
      need(run(with_q, date));
    }
  }
};

std::string added(const std::string& name, const std::string& uscc, const std::string& sectors,
                  const std::string& joined) {
  return R"({"name":")" + name + R"(","uscc":)" + uscc + R"(,"sectors":[)" + sectors +
         R"(],"tier":"member","city":"","parent":"","note":"","joined":")" + joined + R"(","left":null})";
}

}  // namespace

TEST_CASE("list and progress count exactly the members whose periods cover each date", "[lifecycle]") {
  Year fx;
  // A = #1 [01-10, 06-15) [11-20, …); B = #2 [02-01, 05-01) [08-01, …);
  // C = #3 [03-01, 10-01); D = #4 [09-01, …).
  const std::vector<std::pair<std::string, std::vector<int>>> expected = {
      {"2024-01-09", {}},        {"2024-01-10", {1}},       {"2024-01-11", {1}},       {"2024-01-31", {1}},
      {"2024-02-01", {1, 2}},    {"2024-02-02", {1, 2}},    {"2024-02-29", {1, 2}},    {"2024-03-01", {1, 2, 3}},
      {"2024-03-02", {1, 2, 3}}, {"2024-04-30", {1, 2, 3}}, {"2024-05-01", {1, 3}},    {"2024-05-02", {1, 3}},
      {"2024-06-14", {1, 3}},    {"2024-06-15", {3}},       {"2024-06-16", {3}},       {"2024-07-31", {3}},
      {"2024-08-01", {2, 3}},    {"2024-08-02", {2, 3}},    {"2024-08-31", {2, 3}},    {"2024-09-01", {2, 3, 4}},
      {"2024-09-02", {2, 3, 4}}, {"2024-09-30", {2, 3, 4}}, {"2024-10-01", {2, 4}},    {"2024-10-02", {2, 4}},
      {"2024-11-19", {2, 4}},    {"2024-11-20", {1, 2, 4}}, {"2024-11-21", {1, 2, 4}}, {"2025-06-30", {1, 2, 4}},
  };
  for (const auto& [date, ids] : expected) {
    INFO("as of " << date);
    auto list = fx.run({"list", "-f", "tsv"}, date);
    REQUIRE(list.code == 0);
    std::vector<int> listed;
    auto rows = lines_of(list.out);
    for (size_t i = 1; i < rows.size(); ++i) listed.push_back(std::stoi(rows[i].substr(0, rows[i].find('\t'))));
    CHECK(listed == ids);
    auto progress = fx.run({"progress", "-f", "tsv"}, date);
    CHECK(progress.out.find("\nactive\t" + std::to_string(ids.size()) + "\n") != std::string::npos);
  }
}

TEST_CASE("history -f jsonl has exactly one entry per change of the year", "[lifecycle]") {
  Year fx;
  auto entry = [](const char* command, const char* kind, int member, const char* field, const std::string& before,
                  const std::string& after) {
    return json{{"user", "secretary"}, {"command", command}, {"kind", kind},  {"member_id", member},
                {"field", field},      {"before", before},   {"after", after}};
  };
  const std::vector<json> expected = {
      entry("add-member", "member.add", 1, "", "",
            added("杭州甲科技有限公司", R"("91310110666007217T")", R"("tourism")", "2024-01-10")),
      entry("add-member", "member.add", 2, "", "", added("乙公司", "null", R"("education")", "2024-02-01")),
      entry("edit-member", "member.edit", 1, "tier", "member", "council"),
      entry("edit-member", "member.edit", 1, "city", "", "杭州"),
      entry("add-member", "member.add", 3, "", "", added("丙公司", "null", R"("telecom")", "2024-03-01")),
      entry("remove-member", "member.leave", 2, "left", "", "2024-05-01 (did not renew)"),
      entry("remove-member", "member.leave", 1, "left", "", "2024-06-15"),
      entry("edit-member", "member.edit", 3, "uscc", "", "91110000600037341L"),
      entry("edit-member", "member.edit", 3, "sectors", "telecom", "telecom;healthcare"),
      entry("rejoin", "member.rejoin", 2, "joined", "", "2024-08-01"),
      entry("add-member", "member.add", 4, "", "",
            added("丁公司", "null", R"("e-commerce","entertainment")", "2024-09-01")),
      entry("remove-member", "member.leave", 3, "left", "", "2024-10-01"),
      entry("edit-member", "member.edit", 2, "name", "乙公司", "乙科技有限公司"),
      entry("edit-member", "member.edit", 3, "note", "", "moved to Shanghai"),
      entry("rejoin", "member.rejoin", 1, "joined", "", "2024-11-20"),
  };
  auto r = fx.run({"history", "--kind", "member.", "-f", "jsonl"});
  REQUIRE(r.code == 0);
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() == expected.size());
  int64_t last_id = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    INFO("entry " << i + 1 << ": " << lines[i]);
    json e = json::parse(lines[i]);
    std::set<std::string> keys;
    for (const auto& item : e.items()) keys.insert(item.key());
    CHECK(keys ==
          std::set<std::string>{"id", "at", "user", "command", "kind", "member_id", "field", "before", "after"});
    CHECK(e["id"].get<int64_t>() > last_id);
    last_id = e["id"].get<int64_t>();
    CHECK(std::regex_match(e["at"].get<std::string>(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    e.erase("id");
    e.erase("at");
    CHECK(e == expected[i]);
  }
  // Besides those, only the init entry: nothing else was logged.
  CHECK(lines_of(fx.run({"history", "-f", "jsonl"}).out).size() == expected.size() + 1);
}

TEST_CASE("edit-member --remove-sector finds a sector named in any way in the same command", "[lifecycle]") {
  DbFixture fx;
  REQUIRE(fx.roster({"add-member", "甲公司", "--sector", "tourism", "--joined", "2024-01-01", "-q"}).code == 0);
  auto r = fx.roster({"edit-member", "1", "--sector", "文化旅游", "--sector", "education", "--remove-sector", "tourism",
                      "--as-of", "2025-01-01"});
  CHECK(r.code == 0);
  CHECK(r.err == "roster: updated member #1: sectors\n");
  CHECK(fx.roster({"list", "-f", "tsv", "--as-of", "2025-01-01"}).out.find("\teducation\t") != std::string::npos);
}

TEST_CASE("an empty member reference and --purge with --left are usage errors", "[lifecycle]") {
  DbFixture fx;
  REQUIRE(fx.roster({"add-member", "甲公司", "--sector", "tourism", "--joined", "2024-01-01", "-q"}).code == 0);
  std::string before = dump_database(fx.db);
  auto history = fx.roster({"history", "--member", ""});
  CHECK(history.code == 2);
  CHECK(
      history.err ==
      "roster: error: --member: the value is empty; give one, or leave the option out (see `roster history --help`)\n");
  auto show = fx.roster({"show", ""});
  CHECK(show.code == 2);
  CHECK(show.err == "roster: error: no member given; name one by id, exact name or USCC\n");
  auto purge = fx.roster({"remove-member", "1", "--purge", "--yes", "--left", "2024-05-01"});
  CHECK(purge.code == 2);
  CHECK(purge.err == "roster: error: --purge deletes the whole record; it takes no --left or --reason\n");
  CHECK(dump_database(fx.db) == before);
}
