#pragma once

#include <optional>
#include <vector>

#include "roster/date.h"

namespace roster {

/// Joins and departures that happened on one date. A period [joined, left)
/// is a join on `joined` and a departure on `left`.
struct DayChange {
  Date date;
  int joins = 0;
  int departures = 0;
};

/// The roster's whole membership history reduced to one entry per date with
/// any change: small even for a million members, and enough to answer every
/// "how many on date D" question. Built from an aggregate query, so the
/// member rows themselves are never loaded.
class Timeline {
 public:
  Timeline() = default;
  /// `changes` in any order; entries on the same date are merged.
  explicit Timeline(std::vector<DayChange> changes);

  /// Members active on `date`: joined on or before it, not left on or before it.
  int active_on(Date date) const;
  /// Joins on dates in (after, through].
  int joins_between(Date after, Date through) const;
  /// Departures on dates in (after, through].
  int departures_between(Date after, Date through) const;
  /// The first date anyone joined, if anyone did.
  std::optional<Date> first_join() const;

 private:
  // Index of the first change after `date`.
  size_t upper(Date date) const;
  std::vector<DayChange> changes_;  // sorted by date, one per date
  std::vector<int> joins_through_;  // prefix sums, joins_through_[i] = joins of changes_[0..i]
  std::vector<int> departures_through_;
};

}  // namespace roster
