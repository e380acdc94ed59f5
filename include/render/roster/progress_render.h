#pragma once

#include <ostream>

#include "roster/format.h"
#include "roster/progress.h"

namespace roster {

/// Writes `report` as table, json, tsv or markdown.
void render_progress(const ProgressReport& report, Format format, std::ostream& out, const RenderOptions& options);

/// The json's one-line verdict with exact figures, e.g. "behind: 37.57
/// members (252 days) behind the road": data, always English. People read
/// progress_status_line (src/render/progress_lines.h) instead.
std::string progress_verdict(const ProgressReport& report);

/// A text bar of `width` cells, `fraction` (0..1) of them full.
std::string text_bar(double fraction, int width, bool ascii);

/// A chart row's bar of `width` cells: full cells for `active` out of `top`
/// (rounded down), and a │ in the cell where the road is, over the bar.
std::string road_bar(int active, double road, int top, int width, bool ascii);

}  // namespace roster
