// roster report -f html: one self-contained page for mail — inline CSS and an
// inline SVG chart, no scripts, no external assets; readable on a phone and printable.
#include <fmt/core.h>

#include "progress_lines.h"
#include "report_dues.h"
#include "report_formats.h"
#include "report_parts.h"
#include "report_pipeline.h"
#include "roster/i18n.h"
#include "roster/labels.h"
#include "roster/progress_render.h"
#include "roster/text.h"

namespace roster {
namespace {

using namespace report_parts;

constexpr const char* kStyle = R"CSS(
:root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --good: #1b7f3b; --bad: #b42318; --accent: #2f6fdf; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.35rem; line-height: 1.3; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
p { margin: .5rem 0; }
.dates, .note { color: var(--muted); }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .5rem; margin: 1rem 0; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: .45rem .7rem; margin: 0; }
.figure dt { font-size: .8rem; color: var(--muted); }
.figure dd { margin: 0; font-size: 1.35rem; font-weight: 600; }
.verdict { font-weight: 600; }
.behind, .missed { color: var(--bad); }
.on-track, .reached { color: var(--good); }
table { width: 100%; border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .4rem; border-bottom: 1px solid var(--line);
  overflow-wrap: break-word; }
th { font-weight: 600; color: var(--muted); }
.n, .date { text-align: right; white-space: nowrap; }
/* A long name may break anywhere; sectors, tier and city break only between words, so Chinese
   short columns are not squeezed to one character a line. */
table.members td:nth-child(2) { overflow-wrap: anywhere; }
table.members th, table.members td:nth-child(n+3):nth-child(-n+5) { word-break: keep-all; }
.date { text-align: left; }
figure.chart { margin: 0; max-width: 36rem; }
svg { display: block; width: 100%; height: auto; }
.legend { font-size: .85rem; color: var(--muted); }
.legend .swatch { display: inline-block; width: 1.4em; height: 0; vertical-align: middle; margin-right: .3em; }
.legend .members { border-top: 3px solid var(--accent); }
.legend .road { border-top: 2px dashed var(--muted); }
/* On a phone each member is a small card of labelled lines, and tables get a size smaller. */
@media (max-width: 32rem) {
  table { font-size: .8rem; }
  th, td { padding: .3rem .25rem; }
  td:first-child { overflow-wrap: anywhere; hyphens: auto; }
  table.members thead { display: none; }
  table.members tr { display: block; padding: .4rem 0; border-bottom: 1px solid var(--line); }
  table.members td { display: block; border: 0; padding: .05rem 0; text-align: left; white-space: normal;
    overflow-wrap: anywhere; }
  table.members td::before { content: attr(data-label) ": "; color: var(--muted); }
  :lang(zh) table.members td::before { content: attr(data-label) "："; }
  table.members td:empty { display: none; }
}
@media print {
  main { max-width: none; padding: 0; }
  .figure, tr, figure.chart { break-inside: avoid; }
  h2 { break-after: avoid; }
}
)CSS";

