// A value or JSON null, for the optional fields of the json formats. Internal
// to src/render.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

namespace roster {

/// `*value`, or null when there is none.
template <typename T>
nlohmann::ordered_json or_null(const std::optional<T>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json();
}

}  // namespace roster
