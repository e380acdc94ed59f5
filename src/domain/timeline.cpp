#include "roster/timeline.h"

#include <algorithm>

namespace roster {

Timeline::Timeline(std::vector<DayChange> changes) {
  std::sort(changes.begin(), changes.end(), [](const DayChange& a, const DayChange& b) { return a.date < b.date; });
  for (const auto& c : changes) {
    if (!changes_.empty() && changes_.back().date == c.date) {
      changes_.back().joins += c.joins;
      changes_.back().departures += c.departures;
    } else {
      changes_.push_back(c);
    }
  }
  int joins = 0, departures = 0;
  for (const auto& c : changes_) {
    joins_through_.push_back(joins += c.joins);
    departures_through_.push_back(departures += c.departures);
  }
}

size_t Timeline::upper(Date date) const {
  return static_cast<size_t>(
      std::upper_bound(changes_.begin(), changes_.end(), date, [](Date d, const DayChange& c) { return d < c.date; }) -
      changes_.begin());
}

int Timeline::active_on(Date date) const {
  size_t n = upper(date);
  return n == 0 ? 0 : joins_through_[n - 1] - departures_through_[n - 1];
}

int Timeline::joins_between(Date after, Date through) const {
  if (through <= after) return 0;
  size_t hi = upper(through), lo = upper(after);
  return (hi ? joins_through_[hi - 1] : 0) - (lo ? joins_through_[lo - 1] : 0);
}

int Timeline::departures_between(Date after, Date through) const {
  if (through <= after) return 0;
  size_t hi = upper(through), lo = upper(after);
  return (hi ? departures_through_[hi - 1] : 0) - (lo ? departures_through_[lo - 1] : 0);
}

std::optional<Date> Timeline::first_join() const {
  for (const auto& c : changes_) {
    if (c.joins > 0) return c.date;
  }
  return std::nullopt;
}

}  // namespace roster
