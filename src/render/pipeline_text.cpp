// The pipeline for people: the table and markdown of `pipeline` and
// `pipeline --due`, and the weekly report's lines, in the language chosen.
// Stage names come from the stage itself (name_zh in Chinese).
#include "pipeline_text.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "roster/figures.h"
#include "roster/i18n.h"
#include "roster/labels.h"
#include "roster/pipeline_render.h"
#include "roster/table.h"
#include "roster/text.h"

namespace roster {
namespace {

// A median for people: 17, or 32.5 (a median of days is whole or a half).
std::string days_cell(const std::optional<double>& days) {
  if (!days) return "";
  if (*days == std::floor(*days)) return fmt::format("{:.0f}", *days);
  return fmt::format("{:.1f}", *days);
}

std::string percent_cell(double percent) {
  return fmt::format("{:.0f}%", percent);
}

std::string due_phrase(int due, int overdue) {
  if (due == 0) return tr("no follow-ups due");
  if (overdue == 0) return trfn("{0} follow-up due", "{0} follow-ups due", due, due);
  return trfn("{0} follow-up due ({1} overdue)", "{0} follow-ups due ({1} overdue)", due, due, overdue);
}

std::string summary_line(const PipelineReport& r) {
  std::string joins = trfn("expected joins {0} from {1} open prospect", "expected joins {0} from {1} open prospects",
                           r.open_prospects, two_decimals(r.expected_joins), r.open_prospects);
  return trf("{0}; {1}", joins, due_phrase(static_cast<int>(r.due.size()), r.overdue_count()));
}

// From the counts, not the rounded rate, so 1 of 3 shows as 33%.
std::string conversion_line(const PipelineReport& r) {
  if (r.closed == 0) return tr("conversion rate: no prospect has closed yet");
  return trfn("conversion rate {0} ({1} of {2} closed prospect joined)",
              "conversion rate {0} ({1} of {2} closed prospects joined)", r.closed,
              percent_cell(100.0 * r.joined / r.closed), r.joined, r.closed);
}

std::string overdue_cell(int days) {
  if (days == 0) return trc("pipeline", "due today");
  return trfn("{0} day", "{0} days", days, days);
}

TextTable stage_table(const PipelineReport& r) {
  TextTable table;
  table.headers = {trc("pipeline", "STAGE"), trc("pipeline", "PROBABILITY"), trc("pipeline", "PROSPECTS"),
                   trc("pipeline", "WEIGHTED"), trc("pipeline", "MEDIAN DAYS")};
  table.numeric = {false, true, true, true, true};
  for (const auto& row : r.stages) {
    table.rows.push_back({stage_label(row.stage), percent_cell(row.stage.probability), std::to_string(row.count),
                          two_decimals(row.weighted), days_cell(row.median_days)});
  }
  return table;
}

TextTable sector_table(const PipelineReport& r) {
  TextTable table;
  table.headers = {trc("pipeline", "KEY SECTOR"), trc("pipeline", "OPEN"), trc("pipeline", "WEIGHTED")};
  table.numeric = {false, true, true};
  for (const auto& row : r.key_sectors) {
    table.rows.push_back({sector_label(row.sector), std::to_string(row.open), two_decimals(row.weighted)});
  }
  return table;
}

}  // namespace

std::string stage_label(const Stage& stage) {
  return current_language() == Language::zh && !stage.name_zh.empty() ? stage.name_zh : stage.name_en;
}

void render_pipeline_table(const PipelineReport& r, std::ostream& out, const RenderOptions& options) {
  out << trf("Pipeline as of {0}", date_label(r.as_of)) << "\n\n";
  stage_table(r).print(out, options.color);
  if (!r.key_sectors.empty()) {
    out << '\n';
    sector_table(r).print(out, options.color);
  }
  out << '\n' << summary_line(r) << '\n' << conversion_line(r) << '\n';
}

void render_pipeline_markdown(const PipelineReport& r, std::ostream& out) {
  out << "## " << trf("Pipeline ({0})", date_label(r.as_of)) << "\n\n";
  out << "| " << trc("pipeline", "stage") << " | " << trc("pipeline", "probability") << " | "
      << trc("pipeline", "prospects") << " | " << trc("pipeline", "weighted") << " | " << trc("pipeline", "median days")
      << " |\n";
  out << "| --- | ---: | ---: | ---: | ---: |\n";
  for (const auto& row : r.stages) {
    out << fmt::format("| {} | {} | {} | {} | {} |\n", escape_for_terminal(stage_label(row.stage)),
                       percent_cell(row.stage.probability), row.count, two_decimals(row.weighted),
                       days_cell(row.median_days));
  }
  if (!r.key_sectors.empty()) {
    out << "\n| " << tr("key sector") << " | " << trc("pipeline", "open") << " | " << trc("pipeline", "weighted")
        << " |\n";
    out << "| --- | ---: | ---: |\n";
    for (const auto& row : r.key_sectors) {
      out << fmt::format("| {} | {} | {} |\n", escape_for_terminal(sector_label(row.sector)), row.open,
                         two_decimals(row.weighted));
    }
  }
  out << '\n' << summary_line(r) << "\n\n" << conversion_line(r) << '\n';
}

void render_due_table(const PipelineReport& r, std::ostream& out, const RenderOptions& options) {
  if (r.due.empty()) {
    out << due_phrase(0, 0) << '\n';
    return;
  }
  TextTable table;
  table.headers = {tr("ID"),
                   tr("NAME"),
                   trc("pipeline", "OWNER"),
                   trc("pipeline", "NEXT ACTION"),
                   trc("pipeline", "DUE"),
                   trc("pipeline", "OVERDUE")};
  table.numeric = {true, false, false, false, false, false};  // "due today" reads better on the left
  for (const auto& d : r.due) {
    table.rows.push_back({std::to_string(d.id), d.name, d.owner, d.next_action, date_label(d.next_action_on),
                          overdue_cell(d.overdue_days)});
  }
  table.print(out, options.color);
  out << '\n' << due_phrase(static_cast<int>(r.due.size()), r.overdue_count()) << '\n';
}

void render_due_markdown(const PipelineReport& r, std::ostream& out) {
  out << "## " << trf("Follow-ups due ({0})", date_label(r.as_of)) << "\n\n";
  if (!r.due.empty()) {
    out << "| " << trc("field", "id") << " | " << trc("field", "name") << " | " << trc("pipeline", "owner") << " | "
        << trc("pipeline", "next action") << " | " << trc("pipeline", "due") << " | " << trc("pipeline", "overdue")
        << " |\n";
    out << "| ---: | --- | --- | --- | --- | ---: |\n";
    for (const auto& d : r.due) {
      out << fmt::format("| {} | {} | {} | {} | {} | {} |\n", d.id, escape_for_terminal(d.name),
                         escape_for_terminal(d.owner), escape_for_terminal(d.next_action), date_label(d.next_action_on),
                         overdue_cell(d.overdue_days));
    }
    out << '\n';
  }
  out << due_phrase(static_cast<int>(r.due.size()), r.overdue_count()) << '\n';
}

std::vector<std::string> pipeline_report_lines(const PipelinePeriod& period, size_t names_shown) {
  size_t added = period.new_prospects.size();
  size_t moves = period.moves.size();
  size_t joined = period.conversions.size();
  std::vector<std::string> lines = {trfn("{0} new prospect", "{0} new prospects", added, added),
                                    trfn("{0} stage move", "{0} stage moves", moves, moves)};
  if (joined == 0) {
    lines.push_back(tr("no conversions"));
  } else {
    std::string names = escape_for_terminal(period.conversions.front().name);
    size_t shown = std::clamp<size_t>(names_shown, 1, joined);
    for (size_t i = 1; i < shown; ++i) names = trf("{0}, {1}", names, escape_for_terminal(period.conversions[i].name));
    if (shown < joined) names = trf("{0}, {1}", names, trf("and {0} more", joined - shown));
    lines.push_back(trfn("{0} conversion: {1}", "{0} conversions: {1}", joined, joined, names));
  }
  lines.push_back(due_phrase(period.due, period.overdue));
  return lines;
}

}  // namespace roster
