// A member's contacts: the contact person, phone and email rules of check_member.
#include <catch2/catch.hpp>

#include "roster/member_record.h"
#include "roster/member_rules.h"

using roster::Date;
using roster::FieldProblem;
using roster::MemberDraft;
using roster::NewMember;

namespace {

const Date kAsOf = Date::from_ymd(2026, 11, 29);

const roster::SectorRegistry& seed_registry() {
  static const roster::SectorRegistry registry(roster::parse_sectors_csv(roster::seed_sectors_csv()));
  return registry;
}

MemberDraft good_draft() {
  MemberDraft d;
  d.name = "杭州某某科技有限公司";
  d.sectors = {"healthcare"};
  return d;
}

std::vector<FieldProblem> check(const MemberDraft& draft, NewMember* out = nullptr) {
  return roster::check_member(draft, seed_registry(), kAsOf, out);
}

// The one problem a draft with these contacts has; fails unless there is exactly one.
FieldProblem only_problem(const std::string& contact, const std::string& phone, const std::string& email) {
  MemberDraft d = good_draft();
  d.contacts = {contact, phone, email};
  auto problems = check(d);
  REQUIRE(problems.size() == 1);
  return problems[0];
}

}  // namespace

TEST_CASE("check_member keeps the contacts, trimmed, and none is required", "[contact_rules]") {
  MemberDraft d = good_draft();
  d.contacts = {" 王丽 ", " 0571-8888 6666 ", " wang.li@example.com.cn "};
  NewMember m;
  REQUIRE(check(d, &m).empty());
  CHECK(m.contacts == roster::MemberContacts{"王丽", "0571-8888 6666", "wang.li@example.com.cn"});

  NewMember bare;
  REQUIRE(check(good_draft(), &bare).empty());
  CHECK(bare.contacts == roster::MemberContacts{});
}

TEST_CASE("a phone may hold digits, spaces, -, + and parentheses", "[contact_rules]") {
  for (const char* phone : {"0571-8888 6666", "+86 138 0000 0000", "13800000000", "(0571) 88886666", "12345"}) {
    INFO(phone);
    CHECK_FALSE(roster::phone_problem(phone));
  }
  CHECK_FALSE(roster::phone_problem(""));
}

TEST_CASE("a phone with any other character is refused, naming the character", "[contact_rules]") {
  CHECK(roster::phone_problem("0571-8888 6666 ext 12") ==
        "phone '0571-8888 6666 ext 12' has the character 'e'; a phone number holds digits, spaces, -, + and "
        "parentheses, e.g. 0571-8888 6666");
  CHECK(roster::phone_problem("0571/88886666") ==
        "phone '0571/88886666' has the character '/'; a phone number holds digits, spaces, -, + and parentheses, "
        "e.g. 0571-8888 6666");
  // A spreadsheet's scientific notation is caught, not stored.
  CHECK(roster::phone_problem("1.38E+10")->find("has the character '.'") != std::string::npos);
  CHECK(roster::phone_problem("0571转8001") ==
        "phone '0571转8001' has the character '转'; a phone number holds digits, spaces, -, + and parentheses, "
        "e.g. 0571-8888 6666");
  FieldProblem p = only_problem("", "0571-8888 66x6", "");
  CHECK(p.field == "phone");
}

TEST_CASE("a phone needs at least five digits", "[contact_rules]") {
  CHECK(roster::phone_problem("8888") ==
        "phone '8888' has 4 digits; a phone number has at least 5, e.g. 0571-8888 6666 or 13800000000");
  CHECK(roster::phone_problem("1") ==
        "phone '1' has 1 digit; a phone number has at least 5, e.g. 0571-8888 6666 or 13800000000");
  CHECK(roster::phone_problem("+-( )") ==
        "phone '+-( )' has 0 digits; a phone number has at least 5, e.g. 0571-8888 6666 or 13800000000");
  CHECK(only_problem("", "110", "").field == "phone");
}

