#include "roster/date.h"

#include <chrono>
#include <ctime>

#include <fmt/core.h>

#include "roster/error.h"

namespace roster {
namespace {

namespace chr = std::chrono;

chr::year_month_day ymd_of(int days) { return chr::year_month_day{chr::sys_days{chr::days{days}}}; }

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

Date Date::from_ymd(int year, int month, int day) {
  chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                          chr::day{static_cast<unsigned>(day)}};
  return Date(chr::sys_days{ymd}.time_since_epoch().count());
}

int Date::year() const { return static_cast<int>(ymd_of(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days_).day())); }

std::string Date::iso() const { return fmt::format("{:04d}-{:02d}-{:02d}", year(), month(), day()); }

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  int year = to_int(y), month = to_int(m), day = to_int(d);
  if (year < 1900) return std::nullopt;
  chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                          chr::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Date::from_ymd(year, month, day);
}

Date parse_date_option(std::string_view text, std::string_view option) {
  auto date = parse_iso_date(text);
  if (!date) {
    throw usage_error(fmt::format("{} '{}' is not a real date; write it as YYYY-MM-DD, e.g. 2024-03-15",
                                  option, text));
  }
  return *date;
}

Date today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

}  // namespace roster
