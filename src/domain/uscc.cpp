#include "roster/uscc.h"

#include <fmt/core.h>

#include <array>

#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {
namespace {

// GB 32100-2015 alphabet: digits and upper-case letters without I, O, S, V, Z.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int value_of(char c) {
  auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

char upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// "9.13310E+17": what Excel and WPS show for an all-digit code in a column
// formatted as a number, and what they save as CSV. The digits are lost.
bool is_scientific_number(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > from;
  };
  if (!digits()) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i + 1 >= s.size() || (s[i] != 'E' && s[i] != 'e') || s[i + 1] != '+') return false;
  i += 2;
  return digits() && i == s.size();
}

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
  // Chinese input methods often type full-width ９１３… : NFKC folds them to ASCII.
  std::string folded = is_valid_utf8(code) ? name_key(code) : std::string(code);
  std::string up;
  for (char c : folded) up.push_back(upper(c));
  size_t length = is_valid_utf8(up) ? code_point_count(up) : up.size();
  if (is_scientific_number(folded)) {
    *reason =
        trf("USCC '{0}' is a number a spreadsheet made of the code; format the column as text (文本), "
            "type the 18-character code again and save",
            trim(code));
    return std::nullopt;
  }
  if (length != 18) {
    *reason = trf("USCC must be 18 characters, got {0}", length);
    return std::nullopt;
  }
  for (size_t i = 0; i < up.size(); ++i) {
    if (value_of(up[i]) < 0) {
      *reason = trf("USCC character {0} '{1}' is not allowed (use 0-9 and A-Z without I, O, S, V, Z)",
                    code_point_count(std::string_view(up).substr(0, i)) + 1, up.substr(i, utf8_sequence_length(up[i])));
      return std::nullopt;
    }
  }
  char expected = uscc_check_char(std::string_view(up).substr(0, 17));
  if (up[17] != expected) {
    *reason = trf("USCC check character is '{0}' but the code calls for '{1}'; check for a typo", up[17], expected);
    return std::nullopt;
  }
  return up;
}

}  // namespace roster
