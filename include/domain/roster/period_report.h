#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/dues_period.h"
#include "roster/goal.h"
#include "roster/member.h"
#include "roster/pipeline.h"
#include "roster/progress.h"
#include "roster/report_period.h"
#include "roster/sector_report.h"
#include "roster/timeline.h"

namespace roster {

/// A member who joined or left in a report's period.
struct MemberChange : MemberFields {
  int64_t id = 0;
  Date date;           ///< the day the period began (joined) or ended (left)
  std::string reason;  ///< why the member left; empty for joins
};

/// Who came and went in a period, by date then id (see Store::member_changes).
struct PeriodChanges {
  std::vector<MemberChange> joined;
  std::vector<MemberChange> left;
};

/// One point of the report's chart: the count and the road at a period's end.
struct ChartPoint {
  std::string label;  ///< the period, e.g. "2024-W10"
  Date date;          ///< its last day (or the report's end, for the period still running)
  int active = 0;
  double road = 0;
};

/// Everything `roster report` says about one week, month or quarter, built
/// once and rendered by every format. Figures are as of the period's last
/// day, or as of --as-of while the period is still running.
struct PeriodReport {
  ReportPeriod period;
  Date as_of;               ///< the date the report was asked for
  Date end;                 ///< the date its figures are for
  bool complete = true;     ///< false: the period runs past as_of
  ProgressReport progress;  ///< the road as of `end`
  int previous_active = 0;  ///< active members the day before the period
  int change = 0;           ///< progress.active − previous_active
  std::vector<MemberChange> joined;
  std::vector<MemberChange> left;
  double pace = 0;                         ///< net members per week over the period (to `end`)
  std::optional<double> required_pace;     ///< members per week the road needed when the period began
  SectorReport sectors;                    ///< as of `end`; joins and departures within the period
  std::vector<ChartPoint> chart;           ///< one per period, from the goal's start through this one
  std::optional<PipelinePeriod> pipeline;  ///< the pipeline's events in the period; nullopt with no prospects
  std::optional<DuesPeriod> dues;          ///< the period's dues; nullopt when no dues were ever billed

  /// Nobody joined or left.
  bool quiet() const { return joined.empty() && left.empty(); }
};

/// The inputs the store provides for one report.
struct PeriodReportData {
  std::string association;
  Goal goal;
  Timeline timeline;
  PeriodChanges changes;
  std::vector<Sector> sectors;
  std::vector<SectorCount> sector_counts;  ///< as of the end, since the day before the period
  std::vector<Stage> stages;               ///< the pipeline's stages (Store::stages)
  std::vector<Prospect> prospects;         ///< every prospect with its moves; none: no pipeline section
  /// The period's dues (dues_in_period from the period's first day to
  /// report_end); nullopt: no dues section.
  std::optional<DuesPeriod> dues;
};

/// The date a report on `period` asked for on `as_of` gives figures for.
Date report_end(const ReportPeriod& period, Date as_of);

/// Builds the report. Pure.
PeriodReport build_period_report(const ReportPeriod& period, Date as_of, PeriodReportData data);

}  // namespace roster
