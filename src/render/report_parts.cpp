#include "report_parts.h"

#include <fmt/core.h>

#include <cmath>

#include "progress_lines.h"
#include "roster/i18n.h"
#include "roster/labels.h"
#include "roster/progress_render.h"
#include "roster/text.h"
#include "roster/tier.h"

namespace roster::report_parts {
namespace {

// "Healthcare, E-commerce" (Chinese: "医疗健康、电子商务"): the registry's
// names, codes for any it lacks.
std::string sector_names(const PeriodReport& r, const std::vector<std::string>& codes) {
  std::string names;
  for (const auto& code : codes) {
    std::string name = code;
    for (const auto& row : r.sectors.rows) {
      if (row.sector.code == code) name = sector_label(row.sector);
    }
    names += (names.empty() ? "" : tr(", ")) + name;
  }
  return names;
}

}  // namespace

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

// Terminal-escaped first: a page is read as text too, and mail clients show titles raw.
std::string esc(const std::string& value) {
  std::string out;
  for (char c : escape_for_terminal(value)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string kind_word(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::week:
      return tr("week");
    case PeriodKind::month:
      return tr("month");
    case PeriodKind::quarter:
      return tr("quarter");
  }
  return "";
}

std::string period_label(PeriodKind kind, Date day) {
  switch (kind) {
    case PeriodKind::week: {
      IsoWeek w = iso_week(day);
      return week_label(w.year, w.week);
    }
    case PeriodKind::month:
      return month_label(day);
    case PeriodKind::quarter:
      return trf("{0}-Q{1}", day.year(), (day.month() - 1) / 3 + 1);
  }
  return "";
}

std::string period_dates(const PeriodReport& r) {
  Date first = r.period.first;
  bool same_year = first.year() == r.end.year();
  std::string from = current_language() == Language::zh && same_year ? day_label(first) : date_label(first);
  std::string to = current_language() == Language::zh && same_year ? day_label(r.end) : date_label(r.end);
  return r.complete ? trf("{0} to {1}", from, to) : trf("{0} to {1}, so far", from, to);
}

std::string title(const PeriodReport& r) {
  static const char* kTitle[] = {N_("{0} — weekly report, week {1}"), N_("{0} — monthly report, month {1}"),
                                 N_("{0} — quarterly report, quarter {1}")};
  std::string name = r.progress.association.empty() ? "roster" : r.progress.association;
  return fmt::format(fmt::runtime(tr(kTitle[static_cast<int>(r.period.kind)])), name,
                     period_label(r.period.kind, r.period.first));
}

std::string members_line(const PeriodReport& r) {
  return trf("{0} of {1} members ({2}%)", r.progress.active, r.progress.goal.target,
             fmt::format("{:.1f}", r.progress.percent));
}

std::string change_line(const PeriodReport& r) {
  return trf("{0} since {1} ({2})", signed_change(r.change), date_label(r.period.first.plus_days(-1)),
             r.previous_active);
}

std::string movement_line(const PeriodReport& r) {
  if (r.quiet()) {
    return trf("No members joined or left in {0} {1}.", kind_word(r.period.kind),
               period_label(r.period.kind, r.period.first));
  }
  return trf("{0} joined, {1} left, net {2}", r.joined.size(), r.left.size(), signed_change(r.change));
}

std::string pace_line(const PeriodReport& r) {
  std::string needed = r.required_pace ? trf("the plan needed {0}", per_week(*r.required_pace))
                                       : std::string(tr("no pace was needed yet"));
  if (r.end >= r.progress.goal.deadline) needed = tr("the deadline has passed");
  static const char* kThis[] = {N_("{0} this week; {1}"), N_("{0} this month; {1}"), N_("{0} this quarter; {1}")};
  return fmt::format(fmt::runtime(tr(kThis[static_cast<int>(r.period.kind)])), per_week(r.pace), needed);
}

std::string plan_line(const PeriodReport& r) {
  const ProgressReport& p = r.progress;
  if (p.status == GoalStatus::not_started) {
    return trf("starts on {0} from {1}", date_label(p.goal.start), p.baseline);
  }
  return trf("{0} members by {1} (from {2} on {3} to {4} on {5})", plan_today(p), date_label(r.end), p.baseline,
             date_label(p.goal.start), p.goal.target, date_label(p.goal.deadline));
}

std::vector<std::string> change_headers(bool left) {
  std::vector<std::string> h = {left ? tr("left") : tr("joined"), tr("name"), tr("sectors"), tr("tier"), tr("city")};
  if (left) h.push_back(tr("reason"));
  return h;
}

std::vector<std::string> change_cells(const PeriodReport& r, const MemberChange& m, bool left) {
  std::vector<std::string> c = {date_label(m.date), m.name, sector_names(r, m.sector_codes), tier_label(m.tier),
                                m.city};
  if (left) c.push_back(m.reason);
  return c;
}

std::vector<std::string> sector_headers() {
  return {tr("sector"), tr("members"), tr("change"), tr("target"), tr("share")};
}

std::vector<std::string> sector_cells(const SectorRow& row) {
  return {sector_label(row.sector) + (row.sector.is_key ? " *" : ""), std::to_string(row.members),
          signed_change(row.joins - row.departures), row.sector.target ? std::to_string(*row.sector.target) : "",
          fmt::format("{:.1f}%", row.share)};
}

std::vector<ChartPoint> recent_points(const PeriodReport& r, size_t count) {
  size_t from = r.chart.size() > count ? r.chart.size() - count : 0;
  return {r.chart.begin() + static_cast<std::ptrdiff_t>(from), r.chart.end()};
}

}  // namespace roster::report_parts
