#include "roster/goal_report.h"

#include "roster/road.h"

namespace roster {

GoalReport build_goal_report(const Goal& goal, const Timeline& timeline) {
  return GoalReport{goal, road_to_goal(goal, timeline).baseline};
}

}  // namespace roster
