#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/dues.h"
#include "roster/dues_account.h"
#include "roster/money.h"
#include "roster/tier.h"

// The dues views, as of a date: each member's standing (`dues status`), the
// figures per year and tier (`dues summary`) and the members to remind
// (`dues remind`). Pure: the store reads the values, these functions count
// them with dues_standing, the renderers show them. docs/dues.md defines the
// per-member rule; docs/usage.md#dues each figure. Each reads a feed of
// accounts (roster/dues_account.h), one charge at a time; the `each_` forms
// hand on each row as it is made, so a listing is never held whole (the
// table and markdown writers keep the rows they are handed).
namespace roster {

/// One member's dues for one year, as of the date.
struct DuesStatusRow {
  int64_t member_id = 0;
  std::string name;
  int year = 0;
  Tier tier = Tier::member;  ///< the tier the member was billed at
  Fen due = 0;
  Fen paid = 0;     ///< payments dated on or before the date
  Fen balance = 0;  ///< due − paid; 0 when waived (what is left is waived)
  Date due_on;      ///< the charge's due date, or a deferral's new one
  DuesStatus status = DuesStatus::due;
};

/// `dues status`: one row per charge, and the counts `--check` reads.
struct DuesStatusReport {
  Date as_of;
  std::vector<DuesStatusRow> rows;  ///< the rows the filter keeps, by year then member id
  int members = 0;                  ///< charges before the filter
  int suspended = 0;                ///< of those, suspended (counted whatever the filter)
  int lapsed = 0;                   ///< of those, lapsed (counted whatever the filter)
  /// Someone is suspended or lapsed: `dues status --check` exits 3.
  bool at_risk() const { return suspended > 0 || lapsed > 0; }
};

/// The standing of each account `accounts` feeds, as of `as_of`: every row
/// whose status is in `only` (empty: every row) goes to `row` as it is made,
/// in the feed's order (the store's: by year, then member id, for one year).
/// Returns the counts, with no rows. Pure but for what `row` does.
DuesStatusReport each_dues_status(const DuesAccountFeed& accounts, const DuesPolicy& policy, Date as_of,
                                  const std::vector<DuesStatus>& only,
                                  const std::function<void(const DuesStatusRow&)>& row);

/// One tier's figures for one year, or the year's total (tier nullopt).
struct DuesSummaryRow {
  int year = 0;
  std::optional<Tier> tier;  ///< nullopt: the total of the year
  int members = 0;           ///< members billed
  Fen billed = 0;            ///< Σ charges
  Fen collected = 0;         ///< Σ payments on or before the date
  Fen waived = 0;            ///< Σ what was left unpaid of the waived charges
  Fen outstanding = 0;       ///< Σ balances of the charges not waived (deferred ones included)
  /// collected ÷ (billed − waived); nullopt when there is nothing to collect.
  std::optional<double> collection_rate;
};

/// `dues summary`: for each year, a row per tier billed (highest tier first)
/// and then the year's total row. billed = collected + waived + outstanding.
struct DuesSummary {
  Date as_of;
  std::vector<DuesSummaryRow> rows;  ///< by year, then tier, the total last
};

/// The summary of every year with charges among the accounts fed, as of
/// `as_of`, in any order. Pure.
DuesSummary build_dues_summary(const DuesAccountFeed& accounts, const DuesPolicy& policy, Date as_of);

/// A member to remind of its dues for a year.
struct DuesReminder {
  int64_t member_id = 0;
  std::string name;
  std::string contact;
  std::string phone;
  std::string email;
  int year = 0;
  Tier tier = Tier::member;
  Fen balance = 0;
  Date due_on;  ///< the charge's due date, or a deferral's new one
  DuesStatus status = DuesStatus::due;
};

/// `dues remind`: the members with a balance above zero, not waived, whose
/// due date (a deferral's new one once granted) is on or before `as_of` +
/// `days_before` days, already past included. Each goes to `reminder` as it
/// is made, in the feed's order, which must be the reminders' own: by that
/// due date, then member id (the store's DuesAccountOrder::due). Pure but
/// for what `reminder` does.
void each_dues_reminder(const DuesAccountFeed& accounts, const DuesPolicy& policy, Date as_of, int days_before,
                        const std::function<void(const DuesReminder&)>& reminder);

}  // namespace roster
