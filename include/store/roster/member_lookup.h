#pragma once

#include <cstdint>
#include <string>

#include "roster/store.h"

namespace roster {

/// The member REF names: an id (digits, optionally after '#'), an exact name
/// (compared by name_key) or a USCC. Throws an Error listing the candidates
/// when REF matches several members, or suggesting similar names when none.
int64_t resolve_member_ref(Store& store, const std::string& ref);

}  // namespace roster
