// The weekly report's dues section and progress's "at risk" line, end to end,
// on the dues of dues_fixture.h (default policy: overdue from the day after
// 03-31, suspended after 6 months, lapsed after 12). Worked by hand:
//
// 2024-W14 (04-01 … 04-07): no payment; on 03-31 nobody was late, on 04-07 戊
// (nothing paid) and 己 (5,000 of 20,000) are overdue, 庚 is deferred; owed on
// 04-07: 戊 3,000 + 己 15,000 + 庚 3,000 (deferred counts) = 21,000.00.
// 乙, 丙 and 丁 were billed on 10-14, so not yet.
// 2024-W15 (04-08 … 04-14): 戊 pays 1,000 on 04-10; owed 20,000.00; nobody new.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "dues_fixture.h"
#include "harness.h"

using namespace roster::test;
using nlohmann::json;

namespace {

json dues_section(const DuesFixture& fx, const std::string& week) {
  return fx.json_of("2024-10-15", {"report", "--week", week})["dues"];
}

}  // namespace

TEST_CASE("report -f json's dues section on hand-worked weeks", "[dues][report]") {
  DuesFixture fx;
  json late = json::array({{{"id", 5}, {"name", "戊"}}, {{"id", 6}, {"name", "己"}}});
  CHECK(dues_section(fx, "2024-W14") == json({{"collected_fen", 0},
                                              {"payments", 0},
                                              {"outstanding_fen", 2100000},
                                              {"newly_overdue", late},
                                              {"suspended", 0},
                                              {"lapsed", 0}}));
  CHECK(dues_section(fx, "2024-W15") == json({{"collected_fen", 100000},
                                              {"payments", 1},
                                              {"outstanding_fen", 2000000},
                                              {"newly_overdue", json::array()},
                                              {"suspended", 0},
                                              {"lapsed", 0}}));
  // 2024-W40 (09-30 … 10-06): 戊's 2,000 left turns suspended on 10-01.
  json w40 = dues_section(fx, "2024-W40");
  CHECK(w40["suspended"] == 1);
  CHECK(w40["lapsed"] == 0);
}

TEST_CASE("the report's text, markdown and chat carry the dues section, never a contact", "[dues][report]") {
  DuesFixture fx;
  for (const std::string format : {"text", "markdown", "chat"}) {
    INFO(format);
    auto r = fx.on("2024-10-15", {"report", "--week", "2024-W14", "-f", format});
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("21,000.00 yuan outstanding"));
    CHECK_THAT(r.out, Catch::Contains("2 members newly overdue: 戊, 己"));
    CHECK_THAT(r.out, Catch::Contains("0 suspended, 0 lapsed"));
    CHECK_THAT(r.out, !Catch::Contains("王芳") && !Catch::Contains("0574") && !Catch::Contains("example.cn"));
  }
  auto zh = fx.on("2024-10-15", {"report", "--week", "2024-W15", "-f", "text", "--lang", "zh"});
  REQUIRE(zh.code == 0);
  CHECK_THAT(zh.out, Catch::Contains("1,000.00"));
  CHECK_THAT(zh.out, !Catch::Contains("yuan collected"));
}

TEST_CASE("a report before any dues are billed has no dues section", "[dues][report]") {
  DbFixture db;
  REQUIRE(db.roster({"add-member", "甲", "--sector", "education", "--joined", "2024-01-02", "-q"}).code == 0);
  auto r = db.roster({"report", "--week", "2024-W14", "--as-of", "2024-10-15", "-f", "json"});
  REQUIRE(r.code == 0);
  CHECK_FALSE(json::parse(r.out).contains("dues"));
}

TEST_CASE("progress counts the active members at risk in dues, leaving takes a member off", "[dues][progress]") {
  DuesFixture fx;
  json p = fx.json_of("2024-10-15", {"progress"});
  CHECK(p["dues_suspended"] == 1);  // 戊
  CHECK(p["dues_lapsed"] == 0);
  auto text = fx.on("2024-10-15", {"progress", "-f", "table"});
  REQUIRE(text.code == 0);
  CHECK_THAT(text.out, Catch::Contains("0 lapsed and 1 suspended in dues; see roster dues status"));

  // On 2025-04-01 戊's 2024 dues are lapsed; 乙, 丙 and 庚 are overdue, not at risk yet.
  p = fx.json_of("2025-04-01", {"progress"});
  CHECK(p["dues_suspended"] == 0);
  CHECK(p["dues_lapsed"] == 1);
  // Dues never end a membership: 戊 is still counted until the council removes it.
  int64_t active = p["active"].get<int64_t>();
  REQUIRE(fx.on("2025-04-02", {"remove-member", "5", "--left", "2025-04-02", "--reason", "未缴会费", "-q"}).code == 0);
  p = fx.json_of("2025-04-02", {"progress"});
  CHECK(p["dues_lapsed"] == 0);
  CHECK(p["active"].get<int64_t>() == active - 1);
  auto history = fx.on("2025-04-02", {"history", "--member", "5", "-f", "json"});
  CHECK_THAT(history.out, Catch::Contains("未缴会费"));
}

TEST_CASE("report -f json lists every member newly overdue, the text names ten", "[dues][report]") {
  DbFixture db;
  std::string csv = "name,sectors,joined\n";
  for (int i = 1; i <= 13; ++i) csv += "欠费公司" + std::to_string(i) + ",education,2023-06-01\n";
  REQUIRE(db.roster({"import", "-", "--format", "csv", "--as-of", "2024-01-02", "-q"}, csv).code == 0);
  REQUIRE(db.roster({"dues", "schedule", "set", "--tier", "member", "--amount", "3000", "--from", "2024-01-01",
                     "--resolution", "第一届第二次会员大会", "--as-of", "2024-01-02", "-q"})
              .code == 0);
  REQUIRE(db.roster({"dues", "bill", "--year", "2024", "--as-of", "2024-01-10", "-q"}).code == 0);
  auto r = db.roster({"report", "--week", "2024-W14", "--as-of", "2024-10-15", "-f", "json"});
  REQUIRE(r.code == 0);
  // Written as read, laid out as the whole document dumped at once.
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(r.out);
  CHECK(r.out == doc.dump(2) + "\n");
  const auto& late = doc["dues"]["newly_overdue"];
  REQUIRE(late.size() == 13);
  for (int i = 0; i < 13; ++i) {
    CHECK(late[i] == nlohmann::ordered_json{{"id", i + 1}, {"name", "欠费公司" + std::to_string(i + 1)}});
  }
  CHECK(doc["dues"]["suspended"] == 0);  // the keys after the list keep their places
  auto text = db.roster({"report", "--week", "2024-W14", "--as-of", "2024-10-15", "-f", "text"});
  REQUIRE(text.code == 0);
  CHECK_THAT(text.out,
             Catch::Contains("13 members newly overdue: 欠费公司1, 欠费公司2, 欠费公司3, 欠费公司4, 欠费公司5, "
                             "欠费公司6, 欠费公司7, 欠费公司8, 欠费公司9, 欠费公司10, and 3 more\n"));
  auto chat = db.roster({"report", "--week", "2024-W14", "--as-of", "2024-10-15", "-f", "chat"});
  CHECK_THAT(chat.out,
             Catch::Contains("13 members newly overdue: 欠费公司1, 欠费公司2, 欠费公司3, 欠费公司4, 欠费公司5, "
                             "and 8 more\n"));
}
