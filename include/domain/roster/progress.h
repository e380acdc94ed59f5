#pragma once

#include <optional>
#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/dues_period.h"
#include "roster/goal.h"
#include "roster/road.h"
#include "roster/timeline.h"

namespace roster {

/// One month of the member-count chart: the count and the road on the
/// month's last day (or the as-of date, for the month it falls in).
struct MonthPoint {
  std::string month;  ///< "2024-03"
  Date date;
  int active = 0;
  double road = 0;
};

/// Everything `roster progress` says, computed once and rendered by every
/// format. Fractional figures are rounded to two decimals here, so the
/// formats cannot disagree.
struct ProgressReport {
  std::string association;
  Date as_of;
  Goal goal;
  int baseline = 0;  ///< active members on the start date
  int active = 0;
  double percent = 0;  ///< active / target × 100
  int gained = 0;      ///< active − baseline (0 before the start)
  int remaining = 0;   ///< target − active, at least 0
  int days_elapsed = 0;
  int days_left = 0;
  double weeks_elapsed = 0;
  double weeks_left = 0;
  std::optional<double> required_weekly_pace;
  std::optional<double> pace_since_start;  ///< net members per week since the start
  int trailing_days = 0;                   ///< the recent-pace window: 90 days, fewer in the first 90 after the start
  int joins_90_days = 0;
  int departures_90_days = 0;
  std::optional<double> pace_90_days;  ///< net members per week over the last 90 days
  double road_today = 0;
  double ahead_members = 0;  ///< negative: behind
  std::optional<int> ahead_days;
  std::optional<Date> projected_date;     ///< at the 90-day pace
  bool projected_beyond_horizon = false;  ///< the pace is positive, but the target is over 100 years away
  GoalStatus status = GoalStatus::behind;
  std::optional<int> active_on_deadline;  ///< once the deadline has come (set exactly then)
  // The forecast (docs/forecast.md). The pipeline figures are always given.
  // The expected count and the chance are null before the start; while the
  // goal runs they are the model's; from the deadline on they are the count
  // on the deadline and 1 or 0 by whether it reached the target.
  double pipeline_expected = 0;                ///< Σ p over the open prospects, two decimals
  int open_prospects = 0;                      ///< the prospects passed in
  std::optional<double> expected_on_deadline;  ///< the mean count on the deadline, two decimals
  std::optional<double> chance_by_deadline;    ///< P(count on the deadline ≥ target), 0..1, four decimals
  /// Active members suspended and lapsed in dues (docs/dues.md); nullopt
  /// when no dues have been billed. Set by the caller (dues_at_risk).
  std::optional<DuesAtRisk> dues_at_risk;
  std::vector<MonthPoint> months;
};

/// The trailing window for the recent pace.
constexpr int kTrailingDays = 90;

/// Builds the report from the goal and the membership timeline. Pure.
/// `prospect_probabilities`: for each open prospect, the chance it joins by
/// the deadline (0..1); they feed the forecast and nothing else.
ProgressReport build_progress_report(const std::string& association, const Goal& goal, const Timeline& timeline,
                                     Date as_of, const std::vector<double>& prospect_probabilities = {});

/// Rounds to two decimals (the precision every format shows).
double round2(double value);

/// Rounds to four decimals (the precision of a chance).
double round4(double value);

}  // namespace roster
