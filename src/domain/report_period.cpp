#include "roster/report_period.h"

#include <fmt/core.h>

#include <chrono>

#include "roster/text.h"

namespace roster {
namespace {

namespace chr = std::chrono;

// 1 = Monday … 7 = Sunday.
int iso_weekday(Date d) {
  return static_cast<int>(chr::weekday{chr::sys_days{chr::days{d.days()}}}.iso_encoding());
}

Date monday_of(Date d) {
  return d.plus_days(1 - iso_weekday(d));
}

// The Monday of week 1: the week with the year's first Thursday, i.e. the one holding 4 January.
Date first_iso_monday(int year) {
  return monday_of(Date::from_ymd(year, 1, 4));
}

ReportPeriod month_span(int year, int month, int months) {
  Date first = first_of_month(year, month);
  return {PeriodKind::month, first, first_of_month(year, month + months).plus_days(-1)};
}

int number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::string period_kind_name(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::week:
      return "week";
    case PeriodKind::month:
      return "month";
    case PeriodKind::quarter:
      return "quarter";
  }
  return "?";
}

std::optional<PeriodKind> parse_period_kind(std::string_view name) {
  for (PeriodKind k : {PeriodKind::week, PeriodKind::month, PeriodKind::quarter}) {
    if (period_kind_name(k) == name) return k;
  }
  return std::nullopt;
}

IsoWeek iso_week(Date date) {
  // The week belongs to the year its Thursday falls in.
  int year = date.plus_days(4 - iso_weekday(date)).year();
  return {year, (monday_of(date).days() - first_iso_monday(year).days()) / 7 + 1};
}

int iso_weeks_in_year(int year) {
  return iso_week(Date::from_ymd(year, 12, 28)).week;
}

std::string ReportPeriod::label() const {
  switch (kind) {
    case PeriodKind::week: {
      IsoWeek w = iso_week(first);
      return fmt::format("{:04d}-W{:02d}", w.year, w.week);
    }
    case PeriodKind::month:
      return fmt::format("{:04d}-{:02d}", first.year(), first.month());
    case PeriodKind::quarter:
      return fmt::format("{:04d}-Q{}", first.year(), (first.month() - 1) / 3 + 1);
  }
  return "?";
}

ReportPeriod ReportPeriod::previous() const {
  return period_containing(kind, first.plus_days(-1));
}

ReportPeriod ReportPeriod::next() const {
  return period_containing(kind, last.plus_days(1));
}

ReportPeriod period_containing(PeriodKind kind, Date date) {
  switch (kind) {
    case PeriodKind::week: {
      Date monday = monday_of(date);
      return {kind, monday, monday.plus_days(6)};
    }
    case PeriodKind::month:
      return month_span(date.year(), date.month(), 1);
    case PeriodKind::quarter: {
      ReportPeriod p = month_span(date.year(), (date.month() - 1) / 3 * 3 + 1, 3);
      p.kind = kind;
      return p;
    }
  }
  return {};
}

ReportPeriod last_complete_period(PeriodKind kind, Date as_of) {
  return period_containing(kind, as_of).previous();
}

std::optional<ReportPeriod> parse_period(PeriodKind kind, std::string_view label) {
  if (label.size() < 7 || label[4] != '-' || !all_ascii_digits(label.substr(0, 4))) return std::nullopt;
  int year = number(label.substr(0, 4));
  if (year < 1900) return std::nullopt;
  std::string_view rest = label.substr(5);
  switch (kind) {
    case PeriodKind::week: {
      if (rest.size() != 3 || (rest[0] != 'W' && rest[0] != 'w') || !all_ascii_digits(rest.substr(1)))
        return std::nullopt;
      int week = number(rest.substr(1));
      if (week < 1 || week > iso_weeks_in_year(year)) return std::nullopt;
      Date monday = first_iso_monday(year).plus_days(7 * (week - 1));
      return ReportPeriod{kind, monday, monday.plus_days(6)};
    }
    case PeriodKind::month: {
      if (rest.size() != 2 || !all_ascii_digits(rest)) return std::nullopt;
      int month = number(rest);
      if (month < 1 || month > 12) return std::nullopt;
      return month_span(year, month, 1);
    }
    case PeriodKind::quarter: {
      if (rest.size() != 2 || (rest[0] != 'Q' && rest[0] != 'q') || rest[1] < '1' || rest[1] > '4') {
        return std::nullopt;
      }
      return period_containing(kind, Date::from_ymd(year, (rest[1] - '1') * 3 + 1, 1));
    }
  }
  return std::nullopt;
}

}  // namespace roster
