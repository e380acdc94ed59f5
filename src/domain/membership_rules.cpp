#include "roster/membership_rules.h"

#include <fmt/core.h>

#include "roster/i18n.h"
#include "roster/member_rules.h"

namespace roster {

std::optional<FieldProblem> future_date_problem(std::string_view field, Date date, Date as_of) {
  if (date <= as_of) return std::nullopt;
  return FieldProblem{std::string(field), trf("{0} {1} is in the future (after {2}); enter a date that has happened",
                                              date_field_word(field), date.iso(), as_of.iso())};
}

std::optional<FieldProblem> left_date_problem(Date joined, Date left) {
  if (left > joined) return std::nullopt;
  return FieldProblem{"left", trf("left date {0} is not after the joined date {1}; a member leaves after joining",
                                  left.iso(), joined.iso())};
}

std::optional<FieldProblem> already_left_problem(const MemberRecord& member) {
  if (member.open_period()) return std::nullopt;
  const Period* last = furthest_period(member.periods);
  if (last && last->left) {
    return FieldProblem{"left", trf("member #{0} has already left (on {1}); `roster rejoin` opens a new period",
                                    member.id, last->left->iso())};
  }
  return FieldProblem{"left", trf("member #{0} has already left; `roster rejoin` opens a new period", member.id)};
}

std::optional<FieldProblem> still_member_problem(const MemberRecord& member) {
  const Period* open = member.open_period();
  if (!open) return std::nullopt;
  return FieldProblem{"joined", trf("member #{0} is still a member (since {1}); `roster remove-member` ends that first",
                                    member.id, open->joined.iso())};
}

std::optional<FieldProblem> overlap_problem(Date joined, const Period& earlier) {
  if (earlier.left && joined >= *earlier.left) return std::nullopt;
  if (earlier.left) {
    return FieldProblem{"joined",
                        trf("period from {0} overlaps the period {1} to {2}; a new period starts on or after {2}",
                            joined.iso(), earlier.joined.iso(), earlier.left->iso())};
  }
  return FieldProblem{"joined",
                      trf("period from {0} overlaps the period from {1}, which has not ended; a new period starts on "
                          "or after the day it ends",
                          joined.iso(), earlier.joined.iso())};
}

std::optional<FieldProblem> open_reason_problem(std::string_view trimmed_reason, bool ended) {
  if (trimmed_reason.empty() || ended) return std::nullopt;
  return FieldProblem{"reason", trf("reason '{0}' is for a period that has not ended; give its left date too, or leave "
                                    "the reason empty",
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
