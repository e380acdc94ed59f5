#include "roster/date.h"

#include <catch2/catch.hpp>

#include "roster/error.h"

using roster::Date;
using roster::parse_iso_date;

namespace {

// The ISO text of a date parsed from ISO text, or "-" when parsing refused it.
std::string round_trip(std::string_view text) {
  auto date = parse_iso_date(text);
  return date ? date->iso() : "-";
}

}  // namespace

TEST_CASE("parse_iso_date accepts real dates in strict ISO form", "[date]") {
  auto d = parse_iso_date("2023-07-15");
  REQUIRE(d.has_value());
  CHECK(d->year() == 2023);
  CHECK(d->month() == 7);
  CHECK(d->day() == 15);
  CHECK(*d == Date::from_ymd(2023, 7, 15));

  auto leap = parse_iso_date("2024-02-29");
  REQUIRE(leap.has_value());
  CHECK(*leap == Date::from_ymd(2024, 2, 29));
}

TEST_CASE("parse_iso_date refuses impossible dates and other shapes", "[date]") {
  const char* bad = GENERATE("2023-02-29", "2023-02-30", "2023-13-01", "2023-00-10", "2023-04-31",
                             "2023-7-15", "2023/07/15", " 2023-07-15", "2023-07-15 ", "", "2023-07-15x",
                             "20230715", "2023-07-1a", "+023-07-15");
  CAPTURE(bad);
  CHECK_FALSE(parse_iso_date(bad).has_value());
}

TEST_CASE("iso() writes back exactly what was parsed", "[date]") {
  CHECK(round_trip("2023-07-15") == "2023-07-15");
  CHECK(round_trip("2024-02-29") == "2024-02-29");
  CHECK(round_trip("1999-12-31") == "1999-12-31");
  CHECK(round_trip("2025-01-01") == "2025-01-01");
  CHECK(Date::from_ymd(2026, 3, 5).iso() == "2026-03-05");
  CHECK(Date::from_days(0).iso() == "1970-01-01");
}

TEST_CASE("plus_days crosses month, year and leap-day boundaries", "[date]") {
  CHECK(Date::from_ymd(2024, 2, 28).plus_days(1).iso() == "2024-02-29");
  CHECK(Date::from_ymd(2024, 2, 29).plus_days(1).iso() == "2024-03-01");
  CHECK(Date::from_ymd(2023, 2, 28).plus_days(1).iso() == "2023-03-01");
  CHECK(Date::from_ymd(2023, 12, 31).plus_days(1).iso() == "2024-01-01");
  CHECK(Date::from_ymd(2024, 1, 1).plus_days(-1).iso() == "2023-12-31");
  CHECK(Date::from_ymd(2023, 7, 31).plus_days(1).iso() == "2023-08-01");
  // 2024 is a leap year: 366 days from 2024-01-01 is 2025-01-01.
  CHECK(Date::from_ymd(2024, 1, 1).plus_days(366).iso() == "2025-01-01");
  CHECK(Date::from_ymd(2023, 7, 15).plus_days(731).iso() == "2025-07-15");
  CHECK(Date::from_ymd(2023, 7, 15).plus_days(0) == Date::from_ymd(2023, 7, 15));
}

TEST_CASE("dates order by calendar position", "[date]") {
  Date a = Date::from_ymd(2023, 12, 31), b = Date::from_ymd(2024, 1, 1);
  CHECK(a < b);
  CHECK(b > a);
  CHECK(a <= a);
  CHECK(a != b);
  CHECK(a.plus_days(1) == b);
  CHECK(Date::from_ymd(2023, 2, 1) < Date::from_ymd(2023, 10, 1));
  CHECK(b.days() - a.days() == 1);
}

TEST_CASE("parse_date_option throws a usage error that shows the right form", "[date]") {
  CHECK(roster::parse_date_option("2024-03-15", "--as-of") == Date::from_ymd(2024, 3, 15));
  try {
    roster::parse_date_option("2023-02-30", "--as-of");
    FAIL("no exception for 2023-02-30");
  } catch (const roster::Error& e) {
    CHECK(e.exit_code() == 2);
    CHECK(e.exit_code() == roster::kExitUsage);
    std::string what = e.what();
    CHECK_THAT(what, Catch::Contains("YYYY-MM-DD"));
    CHECK_THAT(what, Catch::Contains("--as-of"));
    CHECK_THAT(what, Catch::Contains("2023-02-30"));
  }
}
