#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace roster {

/// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
class Date {
 public:
  Date() = default;
  /// Builds a date from its parts; the caller guarantees it is a real date.
  static Date from_ymd(int year, int month, int day);
  static Date from_days(int days) { return Date(days); }

  int days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  /// "YYYY-MM-DD".
  std::string iso() const;
  Date plus_days(int n) const { return Date(days_ + n); }

  auto operator<=>(const Date&) const = default;

 private:
  explicit Date(int days) : days_(days) {}
  int days_ = 0;
};

/// Parses strict ISO "YYYY-MM-DD"; nullopt for any other shape or an impossible
/// date such as 2023-02-30.
std::optional<Date> parse_iso_date(std::string_view text);

/// Like parse_iso_date but throws a usage error naming the option on failure.
Date parse_date_option(std::string_view text, std::string_view option);

/// Today in the local time zone.
Date today();

}  // namespace roster
