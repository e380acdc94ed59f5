// The JSON of a history entry's `after` for a new member, written straight
// into a string: what nlohmann's dump makes of the same object, without the
// document it builds (an import writes one per member).
#pragma once

#include <string>
#include <string_view>

#include "roster/member.h"

namespace roster {

/// Appends `s` as a JSON string as dump_json writes it: UTF-8 kept, `"` `\`
/// and control characters escaped. `s` must be valid UTF-8.
void append_json_string(std::string& out, std::string_view s);

/// {"name":…,"uscc":…,"sectors":[…],"tier":…,"city":…,"parent":…,"note":…,
/// "joined":…,"left":…} and, when not empty, "sort_key", "contact", "phone"
/// and "email": the `member.add` entry's `after`, byte for byte as
/// dump_json of the same ordered_json.
std::string member_added_json(const NewMember& m);
/// The same, made as a nlohmann document and dumped (the way it was first
/// written; member_added_json falls back to it for text that is not UTF-8).
std::string member_added_json_document(const NewMember& m);

}  // namespace roster
