// roster dues status | summary | remind end to end, on the dues of
// dues_fixture.h.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "dues_fixture.h"
#include "harness.h"

using namespace roster::test;
using nlohmann::json;

namespace {

json row(int64_t id, const std::string& name, const std::string& tier, int64_t due, int64_t paid, int64_t balance,
         const std::string& due_on, const std::string& status) {
  return {{"member_id", id},  {"name", name},           {"year", 2024},     {"tier", tier},    {"due_fen", due},
          {"paid_fen", paid}, {"balance_fen", balance}, {"due_on", due_on}, {"status", status}};
}

std::vector<int64_t> ids(const json& rows) {
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r["member_id"].get<int64_t>());
  return out;
}

}  // namespace

TEST_CASE("dues status -f json: exact amounts and one member of each status", "[dues]") {
  DuesFixture fx;
  CHECK(fx.first_bill.out == "4\n");
  CHECK(fx.second_bill.out == "3\n");  // billing again charged only the three who joined since
  json expected = json::array({row(1, "甲", "council", 1000000, 1000000, 0, "2024-03-31", "paid"),
                               row(2, "乙", "member", 150000, 50000, 100000, "2024-10-31", "partial"),
                               row(3, "丙", "member", 150000, 0, 150000, "2024-11-11", "due"),
                               row(4, "丁", "member", 300000, 0, 300000, "2024-05-31", "overdue"),
                               row(5, "戊", "member", 300000, 100000, 200000, "2024-03-31", "suspended"),
                               row(6, "己", "vice-president", 2000000, 500000, 0, "2024-03-31", "waived"),
                               row(7, "庚", "member", 300000, 0, 300000, "2024-12-31", "deferred")});
  CHECK(fx.json_of(kAsOf, {"dues", "status"}) == expected);
  CHECK(fx.json_of(kAsOf, {"dues", "status", "--year", "2024"}) == expected);

  // Six months and a day later: 戊 has lapsed, 丁's late payment counts.
  auto later = fx.json_of("2025-04-01", {"dues", "status", "--year", "2024"});
  CHECK(later[4]["status"] == "lapsed");
  CHECK(later[3]["status"] == "paid");
  CHECK(later[6]["status"] == "overdue");  // the deferral's new date has passed
  // A year nobody is billed for is empty.
  CHECK(fx.json_of(kAsOf, {"dues", "status", "--year", "2023"}) == json::array());
}

TEST_CASE("dues status --status keeps the statuses asked for, a bad one is a usage error", "[dues]") {
  DuesFixture fx;
  CHECK(ids(fx.json_of(kAsOf, {"dues", "status", "--status", "overdue,suspended"})) == std::vector<int64_t>{4, 5});
  CHECK(ids(fx.json_of(kAsOf, {"dues", "status", "--status", "Waived, deferred"})) == std::vector<int64_t>{6, 7});
  CHECK(ids(fx.json_of("2025-04-01", {"dues", "status", "--year", "2024", "--status", "lapsed"})) ==
        std::vector<int64_t>{5});
  auto bad = fx.on(kAsOf, {"dues", "status", "--status", "late"});
  CHECK(bad.code == 2);
  CHECK(bad.out.empty());
  CHECK(bad.err ==
        "roster: error: unknown dues status 'late'; use one or more of paid, partial, due, overdue, suspended, "
        "lapsed, waived, deferred, separated by commas\n");
}

TEST_CASE("dues status --check exits 3 once someone is suspended or lapsed, after the output", "[dues]") {
  DuesFixture fx;
  auto before = fx.on("2024-09-30", {"dues", "status", "--check", "-f", "tsv"});  // 戊 overdue, not yet suspended
  CHECK(before.code == 0);
  auto after = fx.on("2024-10-01", {"dues", "status", "--check", "-f", "tsv"});
  CHECK(after.code == 3);
  CHECK(lines_of(after.out).size() == 8);  // the header and the seven members, written first
  CHECK(after.out.find("\tsuspended\n") != std::string::npos);
  // The filter does not hide the risk from the check.
  CHECK(fx.on(kAsOf, {"dues", "status", "--check", "--status", "paid", "-f", "tsv"}).code == 3);
  CHECK(fx.on(kAsOf, {"dues", "status", "-f", "tsv"}).code == 0);  // without --check, 0
}

