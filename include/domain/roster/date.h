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

/// The years roster keeps: a date outside them is refused by saying so.
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2999;

/// Parses the stored form, strict ISO "YYYY-MM-DD"; nullopt for any other
/// shape or an impossible date such as 2023-02-30. For text roster wrote
/// itself (the database); what people type goes through parse_date.
std::optional<Date> parse_iso_date(std::string_view text);

/// Why parse_date refused a text.
enum class DateRefusal {
  not_a_date,    ///< no date shape at all ("yesterday", "7/15/2023")
  not_real,      ///< the shape of a date, but no such day (2023-02-30)
  out_of_range,  ///< a real day outside kFirstYear..kLastYear
};

/// A date as people type it: ISO 2023-07-05; year first with '-', '/' or
/// '.' and the month and day with or without a leading zero (2023-7-5,
/// 2023/07/05, 2023.7.5); 2023年7月5日. Full-width digits and signs are read
/// as ASCII (NFKC), white space around it is ignored, and a time of day after
/// it (2023/07/05 00:00, 2023-07-05T09:30:00) is dropped. The one parser of
/// every date option and every imported date; nullopt, with `why` set, for
/// anything else.
std::optional<Date> parse_date(std::string_view text, DateRefusal* why = nullptr);

/// The refusal of `text` for `what` (e.g. "--as-of", "joined date"), naming
/// the forms understood or the supported range.
std::string date_refusal_message(std::string_view what, std::string_view text, DateRefusal why);

/// parse_date, or a usage error naming the option (date_refusal_message).
Date parse_date_option(std::string_view text, std::string_view option);

/// A spreadsheet's day number (Excel and WPS, 1900 date system) as a date:
/// 1 is 1900-01-01 and 45122 is 2023-07-15. Excel counts a 29 February 1900
/// that never was (serial 60, refused), so serials from 61 on are one more
/// than the days since 1899-12-31. Outside kFirstYear..kLastYear: nullopt.
std::optional<Date> date_from_spreadsheet_serial(long serial);

/// An import cell holding a spreadsheet day number: five digits, optionally
/// with a fraction (the time of day, dropped), e.g. "45122" or "45122.5".
/// Only import reads these; a date option never does.
std::optional<Date> parse_spreadsheet_serial(std::string_view text);

/// The UTC timestamp ("2025-06-01T16:00:00Z") of the first moment of local
/// day `day` in the local time zone (TZ, else the system's): where a history
/// filter by local date starts.
std::string utc_stamp_of_local_day(Date day);

/// A stored UTC timestamp ("2025-06-01T23:30:00Z") in the local time zone,
/// with its offset: "2025-06-02 07:30:00 +0800". Other text comes back
/// unchanged.
std::string local_time_of_utc_stamp(std::string_view stamp);

/// The first day of month `month` of `year`; a month past 12 or before 1
/// runs into the next or previous years (month 13 of 2024 is January 2025).
Date first_of_month(int year, int month);

/// The last day of the month `d` falls in.
Date last_of_month(Date d);

/// Today in the local time zone.
Date today();

}  // namespace roster
