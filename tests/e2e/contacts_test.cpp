// A member's contacts (联系人, 电话, 邮箱): set by add-member and edit-member,
// read by import, shown by show, written by export, erased by --purge, and
// never printed by list, report, progress or sectors.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "harness.h"

using namespace roster::test;
using nlohmann::json;

namespace {

const std::string kAsOf = "2024-03-10";
const std::string kName = "杭州联络测试科技有限公司";
const std::string kContact = "欧阳联络";
const std::string kPhone = "+86 138 1234 5678";
const std::string kEmail = "ouyang.lianluo@example.com";

// The small roster plus one member, joined in the week 2024-W10, with all
// three contacts, so the week's report has a row for it.
void add_reachable(const SmallGoalFixture& fx) {
  auto r = fx.roster({"add-member", kName, "-s", "tourism", "--joined", "2024-03-05", "--contact", kContact, "--phone",
                      kPhone, "--email", kEmail, "--as-of", kAsOf});
  REQUIRE(r.code == 0);
  REQUIRE(r.out == "9\n");
}

// Whether `text` holds any of the three contact values (or the phone's digits
// as a spreadsheet would strip them).
bool mentions_contacts(const std::string& text) {
  for (const std::string& value : {kContact, kPhone, kEmail, std::string("1234 5678"), std::string("lianluo")}) {
    if (text.find(value) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("contacts are never in list, report, progress or sectors output", "[contacts]") {
  SmallGoalFixture fx;
  add_reachable(fx);
  for (std::string format : {"table", "tsv", "csv", "json", "jsonl"}) {
    INFO("list -f " << format);
    auto r = fx.roster({"list", "--status", "all", "-f", format, "--as-of", kAsOf});
    REQUIRE(r.code == 0);
    CHECK(r.out.find(kName) != std::string::npos);  // the member is listed, its contacts are not
    CHECK_FALSE(mentions_contacts(r.out));
  }
  auto zh_list = fx.roster({"list", "-f", "csv", "--headers", "zh", "--as-of", kAsOf});
  CHECK(zh_list.out.find(kName) != std::string::npos);
  CHECK_FALSE(mentions_contacts(zh_list.out));
  for (std::string lang : {"en", "zh"}) {
    for (std::string format : {"text", "markdown", "html", "chat", "json"}) {
      INFO("report -f " << format << " --lang " << lang);
      auto r = fx.roster({"report", "--week", "2024-W10", "-f", format, "--lang", lang, "--as-of", kAsOf});
      REQUIRE(r.code == 0);
      CHECK(r.out.find(kName) != std::string::npos);  // it joined that week: the report names it
      CHECK_FALSE(mentions_contacts(r.out));
    }
  }
  for (std::string format : {"table", "tsv", "json", "markdown"}) {
    INFO("progress -f " << format);
    auto r = fx.roster({"progress", "-f", format, "--as-of", kAsOf});
    REQUIRE(r.code == 0);
    CHECK_FALSE(mentions_contacts(r.out));
  }
  for (std::string format : {"table", "tsv", "csv", "json", "markdown"}) {
    INFO("sectors -f " << format);
    auto r = fx.roster({"sectors", "-f", format, "--as-of", kAsOf});
    REQUIRE(r.code == 0);
    CHECK_FALSE(mentions_contacts(r.out));
  }
}

TEST_CASE("show and export carry the contacts", "[contacts]") {
  SmallGoalFixture fx;
  add_reachable(fx);
  auto table = fx.roster({"show", "9", "-f", "table"});
  REQUIRE(table.code == 0);
  CHECK(table.out.find("contact  " + kContact + "\n") != std::string::npos);
  CHECK(table.out.find("phone    " + kPhone + "\n") != std::string::npos);
  CHECK(table.out.find("email    " + kEmail + "\n") != std::string::npos);
  auto zh = fx.roster({"show", "9", "-f", "table", "--lang", "zh"});
  // Each on its own line under its Chinese field name (padded to the widest name).
  auto line_of = [&](const std::string& label) {
    for (const auto& line : lines_of(zh.out)) {
      if (line.starts_with(label + " ")) return line;
    }
    return std::string();
  };
  CHECK(line_of("联系人").ends_with(" " + kContact));
  CHECK(line_of("电话").ends_with(" " + kPhone));
  CHECK(line_of("邮箱").ends_with(" " + kEmail));

  json shown = json::parse(fx.roster({"show", "9", "-f", "json"}).out);
  CHECK(shown["contact"] == kContact);
  CHECK(shown["phone"] == kPhone);
  CHECK(shown["email"] == kEmail);
  json other = json::parse(fx.roster({"show", "1", "-f", "json"}).out);
  CHECK(other["contact"] == "");
  CHECK(other["phone"] == "");

  // The contacts come last, so the columns before them keep their places; the
  // phone's + is escaped for spreadsheets.
  auto csv = fx.roster({"export", "-f", "csv"});
  REQUIRE(csv.code == 0);
  CHECK(
      csv.out.starts_with("id,name,uscc,sectors,tier,city,parent,note,joined,left,reason,sort_key,contact,phone,"
                          "email\r\n"));
  CHECK(csv.out.find("\r\n9," + kName + ",,tourism,member,,,,2024-03-05,,,," + kContact + ",'" + kPhone + "," + kEmail +
                     "\r\n") != std::string::npos);
  auto tsv = fx.roster({"export", "-f", "tsv"});
  CHECK(tsv.out.find("\t\t" + kContact + "\t" + kPhone + "\t" + kEmail + "\n") != std::string::npos);
  auto zh_csv = fx.roster({"export", "-f", "csv", "--headers", "zh"});
  CHECK(zh_csv.out.find(",拼音排序键,联系人,电话,邮箱\r\n") != std::string::npos);
  for (std::string format : {"json", "jsonl"}) {
    INFO("export -f " << format);
    auto r = fx.roster({"export", "-f", format});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("\"sort_key\":\"\",\"contact\":\"" + kContact + "\",\"phone\":\"" + kPhone + "\",\"email\":\"" +
                     kEmail + "\",\"periods\":") != std::string::npos);
  }
}

TEST_CASE("add-member refuses a bad phone or email with the field and the fix, and writes nothing", "[contacts]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  auto phone = fx.roster({"add-member", "甲公司", "-s", "tourism", "--phone", "0571-8888 ext 6"});
  CHECK(phone.code == 1);
  CHECK(phone.err ==
        "roster: error: phone '0571-8888 ext 6' has the character 'e'; a phone number holds digits, spaces, -, + "
        "and parentheses, e.g. 0571-8888 6666\n");
  auto short_phone = fx.roster({"add-member", "甲公司", "-s", "tourism", "--phone", "110"});
  CHECK(short_phone.code == 1);
  CHECK(short_phone.err ==
        "roster: error: phone '110' has 3 digits; a phone number has at least 5, e.g. 0571-8888 6666 or "
        "13800000000\n");
  auto email = fx.roster({"add-member", "甲公司", "-s", "tourism", "--email", "wang.example.com"});
  CHECK(email.code == 1);
  CHECK(email.err ==
        "roster: error: email 'wang.example.com' has no @; give the whole address, e.g. "
        "wang@example.com\n");
  auto zh = fx.roster({"add-member", "甲公司", "-s", "tourism", "--email", "wang@", "--lang", "zh"});
  CHECK(zh.code == 1);
  CHECK(zh.err.find("邮箱") != std::string::npos);
  CHECK(dump_database(fx.db) == before);
  // An empty value is no contact, as with --city.
  CHECK(fx.roster({"add-member", "甲公司", "-s", "tourism", "--phone", "", "--email", "", "-q"}).code == 0);
}

TEST_CASE("edit-member sets and clears the contacts, and the history records each change", "[contacts]") {
  DbFixture fx;
  REQUIRE(fx.roster({"add-member", "甲公司", "-s", "tourism", "--joined", "2024-01-01", "-q"}).code == 0);
  auto set = fx.roster({"edit-member", "甲公司", "--contact", "王丽", "--phone", "０５７１－８８８８６６６６",
                        "--email", "wang@example.com"});
  CHECK(set.code == 0);
  CHECK(set.err == "roster: updated member #1: contact, phone, email\n");
  json shown = json::parse(fx.roster({"show", "1", "-f", "json"}).out);
  CHECK(shown["phone"] == "0571-88886666");  // typed in full width, stored in ASCII
  auto cleared = fx.roster({"edit-member", "1", "--phone", ""});
  CHECK(cleared.err == "roster: updated member #1: phone\n");
  shown = json::parse(fx.roster({"show", "1", "-f", "json"}).out);
  CHECK(shown["contact"] == "王丽");
  CHECK(shown["phone"] == "");
  CHECK(shown["email"] == "wang@example.com");

  auto history = fx.roster({"history", "--member", "1", "-f", "jsonl"});
  std::vector<std::string> edits;
  for (const auto& line : lines_of(history.out)) {
    json e = json::parse(line);
    if (e["kind"] == "member.edit") {
      edits.push_back(e["field"].get<std::string>() + ":" + e["before"].get<std::string>() + ">" +
                      e["after"].get<std::string>());
    }
  }
  CHECK(edits == std::vector<std::string>{"contact:>王丽", "phone:>0571-88886666", "email:>wang@example.com",
                                          "phone:0571-88886666>"});

  std::string before = dump_database(fx.db);
  auto bad = fx.roster({"edit-member", "1", "--email", "wang @example.com"});
  CHECK(bad.code == 1);
  CHECK(bad.err ==
        "roster: error: email 'wang @example.com' contains a space; give one address without spaces, "
        "e.g. wang@example.com\n");
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("import reads the contacts under the sheets' Chinese headers and refuses bad ones by line", "[contacts]") {
  DbFixture fx;
  std::string before = dump_database(fx.db);
  auto bad = fx.roster({"import", "-", "--as-of", kAsOf},
                       "单位名称,所属行业,入会日期,联系人姓名,手机号码,电子邮箱\n"
                       "甲公司,tourism,2024-01-01,王丽,13800000000,wang@example.com\n"
                       "乙公司,tourism,2024-01-01,李强,138-0000,li@example\n");
  CHECK(bad.code == 1);
  // 138-0000 has seven digits, enough for the loose rule: only the email is refused.
  CHECK(bad.err ==
        "<stdin>:3: email: email 'li@example' has no domain with a dot after the @; give the whole address, e.g. "
        "wang@example.com\n"
        "roster: error: <stdin>: 1 problem in 2 rows; nothing was imported (fix the rows above and run again)\n");
  CHECK(dump_database(fx.db) == before);

  auto ok = fx.roster({"import", "-", "--as-of", kAsOf},
                      "单位名称,所属行业,入会日期,联系人,电话,Email\n"
                      "甲公司,tourism,2024-01-01,王丽,0571-8888 6666,wang@example.com\n"
                      "乙公司,tourism,2024-01-01,,,\n");
  REQUIRE(ok.code == 0);
  json first = json::parse(fx.roster({"show", "1", "-f", "json"}).out);
  CHECK(first["contact"] == "王丽");
  CHECK(first["phone"] == "0571-8888 6666");
  CHECK(first["email"] == "wang@example.com");

  // --update changes only the columns the file gives.
  auto update = fx.roster({"import", "-", "--update", "--as-of", kAsOf}, "单位名称,手机\n甲公司,13900000000\n");
  CHECK(update.code == 0);
  first = json::parse(fx.roster({"show", "1", "-f", "json"}).out);
  CHECK(first["contact"] == "王丽");
  CHECK(first["phone"] == "13900000000");
  CHECK(first["email"] == "wang@example.com");
}

TEST_CASE("remove-member --purge erases the contacts with the member", "[contacts][sqlite]") {
  SmallGoalFixture fx;
  add_reachable(fx);
  REQUIRE(fx.roster({"edit-member", "9", "--phone", "0571-8765 4321", "-q"}).code == 0);
  std::string before = dump_database(fx.db);
  CHECK(mentions_contacts(before));
  CHECK(before.find("8765 4321") != std::string::npos);
  REQUIRE(fx.roster({"remove-member", "9", "--purge", "--yes", "-q"}).code == 0);
  std::string after = dump_database(fx.db);
  CHECK_FALSE(mentions_contacts(after));
  CHECK(after.find("8765 4321") == std::string::npos);
  CHECK(after.find(kName) == std::string::npos);
}
