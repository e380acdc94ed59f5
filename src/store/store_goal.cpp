// Store: the association row (its name and the goal) and the membership
// timeline the road is measured on.
#include <fmt/core.h>

#include <algorithm>

#include "roster/error.h"
#include "roster/goal.h"
#include "roster/i18n.h"
#include "roster/store.h"
#include "sql.h"
#include "store_errors.h"

namespace roster {

Error Store::missing_association_row() const {
  return Error(
      trf("{0} has no association row (the name and the goal); the file is damaged (restore a backup, or start "
          "again with `roster init`)",
          quoted_path(path_)));
}

Goal Store::stored_goal() {
  return guarded(path_, [&] {
    dbi::Statement q(*db_, "SELECT goal_start, goal_target, goal_deadline FROM association WHERE id = 1");
    if (!q.executeStep()) throw missing_association_row();
    Goal g;
    g.start = parse_iso_date(q.getColumn(0).getString()).value_or(g.start);
    // A target beyond int (written with sqlite3) must not wrap round to a small or negative one.
    g.target = static_cast<int>(std::clamp<int64_t>(q.getColumn(1).getInt64(), -1, kMaxTarget + 1));
    g.deadline = parse_iso_date(q.getColumn(2).getString()).value_or(g.deadline);
    return g;
  });
}

Goal Store::goal() {
  return guarded(path_, [&] {
    dbi::Statement q(*db_, "SELECT goal_start, goal_deadline, goal_target FROM association WHERE id = 1");
    if (!q.executeStep()) throw missing_association_row();
    for (int column : {0, 1}) {
      if (!parse_iso_date(q.getColumn(column).getString())) {
        std::string text = q.getColumn(column).getString();
        throw Error(column == 0 ? trf("the goal in {0} is damaged: its start '{1}' is not a date; set it again with "
                                      "`roster goal set --start YYYY-MM-DD`",
                                      quoted_path(path_), text)
                                : trf("the goal in {0} is damaged: its deadline '{1}' is not a date; set it again "
                                      "with `roster goal set --deadline YYYY-MM-DD`",
                                      quoted_path(path_), text));
      }
    }
    if (int64_t target = q.getColumn(2).getInt64(); target < 1 || target > kMaxTarget) {
      throw Error(
          trf("the goal in {0} is damaged: the target {1} must be from 1 to {2} members; set it again with `roster "
              "goal set --target N`",
              quoted_path(path_), target, kMaxTarget));
    }
    Goal g = stored_goal();
    if (auto problem = goal_problem(g)) {
      throw Error(
          trf("the goal in {0} is damaged: {1}; set it again with `roster goal set`", quoted_path(path_), *problem));
    }
    return g;
  });
}

std::string Store::association_name() {
  return guarded(path_, [&] {
    dbi::Statement q(*db_, "SELECT name FROM association WHERE id = 1");
    if (!q.executeStep()) throw missing_association_row();
    return q.getColumn(0).getString();
  });
}

void Store::set_goal(const Goal& goal) {
  require_write("set_goal");
  Goal old = stored_goal();
  dbi::Statement q(*db_, "UPDATE association SET goal_start = ?, goal_target = ?, goal_deadline = ? WHERE id = 1");
  q.bind(1, goal.start.iso());
  q.bind(2, goal.target);
  q.bind(3, goal.deadline.iso());
  q.exec();
  if (old.start != goal.start) log_change(std::nullopt, "goal.set", "start", old.start.iso(), goal.start.iso());
  if (old.target != goal.target) {
    log_change(std::nullopt, "goal.set", "target", std::to_string(old.target), std::to_string(goal.target));
  }
  if (old.deadline != goal.deadline) {
    log_change(std::nullopt, "goal.set", "deadline", old.deadline.iso(), goal.deadline.iso());
  }
}

void Store::set_association_name(const std::string& name) {
  require_write("set_association_name");
  std::string old = association_name();
  if (old == name) return;
  dbi::Statement q(*db_, "UPDATE association SET name = ? WHERE id = 1");
  q.bind(1, name);
  q.exec();
  log_change(std::nullopt, "goal.set", "association", old, name);
}

Timeline Store::membership_timeline() {
  return guarded(path_, [&] {
    // Two index-only aggregates; the result has one row per date with a change.
    dbi::Statement q(*db_,
                     "SELECT joined_on, count(*), 0 FROM periods GROUP BY joined_on "
                     "UNION ALL "
                     "SELECT left_on, 0, count(*) FROM periods WHERE left_on IS NOT NULL GROUP BY left_on");
    std::vector<DayChange> changes;
    while (q.executeStep()) {
      auto date = parse_iso_date(q.getColumn(0).getString());
      if (!date) continue;  // `roster check` reports malformed dates
      changes.push_back({*date, q.getColumn(1).getInt(), q.getColumn(2).getInt()});
    }
    return Timeline(std::move(changes));
  });
}

}  // namespace roster
