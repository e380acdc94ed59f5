#pragma once

#include <cstddef>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

#include "roster/format.h"
#include "roster/pipeline.h"
#include "roster/prospect.h"

namespace roster {

/// A stage's name for people: its Chinese name in Chinese (its English name
/// when it has none), its English name in English.
std::string stage_label(const Stage& stage);

/// Writes `report` as table, tsv, csv, json, jsonl (one object per stage) or
/// markdown. The json keys are listed in docs/pipeline.md.
void render_pipeline(const PipelineReport& report, Format format, std::ostream& out, const RenderOptions& options);

/// Writes the report's due follow-ups (`pipeline --due`), one row each, as
/// table, tsv, csv, json, jsonl or markdown.
void render_pipeline_due(const PipelineReport& report, Format format, std::ostream& out, const RenderOptions& options);

/// A few short lines for the weekly report's pipeline section, in the
/// language chosen: new prospects, stage moves, conversions (with names,
/// escaped for the terminal) and the follow-ups due at the period's end.
/// At most `names` conversions are named (at least one), then "and 3 more":
/// the chat report shortens the list to fit.
std::vector<std::string> pipeline_report_lines(const PipelinePeriod& period,
                                               size_t names = std::numeric_limits<size_t>::max());

}  // namespace roster
