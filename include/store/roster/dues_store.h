#pragma once
// Dues in the store: the billing policy, the schedule, the charges, the
// payments, and the waivers and deferrals (schema version 5, docs/schema.md).
// Money is whole fen (roster/money.h) everywhere.
//
// The writes read what they check inside the caller's transaction and write
// only when every rule holds; each returns the problems (empty = done), logs
// every change in the history (kinds `dues.*`, member_id set when it is about
// one member) and must run inside Store::write or Store::write_if.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/dues.h"
#include "roster/member_rules.h"
#include "roster/store.h"
#include "roster/tier.h"

namespace roster {

// --- reads (any transaction; use Store::snapshot for several) ---

/// The billing policy (the one row of dues_policy).
DuesPolicy dues_policy(Store& store);

/// Every schedule entry, by tier then from date.
std::vector<ScheduleEntry> dues_schedule(Store& store);

/// The charges of dues year `year`, by member id.
std::vector<Charge> dues_charges(Store& store, int year);

/// The payments toward dues year `year`, by member id, then date, then id.
std::vector<Payment> dues_payments(Store& store, int year);

/// The waivers and deferrals of dues year `year`, by member id.
std::vector<Exemption> dues_exemptions(Store& store, int year);

/// Every member with a charge in dues year `year`, by id.
std::vector<DuesMember> dues_members(Store& store, int year);

// --- writes (inside Store::write / write_if) ---

/// Replaces the policy; refuses one with policy_problems. Logs each changed
/// field (kind dues.policy, field = the column, before and after as text).
std::vector<FieldProblem> set_dues_policy(Store& store, const DuesPolicy& policy);

/// Adds a schedule entry (kind dues.schedule); refuses an entry for a tier
/// and date that already has one, or one that would put more than four
/// distinct amounts in force on any day.
std::vector<FieldProblem> add_schedule_entry(Store& store, const ScheduleEntry& entry);

/// What `dues bill` did.
struct BillResult {
  std::vector<Charge> charged;  ///< new charges, by member id
  int already_billed = 0;       ///< members of the year who had a charge already
  int without_amount = 0;       ///< members whose tier has no amount in force
};

/// Charges every member active in dues year `year` on or before `billed_on`
/// who has no charge for it yet (charge_for), one history row per charge
/// (kind dues.bill). Running it again charges nobody twice.
BillResult bill_year(Store& store, int year, Date billed_on);

/// Records a payment (kind dues.pay). Refuses: no charge for the member and
/// year ("bill the year first"), a date in the future or before the year's
/// first day, and a payment that would take the paid total over the charge
/// (overpayment, naming the balance). *id is set to the new payment's id.
std::vector<FieldProblem> add_payment(Store& store, const Payment& payment, Date as_of, int64_t* id = nullptr);

/// Records a waiver or a deferral (kind dues.waive / dues.defer). Refuses:
/// no charge, an exemption the member already has for the year, an empty
/// reason, a deferral date not after the charge's due date.
std::vector<FieldProblem> add_exemption(Store& store, const Exemption& exemption);

}  // namespace roster
