#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "roster/json_dump.h"
#include "roster/sector_render.h"

using Catch::Matchers::Contains;
using roster::Format;
using roster::MemberRef;
using roster::Sector;
using roster::SectorReport;

namespace {

std::vector<Sector> sectors() {
  return {{"healthcare", "Healthcare", "医疗健康", true, 20}, {"telecom", "Telecom", "通信", false, std::nullopt}};
}

roster::Date day() {
  return roster::Date::from_ymd(2024, 3, 31);
}

SectorReport with_prospects() {
  return roster::build_sector_report(day(), day().plus_days(-7), 10, 0.5, sectors(), {{"healthcare", 3, 4, 1, 0}},
                                     false, {{sectors()[0], 2, 0.7}});
}

SectorReport without_prospects() {
  return roster::build_sector_report(day(), day().plus_days(-7), 10, 0.5, sectors(), {{"healthcare", 3, 4, 1, 0}},
                                     false);
}

// Feeds `members` as the store would, counting the calls.
struct Feed {
  std::vector<MemberRef> members;
  int reads = 0;
  roster::MemberRefFeed feed() {
    return [this](const std::function<void(const MemberRef&)>& each) {
      ++reads;
      for (const auto& m : members) each(m);
    };
  }
};

std::string render(const SectorReport& r, Format format, std::vector<MemberRef> without_key_sector = {}) {
  std::ostringstream out;
  Feed feed{std::move(without_key_sector)};
  roster::render_sectors(r, feed.feed(), format, out, {});
  return out.str();
}

}  // namespace

TEST_CASE("the sectors table shows a key sector's open prospects and their weighted sum", "[render][sectors]") {
  std::string table = render(with_prospects(), Format::table);
  CHECK_THAT(table, Contains("TARGET"));
  CHECK_THAT(table, Contains("PROSPECTS  WEIGHTED"));
  CHECK_THAT(table, Contains("2      0.70\n"));
  std::string md = render(with_prospects(), Format::markdown);
  CHECK_THAT(md, Contains("| target | prospects | weighted |\n"));
  CHECK_THAT(md, Contains("| --- | ---: | ---: |\n"));
  CHECK_THAT(md, Contains(" | 2 | 0.70 |\n"));
  CHECK_THAT(md, Contains("|  |  |\n"));  // telecom: not a key sector
}

TEST_CASE("the sectors json and tsv carry prospects for key sectors only", "[render][sectors]") {
  std::string json = render(with_prospects(), Format::json);
  CHECK_THAT(json, Contains(R"("lagging": true,
      "prospects": 2,
      "prospects_weighted": 0.7
    },)"));
  CHECK(json.find("\"prospects\"") == json.rfind("\"prospects\""));  // once: telecom has none
  std::string tsv = render(with_prospects(), Format::tsv);
  CHECK_THAT(tsv, Contains("\tlagging\tprospects\tprospects_weighted\n"));
  CHECK_THAT(tsv, Contains("healthcare\t"));
  CHECK_THAT(tsv, Contains("\t1\t2\t0.70\n"));
  CHECK_THAT(tsv, Contains("\t0\t\t\n"));
}

TEST_CASE("without prospects the sectors output is what it was", "[render][sectors]") {
  SectorReport empty = roster::build_sector_report(day(), day().plus_days(-7), 10, 0.5, sectors(),
                                                   {{"healthcare", 3, 4, 1, 0}}, false, {});
  for (Format f : {Format::table, Format::tsv, Format::csv, Format::json, Format::markdown}) {
    std::string plain = render(without_prospects(), f);
    CHECK(render(empty, f) == plain);
    CHECK(plain.find("prospects") == std::string::npos);
    CHECK(plain.find("PROSPECTS") == std::string::npos);
  }
}

TEST_CASE("the sectors json writes the members in no key sector as one whole document would", "[render][sectors]") {
  // What the json was when the list was held and the document dumped at once.
  auto whole = [](const std::vector<MemberRef>& members) {
    auto doc = nlohmann::ordered_json::parse(render(without_prospects(), Format::json));
    REQUIRE(doc["without_key_sector"] == nlohmann::ordered_json::array());
    for (const auto& m : members) doc["without_key_sector"].push_back({{"id", m.id}, {"name", m.name}});
    return roster::dump_json(doc, 2) + "\n";
  };
  std::vector<std::vector<MemberRef>> lists = {
      {},
      {{7, "中国移动通信集团浙江有限公司"}},
      {{1, "A \"quoted\"\nname\\"}, {2, "杭州\t数字"}, {30, std::string("bad \xff byte")}, {31, ""}}};
  for (const auto& members : lists) {
    INFO(members.size() << " members");
    std::string json = render(without_prospects(), Format::json, members);
    CHECK(json == whole(members));
  }
  CHECK_THAT(render(without_prospects(), Format::json), Contains("\n  \"without_key_sector\": []\n}\n"));
}

TEST_CASE("the sectors table and markdown count the fed members, tsv and csv never read them", "[render][sectors]") {
  std::vector<MemberRef> members;
  for (int i = 1; i <= 22; ++i) members.push_back({i, "M" + std::to_string(i)});
  std::string table = render(without_prospects(), Format::table, members);
  CHECK_THAT(table, Contains("22 active members are in no key sector:\n  #1 M1\n"));
  CHECK_THAT(table, Contains("  #20 M20\n  … and 2 more (roster sectors -f json lists them all)\n"));
  CHECK(table.find("M21") == std::string::npos);
  CHECK_THAT(render(without_prospects(), Format::table), Contains("every active member is in a key sector\n"));
  CHECK_THAT(render(without_prospects(), Format::markdown, members),
             Contains(". 22 active members are in no key sector.\n"));
  for (Format f : {Format::tsv, Format::csv}) {
    Feed feed{members};
    std::ostringstream out;
    roster::render_sectors(without_prospects(), feed.feed(), f, out, {});
    CHECK(feed.reads == 0);
  }
}
