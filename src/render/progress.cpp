#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "json_null.h"
#include "progress_json.h"
#include "progress_lines.h"
#include "roster/error.h"
#include "roster/figures.h"
#include "roster/i18n.h"
#include "roster/json_dump.h"
#include "roster/labels.h"
#include "roster/progress_render.h"
#include "roster/text.h"

namespace roster {
namespace {

using nlohmann::ordered_json;

// Every scalar figure in order: the JSON keys and the tsv lines.
ordered_json figures(const ProgressReport& r) {
  ordered_json all = {{"association", r.association},
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
  all.update(progress_forecast_json(r));
  all["dues_suspended"] = r.dues_at_risk ? ordered_json(r.dues_at_risk->suspended) : ordered_json();
  all["dues_lapsed"] = r.dues_at_risk ? ordered_json(r.dues_at_risk->lapsed) : ordered_json();
  return all;
}

void render_json(const ProgressReport& r, std::ostream& out) {
  ordered_json doc = figures(r);
  doc["months"] = ordered_json::array();
  for (const auto& m : r.months) {
    doc["months"].push_back({{"month", m.month}, {"date", m.date.iso()}, {"active", m.active}, {"road", m.road}});
  }
  out << dump_json(doc, 2) << '\n';
}

// A chance keeps its four decimals; every other fractional figure has two.
std::string tsv_value(const std::string& key, const ordered_json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_float() && key == "chance_by_deadline") return fmt::format("{:.4f}", v.get<double>() + 0.0);
  if (v.is_number_float()) return two_decimals(v.get<double>());
  return dump_json(v);
}

void render_tsv(const ProgressReport& r, std::ostream& out) {
  out << "figure\tvalue\n";
  const ordered_json all = figures(r);
  for (auto it = all.begin(); it != all.end(); ++it) out << it.key() << '\t' << tsv_value(it.key(), it.value()) << '\n';
}

// i18n: data begin (the json's verdict: a fixed English sentence with the
// exact figures, for scripts that print it; never translated)
std::string ahead_phrase(const ProgressReport& r) {
  std::string days = r.ahead_days ? fmt::format(" ({} days)", std::abs(*r.ahead_days)) : "";
  return fmt::format("{} members{} {} the road", two_decimals(std::abs(r.ahead_members)), days,
                     r.ahead_members >= 0 ? "ahead of" : "behind");
}

}  // namespace

ordered_json progress_forecast_json(const ProgressReport& r) {
  return {{"pipeline_expected", r.pipeline_expected},
          {"open_prospects", r.open_prospects},
          {"expected_on_deadline", or_null(r.expected_on_deadline)},
          {"chance_by_deadline", or_null(r.chance_by_deadline)}};
}

std::string text_bar(double fraction, int width, bool ascii) {
  int filled = static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * width));
  Glyphs g = glyphs(ascii);
  std::string bar;
  for (int i = 0; i < width; ++i) bar += i < filled ? g.full : g.empty;
  return bar;
}

std::string road_bar(int active, double road, int top, int width, bool ascii) {
  // Full cells only for members reached; the road's mark is drawn over the
  // bar, so it shows whether the count is above or below it.
  int filled = static_cast<int>(width * static_cast<double>(active) / top);
  int road_cell = std::clamp(static_cast<int>(std::lround(width * road / top)) - 1, 0, width - 1);
  Glyphs g = glyphs(ascii);
  std::string bar;
  for (int i = 0; i < width; ++i) bar += i == road_cell ? g.mark : i < filled ? g.full : " ";
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
// i18n: data end

void render_progress(const ProgressReport& report, Format format, std::ostream& out, const RenderOptions& options) {
  switch (format) {
    case Format::table:
      return render_progress_table(report, out, options);
    case Format::json:
      return render_json(report, out);
    case Format::tsv:
      return render_tsv(report, out);
    case Format::markdown:
      return render_progress_markdown(report, out);
    default:
      throw usage_error(tr("progress writes table, tsv, json or markdown"));
  }
}

}  // namespace roster
