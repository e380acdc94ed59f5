// Dates: strict ISO parse_iso_date (every --as-of, every stored date) and
// import's lenient normalize_import_date ("2023/7/15" -> "2023-07-15").
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "roster/date.h"
#include "roster/error.h"
#include "roster/member_import.h"

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
  try {
    FUZZ_CHECK(roster::parse_date_option(text, "--as-of") == date);
  } catch (const roster::Error& e) {
    FUZZ_CHECK(!date && e.exit_code() == roster::kExitUsage);
  }

  // normalize_import_date: idempotent, and a date it makes is a real ISO date.
  std::string normal = roster::normalize_import_date(text);
  FUZZ_CHECK(roster::normalize_import_date(normal) == normal);
  if (auto d = roster::parse_iso_date(normal)) FUZZ_CHECK(d->iso() == normal);
  return 0;
}
