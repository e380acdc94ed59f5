#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "harness.h"
#include "roster/text.h"

using namespace roster::test;

TEST_CASE("sectors -f json gives the per-sector figures, worked by hand", "[sectors]") {
  SmallGoalFixture fx;
  auto r = fx.roster({"sectors", "-f", "json", "--as-of", "2025-06-01", "--since", "2024-06-01"});
  CHECK(r.code == 0);
  // Active on 2025-06-01: members 1 2 4 5 6 8. e-commerce: 2 and 5 (primary
  // 5 only); education: 4 and 6 (7 left 2025-03-01); technology: 1, never
  // primary. Window (2024-06-01, 2025-06-01]: 7 joined (education, tourism)
  // and left; 8 joined healthcare; 3 left healthcare 2024-06-30. Road:
  // 3 + 7 × 687/731 = 9.58 of 10 → 0.96. Only member 1 has no key sector.
  CHECK(r.out == read_file(source_dir() / "tests/e2e/expected/sectors-2025-06-01.json"));
}

TEST_CASE("sectors --key-only, csv and tsv", "[sectors]") {
  SmallGoalFixture fx;
  auto tsv = fx.roster({"sectors", "--key-only", "-f", "tsv", "--as-of", "2025-06-01"});
  CHECK(tsv.out ==
        "code\tname_en\tname_zh\tkey\tprimary\tmembers\tshare\tjoins\tdepartures\ttarget\texpected\tlagging\n"
        "healthcare\tHealthcare\t医疗健康\t1\t1\t1\t16.67\t0\t0\t\t\t0\n"
        "e-commerce\tE-commerce\t电子商务\t1\t1\t2\t33.33\t0\t0\t\t\t0\n"
        "education\tEducation\t教育\t1\t1\t2\t33.33\t0\t0\t\t\t0\n"
        "tourism\tTourism\t文化旅游\t1\t1\t1\t16.67\t0\t0\t\t\t0\n"
        "entertainment\tEntertainment\t文化娱乐\t1\t1\t1\t16.67\t0\t0\t\t\t0\n");
  auto csv = fx.roster({"sectors", "--key-only", "-f", "csv", "--as-of", "2025-06-01"});
  CHECK(csv.out.rfind("code,name_en,name_zh,key,primary,members,share,joins,departures,target,expected,lagging\r\n"
                      "healthcare,Healthcare,医疗健康,1,1,1,16.67,0,0,,,0\r\n",
                      0) == 0);
}

TEST_CASE("sectors as a table lines up with Chinese names", "[sectors]") {
  SmallGoalFixture fx;
  auto r = fx.roster({"sectors", "-f", "table", "--as-of", "2025-06-01"});
  std::istringstream lines(r.out);
  std::string line, header;
  std::vector<size_t> share_ends;  // display column where SHARE ends, per row
  while (std::getline(lines, line)) {
    if (line.rfind("CODE", 0) == 0) header = line;
    auto pct = line.find('%');
    if (!header.empty() && pct != std::string::npos)
      share_ends.push_back(roster::display_width(line.substr(0, pct + 1)));
  }
  REQUIRE(share_ends.size() == 11);
  size_t header_end = roster::display_width(header.substr(0, header.find("SHARE") + 5));
  for (size_t end : share_ends) CHECK(end == header_end);
  CHECK(r.out.find("\n5 of 5 key sectors have members; thinnest: healthcare, 1\n"
                   "1 active member is in no key sector:\n  #1 中国移动通信集团浙江有限公司\n") != std::string::npos);
}

TEST_CASE("sectors --check exits 3 when a key sector with a target lags the road", "[sectors]") {
  SmallGoalFixture fx;
  CHECK(fx.roster({"sectors", "--check", "-f", "tsv", "--as-of", "2025-06-01"}).code == 0);  // no targets yet
  // e-commerce: 2 members against 2 × 0.958 = 1.92 expected: fine.
  REQUIRE(fx.roster({"sectors", "edit", "e-commerce", "--target", "2", "-q"}).code == 0);
  CHECK(fx.roster({"sectors", "--check", "-f", "tsv", "--as-of", "2025-06-01"}).code == 0);
  // tourism: 1 member against 4 × 0.958 = 3.83 expected: lagging.
  REQUIRE(fx.roster({"sectors", "edit", "文化旅游", "--target", "4", "-q"}).code == 0);
  auto r = fx.roster({"sectors", "--check", "-f", "tsv", "--as-of", "2025-06-01"});
  CHECK(r.code == 3);
  CHECK(r.out.find("\ntourism\tTourism\t文化旅游\t1\t1\t1\t16.67\t0\t0\t4\t3.83\t1\n") != std::string::npos);
  auto table = fx.roster({"sectors", "-f", "table", "--as-of", "2025-06-01"});
  CHECK(table.out.find("1 / 4  lagging") != std::string::npos);
}

