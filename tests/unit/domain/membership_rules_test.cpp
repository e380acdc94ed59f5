#include "roster/membership_rules.h"

#include <catch2/catch.hpp>

using roster::Date;
using roster::FieldProblem;
using roster::MemberRecord;
using roster::Period;

namespace {

Date d(int y, int m, int day) {
  return Date::from_ymd(y, m, day);
}

const Date kAsOf = d(2026, 11, 29);

// Member #7: 2023-07-15 to 2024-05-01, then `open` (from 2025-02-01) if true.
MemberRecord member(bool open) {
  MemberRecord m;
  m.id = 7;
  m.name = "宁波岚行教育科技股份有限公司";
  m.periods.push_back({d(2023, 7, 15), d(2024, 5, 1), "未续费"});
  if (open) m.periods.push_back({d(2025, 2, 1), std::nullopt, ""});
  return m;
}

// The one problem of `problems`, as "field: reason".
std::string only(const std::vector<FieldProblem>& problems) {
  REQUIRE(problems.size() == 1);
  return problems[0].field + ": " + problems[0].reason;
}

std::string text(const std::optional<FieldProblem>& p) {
  REQUIRE(p.has_value());
  return p->field + ": " + p->reason;
}

}  // namespace

TEST_CASE("future rule: a date after as_of, worded alike for joined and left", "[membership_rules]") {
  CHECK(text(roster::future_date_problem("joined", d(2026, 11, 30), kAsOf)) ==
        "joined: joined date 2026-11-30 is in the future (after 2026-11-29); enter a date that has happened");
  CHECK(text(roster::future_date_problem("left", d(2027, 1, 1), kAsOf)) ==
        "left: left date 2027-01-01 is in the future (after 2026-11-29); enter a date that has happened");
  CHECK_FALSE(roster::future_date_problem("joined", kAsOf, kAsOf));
  CHECK_FALSE(roster::future_date_problem("left", d(2020, 1, 1), kAsOf));
}

TEST_CASE("left rule: a period ends after the day it began", "[membership_rules]") {
  CHECK(text(roster::left_date_problem(d(2024, 3, 1), d(2024, 2, 29))) ==
        "left: left date 2024-02-29 is not after the joined date 2024-03-01; a member leaves after joining");
  CHECK(text(roster::left_date_problem(d(2024, 3, 1), d(2024, 3, 1))) ==
        "left: left date 2024-03-01 is not after the joined date 2024-03-01; a member leaves after joining");
  CHECK_FALSE(roster::left_date_problem(d(2024, 3, 1), d(2024, 3, 2)));
}

TEST_CASE("already-left rule: a departure needs an open period", "[membership_rules]") {
  CHECK(text(roster::already_left_problem(member(false))) ==
        "left: member #7 has already left (on 2024-05-01); `roster rejoin` opens a new period");
  CHECK_FALSE(roster::already_left_problem(member(true)));
}

TEST_CASE("still-a-member rule: a rejoin needs no open period", "[membership_rules]") {
  CHECK(text(roster::still_member_problem(member(true))) ==
        "joined: member #7 is still a member (since 2025-02-01); `roster remove-member` ends that first");
  CHECK_FALSE(roster::still_member_problem(member(false)));
}

TEST_CASE("overlap rule: a new period starts on or after the earlier one ended", "[membership_rules]") {
  Period ended{d(2023, 7, 15), d(2024, 5, 1), ""};
  CHECK(text(roster::overlap_problem(d(2024, 4, 30), ended)) ==
        "joined: period from 2024-04-30 overlaps the period 2023-07-15 to 2024-05-01; a new period starts on or "
        "after 2024-05-01");
  CHECK_FALSE(roster::overlap_problem(d(2024, 5, 1), ended));  // on the day it ended: no gap, no overlap
  Period open{d(2025, 2, 1), std::nullopt, ""};
  CHECK(text(roster::overlap_problem(d(2026, 1, 1), open)) ==
        "joined: period from 2026-01-01 overlaps the period from 2025-02-01, which has not ended; a new period "
        "starts on or after the day it ends");
}

TEST_CASE("reason rule: a reason only on an ended period, and the text rules", "[membership_rules]") {
  const std::string open_reason =
      "reason: reason '未缴会费' is for a period that has not ended; give its left date too, or leave the reason "
      "empty";
  CHECK(text(roster::open_reason_problem("未缴会费", false)) == open_reason);
  CHECK(text(roster::reason_problem("未缴会费", false)) == open_reason);
  CHECK_FALSE(roster::open_reason_problem("未缴会费", true));
  CHECK_FALSE(roster::open_reason_problem("", false));
  CHECK_FALSE(roster::reason_problem("未缴会费", true));
  CHECK_FALSE(roster::reason_problem("", false));
  // The text rules are reason_problem's only: `check` does not apply them.
  CHECK(text(roster::reason_problem("a\x07", true)) ==
        "reason: reason contains a control character (tab, line break or similar); remove it");
  CHECK_FALSE(roster::open_reason_problem("a\x07", true));
}

