// roster dues import and dues export, end to end: the finance office's sheet
// with Chinese headers, all or nothing, add_payment's rules across the rows of
// one file, dry runs, and export -> import round trips in every format.
#include <catch2/catch.hpp>

#include "harness.h"
#include "import_helpers.h"

using namespace roster::test;

namespace {

// The small fixture (members 1-8), the Ningbo amounts from 2023-01-01, and
// dues 2024 billed on 2024-12-31: #1 50,000, #2 20,000, #3 3,000, #4 10,000,
// #5 3,000, #6 3,000, #7 1,500 (joined 09-01, prorated); #8 joined in 2025.
struct BilledFixture : SmallGoalFixture {
  BilledFixture() {
    for (auto [tier, amount] : {std::pair{"president", "50000"}, std::pair{"vice-president", "20000"},
                                std::pair{"council", "10000"}, std::pair{"member", "3000"}}) {
      run_ok({"dues", "schedule", "set", "--tier", tier, "--amount", amount, "--from", "2023-01-01", "--resolution",
              "第一届第一次会员大会", "--as-of", "2024-01-01"});
    }
    run_ok({"dues", "bill", "--year", "2024", "--as-of", "2024-12-31"});
  }
  void run_ok(std::vector<std::string> args) const {
    auto r = roster(args);
    if (r.code != 0) throw std::runtime_error("roster failed: " + r.err);
  }
  // dues import FILE holding `text` (its name picks the format) as of 2025-01-31.
  RunResult import(const std::string& name, const std::string& text, std::vector<std::string> extra = {}) const {
    std::string path = dir.file(name);
    write_file(path, text);
    std::vector<std::string> args = {"dues", "import", path, "--as-of", "2025-01-31"};
    args.insert(args.end(), extra.begin(), extra.end());
    return roster(args);
  }
  std::string export_csv() const { return roster({"dues", "export", "-f", "csv"}).out; }
};

const std::string kExportHeader = "member_id,name,year,amount_fen,amount,paid_on,receipt,method\r\n";

// The finance office's sheet: a title, Chinese headers, yuan as typed, loose dates.
const std::string kFinanceSheet =
    "\xEF\xBB\xBF"
    "2024年度会费到账明细\r\n"
    "会员单位,会费年度,实缴金额,到账日期,收据号,缴费方式\r\n"
    "中国移动通信集团浙江有限公司,2024,\"50,000.00\",2024年3月15日,2024-001,银行转账\r\n"
    "4,2024年,¥5000,2024/4/1,2024-002,银行转账\r\n"
    "9144030071526726XG,2024,3000元,2024-05-06,,微信\r\n";

}  // namespace

TEST_CASE("dues import records the finance office's sheet with Chinese headers", "[dues][dues-import]") {
  BilledFixture fx;
  auto r = fx.import("到账.csv", kFinanceSheet);
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: imported 3 payments of 58,000.00 yuan from " + fx.dir.file("到账.csv") + "\n");
  CHECK(fx.export_csv() == kExportHeader +
                               "1,中国移动通信集团浙江有限公司,2024,5000000,50000.00,2024-03-15,2024-001,银行转账\r\n"
                               "4,温州瓯江文旅有限公司,2024,500000,5000.00,2024-04-01,2024-002,银行转账\r\n"
                               "5,\"Acme, \"\"Digital\"\" Ltd\",2024,300000,3000.00,2024-05-06,,微信\r\n");
  // Each payment is in the history, like one `dues pay`.
  CHECK(sql(fx.db, "SELECT count(*) FROM history WHERE kind = 'dues.pay'") == "3\n");
}

