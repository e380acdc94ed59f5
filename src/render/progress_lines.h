#pragma once

#include <optional>
#include <string>
#include <vector>

#include "roster/format.h"
#include "roster/progress.h"

// The human lines of progress, shared by its table and markdown and by the
// weekly report's text, markdown, chat and html.
namespace roster {

struct ProgressLine {
  std::string label;  ///< "status", "goal", … (translated)
  std::string text;
};

/// The plan's whole members for a day: its road rounded up (6.5 expected
/// means 7 are needed), so "on track" and "at least the plan" agree.
int plan_members(double road);
/// plan_members of today's road.
int plan_today(const ProgressReport& report);
/// "behind: 2 members short of the plan for today (7)", in whole members.
std::string progress_status_line(const ProgressReport& report);
/// "at the last 90 days' pace, 200 is reached around 2031-08".
std::string progress_outlook_line(const ProgressReport& report);
/// "about 151 expected on 2025-07-15 at the last 90 days' pace; chance of
/// 200: 3%", while the goal runs (from the start to the day before the
/// deadline); nullopt before and after.
std::optional<std::string> progress_forecast_line(const ProgressReport& report);
/// A chance as a whole percent: "18%", and "<1%" or ">99%" for one that is
/// not certain but rounds to 0 or 100.
std::string chance_percent(double chance);
/// "0.10/week", or "n/a".
std::string per_week(std::optional<double> pace);
/// status, goal, gained, time, pace, outlook and (while the goal runs) forecast, in that order.
std::vector<ProgressLine> progress_lines(const ProgressReport& report);

void render_progress_table(const ProgressReport& report, std::ostream& out, const RenderOptions& options);
void render_progress_markdown(const ProgressReport& report, std::ostream& out);

}  // namespace roster