// Cells of `numeric` columns are right-aligned. Member tables start with a
// date kept on one line, and label their cells for the phone layout.
void table(const std::vector<std::string>& headers, const std::vector<bool>& numeric, bool members,
           const std::vector<std::vector<std::string>>& rows, std::ostream& out) {
  auto cls = [&](size_t i) -> std::string {
    if (i < numeric.size() && numeric[i]) return " class=\"n\"";
    return i == 0 && members ? " class=\"date\"" : "";
  };
  out << (members ? "<table class=\"members\">" : "<table>") << "\n<thead><tr>";
  for (size_t i = 0; i < headers.size(); ++i) out << "<th" << cls(i) << ">" << esc(headers[i]) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    out << "<tr>";
    for (size_t i = 0; i < row.size(); ++i) {
      std::string label = members ? " data-label=\"" + esc(headers[i]) + "\"" : "";
      out << "<td" << cls(i) << label << ">" << esc(row[i]) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

void members(const PeriodReport& r, bool left, std::ostream& out) {
  const auto& list = left ? r.left : r.joined;
  out << "<h2>" << esc(left ? trf("Left ({0})", list.size()) : trf("Joined ({0})", list.size())) << "</h2>\n";
  if (list.empty()) {
    if (r.quiet()) return;  // the plain sentence above already says so
    std::string period = period_label(r.period.kind, r.period.first);
    out << "<p class=\"note\">"
        << esc(left ? trf("Nobody left in {0} {1}.", kind_word(r.period.kind), period)
                    : trf("Nobody joined in {0} {1}.", kind_word(r.period.kind), period))
        << "</p>\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : list) rows.push_back(change_cells(r, m, left));
  table(change_headers(left), {}, true, rows, out);
}

void figure(const std::string& label, const std::string& value, const std::string& cls, std::ostream& out) {
  out << "<div class=\"figure\"><dt>" << esc(label) << "</dt><dd" << (cls.empty() ? "" : " class=\"" + cls + "\"")
      << ">" << esc(value) << "</dd></div>\n";
}

}  // namespace

void render_report_html(const PeriodReport& r, std::ostream& out, const std::optional<std::string>& stamp) {
  const ProgressReport& p = r.progress;
  std::string status = status_name(p.status);  // a CSS class: never translated
  out << "<!DOCTYPE html>\n<html lang=\"" << (current_language() == Language::zh ? "zh-CN" : "en")
      << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << esc(title(r)) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<main>\n";
  out << "<h1>" << esc(title(r)) << "</h1>\n";
  out << "<p class=\"dates\">" << esc(period_dates(r)) << (stamp ? " · " + esc(trf("generated {0}", *stamp)) : "")
      << "</p>\n";

  out << "<dl class=\"figures\">\n";
  figure(tr("members"), fmt::format("{} / {}", p.active, p.goal.target), "", out);
  figure(tr("of the target"), fmt::format("{:.1f}%", p.percent), "", out);
  figure(tr("change"), signed_change(r.change), "", out);
  figure(tr("status"), status_label(p.status), status, out);
  figure(tr("joined / left"), fmt::format("{} / {}", r.joined.size(), r.left.size()), "", out);
  figure(tr("pace (per week)"), two_decimals(r.pace), "", out);
  out << "</dl>\n";
  out << "<p class=\"verdict " << status << "\">" << esc(progress_status_line(p)) << "</p>\n";
  out << "<p>" << esc(trf("{0}, {1}.", members_line(r), change_line(r))) << "</p>\n";
  out << "<p>" << esc(trf("Pace: {0}.", pace_line(r))) << "<br>" << esc(trf("Plan: {0}.", plan_line(r))) << "<br>"
      << esc(trf("Outlook: {0}.", progress_outlook_line(p)));
  if (auto forecast = progress_forecast_line(p)) out << "<br>" << esc(trf("Forecast: {0}.", *forecast));
  out << "</p>\n";
  if (r.quiet()) out << "<p class=\"verdict\">" << esc(movement_line(r)) << "</p>\n";

  members(r, false, out);
  members(r, true, out);
  report_pipeline_html(r, out);
  report_dues_html(r, out);

  out << "<h2>" << tr("Sectors") << "</h2>\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : r.sectors.rows) rows.push_back(sector_cells(row));
  table(sector_headers(), {false, true, true, true, true}, false, rows, out);
  out << "<p class=\"note\">"
      << esc(trf("* key sector. Change: joins minus departures in the {0}.", kind_word(r.period.kind))) << "</p>\n";

  out << "<h2>" << tr("Members over time") << "</h2>\n<figure class=\"chart\">\n" << report_chart_svg(r);
  out << "<figcaption class=\"legend\"><span class=\"swatch members\"></span>"
      << esc(trf("members at the end of each {0}", kind_word(r.period.kind)))
      << " &nbsp; <span class=\"swatch road\"></span>"
      << esc(trf("the plan from {0} on {1} to {2} on {3}", p.baseline, date_label(p.goal.start), p.goal.target,
                 date_label(p.goal.deadline)))
      << "</figcaption>\n</figure>\n";
  out << "</main>\n</body>\n</html>\n";
}

}  // namespace roster
