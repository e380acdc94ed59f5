// The membership changes on a real database: each applies the rules to what
// is stored, and writes only when they hold.
#include "roster/membership.h"

#include <catch2/catch.hpp>

#include "roster/member_lookup.h"
#include "roster/text.h"
#include "temp_dir.h"

using roster::Date;
using roster::FieldProblem;
using roster::MemberRecord;
using roster::NewMember;
using roster::Store;
namespace membership = roster::membership;

namespace {

Date d(int y, int m, int day) {
  return Date::from_ymd(y, m, day);
}

const Date kAsOf = d(2026, 11, 29);

roster::InitSettings settings() {
  roster::InitSettings s;
  s.association = "Test Association";
  s.sectors = roster::parse_sectors_csv(roster::seed_sectors_csv());
  return s;
}

// Active (id 1, since 2024-01-10, USCC) and Former (id 2, 2023-07-15 to 2024-05-01).
struct TwoMembers {
  TempDir dir;
  Store store = Store::create(dir / "roster.db", settings());
  TwoMembers() {
    store.write([&] {
      store.insert_member(make("Active 科技", d(2024, 1, 10), std::nullopt, "91310110666007217T"));
      store.insert_member(make("Former", d(2023, 7, 15), d(2024, 5, 1)));
    });
  }
  static NewMember make(const std::string& name, Date joined, std::optional<Date> left,
                        std::optional<std::string> uscc = std::nullopt) {
    NewMember m;
    m.name = name;
    m.name_key = roster::name_key(name);
    m.uscc = std::move(uscc);
    m.sector_codes = {"tourism"};
    m.joined = joined;
    m.left = left;
    return m;
  }
  // Runs `change` in one write and returns its problems as "field: reason".
  std::vector<std::string> run(const std::function<std::vector<FieldProblem>()>& change) {
    std::vector<std::string> out;
    store.write([&] {
      for (const auto& p : change()) out.push_back(p.field + ": " + p.reason);
    });
    return out;
  }
  // "2023-07-15..2024-05-01 (reason); 2025-01-01.." for member `id`.
  std::string periods(int64_t id) {
    std::string out;
    for (const auto& p : store.member_record(id).periods) {
      out += (out.empty() ? "" : "; ") + p.joined.iso() + ".." + (p.left ? p.left->iso() : "");
      if (!p.reason.empty()) out += " (" + p.reason + ")";
    }
    return out;
  }
  size_t history(int64_t id) { return store.member_record(id).history.size(); }
};

using Problems = std::vector<std::string>;

}  // namespace

TEST_CASE("membership::leave ends the open period, with its reason trimmed and logged", "[membership]") {
  TwoMembers t;
  size_t logged = t.history(1);
  CHECK(t.run([&] { return membership::leave(t.store, 1, d(2026, 10, 31), "  未续费 ", kAsOf); }).empty());
  CHECK(t.periods(1) == "2024-01-10..2026-10-31 (未续费)");
  MemberRecord m = t.store.member_record(1);
  REQUIRE(m.history.size() == logged + 1);
  CHECK(m.history.back().kind == "member.leave");
  CHECK(m.history.back().after == "2026-10-31 (未续费)");
}

TEST_CASE("membership::leave refuses what the rules refuse and writes nothing", "[membership]") {
  TwoMembers t;
  CHECK(t.run([&] { return membership::leave(t.store, 2, d(2024, 6, 1), "", kAsOf); }) ==
        Problems{"left: member #2 has already left (on 2024-05-01); `roster rejoin` opens a new period"});
  CHECK(t.run([&] { return membership::leave(t.store, 1, d(2024, 1, 10), "", kAsOf); }) ==
        Problems{"left: left date 2024-01-10 is not after the joined date 2024-01-10; a member leaves after joining"});
  CHECK(t.run([&] { return membership::leave(t.store, 1, d(2026, 11, 30), "", kAsOf); }) ==
        Problems{"left: left date 2026-11-30 is in the future (after 2026-11-29); enter a date that has happened"});
  CHECK(t.periods(1) == "2024-01-10..");
  CHECK(t.periods(2) == "2023-07-15..2024-05-01");
  CHECK(t.history(1) == 1);
  CHECK(t.history(2) == 1);
}

TEST_CASE("membership::rejoin opens a period on or after the last one ended", "[membership]") {
  TwoMembers t;
  CHECK(t.run([&] { return membership::rejoin(t.store, 1, d(2026, 1, 1), kAsOf); }) ==
        Problems{"joined: member #1 is still a member (since 2024-01-10); `roster remove-member` ends that first"});
  CHECK(t.run([&] { return membership::rejoin(t.store, 2, d(2024, 4, 30), kAsOf); }) ==
        Problems{"joined: period from 2024-04-30 overlaps the period 2023-07-15 to 2024-05-01; a new period starts "
                 "on or after 2024-05-01"});
  CHECK(t.run([&] { return membership::rejoin(t.store, 2, d(2026, 12, 1), kAsOf); }) ==
        Problems{"joined: joined date 2026-12-01 is in the future (after 2026-11-29); enter a date that has happened"});
  CHECK(t.periods(2) == "2023-07-15..2024-05-01");
  // On the day the last period ended: no gap, no overlap.
  CHECK(t.run([&] { return membership::rejoin(t.store, 2, d(2024, 5, 1), kAsOf); }).empty());
  CHECK(t.periods(2) == "2023-07-15..2024-05-01; 2024-05-01..");
  CHECK(t.store.member_record(2).history.back().kind == "member.rejoin");
}

