#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "roster/format.h"
#include "roster/period_report.h"

namespace roster {

/// The most bytes a chat robot message takes (WeCom's markdown limit is 4096;
/// DingTalk's is larger), with room for a line a script adds.
constexpr size_t kChatLimit = 4000;

/// How a report is written.
struct ReportRenderOptions {
  RenderOptions base;
  std::optional<std::string> stamp;  ///< "generated at" time, only with --stamp
};

/// Writes `report` as text, markdown, chat, html or json. The same report always
/// gives the same bytes (no clock is read here). `newly_overdue` feeds the
/// members the dues section counts as newly overdue, by id (each_newly_overdue
/// over the same accounts): json lists every one as it is read, the others
/// name the first few kept in the report. Read only when the report has dues.
void render_report(const PeriodReport& report, const DuesRefFeed& newly_overdue, Format format, std::ostream& out,
                   const ReportRenderOptions& options);

}  // namespace roster
