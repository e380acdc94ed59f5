#include "report_parts.h"

#include <fmt/core.h>

#include <cmath>

#include "roster/progress_render.h"
#include "roster/tier.h"

namespace roster::report_parts {
namespace {

std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// "Healthcare, E-commerce": the registry's English names, codes for any it lacks.
std::string sector_names(const PeriodReport& r, const std::vector<std::string>& codes) {
  std::string names;
  for (const auto& code : codes) {
    std::string name = code;
    for (const auto& row : r.sectors.rows) {
      if (row.sector.code == code) name = row.sector.name_en;
    }
    names += (names.empty() ? "" : ", ") + name;
  }
  return names;
}

}  // namespace

std::string period_name(const PeriodReport& r) {
  return capitalised(period_kind_name(r.period.kind)) + " " + r.period.label();
}

std::string period_dates(const PeriodReport& r) {
  return fmt::format("{} to {}{}", r.period.first.iso(), r.end.iso(), r.complete ? "" : ", so far");
}

std::string title(const PeriodReport& r) {
  static const char* kAdjective[] = {"weekly", "monthly", "quarterly"};
  std::string name = r.progress.association.empty() ? "roster" : r.progress.association;
  return fmt::format("{} — {} report, {} {}", name, kAdjective[static_cast<int>(r.period.kind)],
                     period_kind_name(r.period.kind), r.period.label());
}

std::string members_line(const PeriodReport& r) {
  return fmt::format("{} of {} members ({:.1f}%)", r.progress.active, r.progress.goal.target, r.progress.percent);
}

std::string change_line(const PeriodReport& r) {
  return fmt::format("{} since {} ({})", signed_change(r.change), r.period.first.plus_days(-1).iso(),
                     r.previous_active);
}

std::string movement_line(const PeriodReport& r) {
  if (r.quiet())
    return fmt::format("No members joined or left in {} {}.", period_kind_name(r.period.kind), r.period.label());
  return fmt::format("{} joined, {} left, net {}", r.joined.size(), r.left.size(), signed_change(r.change));
}

std::string pace_line(const PeriodReport& r) {
  std::string needed =
      r.required_pace ? "the road needed " + two_decimals(*r.required_pace) + "/week" : "no pace was needed yet";
  if (r.end >= r.progress.goal.deadline) needed = "the deadline has passed";
  return fmt::format("{}/week this {}; {}", two_decimals(r.pace), period_kind_name(r.period.kind), needed);
}

std::string road_line(const PeriodReport& r) {
  const ProgressReport& p = r.progress;
  if (p.status == GoalStatus::not_started) return fmt::format("starts on {} from {}", p.goal.start.iso(), p.baseline);
  return fmt::format("{} members expected on {} (from {} on {} to {} on {})", two_decimals(p.road_today), r.end.iso(),
                     p.baseline, p.goal.start.iso(), p.goal.target, p.goal.deadline.iso());
}

std::vector<std::string> change_headers(bool left) {
  std::vector<std::string> h = {left ? "left" : "joined", "name", "sectors", "tier", "city"};
  if (left) h.push_back("reason");
  return h;
}

std::vector<std::string> change_cells(const PeriodReport& r, const MemberChange& m, bool left) {
  std::vector<std::string> c = {m.date.iso(), m.name, sector_names(r, m.sector_codes), std::string(tier_code(m.tier)),
                                m.city};
  if (left) c.push_back(m.reason);
  return c;
}

std::vector<std::string> sector_headers() {
  return {"sector", "members", "change", "target", "share"};
}

std::vector<std::string> sector_cells(const SectorRow& row) {
  return {row.sector.name_en + (row.sector.is_key ? " *" : ""), std::to_string(row.members),
          signed_change(row.joins - row.departures), row.sector.target ? std::to_string(*row.sector.target) : "",
          fmt::format("{:.1f}%", row.share)};
}

std::vector<ChartPoint> recent_points(const PeriodReport& r, size_t count) {
  size_t from = r.chart.size() > count ? r.chart.size() - count : 0;
  return {r.chart.begin() + static_cast<std::ptrdiff_t>(from), r.chart.end()};
}

}  // namespace roster::report_parts
