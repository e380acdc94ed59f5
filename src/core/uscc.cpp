#include "roster/uscc.h"

#include <array>

#include <fmt/core.h>

namespace roster {
namespace {

// GB 32100-2015 alphabet: digits and upper-case letters without I, O, S, V, Z.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int value_of(char c) {
  auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

char uscc_check_char(std::string_view first17) {
  if (first17.size() != 17) return '?';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    int v = value_of(first17[i]);
    if (v < 0) return '?';
    sum += v * kWeights[i];
  }
  return kAlphabet[(31 - sum % 31) % 31];
}

std::optional<std::string> normalize_uscc(std::string_view code, std::string* reason) {
  std::string up;
  up.reserve(code.size());
  for (char c : code) up.push_back(upper(c));
  if (up.size() != 18) {
    *reason = fmt::format("USCC must be 18 characters, got {}", up.size());
    return std::nullopt;
  }
  for (size_t i = 0; i < up.size(); ++i) {
    if (value_of(up[i]) < 0) {
      *reason = fmt::format("USCC character {} '{}' is not allowed (use 0-9 and A-Z without I, O, S, V, Z)",
                            i + 1, up[i]);
      return std::nullopt;
    }
  }
  char expected = uscc_check_char(std::string_view(up).substr(0, 17));
  if (up[17] != expected) {
    *reason = fmt::format("USCC check character is '{}' but the code calls for '{}'; check for a typo",
                          up[17], expected);
    return std::nullopt;
  }
  return up;
}

}  // namespace roster
