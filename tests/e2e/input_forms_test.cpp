// What Chinese secretariat staff type: tiers as 会长单位, dates as 2023年7月15日
// or 2023/7/5 (and spreadsheet day numbers in files), sectors by short form
// and separated by 、 or ；. Each class runs through every command that takes it.
#include <algorithm>
#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

const std::string kDate = "--as-of";
const std::string kForms = "write it as YYYY-MM-DD (also 2023/7/15 or 2023年7月15日)";

// `list -f tsv` reduced to "id name sectors tier joined left" lines.
std::string members(const DbFixture& fx, const std::string& as_of, std::vector<std::string> filter = {}) {
  std::vector<std::string> args = {"list", "-f", "tsv", "--status", "all", "--as-of", as_of};
  args.insert(args.end(), filter.begin(), filter.end());
  auto r = fx.roster(args);
  REQUIRE(r.code == 0);
  std::string out;
  for (const auto& line : lines_of(r.out)) {
    std::vector<std::string> cells;
    size_t start = 0;
    for (size_t tab = line.find('\t');; tab = line.find('\t', start)) {
      cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (cells[0] == "id") continue;
    out += cells[0] + " " + cells[1] + " " + cells[3] + " " + cells[4] + " " + cells[8] + " " + cells[9] + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("every usual form of a tier is accepted by add-member, edit-member, list --tier and import",
          "[input-forms]") {
  DbFixture fx;
  auto add = [&](const std::string& name, const std::string& tier) {
    auto r = fx.roster({"add-member", name, "--sector", "tourism", "--tier", tier, "--joined", "2024-01-01", "--as-of",
                        "2025-01-01", "-q"});
    CHECK(r.err.empty());
    return r.code;
  };
  CHECK(add("甲公司", "会长单位") == 0);
  CHECK(add("乙公司", "副会长单位") == 0);
  CHECK(add("丙公司", "常务理事") == 0);
  CHECK(add("丁公司", "普通会员") == 0);
  CHECK(add("戊公司", "Vice President") == 0);
  CHECK(add("己公司", "ＣＯＵＮＣＩＬ") == 0);
  CHECK(members(fx, "2025-01-01") ==
        "1 甲公司 tourism president 2024-01-01 \n"
        "2 乙公司 tourism vice-president 2024-01-01 \n"
        "3 丙公司 tourism council 2024-01-01 \n"
        "4 丁公司 tourism member 2024-01-01 \n"
        "5 戊公司 tourism vice-president 2024-01-01 \n"
        "6 己公司 tourism council 2024-01-01 \n");

  CHECK(fx.roster({"edit-member", "丁公司", "--tier", "会长"}).code == 0);
  CHECK(fx.roster({"edit-member", "甲公司", "--tier", "理事单位"}).code == 0);
  CHECK(members(fx, "2025-01-01", {"--tier", "会长单位"}) == "4 丁公司 tourism president 2024-01-01 \n");
  CHECK(members(fx, "2025-01-01", {"--tier", "常务理事单位"}) ==
        "1 甲公司 tourism council 2024-01-01 \n"
        "3 丙公司 tourism council 2024-01-01 \n"
        "6 己公司 tourism council 2024-01-01 \n");

  auto imported = fx.roster({"import", "-", "--as-of", "2025-01-01"},
                            "单位名称,所属行业,入会日期,会员类别\n"
                            "庚公司,education,2024-02-01,会长单位\n"
                            "辛公司,education,2024-02-01,常务副会长\n"
                            "壬公司,education,2024-02-01,会员单位\n"
                            "癸公司,education,2024-02-01,\n");
  CHECK(imported.err == "roster: imported 4 members from <stdin>\n");
  CHECK(members(fx, "2025-01-01", {"--sector", "education"}) ==
        "7 庚公司 education president 2024-02-01 \n"
        "8 辛公司 education vice-president 2024-02-01 \n"
        "9 壬公司 education member 2024-02-01 \n"
        "10 癸公司 education member 2024-02-01 \n");
}

TEST_CASE("--help of every option that takes a tier lists the Chinese forms", "[input-forms]") {
  for (const char* command : {"add-member", "edit-member", "list"}) {
    auto help = run_roster({command, "--help"});
    CAPTURE(command);
    CHECK(help.code == 0);
    CHECK(help.out.find("president (会长, 会长单位)") != std::string::npos);
    CHECK(help.out.find("常务理事") != std::string::npos);
    CHECK(help.out.find("普通会员") != std::string::npos);
  }
}

TEST_CASE("every date option reads 2023/7/5, 2023-7-5, 2023.7.5, 2023年7月5日, full-width digits and a time",
          "[input-forms]") {
  TempDir dir;
  std::string db = dir.file("forms.db");
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db});
    return run_roster(args);
  };
  auto init = run({"init", "--start", "2023/7/15", "--deadline", "2025年7月15日"});
  CHECK(init.err == "roster: created " + db + " with 11 sectors; goal 200 members by 2025-07-15\n");
  auto add = run({"add-member", "杭州甲科技有限公司", "--sector", "tourism", "--joined", "2023/07/15 00:00", "--as-of",
                  "２０２６年１１月２９日"});
  CHECK(add.err == "roster: added member #1 杭州甲科技有限公司 (tourism; joined 2023-07-15)\n");
  CHECK(run({"add-member", "杭州乙科技有限公司", "--sector", "tourism", "--joined", "2024-3-5", "--as-of", "2026.11.29",
             "-q"})
            .code == 0);
  auto left = run({"remove-member", "#1", "--left", "2024年1月2日", "--as-of", "2026-11-29"});
  CHECK(left.err == "roster: member #1 left on 2024-01-02; the record is kept\n");
  auto rejoined = run({"rejoin", "#1", "--joined", "2024.3.1 9:30", "--as-of", "2026-11-29"});
  CHECK(rejoined.err == "roster: member #1 rejoined on 2024-03-01\n");
  auto list = run(
      {"list", "-f", "tsv", "--as-of", "2026/11/29", "--joined-since", "2024/3/1", "--joined-until", "2024年3月1日"});
  CHECK(list.out ==
        "id\tname\tuscc\tsectors\ttier\tcity\tparent\tnote\tjoined\tleft\tstatus\n"
        "1\t杭州甲科技有限公司\t\ttourism\tmember\t\t\t\t2024-03-01\t\tactive\n");
  auto goal = run({"goal", "set", "--start", "2023-7-15", "--deadline", "2026年12月31日"});
  CHECK(goal.err == "roster: goal: 200 members by 2026-12-31, counting from 2023-07-15\n");
  auto sectors = run({"sectors", "-f", "csv", "--as-of", "2026-11-29", "--since", "2024/1/1"});
  CHECK(sectors.code == 0);
  auto history = run({"history", "-f", "tsv", "--since", "1970/1/1", "--until", "2999年12月31日"});
  CHECK(history.code == 0);
  CHECK(lines_of(history.out).size() == 7);  // header, init, two adds, leave, rejoin, goal.set
  auto report = run({"report", "-f", "json", "--as-of", "2026年11月29日"});
  CHECK(report.code == 0);
  CHECK(report.out.find("\"as_of\": \"2026-11-29\"") != std::string::npos);
}

