#include "roster/date.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>

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
  const char* bad =
      GENERATE("2023-02-29", "2023-02-30", "2023-13-01", "2023-00-10", "2023-04-31", "2023-7-15", "2023/07/15",
               " 2023-07-15", "2023-07-15 ", "", "2023-07-15x", "20230715", "2023-07-1a", "+023-07-15");
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
    CHECK(std::string(e.what()) ==
          "--as-of '2023-02-30' is not a real date; write it as YYYY-MM-DD (also 2023/7/15 or 2023年7月15日)");
  }
  CHECK(roster::parse_date_option("2024年3月15日", "--as-of") == Date::from_ymd(2024, 3, 15));
}

namespace {

// The ISO text parse_date makes of `text`, or "-" when it refuses it.
std::string typed(std::string_view text) {
  auto date = roster::parse_date(text);
  return date ? date->iso() : "-";
}

roster::DateRefusal refusal(std::string_view text) {
  roster::DateRefusal why{};
  REQUIRE_FALSE(roster::parse_date(text, &why).has_value());
  return why;
}

}  // namespace

TEST_CASE("parse_date reads the dates Chinese staff type, year first", "[date]") {
  CHECK(typed("2023-07-15") == "2023-07-15");
  CHECK(typed("2023-7-5") == "2023-07-05");
  CHECK(typed("2023/07/05") == "2023-07-05");
  CHECK(typed("2023/7/5") == "2023-07-05");
  CHECK(typed("2023.7.5") == "2023-07-05");
  CHECK(typed("2023.07.15") == "2023-07-15");
  CHECK(typed("2023年7月15日") == "2023-07-15");
  CHECK(typed("2023年07月05日") == "2023-07-05");
  CHECK(typed("2023年7月5") == "2023-07-05");  // the 日 is often left off
  // Full-width digits and signs, as Chinese input methods type them (NFKC).
  CHECK(typed("２０２３年７月１５日") == "2023-07-15");
  CHECK(typed("２０２３／７／１５") == "2023-07-15");
  CHECK(typed("２０２３－０７－１５") == "2023-07-15");
  // White space around it, Unicode's included.
  CHECK(typed(" 2023/7/15 ") == "2023-07-15");
  CHECK(typed("\u30002023.7.5\u3000") == "2023-07-05");
}

TEST_CASE("parse_date drops a time of day after the date, whatever the time", "[date]") {
  CHECK(typed("2023/07/05 00:00") == "2023-07-05");
  CHECK(typed("2023/7/5 0:00") == "2023-07-05");
  CHECK(typed("2023-07-05 17:45:30") == "2023-07-05");
  CHECK(typed("2023-07-05T09:30:00") == "2023-07-05");
  CHECK(typed("2023-07-05T09:30:00Z") == "2023-07-05");
  CHECK(typed("2023-07-05 09:30:00.000") == "2023-07-05");
  CHECK(typed("2023年7月15日 10:00") == "2023-07-15");
  // Only a real time: anything else after the date is not a date.
  for (const char* bad : {"2023/07/05 24:00", "2023/07/05 10:60", "2023/07/05 10", "2023/07/05 noon",
                          "2023/07/05 10:00 pm", "2023-07-05x", "2023-07-05T", "2023/07/05 00:00:0"}) {
    CAPTURE(bad);
    CHECK(refusal(bad) == roster::DateRefusal::not_a_date);
  }
}

TEST_CASE("parse_date refuses other shapes, impossible days and years out of range, each by its reason", "[date]") {
  using roster::DateRefusal;
  for (const char* shape :
       {"", "yesterday", "7/15/2023", "15.07.2023", "2023/7", "2023/7/", "2023//15", "2023/7/15/1", "2023/7.15",
        "2023-7/15", "20231/7/15", "20230715", "2023-007-15", "2023年7月", "2023年7-15", "45122",
        "\xff"
        "2023-07-15"}) {
    CAPTURE(shape);
    CHECK(refusal(shape) == DateRefusal::not_a_date);
  }
  for (const char* impossible : {"2023-02-30", "2023/2/30", "2023/13/1", "2023-00-10", "2023年2月29日", "2023-04-31"}) {
    CAPTURE(impossible);
    CHECK(refusal(impossible) == DateRefusal::not_real);
  }
  for (const char* far : {"1899-12-31", "0999-01-01", "3000-01-01", "9999-12-31", "1899/2/30"}) {
    CAPTURE(far);
    CHECK(refusal(far) == DateRefusal::out_of_range);
  }
  CHECK(typed("1900-01-01") == "1900-01-01");
  CHECK(typed("2999-12-31") == "2999-12-31");
}