TEST_CASE("dues import with one bad row in the middle changes nothing", "[dues][dues-import]") {
  BilledFixture fx;
  std::string before = dump_database(fx.db);
  auto r = fx.import("pay.csv",
                     "member,year,amount,paid_on,receipt\n"
                     "1,2024,50000,2024-03-15,A1\n"
                     "2,2024,12.345,2024-03-16,A2\n"
                     "3,2024,3000,2024-03-17,A3\n");
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  std::string file = fx.dir.file("pay.csv");
  CHECK(r.err == file +
                     ":3: amount: amount '12.345' has more than two decimals; give yuan with at most two, e.g. 3000 "
                     "or 3000.50\n"
                     "roster: error: " +
                     file + ": 1 problem in 3 rows; nothing was imported (fix the rows above and run again)\n");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("dues import applies dues pay's rules to every row, counting the earlier rows", "[dues][dues-import]") {
  BilledFixture fx;
  std::string before = dump_database(fx.db);
  auto r = fx.import("pay.tsv",
                     "会员\t年度\t金额\t缴费日期\n"
                     "5\t2024\t2000\t2024-03-15\n"
                     "5\t2024\t2000\t2024-04-15\n"  // 4,000 of a 3,000 charge, counting the row above
                     "8\t2024\t3000\t2024-03-15\n"  // joined in 2025: no charge for 2024
                     "6\t2024\t3000\t2025-02-01\n"  // after --as-of
                     "无此单位\t2024\t3000\t2024-03-15\n"
                     "7\t2024\t1500\t2024-09-30\n");
  INFO(r.err);
  CHECK(r.code == 1);
  auto lines = lines_of(r.err);
  REQUIRE(lines.size() == 5);
  std::string file = fx.dir.file("pay.tsv");
  CHECK(lines[0].starts_with(file + ":3: "));
  CHECK(lines[1].starts_with(file + ":4: "));
  CHECK(lines[2].starts_with(file + ":5: "));
  CHECK(lines[3] == file + ":6: member: no member '无此单位'; give an id, the exact name or the USCC");
  CHECK(lines[4] == "roster: error: " + file +
                        ": 4 problems in 6 rows; nothing was imported (fix the rows above "
                        "and run again)");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("dues import --dry-run checks and writes nothing", "[dues][dues-import]") {
  BilledFixture fx;
  std::string before = dump_database(fx.db);
  auto r = fx.import("到账.csv", kFinanceSheet, {"--dry-run"});
  CHECK(r.code == 0);
  CHECK(r.err == "roster: dry run: 3 payments of 58,000.00 yuan would be recorded; nothing written\n");
  CHECK(dump_database(fx.db) == before);
  auto bad = fx.import("pay.csv", "member,year,amount,paid_on\n1,2023,100,2024-01-01\n", {"--dry-run"});
  CHECK(bad.code == 1);
  CHECK(lines_of(bad.err).back() == "roster: error: " + fx.dir.file("pay.csv") +
                                        ": 1 problem in 1 row; would be refused (fix the rows above and run again)");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("dues import: a member id and a name that disagree, and a gb18030 file", "[dues][dues-import]") {
  BilledFixture fx;
  auto r =
      fx.import("pay.csv", "member_id,name,year,amount,paid_on\n2,中国移动通信集团浙江有限公司,2024,100,2024-03-01\n");
  CHECK(r.code == 1);
  CHECK(lines_of(r.err).front() ==
        fx.dir.file("pay.csv") +
            ":2: member: '中国移动通信集团浙江有限公司' is not member #2 (网易（杭州）网络有限公司); correct the id or "
            "the name");
  std::string sheet = "会员编号,缴费金额,会费年度,日期,票据号\r\n3,3000,2024,2024-02-01,P-9\r\n";
  auto gb = fx.import("gb.csv", encode(sheet, "GB18030"), {"--encoding", "gb18030"});
  INFO(gb.err);
  CHECK(gb.code == 0);
  CHECK(fx.export_csv() == kExportHeader + "3,宁波海曙健康科技有限公司,2024,300000,3000.00,2024-02-01,P-9,\r\n");
}

TEST_CASE("dues export -> dues import restores the payments in every format", "[dues][dues-export]") {
  BilledFixture fx;
  // The copy: the charges, no payments.
  std::string copy = fx.dir.file("copy.db");
  REQUIRE(fx.roster({"backup", copy}).code == 0);
  REQUIRE(fx.import("到账.csv", kFinanceSheet).code == 0);
  for (std::string payment : {"7,2024,1000,2024-10-01,'=1+1,现金", "7,2024,500,2024-10-02,\"R,2\",\"微信, 转账\""}) {
    REQUIRE(fx.import("more.csv", "member,year,amount,paid_on,receipt,method\n" + payment + "\n").code == 0);
  }
  std::string original = fx.export_csv();
  CHECK(lines_of(original).size() == 6);
  for (std::string format : {"csv", "tsv", "json", "jsonl"}) {
    INFO(format);
    TempDir scratch;
    std::string db = scratch.file("copy.db");
    REQUIRE(run_roster({"backup", db, "--db", copy}).code == 0);
    auto out = fx.roster({"dues", "export", "-f", format});
    REQUIRE(out.code == 0);
    auto in = run_roster({"dues", "import", "-", "--format", format, "--db", db, "--as-of", "2025-01-31"}, out.out);
    INFO(in.err);
    CHECK(in.code == 0);
    CHECK(run_roster({"dues", "export", "-f", "csv", "--db", db}).out == original);
  }
}

TEST_CASE("dues export: --year, json's numbers, --bom", "[dues][dues-export]") {
  BilledFixture fx;
  REQUIRE(fx.import("到账.csv", kFinanceSheet).code == 0);
  auto json = fx.roster({"dues", "export", "-f", "json", "--year", "2024"});
  CHECK(json.code == 0);
  CHECK(json.out ==
        "[\n"
        "  {\"member_id\":1,\"name\":\"中国移动通信集团浙江有限公司\",\"year\":2024,\"amount_fen\":5000000,"
        "\"amount\":\"50000.00\",\"paid_on\":\"2024-03-15\",\"receipt\":\"2024-001\",\"method\":\"银行转账\"},\n"
        "  {\"member_id\":4,\"name\":\"温州瓯江文旅有限公司\",\"year\":2024,\"amount_fen\":500000,"
        "\"amount\":\"5000.00\",\"paid_on\":\"2024-04-01\",\"receipt\":\"2024-002\",\"method\":\"银行转账\"},\n"
        "  {\"member_id\":5,\"name\":\"Acme, \\\"Digital\\\" Ltd\",\"year\":2024,\"amount_fen\":300000,"
        "\"amount\":\"3000.00\",\"paid_on\":\"2024-05-06\",\"receipt\":\"\",\"method\":\"微信\"}\n"
        "]\n");
  CHECK(fx.roster({"dues", "export", "-f", "tsv", "--year", "2023"}).out ==
        "member_id\tname\tyear\tamount_fen\tamount\tpaid_on\treceipt\tmethod\n");
  CHECK(fx.roster({"dues", "export", "--bom", "--year", "2023"}).out == "\xEF\xBB\xBF" + kExportHeader);
  auto table = fx.roster({"dues", "export", "-f", "table"});
  CHECK(table.code == 2);
}
