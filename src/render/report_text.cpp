// roster report -f text (terminal) and -f markdown (mail and chat clients that draw tables).
#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "progress_lines.h"
#include "report_dues.h"
#include "report_formats.h"
#include "report_parts.h"
#include "report_pipeline.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/labels.h"
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
  out << '\n' << (left ? trf("Left ({0})", members.size()) : trf("Joined ({0})", members.size())) << '\n';
  TextTable t{change_headers(left), {}, {}};
  for (const auto& m : members) t.rows.push_back(change_cells(r, m, left));
  t.print(out, color);
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
  out << "\n### " << (left ? trf("Left ({0})", members.size()) : trf("Joined ({0})", members.size())) << "\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : members) rows.push_back(change_cells(r, m, left));
  md_table(change_headers(left), {}, rows, out);
}

}  // namespace

void render_report_text(const PeriodReport& r, std::ostream& out, const RenderOptions& options,
                        const std::optional<std::string>& stamp) {
  const char* bold = options.color ? "\x1b[1m" : "";
  const char* reset = options.color ? "\x1b[0m" : "";
  const ProgressReport& p = r.progress;
  out << bold << escape_for_terminal(title(r)) << reset << '\n';
  out << "  " << period_dates(r) << '\n';
  if (stamp) out << "  " << trf("generated {0}", *stamp) << '\n';
  out << '\n';
  auto line = [&](const char* label, const std::string& text) {
    out << "  " << pad_label(tr(label), 11) << text << '\n';
  };
  line(N_("active"),
       fmt::format("{}  [{}]", members_line(r), text_bar(p.active / double(p.goal.target), 20, options.ascii)));
  line(N_("change"), change_line(r));
  line(N_("status"), progress_status_line(p));
  line(N_("moves"), movement_line(r));
  line(N_("pace"), pace_line(r));
  line(N_("plan"), plan_line(r));
  line(N_("outlook"), progress_outlook_line(p));
  if (auto forecast = progress_forecast_line(p)) line(N_("forecast"), *forecast);
  text_members(r, false, out, options.color);
  text_members(r, true, out, options.color);
  report_pipeline_text(r, out);
  report_dues_text(r, out);

  out << '\n' << tr("Sectors (* key)") << '\n';
  TextTable sectors{sector_headers(), {false, true, true, true, true}, {}};
  for (const auto& row : r.sectors.rows) sectors.rows.push_back(sector_cells(row));
  sectors.print(out, options.color);

  auto points = recent_points(r, recent_count(r.period.kind));
  Glyphs g = glyphs(options.ascii);
  out << '\n'
      << trf("Members over time (last {0} of {1}; {2} marks the plan)", points.size(), r.chart.size(), g.mark) << '\n';
  int top = p.goal.target;
  size_t label_width = 8;
  for (const auto& c : points) {
    top = std::max(top, c.active);
    label_width = std::max(label_width, display_width(period_label(r.period.kind, c.date)));
  }
  for (const auto& c : points) {
    out << "  " << pad_label(period_label(r.period.kind, c.date), label_width) << fmt::format("  {:>6}  ", c.active)
        << road_bar(c.active, c.road, top, 30, options.ascii) << fmt::format("  {:>5}", plan_members(c.road)) << '\n';
  }
}

void render_report_markdown(const PeriodReport& r, std::ostream& out, const std::optional<std::string>& stamp) {
  const ProgressReport& p = r.progress;
  out << "## " << md(title(r)) << "\n\n";
  out << md(period_dates(r)) << (stamp ? " · " + trf("generated {0}", *stamp) : "") << "\n\n";
  out << "**" << md(members_line(r)) << "**, " << md(change_line(r)) << "  \n";
  out << md(progress_status_line(p)) << "\n\n";
  std::vector<std::vector<std::string>> figures = {{tr("members"), members_line(r)},
                                                   {tr("change"), change_line(r)},
                                                   {tr("joined"), std::to_string(r.joined.size())},
                                                   {tr("left"), std::to_string(r.left.size())},
                                                   {tr("net"), signed_change(r.change)},
                                                   {tr("pace"), pace_line(r)},
                                                   {tr("plan"), plan_line(r)},
                                                   {tr("outlook"), progress_outlook_line(p)}};
  if (auto forecast = progress_forecast_line(p)) figures.push_back({tr("forecast"), *forecast});
  md_table({tr("figure"), tr("value")}, {false, false}, figures, out);
  if (r.quiet()) out << '\n' << md(movement_line(r)) << '\n';
  md_members(r, false, out);
  md_members(r, true, out);
  report_pipeline_markdown(r, out);
  report_dues_markdown(r, out);

  out << "\n### " << tr("Sectors") << "\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : r.sectors.rows) rows.push_back(sector_cells(row));
  md_table(sector_headers(), {false, true, true, true, true}, rows, out);
  out << "\n\\* " << tr("key sector") << "\n";

  auto points = recent_points(r, recent_count(r.period.kind));
  out << "\n### " << tr("Members over time") << "\n\n";
  rows.clear();
  for (const auto& c : points) {
    rows.push_back(
        {period_label(r.period.kind, c.date), std::to_string(c.active), std::to_string(plan_members(c.road))});
  }
  md_table({kind_word(r.period.kind), tr("members"), tr("plan")}, {false, true, true}, rows, out);
}

void render_report(const PeriodReport& report, const DuesRefFeed& newly_overdue, Format format, std::ostream& out,
                   const ReportRenderOptions& options) {
  switch (format) {
    case Format::text:
      return render_report_text(report, out, options.base, options.stamp);
    case Format::markdown:
      return render_report_markdown(report, out, options.stamp);
    case Format::chat:
      return render_report_chat(report, out, options.stamp);
    case Format::html:
      return render_report_html(report, out, options.stamp);
    case Format::json:
      return render_report_json(report, newly_overdue, out, options.stamp);
    default:
      throw usage_error(tr("report writes text, markdown, chat, html or json"));
  }
}

}  // namespace roster
