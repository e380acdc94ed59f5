#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace roster {

/// The Unified Social Credit Code (统一社会信用代码) rules of GB 32100-2015.
/// Returns the code in upper case if valid (lower case is accepted), or
/// nullopt and fills `reason` with what is wrong.
std::optional<std::string> normalize_uscc(std::string_view code, std::string* reason);

/// The check character (18th) that the first 17 characters call for; '?' if
/// any of them is outside the USCC alphabet.
char uscc_check_char(std::string_view first17);

}  // namespace roster
