#pragma once

#include <ostream>
#include <vector>

#include "roster/dues_report.h"
#include "roster/format.h"

// The dues views for people (table and markdown, in the language chosen),
// called by the render_dues_* dispatchers in dues_render.cpp.
namespace roster {

void render_dues_status_table(const DuesStatusReport& report, std::ostream& out, const RenderOptions& options);
void render_dues_status_markdown(const DuesStatusReport& report, std::ostream& out);
void render_dues_summary_table(const DuesSummary& summary, std::ostream& out, const RenderOptions& options);
void render_dues_summary_markdown(const DuesSummary& summary, std::ostream& out);
void render_dues_reminders_table(const std::vector<DuesReminder>& reminders, std::ostream& out,
                                 const RenderOptions& options);
void render_dues_reminders_markdown(const std::vector<DuesReminder>& reminders, std::ostream& out);

}  // namespace roster
