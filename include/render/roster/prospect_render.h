#pragma once

#include <ostream>
#include <vector>

#include "roster/format.h"
#include "roster/member_record.h"
#include "roster/prospect.h"
#include "roster/sectors.h"

namespace roster {

/// Everything `roster prospect show` writes about one prospect.
struct ProspectRecord {
  Prospect prospect;
  Stage stage;  ///< the stage it is at, with the stage's probability
  std::vector<HistoryEntry> history;
};

/// Writes one prospect (fields, the stage with its probability, the moves,
/// the history) as table or json. `registry` names its sectors in Chinese,
/// `stages` its moves' stages.
void render_prospect(const ProspectRecord& record, const std::vector<Stage>& stages,
                     const std::vector<Sector>& registry, Format format, std::ostream& out,
                     const RenderOptions& options);

/// Writes the stages (code, name_en, name_zh, probability, closed) as table,
/// tsv, csv or json.
void render_stages(const std::vector<Stage>& stages, Format format, std::ostream& out, const RenderOptions& options);

}  // namespace roster
