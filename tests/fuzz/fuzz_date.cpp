// Dates: strict ISO parse_iso_date (every stored date), parse_date (every
// date people type: options and import cells) and import's spreadsheet day
// numbers (parse_spreadsheet_serial).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "roster/date.h"
#include "roster/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);

  auto date = roster::parse_iso_date(text);
  if (date) {
    // Round trip: a date that parses prints as exactly what was parsed, and
    // that parses back to the same day.
    FUZZ_CHECK(date->iso() == text);
    FUZZ_CHECK(roster::parse_iso_date(date->iso()) == date);
    FUZZ_CHECK(roster::Date::from_ymd(date->year(), date->month(), date->day()) == *date);
    FUZZ_CHECK(date->year() >= 1900 && date->year() <= 9999);
  }

  // parse_date takes every strict ISO date in the supported years, gives a
  // real day in those years, and its ISO form reads back as the same day.
  roster::DateRefusal why{};
  auto typed = roster::parse_date(text, &why);
  if (date && date->year() <= roster::kLastYear) FUZZ_CHECK(typed == date);
  if (typed) {
    FUZZ_CHECK(typed->year() >= roster::kFirstYear && typed->year() <= roster::kLastYear);
    FUZZ_CHECK(roster::parse_date(typed->iso()) == typed);
  }
  try {
    FUZZ_CHECK(roster::parse_date_option(text, "--as-of") == typed);
  } catch (const roster::Error& e) {
    FUZZ_CHECK(!typed && e.exit_code() == roster::kExitUsage);
  }

  if (auto serial = roster::parse_spreadsheet_serial(text)) {
    FUZZ_CHECK(serial->year() >= roster::kFirstYear && serial->year() <= roster::kLastYear);
  }
  return 0;
}
