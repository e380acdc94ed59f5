#include "roster/member_rules.h"

#include <catch2/catch.hpp>

#include "roster/text.h"

using Catch::Contains;
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

// A draft that passes every rule; each refusal test spoils one field of it.
MemberDraft good_draft() {
  MemberDraft d;
  d.name = "杭州某某科技有限公司";
  d.sectors = {"healthcare"};
  return d;
}

std::vector<FieldProblem> check(const MemberDraft& draft, NewMember* out = nullptr) {
  return roster::check_member(draft, seed_registry(), kAsOf, out);
}

// Checks that `draft` is refused for exactly one reason, on `field`.
void require_one_problem(const MemberDraft& draft, const std::string& field) {
  NewMember untouched;
  untouched.name = "untouched";
  auto problems = check(draft, &untouched);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].field == field);
  CHECK_FALSE(problems[0].reason.empty());
  CHECK(untouched.name == "untouched");  // nothing is filled in for a refused draft
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("check_member fills a NewMember from a good draft", "[member_rules]") {
  MemberDraft d;
  d.name = "  杭州某某（杭州）有限公司\u3000";
  d.uscc = " 91310110666007217t ";
  d.sectors = {"医疗健康", "TOURISM", "healthcare", "  "};
  d.joined = "2024-03-15";
  d.city = " 杭州 ";
  d.parent = "某某集团";
  d.note = "council approved";
  NewMember m;
  auto problems = check(d, &m);
  REQUIRE(problems.empty());
  CHECK(m.name == "杭州某某（杭州）有限公司");
  CHECK(m.name_key == "杭州某某(杭州)有限公司");
  CHECK(m.uscc == std::optional<std::string>("91310110666007217T"));
  CHECK(m.sector_codes == std::vector<std::string>{"healthcare", "tourism"});
  CHECK(m.tier == roster::Tier::member);
  CHECK(m.city == "杭州");
  CHECK(m.parent == "某某集团");
  CHECK(m.note == "council approved");
  CHECK(m.joined == Date::from_ymd(2024, 3, 15));
  CHECK_FALSE(m.left.has_value());
}

TEST_CASE("check_member defaults joined to the as-of date and keeps a valid left", "[member_rules]") {
  NewMember m;
  REQUIRE(check(good_draft(), &m).empty());
  CHECK(m.joined == kAsOf);
  CHECK_FALSE(m.uscc.has_value());

  MemberDraft d = good_draft();
  d.joined = "2023-07-15";
  d.left = "2026-11-29";  // leaving on the as-of date itself is allowed
  d.tier = "理事";
  REQUIRE(check(d, &m).empty());
  CHECK(m.left == std::optional<Date>(kAsOf));
  CHECK(m.tier == roster::Tier::council);
}

TEST_CASE("name length counts characters, not bytes", "[member_rules]") {
  MemberDraft d = good_draft();
  d.name = repeat("杭", 200);  // 600 bytes
  NewMember m;
  CHECK(check(d, &m).empty());
  CHECK(roster::code_point_count(m.name) == 200);

  d.name = repeat("a", 200);
  CHECK(check(d).empty());
}

TEST_CASE("check_member refuses each bad field with one problem on that field", "[member_rules]") {
  MemberDraft d = good_draft();
  SECTION("empty name") {
    d.name = "";
    require_one_problem(d, "name");
  }
  SECTION("white-space-only name") {
    d.name = " \t\u3000 ";
    require_one_problem(d, "name");
  }
  SECTION("201-character name") {
    d.name = repeat("a", 201);
    require_one_problem(d, "name");
  }
  SECTION("201 Chinese characters") {
    d.name = repeat("杭", 201);
    require_one_problem(d, "name");
  }
  SECTION("invalid UTF-8 name") {
    d.name = "ACME\xff Co.";
    require_one_problem(d, "name");
  }
  SECTION("control character in name") {
    d.name = "ACME\x01 Co.";
    require_one_problem(d, "name");
  }
  SECTION("tab inside name") {
    d.name = "ACME\tCo.";
    require_one_problem(d, "name");
  }
  SECTION("bad USCC check character") {
    d.uscc = "91110000600037341N";
    require_one_problem(d, "uscc");
  }
  SECTION("short USCC") {
    d.uscc = "91110000600037341";
    require_one_problem(d, "uscc");
  }
  SECTION("unknown sector") {
    d.sectors = {"healthcare", "aerospace"};
    require_one_problem(d, "sectors");
  }
  SECTION("no sector") {
    d.sectors = {};
    require_one_problem(d, "sectors");
  }
  SECTION("only blank sectors") {
    d.sectors = {" ", ""};
    require_one_problem(d, "sectors");
  }
  SECTION("unknown tier") {
    d.tier = "chairman";
    require_one_problem(d, "tier");
  }
  SECTION("impossible joined date") {
    d.joined = "2023-02-30";
    require_one_problem(d, "joined");
  }
  SECTION("joined after as-of") {
    d.joined = "2026-11-30";
    require_one_problem(d, "joined");
  }
  SECTION("left before joined") {
    d.joined = "2024-03-15";
    d.left = "2024-03-14";
    require_one_problem(d, "left");
  }
  SECTION("left equal to joined") {
    d.joined = "2024-03-15";
    d.left = "2024-03-15";
    require_one_problem(d, "left");
  }
  SECTION("left after as-of") {
    d.joined = "2024-03-15";
    d.left = "2026-11-30";
    require_one_problem(d, "left");
  }
  SECTION("control character in city") {
    d.city = "杭\x7f州";
    require_one_problem(d, "city");
  }
  SECTION("overlong note") {
    d.note = repeat("x", 2001);
    require_one_problem(d, "note");
  }
}

