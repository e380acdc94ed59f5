#pragma once

#include <ostream>

#include "roster/format.h"
#include "roster/goal_report.h"

namespace roster {

/// Writes `report` as table, tsv or json: one field per row (start,
/// baseline, target, deadline), or one JSON object.
void render_goal(const GoalReport& report, Format format, std::ostream& out, const RenderOptions& options);

}  // namespace roster
