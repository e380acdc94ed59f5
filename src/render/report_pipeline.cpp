// The weekly report's pipeline section: the lines of pipeline_report_lines
// under one heading, written for each format; the json has every name.
#include "report_pipeline.h"

#include "report_parts.h"
#include "roster/i18n.h"
#include "roster/pipeline_render.h"

namespace roster {
namespace {

using nlohmann::ordered_json;
using namespace report_parts;

ordered_json refs_json(const std::vector<ProspectRef>& refs) {
  ordered_json list = ordered_json::array();
  for (const auto& p : refs) list.push_back({{"id", p.id}, {"name", p.name}});
  return list;
}

}  // namespace

void report_pipeline_text(const PeriodReport& r, std::ostream& out) {
  if (!r.pipeline) return;
  out << '\n' << tr("Pipeline") << '\n';
  for (const auto& line : pipeline_report_lines(*r.pipeline)) out << "  " << line << '\n';
}

void report_pipeline_markdown(const PeriodReport& r, std::ostream& out) {
  if (!r.pipeline) return;
  out << "\n### " << tr("Pipeline") << "\n\n";
  for (const auto& line : pipeline_report_lines(*r.pipeline)) out << "- " << md(line) << '\n';
}

void report_pipeline_chat(const PeriodReport& r, size_t names, std::ostream& out) {
  if (!r.pipeline) return;
  out << "\n#### " << tr("Pipeline") << "\n\n";
  for (const auto& line : pipeline_report_lines(*r.pipeline, names)) out << "- " << md(line) << '\n';
}

void report_pipeline_html(const PeriodReport& r, std::ostream& out) {
  if (!r.pipeline) return;
  out << "<h2>" << esc(tr("Pipeline")) << "</h2>\n<ul>\n";
  for (const auto& line : pipeline_report_lines(*r.pipeline)) out << "<li>" << esc(line) << "</li>\n";
  out << "</ul>\n";
}

ordered_json report_pipeline_json(const PipelinePeriod& period) {
  ordered_json moves = ordered_json::array();
  for (const auto& m : period.moves) {
    moves.push_back({{"id", m.id}, {"name", m.name}, {"from", m.from_stage}, {"to", m.to_stage}, {"on", m.on.iso()}});
  }
  return {{"new_prospects", refs_json(period.new_prospects)},
          {"moves", moves},
          {"conversions", refs_json(period.conversions)},
          {"due", period.due},
          {"overdue", period.overdue}};
}

}  // namespace roster