TEST_CASE("a date that cannot be read says which forms are understood, or the years roster keeps", "[input-forms]") {
  DbFixture fx;
  REQUIRE(fx.roster({"add-member", "杭州甲科技有限公司", "--sector", "tourism", "--joined", "2024-01-01", "--as-of",
                     "2025-01-01", "-q"})
              .code == 0);
  std::string before = dump_database(fx.db);
  struct Bad {
    std::vector<std::string> args;
    int code;
    std::string message;
  };
  const std::vector<Bad> cases = {
      {{"add-member", "乙", "--sector", "tourism", "--joined", "2023-13-01"},
       1,
       "joined date '2023-13-01' is not a real date; " + kForms},
      {{"add-member", "乙", "--sector", "tourism", "--joined", "2023年2月30日"},
       1,
       "joined date '2023年2月30日' is not a real date; " + kForms},
      {{"add-member", "乙", "--sector", "tourism", "--joined", "7/15/2023"},
       1,
       "joined date '7/15/2023' is not a date; " + kForms},
      {{"add-member", "乙", "--sector", "tourism", "--joined", "1899-12-31"},
       1,
       "joined date '1899-12-31' is outside the dates roster keeps (1900-01-01 to 2999-12-31); check the year"},
      // Spreadsheet day numbers are read only from files, where a date column can hold them.
      {{"add-member", "乙", "--sector", "tourism", "--joined", "45122"},
       1,
       "joined date '45122' is not a date; " + kForms},
      {{"list", kDate, "2023/02/30"}, 2, "--as-of '2023/02/30' is not a real date; " + kForms},
      {{"list", kDate, "1899-12-31"},
       2,
       "--as-of '1899-12-31' is outside the dates roster keeps (1900-01-01 to 2999-12-31); check the year"},
      {{"list", "--joined-since", "3000-01-01"},
       2,
       "--joined-since '3000-01-01' is outside the dates roster keeps (1900-01-01 to 2999-12-31); check the year"},
      {{"list", "--joined-until", "2024/7/15 25:00"}, 2, "--joined-until '2024/7/15 25:00' is not a date; " + kForms},
      {{"remove-member", "#1", "--left", "2024.13.1"}, 2, "--left '2024.13.1' is not a real date; " + kForms},
      {{"rejoin", "#1", "--joined", "yesterday"}, 2, "--joined 'yesterday' is not a date; " + kForms},
      {{"history", "--since", "2024-1"}, 2, "--since '2024-1' is not a date; " + kForms},
      {{"goal", "set", "--deadline", "0999-01-01"},
       2,
       "--deadline '0999-01-01' is outside the dates roster keeps (1900-01-01 to 2999-12-31); check the year"},
      {{"sectors", "--since", "2024年13月1日"}, 2, "--since '2024年13月1日' is not a real date; " + kForms},
  };
  for (const auto& c : cases) {
    auto args = c.args;
    if (args[0] != "list" || std::find(args.begin(), args.end(), kDate) == args.end()) {
      args.insert(args.end(), {kDate, "2025-01-01"});
    }
    auto r = fx.roster(args);
    CAPTURE(args);
    CHECK(r.code == c.code);
    CHECK(r.err == "roster: error: " + c.message + "\n");
    CHECK(r.out.empty());
  }
  auto init = run_roster({"init", "--db", fx.dir.file("new.db"), "--start", "1800-01-01"});
  CHECK(init.err ==
        "roster: error: --start '1800-01-01' is outside the dates roster keeps (1900-01-01 to 2999-12-31); check the "
        "year\n");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("import reads Chinese dates, and spreadsheet day numbers with a note saying how", "[input-forms][import]") {
  DbFixture fx;
  std::string csv =
      "单位名称,所属行业,入会日期,退会日期\n"
      "甲公司,tourism,2023年7月15日,\n"
      "乙公司,tourism,2023-7-5,2024.1.2\n"
      "丙公司,tourism,2023/07/05 00:00,\n"
      "丁公司,tourism,45122,45658.5\n"
      "戊公司,tourism,４５１２３,\n";
  auto r = fx.roster({"import", "-", "--as-of", "2025-06-01"}, csv);
  CHECK(r.code == 0);
  CHECK(r.err ==
        "roster: imported 5 members from <stdin>; 3 dates were spreadsheet day numbers, read as days since 1900 as "
        "Excel counts them (45122 is 2023-07-15); check them\n");
  CHECK(members(fx, "2025-06-01") ==
        "1 甲公司 tourism member 2023-07-15 \n"
        "2 乙公司 tourism member 2023-07-05 2024-01-02\n"
        "3 丙公司 tourism member 2023-07-05 \n"
        "4 丁公司 tourism member 2023-07-15 2025-01-01\n"
        "5 戊公司 tourism member 2023-07-16 \n");

  auto one = DbFixture().roster({"import", "-", "--dry-run", "--as-of", "2025-06-01"},
                                "name,sectors,joined\n己公司,tourism,45122\n");
  CHECK(one.out == "<stdin>:2: add: 己公司\n");
  CHECK(one.err ==
        "roster: dry run: 1 row checked, 1 member would be added; nothing written; 1 date was a spreadsheet day "
        "number, read as days since 1900 as Excel counts them (45122 is 2023-07-15); check it\n");
}

TEST_CASE("import refuses a date it cannot read, quoting it as written", "[input-forms][import]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  auto r = fx.roster({"import", "-", "--as-of", "2025-06-01"},
                     "name,sectors,joined,left\n"
                     "甲公司,tourism,2023/2/30,\n"
                     "乙公司,tourism,2023年7月15日,2024/13/1\n"
                     "丙公司,tourism,1899/12/31,\n"
                     "丁公司,tourism,2023,\n");
  CHECK(r.code == 1);
  CHECK(r.err ==
        "<stdin>:2: joined: joined date '2023/2/30' is not a real date; " + kForms + "\n" +
            "<stdin>:3: left: left date '2024/13/1' is not a real date; " + kForms + "\n" +
            "<stdin>:4: joined: joined date '1899/12/31' is outside the dates roster keeps (1900-01-01 to "
            "2999-12-31); check the year\n"
            "<stdin>:5: joined: joined date '2023' is not a date; " +
            kForms + "\n" +
            "roster: error: <stdin>: 4 problems in 4 rows; nothing was imported (fix the rows above and run again)\n");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("；、，and , separate sectors in --sector values and import cells", "[input-forms][sectors]") {
  DbFixture fx;
  CHECK(fx.roster({"add-member", "甲公司", "--sector", "医疗健康、教育", "--joined", "2024-01-01", "--as-of",
                   "2025-01-01", "-q"})
            .code == 0);
  CHECK(fx.roster({"add-member", "乙公司", "--sector", "tourism, e-commerce", "--sector", "文化娱乐；通信", "--joined",
                   "2024-01-01", "--as-of", "2025-01-01", "-q"})
            .code == 0);
  CHECK(fx.roster({"edit-member", "甲公司", "--add-sector", "金融科技，数字内容"}).code == 0);
  CHECK(fx.roster({"edit-member", "乙公司", "--remove-sector", "e-commerce、telecom"}).code == 0);
  auto imported = fx.roster({"import", "-", "--as-of", "2025-01-01"},
                            "单位名称,所属行业,入会日期\n"
                            "丙公司,电子商务；文化旅游,2024-01-01\n"
                            "丁公司,\"教育，医疗健康\",2024-01-01\n"
                            "戊公司,其他、 信息技术 、,2024-01-01\n");
  CHECK(imported.code == 0);
  CHECK(members(fx, "2025-01-01") ==
        "1 甲公司 healthcare;education;finance;media member 2024-01-01 \n"
        "2 乙公司 tourism;entertainment member 2024-01-01 \n"
        "3 丙公司 e-commerce;tourism member 2024-01-01 \n"
        "4 丁公司 education;healthcare member 2024-01-01 \n"
        "5 戊公司 other;technology member 2024-01-01 \n");
}

TEST_CASE("common short forms of sectors resolve in every command through the registry's aliases",
          "[input-forms][sectors]") {
  DbFixture fx;
  CHECK(fx.roster({"add-member", "甲公司", "--sector", "电商", "--sector", "文旅", "--joined", "2024-01-01", "--as-of",
                   "2025-01-01", "-q"})
            .code == 0);
  CHECK(fx.roster({"import", "-", "--as-of", "2025-01-01", "-q"},
                  "单位名称,所属行业,入会日期\n乙公司,医疗、教育培训、娱乐,2024-01-01\n丙公司,电信；制造；金融；传媒,"
                  "2024-01-01\n")
            .code == 0);
  CHECK(fx.roster({"edit-member", "甲公司", "--add-sector", "旅游", "--add-sector", "通信"}).code == 0);
  CHECK(members(fx, "2025-01-01") ==
        "1 甲公司 e-commerce;tourism;telecom member 2024-01-01 \n"
        "2 乙公司 healthcare;education;entertainment member 2024-01-01 \n"
        "3 丙公司 telecom;manufacturing;finance;media member 2024-01-01 \n");
  CHECK(members(fx, "2025-01-01", {"--sector", "文旅"}) == "1 甲公司 e-commerce;tourism;telecom member 2024-01-01 \n");
}

TEST_CASE("an unknown sector lists the Chinese names and offers the closest one", "[input-forms][sectors]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  const std::string known =
      "known sectors: healthcare (医疗健康), e-commerce (电子商务), education (教育), tourism (文化旅游), "
      "entertainment (文化娱乐), telecom (通信), manufacturing (智能制造), finance (金融科技), media (数字内容), "
      "technology (信息技术), other (其他) (give a code, its English or Chinese name, or a short form such as 医疗)";
  auto add = fx.roster({"add-member", "甲公司", "--sector", "医", "--as-of", "2025-01-01"});
  CHECK(add.code == 1);
  CHECK(add.err == "roster: error: unknown sector '医'; did you mean healthcare (医疗健康)? " + known + "\n");
  auto list = fx.roster({"list", "--sector", "helthcare"});
  CHECK(list.code == 2);
  CHECK(list.err == "roster: error: unknown sector 'helthcare'; did you mean healthcare (医疗健康)? " + known + "\n");
  auto import = fx.roster({"import", "-", "--as-of", "2025-01-01"}, "name,sectors\n乙公司,电子商务平台\n");
  CHECK(import.err == "<stdin>:2: sectors: unknown sector '电子商务平台'; did you mean e-commerce (电子商务)? " +
                          known +
                          "\nroster: error: <stdin>: 1 problem in 1 row; nothing was imported (fix the rows "
                          "above and run again)\n");
  auto mining = fx.roster({"add-member", "甲公司", "--sector", "mining", "--as-of", "2025-01-01"});
  CHECK(mining.err == "roster: error: unknown sector 'mining'; " + known + "\n");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("sectors add and edit manage aliases, logged in the history, and refuse one that names another sector",
          "[input-forms][sectors]") {
  DbFixture fx;
  auto added = fx.roster({"sectors", "add", "smart-city", "--name", "Smart city", "--name-zh", "智慧城市", "--alias",
                          "智城", "--alias", " 城市大脑 "});
  CHECK(added.err == "roster: added sector smart-city (Smart city / 智慧城市; aliases 智城|城市大脑)\n");
  CHECK(fx.roster(
              {"add-member", "甲公司", "--sector", "城市大脑", "--joined", "2024-01-01", "--as-of", "2025-01-01", "-q"})
            .code == 0);
  auto edited = fx.roster({"sectors", "edit", "tourism", "--add-alias", "景区", "--remove-alias", "文化和旅游"});
  CHECK(edited.err == "roster: updated sector tourism; its aliases are now 文旅|旅游|景区\n");
  CHECK(fx.roster({"add-member", "乙公司", "--sector", "景区", "--joined", "2024-01-01", "--as-of", "2025-01-01", "-q"})
            .code == 0);
  CHECK(members(fx, "2025-01-01") == "1 甲公司 smart-city member 2024-01-01 \n2 乙公司 tourism member 2024-01-01 \n");
  auto history = fx.roster({"history", "-f", "tsv", "--kind", "sector."});
  auto rows = lines_of(history.out);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].ends_with("\tsector.add\t\tsmart-city\t\tSmart city / 智慧城市, aliases 智城|城市大脑"));
  CHECK(rows[2].ends_with("\tsector.edit\t\ttourism.aliases\t文旅|旅游|文化和旅游\t文旅|旅游|景区"));
  auto sql = run_program({"sqlite3", fx.db,
                          "SELECT aliases FROM sectors WHERE code IN ('tourism', 'smart-city') "
                          "ORDER BY position"});
  CHECK(sql.out == "文旅|旅游|景区\n智城|城市大脑\n");

  std::string before = dump_database(fx.db);
  struct Bad {
    std::vector<std::string> args;
    int code;
    std::string message;
  };
  for (const auto& c : std::vector<Bad>{
           {{"sectors", "edit", "media", "--add-alias", "电商"},
            1,
            "'电商' already names sector e-commerce (E-commerce / 电子商务); choose another"},
           {{"sectors", "edit", "media", "--add-alias", "影视、动画"},
            1,
            "alias '影视、动画' must not contain ; , ； ， 、 or |: they separate sectors and aliases"},
           {{"sectors", "edit", "media", "--remove-alias", "电商"},
            1,
            "sector media has no alias '电商'; its aliases are: 传媒|媒体|新媒体|文化传媒"},
           {{"sectors", "edit", "media", "--add-alias", " "},
            2,
            "--add-alias: the value is empty; give one, or leave the option out (see `roster sectors edit --help`)"},
           {{"sectors", "add", "games", "--name", "Games", "--name-zh", "游戏产业", "--alias", "游戏"},
            1,
            "'游戏' already names sector entertainment (Entertainment / 文化娱乐); choose another"},
       }) {
    auto r = fx.roster(c.args);
    CAPTURE(c.args);
    CHECK(r.code == c.code);
    CHECK(r.err == "roster: error: " + c.message + "\n");
  }
  CHECK(dump_database(fx.db) == before);
}
