#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

TEST_CASE("progress -f json gives every figure, worked by hand", "[progress]") {
  SmallGoalFixture fx;
  auto r = fx.roster({"progress", "-f", "json", "--as-of", "2024-07-15"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  // baseline 3 (active 2023-07-15); active 5 (members 1 2 4 5 6); road
  // 3 + 7 × 366/731 = 6.50; ahead −1.50; the road reached 5 at day
  // 2 × 731/7 = 208.86 → 209 − 366 = −157 days; required 5 × 7/365 = 0.10;
  // since start 2 × 7/366 = 0.04; last 90 days 1 join − 1 departure = 0.
  CHECK(r.out == expected_file("progress-2024-07-15.json", r.out));
}

TEST_CASE("progress as a table and as markdown match the expected files", "[progress]") {
  SmallGoalFixture fx;
  auto table = fx.roster({"progress", "-f", "table", "--as-of", "2024-07-15"});
  CHECK(table.out == expected_file("progress-2024-07-15.table", table.out));
  auto md = fx.roster({"progress", "-f", "markdown", "--as-of", "2024-07-15"});
  CHECK(md.out == expected_file("progress-2024-07-15.md", md.out));
}

TEST_CASE("progress -f tsv has one figure per line", "[progress]") {
  SmallGoalFixture fx;
  auto r = fx.roster({"progress", "--as-of", "2025-07-15"});  // tsv: stdout is a pipe
  CHECK(r.out.rfind("figure\tvalue\n", 0) == 0);
  CHECK(r.out.find("\nstatus\tmissed\n") != std::string::npos);
  CHECK(r.out.find("\nactive_on_deadline\t6\n") != std::string::npos);
  CHECK(r.out.find("\nrequired_weekly_pace\t\n") != std::string::npos);
}

TEST_CASE("progress --check exits 3 only when behind or missed", "[progress]") {
  SmallGoalFixture fx;
  struct Case {
    const char* as_of;
    const char* target;
    const char* status;
    int code;
  };
  // target 10: behind mid-way, missed at and after the deadline, not started
  // before. target 6: 5 active on 2024-03-15 against a road of
  // 3 + 3 × 244/731 = 4.00 is on track; 6 active on 2024-05-20 is reached.
  for (Case c : {Case{"2023-07-01", "10", "not-started", 0}, Case{"2024-07-15", "10", "behind", 3},
                 Case{"2025-07-15", "10", "missed", 3}, Case{"2026-01-01", "10", "missed", 3},
                 Case{"2024-03-15", "6", "on-track", 0}, Case{"2024-05-20", "6", "reached", 0}}) {
    REQUIRE(fx.roster({"goal", "set", "--target", c.target, "-q"}).code == 0);
    auto r = fx.roster({"progress", "--check", "-f", "tsv", "--as-of", c.as_of});
    INFO(c.as_of << " target " << c.target);
    CHECK(r.out.find(std::string("\nstatus\t") + c.status + "\n") != std::string::npos);
    CHECK(r.code == c.code);
  }
}

TEST_CASE("progress after the deadline reports the shortfall honestly", "[progress]") {
  SmallGoalFixture fx;
  auto r = fx.roster({"progress", "-f", "table", "--as-of", "2026-01-01"});
  CHECK(r.out.find("  status     missed: 4 members short on 2025-07-15; 6 today, 4 to go\n") != std::string::npos);
}

TEST_CASE("progress on the demo roster: 91 founders, 200 not reached by 2025-07-15", "[progress]") {
  DbFixture fx;
  REQUIRE(
      fx.roster({"import", (source_dir() / "data/demo-members.csv").string(), "-q", "--as-of", "2026-11-29"}).code ==
      0);
  auto r = fx.roster({"progress", "-f", "tsv", "--as-of", "2026-11-29"});
  CHECK(r.out.find("\nbaseline\t91\n") != std::string::npos);
  CHECK(r.out.find("\nstatus\tmissed\n") != std::string::npos);
}

TEST_CASE("progress on an empty roster", "[progress]") {
  DbFixture fx;
  auto r = fx.roster({"progress", "-f", "json", "--as-of", "2024-01-01"});
  CHECK(r.code == 0);
  CHECK(r.out.find("\"active\": 0,") != std::string::npos);
  CHECK(r.out.find("\"status\": \"behind\",") != std::string::npos);
  CHECK(r.out.find("\"projected_date\": null,") != std::string::npos);
}

TEST_CASE("goal shows the goal with its computed baseline, and goal set changes and logs it", "[goal]") {
  SmallGoalFixture fx;
  auto show = fx.roster({"goal", "-f", "tsv"});
  CHECK(show.out == "field\tvalue\nstart\t2023-07-15\nbaseline\t3\ntarget\t10\ndeadline\t2025-07-15\n");
  auto set = fx.roster({"goal", "set", "--target", "12", "--deadline", "2026-07-15"});
  CHECK(set.code == 0);
  CHECK(set.err == "roster: goal: 12 members by 2026-07-15, counting from 2023-07-15\n");
  auto json = fx.roster({"goal", "-f", "json"});
  CHECK(json.out ==
        "{\n  \"start\": \"2023-07-15\",\n  \"baseline\": 3,\n  \"target\": 12,\n  \"deadline\": \"2026-07-15\"\n}\n");
  auto log =
      run_program({"sqlite3", fx.db,
                   "SELECT command, kind, field, before, after FROM history WHERE kind = 'goal.set' ORDER BY id"});
  CHECK(log.out == "goal set|goal.set|target|10|12\ngoal set|goal.set|deadline|2025-07-15|2026-07-15\n");
}

TEST_CASE("goal set refuses a bad goal and leaves the database as it was", "[goal]") {
  SmallGoalFixture fx;
  std::string before = dump_database(fx.db);
  struct Bad {
    std::vector<std::string> args;
    std::string err;
  };
  for (const auto& b : std::vector<Bad>{
           {{"goal", "set", "--deadline", "2023-01-01"},
            "roster: error: the deadline 2023-01-01 must come after the start 2023-07-15\n"},
           {{"goal", "set", "--target", "0"},
            "roster: error: --target: must be 1 or more (see `roster goal set --help`)\n"},
           {{"goal", "set", "--target", "10000001"},
            "roster: error: --target: must be at most 10000000 (see `roster goal set --help`)\n"},
           {{"goal", "set", "--target", "99999999999999999999"},
            "roster: error: --target: must be at most 10000000 (see `roster goal set --help`)\n"},
           {{"goal", "set", "--target", "-5"},
            "roster: error: --target: must be 1 or more (see `roster goal set --help`)\n"},
           {{"goal", "set", "--target", "2e6"},
            "roster: error: --target: '2e6' is not a whole number (see `roster goal set --help`)\n"},
           {{"goal", "set", "--deadline", "2123-07-17"},
            "roster: error: the deadline 2123-07-17 is more than 100 years after the start 2023-07-15; choose a nearer "
            "deadline\n"},
           {{"goal", "set", "--start", "2023-02-30"},
            "roster: error: --start '2023-02-30' is not a real date; write it as YYYY-MM-DD (also 2023/7/15 or "
            "2023年7月15日)\n"},
           {{"goal", "set"},
            "roster: error: goal set needs at least one of --start, --target, --deadline, --association\n"}}) {
    auto r = fx.roster(b.args);
    CHECK(r.code == 2);
    CHECK(r.err == b.err);
  }
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("progress with the largest target says the goal is not within 100 years, in every format", "[progress]") {
  SmallGoalFixture fx;
  REQUIRE(fx.roster({"goal", "set", "--target", "10000000", "--deadline", "2123-07-15", "-q"}).code == 0);
  // On 2024-03-15: 5 active, 2 joins in the last 90 days: 9,999,995 members
  // at 2/90 a day is some 450 million days away.
  auto table = fx.roster({"progress", "-f", "table", "--as-of", "2024-03-15"});
  CHECK(table.code == 0);
  CHECK(table.out.find("  outlook    at the last 90 days' pace, 10000000 is more than 100 years away\n") !=
        std::string::npos);
  auto json = fx.roster({"progress", "-f", "json", "--as-of", "2024-03-15"});
  CHECK(json.out.find("\"projected_date\": null,\n  \"projected_beyond_100_years\": true,") != std::string::npos);
  auto tsv = fx.roster({"progress", "-f", "tsv", "--as-of", "2024-03-15"});
  CHECK(tsv.out.find("\nprojected_date\t\nprojected_beyond_100_years\ttrue\n") != std::string::npos);
  auto md = fx.roster({"progress", "-f", "markdown", "--as-of", "2024-03-15"});
  CHECK(md.out.find("- **outlook**: at the last 90 days' pace, 10000000 is more than 100 years away\n") !=
        std::string::npos);
  for (const auto& out : {table.out, json.out, tsv.out, md.out}) {
    // No overflowed year (five digits, negative) anywhere.
    CHECK(out.find("10000-") == std::string::npos);
    CHECK(out.find("\"-") == std::string::npos);
  }
}

TEST_CASE("init refuses a target over 10,000,000 and a deadline over 100 years away", "[progress][init]") {
  TempDir dir;
  struct Bad {
    std::vector<std::string> args;
    std::string err;
  };
  for (const auto& b : std::vector<Bad>{
           {{"--target", "10000001"}, "roster: error: --target: must be at most 10000000 (see `roster init --help`)\n"},
           {{"--target", "99999999999999999999"},
            "roster: error: --target: must be at most 10000000 (see `roster init --help`)\n"},
           {{"--start", "2024-01-01", "--deadline", "2124-01-03"},
            "roster: error: the deadline 2124-01-03 is more than 100 years after the start 2024-01-01; choose a nearer "
            "deadline\n"}}) {
    auto args = b.args;
    args.insert(args.begin(), {"init", "--db", dir.file("x.db")});
    auto r = run_roster(args);
    CHECK(r.code == 2);
    CHECK(r.err == b.err);
    CHECK_FALSE(std::filesystem::exists(dir.file("x.db")));
  }
}
