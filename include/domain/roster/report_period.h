#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "roster/date.h"

namespace roster {

/// How long a report's period is.
enum class PeriodKind { week, month, quarter };

/// "week", "month" or "quarter".
std::string period_kind_name(PeriodKind kind);
std::optional<PeriodKind> parse_period_kind(std::string_view name);

/// One calendar period: an ISO week (Monday to Sunday, numbered as ISO 8601
/// does, so 2024-W01 starts on 2024-01-01 and 2026 has a W53), a month or a
/// quarter.
struct ReportPeriod {
  PeriodKind kind = PeriodKind::week;
  Date first;  ///< its first day
  Date last;   ///< its last day (inclusive)

  /// "2024-W10", "2024-03" or "2024-Q1".
  std::string label() const;
  ReportPeriod previous() const;
  ReportPeriod next() const;
  int days() const { return last.days() - first.days() + 1; }
  bool operator==(const ReportPeriod&) const = default;
};

/// The period of `kind` that `date` falls in.
ReportPeriod period_containing(PeriodKind kind, Date date);

/// The last period that ended before `as_of`: on a Monday, the week just
/// ended; on the 1st of a month, the month before.
ReportPeriod last_complete_period(PeriodKind kind, Date as_of);

/// Parses a label of `kind` ("2024-W10", "2024-03", "2024-Q1"; the W and Q in
/// either case); nullopt for any other shape or a week the year lacks.
std::optional<ReportPeriod> parse_period(PeriodKind kind, std::string_view label);

/// ISO 8601 week-numbering year and week of `date` (2024-12-30 is 2025-W01).
struct IsoWeek {
  int year = 0;
  int week = 0;
};
IsoWeek iso_week(Date date);

/// 52 or 53: the ISO weeks in `year`.
int iso_weeks_in_year(int year);

}  // namespace roster
