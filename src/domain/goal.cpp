#include "roster/goal.h"

#include <fmt/core.h>

#include "roster/i18n.h"

namespace roster {

std::optional<std::string> goal_problem(const Goal& goal) {
  if (goal.target < 1 || goal.target > kMaxTarget) {
    return trf("the target {0} must be from 1 to {1} members", goal.target, kMaxTarget);
  }
  if (goal.deadline <= goal.start) {
    return trf("the deadline {0} must come after the start {1}", goal.deadline.iso(), goal.start.iso());
  }
  if (goal.deadline.days() - goal.start.days() > kMaxGoalDays) {
    return trf("the deadline {0} is more than 100 years after the start {1}; choose a nearer deadline",
               goal.deadline.iso(), goal.start.iso());
  }
  return std::nullopt;
}

}  // namespace roster