TEST_CASE("sectors add, edit, remove and merge change the registry and the history", "[sectors]") {
  SmallGoalFixture fx;
  auto add = fx.roster(
      {"sectors", "add", "smart-city", "--name", "Smart city", "--name-zh", "智慧城市", "--key", "--target", "5"});
  CHECK(add.code == 0);
  CHECK(add.err == "roster: added sector smart-city (Smart city / 智慧城市)\n");
  CHECK(
      fx.roster({"add-member", "宁波智慧城市有限公司", "--sector", "智慧城市", "--joined", "2025-01-01", "-q"}).code ==
      0);

  auto edit = fx.roster({"sectors", "edit", "smart-city", "--not-key", "--no-target", "--name", "Smart cities"});
  CHECK(edit.code == 0);
  auto remove = fx.roster({"sectors", "remove", "finance"});
  CHECK(remove.code == 0);
  CHECK(remove.err == "roster: removed sector finance\n");
  // Member 7 is in education and tourism (education primary); member 4 in
  // tourism (primary) and education. Folding tourism into education: 4 keeps
  // one link, now primary education; 7 keeps education.
  auto merge = fx.roster({"sectors", "merge", "tourism", "education"});
  CHECK(merge.code == 0);
  CHECK(merge.err == "roster: merged sector tourism into education: 2 members moved; tourism is gone\n");
  auto links = run_program({"sqlite3", fx.db,
                            "SELECT member_id, sector_code, position FROM member_sectors "
                            "WHERE member_id IN (4, 7) ORDER BY member_id, position"});
  CHECK(links.out == "4|education|0\n7|education|0\n");
  auto history = run_program(
      {"sqlite3", fx.db, "SELECT kind, field, before, after FROM history WHERE kind LIKE 'sector.%' ORDER BY id"});
  CHECK(history.out ==
        "sector.add|smart-city||Smart city / 智慧城市, key, target 5\n"
        "sector.edit|smart-city.name_en|Smart city|Smart cities\n"
        "sector.edit|smart-city.key|1|0\n"
        "sector.edit|smart-city.target|5|\n"
        "sector.remove|finance|finance|\n"
        "sector.merge|tourism|tourism|education (2 members moved)\n");
}

