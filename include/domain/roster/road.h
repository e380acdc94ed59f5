#pragma once

#include <optional>
#include <string>

#include "roster/date.h"
#include "roster/goal.h"
#include "roster/timeline.h"

namespace roster {

/// How far ahead a projection or a buffer is worth a date: 100 years, in days.
/// Further is "not within 100 years", never an overflowed date.
constexpr int kHorizonDays = 36'525;

/// The straight road from (start, baseline) to (deadline, target): where the
/// member count should be on each date if growth were even. Pure arithmetic;
/// docs/usage.md defines each figure so it can be checked by hand.
struct Road {
  Date start;
  int baseline = 0;
  Date deadline;
  int target = 0;

  /// Days from start to deadline.
  int total_days() const { return deadline.days() - start.days(); }
  /// Members per day the road climbs: (target − baseline) / total_days.
  double members_per_day() const;
  /// The road's value on `date`: baseline before the start, target after the
  /// deadline, the straight line in between.
  double value_on(Date date) const;
  /// Days ahead of the road (negative: behind) with `active` members on
  /// `as_of`: the date the unclamped line reaches `active`, minus `as_of`,
  /// rounded to whole days. nullopt when the road does not climb, or when
  /// the answer lies beyond kHorizonDays either way.
  std::optional<int> days_ahead(int active, Date as_of) const;
  /// How much of the target the road expects by `date`: value_on(date) ÷
  /// target (0..1 for a road that climbs); 0 for a road with no target.
  double fraction_on(Date date) const;
};

/// The road `goal` sets: from (start, the members `timeline` has active on
/// the start) to (deadline, target). progress, sectors, goal and report all
/// take their road, and so their baseline, from here.
Road road_to_goal(const Goal& goal, const Timeline& timeline);

/// Members per week, from a net change over a number of days; nullopt for no days.
std::optional<double> weekly_pace(int net_change, int days);

/// Members per week still needed: remaining / weeks left. 0 once the target
/// is reached; nullopt when the deadline has come and members are still needed.
std::optional<double> required_weekly_pace(int active, int target, Date as_of, Date deadline);

/// Days until `target` is reached at `pace_per_week` from `active`: remaining
/// ÷ daily pace, rounded up; 0 if already reached; nullopt if the pace is
/// zero, negative or unknown. A double, so a tiny pace cannot overflow.
std::optional<double> days_to_target(int active, int target, std::optional<double> pace_per_week);

/// When `target` is reached at `pace_per_week` from `active` on `as_of`:
/// as_of plus days_to_target. `as_of` itself if already reached; nullopt if
/// the pace is zero, negative or unknown, or the day is more than
/// kHorizonDays away.
std::optional<Date> projected_date(int active, int target, std::optional<double> pace_per_week, Date as_of);

/// Where the association stands.
enum class GoalStatus {
  not_started,  ///< as-of is before the goal's start
  on_track,     ///< at or above the road
  behind,       ///< below the road, deadline not yet come
  reached,      ///< active members at or above the target
  missed,       ///< deadline come, target not reached
};

/// reached when `active` is at the target, or was on the deadline
/// (`active_on_deadline`, known once as_of ≥ deadline); then not-started
/// (before the start), missed (as_of on or after the deadline), on-track
/// (active ≥ the road's value), behind.
GoalStatus goal_status(const Road& road, int active, Date as_of, std::optional<int> active_on_deadline);

/// "on-track", "behind", … as printed and in JSON.
std::string status_name(GoalStatus status);

}  // namespace roster
