// The weekly report's dues section (docs/dues.md): one set of lines, written
// for each format; the json has the fen and every name.
#include "report_dues.h"

#include <algorithm>

#include "report_parts.h"
#include "roster/i18n.h"
#include "roster/money.h"
#include "roster/text.h"

namespace roster {
namespace {

using nlohmann::ordered_json;
using namespace report_parts;

// The chat robots' limit is on the whole post: a few names are enough there.
constexpr size_t kChatNames = 5;

}  // namespace

std::vector<std::string> dues_report_lines(const DuesPeriod& dues, size_t names_shown) {
  std::vector<std::string> lines = {trfn("{0} yuan collected in {1} payment", "{0} yuan collected in {1} payments",
                                         dues.payments, format_yuan(dues.collected), dues.payments),
                                    trf("{0} yuan outstanding", format_yuan(dues.outstanding))};
  size_t late = static_cast<size_t>(dues.newly_overdue);
  const std::vector<DuesRef>& first = dues.newly_overdue_first;  // the first DuesPeriod::kNamed
  if (late == 0 || first.empty()) {
    lines.push_back(tr("nobody newly overdue"));
  } else {
    size_t shown = std::clamp<size_t>(names_shown, 1, first.size());
    std::string names = escape_for_terminal(first.front().name);
    for (size_t i = 1; i < shown; ++i) names = trf("{0}, {1}", names, escape_for_terminal(first[i].name));
    if (shown < late) names = trf("{0}, {1}", names, trf("and {0} more", late - shown));
    lines.push_back(trfn("{0} member newly overdue: {1}", "{0} members newly overdue: {1}", late, late, names));
  }
  lines.push_back(trf("{0} suspended, {1} lapsed", dues.suspended, dues.lapsed));
  return lines;
}

void report_dues_text(const PeriodReport& r, std::ostream& out) {
  if (!r.dues) return;
  out << '\n' << tr("Dues") << '\n';
  for (const auto& line : dues_report_lines(*r.dues)) out << "  " << line << '\n';
}

void report_dues_markdown(const PeriodReport& r, std::ostream& out) {
  if (!r.dues) return;
  out << "\n### " << tr("Dues") << "\n\n";
  for (const auto& line : dues_report_lines(*r.dues)) out << "- " << md(line) << '\n';
}

void report_dues_chat(const PeriodReport& r, std::ostream& out) {
  if (!r.dues) return;
  out << "\n#### " << tr("Dues") << "\n\n";
  for (const auto& line : dues_report_lines(*r.dues, kChatNames)) out << "- " << md(line) << '\n';
}

void report_dues_html(const PeriodReport& r, std::ostream& out) {
  if (!r.dues) return;
  out << "<h2>" << esc(tr("Dues")) << "</h2>\n<ul>\n";
  for (const auto& line : dues_report_lines(*r.dues)) out << "<li>" << esc(line) << "</li>\n";
  out << "</ul>\n";
}

ordered_json report_dues_json(const DuesPeriod& dues) {
  return {{"collected_fen", dues.collected},
          {"payments", dues.payments},
          {"outstanding_fen", dues.outstanding},
          {"newly_overdue", ordered_json::array()},  // a place kept: render_report_json streams them
          {"suspended", dues.suspended},
          {"lapsed", dues.lapsed}};
}

}  // namespace roster
