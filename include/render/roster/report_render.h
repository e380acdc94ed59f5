#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "roster/format.h"
#include "roster/period_report.h"

namespace roster {

/// How a report is written.
struct ReportRenderOptions {
  RenderOptions base;
  std::optional<std::string> stamp;  ///< "generated at" time, only with --stamp
};

/// Writes `report` as text, markdown, html or json. The same report always
/// gives the same bytes (no clock is read here).
void render_report(const PeriodReport& report, Format format, std::ostream& out, const ReportRenderOptions& options);

}  // namespace roster
