#pragma once
// Every year's dues at once, for the weekly report's dues section and
// progress's "at risk" line (roster/dues_period.h).

#include <cstdint>
#include <optional>
#include <vector>

#include "roster/dues_period.h"
#include "roster/store.h"

namespace roster {

/// The policy and every charge, payment, exemption and charged member, over
/// every dues year with a charge or a payment; nullopt when no dues were
/// ever billed (then reports have no dues section). Run it in a snapshot.
std::optional<DuesData> all_dues(Store& store);

/// The ids of the members active on `day`, for dues_at_risk.
std::vector<int64_t> active_member_ids(Store& store, Date day);

}  // namespace roster
