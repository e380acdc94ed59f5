// The dues views for people: the table and markdown of `dues status`,
// `summary` and `remind`, in the language chosen. Both formats lay out the
// same TextTable, so they can never disagree.
#include "dues_text.h"

#include <fmt/core.h>

#include <algorithm>

#include "roster/dues_render.h"
#include "roster/i18n.h"
#include "roster/labels.h"
#include "roster/money.h"
#include "roster/table.h"
#include "roster/text.h"

namespace roster {
namespace {

// `table` as a markdown pipe table, each cell escaped as the terminal table does.
void print_markdown(const TextTable& table, std::ostream& out) {
  out << '|';
  for (const auto& h : table.headers) out << ' ' << h << " |";
  out << "\n|";
  for (size_t i = 0; i < table.headers.size(); ++i) {
    out << (i < table.numeric.size() && table.numeric[i] ? " ---: |" : " --- |");
  }
  out << '\n';
  for (const auto& row : table.rows) {
    out << '|';
    for (const auto& cell : row) out << ' ' << escape_for_terminal(cell) << " |";
    out << '\n';
  }
}

TextTable status_table(const DuesStatusReport& report) {
  TextTable table;
  table.headers = {tr("ID"),
                   tr("NAME"),
                   trc("dues", "YEAR"),
                   tr("TIER"),
                   trc("dues", "DUE"),
                   trc("dues", "PAID"),
                   trc("dues", "BALANCE"),
                   trc("dues", "DUE ON"),
                   trc("dues", "STATUS")};
  table.numeric = {true, false, true, false, true, true, true, false, false};
  for (const auto& r : report.rows) {
    table.rows.push_back({std::to_string(r.member_id), r.name, std::to_string(r.year), tier_label(r.tier),
                          format_yuan(r.due), format_yuan(r.paid), format_yuan(r.balance), date_label(r.due_on),
                          dues_status_label(r.status)});
  }
  return table;
}

// The lines under the status table: how many, how much is owed, who is at risk.
std::vector<std::string> status_lines(const DuesStatusReport& report) {
  if (report.members == 0) return {tr("nobody is billed for this year; bill it first with `roster dues bill`")};
  if (report.rows.empty()) return {tr("no member has the statuses asked for")};
  Fen owed = 0;
  for (const auto& r : report.rows) owed += std::max<Fen>(r.balance, 0);
  int shown = static_cast<int>(report.rows.size());
  std::vector<std::string> lines = {
      trfn("{0} member, {1} yuan outstanding", "{0} members, {1} yuan outstanding", shown, shown, format_yuan(owed))};
  if (report.at_risk()) {
    lines.push_back(trf("at risk: {0} suspended, {1} lapsed (the council decides)", report.suspended, report.lapsed));
  }
  return lines;
}

std::string rate_cell(const std::optional<double>& rate) {
  return rate ? fmt::format("{:.1f}%", *rate * 100) : "";
}

TextTable summary_table(const DuesSummary& summary) {
  TextTable table;
  table.headers = {trc("dues", "YEAR"),        tr("TIER"),
                   trc("dues", "MEMBERS"),     trc("dues", "BILLED"),
                   trc("dues", "COLLECTED"),   trc("dues", "WAIVED"),
                   trc("dues", "OUTSTANDING"), trc("dues", "RATE")};
  table.numeric = {true, false, true, true, true, true, true, true};
  for (const auto& r : summary.rows) {
    table.rows.push_back({std::to_string(r.year), r.tier ? tier_label(*r.tier) : trc("dues", "total"),
                          std::to_string(r.members), format_yuan(r.billed), format_yuan(r.collected),
                          format_yuan(r.waived), format_yuan(r.outstanding), rate_cell(r.collection_rate)});
  }
  return table;
}

std::string nothing_billed() {
  return tr("nothing is billed yet; bill a year with `roster dues bill --year YEAR`");
}

TextTable reminders_table(const std::vector<DuesReminder>& reminders) {
  TextTable table;
  table.headers = {tr("ID"),
                   tr("NAME"),
                   trc("dues", "CONTACT"),
                   trc("dues", "PHONE"),
                   trc("dues", "EMAIL"),
                   trc("dues", "YEAR"),
                   trc("dues", "BALANCE"),
                   trc("dues", "DUE ON"),
                   trc("dues", "STATUS")};
  table.numeric = {true, false, false, false, false, true, true, false, false};
  for (const auto& r : reminders) {
    table.rows.push_back({std::to_string(r.member_id), r.name, r.contact, r.phone, r.email, std::to_string(r.year),
                          format_yuan(r.balance), date_label(r.due_on), dues_status_label(r.status)});
  }
  return table;
}

std::string reminders_line(const std::vector<DuesReminder>& reminders) {
  if (reminders.empty()) return tr("nobody to remind");
  Fen owed = 0;
  for (const auto& r : reminders) owed += r.balance;
  int n = static_cast<int>(reminders.size());
  return trfn("{0} member to remind, {1} yuan in all", "{0} members to remind, {1} yuan in all", n, n,
              format_yuan(owed));
}

}  // namespace

std::string dues_status_label(DuesStatus status) {
  switch (status) {
    case DuesStatus::paid:
      return trc("dues status", "paid");
    case DuesStatus::partial:
      return trc("dues status", "partial");
    case DuesStatus::due:
      return trc("dues status", "due");
    case DuesStatus::overdue:
      return trc("dues status", "overdue");
    case DuesStatus::suspended:
      return trc("dues status", "suspended");
    case DuesStatus::lapsed:
      return trc("dues status", "lapsed");
    case DuesStatus::waived:
      return trc("dues status", "waived");
    case DuesStatus::deferred:
      return trc("dues status", "deferred");
  }
  return std::string(dues_status_code(status));
}

void render_dues_status_table(const DuesStatusReport& report, std::ostream& out, const RenderOptions& options) {
  out << trf("Dues as of {0}", date_label(report.as_of)) << "\n\n";
  if (!report.rows.empty()) {
    status_table(report).print(out, options.color);
    out << '\n';
  }
  for (const auto& line : status_lines(report)) out << line << '\n';
}

void render_dues_status_markdown(const DuesStatusReport& report, std::ostream& out) {
  out << "## " << trf("Dues ({0})", date_label(report.as_of)) << "\n\n";
  if (!report.rows.empty()) {
    print_markdown(status_table(report), out);
    out << '\n';
  }
  auto lines = status_lines(report);
  for (size_t i = 0; i < lines.size(); ++i) out << (i ? "\n" : "") << lines[i] << '\n';
}

void render_dues_summary_table(const DuesSummary& summary, std::ostream& out, const RenderOptions& options) {
  out << trf("Dues summary as of {0}", date_label(summary.as_of)) << "\n\n";
  if (summary.rows.empty()) {
    out << nothing_billed() << '\n';
    return;
  }
  summary_table(summary).print(out, options.color);
}

void render_dues_summary_markdown(const DuesSummary& summary, std::ostream& out) {
  out << "## " << trf("Dues summary ({0})", date_label(summary.as_of)) << "\n\n";
  if (summary.rows.empty()) {
    out << nothing_billed() << '\n';
    return;
  }
  print_markdown(summary_table(summary), out);
}

void render_dues_reminders_table(const std::vector<DuesReminder>& reminders, std::ostream& out,
                                 const RenderOptions& options) {
  if (!reminders.empty()) {
    reminders_table(reminders).print(out, options.color);
    out << '\n';
  }
  out << reminders_line(reminders) << '\n';
}

void render_dues_reminders_markdown(const std::vector<DuesReminder>& reminders, std::ostream& out) {
  if (!reminders.empty()) {
    print_markdown(reminders_table(reminders), out);
    out << '\n';
  }
  out << reminders_line(reminders) << '\n';
}

}  // namespace roster
