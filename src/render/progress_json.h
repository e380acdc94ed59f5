// The forecast's json keys, the same in `progress -f json|tsv` and in
// `report -f json`. Internal to src/render.
#pragma once

#include <nlohmann/json.hpp>

#include "roster/progress.h"

namespace roster {

/// {"pipeline_expected", "open_prospects", "expected_on_deadline",
/// "chance_by_deadline"}, keys in that order; the last two null outside the goal's run.
nlohmann::ordered_json progress_forecast_json(const ProgressReport& report);

}  // namespace roster
