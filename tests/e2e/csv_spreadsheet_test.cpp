// CSV is written for spreadsheets: formula triggers and long digit codes (an
// all-digit USCC that Excel shows as 9.13310E+17) get an apostrophe, and
// import takes exactly that apostrophe off again.
#include <catch2/catch.hpp>

#include "import_helpers.h"

using namespace roster::test;

namespace {

// Members whose USCC is all digits, with notes of 11, 12 and 18 digits, and
// one whose note really starts with an apostrophe.
void add_digit_members(const DbFixture& fx) {
  auto add = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "add-member");
    for (const char* a : {"--sector", "tourism", "--joined", "2024-01-01", "-q", "--as-of", kAsOf}) args.push_back(a);
    INFO(args[1]);
    REQUIRE(fx.roster(args).code == 0);
  };
  add({"甲数字科技有限公司", "--uscc", "913310022319487573", "--note", "202407150001"});
  add({"乙数字科技有限公司", "--note", "12345678901", "--city", "057188888888"});
  add({"丙数字科技有限公司", "--note", "'913310022319487573"});
  add({"123456789012", "--parent", "-913310022319487573"});
}

}  // namespace

TEST_CASE("CSV output protects all-digit codes of 12 or more digits like formula cells, with or without --bom",
          "[import][csv-spreadsheet]") {
  DbFixture fx;
  add_digit_members(fx);
  const std::string rows =
      "1,甲数字科技有限公司,'913310022319487573,tourism,member,,,'202407150001,2024-01-01,,active\r\n"
      "2,乙数字科技有限公司,,tourism,member,'057188888888,,12345678901,2024-01-01,,active\r\n"
      "3,丙数字科技有限公司,,tourism,member,,,''913310022319487573,2024-01-01,,active\r\n"
      "4,'123456789012,,tourism,member,,'-913310022319487573,,2024-01-01,,active\r\n";
  const std::string header = "id,name,uscc,sectors,tier,city,parent,note,joined,left,status\r\n";
  auto bom = fx.roster({"list", "-f", "csv", "--bom", "--as-of", kAsOf});
  CHECK(bom.code == 0);
  CHECK(bom.out == "\xEF\xBB\xBF" + header + rows);
  auto plain = fx.roster({"list", "-f", "csv", "--as-of", kAsOf});
  CHECK(plain.out == header + rows);
  auto exported = fx.roster({"export", "-f", "csv"});
  CHECK(exported.out.find(
            "\r\n1,甲数字科技有限公司,'913310022319487573,tourism,member,,,'202407150001,2024-01-01,,,,,,\r\n") !=
        std::string::npos);
  // TSV and JSON are data for programs: the stored values, exactly.
  CHECK(fx.roster({"list", "-f", "tsv", "--as-of", kAsOf}).out.find("\t913310022319487573\t") != std::string::npos);
  CHECK(fx.roster({"export", "-f", "jsonl"}).out.find("\"uscc\":\"913310022319487573\"") != std::string::npos);
}

TEST_CASE("export to CSV and import into a fresh database gives identical members, digit codes included",
          "[import][csv-spreadsheet]") {
  DbFixture fx;
  add_digit_members(fx);
  const std::string members = "SELECT id, name, uscc, tier, city, parent, note FROM members ORDER BY id;";
  for (bool bom : {false, true}) {
    DYNAMIC_SECTION((bom ? "export --bom" : "export")) {
      std::vector<std::string> args = {"export", "-f", "csv"};
      if (bom) args.push_back("--bom");
      auto exported = fx.roster(args);
      REQUIRE(exported.code == 0);
      DbFixture copy;
      auto r = copy.roster({"import", "-", "--as-of", kAsOf}, exported.out);
      CHECK(r.code == 0);
      CHECK(r.err == "roster: imported 4 members from <stdin>\n");
      CHECK(sql(copy.db, members) == sql(fx.db, members));
      CHECK(sql(copy.db, "SELECT uscc FROM members WHERE id = 1;") == "913310022319487573\n");
      CHECK(copy.roster({"export", "-f", "csv"}).out == fx.roster({"export", "-f", "csv"}).out);
    }
  }
}