TEST_CASE("the reasons say what is wrong", "[member_rules]") {
  MemberDraft d = good_draft();
  d.name = repeat("a", 201);
  auto problems = check(d);
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].reason, Contains("201 characters") && Contains("200"));

  d = good_draft();
  d.sectors = {"aerospace"};
  problems = check(d);
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].reason, Contains("unknown sector 'aerospace'"));

  d = good_draft();
  d.joined = "2023-02-30";
  problems = check(d);
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].reason, Contains("'2023-02-30'") && Contains("YYYY-MM-DD"));

  d = good_draft();
  d.joined = "2024-03-15";
  d.left = "2024-03-15";
  problems = check(d);
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].reason, Contains("2024-03-15") && Contains("after"));
}

TEST_CASE("check_member reports every bad field of a draft, not only the first", "[member_rules]") {
  MemberDraft d;
  d.name = "";
  d.uscc = "91110000600037341N";
  d.sectors = {};  // no sector either
  d.tier = "chairman";
  std::vector<std::string> fields;
  for (const auto& p : check(d)) fields.push_back(p.field);
  CHECK(fields == std::vector<std::string>{"name", "uscc", "sectors", "tier"});
}

TEST_CASE("names refuse bidi controls and zero-width characters, naming the character escaped", "[member_rules]") {
  for (const char* mark : {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u202A", "\u202B", "\u202C", "\u202D",
                           "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"}) {
    MemberDraft d = good_draft();
    d.name = std::string("杭州某某") + mark + "科技有限公司";
    INFO(roster::escape_for_terminal(mark));
    require_one_problem(d, "name");
    auto problems = check(d);
    CHECK_THAT(problems[0].reason, Contains("invisible character " + roster::escape_for_terminal(mark)));
    CHECK_FALSE(roster::has_control_char(problems[0].reason));
    CHECK_FALSE(roster::first_invisible_control(problems[0].reason));
  }
  MemberDraft d = good_draft();
  d.name = "\u200B杭州某某科技有限公司";  // at the start, where trim does not reach it
  require_one_problem(d, "name");
  CHECK(*roster::name_problem("ACME\u202ECo.") ==
        "name contains the invisible character \\u202e (a zero-width or text-direction mark, often pasted from a web "
        "page); delete it or type the name again");
}

TEST_CASE("city and parent follow the name rules, a note may hold invisible marks", "[member_rules]") {
  MemberDraft d = good_draft();
  SECTION("city") {
    d.city = "杭\u200B州";
    require_one_problem(d, "city");
  }
  SECTION("parent") {
    d.parent = "某某集团\u202E";
    require_one_problem(d, "parent");
  }
  SECTION("note") {
    d.note = "负责人: 👩\u200D💻";  // a ZERO WIDTH JOINER inside an emoji
    CHECK(check(d).empty());
  }
}

TEST_CASE("association_name_problem applies the rules of a member's name", "[member_rules]") {
  using roster::association_name_problem;
  CHECK_FALSE(association_name_problem("浙江省元宇宙产业协会"));
  CHECK_FALSE(association_name_problem(repeat("协", 200)));
  CHECK_THAT(*association_name_problem(""), Contains("association name is empty"));
  CHECK_THAT(*association_name_problem(repeat("协", 201)), Contains("201 characters"));
  CHECK_THAT(*association_name_problem("协会\x1b[31m"), Contains("control character"));
  CHECK_THAT(*association_name_problem("协会\xff"), Contains("not valid UTF-8"));
  CHECK_THAT(*association_name_problem("协会\u200B"), Contains("invisible character \\u200b"));
  CHECK_THAT(*association_name_problem("\u202E会协"), Contains("invisible character \\u202e"));
}

TEST_CASE("a reason belongs to a period that ended: without a left date it is a problem", "[member_rules]") {
  MemberDraft open = good_draft();
  open.joined = "2024-01-01";
  open.reason = " 未缴会费 ";
  auto problems = check(open);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].field == "reason");
  CHECK(problems[0].reason ==
        "reason '未缴会费' is for a period that has not ended; give its left date too, or leave the reason empty");

  MemberDraft ended = open;
  ended.left = "2025-01-01";
  NewMember m;
  CHECK(check(ended, &m).empty());
  CHECK(m.reason == "未缴会费");
}
