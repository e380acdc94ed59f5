// The weekly report's pipeline section in every format: what happened to the
// prospects in the period. Each writes nothing when the report has no
// pipeline (no prospects in the database). Internal to src/render.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <ostream>

#include "roster/period_report.h"

namespace roster {

void report_pipeline_text(const PeriodReport& r, std::ostream& out);
void report_pipeline_markdown(const PeriodReport& r, std::ostream& out);
/// At most `names` conversions named, as the chat's member lists.
void report_pipeline_chat(const PeriodReport& r, size_t names, std::ostream& out);
void report_pipeline_html(const PeriodReport& r, std::ostream& out);
/// {"new_prospects": [{"id", "name"}], "moves": [{"id", "name", "from", "to",
/// "on"}], "conversions": [{"id", "name"}], "due", "overdue"}.
nlohmann::ordered_json report_pipeline_json(const PipelinePeriod& period);

}  // namespace roster
