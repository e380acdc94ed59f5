#pragma once

#include <ostream>

#include "roster/format.h"
#include "roster/pipeline.h"

// The pipeline for people (table and markdown, in the language chosen),
// called by render_pipeline and render_pipeline_due in pipeline.cpp.
namespace roster {

void render_pipeline_table(const PipelineReport& report, std::ostream& out, const RenderOptions& options);
void render_pipeline_markdown(const PipelineReport& report, std::ostream& out);
void render_due_table(const PipelineReport& report, std::ostream& out, const RenderOptions& options);
void render_due_markdown(const PipelineReport& report, std::ostream& out);

}  // namespace roster
