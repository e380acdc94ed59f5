#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/prospect.h"
#include "roster/sectors.h"

// The recruitment pipeline's figures, as of a date, from the stages and the
// prospects with their moves. Pure: the store reads the values, these
// functions count them, the renderers show them. docs/pipeline.md defines
// every figure so it can be checked by hand.
namespace roster {

/// The stage code of a prospect who became a member: the one closed stage
/// that counts as a conversion (every other closed stage, "dropped", does not).
inline constexpr const char* kJoinedStage = "joined";

/// One stage's figures as of the date.
struct PipelineStageRow {
  Stage stage;
  int count = 0;                       ///< prospects in the stage as of the date
  double weighted = 0;                 ///< Σ of their probabilities as fractions (3 at 50 % → 1.5)
  int entered = 0;                     ///< prospects that entered the stage on or before the date
  int advanced = 0;                    ///< of those, the ones that later moved forward (a later open stage, or joined)
  std::optional<double> advance_rate;  ///< advanced / entered; nullopt for a closed stage or none entered
  std::optional<double> median_days;   ///< median days spent in the stage by prospects that left it
};

/// One key sector's open prospects as of the date.
struct PipelineSectorRow {
  Sector sector;
  int open = 0;         ///< open prospects whose sectors include it
  double weighted = 0;  ///< Σ of their probabilities as fractions
};

/// An open prospect whose next action is due on or before the date.
struct DueFollowUp {
  int64_t id = 0;
  std::string name;
  std::string owner;
  std::string next_action;
  Date next_action_on;
  int overdue_days = 0;  ///< as_of − next_action_on: 0 is due today
};

/// Everything the pipeline view says, computed once and rendered by every
/// format. Fractional figures are rounded to two decimals here (round2).
struct PipelineReport {
  Date as_of;
  std::vector<PipelineStageRow> stages;        ///< in stage order, closed ones too
  std::vector<PipelineSectorRow> key_sectors;  ///< in registry order
  int open_prospects = 0;
  double expected_joins = 0;               ///< Σ of the open prospects' probabilities as fractions
  std::vector<double> open_probabilities;  ///< each open prospect's probability (0..1), by id, unrounded
  int closed = 0;                          ///< prospects in a closed stage as of the date
  int joined = 0;                          ///< of those, the ones in kJoinedStage
  std::optional<double> conversion_rate;   ///< joined / closed; nullopt when none closed
  std::vector<DueFollowUp> due;            ///< oldest first, then by id
  bool overdue = false;                    ///< some follow-up is due before the date
  /// How many follow-ups are overdue (due before the date, not on it).
  int overdue_count() const;
};

/// Builds the pipeline as of `as_of` from the stages (any order: rows come
/// out by position), the prospects with their moves, and the sector registry
/// (its key sectors make the sector rows). A prospect added after `as_of`
/// does not exist yet; its stage then is that of its last move on or before
/// `as_of`. Prospects in a stage not among `stages` are left out. Pure.
PipelineReport build_pipeline_report(const std::vector<Stage>& stages, const std::vector<Prospect>& prospects,
                                     const std::vector<Sector>& sectors, Date as_of);

/// A prospect named in a period's summary.
struct ProspectRef {
  int64_t id = 0;
  std::string name;
  bool operator==(const ProspectRef&) const = default;
};

/// A change of stage within a period.
struct PipelineMove {
  int64_t id = 0;
  std::string name;
  std::string from_stage;  ///< a Stage code
  std::string to_stage;    ///< a Stage code
  Date on;
};

/// What happened in the pipeline in [from, to], for the weekly report.
struct PipelinePeriod {
  Date from;
  Date to;
  std::vector<ProspectRef> new_prospects;  ///< added in [from, to], by date then id
  std::vector<PipelineMove> moves;         ///< every change of stage in [from, to], by date then id
  std::vector<ProspectRef> conversions;    ///< moves into kJoinedStage in [from, to], by date then id
  int due = 0;                             ///< follow-ups due as of `to`
  int overdue = 0;                         ///< of those, due before `to`
};

/// The pipeline's events in [from, to] (both days included); the first move
/// of a prospect is the stage it was added in, never a change. Pure.
PipelinePeriod pipeline_in_period(const std::vector<Stage>& stages, const std::vector<Prospect>& prospects, Date from,
                                  Date to);

}  // namespace roster