TEST_CASE("dues summary: billed, collected, waived, outstanding and the rate, exact", "[dues]") {
  DuesFixture fx;
  auto r = fx.on(kAsOf, {"dues", "summary", "-f", "csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "year,tier,members,billed,billed_fen,collected,collected_fen,waived,waived_fen,outstanding,outstanding_fen,"
        "collection_rate\r\n"
        "2024,vice-president,1,20000.00,2000000,5000.00,500000,15000.00,1500000,0.00,0,1.0000\r\n"
        "2024,council,1,10000.00,1000000,10000.00,1000000,0.00,0,0.00,0,1.0000\r\n"
        "2024,member,5,12000.00,1200000,1500.00,150000,0.00,0,10500.00,1050000,0.1250\r\n"
        "2024,total,7,42000.00,4200000,16500.00,1650000,15000.00,1500000,10500.00,1050000,0.6111\r\n");
  auto total = fx.json_of(kAsOf, {"dues", "summary"}).back();
  CHECK(total == json{{"year", 2024},
                      {"tier", "total"},
                      {"members", 7},
                      {"billed_fen", 4200000},
                      {"collected_fen", 1650000},
                      {"waived_fen", 1500000},
                      {"outstanding_fen", 1050000},
                      {"collection_rate", 0.6111}});
  // Before anything was billed there is nothing to sum.
  auto early = fx.on("2023-12-31", {"dues", "summary", "-f", "table"});
  CHECK(early.out.find("nothing is billed yet") != std::string::npos);
}

TEST_CASE("dues remind lists the members to remind with their contacts, as csv for a mail merge", "[dues]") {
  DuesFixture fx;
  auto r = fx.on(kAsOf, {"dues", "remind", "-f", "csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "member_id,name,contact,phone,email,year,balance,balance_fen,due_on,status\r\n"
        "5,戊,王芳,0574-8800 1234,wu@example.cn,2024,2000.00,200000,2024-03-31,suspended\r\n"
        "4,丁,,,,2024,3000.00,300000,2024-05-31,overdue\r\n"
        "2,乙,李明,'+86 138 0000 0002,,2024,1000.00,100000,2024-10-31,partial\r\n"
        "3,丙,,,,2024,1500.00,150000,2024-11-11,due\r\n");
  CHECK(ids(fx.json_of(kAsOf, {"dues", "remind", "--days-before", "0"})) == std::vector<int64_t>{5, 4});
  CHECK(ids(fx.json_of(kAsOf, {"dues", "remind", "--days-before", "27"})) == std::vector<int64_t>{5, 4, 2, 3});
  CHECK(ids(fx.json_of(kAsOf, {"dues", "remind", "--days-before", "26"})) == std::vector<int64_t>{5, 4, 2});
  // The deferral's new date, 12-31, is 77 days on.
  CHECK(ids(fx.json_of(kAsOf, {"dues", "remind", "--days-before", "77"})) == std::vector<int64_t>{5, 4, 2, 3, 7});
  // The contacts go to the reminders only, never to the status report.
  CHECK(fx.on(kAsOf, {"dues", "status", "-f", "csv"}).out.find("王芳") == std::string::npos);
  CHECK(fx.on(kAsOf, {"dues", "remind", "--days-before", "-1"}).code == 2);
}

TEST_CASE("dues views: csv, tsv and json never change under --lang zh, the table does", "[dues][i18n]") {
  DuesFixture fx;
  for (const std::vector<std::string>& view :
       std::vector<std::vector<std::string>>{{"dues", "status"}, {"dues", "summary"}, {"dues", "remind"}}) {
    for (const std::string format : {"csv", "tsv", "json", "jsonl"}) {
      auto args = view;
      args.insert(args.end(), {"-f", format});
      auto en = fx.on(kAsOf, args);
      args.insert(args.end(), {"--lang", "zh"});
      auto zh = fx.on(kAsOf, args);
      INFO(view[1] << " -f " << format);
      CHECK(en.code == 0);
      CHECK(zh.out == en.out);
    }
  }
  auto en = fx.on(kAsOf, {"dues", "status", "-f", "table"});
  auto zh = fx.on(kAsOf, {"dues", "status", "-f", "table", "--lang", "zh"});
  CHECK(en.out.find("suspended") != std::string::npos);
  CHECK(en.out.find("10,000.00") != std::string::npos);
  CHECK(zh.out.find("暂停权利") != std::string::npos);
  CHECK(zh.out.find("已缴清") != std::string::npos);
  CHECK(zh.out.find("部分缴纳") != std::string::npos);
  CHECK(zh.out.find("缓缴") != std::string::npos);
  CHECK(zh.out.find("2024年12月31日") != std::string::npos);
  CHECK(zh.out.find("suspended") == std::string::npos);
  CHECK(fx.on(kAsOf, {"dues", "summary", "-f", "table", "--lang", "zh"}).out.find("收缴率") != std::string::npos);
}