TEST_CASE("a phone typed in full width is stored in ASCII", "[contact_rules]") {
  CHECK(roster::fold_phone("（０５７１）８８８８\u3000６６６６") == "(0571)8888 6666");
  CHECK(roster::fold_phone("＋８６ 13800000000 ") == "+86 13800000000");
  CHECK(roster::fold_phone("0571-88886666") == "0571-88886666");
  MemberDraft d = good_draft();
  d.contacts.phone = "０５７１－８８８８６６６６";
  NewMember m;
  REQUIRE(check(d, &m).empty());
  CHECK(m.contacts.phone == "0571-88886666");
}

TEST_CASE("an email needs one @", "[contact_rules]") {
  CHECK(roster::email_problem("wang.example.com") ==
        "email 'wang.example.com' has no @; give the whole address, e.g. wang@example.com");
  CHECK(roster::email_problem("wang@li@example.com") ==
        "email 'wang@li@example.com' has more than one @; give one address, e.g. wang@example.com");
  CHECK(only_problem("", "", "wang.example.com").field == "email");
}

TEST_CASE("an email needs text on both sides of the @", "[contact_rules]") {
  CHECK(roster::email_problem("@example.com") ==
        "email '@example.com' needs text before and after the @, e.g. wang@example.com");
  CHECK(roster::email_problem("wang@") == "email 'wang@' needs text before and after the @, e.g. wang@example.com");
}

TEST_CASE("an email needs a dot in its domain", "[contact_rules]") {
  const char* why = " has no domain with a dot after the @; give the whole address, e.g. wang@example.com";
  CHECK(roster::email_problem("wang@localhost") == std::string("email 'wang@localhost'") + why);
  CHECK(roster::email_problem("wang@.com") == std::string("email 'wang@.com'") + why);
  CHECK(roster::email_problem("wang@example.") == std::string("email 'wang@example.'") + why);
  CHECK_FALSE(roster::email_problem("wang@example.com"));
  CHECK_FALSE(roster::email_problem("li+roster@mail.example.com.cn"));
  CHECK_FALSE(roster::email_problem(""));
}

TEST_CASE("an email has no spaces", "[contact_rules]") {
  CHECK(roster::email_problem("wang li@example.com") ==
        "email 'wang li@example.com' contains a space; give one address without spaces, e.g. wang@example.com");
  CHECK(roster::email_problem("wang@example.com\u3000li@example.com")->find("contains a space") != std::string::npos);
  CHECK(only_problem("", "", "a@b.com c@d.com").field == "email");
}

TEST_CASE("the contact person follows the name rules", "[contact_rules]") {
  FieldProblem control = only_problem("王\t丽", "", "");
  CHECK(control.field == "contact");
  CHECK(control.reason == "contact contains a control character (tab, line break or similar); remove it");
  FieldProblem invisible = only_problem("王\u200b丽", "", "");
  CHECK(invisible.field == "contact");
  FieldProblem long_name = only_problem(std::string(201, 'a'), "", "");
  CHECK(long_name.reason == "contact is 201 characters long; the limit is 200");
  // The same text rules guard the phone and the email before their own.
  CHECK(only_problem("", "0571\n8888", "").field == "phone");
  CHECK(only_problem("", "", std::string("\xff@example.com")).field == "email");
}

TEST_CASE("every bad contact field is reported, not only the first", "[contact_rules]") {
  MemberDraft d = good_draft();
  d.contacts = {"王\t丽", "88", "wang"};
  auto problems = check(d);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].field == "contact");
  CHECK(problems[1].field == "phone");
  CHECK(problems[2].field == "email");
}

TEST_CASE("draft_of carries the stored contacts, so an edit keeps them", "[contact_rules]") {
  roster::MemberRecord stored;
  stored.name = "甲";
  stored.contacts = {"王丽", "13800000000", "wang@example.com"};
  CHECK(roster::draft_of(stored).contacts == stored.contacts);
}