TEST_CASE("sector registry refusals: message, exit code, database unchanged", "[sectors]") {
  SmallGoalFixture fx;
  std::string before = dump_database(fx.db);
  struct Bad {
    std::vector<std::string> args;
    int code;
    std::string err;
  };
  const std::string codes =
      "known sectors: healthcare (医疗健康), e-commerce (电子商务), education (教育), tourism (文化旅游), "
      "entertainment (文化娱乐), telecom (通信), manufacturing (智能制造), finance (金融科技), media (数字内容), "
      "technology (信息技术), other (其他) (give a code, its English or Chinese name, or a short form such as 医疗)";
  for (const auto& b : std::vector<Bad>{
           {{"sectors", "add", "tourism", "--name", "Travel", "--name-zh", "旅行"},
            1,
            "roster: error: 'tourism' already names sector tourism (Tourism / 文化旅游); choose another\n"},
           {{"sectors", "add", "travel", "--name", "Travel", "--name-zh", "文化旅游"},
            1,
            "roster: error: '文化旅游' already names sector tourism (Tourism / 文化旅游); choose another\n"},
           {{"sectors", "add", "Smart City", "--name", "Smart city", "--name-zh", "智慧城市"},
            1,
            "roster: error: sector code 'Smart City' must be 1-32 lower-case letters, digits or hyphens, e.g. "
            "smart-city\n"},
           {{"sectors", "edit", "mining", "--target", "3"},
            1,
            "roster: error: unknown sector 'mining'; " + codes + "\n"},
           {{"sectors", "remove", "tourism"},
            1,
            "roster: error: sector tourism is used by 2 members (past or present); move them first with `roster "
            "sectors merge tourism OTHER`\n"},
           {{"sectors", "remove", "healthcare"},
            1,
            "roster: error: sector healthcare is used by 2 members (past or present); move them first with `roster "
            "sectors merge healthcare OTHER`\n"},
           {{"sectors", "merge", "tourism", "文化旅游"},
            1,
            "roster: error: cannot merge sector tourism into itself; name two different sectors\n"},
           {{"sectors", "merge", "mining", "tourism"}, 1, "roster: error: unknown sector 'mining'; " + codes + "\n"},
           {{"sectors", "edit", "tourism", "--key", "--not-key"},
            2,
            "roster: error: --key excludes --not-key (see `roster sectors edit --help`)\n"},
       }) {
    auto r = fx.roster(b.args);
    INFO(b.args[1] << " " << b.args[2]);
    CHECK(r.code == b.code);
    CHECK(r.err == b.err);
    CHECK(r.out.empty());
  }
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("sectors as a table names the first 20 members in no key sector and counts the rest", "[sectors]") {
  DbFixture fx;
  std::string csv = "name,sectors,joined\n";
  for (int i = 1; i <= 23; ++i) csv += "其他公司" + std::to_string(i) + ",other,2024-01-01\n";
  csv += "医疗公司,healthcare,2024-01-01\n";
  REQUIRE(fx.roster({"import", "-", "--format", "csv", "--as-of", "2024-06-01", "-q"}, csv).code == 0);
  auto table = fx.roster({"sectors", "-f", "table", "--as-of", "2024-06-01"});
  CHECK(table.code == 0);
  CHECK(table.out.find("23 active members are in no key sector:\n") != std::string::npos);
  CHECK(table.out.find("  #20 其他公司20\n") != std::string::npos);
  CHECK(table.out.find("其他公司21") == std::string::npos);
  CHECK(table.out.find("  … and 3 more (roster sectors -f json lists them all)\n") != std::string::npos);
  auto markdown = fx.roster({"sectors", "-f", "markdown", "--as-of", "2024-06-01"});
  CHECK(markdown.out.find(". 23 active members are in no key sector.\n") != std::string::npos);
}

TEST_CASE("sectors -f json lists every member in no key sector, by id, laid out as one document", "[sectors]") {
  DbFixture fx;
  std::string csv = "name,sectors,joined\n";
  for (int i = 1; i <= 23; ++i) csv += "其他公司" + std::to_string(i) + ",other,2024-01-01\n";
  csv += "医疗公司,healthcare,2024-01-01\n\"Quote \"\"Co\"\"\",telecom,2024-01-01\n";
  REQUIRE(fx.roster({"import", "-", "--format", "csv", "--as-of", "2024-06-01", "-q"}, csv).code == 0);
  auto r = fx.roster({"sectors", "-f", "json", "--as-of", "2024-06-01"});
  CHECK(r.code == 0);
  // The list is written as it is read; the bytes are still those of the whole
  // document dumped with two-space indents.
  auto doc = nlohmann::ordered_json::parse(r.out);
  CHECK(r.out == doc.dump(2) + "\n");
  const auto& list = doc["without_key_sector"];
  REQUIRE(list.size() == 24);
  for (int i = 0; i < 23; ++i) {
    CHECK(list[i] == nlohmann::ordered_json{{"id", i + 1}, {"name", "其他公司" + std::to_string(i + 1)}});
  }
  CHECK(list[23] == nlohmann::ordered_json{{"id", 25}, {"name", "Quote \"Co\""}});
  CHECK(r.out.find("    {\n      \"id\": 25,\n      \"name\": \"Quote \\\"Co\\\"\"\n    }\n  ]\n}\n") !=
        std::string::npos);

  // Once every active member is in a key sector the array is empty.
  REQUIRE(fx.roster({"sectors", "edit", "other", "--key", "-q"}).code == 0);
  REQUIRE(fx.roster({"sectors", "edit", "telecom", "--key", "-q"}).code == 0);
  auto none = fx.roster({"sectors", "-f", "json", "--as-of", "2024-06-01"});
  CHECK(none.code == 0);
  CHECK(none.out.ends_with(",\n  \"without_key_sector\": []\n}\n"));
  CHECK(none.out == nlohmann::ordered_json::parse(none.out).dump(2) + "\n");
}
