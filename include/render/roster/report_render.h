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
/// gives the same bytes (no clock is read here).
void render_report(const PeriodReport& report, Format format, std::ostream& out, const ReportRenderOptions& options);

}  // namespace roster