TEST_CASE("membership::add_period adds a whole later period after the stored ones", "[membership]") {
  TwoMembers t;
  CHECK(t.run([&] { return membership::add_period(t.store, 2, d(2024, 3, 1), d(2024, 8, 1), "", kAsOf); }) ==
        Problems{"joined: period from 2024-03-01 overlaps the period 2023-07-15 to 2024-05-01; a new period starts "
                 "on or after 2024-05-01"});
  CHECK(t.run([&] { return membership::add_period(t.store, 2, d(2024, 6, 1), std::nullopt, "未缴会费", kAsOf); }) ==
        Problems{"reason: reason '未缴会费' is for a period that has not ended; give its left date too, or leave the "
                 "reason empty"});
  CHECK(t.run([&] { return membership::add_period(t.store, 2, d(2024, 6, 1), d(2024, 6, 1), "", kAsOf); }) ==
        Problems{"left: left date 2024-06-01 is not after the joined date 2024-06-01; a member leaves after joining"});
  CHECK(t.periods(2) == "2023-07-15..2024-05-01");
  CHECK(
      t.run([&] { return membership::add_period(t.store, 2, d(2024, 6, 1), d(2025, 1, 1), " 合并 ", kAsOf); }).empty());
  CHECK(t.run([&] { return membership::add_period(t.store, 2, d(2025, 3, 1), std::nullopt, "", kAsOf); }).empty());
  CHECK(t.periods(2) == "2023-07-15..2024-05-01; 2024-06-01..2025-01-01 (合并); 2025-03-01..");
  CHECK(t.store.member_periods(99).empty());
  t.store.write([&] {
    CHECK_THROWS_WITH(membership::add_period(t.store, 99, d(2025, 1, 1), std::nullopt, "", kAsOf), "no member #99");
  });
  // Now open: a further period overlaps it.
  CHECK(t.run([&] { return membership::add_period(t.store, 2, d(2026, 1, 1), std::nullopt, "", kAsOf); }) ==
        Problems{"joined: period from 2026-01-01 overlaps the period from 2025-03-01, which has not ended; a new "
                 "period starts on or after the day it ends"});
}

TEST_CASE("membership::edit applies add-member's rules and the duplicate check, and reports the changes",
          "[membership]") {
  TwoMembers t;
  roster::MemberDraft draft = roster::draft_of(t.store.member_record(2));
  draft.name = " Former Renamed ";
  draft.sectors = {"文化旅游", "教育"};
  draft.joined = "2099-01-01";  // dates are not edited here, so never refused here
  std::vector<std::string> changed;
  CHECK(t.run([&] { return membership::edit(t.store, t.store.sectors(), 2, draft, kAsOf, &changed); }).empty());
  CHECK(changed == std::vector<std::string>{"name", "sectors"});
  MemberRecord m = t.store.member_record(2);
  CHECK(m.name == "Former Renamed");
  CHECK(m.sector_codes == std::vector<std::string>{"tourism", "education"});
  CHECK(t.periods(2) == "2023-07-15..2024-05-01");

  draft.name = "ACTIVE  科技";
  draft.uscc = "91310110666007217t";
  CHECK(t.run([&] { return membership::edit(t.store, t.store.sectors(), 2, draft, kAsOf); }) ==
        Problems{"name: 'ACTIVE  科技' is already member #1 (Active 科技); names are compared ignoring case, width "
                 "and spacing",
                 "uscc: USCC 91310110666007217T already belongs to member #1 (Active 科技)"});
  // The member may keep its own name and USCC.
  roster::MemberDraft same = roster::draft_of(t.store.member_record(1));
  CHECK(t.run([&] { return membership::edit(t.store, t.store.sectors(), 1, same, kAsOf); }).empty());
  CHECK(t.store.member_record(2).name == "Former Renamed");
}

TEST_CASE("membership::edit checks the sectors against the registry it is given", "[membership]") {
  TwoMembers t;
  roster::MemberDraft draft = roster::draft_of(t.store.member_record(1));
  draft.sectors = {"media"};
  std::vector<std::string> problems;
  t.store.write([&] {
    t.store.merge_sectors("media", "technology");
    for (const auto& p : membership::edit(t.store, t.store.sectors(), 1, draft, kAsOf)) problems.push_back(p.field);
  });
  CHECK(problems == std::vector<std::string>{"sectors"});
  CHECK(t.store.member_record(1).sector_codes == std::vector<std::string>{"tourism"});
}

TEST_CASE("resolve_member_ref finds a member by id, name or USCC, and lists the candidates otherwise", "[membership]") {
  TwoMembers t;
  CHECK(roster::resolve_member_ref(t.store, "#2") == 2);
  CHECK(roster::resolve_member_ref(t.store, "active 科技") == 1);
  CHECK(roster::resolve_member_ref(t.store, "91310110666007217t") == 1);
  CHECK_THROWS_WITH(roster::resolve_member_ref(t.store, "Form"), "no member 'Form'; did you mean #2 Former?");
}
