// The USCC validator (GB 32100-2015): every code import and add-member see.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "roster/uscc.h"

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);

  std::string reason;
  auto code = roster::normalize_uscc(text, &reason);
  if (code) {
    // Accepted: 18 characters of the alphabet whose check character recomputes,
    // and normalising it again changes nothing.
    FUZZ_CHECK(code->size() == 18);
    FUZZ_CHECK(code->find_first_not_of(kAlphabet) == std::string::npos);
    FUZZ_CHECK(roster::uscc_check_char(std::string_view(*code).substr(0, 17)) == (*code)[17]);
    std::string again_reason;
    FUZZ_CHECK(roster::normalize_uscc(*code, &again_reason) == code);
  } else {
    FUZZ_CHECK(!reason.empty());
  }

  // A check character computed for 17 characters completes a valid code.
  char check = roster::uscc_check_char(text);
  if (check != '?') {
    FUZZ_CHECK(text.size() == 17 && kAlphabet.find(check) != std::string_view::npos);
    std::string full = text + check;
    std::string full_reason;
    FUZZ_CHECK(roster::normalize_uscc(full, &full_reason) == full);
  }
  return 0;
}
