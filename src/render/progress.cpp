#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "roster/error.h"
#include "roster/figures.h"
#include "roster/json_dump.h"
#include "roster/progress_render.h"
#include "roster/text.h"

namespace roster {
namespace {

using nlohmann::ordered_json;

std::string per_week(std::optional<double> v) {
  return v ? two_decimals(*v) + "/week" : "n/a";
}

template <typename T>
ordered_json or_null(const std::optional<T>& v) {
  return v ? ordered_json(*v) : ordered_json();
}

// Every scalar figure in order: the JSON keys and the tsv lines.
ordered_json figures(const ProgressReport& r) {
  return {{"association", r.association},
          {"as_of", r.as_of.iso()},
          {"status", status_name(r.status)},
          {"active", r.active},
          {"target", r.goal.target},
          {"percent", r.percent},
          {"start", r.goal.start.iso()},
          {"deadline", r.goal.deadline.iso()},
          {"baseline", r.baseline},
          {"gained", r.gained},
          {"remaining", r.remaining},
          {"days_elapsed", r.days_elapsed},
          {"days_left", r.days_left},
          {"weeks_elapsed", r.weeks_elapsed},
          {"weeks_left", r.weeks_left},
          {"required_weekly_pace", or_null(r.required_weekly_pace)},
          {"pace_since_start", or_null(r.pace_since_start)},
          {"pace_90_days", or_null(r.pace_90_days)},
          {"trailing_days", r.trailing_days},
          {"joins_90_days", r.joins_90_days},
          {"departures_90_days", r.departures_90_days},
          {"road_today", r.road_today},
          {"ahead_members", r.ahead_members},
          {"ahead_days", or_null(r.ahead_days)},
          {"projected_date", r.projected_date ? ordered_json(r.projected_date->iso()) : ordered_json()},
          {"projected_beyond_100_years", r.projected_beyond_horizon},
          {"active_on_deadline", or_null(r.active_on_deadline)}};
}

void render_json(const ProgressReport& r, std::ostream& out) {
  ordered_json doc = figures(r);
  doc["months"] = ordered_json::array();
  for (const auto& m : r.months) {
    doc["months"].push_back({{"month", m.month}, {"date", m.date.iso()}, {"active", m.active}, {"road", m.road}});
  }
  out << dump_json(doc, 2) << '\n';
}

std::string tsv_value(const ordered_json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_float()) return two_decimals(v.get<double>());
  return dump_json(v);
}

void render_tsv(const ProgressReport& r, std::ostream& out) {
  out << "figure\tvalue\n";
  const ordered_json all = figures(r);
  for (auto it = all.begin(); it != all.end(); ++it) out << it.key() << '\t' << tsv_value(it.value()) << '\n';
}

std::string ahead_phrase(const ProgressReport& r) {
  std::string days = r.ahead_days ? fmt::format(" ({} days)", std::abs(*r.ahead_days)) : "";
  return fmt::format("{} members{} {} the road", two_decimals(std::abs(r.ahead_members)), days,
                     r.ahead_members >= 0 ? "ahead of" : "behind");
}

// One text row per month: a bar for the count and a │ where the road is.
std::vector<std::string> chart_rows(const ProgressReport& r, int width) {
  int top = r.goal.target;
  for (const auto& m : r.months) top = std::max(top, m.active);
  std::vector<std::string> rows;
  for (const auto& m : r.months) {
    rows.push_back(fmt::format("  {}  {:>6}  {}  {:>7}", m.month, m.active, road_bar(m.active, m.road, top, width),
                               two_decimals(m.road)));
  }
  return rows;
}

void render_table(const ProgressReport& r, std::ostream& out, bool color) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  std::string title = r.association.empty() ? "roster" : escape_for_terminal(r.association);
  out << bold << title << " — progress as of " << r.as_of.iso() << reset << '\n';
  out << fmt::format("  members    {} of {}  [{}]  {:.1f}%\n", r.active, r.goal.target,
                     text_bar(r.active / static_cast<double>(r.goal.target), 30), r.percent);
  out << fmt::format("  status     {}\n", progress_verdict(r));
  out << fmt::format("  goal       {} members by {}, from {} on {}\n", r.goal.target, r.goal.deadline.iso(), r.baseline,
                     r.goal.start.iso());
  out << fmt::format("  gained     {:+d} since {}; {} to go\n", r.gained, r.goal.start.iso(), r.remaining);
  out << fmt::format("  time       {} days gone ({} weeks), {} days left ({} weeks)\n", r.days_elapsed,
                     two_decimals(r.weeks_elapsed), r.days_left, two_decimals(r.weeks_left));
  out << fmt::format("  pace       needed {}; since start {}; last {} days {} ({} joined, {} left)\n",
                     per_week(r.required_weekly_pace), per_week(r.pace_since_start), r.trailing_days,
                     per_week(r.pace_90_days), r.joins_90_days, r.departures_90_days);
  if (r.status == GoalStatus::not_started) {
    out << fmt::format("  road       starts on {} from {}\n", r.goal.start.iso(), r.baseline);
  } else {
    out << fmt::format("  road       {} today; {}\n", two_decimals(r.road_today), ahead_phrase(r));
  }
  std::string projected = r.projected_date             ? r.projected_date->iso()
                          : r.projected_beyond_horizon ? "not within 100 years"
                                                       : "never";
  out << fmt::format("  projected  {} at the last {} days' pace\n", projected, r.trailing_days);
  out << '\n' << bold << fmt::format("  {:<7}  {:>6}  {:<40}  {:>7}", "month", "active", "", "road") << reset << '\n';
  for (const auto& row : chart_rows(r, 40)) out << row << '\n';
}

