#include "roster/date.h"

#include <fmt/core.h>

#include <chrono>
#include <ctime>

#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {
namespace {

namespace chr = std::chrono;

chr::year_month_day ymd_of(int days) {
  return chr::year_month_day{chr::sys_days{chr::days{days}}};
}

bool real_day(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return chr::year_month_day{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                             chr::day{static_cast<unsigned>(day)}}
      .ok();
}

bool in(size_t n, size_t low, size_t high) {
  return n >= low && n <= high;
}

// Reads the run of ASCII digits at t[i]; returns how many there were. The
// value is only meaningful for a short run (callers check the count).
size_t read_digits(std::string_view t, size_t& i, int& value) {
  size_t start = i;
  value = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
    if (i - start < 9) value = value * 10 + (t[i] - '0');
    ++i;
  }
  return i - start;
}

// What may follow a date: nothing, or a time of day after a space or 'T'
// (name_key made it 't'): H:MM, H:MM:SS or H:MM:SS.fff, then an optional 'Z'.
bool time_of_day(std::string_view rest) {
  if (rest.empty()) return true;
  if (rest[0] != ' ' && rest[0] != 't') return false;
  size_t i = 1;
  int hour = 0, minute = 0, second = 0, fraction = 0;
  if (!in(read_digits(rest, i, hour), 1, 2) || hour > 23 || i == rest.size() || rest[i++] != ':') return false;
  if (read_digits(rest, i, minute) != 2 || minute > 59) return false;
  if (i < rest.size() && rest[i] == ':') {
    ++i;
    if (read_digits(rest, i, second) != 2 || second > 59) return false;
    if (i < rest.size() && rest[i] == '.' && read_digits(rest, ++i, fraction) == 0) return false;
  }
  if (i < rest.size() && rest[i] == 'z') ++i;
  return i == rest.size();
}

constexpr std::string_view kYearMark = "年", kMonthMark = "月", kDayMark = "日";
constexpr const char* kDateForms = N_("write it as YYYY-MM-DD (also 2023/7/15 or 2023年7月15日)");

}  // namespace

Date Date::from_ymd(int year, int month, int day) {
  chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                          chr::day{static_cast<unsigned>(day)}};
  return Date(chr::sys_days{ymd}.time_since_epoch().count());
}

int Date::year() const {
  return static_cast<int>(ymd_of(days_).year());
}
int Date::month() const {
  return static_cast<int>(static_cast<unsigned>(ymd_of(days_).month()));
}
int Date::day() const {
  return static_cast<int>(static_cast<unsigned>(ymd_of(days_).day()));
}

std::string Date::iso() const {
  return fmt::format("{:04d}-{:02d}-{:02d}", year(), month(), day());
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!all_ascii_digits(y) || !all_ascii_digits(m) || !all_ascii_digits(d)) return std::nullopt;
  int year = digits_value(y), month = digits_value(m), day = digits_value(d);
  if (year < kFirstYear) return std::nullopt;
  if (!real_day(year, month, day)) return std::nullopt;
  return Date::from_ymd(year, month, day);
}

std::optional<Date> parse_date(std::string_view text, DateRefusal* why) {
  auto refuse = [&](DateRefusal reason) -> std::optional<Date> {
    if (why) *why = reason;
    return std::nullopt;
  };
  // The stored form first: most imported dates are already ISO, and this
  // skips the Unicode folding below.
  if (auto iso = parse_iso_date(text); iso && iso->year() <= kLastYear) return iso;
  // NFKC makes full-width digits and signs ASCII (and T lower case); the
  // same folding names are compared by.
  std::string key = name_key(trim(text));
  std::string_view t = key;
  size_t i = 0;
  int year = 0, month = 0, day = 0;
  if (read_digits(t, i, year) != 4) return refuse(DateRefusal::not_a_date);
  if (t.substr(i).starts_with(kYearMark)) {
    i += kYearMark.size();
    if (!in(read_digits(t, i, month), 1, 2) || !t.substr(i).starts_with(kMonthMark)) {
      return refuse(DateRefusal::not_a_date);
    }
    i += kMonthMark.size();
    if (!in(read_digits(t, i, day), 1, 2)) return refuse(DateRefusal::not_a_date);
    if (t.substr(i).starts_with(kDayMark)) i += kDayMark.size();
  } else {
    if (i == t.size() || (t[i] != '-' && t[i] != '/' && t[i] != '.')) return refuse(DateRefusal::not_a_date);
    char sep = t[i++];
    if (!in(read_digits(t, i, month), 1, 2) || i == t.size() || t[i++] != sep) return refuse(DateRefusal::not_a_date);
    if (!in(read_digits(t, i, day), 1, 2)) return refuse(DateRefusal::not_a_date);
  }
  if (!time_of_day(t.substr(i))) return refuse(DateRefusal::not_a_date);
  if (year < kFirstYear || year > kLastYear) return refuse(DateRefusal::out_of_range);
  if (!real_day(year, month, day)) return refuse(DateRefusal::not_real);
  return Date::from_ymd(year, month, day);
}

