// Dues set up with the real commands (schedule, bill twice, pay, waive, defer) and read as of
// 2024-10-15 under the default policy (due 03-31, suspended after 6 months,
// lapsed after 12). One member of each status:
//
//   #  name tier            joined      2024 charge          paid           as of 2024-10-15
//   1  甲   council         2023-07-15  10,000.00 due 03-31  10,000 (03-20) paid
//   2  乙   member          2024-10-01   1,500.00 due 10-31     500 (10-10) partial
//   3  丙   member          2024-10-12   1,500.00 due 11-11       -         due
//   4  丁   member          2024-05-01   3,000.00 due 05-31   3,000 (11-01) overdue (paid later)
//   5  戊   member          2023-07-15   3,000.00 due 03-31   1,000 (04-10) suspended; lapsed from 2025-04-01
//   6  己   vice-president  2023-07-15  20,000.00 due 03-31   5,000 (03-01) waived on 06-01
//   7  庚   member          2023-07-15   3,000.00 due 03-31       -         deferred on 03-20 to 12-31
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "harness.h"

namespace roster::test {

const std::string kAsOf = "2024-10-15";

struct DuesFixture : DbFixture {
  DuesFixture() {
    using Args = std::vector<std::string>;
    auto run = [&](Args args) {
      args.push_back("-q");
      auto r = roster(args);
      if (r.code != 0) throw std::runtime_error(args[0] + " " + args[1] + ": " + r.err);
      return r;
    };
    for (const auto& [tier, amount] : std::vector<std::pair<std::string, std::string>>{
             {"member", "3000"}, {"council", "10000"}, {"vice-president", "20000"}}) {
      run({"dues", "schedule", "set", "--tier", tier, "--amount", amount, "--from", "2023-01-01", "--resolution",
           "第一届第一次会员大会"});
    }
    for (const Args& m : std::vector<Args>{{"甲", "council", "2023-07-15"},
                                           {"乙", "member", "2024-10-01"},
                                           {"丙", "member", "2024-10-12"},
                                           {"丁", "member", "2024-05-01"},
                                           {"戊", "member", "2023-07-15"},
                                           {"己", "vice-president", "2023-07-15"},
                                           {"庚", "member", "2023-07-15"}}) {
      run({"add-member", m[0], "--sector", "education", "--tier", m[1], "--joined", m[2], "--as-of", m[2]});
    }
    first_bill = roster({"dues", "bill", "--year", "2024", "--as-of", "2024-01-10"});
    run({"dues", "pay", "1", "--year", "2024", "--amount", "10000", "--on", "2024-03-20", "--as-of", "2024-03-20"});
    run({"dues", "pay", "6", "--year", "2024", "--amount", "5000", "--on", "2024-03-01", "--as-of", "2024-03-01"});
    run({"dues", "defer", "7", "--year", "2024", "--until", "2024-12-31", "--reason", "资金周转", "--approved-by",
         "理事会", "--as-of", "2024-03-20"});
    run({"dues", "pay", "5", "--year", "2024", "--amount", "1000", "--on", "2024-04-10", "--as-of", "2024-04-10"});
    run({"dues", "waive", "6", "--year", "2024", "--reason", "受灾", "--approved-by", "理事会", "--as-of",
         "2024-06-01"});
    second_bill = roster({"dues", "bill", "--year", "2024", "--as-of", "2024-10-14"});
    run({"dues", "pay", "2", "--year", "2024", "--amount", "500", "--on", "2024-10-10", "--as-of", "2024-10-14"});
    run({"dues", "pay", "4", "--year", "2024", "--amount", "3000", "--on", "2024-11-01", "--as-of", "2024-11-01"});
    // Contacts for the reminders (set as add-member --contact would).
    auto sql = run_program({"sqlite3", db,
                            "UPDATE members SET contact = '王芳', phone = '0574-8800 1234', email = 'wu@example.cn' "
                            "WHERE id = 5; UPDATE members SET contact = '李明', phone = '+86 138 0000 0002' "
                            "WHERE id = 2;"});
    if (sql.code != 0) throw std::runtime_error("sqlite3: " + sql.err);
  }
  RunResult on(const std::string& date, std::vector<std::string> args) const {
    args.insert(args.end(), {"--as-of", date});
    return roster(std::move(args));
  }
  nlohmann::json json_of(const std::string& date, std::vector<std::string> args) const {
    args.insert(args.end(), {"-f", "json"});
    auto r = on(date, std::move(args));
    INFO(r.err);
    REQUIRE(r.code == 0);
    return nlohmann::json::parse(r.out);
  }
  RunResult first_bill, second_bill;
};

}  // namespace roster::test
