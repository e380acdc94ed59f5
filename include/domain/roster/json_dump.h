#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace roster {

/// `doc` as JSON text, `indent` spaces deep (-1: one line), non-ASCII kept as
/// UTF-8. The one way roster writes JSON: a stored string that is not UTF-8
/// (a file edited outside roster) comes out with U+FFFD in place of each bad
/// byte instead of aborting the output.
std::string dump_json(const nlohmann::json& doc, int indent = -1);
std::string dump_json(const nlohmann::ordered_json& doc, int indent = -1);

}  // namespace roster
