#pragma once
// Words and rows every report format shares, so text, markdown and html
// say the same thing in the same way.

#include <string>
#include <vector>

#include "roster/figures.h"
#include "roster/period_report.h"

namespace roster::report_parts {

/// `value` for Markdown: escaped for the terminal, then what would break a
/// table cell or start markup.
std::string md(const std::string& value);
/// `value` for HTML: escaped for the terminal, then & < > " as entities.
std::string esc(const std::string& value);
/// "week", "month", "quarter" (translated).
std::string kind_word(PeriodKind kind);
/// The period holding `day` as people read it: "2024-W10" / "2024年第10周",
/// "2024-03" / "2024年3月", "2024-Q1" / "2024年第1季度".
std::string period_label(PeriodKind kind, Date day);
/// "2024-03-04 to 2024-03-10" ("3月4日—3月10日"), with ", so far" while the period runs.
std::string period_dates(const PeriodReport& r);
/// "<association> — weekly report, week 2024-W10".
std::string title(const PeriodReport& r);
/// "123 of 200 members (61.5%)".
std::string members_line(const PeriodReport& r);
/// "+2 since 2024-03-03 (121)".
std::string change_line(const PeriodReport& r);
/// "3 joined, 1 left, net +2" or the plain sentence for a quiet period.
std::string movement_line(const PeriodReport& r);
/// "2.00/week this week; the plan needed 1.50/week".
std::string pace_line(const PeriodReport& r);
/// "121 members by 2024-03-10 (from 91 on 2023-07-15 to 200 on 2025-07-15)": the plan, in whole members.
std::string plan_line(const PeriodReport& r);
/// The columns of the joined and left tables, and one member's cells.
std::vector<std::string> change_headers(bool left);
std::vector<std::string> change_cells(const PeriodReport& r, const MemberChange& m, bool left);
/// The columns of the sector table, and one sector's cells.
std::vector<std::string> sector_headers();
std::vector<std::string> sector_cells(const SectorRow& row);
/// The chart points the text and markdown formats show: the last `count`.
std::vector<ChartPoint> recent_points(const PeriodReport& r, size_t count);

}  // namespace roster::report_parts
