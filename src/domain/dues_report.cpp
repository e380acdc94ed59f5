#include "roster/dues_report.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace roster {
namespace {

const DuesMember* member_of(const DuesData& data, int64_t id) {
  for (const auto& m : data.members) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

// A charge and its standing as of the date, the shape every view starts from.
struct Standing {
  const Charge* charge;
  DuesStanding standing;
};

std::vector<Standing> standings(const DuesData& data, Date as_of) {
  std::vector<Standing> out;
  out.reserve(data.charges.size());
  for (const auto& c : data.charges) {
    out.push_back({&c, dues_standing(c, data.payments, exemption_of(data, c), data.policy, as_of)});
  }
  std::sort(out.begin(), out.end(), [](const Standing& a, const Standing& b) {
    return std::tie(a.charge->year, a.charge->member_id) < std::tie(b.charge->year, b.charge->member_id);
  });
  return out;
}

void add_to(DuesSummaryRow& row, const Standing& s) {
  row.members += 1;
  row.billed += s.standing.due;
  row.collected += s.standing.paid;
  if (s.standing.status == DuesStatus::waived) {
    row.waived += std::max<Fen>(s.standing.balance, 0);
  } else {
    row.outstanding += std::max<Fen>(s.standing.balance, 0);
  }
}

void set_rate(DuesSummaryRow& row) {
  Fen collectable = row.billed - row.waived;
  if (collectable > 0) row.collection_rate = static_cast<double>(row.collected) / static_cast<double>(collectable);
}

}  // namespace

DuesStatusReport build_dues_status(const DuesData& data, Date as_of, const std::vector<DuesStatus>& only) {
  DuesStatusReport report;
  report.as_of = as_of;
  for (const auto& [charge, s] : standings(data, as_of)) {
    report.members += 1;
    if (s.status == DuesStatus::suspended) report.suspended += 1;
    if (s.status == DuesStatus::lapsed) report.lapsed += 1;
    if (!only.empty() && std::find(only.begin(), only.end(), s.status) == only.end()) continue;
    DuesStatusRow row;
    row.member_id = charge->member_id;
    if (const DuesMember* m = member_of(data, charge->member_id)) row.name = m->name;
    row.year = charge->year;
    row.tier = charge->tier;
    row.due = s.due;
    row.paid = s.paid;
    row.balance = s.status == DuesStatus::waived ? 0 : s.balance;
    row.due_on = s.due_on;
    row.status = s.status;
    report.rows.push_back(std::move(row));
  }
  return report;
}

DuesSummary build_dues_summary(const DuesData& data, Date as_of) {
  DuesSummary summary;
  summary.as_of = as_of;
  // Tier enumerators run from the highest tier down, so the map's order is the rows' order.
  std::map<int, std::map<Tier, DuesSummaryRow>> by_year;
  for (const auto& s : standings(data, as_of)) {
    DuesSummaryRow& row = by_year[s.charge->year][s.charge->tier];
    row.year = s.charge->year;
    row.tier = s.charge->tier;
    add_to(row, s);
  }
  for (auto& [year, tiers] : by_year) {
    DuesSummaryRow total;
    total.year = year;
    for (auto& [tier, row] : tiers) {
      set_rate(row);
      summary.rows.push_back(row);
      total.members += row.members;
      total.billed += row.billed;
      total.collected += row.collected;
      total.waived += row.waived;
      total.outstanding += row.outstanding;
    }
    set_rate(total);
    summary.rows.push_back(total);
  }
  return summary;
}

std::vector<DuesReminder> build_dues_reminders(const DuesData& data, Date as_of, int days_before) {
  std::vector<DuesReminder> out;
  Date horizon = as_of.plus_days(days_before);
  for (const auto& [charge, s] : standings(data, as_of)) {
    if (s.balance <= 0 || s.status == DuesStatus::waived || s.due_on > horizon) continue;
    DuesReminder r;
    r.member_id = charge->member_id;
    if (const DuesMember* m = member_of(data, charge->member_id)) {
      r.name = m->name;
      r.contact = m->contact;
      r.phone = m->phone;
      r.email = m->email;
    }
    r.year = charge->year;
    r.tier = charge->tier;
    r.balance = s.balance;
    r.due_on = s.due_on;
    r.status = s.status;
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const DuesReminder& a, const DuesReminder& b) {
    return std::tie(a.due_on, a.member_id) < std::tie(b.due_on, b.member_id);
  });
  return out;
}

}  // namespace roster
