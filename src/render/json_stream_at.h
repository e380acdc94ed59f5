// A JSON document with one list in it that grows with the roster: the rest
// built as one value, the list's items written as they come, so the list is
// never held. Internal to src/render.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace roster {

/// Writes one item of a streamed array.
using JsonItemWriter = std::function<void(const nlohmann::ordered_json& item)>;

/// Writes `doc`, an object, exactly as dump_json(doc, 2) and a newline
/// would, except that the array at `path` (object keys from the top; its
/// value in `doc`, a placeholder, only keeps its place among the keys) is
/// written by `items`, which is called once and writes each item through the
/// writer it is given.
void write_json_streaming(std::ostream& out, const nlohmann::ordered_json& doc, const std::vector<std::string>& path,
                          const std::function<void(const JsonItemWriter& item)>& items);

}  // namespace roster
