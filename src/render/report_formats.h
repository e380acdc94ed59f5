#pragma once
// The writers behind render_report, one file each.

#include <optional>
#include <ostream>
#include <string>

#include "roster/format.h"
#include "roster/period_report.h"

namespace roster {

/// `newly_overdue` feeds the dues section's newly overdue members, every one.
void render_report_json(const PeriodReport& r, const DuesRefFeed& newly_overdue, std::ostream& out,
                        const std::optional<std::string>& stamp);
void render_report_text(const PeriodReport& r, std::ostream& out, const RenderOptions& options,
                        const std::optional<std::string>& stamp);
void render_report_markdown(const PeriodReport& r, std::ostream& out, const std::optional<std::string>& stamp);
/// Markdown without tables for chat robots (DingTalk, WeCom): at most
/// kChatLimit bytes, the member lists cut short to fit.
void render_report_chat(const PeriodReport& r, std::ostream& out, const std::optional<std::string>& stamp);
void render_report_html(const PeriodReport& r, std::ostream& out, const std::optional<std::string>& stamp);

/// The member-count chart as an inline SVG: one circle.point per period, the
/// road as a dashed line, scaled to its container's width.
std::string report_chart_svg(const PeriodReport& r);

}  // namespace roster