TEST_CASE("a date refusal names the forms understood, or the years roster keeps", "[date]") {
  using roster::date_refusal_message;
  using roster::DateRefusal;
  CHECK(date_refusal_message("joined date", "2023-13-01", DateRefusal::not_real) ==
        "joined date '2023-13-01' is not a real date; write it as YYYY-MM-DD (also 2023/7/15 or 2023年7月15日)");
  CHECK(date_refusal_message("--as-of", "yesterday", DateRefusal::not_a_date) ==
        "--as-of 'yesterday' is not a date; write it as YYYY-MM-DD (also 2023/7/15 or 2023年7月15日)");
  CHECK(date_refusal_message("--joined", "1899-12-31", DateRefusal::out_of_range) ==
        "--joined '1899-12-31' is outside the dates roster keeps (1900-01-01 to 2999-12-31); check the year");
}

TEST_CASE("spreadsheet day numbers count from 1900 as Excel does, leap-year bug included", "[date]") {
  using roster::date_from_spreadsheet_serial;
  auto iso = [](long serial) {
    auto d = date_from_spreadsheet_serial(serial);
    return d ? d->iso() : "-";
  };
  CHECK(iso(1) == "1900-01-01");
  CHECK(iso(59) == "1900-02-28");
  CHECK(iso(60) == "-");  // Excel's 1900-02-29, a day that never was
  CHECK(iso(61) == "1900-03-01");
  CHECK(iso(45122) == "2023-07-15");
  CHECK(iso(45658) == "2025-01-01");
  CHECK(iso(0) == "-");
  CHECK(iso(2958465) == "-");  // 9999-12-31: past the years roster keeps

  using roster::parse_spreadsheet_serial;
  CHECK(parse_spreadsheet_serial("45122") == Date::from_ymd(2023, 7, 15));
  CHECK(parse_spreadsheet_serial(" 45122.75 ") == Date::from_ymd(2023, 7, 15));  // the time of day is dropped
  CHECK(parse_spreadsheet_serial("４５１２２") == Date::from_ymd(2023, 7, 15));
  // Five digits only: "2023" is a year someone typed, not 1905-07-15.
  for (const char* other : {"2023", "123456", "45122.", "45122.5.5", "-45122", "45122x", "", "2023-07-15"}) {
    CAPTURE(other);
    CHECK_FALSE(parse_spreadsheet_serial(other).has_value());
  }
}

TEST_CASE("history stamps are shown and filtered in the local time zone", "[date]") {
  // TZ is read by the C library on each conversion; set it for this test and
  // put it back, so other tests see the process's zone.
  const char* old = std::getenv("TZ");
  std::string saved = old ? old : "";
  setenv("TZ", "Asia/Shanghai", 1);
  tzset();
  CHECK(roster::local_time_of_utc_stamp("2025-06-01T23:30:00Z") == "2025-06-02 07:30:00 +0800");
  CHECK(roster::utc_stamp_of_local_day(Date::from_ymd(2025, 6, 2)) == "2025-06-01T16:00:00Z");
  setenv("TZ", "America/New_York", 1);
  tzset();
  CHECK(roster::local_time_of_utc_stamp("2025-06-01T23:30:00Z") == "2025-06-01 19:30:00 -0400");
  CHECK(roster::local_time_of_utc_stamp("2025-01-01T12:00:00Z") == "2025-01-01 07:00:00 -0500");
  CHECK(roster::utc_stamp_of_local_day(Date::from_ymd(2025, 6, 2)) == "2025-06-02T04:00:00Z");
  setenv("TZ", "UTC", 1);
  tzset();
  CHECK(roster::local_time_of_utc_stamp("2025-06-01T23:30:00Z") == "2025-06-01 23:30:00 +0000");
  CHECK(roster::local_time_of_utc_stamp("not a stamp") == "not a stamp");
  if (old)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
}

TEST_CASE("first_of_month and last_of_month, across year ends and leap years", "[date]") {
  using roster::Date;
  CHECK(roster::first_of_month(2024, 3).iso() == "2024-03-01");
  CHECK(roster::first_of_month(2024, 13).iso() == "2025-01-01");  // month 13 runs into the next year
  CHECK(roster::first_of_month(2024, 0).iso() == "2023-12-01");   // month 0 is the December before
  CHECK(roster::first_of_month(2024, -11).iso() == "2023-01-01");
  CHECK(roster::last_of_month(Date::from_ymd(2024, 2, 10)).iso() == "2024-02-29");
  CHECK(roster::last_of_month(Date::from_ymd(2023, 2, 1)).iso() == "2023-02-28");
  CHECK(roster::last_of_month(Date::from_ymd(2024, 12, 31)).iso() == "2024-12-31");
}
