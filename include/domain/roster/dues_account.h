#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "roster/dues.h"

// One charge with everything its standing reads: the unit in which the dues
// views, the weekly report's dues section and progress's "at risk" read the
// dues, one charge at a time, so that memory stays flat however many members
// are billed. The store makes the feeds (roster/dues_all.h); the builders
// (roster/dues_report.h, roster/dues_period.h) count what they are fed.
namespace roster {

/// A charge, the payments toward it, its waiver or deferral and the member
/// billed.
struct DuesAccount {
  Charge charge;
  std::vector<Payment> payments;       ///< the member's payments toward the charge's year
  std::optional<Exemption> exemption;  ///< its waiver or deferral (the store allows one)
  DuesMember member;                   ///< name and contacts; empty when the member row is gone
  bool active = false;                 ///< the member is active on the day the feed was asked about
};

/// The account's standing as of `as_of` (dues_standing).
DuesStanding account_standing(const DuesAccount& account, const DuesPolicy& policy, Date as_of);

/// Calls `each` once per account, in the order its maker states: how the
/// builders read every charge without holding them all.
using DuesAccountFeed = std::function<void(const std::function<void(const DuesAccount&)>& each)>;

/// Calls `each` once per payment, in any order.
using PaymentFeed = std::function<void(const std::function<void(const Payment&)>& each)>;

}  // namespace roster
