#include "roster/goal.h"

#include <fmt/core.h>

namespace roster {

std::optional<std::string> goal_problem(const Goal& goal) {
  if (goal.target < 1 || goal.target > kMaxTarget) {
    return fmt::format("the target {} must be from 1 to {} members", goal.target, kMaxTarget);
  }
  if (goal.deadline <= goal.start) {
    return fmt::format("the deadline {} must come after the start {}", goal.deadline.iso(), goal.start.iso());
  }
  if (goal.deadline.days() - goal.start.days() > kMaxGoalDays) {
    return fmt::format("the deadline {} is more than 100 years after the start {}; choose a nearer deadline",
                       goal.deadline.iso(), goal.start.iso());
  }
  return std::nullopt;
}

}  // namespace roster
