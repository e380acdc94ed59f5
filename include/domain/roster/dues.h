#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roster/date.h"
#include "roster/member_record.h"
#include "roster/money.h"
#include "roster/tier.h"

// Dues (会费): the schedule of amounts per tier, the billing policy, the
// charge for a member and year, and the member's standing as of a date.
// Pure: the store reads the values, these functions decide, the renderers
// show. docs/dues.md defines every rule so that it can be checked by hand.
namespace roster {

/// A day of the year without the year: "03-31".
struct MonthDay {
  int month = 1;
  int day = 1;
  bool operator==(const MonthDay&) const = default;
};

/// Reads "03-31", "3-31", "3/31" or "3月31日"; nullopt for anything else or
/// a day the month never has (02-30). 02-29 is taken (it falls on 02-28 in a
/// common year).
std::optional<MonthDay> parse_month_day(std::string_view text);

/// "03-31".
std::string month_day_text(MonthDay md);

/// How dues are billed: kept in the database (one row), shown and set by
/// `roster dues policy`.
struct DuesPolicy {
  MonthDay year_start{1, 1};    ///< dues year Y runs from this day of Y to the day before it in Y + 1
  MonthDay due{3, 31};          ///< the charge for year Y falls due on this day of the dues year
  MonthDay prorate_from{7, 1};  ///< a member whose first day in the year is this day or later pays prorate_percent
  int prorate_percent = 50;     ///< 0..100
  int grace_months = 0;         ///< overdue once this many months have passed after the due date
  int suspend_months = 6;       ///< suspended (restricted rights) after this many
  int lapse_months = 12;        ///< lapsed (the council may remove the member) after this many
  bool operator==(const DuesPolicy&) const = default;
};

/// What is wrong with a policy, one line each (empty when it is valid):
/// percent outside 0..100, negative offsets, grace > suspend > lapse out of
/// order.
std::vector<std::string> policy_problems(const DuesPolicy& policy);

/// The first and last day of dues year `year`.
struct DuesYear {
  int year = 0;
  Date first;
  Date last;
};

/// Dues year `year` under the policy (calendar year by default).
DuesYear dues_year(const DuesPolicy& policy, int year);

/// The dues year that holds `day`.
int dues_year_of(const DuesPolicy& policy, Date day);

/// The date of `md` within dues year `year` (the first such date on or after
/// the year's first day); 02-29 is 02-28 in a common year.
Date date_in_dues_year(const DuesPolicy& policy, int year, MonthDay md);

/// `day` plus `months` calendar months, kept within the month it lands in:
/// 03-31 + 6 → 09-30, 08-31 + 6 → the last day of February.
Date add_months(Date day, int months);

/// One line of the dues schedule: from `from` on, `tier` pays `amount` a
/// year, as the general assembly resolved.
struct ScheduleEntry {
  int64_t id = 0;
  Tier tier = Tier::member;
  Fen amount = 0;
  Date from;
  std::string resolution;  ///< e.g. "第一届第二次会员大会"
};

/// The entry in force for `tier` on `day`: the latest `from` on or before
/// it; nullopt when the schedule has none yet.
std::optional<ScheduleEntry> entry_in_force(const std::vector<ScheduleEntry>& schedule, Tier tier, Date day);

/// The distinct amounts in force on `day` across the four tiers (the rules
/// allow at most four; `check` flags more, which can only come from the
/// schedule being edited behind roster's back).
std::vector<Fen> amounts_in_force(const std::vector<ScheduleEntry>& schedule, Date day);

/// What a member owes for one dues year.
struct Charge {
  int64_t member_id = 0;
  int year = 0;
  Tier tier = Tier::member;  ///< the tier the member held when billed
  Fen amount = 0;            ///< after proration
  Date billed_on;
  Date due_on;
  bool prorated = false;
};

/// The charge billing on `billed_on` makes for a member with these periods
/// and (current) tier for dues year `year`, or nullopt when there is none:
/// - the member's *first day in the year* is the earliest day of the year,
///   on or before `billed_on`, on which one of its periods was active; a
///   member with none (joined later, or left before the year) is not charged;
/// - the amount is the schedule's for the tier in force on the later of the
///   year's first day and the member's first day in it; no entry, no charge;
/// - prorated (prorate_percent of it, percent_of) when the first day in the
///   year is on or after prorate_from: a member active on any earlier day of
///   the year, also one who left and re-joined, pays in full;
/// - due on the later of the policy's due date in the year and 30 days after
///   the member's first day in it (a new member gets a month to pay).
std::optional<Charge> charge_for(int64_t member_id, const std::vector<Period>& periods, Tier tier, int year,
                                 const DuesPolicy& policy, const std::vector<ScheduleEntry>& schedule, Date billed_on);

/// A member as the dues views name it: its current tier and its contacts
/// (the contacts only ever go to `dues remind`, never to a report).
struct DuesMember {
  int64_t id = 0;
  std::string name;
  Tier tier = Tier::member;
  std::string contact;
  std::string phone;
  std::string email;
};

/// One payment toward a member's dues for a year.
struct Payment {
  int64_t id = 0;
  int64_t member_id = 0;
  int year = 0;
  Fen amount = 0;  ///< > 0
  Date paid_on;
  std::string receipt;  ///< the receipt number, if any
  std::string method;   ///< e.g. 银行转账, 现金, 微信
};

/// A waiver or a deferral of one member's dues for a year, with its reason.
enum class ExemptionKind { waived, deferred };

struct Exemption {
  int64_t member_id = 0;
  int year = 0;
  ExemptionKind kind = ExemptionKind::waived;
  std::optional<Date> until;  ///< deferred: the new due date
  std::string reason;
  std::string approved_by;  ///< who approved it (e.g. 理事会), if noted
  Date on;                  ///< the day it was granted
};

/// A member's standing for one year; computed, never stored.
enum class DuesStatus { paid, partial, due, overdue, suspended, lapsed, waived, deferred };

/// "paid", "partial", "due", "overdue", "suspended", "lapsed", "waived",
/// "deferred": the codes of data formats and of --status.
std::string_view dues_status_code(DuesStatus status);
std::optional<DuesStatus> dues_status_from_code(std::string_view code);

/// Every status, in the order above.
const std::vector<DuesStatus>& all_dues_statuses();

/// A member's dues for one year as of a date.
struct DuesStanding {
  DuesStatus status = DuesStatus::due;
  Fen due = 0;      ///< the charge
  Fen paid = 0;     ///< the payments dated on or before the date
  Fen balance = 0;  ///< due − paid (below 0 only when the data is damaged)
  Date due_on;      ///< the charge's due date, or the deferral's new one
};

/// The standing of `charge` as of `as_of`, the first rule that holds:
/// - **waived**: a waiver granted on or before the date;
/// - **paid**: the payments on or before the date cover the charge;
/// - **deferred**: a deferral granted on or before the date whose new due
///   date is on or after it;
/// - with D the due date (a deferral's new one, once it has passed):
///   **partial** (something paid) or **due** while the date is on or before
///   D + grace months; **lapsed** after D + lapse months; **suspended**
///   after D + suspend months; else **overdue**.
/// Payments and exemptions of other members or years are ignored.
DuesStanding dues_standing(const Charge& charge, const std::vector<Payment>& payments,
                           const std::optional<Exemption>& exemption, const DuesPolicy& policy, Date as_of);

}  // namespace roster
