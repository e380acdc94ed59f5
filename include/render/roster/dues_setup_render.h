#pragma once

#include <ostream>
#include <vector>

#include "roster/dues.h"
#include "roster/format.h"

namespace roster {

/// Writes the dues schedule (tier, amount, from, resolution), one row per
/// entry, as table (yuan with two decimals), tsv or csv (amount_fen and plain
/// yuan) or json (tier, amount_fen, from, resolution).
void render_dues_schedule(const std::vector<ScheduleEntry>& schedule, Format format, std::ostream& out,
                          const RenderOptions& options);

/// Writes the billing policy, one field a row, as table, tsv (field, value)
/// or json (year_start, due, prorate_from, prorate_percent, grace_months,
/// suspend_months, lapse_months).
void render_dues_policy(const DuesPolicy& policy, Format format, std::ostream& out, const RenderOptions& options);

}  // namespace roster
