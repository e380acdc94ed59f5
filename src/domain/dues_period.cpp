#include "roster/dues_period.h"

#include <algorithm>
#include <map>
#include <optional>

namespace roster {
namespace {

// How late a status is: 0 for not late, 1 overdue, 2 suspended, 3 lapsed.
int lateness(DuesStatus s) {
  switch (s) {
    case DuesStatus::overdue:
      return 1;
    case DuesStatus::suspended:
      return 2;
    case DuesStatus::lapsed:
      return 3;
    default:
      return 0;
  }
}

// Each member's worst lateness on `day`, over every charge billed by then.
std::map<int64_t, int> worst_on(const DuesData& dues, Date day, Fen* outstanding = nullptr) {
  std::map<int64_t, int> worst;
  for (const auto& c : dues.charges) {
    if (c.billed_on > day) continue;
    DuesStanding s = dues_standing(c, dues.payments, exemption_of(dues, c), dues.policy, day);
    int& w = worst[c.member_id];
    w = std::max(w, lateness(s.status));
    if (outstanding && s.status != DuesStatus::paid && s.status != DuesStatus::waived) *outstanding += s.balance;
  }
  return worst;
}

}  // namespace

DuesPeriod dues_in_period(const DuesData& dues, Date from, Date to) {
  DuesPeriod p;
  p.from = from;
  p.to = to;
  for (const auto& pay : dues.payments) {
    if (pay.paid_on >= from && pay.paid_on <= to) {
      p.collected += pay.amount;
      ++p.payments;
    }
  }
  auto before = worst_on(dues, from.plus_days(-1));
  auto after = worst_on(dues, to, &p.outstanding);
  std::map<int64_t, std::string> names;
  for (const auto& m : dues.members) names[m.id] = m.name;
  for (const auto& [id, late] : after) {
    if (late == 3) ++p.lapsed;
    if (late == 2) ++p.suspended;
    auto was = before.find(id);
    if (late > 0 && (was == before.end() || was->second == 0)) p.newly_overdue.push_back({id, names[id]});
  }
  return p;
}

DuesAtRisk dues_at_risk(const DuesData& dues, const std::vector<int64_t>& active, Date as_of) {
  DuesAtRisk r;
  for (const auto& [id, late] : worst_on(dues, as_of)) {
    if (std::find(active.begin(), active.end(), id) == active.end()) continue;
    if (late == 3) ++r.lapsed;
    if (late == 2) ++r.suspended;
  }
  return r;
}

std::optional<Exemption> exemption_of(const DuesData& dues, const Charge& c) {
  for (const auto& e : dues.exemptions) {
    if (e.member_id == c.member_id && e.year == c.year) return e;
  }
  return std::nullopt;
}

}  // namespace roster
