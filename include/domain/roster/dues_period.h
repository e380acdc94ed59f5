#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/dues.h"
#include "roster/money.h"

// Dues in the weekly report and in progress: what was collected in a period,
// what is outstanding at its end, who turned overdue in it, and how many
// members are suspended or lapsed. Pure; docs/dues.md defines the statuses.
namespace roster {

/// What the dues views and the report's dues section are built from: the
/// store's dues values for one year (`dues status`, `remind`), or for every
/// year (`dues summary`, the report, progress).
struct DuesData {
  DuesPolicy policy;
  std::vector<DuesMember> members;  ///< names and contacts; a charge without one shows an empty name
  std::vector<Charge> charges;
  std::vector<Payment> payments;
  std::vector<Exemption> exemptions;
};

/// The one waiver or deferral of the charge's member and year, if any (the
/// store allows one).
std::optional<Exemption> exemption_of(const DuesData& dues, const Charge& charge);

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
  Fen collected = 0;    ///< payments dated in [from, to]
  int payments = 0;     ///< how many
  Fen outstanding = 0;  ///< Σ balances owed on `to`: every charge neither paid nor waived, deferred ones included
  std::vector<DuesRef> newly_overdue;  ///< members with a charge that was not overdue on from − 1 and is on `to`, by id
  int suspended = 0;                   ///< members with a suspended charge on `to` (not lapsed)
  int lapsed = 0;                      ///< members with a lapsed charge on `to`
};

/// The dues of [from, to]. "Overdue" here is any of overdue, suspended and
/// lapsed; a member counts once however many years it owes, at its worst
/// status. Payments, waivers and deferrals after `to` are not seen.
DuesPeriod dues_in_period(const DuesData& dues, Date from, Date to);

/// Members suspended and lapsed in dues on `as_of`, each counted once at its
/// worst status, among `active` (the ids of the members active that day;
/// a member who has left is no longer at risk). For progress's "at risk".
struct DuesAtRisk {
  int suspended = 0;
  int lapsed = 0;
};
DuesAtRisk dues_at_risk(const DuesData& dues, const std::vector<int64_t>& active, Date as_of);

}  // namespace roster
