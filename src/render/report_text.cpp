// roster report -f text (terminal) and -f markdown (chat robots and mail).
#include <fmt/core.h>

#include <algorithm>

#include "report_formats.h"
#include "report_parts.h"
#include "roster/error.h"
#include "roster/progress_render.h"
#include "roster/report_render.h"
#include "roster/table.h"
#include "roster/text.h"

namespace roster {
namespace {

using namespace report_parts;

// Text and markdown show the chart's last year of weeks (or 12 months, 8 quarters).
size_t recent_count(PeriodKind kind) {
  return kind == PeriodKind::week ? 13 : kind == PeriodKind::month ? 12 : 8;
}

void text_members(const PeriodReport& r, bool left, std::ostream& out, bool color) {
  const auto& members = left ? r.left : r.joined;
  if (members.empty()) return;
  out << '\n' << (left ? "Left" : "Joined") << " (" << members.size() << ")\n";
  TextTable t{change_headers(left), {}, {}};
  for (const auto& m : members) t.rows.push_back(change_cells(r, m, left));
  t.print(out, color);
}

// Shows the value escaped for the terminal, then escapes what would break a
// markdown table cell or start markup; < and & as entities, which every
// Markdown parser decodes.
std::string md(const std::string& value) {
  std::string out;
  for (char c : escape_for_terminal(value)) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '>') out += '\\';
      out += c == '\n' || c == '\r' ? ' ' : c;
    }
  }
  return out;
}

void md_table(const std::vector<std::string>& headers, const std::vector<bool>& numeric,
              const std::vector<std::vector<std::string>>& rows, std::ostream& out) {
  auto line = [&](const std::vector<std::string>& cells) {
    out << '|';
    for (const auto& c : cells) out << ' ' << md(c) << " |";
    out << '\n';
  };
  line(headers);
  out << '|';
  for (size_t i = 0; i < headers.size(); ++i) out << (i < numeric.size() && numeric[i] ? " ---: |" : " --- |");
  out << '\n';
  for (const auto& row : rows) line(row);
}

void md_members(const PeriodReport& r, bool left, std::ostream& out) {
  const auto& members = left ? r.left : r.joined;
  if (members.empty()) return;
  out << "\n### " << (left ? "Left" : "Joined") << " (" << members.size() << ")\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : members) rows.push_back(change_cells(r, m, left));
  md_table(change_headers(left), {}, rows, out);
}

}  // namespace

void render_report_text(const PeriodReport& r, std::ostream& out, bool color, const std::optional<std::string>& stamp) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  const ProgressReport& p = r.progress;
  out << bold << escape_for_terminal(title(r)) << reset << '\n';
  out << "  " << period_dates(r) << '\n';
  if (stamp) out << "  generated " << *stamp << '\n';
  out << '\n';
  out << fmt::format("  active     {}  [{}]\n", members_line(r), text_bar(p.active / double(p.goal.target), 20));
  out << fmt::format("  change     {}\n", change_line(r));
  out << fmt::format("  status     {}\n", progress_verdict(p));
  out << fmt::format("  moves      {}\n", movement_line(r));
  out << fmt::format("  pace       {}\n", pace_line(r));
  out << fmt::format("  road       {}\n", road_line(r));
  text_members(r, false, out, color);
  text_members(r, true, out, color);

  out << "\nSectors (* key)\n";
  TextTable sectors{sector_headers(), {false, true, true, true, true}, {}};
  for (const auto& row : r.sectors.rows) sectors.rows.push_back(sector_cells(row));
  sectors.print(out, color);

  auto points = recent_points(r, recent_count(r.period.kind));
  out << fmt::format("\nMembers over time (last {} of {} {}{}; │ marks the road)\n", points.size(), r.chart.size(),
                     period_kind_name(r.period.kind), r.chart.size() == 1 ? "" : "s");
  int top = p.goal.target;
  for (const auto& c : points) top = std::max(top, c.active);
  for (const auto& c : points) {
    out << fmt::format("  {:<8}  {:>6}  {}  {:>7}\n", c.label, c.active, road_bar(c.active, c.road, top, 30),
                       two_decimals(c.road));
  }
}

void render_report_markdown(const PeriodReport& r, std::ostream& out, const std::optional<std::string>& stamp) {
  const ProgressReport& p = r.progress;
  out << "## " << md(title(r)) << "\n\n";
  out << md(period_dates(r)) << (stamp ? " · generated " + *stamp : "") << "\n\n";
  out << "**" << md(members_line(r)) << "**, " << md(change_line(r)) << "  \n";
  out << md(progress_verdict(p)) << "\n\n";
  md_table({"figure", "value"}, {false, false},
           {{"members", members_line(r)},
            {"change", change_line(r)},
            {"joined", std::to_string(r.joined.size())},
            {"left", std::to_string(r.left.size())},
            {"net", signed_change(r.change)},
            {"pace", pace_line(r)},
            {"road", road_line(r)}},
           out);
  if (r.quiet()) out << '\n' << md(movement_line(r)) << '\n';
  md_members(r, false, out);
  md_members(r, true, out);

  out << "\n### Sectors\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : r.sectors.rows) rows.push_back(sector_cells(row));
  md_table(sector_headers(), {false, true, true, true, true}, rows, out);
  out << "\n\\* key sector\n";

  auto points = recent_points(r, recent_count(r.period.kind));
  out << "\n### Members over time\n\n";
  rows.clear();
  for (const auto& c : points) rows.push_back({c.label, std::to_string(c.active), two_decimals(c.road)});
  md_table({period_kind_name(r.period.kind), "members", "road"}, {false, true, true}, rows, out);
}

void render_report(const PeriodReport& report, Format format, std::ostream& out, const ReportRenderOptions& options) {
  switch (format) {
    case Format::text:
      return render_report_text(report, out, options.base.color, options.stamp);
    case Format::markdown:
      return render_report_markdown(report, out, options.stamp);
    case Format::html:
      return render_report_html(report, out, options.stamp);
    case Format::json:
      return render_report_json(report, out, options.stamp);
    default:
      throw usage_error("report writes text, markdown, html or json");
  }
}

}  // namespace roster
