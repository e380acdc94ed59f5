#include "roster/report_period.h"

#include <catch2/catch.hpp>

using roster::Date;
using roster::iso_week;
using roster::iso_weeks_in_year;
using roster::last_complete_period;
using roster::parse_period;
using roster::period_containing;
using roster::PeriodKind;
using roster::ReportPeriod;

namespace {

Date ymd(int y, int m, int d) {
  return Date::from_ymd(y, m, d);
}

std::string span(const ReportPeriod& p) {
  return p.label() + " " + p.first.iso() + ".." + p.last.iso();
}

std::string span(const std::optional<ReportPeriod>& p) {
  return p ? span(*p) : "none";
}

}  // namespace

TEST_CASE("ISO weeks: week 1 holds the year's first Thursday", "[period]") {
  // 2024-01-01 is a Monday, so 2024-W01 starts on it.
  CHECK(span(period_containing(PeriodKind::week, ymd(2024, 1, 1))) == "2024-W01 2024-01-01..2024-01-07");
  // 2024-12-30 (Monday) starts the week holding Thursday 2025-01-02: 2025-W01.
  CHECK(span(period_containing(PeriodKind::week, ymd(2024, 12, 31))) == "2025-W01 2024-12-30..2025-01-05");
  // 2021-01-03 is a Sunday whose Thursday was 2020-12-31: the last week of 2020, W53.
  CHECK(span(period_containing(PeriodKind::week, ymd(2021, 1, 3))) == "2020-W53 2020-12-28..2021-01-03");
  // 2026 starts on a Thursday, so it has 53 weeks; the 53rd runs into 2027.
  CHECK(span(period_containing(PeriodKind::week, ymd(2027, 1, 3))) == "2026-W53 2026-12-28..2027-01-03");
  CHECK(iso_week(ymd(2023, 1, 1)).year == 2022);
  CHECK(iso_week(ymd(2023, 1, 1)).week == 52);
}

TEST_CASE("years with 53 ISO weeks start on a Thursday, or a Wednesday in a leap year", "[period]") {
  CHECK(iso_weeks_in_year(2020) == 53);  // leap year starting on Wednesday
  CHECK(iso_weeks_in_year(2026) == 53);  // starts on Thursday
  CHECK(iso_weeks_in_year(2015) == 53);  // starts on Thursday
  for (int year : {2021, 2022, 2023, 2024, 2025, 2027}) {
    CAPTURE(year);
    CHECK(iso_weeks_in_year(year) == 52);
  }
}

TEST_CASE("week, month and quarter labels parse to their first and last days", "[period]") {
  CHECK(span(parse_period(PeriodKind::week, "2024-W10")) == "2024-W10 2024-03-04..2024-03-10");
  CHECK(span(parse_period(PeriodKind::week, "2024-w01")) == "2024-W01 2024-01-01..2024-01-07");
  CHECK(span(parse_period(PeriodKind::week, "2026-W53")) == "2026-W53 2026-12-28..2027-01-03");
  CHECK(span(parse_period(PeriodKind::month, "2024-02")) == "2024-02 2024-02-01..2024-02-29");
  CHECK(span(parse_period(PeriodKind::month, "2023-12")) == "2023-12 2023-12-01..2023-12-31");
  CHECK(span(parse_period(PeriodKind::quarter, "2024-Q1")) == "2024-Q1 2024-01-01..2024-03-31");
  CHECK(span(parse_period(PeriodKind::quarter, "2024-q4")) == "2024-Q4 2024-10-01..2024-12-31");
}

TEST_CASE("labels that name no period are refused", "[period]") {
  for (const char* bad :
       {"2025-W53", "2024-W00", "2024-W54", "2024-W1", "2024W10", "2024-X10", "24-W10", "", "1899-W10", "2024-W1a"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_period(PeriodKind::week, bad));
  }
  for (const char* bad : {"2024-00", "2024-13", "2024-3", "2024-03-01", "2024-Q1"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_period(PeriodKind::month, bad));
  }
  for (const char* bad : {"2024-Q0", "2024-Q5", "2024-Q", "2024-1", "2024-03"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_period(PeriodKind::quarter, bad));
  }
}

TEST_CASE("the default period is the last one that ended before the report date", "[period]") {
  // Monday 2024-03-11: the week just ended is W10. On Sunday 2024-03-10, W10 is still running.
  CHECK(span(last_complete_period(PeriodKind::week, ymd(2024, 3, 11))) == "2024-W10 2024-03-04..2024-03-10");
  CHECK(span(last_complete_period(PeriodKind::week, ymd(2024, 3, 10))) == "2024-W09 2024-02-26..2024-03-03");
  // Across the year: on 2024-01-01 the last complete week is 2023-W52.
  CHECK(span(last_complete_period(PeriodKind::week, ymd(2024, 1, 1))) == "2023-W52 2023-12-25..2023-12-31");
  CHECK(span(last_complete_period(PeriodKind::month, ymd(2024, 3, 1))) == "2024-02 2024-02-01..2024-02-29");
  CHECK(span(last_complete_period(PeriodKind::month, ymd(2024, 1, 15))) == "2023-12 2023-12-01..2023-12-31");
  CHECK(span(last_complete_period(PeriodKind::quarter, ymd(2024, 4, 1))) == "2024-Q1 2024-01-01..2024-03-31");
  CHECK(span(last_complete_period(PeriodKind::quarter, ymd(2024, 3, 31))) == "2023-Q4 2023-10-01..2023-12-31");
}

TEST_CASE("periods step back and forth without gaps or overlaps", "[period]") {
  for (PeriodKind kind : {PeriodKind::week, PeriodKind::month, PeriodKind::quarter}) {
    ReportPeriod p = period_containing(kind, ymd(2023, 11, 20));
    for (int i = 0; i < 70; ++i) {
      ReportPeriod next = p.next();
      CAPTURE(span(p));
      CHECK(next.first == p.last.plus_days(1));
      CHECK(next.previous() == p);
      CHECK(parse_period(kind, p.label()) == p);
      p = next;
    }
  }
}