void render_markdown(const ProgressReport& r, std::ostream& out) {
  std::string title =
      r.association.empty() ? "Membership progress" : escape_for_terminal(r.association) + " — membership progress";
  out << "## " << title << " (" << r.as_of.iso() << ")\n\n";
  out << "**" << r.active << " of " << r.goal.target << " members (" << fmt::format("{:.1f}", r.percent) << "%)** — "
      << progress_verdict(r) << "\n\n";
  out << "| figure | value |\n| --- | --- |\n";
  const ordered_json all = figures(r);
  for (auto it = all.begin(); it != all.end(); ++it) {
    if (it.key() != "association") out << "| " << it.key() << " | " << tsv_value(it.value()) << " |\n";
  }
  out << "\n| month | active | road |\n| --- | ---: | ---: |\n";
  for (const auto& m : r.months) out << "| " << m.month << " | " << m.active << " | " << two_decimals(m.road) << " |\n";
}

}  // namespace

std::string text_bar(double fraction, int width) {
  int filled = static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * width));
  std::string bar;
  for (int i = 0; i < width; ++i) bar += i < filled ? "█" : "░";
  return bar;
}

std::string road_bar(int active, double road, int top, int width) {
  // Full cells only for members reached; the road's mark is drawn over the
  // bar, so it shows whether the count is above or below it.
  int filled = static_cast<int>(width * static_cast<double>(active) / top);
  int road_cell = std::clamp(static_cast<int>(std::lround(width * road / top)) - 1, 0, width - 1);
  std::string bar;
  for (int i = 0; i < width; ++i) bar += i == road_cell ? "│" : i < filled ? "█" : " ";
  return bar;
}

std::string progress_verdict(const ProgressReport& r) {
  switch (r.status) {
    case GoalStatus::reached:
      if (r.active >= r.goal.target) {
        return fmt::format("reached: {} members, {} over the target", r.active, r.active - r.goal.target);
      }
      return fmt::format("reached: {} members on {}; {} today", r.active_on_deadline.value_or(0), r.goal.deadline.iso(),
                         r.active);
    case GoalStatus::missed:
      return fmt::format("missed by {} members on {}; {} today, {} to go",
                         r.goal.target - r.active_on_deadline.value_or(0), r.goal.deadline.iso(), r.active,
                         r.remaining);
    case GoalStatus::not_started:
      return fmt::format("not started: the goal starts on {}", r.goal.start.iso());
    case GoalStatus::on_track:
      return "on track: " + ahead_phrase(r);
    case GoalStatus::behind:
      return "behind: " + ahead_phrase(r);
  }
  return "";
}

void render_progress(const ProgressReport& report, Format format, std::ostream& out, const RenderOptions& options) {
  switch (format) {
    case Format::table:
      return render_table(report, out, options.color);
    case Format::json:
      return render_json(report, out);
    case Format::tsv:
      return render_tsv(report, out);
    case Format::markdown:
      return render_markdown(report, out);
    default:
      throw usage_error("progress writes table, tsv, json or markdown");
  }
}

}  // namespace roster
