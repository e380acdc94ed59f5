#pragma once
// Every charge with its payments, its waiver or deferral and its member, one
// at a time (roster/dues_account.h): what the dues views, the weekly report's
// dues section and progress's "at risk" line read, so memory stays flat
// however many members are billed.

#include <functional>
#include <optional>

#include "roster/date.h"
#include "roster/dues_account.h"
#include "roster/store.h"

namespace roster {

/// The order each_dues_account calls back in.
enum class DuesAccountOrder {
  member,  ///< by member id, then year: a member's years together
  due,     ///< by the due date on `day` (a deferral granted by then moves it), then member id, then year
};

/// Which accounts to read, in which order.
struct DuesAccountQuery {
  std::optional<int> year;  ///< only this dues year; nullopt: every year
  DuesAccountOrder order = DuesAccountOrder::member;
  /// The day of DuesAccountOrder::due and of DuesAccount::active (false
  /// for every account without one).
  std::optional<Date> day;
};

/// Calls `account` for each charge the query asks for, with the member's
/// payments toward its year, its waiver or deferral and the member, one
/// charge at a time. Run it in a snapshot with the other reads it goes with.
void each_dues_account(Store& store, const DuesAccountQuery& query,
                       const std::function<void(const DuesAccount&)>& account);

/// Calls `payment` for every payment of every year, charge or no charge.
void each_dues_payment(Store& store, const std::function<void(const Payment&)>& payment);

}  // namespace roster
