#include "roster/period_report.h"

#include <algorithm>

#include "roster/road.h"

namespace roster {
namespace {

// One point per period from the one the goal starts in through `period`
// (just `period` when it comes before the start).
std::vector<ChartPoint> chart_points(const ReportPeriod& period, Date end, const Road& road, const Timeline& timeline) {
  ReportPeriod p = period_containing(period.kind, road.start);
  if (period.first < p.first) p = period;
  std::vector<ChartPoint> points;
  for (; p.first <= period.first; p = p.next()) {
    Date date = std::min(p.last, end);
    points.push_back({p.label(), date, timeline.active_on(date), round2(road.value_on(date))});
  }
  return points;
}

}  // namespace

Date report_end(const ReportPeriod& period, Date as_of) {
  return std::min(period.last, as_of);
}

PeriodReport build_period_report(const ReportPeriod& period, Date as_of, PeriodReportData data) {
  PeriodReport r;
  r.period = period;
  r.as_of = as_of;
  r.end = report_end(period, as_of);
  r.complete = r.end == period.last;
  const Timeline& timeline = data.timeline;
  // The open prospects as of the end weigh in on the forecast.
  auto probabilities = build_pipeline_report(data.stages, data.prospects, data.sectors, r.end).open_probabilities;
  r.progress = build_progress_report(data.association, data.goal, timeline, r.end, probabilities);
  r.progress.months.clear();  // the report has its own chart, one point per period

  Date before = period.first.plus_days(-1);
  r.previous_active = timeline.active_on(before);
  r.change = r.progress.active - r.previous_active;
  r.joined = std::move(data.changes.joined);
  r.left = std::move(data.changes.left);
  r.pace = round2(*weekly_pace(r.change, r.end.days() - before.days()));
  Road road = road_to_goal(data.goal, timeline);
  if (r.end >= data.goal.start) {
    Date from = std::max(before, data.goal.start);  // a period holding the start: needed from the start
    auto needed = required_weekly_pace(timeline.active_on(from), data.goal.target, from, data.goal.deadline);
    if (needed) r.required_pace = round2(*needed);
  }

  r.sectors = build_sector_report(r.end, before, r.progress.active, road.fraction_on(r.end), data.sectors,
                                  data.sector_counts, false);
  r.chart = chart_points(period, r.end, road, timeline);
  if (!data.prospects.empty()) r.pipeline = pipeline_in_period(data.stages, data.prospects, period.first, r.end);
  r.dues = std::move(data.dues);
  return r;
}

}  // namespace roster
