#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "roster/date.h"
#include "roster/member_record.h"
#include "roster/member_rules.h"

namespace roster {

// The rules of membership periods, each in one function and one wording
// (docs/usage.md quotes them). add-member, import, remove-member, rejoin and
// `check` all word a broken rule through these. Each returns the problem, or
// nothing when the rule holds; the field is the column a file would have.

/// A joined or left date after `as_of`: "joined date 2026-12-01 is in the
/// future (after 2026-11-29); enter a date that has happened". `field` is
/// "joined" or "left".
std::optional<FieldProblem> future_date_problem(std::string_view field, Date date, Date as_of);

/// A period lasts at least a day: a `left` date on or before `joined`.
std::optional<FieldProblem> left_date_problem(Date joined, Date left);

/// A departure needs an open period: `member` has none (it has already left).
std::optional<FieldProblem> already_left_problem(const MemberRecord& member);

/// A rejoin needs no open period: `member` still has one.
std::optional<FieldProblem> still_member_problem(const MemberRecord& member);

/// A new period from `joined` must not begin before `earlier` has ended (an
/// open `earlier` never has). Give the earlier period that reaches furthest.
std::optional<FieldProblem> overlap_problem(Date joined, const Period& earlier);

/// A reason only on an ended period: it says why the member left, and
/// docs/schema.md keeps an open period's reason empty. The rule alone, for
/// `check`, which does not apply the text rules.
std::optional<FieldProblem> open_reason_problem(std::string_view trimmed_reason, bool ended);

/// Everything about a period's leaving reason: free_text_problem(), then
/// open_reason_problem().
std::optional<FieldProblem> reason_problem(std::string_view trimmed_reason, bool ended);

/// The period of `periods` that reaches furthest (an open one reaches
/// forever; among equals, the first); nullptr if there are none.
const Period* furthest_period(const std::vector<Period>& periods);

/// What stops `member` leaving on `left` with `reason` (as remove-member or an
/// import --update row asks): the first problem found, or none.
std::vector<FieldProblem> leave_problems(const MemberRecord& member, Date left, std::string_view reason, Date as_of);

/// What stops `member` rejoining on `joined`: the first problem found, or none.
std::vector<FieldProblem> rejoin_problems(const MemberRecord& member, Date joined, Date as_of);

/// What stops a period [joined, left) with `reason` following `earlier` (a
/// member's periods so far): the first problem found, or none.
std::vector<FieldProblem> new_period_problems(const std::vector<Period>& earlier, Date joined, std::optional<Date> left,
                                              std::string_view reason, Date as_of);

}  // namespace roster
