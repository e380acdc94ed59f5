#include "roster/membership_rules.h"

#include <fmt/core.h>

namespace roster {

std::optional<FieldProblem> future_date_problem(std::string_view field, Date date, Date as_of) {
  if (date <= as_of) return std::nullopt;
  return FieldProblem{std::string(field), fmt::format("{} date {} is in the future (after {}); enter a date that has "
                                                      "happened",
                                                      field, date.iso(), as_of.iso())};
}

std::optional<FieldProblem> left_date_problem(Date joined, Date left) {
  if (left > joined) return std::nullopt;
  return FieldProblem{"left", fmt::format("left date {} is not after the joined date {}; a member leaves after joining",
                                          left.iso(), joined.iso())};
}

std::optional<FieldProblem> already_left_problem(const MemberRecord& member) {
  if (member.open_period()) return std::nullopt;
  const Period* last = furthest_period(member.periods);
  std::string when = last && last->left ? fmt::format(" (on {})", last->left->iso()) : "";
  return FieldProblem{
      "left", fmt::format("member #{} has already left{}; `roster rejoin` opens a new period", member.id, when)};
}

std::optional<FieldProblem> still_member_problem(const MemberRecord& member) {
  const Period* open = member.open_period();
  if (!open) return std::nullopt;
  return FieldProblem{"joined", fmt::format("member #{} is still a member (since {}); `roster remove-member` ends that "
                                            "first",
                                            member.id, open->joined.iso())};
}

std::optional<FieldProblem> overlap_problem(Date joined, const Period& earlier) {
  if (earlier.left && joined >= *earlier.left) return std::nullopt;
  std::string span = earlier.left ? fmt::format("{} to {}", earlier.joined.iso(), earlier.left->iso())
                                  : fmt::format("from {}, which has not ended", earlier.joined.iso());
  std::string start = earlier.left ? earlier.left->iso() : "the day it ends";
  return FieldProblem{"joined", fmt::format("period from {} overlaps the period {}; a new period starts on or after {}",
                                            joined.iso(), span, start)};
}

std::optional<FieldProblem> open_reason_problem(std::string_view trimmed_reason, bool ended) {
  if (trimmed_reason.empty() || ended) return std::nullopt;
  return FieldProblem{"reason", fmt::format("reason '{}' is for a period that has not ended; give its left date too, "
                                            "or leave the reason empty",
                                            trimmed_reason)};
}

std::optional<FieldProblem> reason_problem(std::string_view trimmed_reason, bool ended) {
  if (auto p = free_text_problem(trimmed_reason, "reason")) return FieldProblem{"reason", *p};
  return open_reason_problem(trimmed_reason, ended);
}

const Period* furthest_period(const std::vector<Period>& periods) {
  const Period* furthest = nullptr;
  for (const auto& p : periods) {
    if (!furthest || (furthest->left && (!p.left || *p.left > *furthest->left))) furthest = &p;
  }
  return furthest;
}

namespace {

// The first problem of those given, as the one-element list the composite
// checks return.
std::vector<FieldProblem> first_of(std::initializer_list<std::optional<FieldProblem>> problems) {
  for (const auto& p : problems) {
    if (p) return {*p};
  }
  return {};
}

}  // namespace

std::vector<FieldProblem> leave_problems(const MemberRecord& member, Date left, std::string_view reason, Date as_of) {
  if (auto p = first_of(
          {reason_problem(reason, true), future_date_problem("left", left, as_of), already_left_problem(member)});
      !p.empty()) {
    return p;
  }
  return first_of({left_date_problem(member.open_period()->joined, left)});
}

std::vector<FieldProblem> rejoin_problems(const MemberRecord& member, Date joined, Date as_of) {
  if (auto p = first_of({future_date_problem("joined", joined, as_of), still_member_problem(member)}); !p.empty()) {
    return p;
  }
  return new_period_problems(member.periods, joined, std::nullopt, "", as_of);
}

std::vector<FieldProblem> new_period_problems(const std::vector<Period>& earlier, Date joined, std::optional<Date> left,
                                              std::string_view reason, Date as_of) {
  const Period* furthest = furthest_period(earlier);
  return first_of(
      {future_date_problem("joined", joined, as_of), left ? future_date_problem("left", *left, as_of) : std::nullopt,
       left ? left_date_problem(joined, *left) : std::nullopt,
       furthest ? overlap_problem(joined, *furthest) : std::nullopt, reason_problem(reason, left.has_value())});
}

}  // namespace roster
