// progress for people: the table and the markdown, in the language chosen,
// in whole members (the json and tsv keep every exact figure).
#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "progress_lines.h"
#include "roster/figures.h"
#include "roster/i18n.h"
#include "roster/labels.h"
#include "roster/progress_render.h"
#include "roster/text.h"

namespace roster {
namespace {

std::string status_against_plan(const ProgressReport& r) {
  int plan = plan_today(r);
  int diff = r.active - plan;
  if (diff < 0) {
    return trfn("behind: {0} member short of the plan for today ({1})",
                "behind: {0} members short of the plan for today ({1})", -diff, -diff, plan);
  }
  if (diff > 0) {
    return trfn("on track: {0} member ahead of the plan for today ({1})",
                "on track: {0} members ahead of the plan for today ({1})", diff, diff, plan);
  }
  return trf("on track: on the plan for today ({0})", plan);
}

}  // namespace

int plan_members(double road) {
  return static_cast<int>(std::ceil(road - 1e-9));
}

int plan_today(const ProgressReport& r) {
  return plan_members(r.road_today);
}

std::string progress_status_line(const ProgressReport& r) {
  switch (r.status) {
    case GoalStatus::reached:
      if (r.active >= r.goal.target) {
        return trf("reached: {0} members, {1} over the target", r.active, r.active - r.goal.target);
      }
      return trf("reached: {0} members on {1}; {2} today", r.active_on_deadline.value_or(0),
                 date_label(r.goal.deadline), r.active);
    case GoalStatus::missed:
      return trf("missed: {0} members short on {1}; {2} today, {3} to go",
                 r.goal.target - r.active_on_deadline.value_or(0), date_label(r.goal.deadline), r.active, r.remaining);
    case GoalStatus::not_started:
      return trf("not started: the goal starts on {0}", date_label(r.goal.start));
    case GoalStatus::on_track:
    case GoalStatus::behind:
      return status_against_plan(r);
  }
  return "";
}

std::string progress_outlook_line(const ProgressReport& r) {
  if (r.remaining == 0) return tr("the target is reached");
  if (r.projected_date) {
    return trf("at the last {0} days' pace, {1} is reached around {2}", r.trailing_days, r.goal.target,
               month_label(*r.projected_date));
  }
  if (r.projected_beyond_horizon) {
    return trf("at the last {0} days' pace, {1} is more than 100 years away", r.trailing_days, r.goal.target);
  }
  return trf("at the last {0} days' pace, {1} is never reached", r.trailing_days, r.goal.target);
}

std::string chance_percent(double chance) {
  long percent = std::lround(chance * 100);
  if (percent == 0 && chance > 0) return "<1%";
  if (percent == 100 && chance < 1) return ">99%";
  return fmt::format("{}%", percent);
}

std::optional<std::string> progress_forecast_line(const ProgressReport& r) {
  // Null before the start; the deadline's known count once it has come.
  if (!r.chance_by_deadline || !r.expected_on_deadline || r.active_on_deadline) return std::nullopt;
  long expected = std::lround(*r.expected_on_deadline);
  std::string chance = chance_percent(*r.chance_by_deadline);
  if (r.open_prospects == 0) {
    return trf("about {0} expected on {1} at the last {2} days' pace; chance of {3}: {4}", expected,
               date_label(r.goal.deadline), r.trailing_days, r.goal.target, chance);
  }
  return trfn("about {0} expected on {1} at the last {2} days' pace plus {3} from {4} prospect; chance of {5}: {6}",
              "about {0} expected on {1} at the last {2} days' pace plus {3} from {4} prospects; chance of {5}: {6}",
              r.open_prospects, expected, date_label(r.goal.deadline), r.trailing_days,
              fmt::format("{:.1f}", r.pipeline_expected), r.open_prospects, r.goal.target, chance);
}

std::string per_week(std::optional<double> v) {
  return v ? trf("{0}/week", two_decimals(*v)) : std::string(tr("n/a"));
}

std::vector<ProgressLine> progress_lines(const ProgressReport& r) {
  std::vector<ProgressLine> lines{
      {tr("status"), progress_status_line(r)},
      {tr("goal"), trf("{0} members by {1}, from {2} on {3}", r.goal.target, date_label(r.goal.deadline), r.baseline,
                       date_label(r.goal.start))},
      {tr("gained"), trf("{0} since {1}; {2} to go", signed_change(r.gained), date_label(r.goal.start), r.remaining)},
      {tr("time"), trf("{0} days gone, {1} days left", r.days_elapsed, r.days_left)},
      {tr("pace"), trf("needed {0}; since start {1}; last {2} days {3} ({4} joined, {5} left)",
                       per_week(r.required_weekly_pace), per_week(r.pace_since_start), r.trailing_days,
                       per_week(r.pace_90_days), r.joins_90_days, r.departures_90_days)},
      {tr("outlook"), progress_outlook_line(r)},
  };
  if (auto forecast = progress_forecast_line(r)) lines.push_back({tr("forecast"), *forecast});
  if (r.dues_at_risk) {
    lines.push_back({tr("at risk"), trf("{0} lapsed and {1} suspended in dues; see roster dues status",
                                        r.dues_at_risk->lapsed, r.dues_at_risk->suspended)});
  }
  return lines;
}

void render_progress_table(const ProgressReport& r, std::ostream& out, const RenderOptions& options) {
  const char* bold = options.color ? "\x1b[1m" : "";
  const char* reset = options.color ? "\x1b[0m" : "";
  Glyphs g = glyphs(options.ascii);
  std::string title = r.association.empty() ? "roster" : escape_for_terminal(r.association);
  out << bold << trf("{0} {1} progress as of {2}", title, g.dash, date_label(r.as_of)) << reset << '\n';
  out << "  " << pad_label(tr("members"), 11)
      << fmt::format("{}  [{}]  {:.1f}%\n", trf("{0} of {1}", r.active, r.goal.target),
                     text_bar(r.active / static_cast<double>(r.goal.target), 30, options.ascii), r.percent);
  for (const auto& line : progress_lines(r)) out << "  " << pad_label(line.label, 11) << line.text << '\n';
  int top = r.goal.target;
  for (const auto& m : r.months) top = std::max(top, m.active);
  size_t month_width = 7;
  for (const auto& m : r.months) month_width = std::max(month_width, display_width(month_label(m.date)));
  out << '\n'
      << bold << "  " << pad_label(tr("month"), month_width) << "  " << pad_left(tr("active"), 6) << "  "
      << std::string(40, ' ') << "  " << pad_left(tr("plan"), 5) << reset << '\n';
  for (const auto& m : r.months) {
    out << "  " << pad_label(month_label(m.date), month_width) << "  " << fmt::format("{:>6}", m.active) << "  "
        << road_bar(m.active, m.road, top, 40, options.ascii) << "  " << fmt::format("{:>5}", plan_members(m.road))
        << '\n';
  }
}

void render_progress_markdown(const ProgressReport& r, std::ostream& out) {
  std::string title = r.association.empty() ? std::string(tr("Membership progress"))
                                            : trf("{0} — membership progress", escape_for_terminal(r.association));
  out << "## " << title << " (" << date_label(r.as_of) << ")\n\n";
  out << "**" << trf("{0} of {1} members ({2}%)", r.active, r.goal.target, fmt::format("{:.1f}", r.percent))
      << "**\n\n";
  for (const auto& line : progress_lines(r)) out << "- **" << line.label << "**: " << line.text << '\n';
  out << "\n| " << tr("month") << " | " << tr("active") << " | " << tr("plan") << " |\n| --- | ---: | ---: |\n";
  for (const auto& m : r.months) {
    out << "| " << month_label(m.date) << " | " << m.active << " | " << plan_members(m.road) << " |\n";
  }
}

}  // namespace roster
