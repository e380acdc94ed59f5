#include "roster/pipeline.h"

#include <algorithm>
#include <map>

#include "roster/progress.h"

namespace roster {
namespace {

const Stage* stage_with_code(const std::vector<Stage>& stages, const std::string& code) {
  for (const auto& s : stages) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

// The moves made by `as_of`, oldest first. A prospect with no move recorded
// by then (a file written by hand) is in the stage it was added in since the
// day it was added.
std::vector<StageMove> moves_by(const Prospect& p, Date as_of) {
  std::vector<StageMove> moves;
  for (const auto& m : p.moves) {
    if (m.on <= as_of) moves.push_back(m);
  }
  std::stable_sort(moves.begin(), moves.end(), [](const StageMove& a, const StageMove& b) { return a.on < b.on; });
  if (moves.empty()) moves.push_back({p.moves.empty() ? p.stage : p.moves.front().stage, p.added_on});
  return moves;
}

// A prospect as it stood on the date.
struct Standing {
  const Prospect* prospect = nullptr;
  const Stage* stage = nullptr;
  double chance = 0;  ///< its probability then, as a fraction
  std::vector<StageMove> moves;
};

// A prospect's own probability is today's: it stands for the prospect only
// while it is open and still in the stage it is in today. Before that, and in
// a closed stage (joined 100 %, dropped 0 %), the stage's probability does.
double chance_in(const Prospect& p, const Stage& stage) {
  bool own = p.probability && !stage.closed && stage.code == p.stage;
  return (own ? *p.probability : stage.probability) / 100.0;
}

std::vector<Standing> standings(const std::vector<Stage>& stages, const std::vector<Prospect>& prospects, Date as_of) {
  std::vector<Standing> out;
  for (const auto& p : prospects) {
    if (p.added_on > as_of) continue;
    std::vector<StageMove> moves = moves_by(p, as_of);
    const Stage* stage = stage_with_code(stages, moves.back().stage);
    if (!stage) continue;
    out.push_back({&p, stage, chance_in(p, *stage), std::move(moves)});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Standing& a, const Standing& b) { return a.prospect->id < b.prospect->id; });
  return out;
}

// Moving forward from `from`: to joined, or to an open stage further along.
// A move back, or to dropped, is not.
bool forward(const Stage& from, const Stage& to) {
  return to.code == kJoinedStage || (!to.closed && to.position > from.position);
}

std::optional<double> median(std::vector<int> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  if (n % 2 == 1) return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

// Entered, advanced and the days spent in `row`'s stage, from each prospect's moves.
void fill_history(PipelineStageRow& row, const std::vector<Stage>& stages, const std::vector<Standing>& all) {
  std::vector<int> days;
  for (const auto& s : all) {
    bool entered = false;
    bool advanced = false;
    for (size_t i = 0; i < s.moves.size(); ++i) {
      const Stage* to = stage_with_code(stages, s.moves[i].stage);
      if (entered && to && !row.stage.closed && forward(row.stage, *to)) advanced = true;
      if (s.moves[i].stage != row.stage.code) continue;
      entered = true;
      if (i + 1 < s.moves.size()) days.push_back(s.moves[i + 1].on.days() - s.moves[i].on.days());
    }
    row.entered += entered;
    row.advanced += advanced;
  }
  if (!row.stage.closed && row.entered > 0) row.advance_rate = round2(static_cast<double>(row.advanced) / row.entered);
  row.median_days = median(std::move(days));
}

std::vector<PipelineStageRow> stage_rows(const std::vector<Stage>& stages, const std::vector<Standing>& all) {
  std::vector<Stage> ordered = stages;
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Stage& a, const Stage& b) { return a.position < b.position; });
  std::vector<PipelineStageRow> rows;
  for (const auto& stage : ordered) {
    PipelineStageRow row;
    row.stage = stage;
    double weighted = 0;
    for (const auto& s : all) {
      if (s.stage->code != stage.code) continue;
      ++row.count;
      weighted += s.chance;
    }
    row.weighted = round2(weighted);
    fill_history(row, stages, all);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<PipelineSectorRow> sector_rows(const std::vector<Sector>& sectors, const std::vector<Standing>& all) {
  std::vector<PipelineSectorRow> rows;
  for (const auto& sector : sectors) {
    if (!sector.is_key) continue;
    PipelineSectorRow row{sector, 0, 0};
    double weighted = 0;
    for (const auto& s : all) {
      const auto& codes = s.prospect->sectors;
      if (s.stage->closed || std::find(codes.begin(), codes.end(), sector.code) == codes.end()) continue;
      ++row.open;
      weighted += s.chance;
    }
    row.weighted = round2(weighted);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<DueFollowUp> due_follow_ups(const std::vector<Standing>& all, Date as_of) {
  std::vector<DueFollowUp> due;
  for (const auto& s : all) {
    const Prospect& p = *s.prospect;
    if (s.stage->closed || !p.next_action_on || *p.next_action_on > as_of) continue;
    due.push_back({p.id, p.name, p.owner, p.next_action, *p.next_action_on, as_of.days() - p.next_action_on->days()});
  }
  std::stable_sort(due.begin(), due.end(), [](const DueFollowUp& a, const DueFollowUp& b) {
    return a.next_action_on != b.next_action_on ? a.next_action_on < b.next_action_on : a.id < b.id;
  });
  return due;
}

}  // namespace

int PipelineReport::overdue_count() const {
  return static_cast<int>(
      std::count_if(due.begin(), due.end(), [](const DueFollowUp& d) { return d.overdue_days > 0; }));
}

PipelineReport build_pipeline_report(const std::vector<Stage>& stages, const std::vector<Prospect>& prospects,
                                     const std::vector<Sector>& sectors, Date as_of) {
  PipelineReport report;
  report.as_of = as_of;
  const std::vector<Standing> all = standings(stages, prospects, as_of);
  report.stages = stage_rows(stages, all);
  report.key_sectors = sector_rows(sectors, all);
  double expected = 0;
  for (const auto& s : all) {
    if (s.stage->closed) {
      ++report.closed;
      report.joined += s.stage->code == kJoinedStage;
      continue;
    }
    ++report.open_prospects;
    expected += s.chance;
    report.open_probabilities.push_back(s.chance);
  }
  report.expected_joins = round2(expected);
  if (report.closed > 0) report.conversion_rate = round2(static_cast<double>(report.joined) / report.closed);
  report.due = due_follow_ups(all, as_of);
  report.overdue = report.overdue_count() > 0;
  return report;
}

PipelinePeriod pipeline_in_period(const std::vector<Stage>& stages, const std::vector<Prospect>& prospects, Date from,
                                  Date to) {
  PipelinePeriod period;
  period.from = from;
  period.to = to;
  std::vector<std::pair<Date, ProspectRef>> added;
  for (const auto& p : prospects) {
    if (p.added_on >= from && p.added_on <= to) added.push_back({p.added_on, {p.id, p.name}});
    std::vector<StageMove> moves = moves_by(p, to);
    for (size_t i = 1; i < moves.size(); ++i) {
      if (moves[i].on < from || moves[i].stage == moves[i - 1].stage) continue;
      period.moves.push_back({p.id, p.name, moves[i - 1].stage, moves[i].stage, moves[i].on});
    }
  }
  std::stable_sort(added.begin(), added.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.id < b.second.id;
  });
  for (auto& [on, ref] : added) period.new_prospects.push_back(std::move(ref));
  std::stable_sort(period.moves.begin(), period.moves.end(), [](const PipelineMove& a, const PipelineMove& b) {
    return a.on != b.on ? a.on < b.on : a.id < b.id;
  });
  for (const auto& m : period.moves) {
    if (m.to_stage == kJoinedStage) period.conversions.push_back({m.id, m.name});
  }
  const std::vector<DueFollowUp> due = due_follow_ups(standings(stages, prospects, to), to);
  period.due = static_cast<int>(due.size());
  period.overdue =
      static_cast<int>(std::count_if(due.begin(), due.end(), [](const DueFollowUp& d) { return d.overdue_days > 0; }));
  return period;
}

}  // namespace roster