std::string date_refusal_message(std::string_view what, std::string_view text, DateRefusal why) {
  switch (why) {
    case DateRefusal::out_of_range:
      return trf("{0} '{1}' is outside the dates roster keeps ({2:04d}-01-01 to {3:04d}-12-31); check the year", what,
                 text, kFirstYear, kLastYear);
    case DateRefusal::not_real:
      return trf("{0} '{1}' is not a real date; {2}", what, text, tr(kDateForms));
    case DateRefusal::not_a_date:
      break;
  }
  return trf("{0} '{1}' is not a date; {2}", what, text, tr(kDateForms));
}

Date parse_date_option(std::string_view text, std::string_view option) {
  DateRefusal why{};
  auto date = parse_date(text, &why);
  if (!date) throw usage_error(date_refusal_message(option, text, why));
  return *date;
}

std::optional<Date> date_from_spreadsheet_serial(long serial) {
  // Serial 60 is Excel's 29 February 1900, kept for Lotus 1-2-3's sake.
  if (serial < 1 || serial == 60) return std::nullopt;
  constexpr long kDay0 = -25568;  // 1899-12-31, days since 1970-01-01
  long days = kDay0 + serial - (serial > 60 ? 1 : 0);
  if (days > Date::from_ymd(kLastYear, 12, 31).days()) return std::nullopt;
  return Date::from_days(static_cast<int>(days));
}

std::optional<Date> parse_spreadsheet_serial(std::string_view text) {
  std::string key = name_key(trim(text));
  std::string_view t = key;
  size_t i = 0;
  int serial = 0, fraction = 0;
  if (read_digits(t, i, serial) != 5) return std::nullopt;
  if (i < t.size() && (t[i] != '.' || read_digits(t, ++i, fraction) == 0 || i != t.size())) return std::nullopt;
  return date_from_spreadsheet_serial(serial);
}

std::string utc_stamp_of_local_day(Date day) {
  std::tm local{};
  local.tm_year = day.year() - 1900;
  local.tm_mon = day.month() - 1;
  local.tm_mday = day.day();
  local.tm_isdst = -1;  // whatever the zone says for that day
  std::time_t start = std::mktime(&local);
  std::tm utc{};
  gmtime_r(&start, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

std::string local_time_of_utc_stamp(std::string_view stamp) {
  // Exactly "YYYY-MM-DDTHH:MM:SSZ", as roster writes it.
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  bool ok = stamp.size() == kShape.size();
  for (size_t i = 0; ok && i < kShape.size(); ++i) {
    ok = kShape[i] == 'd' ? (stamp[i] >= '0' && stamp[i] <= '9') : stamp[i] == kShape[i];
  }
  if (!ok) return std::string(stamp);
  std::tm utc{};
  utc.tm_year = digits_value(stamp.substr(0, 4)) - 1900;
  utc.tm_mon = digits_value(stamp.substr(5, 2)) - 1;
  utc.tm_mday = digits_value(stamp.substr(8, 2));
  utc.tm_hour = digits_value(stamp.substr(11, 2));
  utc.tm_min = digits_value(stamp.substr(14, 2));
  utc.tm_sec = digits_value(stamp.substr(17, 2));
  std::time_t moment = timegm(&utc);
  std::tm local{};
  localtime_r(&moment, &local);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %z", &local);
  return buf;
}

Date first_of_month(int year, int month) {
  int months = year * 12 + (month - 1);                    // since January of year 0
  int y = months >= 0 ? months / 12 : (months - 11) / 12;  // rounded down
  return Date::from_ymd(y, months - y * 12 + 1, 1);
}

Date last_of_month(Date d) {
  return first_of_month(d.year(), d.month() + 1).plus_days(-1);
}

Date today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

}  // namespace roster
