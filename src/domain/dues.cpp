#include "roster/dues.h"

#include <fmt/core.h>

#include <algorithm>

#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {
namespace {

constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// The day `md` in calendar year `year`; 02-29 in a common year is 02-28.
Date on_day(int year, MonthDay md) {
  if (md.month == 2 && md.day == 29 && !is_leap(year)) return Date::from_ymd(year, 2, 28);
  return Date::from_ymd(year, md.month, md.day);
}

// Reads 1-2 digits at `i`.
bool two_digits(std::string_view t, size_t& i, int& value) {
  size_t start = i;
  value = 0;
  while (i < t.size() && i - start < 3 && t[i] >= '0' && t[i] <= '9') value = value * 10 + (t[i++] - '0');
  return i - start >= 1 && i - start <= 2;
}

}  // namespace

std::optional<MonthDay> parse_month_day(std::string_view text) {
  std::string key = name_key(trim(text));  // full-width digits to ASCII
  std::string_view t = key;
  size_t i = 0;
  MonthDay md;
  if (!two_digits(t, i, md.month) || i == t.size()) return std::nullopt;
  if (t.substr(i).starts_with("月")) {
    i += std::string_view("月").size();
  } else if (t[i] == '-' || t[i] == '/') {
    ++i;
  } else {
    return std::nullopt;
  }
  if (!two_digits(t, i, md.day)) return std::nullopt;
  if (t.substr(i).starts_with("日")) i += std::string_view("日").size();
  if (i != t.size() || md.month < 1 || md.month > 12 || md.day < 1 || md.day > kDaysInMonth[md.month - 1]) {
    return std::nullopt;
  }
  return md;
}

std::string month_day_text(MonthDay md) {
  return fmt::format("{:02d}-{:02d}", md.month, md.day);
}

std::vector<std::string> policy_problems(const DuesPolicy& p) {
  std::vector<std::string> problems;
  if (p.prorate_percent < 0 || p.prorate_percent > 100) {
    problems.push_back(trf("the proration percent {0} is not from 0 to 100; give e.g. 50 for half the year's dues",
                           p.prorate_percent));
  }
  if (p.grace_months < 0 || p.suspend_months < 0 || p.lapse_months < 0) {
    problems.push_back(tr("a month offset is below zero; give the months after the due date, e.g. 0, 6 and 12"));
  } else if (p.grace_months > p.suspend_months || p.suspend_months > p.lapse_months) {
    problems.push_back(
        trf("the offsets must not decrease: grace {0} ≤ suspension {1} ≤ lapse {2} months; e.g. 0, 6 and 12",
            p.grace_months, p.suspend_months, p.lapse_months));
  }
  if (p.lapse_months > 120) problems.push_back(tr("the lapse offset is over 120 months; give at most 10 years"));
  return problems;
}

DuesYear dues_year(const DuesPolicy& policy, int year) {
  Date first = on_day(year, policy.year_start);
  Date next = on_day(year + 1, policy.year_start);
  return {year, first, next.plus_days(-1)};
}

int dues_year_of(const DuesPolicy& policy, Date day) {
  int year = day.year();
  return day < on_day(year, policy.year_start) ? year - 1 : year;
}

Date date_in_dues_year(const DuesPolicy& policy, int year, MonthDay md) {
  Date in_start_year = on_day(year, md);
  return in_start_year < dues_year(policy, year).first ? on_day(year + 1, md) : in_start_year;
}

Date add_months(Date day, int months) {
  Date first = first_of_month(day.year(), day.month() + months);
  return std::min(first.plus_days(day.day() - 1), last_of_month(first));
}

std::optional<ScheduleEntry> entry_in_force(const std::vector<ScheduleEntry>& schedule, Tier tier, Date day) {
  const ScheduleEntry* best = nullptr;
  for (const auto& e : schedule) {
    if (e.tier == tier && e.from <= day && (!best || e.from > best->from)) best = &e;
  }
  return best ? std::optional(*best) : std::nullopt;
}

