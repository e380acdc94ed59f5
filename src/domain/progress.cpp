#include "roster/progress.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "roster/forecast.h"

namespace roster {
namespace {

std::optional<double> rounded(std::optional<double> v) {
  if (!v) return v;
  return round2(*v);
}

// One point per month from the start's month through the as-of month; before
// the start, from the first join's month (or the as-of month, if nobody had
// joined by then), so the chart always has a point.
std::vector<MonthPoint> month_series(const Road& road, const Timeline& timeline, Date as_of) {
  Date from = road.start;
  if (as_of < road.start) from = std::min(timeline.first_join().value_or(as_of), as_of);  // never empty
  std::vector<MonthPoint> points;
  for (Date month = first_of_month(from.year(), from.month()); month <= as_of;
       month = last_of_month(month).plus_days(1)) {
    Date point = std::min(last_of_month(month), as_of);
    points.push_back({fmt::format("{:04d}-{:02d}", month.year(), month.month()), point, timeline.active_on(point),
                      round2(road.value_on(point))});
  }
  return points;
}

// The forecast's figures (docs/forecast.md): the model only while the goal
// runs, with the rates of the same trailing window as pace_90_days.
void add_forecast(ProgressReport& r, const std::vector<double>& prospect_probabilities) {
  ForecastInput in{r.active, r.goal.target, 0, 0, 0, prospect_probabilities};
  bool running = r.as_of >= r.goal.start && r.as_of < r.goal.deadline;
  if (running) in.days_left = r.goal.deadline.days() - r.as_of.days();
  if (running && r.trailing_days > 0) {
    in.join_rate_per_day = static_cast<double>(r.joins_90_days) / r.trailing_days;
    in.leave_rate_per_day = static_cast<double>(r.departures_90_days) / r.trailing_days;
  }
  Forecast f = forecast_count(in);
  r.pipeline_expected = round2(f.pipeline_expected);
  r.open_prospects = f.open_prospects;
  if (r.as_of < r.goal.start) return;  // the pace before the start is not the goal's
  if (r.active_on_deadline) {          // the deadline has come: its count is known
    r.expected_on_deadline = *r.active_on_deadline;
    r.chance_by_deadline = *r.active_on_deadline >= r.goal.target ? 1.0 : 0.0;
    return;
  }
  r.expected_on_deadline = round2(f.expected_on_deadline);
  r.chance_by_deadline = round4(f.chance_by_deadline);
}

}  // namespace

double round2(double value) {
  return std::round(value * 100.0) / 100.0 + 0.0;
}

double round4(double value) {
  return std::round(value * 10'000.0) / 10'000.0 + 0.0;
}

ProgressReport build_progress_report(const std::string& association, const Goal& goal, const Timeline& timeline,
                                     Date as_of, const std::vector<double>& prospect_probabilities) {
  ProgressReport r;
  r.association = association;
  r.as_of = as_of;
  r.goal = goal;
  Road road = road_to_goal(goal, timeline);
  r.baseline = road.baseline;

  r.active = timeline.active_on(as_of);
  r.percent = round2(100.0 * r.active / goal.target);
  bool started = as_of >= goal.start;
  r.gained = started ? r.active - r.baseline : 0;
  r.remaining = std::max(0, goal.target - r.active);
  r.days_elapsed = std::max(0, as_of.days() - goal.start.days());
  r.days_left = std::max(0, goal.deadline.days() - std::max(as_of, goal.start).days());
  r.weeks_elapsed = round2(r.days_elapsed / 7.0);
  r.weeks_left = round2(r.days_left / 7.0);

  r.required_weekly_pace =
      rounded(required_weekly_pace(r.active, goal.target, std::max(as_of, goal.start), goal.deadline));
  r.pace_since_start = rounded(started ? weekly_pace(r.gained, r.days_elapsed) : std::nullopt);
  // The window never reaches back past the start: the founders who make up
  // the baseline are not recent growth. In the first 90 days it is shorter.
  Date window_start = as_of.plus_days(-kTrailingDays);
  if (started) window_start = std::max(window_start, goal.start);
  r.trailing_days = as_of.days() - window_start.days();
  r.joins_90_days = timeline.joins_between(window_start, as_of);
  r.departures_90_days = timeline.departures_between(window_start, as_of);
  auto pace_90 = weekly_pace(r.joins_90_days - r.departures_90_days, r.trailing_days);
  r.pace_90_days = rounded(pace_90);

  r.road_today = round2(road.value_on(as_of));
  r.ahead_members = started ? round2(r.active - road.value_on(as_of)) : 0;
  r.ahead_days = started ? road.days_ahead(r.active, as_of) : std::nullopt;
  r.projected_date = projected_date(r.active, goal.target, pace_90, as_of);  // unrounded pace
  auto days = days_to_target(r.active, goal.target, pace_90);
  r.projected_beyond_horizon = days && *days > kHorizonDays;
  if (as_of >= goal.deadline) r.active_on_deadline = timeline.active_on(goal.deadline);
  r.status = goal_status(road, r.active, as_of, r.active_on_deadline);
  add_forecast(r, prospect_probabilities);
  r.months = month_series(road, timeline, as_of);
  return r;
}

}  // namespace roster
