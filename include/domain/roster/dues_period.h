#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/dues.h"
#include "roster/dues_account.h"
#include "roster/money.h"

// Dues in the weekly report and in progress: what was collected in a period,
// what is outstanding at its end, who turned overdue in it, and how many
// members are suspended or lapsed. Pure; docs/dues.md defines the statuses.
namespace roster {

/// A member named in the dues section.
struct DuesRef {
  int64_t id = 0;
  std::string name;
  bool operator==(const DuesRef&) const = default;
};

/// The dues of [from, to] (both days included), for the weekly report.
struct DuesPeriod {
  Date from;
  Date to;
  Fen collected = 0;      ///< payments dated in [from, to]
  int payments = 0;       ///< how many
  Fen outstanding = 0;    ///< Σ balances owed on `to`: every charge neither paid nor waived, deferred ones included
  int newly_overdue = 0;  ///< members with a charge that was not overdue on from − 1 and is on `to`
  /// The first kNamed of those, by id: the names the report's text formats
  /// show. Its json lists them all, read again (each_newly_overdue).
  std::vector<DuesRef> newly_overdue_first;
  static constexpr size_t kNamed = 10;
  int suspended = 0;  ///< members with a suspended charge on `to` (not lapsed)
  int lapsed = 0;     ///< members with a lapsed charge on `to`
};

/// The dues of [from, to], from every account (fed by member id, then year:
/// a member's years together, DuesAccountOrder::member) and every payment
/// (in any order; a payment counts toward `collected` even without a charge).
/// "Overdue" here is any of overdue, suspended and lapsed; a member counts
/// once however many years it owes, at its worst status. Payments, waivers
/// and deferrals after `to` are not seen. nullopt when no account is fed (no
/// dues billed: the report has no dues section).
std::optional<DuesPeriod> dues_in_period(const DuesAccountFeed& accounts, const PaymentFeed& payments,
                                         const DuesPolicy& policy, Date from, Date to);

/// Calls `member` with each member DuesPeriod::newly_overdue counts for
/// [from, to], by id, from accounts fed by member id (as dues_in_period).
void each_newly_overdue(const DuesAccountFeed& accounts, const DuesPolicy& policy, Date from, Date to,
                        const std::function<void(const DuesRef&)>& member);

/// Calls `each` once per member of a list, in order (each_newly_overdue
/// made into a value a renderer can read without holding the list).
using DuesRefFeed = std::function<void(const std::function<void(const DuesRef&)>& each)>;

/// Members suspended and lapsed in dues on `as_of`, each counted once at its
/// worst status, among the members active that day (DuesAccount::active; a
/// member who has left is no longer at risk), from accounts fed by member id,
/// then year. For progress's "at risk"; nullopt when no account is fed.
struct DuesAtRisk {
  int suspended = 0;
  int lapsed = 0;
};
std::optional<DuesAtRisk> dues_at_risk(const DuesAccountFeed& accounts, const DuesPolicy& policy, Date as_of);

}  // namespace roster
