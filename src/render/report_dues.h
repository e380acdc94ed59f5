// The weekly report's dues section in every format: collected in the period,
// outstanding at its end, who turned overdue, how many are suspended or
// lapsed. Each writes nothing when the report has no dues (none billed).
// Internal to src/render.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "roster/period_report.h"

namespace roster {

/// The section's lines, naming at most `names_shown` newly overdue members.
std::vector<std::string> dues_report_lines(const DuesPeriod& dues, size_t names_shown = 10);

void report_dues_text(const PeriodReport& r, std::ostream& out);
void report_dues_markdown(const PeriodReport& r, std::ostream& out);
void report_dues_chat(const PeriodReport& r, std::ostream& out);
void report_dues_html(const PeriodReport& r, std::ostream& out);
/// {"collected_fen", "payments", "outstanding_fen", "newly_overdue": [],
/// "suspended", "lapsed"}: money in fen; newly_overdue's place only (the
/// report's json writes every name into it as they are read).
nlohmann::ordered_json report_dues_json(const DuesPeriod& dues);

}  // namespace roster
