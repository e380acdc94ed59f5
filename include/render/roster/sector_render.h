#pragma once

#include <ostream>

#include "roster/format.h"
#include "roster/sector_report.h"

namespace roster {

/// Writes `report` as table, tsv, csv, json or markdown.
void render_sectors(const SectorReport& report, Format format, std::ostream& out, const RenderOptions& options);

}  // namespace roster
