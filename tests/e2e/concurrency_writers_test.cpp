// Eight offices writing at once while others read: on a file, and (with
// $ROSTER_TEST_PG) on PostgreSQL, where the writers are separate connections
// that only the store's write lock keeps apart.
#include <fmt/core.h>

#include <catch2/catch.hpp>
#include <future>
#include <map>
#include <set>
#include <tuple>

#include "harness.h"
#include "roster/uscc.h"

using namespace roster::test;

namespace {

// A valid USCC numbered `n`.
std::string uscc_numbered(int n) {
  std::string first17 = fmt::format("91330106MA{:07d}", n);
  return first17 + roster::uscc_check_char(first17);
}

}  // namespace

TEST_CASE("eight writers adding members, some with the same USCC, while readers loop: every member once",
          "[concurrency]") {
  DbFixture fx;
  const int writers = 8, per_writer = kSanitized ? 6 : 12, shared = 4;
  // Writer w adds members 1..per_writer; members 1..shared carry a USCC every
  // writer shares (one writer gets each), the rest one of their own.
  auto writer = [&](int w) {
    std::string script = "for i in $(seq 1 " + std::to_string(per_writer) + "); do ";
    for (int i = 1; i <= per_writer; ++i) {
      std::string uscc = i <= shared ? uscc_numbered(i) : uscc_numbered(w * 1000 + i);
      script += "[ $i -eq " + std::to_string(i) + " ] && u=" + uscc + "; ";
    }
    script += "\"$0\" add-member \"办事处" + std::to_string(w) +
              "公司$i\" --uscc $u --sector tourism --joined 2024-01-01 --db \"$1\" -q >/dev/null; "
              "echo \"$i $?\"; done";
    return run_program({"sh", "-c", script, roster_bin(), fx.db}, "", {}, std::chrono::seconds(240));
  };
  // Readers list and count until the writers are done; each run must succeed.
  std::atomic<bool> done{false};
  auto reader = [&](std::vector<std::string> command) {
    int runs = 0, failures = 0;
    std::string first_error;
    while (!done || runs == 0) {
      auto r = fx.roster(command);
      ++runs;
      if (r.code != 0) {
        ++failures;
        if (first_error.empty()) first_error = r.err;
      }
    }
    return std::make_tuple(runs, failures, first_error);
  };
  auto list = std::async(std::launch::async, reader, std::vector<std::string>{"list", "-f", "tsv"});
  auto progress = std::async(std::launch::async, reader, std::vector<std::string>{"progress", "-f", "json"});
  std::vector<std::future<RunResult>> running;
  for (int w = 1; w <= writers; ++w) running.push_back(std::async(std::launch::async, writer, w));
  std::vector<RunResult> results;
  for (auto& r : running) results.push_back(r.get());
  done = true;

  int added = 0;
  std::map<int, int> shared_winners;  // member number -> writers that added it
  for (int w = 1; w <= writers; ++w) {
    const auto& r = results[static_cast<size_t>(w - 1)];
    INFO("writer " << w << ": " << r.err);
    CHECK(r.code == 0);
    for (const auto& line : lines_of(r.out)) {
      int i = 0, code = -1;
      REQUIRE(std::sscanf(line.c_str(), "%d %d", &i, &code) == 2);
      if (code == 0) ++added;
      if (i <= shared && code == 0) ++shared_winners[i];
      if (i > shared) CHECK(code == 0);  // a USCC of its own: always added
      if (i <= shared) CHECK((code == 0 || code == 1));
    }
    // The only error a writer may see: the documented duplicate refusal.
    for (const auto& line : lines_of(r.err)) {
      CHECK(line.starts_with("roster: error: USCC 91330106MA000000"));
      CHECK(line.find(" already belongs to member #") != std::string::npos);
    }
  }
  for (int i = 1; i <= shared; ++i) CHECK(shared_winners[i] == 1);
  CHECK(added == writers * (per_writer - shared) + shared);

  for (auto* r : {&list, &progress}) {
    auto [runs, failures, first_error] = r->get();
    INFO(first_error);
    CHECK(runs > 0);
    CHECK(failures == 0);
  }
  auto rows = fx.roster({"list", "-f", "tsv", "--status", "all"});
  REQUIRE(rows.code == 0);
  std::set<std::string> names, usccs;
  for (const auto& line : lines_of(rows.out)) {
    if (line.starts_with("id\t")) continue;
    auto first = line.find('\t'), second = line.find('\t', first + 1), third = line.find('\t', second + 1);
    CHECK(names.insert(line.substr(first + 1, second - first - 1)).second);
    CHECK(usccs.insert(line.substr(second + 1, third - second - 1)).second);
  }
  CHECK(names.size() == static_cast<size_t>(added));
  CHECK(usccs.size() == static_cast<size_t>(added));
  auto history = fx.roster({"history", "-f", "tsv", "--kind", "member.add"});
  CHECK(lines_of(history.out).size() == static_cast<size_t>(added) + 1);
}
