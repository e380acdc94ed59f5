#include "roster/uscc.h"

#include <catch2/catch.hpp>

using Catch::Contains;
using roster::normalize_uscc;
using roster::uscc_check_char;

namespace {

// What normalize_uscc says about `code`: the normalized code, or "refused: " and the reason.
std::string verdict(std::string_view code) {
  std::string reason;
  auto result = normalize_uscc(code, &reason);
  return result ? *result : "refused: " + reason;
}

}  // namespace

TEST_CASE("valid USCCs come back unchanged in upper case", "[uscc]") {
  const char* code = GENERATE("91310110666007217T", "91110000600037341L", "9144030071526726XG");
  CAPTURE(code);
  std::string reason = "untouched";
  auto result = normalize_uscc(code, &reason);
  REQUIRE(result.has_value());
  CHECK(*result == code);
}

TEST_CASE("lower-case USCCs are accepted and upper-cased", "[uscc]") {
  CHECK(verdict("91310110666007217t") == "91310110666007217T");
  CHECK(verdict("9144030071526726xg") == "9144030071526726XG");
}

TEST_CASE("a wrong check character is refused, naming the expected one", "[uscc]") {
  std::string reason;
  CHECK_FALSE(normalize_uscc("91110000600037341N", &reason).has_value());
  CHECK_THAT(reason, Contains("check character"));
  CHECK_THAT(reason, Contains("'L'"));
  CHECK_THAT(reason, Contains("'N'"));
}

TEST_CASE("letters outside the USCC alphabet are refused", "[uscc]") {
  std::string reason;
  CHECK_FALSE(normalize_uscc("9111000060003IOZSV", &reason).has_value());
  CHECK_THAT(reason, Contains("not allowed"));
  // The first offender is the 14th character, 'I'.
  CHECK_THAT(reason, Contains("14 'I'"));
}

TEST_CASE("a USCC of the wrong length is refused with its length", "[uscc]") {
  std::string reason;
  CHECK_FALSE(normalize_uscc("91310110666007217", &reason).has_value());
  CHECK(reason == "USCC must be 18 characters, got 17");
  CHECK_FALSE(normalize_uscc("91310110666007217T0", &reason).has_value());
  CHECK(reason == "USCC must be 18 characters, got 19");
  CHECK_FALSE(normalize_uscc("", &reason).has_value());
  CHECK(reason == "USCC must be 18 characters, got 0");
}

TEST_CASE("a USCC that a spreadsheet turned into a number is named as such, with the fix", "[uscc]") {
  std::string reason;
  for (auto [mangled, shown] : std::vector<std::pair<std::string, std::string>>{{"9.13310E+17", "9.13310E+17"},
                                                                                {"9.1331E+17", "9.1331E+17"},
                                                                                {"9.13310e+17", "9.13310e+17"},
                                                                                {"9E+17", "9E+17"},
                                                                                {" 9.13310E+17 ", "9.13310E+17"}}) {
    INFO(mangled);
    CHECK_FALSE(normalize_uscc(mangled, &reason).has_value());
    CHECK(reason == "USCC '" + shown +
                        "' is a number a spreadsheet made of the code; format the column as text (文本), type the "
                        "18-character code again and save");
  }
  CHECK_FALSE(normalize_uscc("9.13310E17", &reason).has_value());
  CHECK(reason == "USCC must be 18 characters, got 10");
}

TEST_CASE("uscc_check_char computes the 18th character from the first 17", "[uscc]") {
  CHECK(uscc_check_char("91310110666007217") == 'T');
  CHECK(uscc_check_char("91110000600037341") == 'L');
  CHECK(uscc_check_char("9144030071526726X") == 'G');
  // Outside the alphabet, or the wrong length: no check character.
  CHECK(uscc_check_char("9111000060003IOZS") == '?');
  CHECK(uscc_check_char("9131011066600721") == '?');
}

TEST_CASE("USCC typed with full-width characters is folded to ASCII, other scripts are named", "[uscc]") {
  std::string reason;
  // ９１３１… as a Chinese input method types it.
  auto code = normalize_uscc("\uFF19\uFF11310110666007217\uFF54", &reason);
  REQUIRE(code.has_value());
  CHECK(*code == "91310110666007217T");
  CHECK_FALSE(normalize_uscc("9131011066600721号T", &reason).has_value());
  CHECK(reason == "USCC character 17 '号' is not allowed (use 0-9 and A-Z without I, O, S, V, Z)");
}
