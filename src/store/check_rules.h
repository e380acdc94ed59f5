// The data rules of `roster check` kept outside store_check.cpp. Internal to
// src/store.
#pragma once

#include <string>
#include <vector>

#include "sql.h"

namespace roster {

/// The dues schedule: at most four distinct amounts in force on any day.
void dues_schedule_rules(dbi::Connection& db, std::vector<std::string>& problems);

/// The dues payments: each toward a charge, and never more than it.
void dues_payment_rules(dbi::Connection& db, std::vector<std::string>& problems);

}  // namespace roster
