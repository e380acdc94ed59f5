// Store: changing dues — the policy, the schedule, payments, and waivers and
// deferrals. Each write reads what it checks inside the caller's transaction.
#include <nlohmann/json.hpp>

#include "dues_sql.h"
#include "roster/dues_store.h"
#include "roster/i18n.h"
#include "roster/json_dump.h"
#include "roster/text.h"
#include "sql.h"
#include "store_access.h"
#include "store_errors.h"

namespace roster {
namespace {

using nlohmann::ordered_json;

std::vector<FieldProblem> refused(const char* field, std::string reason) {
  return {FieldProblem{field, std::move(reason)}};
}

std::string no_charge_message(int64_t member_id, int year) {
  return trf("member #{0} has no charge for {1}; bill the year first (`roster dues bill --year {1}`)", member_id, year);
}

Fen paid_so_far(Store& store, int64_t member_id, int year) {
  dbi::Statement& q = StoreAccess::cached(
      store, "SELECT COALESCE(SUM(amount_fen), 0) FROM dues_payments WHERE member_id = ? AND year = ?");
  q.bind(1, member_id);
  q.bind(2, year);
  q.executeStep();
  Fen paid = q.getColumn(0).getInt64();
  q.reset();
  return paid;
}

std::optional<Exemption> stored_exemption(Store& store, int64_t member_id, int year) {
  dbi::Statement& q = StoreAccess::cached(
      store, std::string("SELECT ") + kExemptionColumns + " FROM dues_exemptions WHERE member_id = ? AND year = ?");
  q.bind(1, member_id);
  q.bind(2, year);
  std::optional<Exemption> found;
  if (q.executeStep()) found = read_exemption_row(q);
  q.reset();
  return found;
}

// The problems of a payment against the stored charge and payments.
std::vector<FieldProblem> payment_problems(Store& store, const Payment& p, Date as_of) {
  auto charge = stored_charge(store, p.member_id, p.year);
  if (!charge) return refused("year", no_charge_message(p.member_id, p.year));
  if (p.amount <= 0) return refused("amount", tr("the amount paid must be above zero; give e.g. --amount 3000"));
  if (p.paid_on > as_of) {
    return refused("paid_on", trf("the payment date {0} is after {1}; give the day the money came in", p.paid_on.iso(),
                                  as_of.iso()));
  }
  DuesYear year = dues_year(dues_policy(store), p.year);
  if (p.paid_on < year.first) {
    return refused("paid_on", trf("the payment date {0} is before dues year {1} began on {2}; give a date in the year",
                                  p.paid_on.iso(), p.year, year.first.iso()));
  }
  Fen balance = charge->amount - paid_so_far(store, p.member_id, p.year);
  if (p.amount > balance) {
    return refused("amount",
                   trf("{0} yuan would pay member #{1} more than its {2} dues of {3} yuan: the balance is "
                       "{4} yuan; give at most that",
                       format_yuan(p.amount), p.member_id, p.year, format_yuan(charge->amount), format_yuan(balance)));
  }
  return {};
}

std::vector<FieldProblem> exemption_problems(Store& store, const Exemption& e) {
  auto charge = stored_charge(store, e.member_id, e.year);
  if (!charge) return refused("year", no_charge_message(e.member_id, e.year));
  if (trim(e.reason).empty()) return refused("reason", tr("the reason is empty; give one, e.g. --reason '理事会决议'"));
  if (auto old = stored_exemption(store, e.member_id, e.year)) {
    return refused("year",
                   old->kind == ExemptionKind::waived
                       ? trf("member #{0}'s {1} dues were already waived on {2}", e.member_id, e.year, old->on.iso())
                       : trf("member #{0}'s {1} dues were already deferred to {2} on {3}; a year is "
                             "deferred once",
                             e.member_id, e.year, old->until ? old->until->iso() : "", old->on.iso()));
  }
  if (e.kind == ExemptionKind::deferred && (!e.until || *e.until <= charge->due_on)) {
    return refused("until", trf("the new due date {0} is not after the charge's due date {1}; give a later --until",
                                e.until ? e.until->iso() : "", charge->due_on.iso()));
  }
  return {};
}

ordered_json schedule_json(const ScheduleEntry& e) {
  return {{"tier", std::string(tier_code(e.tier))},
          {"amount_fen", e.amount},
          {"from", e.from.iso()},
          {"resolution", e.resolution}};
}

}  // namespace

std::vector<FieldProblem> set_dues_policy(Store& store, const DuesPolicy& p) {
  StoreAccess::require_write(store, "set_dues_policy");
  std::vector<FieldProblem> problems;
  for (auto& text : policy_problems(p)) problems.push_back({"policy", std::move(text)});
  if (!problems.empty()) return problems;
  DuesPolicy old = dues_policy(store);
  guarded(store.path(), [&] {
    // An upsert: a file whose row was deleted behind roster's back gets it back.
    dbi::Statement q(StoreAccess::db(store),
                     "INSERT INTO dues_policy (id, year_start, due, prorate_from, prorate_percent, grace_months, "
                     "suspend_months, lapse_months) VALUES (1, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                     "year_start = excluded.year_start, due = excluded.due, prorate_from = excluded.prorate_from, "
                     "prorate_percent = excluded.prorate_percent, grace_months = excluded.grace_months, "
                     "suspend_months = excluded.suspend_months, lapse_months = excluded.lapse_months");
    q.bind(1, month_day_text(p.year_start));
    q.bind(2, month_day_text(p.due));
    q.bind(3, month_day_text(p.prorate_from));
    q.bind(4, p.prorate_percent);
    q.bind(5, p.grace_months);
    q.bind(6, p.suspend_months);
    q.bind(7, p.lapse_months);
    q.exec();
  });
  auto log = [&](const char* field, const std::string& before, const std::string& after) {
    if (before != after) store.log_change(std::nullopt, "dues.policy", field, before, after);
  };
  log("year_start", month_day_text(old.year_start), month_day_text(p.year_start));
  log("due", month_day_text(old.due), month_day_text(p.due));
  log("prorate_from", month_day_text(old.prorate_from), month_day_text(p.prorate_from));
  log("prorate_percent", std::to_string(old.prorate_percent), std::to_string(p.prorate_percent));
  log("grace_months", std::to_string(old.grace_months), std::to_string(p.grace_months));
  log("suspend_months", std::to_string(old.suspend_months), std::to_string(p.suspend_months));
  log("lapse_months", std::to_string(old.lapse_months), std::to_string(p.lapse_months));
  return {};
}

std::vector<FieldProblem> add_schedule_entry(Store& store, const ScheduleEntry& entry) {
  StoreAccess::require_write(store, "add_schedule_entry");
  if (entry.amount < 0 || entry.amount > kMaxFen) {
    return refused("amount", tr("the amount is below zero or over 10,000,000,000 yuan; give the year's dues"));
  }
  std::vector<ScheduleEntry> schedule = dues_schedule(store);
  for (const auto& e : schedule) {
    if (e.tier == entry.tier && e.from == entry.from) {
      return refused("from", trf("{0} already has an amount from {1} ({2} yuan, {3}); give another --from date",
                                 tier_code(entry.tier), entry.from.iso(), format_yuan(e.amount), e.resolution));
    }
  }
  schedule.push_back(entry);
  // Amounts change only on the days entries start, so those are the days to check.
  for (const auto& e : schedule) {
    if (amounts_in_force(schedule, e.from).size() > 4) {
      return refused("amount", trf("this entry would put more than four amounts in force on {0}; the rules allow "
                                   "at most four",
                                   e.from.iso()));
    }
  }
  guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store),
                     "INSERT INTO dues_schedule (tier, amount_fen, from_on, resolution) VALUES (?, ?, ?, ?)");
    q.bind(1, std::string(tier_code(entry.tier)));
    q.bind(2, entry.amount);
    q.bind(3, entry.from.iso());
    q.bind(4, entry.resolution);
    q.exec();
  });
  store.log_change(std::nullopt, "dues.schedule", std::string(tier_code(entry.tier)), "",
                   dump_json(schedule_json(entry)));
  return {};
}

