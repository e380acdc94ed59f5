// One member's record as JSON, the same object in `show -f json` and in
// `export -f json|jsonl` (where import reads it back). Internal to src/render.
#pragma once

#include <nlohmann/json.hpp>

#include "roster/member_record.h"

namespace roster {

/// {"id", "name", "uscc", "sectors", "tier", "city", "parent", "note",
/// "sort_key", "contact", "phone", "email", "periods": [{"joined", "left", "reason"}, …]}, keys in that
/// order.
nlohmann::ordered_json member_record_json(const MemberRecord& m);

}  // namespace roster
