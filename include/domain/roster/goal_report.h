#pragma once

#include "roster/goal.h"
#include "roster/timeline.h"

namespace roster {

/// Everything `roster goal` shows, built once and rendered by every format.
struct GoalReport {
  Goal goal;
  int baseline = 0;  ///< members active on the goal's start: where the road begins
};

/// The goal with the baseline `timeline` gives it (the one road_to_goal
/// takes). Pure.
GoalReport build_goal_report(const Goal& goal, const Timeline& timeline);

}  // namespace roster