std::vector<Fen> amounts_in_force(const std::vector<ScheduleEntry>& schedule, Date day) {
  std::vector<Fen> amounts;
  for (Tier tier : {Tier::president, Tier::vice_president, Tier::council, Tier::member}) {
    auto e = entry_in_force(schedule, tier, day);
    if (e && std::find(amounts.begin(), amounts.end(), e->amount) == amounts.end()) amounts.push_back(e->amount);
  }
  std::sort(amounts.begin(), amounts.end());
  return amounts;
}

std::optional<Charge> charge_for(int64_t member_id, const std::vector<Period>& periods, Tier tier, int year,
                                 const DuesPolicy& policy, const std::vector<ScheduleEntry>& schedule, Date billed_on) {
  DuesYear y = dues_year(policy, year);
  Date until = std::min(y.last, billed_on);
  std::optional<Date> first_day;
  for (const auto& p : periods) {
    Date from = std::max(p.joined, y.first);
    Date to = p.left ? std::min(p.left->plus_days(-1), until) : until;  // the left day is not a member day
    if (from <= to && (!first_day || from < *first_day)) first_day = from;
  }
  if (!first_day) return std::nullopt;
  auto entry = entry_in_force(schedule, tier, *first_day);
  if (!entry) return std::nullopt;
  Charge c;
  c.member_id = member_id;
  c.year = year;
  c.tier = tier;
  c.billed_on = billed_on;
  c.prorated = *first_day >= date_in_dues_year(policy, year, policy.prorate_from) && *first_day > y.first;
  c.amount = c.prorated ? percent_of(entry->amount, policy.prorate_percent) : entry->amount;
  c.due_on = std::max(date_in_dues_year(policy, year, policy.due), first_day->plus_days(30));
  return c;
}

namespace {
constexpr std::string_view kStatusCodes[] = {"paid",      "partial", "due",    "overdue",
                                             "suspended", "lapsed",  "waived", "deferred"};
}  // namespace

std::string_view dues_status_code(DuesStatus status) {
  return kStatusCodes[static_cast<int>(status)];
}

std::optional<DuesStatus> dues_status_from_code(std::string_view code) {
  for (DuesStatus s : all_dues_statuses()) {
    if (dues_status_code(s) == code) return s;
  }
  return std::nullopt;
}

const std::vector<DuesStatus>& all_dues_statuses() {
  static const std::vector<DuesStatus> all = {DuesStatus::paid,    DuesStatus::partial,   DuesStatus::due,
                                              DuesStatus::overdue, DuesStatus::suspended, DuesStatus::lapsed,
                                              DuesStatus::waived,  DuesStatus::deferred};
  return all;
}

DuesStanding dues_standing(const Charge& charge, const std::vector<Payment>& payments,
                           const std::optional<Exemption>& exemption, const DuesPolicy& policy, Date as_of) {
  DuesStanding s;
  s.due = charge.amount;
  for (const auto& p : payments) {
    if (p.member_id == charge.member_id && p.year == charge.year && p.paid_on <= as_of) s.paid += p.amount;
  }
  s.balance = s.due - s.paid;
  s.due_on = charge.due_on;
  bool granted =
      exemption && exemption->member_id == charge.member_id && exemption->year == charge.year && exemption->on <= as_of;
  if (granted && exemption->kind == ExemptionKind::waived) {
    s.status = DuesStatus::waived;
    return s;
  }
  if (granted && exemption->until) s.due_on = *exemption->until;
  if (s.balance <= 0) {
    s.status = DuesStatus::paid;
  } else if (granted && as_of <= s.due_on) {
    s.status = DuesStatus::deferred;
  } else if (as_of <= add_months(s.due_on, policy.grace_months)) {
    s.status = s.paid > 0 ? DuesStatus::partial : DuesStatus::due;
  } else if (as_of > add_months(s.due_on, policy.lapse_months)) {
    s.status = DuesStatus::lapsed;
  } else if (as_of > add_months(s.due_on, policy.suspend_months)) {
    s.status = DuesStatus::suspended;
  } else {
    s.status = DuesStatus::overdue;
  }
  return s;
}

}  // namespace roster