std::vector<FieldProblem> add_payment(Store& store, const Payment& p, Date as_of, int64_t* id) {
  StoreAccess::require_write(store, "add_payment");
  auto problems = payment_problems(store, p, as_of);
  if (!problems.empty()) return problems;
  int64_t new_id = guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store),
                     "INSERT INTO dues_payments (member_id, year, amount_fen, paid_on, receipt, method) "
                     "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, p.member_id);
    q.bind(2, p.year);
    q.bind(3, p.amount);
    q.bind(4, p.paid_on.iso());
    q.bind(5, p.receipt);
    q.bind(6, p.method);
    q.exec();
    return StoreAccess::db(store).getLastInsertRowid();
  });
  if (id) *id = new_id;
  ordered_json after = {{"payment_id", new_id},       {"year", p.year},       {"amount_fen", p.amount},
                        {"paid_on", p.paid_on.iso()}, {"receipt", p.receipt}, {"method", p.method}};
  store.log_change(p.member_id, "dues.pay", "", "", dump_json(after));
  return {};
}

std::vector<FieldProblem> add_exemption(Store& store, const Exemption& e) {
  StoreAccess::require_write(store, "add_exemption");
  auto problems = exemption_problems(store, e);
  if (!problems.empty()) return problems;
  bool deferred = e.kind == ExemptionKind::deferred;
  guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store),
                     "INSERT INTO dues_exemptions (member_id, year, kind, until_on, reason, approved_by, "
                     "granted_on) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, e.member_id);
    q.bind(2, e.year);
    q.bind(3, deferred ? "deferred" : "waived");
    if (deferred)
      q.bind(4, e.until->iso());
    else
      q.bind(4);
    q.bind(5, trim(e.reason));
    q.bind(6, trim(e.approved_by));
    q.bind(7, e.on.iso());
    q.exec();
  });
  ordered_json after = {
      {"year", e.year}, {"reason", trim(e.reason)}, {"approved_by", trim(e.approved_by)}, {"on", e.on.iso()}};
  if (deferred) after["until"] = e.until->iso();
  store.log_change(e.member_id, deferred ? "dues.defer" : "dues.waive", "", "", dump_json(after));
  return {};
}

}  // namespace roster
