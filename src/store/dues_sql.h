// The SQL of dues rows that both the reads (store_dues.cpp) and the writes
// (store_dues_writes.cpp) run, written once. Internal to src/store.
#pragma once

#include <optional>

#include "roster/dues.h"
#include "roster/store.h"
#include "sql.h"

namespace roster {

/// The columns of a charge, in the order read_charge_row reads them.
// i18n: data (SQL column names)
inline constexpr const char* kChargeColumns = "member_id, year, tier, amount_fen, billed_on, due_on, prorated";

/// The columns of a waiver or deferral, in the order read_exemption_row reads them.
// i18n: data (SQL column names)
inline constexpr const char* kExemptionColumns = "member_id, year, kind, until_on, reason, approved_by, granted_on";

/// A stored date; one edited past the schema reads as the default Date.
inline Date stored_date(const std::string& text) {
  return parse_iso_date(text).value_or(Date());
}

/// Reads kChargeColumns of the current row of `q`.
Charge read_charge_row(dbi::Statement& q);

/// Reads kExemptionColumns of the current row of `q`.
Exemption read_exemption_row(dbi::Statement& q);

/// Member `member_id`'s charge for dues year `year`, if billed.
std::optional<Charge> stored_charge(Store& store, int64_t member_id, int year);

}  // namespace roster
