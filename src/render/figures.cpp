#include "roster/figures.h"

#include <fmt/core.h>

namespace roster {

std::string two_decimals(double value) {
  return fmt::format("{:.2f}", value + 0.0);
}

std::string signed_change(int change) {
  return change > 0 ? fmt::format("+{}", change) : std::to_string(change);
}

std::string marked_count(char sign, int count) {
  return count ? fmt::format("{}{}", sign, count) : "0";
}

}  // namespace roster
