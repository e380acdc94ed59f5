#pragma once

#include <optional>
#include <string>

#include "roster/date.h"

namespace roster {

/// The goal the road runs toward.
struct Goal {
  Date start = Date::from_ymd(2023, 7, 15);
  int target = 200;
  Date deadline = Date::from_ymd(2025, 7, 15);
};

/// The most members a goal or a sector may aim at: far above any association,
/// and low enough that every figure on the road stays an ordinary number.
constexpr int kMaxTarget = 10'000'000;

/// The longest road from start to deadline: 100 years, in days.
constexpr int kMaxGoalDays = 36'525;

/// What is wrong with a goal, in words that name the fix, or nullopt: a
/// target outside 1..kMaxTarget, a deadline not after the start, or one more
/// than 100 years after it. init, goal set and check all apply this one rule.
std::optional<std::string> goal_problem(const Goal& goal);

}  // namespace roster
