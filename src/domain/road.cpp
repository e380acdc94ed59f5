#include "roster/road.h"

#include <cmath>

namespace roster {

double Road::members_per_day() const {
  return total_days() > 0 ? static_cast<double>(target - baseline) / total_days() : 0.0;
}

double Road::value_on(Date date) const {
  if (date <= start) return baseline;
  if (date >= deadline) return target;
  return baseline + members_per_day() * (date.days() - start.days());
}

std::optional<int> Road::days_ahead(int active, Date as_of) const {
  double slope = members_per_day();
  if (slope <= 0) return std::nullopt;
  double reached_at = start.days() + (active - baseline) / slope;  // day number, unclamped line
  double ahead = std::round(reached_at - as_of.days());
  if (std::abs(ahead) > kHorizonDays) return std::nullopt;
  return static_cast<int>(ahead);
}

double Road::fraction_on(Date date) const {
  return target > 0 ? value_on(date) / target : 0.0;
}

Road road_to_goal(const Goal& goal, const Timeline& timeline) {
  return Road{goal.start, timeline.active_on(goal.start), goal.deadline, goal.target};
}

std::optional<double> weekly_pace(int net_change, int days) {
  if (days <= 0) return std::nullopt;
  return net_change * 7.0 / days;
}

std::optional<double> required_weekly_pace(int active, int target, Date as_of, Date deadline) {
  if (active >= target) return 0.0;
  int days_left = deadline.days() - as_of.days();
  if (days_left <= 0) return std::nullopt;
  return (target - active) * 7.0 / days_left;
}

std::optional<double> days_to_target(int active, int target, std::optional<double> pace_per_week) {
  if (active >= target) return 0.0;
  if (!pace_per_week || *pace_per_week <= 0) return std::nullopt;
  return std::ceil((target - active) / (*pace_per_week / 7.0) - 1e-9);
}

std::optional<Date> projected_date(int active, int target, std::optional<double> pace_per_week, Date as_of) {
  auto days = days_to_target(active, target, pace_per_week);
  if (!days || *days > kHorizonDays) return std::nullopt;
  return as_of.plus_days(static_cast<int>(*days));
}

GoalStatus goal_status(const Road& road, int active, Date as_of, std::optional<int> active_on_deadline) {
  if (active >= road.target) return GoalStatus::reached;
  if (as_of >= road.deadline && active_on_deadline && *active_on_deadline >= road.target) return GoalStatus::reached;
  if (as_of < road.start) return GoalStatus::not_started;
  if (as_of >= road.deadline) return GoalStatus::missed;
  return active >= road.value_on(as_of) ? GoalStatus::on_track : GoalStatus::behind;
}

std::string status_name(GoalStatus status) {
  switch (status) {
    case GoalStatus::not_started:
      return "not-started";
    case GoalStatus::on_track:
      return "on-track";
    case GoalStatus::behind:
      return "behind";
    case GoalStatus::reached:
      return "reached";
    case GoalStatus::missed:
      return "missed";
  }
  return "?";
}

}  // namespace roster
