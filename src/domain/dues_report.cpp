#include "roster/dues_report.h"

#include <algorithm>
#include <map>

namespace roster {
namespace {

void add_to(DuesSummaryRow& row, const DuesStanding& s) {
  row.members += 1;
  row.billed += s.due;
  row.collected += s.paid;
  if (s.status == DuesStatus::waived) {
    row.waived += std::max<Fen>(s.balance, 0);
  } else {
    row.outstanding += std::max<Fen>(s.balance, 0);
  }
}

void set_rate(DuesSummaryRow& row) {
  Fen collectable = row.billed - row.waived;
  if (collectable > 0) row.collection_rate = static_cast<double>(row.collected) / static_cast<double>(collectable);
}

DuesStatusRow status_row(const DuesAccount& a, const DuesStanding& s) {
  DuesStatusRow row;
  row.member_id = a.charge.member_id;
  row.name = a.member.name;
  row.year = a.charge.year;
  row.tier = a.charge.tier;
  row.due = s.due;
  row.paid = s.paid;
  row.balance = s.status == DuesStatus::waived ? 0 : s.balance;
  row.due_on = s.due_on;
  row.status = s.status;
  return row;
}

}  // namespace

DuesStanding account_standing(const DuesAccount& a, const DuesPolicy& policy, Date as_of) {
  return dues_standing(a.charge, a.payments, a.exemption, policy, as_of);
}

DuesStatusReport each_dues_status(const DuesAccountFeed& accounts, const DuesPolicy& policy, Date as_of,
                                  const std::vector<DuesStatus>& only,
                                  const std::function<void(const DuesStatusRow&)>& row) {
  DuesStatusReport report;
  report.as_of = as_of;
  accounts([&](const DuesAccount& a) {
    DuesStanding s = account_standing(a, policy, as_of);
    report.members += 1;
    if (s.status == DuesStatus::suspended) report.suspended += 1;
    if (s.status == DuesStatus::lapsed) report.lapsed += 1;
    if (!only.empty() && std::find(only.begin(), only.end(), s.status) == only.end()) return;
    row(status_row(a, s));
  });
  return report;
}

DuesSummary build_dues_summary(const DuesAccountFeed& accounts, const DuesPolicy& policy, Date as_of) {
  DuesSummary summary;
  summary.as_of = as_of;
  // Tier enumerators run from the highest tier down, so the map's order is the rows' order.
  std::map<int, std::map<Tier, DuesSummaryRow>> by_year;
  accounts([&](const DuesAccount& a) {
    DuesSummaryRow& row = by_year[a.charge.year][a.charge.tier];
    row.year = a.charge.year;
    row.tier = a.charge.tier;
    add_to(row, account_standing(a, policy, as_of));
  });
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

void each_dues_reminder(const DuesAccountFeed& accounts, const DuesPolicy& policy, Date as_of, int days_before,
                        const std::function<void(const DuesReminder&)>& reminder) {
  Date horizon = as_of.plus_days(days_before);
  accounts([&](const DuesAccount& a) {
    DuesStanding s = account_standing(a, policy, as_of);
    if (s.balance <= 0 || s.status == DuesStatus::waived || s.due_on > horizon) return;
    DuesReminder r;
    r.member_id = a.charge.member_id;
    r.name = a.member.name;
    r.contact = a.member.contact;
    r.phone = a.member.phone;
    r.email = a.member.email;
    r.year = a.charge.year;
    r.tier = a.charge.tier;
    r.balance = s.balance;
    r.due_on = s.due_on;
    r.status = s.status;
    reminder(r);
  });
}

}  // namespace roster