TEST_CASE("furthest_period: an open period reaches furthest, else the latest left date", "[membership_rules]") {
  CHECK(roster::furthest_period({}) == nullptr);
  MemberRecord m = member(true);
  CHECK(roster::furthest_period(m.periods) == &m.periods[1]);
  // Out of order and nested: the first that reaches furthest.
  std::vector<Period> nested = {{d(2024, 1, 1), d(2024, 12, 31), ""}, {d(2024, 3, 1), d(2024, 4, 1), ""}};
  CHECK(roster::furthest_period(nested) == &nested[0]);
}

TEST_CASE("leave_problems: the first broken rule of a departure", "[membership_rules]") {
  CHECK(roster::leave_problems(member(true), d(2026, 10, 31), "未续费", kAsOf).empty());
  CHECK(only(roster::leave_problems(member(false), d(2026, 10, 31), "", kAsOf)) ==
        "left: member #7 has already left (on 2024-05-01); `roster rejoin` opens a new period");
  CHECK(only(roster::leave_problems(member(true), d(2025, 2, 1), "", kAsOf)) ==
        "left: left date 2025-02-01 is not after the joined date 2025-02-01; a member leaves after joining");
  CHECK(only(roster::leave_problems(member(true), d(2026, 12, 1), "", kAsOf)) ==
        "left: left date 2026-12-01 is in the future (after 2026-11-29); enter a date that has happened");
  CHECK(only(roster::leave_problems(member(true), d(2026, 10, 31), "a\nb", kAsOf)) ==
        "reason: reason contains a control character (tab, line break or similar); remove it");
}

TEST_CASE("rejoin_problems: the first broken rule of a rejoin", "[membership_rules]") {
  CHECK(roster::rejoin_problems(member(false), d(2024, 5, 1), kAsOf).empty());
  CHECK(only(roster::rejoin_problems(member(true), d(2026, 11, 1), kAsOf)) ==
        "joined: member #7 is still a member (since 2025-02-01); `roster remove-member` ends that first");
  CHECK(only(roster::rejoin_problems(member(false), d(2024, 4, 30), kAsOf)) ==
        "joined: period from 2024-04-30 overlaps the period 2023-07-15 to 2024-05-01; a new period starts on or "
        "after 2024-05-01");
  CHECK(only(roster::rejoin_problems(member(false), d(2026, 11, 30), kAsOf)) ==
        "joined: joined date 2026-11-30 is in the future (after 2026-11-29); enter a date that has happened");
}

TEST_CASE("new_period_problems: a later period of import, checked against the earlier ones", "[membership_rules]") {
  const std::vector<Period> earlier = member(false).periods;
  CHECK(roster::new_period_problems(earlier, d(2025, 1, 1), d(2025, 6, 1), "合并", kAsOf).empty());
  CHECK(roster::new_period_problems({}, d(2025, 1, 1), std::nullopt, "", kAsOf).empty());
  CHECK(only(roster::new_period_problems(earlier, d(2024, 1, 1), std::nullopt, "", kAsOf)) ==
        "joined: period from 2024-01-01 overlaps the period 2023-07-15 to 2024-05-01; a new period starts on or "
        "after 2024-05-01");
  CHECK(only(roster::new_period_problems(earlier, d(2025, 1, 1), d(2026, 12, 1), "", kAsOf)) ==
        "left: left date 2026-12-01 is in the future (after 2026-11-29); enter a date that has happened");
  CHECK(only(roster::new_period_problems(earlier, d(2025, 1, 1), d(2024, 12, 1), "", kAsOf)) ==
        "left: left date 2024-12-01 is not after the joined date 2025-01-01; a member leaves after joining");
  CHECK(only(roster::new_period_problems(earlier, d(2025, 1, 1), std::nullopt, "未缴会费", kAsOf)) ==
        "reason: reason '未缴会费' is for a period that has not ended; give its left date too, or leave the "
        "reason empty");
}

TEST_CASE("draft_of: the stored fields as text, and no dates", "[membership_rules]") {
  MemberRecord m = member(true);
  m.uscc = "91330106MA2H3K5X19";
  m.sector_codes = {"education", "tourism"};
  m.tier = roster::Tier::council;
  m.city = "宁波";
  m.parent = "岚行集团";
  m.note = "首批会员";
  roster::MemberDraft draft = roster::draft_of(m);
  CHECK(draft.name == m.name);
  CHECK(draft.uscc == "91330106MA2H3K5X19");
  CHECK(draft.sectors == m.sector_codes);
  CHECK(draft.tier == "council");
  CHECK(draft.city == "宁波");
  CHECK(draft.parent == "岚行集团");
  CHECK(draft.note == "首批会员");
  CHECK(draft.joined.empty());
  CHECK(draft.left.empty());
  CHECK(draft.reason.empty());
  m.uscc.reset();
  CHECK(roster::draft_of(m).uscc.empty());
}
