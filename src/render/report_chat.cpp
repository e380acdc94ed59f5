// roster report -f chat: Markdown without tables for chat robots. DingTalk's
// and WeCom's robot messages draw headings, bold and lists but no tables, and
// WeCom takes at most 4096 bytes: the member lists are cut short to fit.
#include <fmt/core.h>

#include <sstream>

#include "progress_lines.h"
#include "report_dues.h"
#include "report_formats.h"
#include "report_parts.h"
#include "report_pipeline.h"
#include "roster/i18n.h"
#include "roster/labels.h"
#include "roster/report_render.h"

namespace roster {
namespace {

using namespace report_parts;

void chat_members(const PeriodReport& r, bool left, size_t cap, std::ostream& out) {
  const auto& members = left ? r.left : r.joined;
  if (members.empty()) return;
  out << "\n#### " << (left ? trf("Left ({0})", members.size()) : trf("Joined ({0})", members.size())) << "\n\n";
  for (size_t i = 0; i < members.size() && i < cap; ++i) {
    auto cells = change_cells(r, members[i], left);  // date, name, sectors, tier, city[, reason]
    std::string detail = trf("{0}, {1}", cells[2], cells[3]);
    if (left && !cells[5].empty()) detail = trf("{0}; {1}", detail, cells[5]);
    out << "- " << md(trf("{0} ({1})", cells[1], detail)) << '\n';
  }
  if (members.size() > cap) out << "- " << trf("and {0} more", members.size() - cap) << '\n';
}

std::string chat_text(const PeriodReport& r, size_t cap, const std::optional<std::string>& stamp) {
  const ProgressReport& p = r.progress;
  std::ostringstream out;
  out << "### " << md(title(r)) << "\n\n";
  out << md(period_dates(r)) << (stamp ? " · " + trf("generated {0}", *stamp) : "") << "\n\n";
  out << "**" << md(members_line(r)) << "**\n\n";
  auto line = [&](const char* label, const std::string& text) {
    out << "- **" << tr(label) << "**" << tr(": ") << md(text) << '\n';
  };
  line(N_("change"), change_line(r));
  line(N_("status"), progress_status_line(p));
  line(N_("moves"), movement_line(r));
  line(N_("pace"), pace_line(r));
  line(N_("outlook"), progress_outlook_line(p));
  if (auto forecast = progress_forecast_line(p)) line(N_("forecast"), *forecast);
  chat_members(r, false, cap, out);
  chat_members(r, true, cap, out);
  report_pipeline_chat(r, cap, out);
  report_dues_chat(r, out);
  out << "\n#### " << tr("Key sectors") << "\n\n";
  for (const auto& row : r.sectors.rows) {
    if (!row.sector.is_key) continue;
    out << "- " << md(sector_label(row.sector)) << tr(": ") << "**" << row.members << "** "
        << trf("({0})", signed_change(row.joins - row.departures)) << '\n';
  }
  return out.str();
}

}  // namespace

void render_report_chat(const PeriodReport& r, std::ostream& out, const std::optional<std::string>& stamp) {
  // Ten names a list at most, fewer until the message fits.
  size_t cap = 10;
  std::string text = chat_text(r, cap, stamp);
  while (text.size() > kChatLimit && cap > 0) text = chat_text(r, --cap, stamp);
  out << text;
}

}  // namespace roster
