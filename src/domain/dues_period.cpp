#include "roster/dues_period.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

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

// One member's worst lateness on two days, over its charges billed by each.
struct Worst {
  int64_t id = 0;
  std::string name;
  bool active = false;
  int before = 0;
  int after = 0;
};

// Reads accounts fed by member id and calls `member` with each member's worst
// lateness on `before` (if given) and on `after`; adds the balances owed on
// `after` to *outstanding. Returns whether any account was fed. A member's
// accounts come together, so one member is held at a time.
bool each_member_worst(const DuesAccountFeed& accounts, const DuesPolicy& policy, std::optional<Date> before,
                       Date after, Fen* outstanding, const std::function<void(const Worst&)>& member) {
  std::optional<Worst> current;
  bool any = false;
  accounts([&](const DuesAccount& a) {
    any = true;
    if (current && current->id != a.charge.member_id) {
      // i18n: data (a bug in roster's code, not a message about the data)
      if (a.charge.member_id < current->id) throw std::logic_error("dues accounts fed out of member order");
      member(*current);
      current.reset();
    }
    if (!current) current = Worst{a.charge.member_id, a.member.name, a.active};
    if (before && a.charge.billed_on <= *before) {
      current->before = std::max(current->before, lateness(account_standing(a, policy, *before).status));
    }
    if (a.charge.billed_on > after) return;
    DuesStanding s = account_standing(a, policy, after);
    current->after = std::max(current->after, lateness(s.status));
    if (outstanding && s.status != DuesStatus::paid && s.status != DuesStatus::waived) *outstanding += s.balance;
  });
  if (current) member(*current);
  return any;
}

// Late on the period's last day, and not on the day before it began.
bool newly_overdue(const Worst& w) {
  return w.after > 0 && w.before == 0;
}

}  // namespace

std::optional<DuesPeriod> dues_in_period(const DuesAccountFeed& accounts, const PaymentFeed& payments,
                                         const DuesPolicy& policy, Date from, Date to) {
  DuesPeriod p;
  p.from = from;
  p.to = to;
  bool billed = each_member_worst(accounts, policy, from.plus_days(-1), to, &p.outstanding, [&](const Worst& w) {
    if (w.after == 3) ++p.lapsed;
    if (w.after == 2) ++p.suspended;
    if (!newly_overdue(w)) return;
    if (p.newly_overdue++ < static_cast<int>(DuesPeriod::kNamed)) p.newly_overdue_first.push_back({w.id, w.name});
  });
  if (!billed) return std::nullopt;
  payments([&](const Payment& pay) {
    if (pay.paid_on >= from && pay.paid_on <= to) {
      p.collected += pay.amount;
      ++p.payments;
    }
  });
  return p;
}

void each_newly_overdue(const DuesAccountFeed& accounts, const DuesPolicy& policy, Date from, Date to,
                        const std::function<void(const DuesRef&)>& member) {
  each_member_worst(accounts, policy, from.plus_days(-1), to, nullptr, [&](const Worst& w) {
    if (newly_overdue(w)) member({w.id, w.name});
  });
}

std::optional<DuesAtRisk> dues_at_risk(const DuesAccountFeed& accounts, const DuesPolicy& policy, Date as_of) {
  DuesAtRisk r;
  bool billed = each_member_worst(accounts, policy, std::nullopt, as_of, nullptr, [&](const Worst& w) {
    if (!w.active) return;
    if (w.after == 3) ++r.lapsed;
    if (w.after == 2) ++r.suspended;
  });
  if (!billed) return std::nullopt;
  return r;
}

}  // namespace roster
