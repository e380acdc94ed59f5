#pragma once
// Which dues years have charges, for the views that cover every year
// (`dues summary` without --year). The other dues reads are in dues_store.h.

#include <vector>

#include "roster/store.h"

namespace roster {

/// Every dues year with at least one charge, oldest first.
std::vector<int> dues_charge_years(Store& store);

}  // namespace roster
