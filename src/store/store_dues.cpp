// Store: reading dues — the policy, the schedule, the charges, the payments,
// the waivers and deferrals, and the members billed in a year.
#include "dues_sql.h"
#include "member_sql.h"  // stored_tier
#include "roster/dues_store.h"
#include "sql.h"
#include "store_access.h"
#include "store_errors.h"

namespace roster {
namespace {

// A stored "MM-DD"; a value edited past the schema reads as the default.
MonthDay stored_month_day(const std::string& text, MonthDay fallback) {
  return parse_month_day(text).value_or(fallback);
}

}  // namespace

Charge read_charge_row(dbi::Statement& q) {
  Charge c;
  c.member_id = q.getColumn(0).getInt64();
  c.year = q.getColumn(1).getInt();
  c.tier = stored_tier(q.getColumn(2).getString());
  c.amount = q.getColumn(3).getInt64();
  c.billed_on = stored_date(q.getColumn(4).getString());
  c.due_on = stored_date(q.getColumn(5).getString());
  c.prorated = q.getColumn(6).getInt() != 0;
  return c;
}

std::optional<Charge> stored_charge(Store& store, int64_t member_id, int year) {
  return guarded(store.path(), [&]() -> std::optional<Charge> {
    dbi::Statement& q = StoreAccess::cached(
        store, std::string("SELECT ") + kChargeColumns + " FROM dues_charges WHERE member_id = ? AND year = ?");
    q.bind(1, member_id);
    q.bind(2, year);
    std::optional<Charge> found;
    if (q.executeStep()) found = read_charge_row(q);
    q.reset();
    return found;
  });
}

Exemption read_exemption_row(dbi::Statement& q) {
  Exemption e;
  e.member_id = q.getColumn(0).getInt64();
  e.year = q.getColumn(1).getInt();
  e.kind = q.getColumn(2).getString() == "deferred" ? ExemptionKind::deferred : ExemptionKind::waived;
  if (!q.getColumn(3).isNull()) e.until = parse_iso_date(q.getColumn(3).getString());
  e.reason = q.getColumn(4).getString();
  e.approved_by = q.getColumn(5).getString();
  e.on = stored_date(q.getColumn(6).getString());
  return e;
}

DuesPolicy dues_policy(Store& store) {
  return guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store),
                     "SELECT year_start, due, prorate_from, prorate_percent, grace_months, suspend_months, "
                     "lapse_months FROM dues_policy WHERE id = 1");
    DuesPolicy p;  // no row (a file edited past roster): the defaults
    if (q.executeStep()) {
      p.year_start = stored_month_day(q.getColumn(0).getString(), p.year_start);
      p.due = stored_month_day(q.getColumn(1).getString(), p.due);
      p.prorate_from = stored_month_day(q.getColumn(2).getString(), p.prorate_from);
      p.prorate_percent = q.getColumn(3).getInt();
      p.grace_months = q.getColumn(4).getInt();
      p.suspend_months = q.getColumn(5).getInt();
      p.lapse_months = q.getColumn(6).getInt();
    }
    return p;
  });
}

std::vector<ScheduleEntry> dues_schedule(Store& store) {
  return guarded(store.path(), [&] {
    // By tier in the order of the tiers (president first), then date.
    dbi::Statement q(StoreAccess::db(store),
                     "SELECT id, tier, amount_fen, from_on, resolution FROM dues_schedule ORDER BY CASE tier "
                     "WHEN 'president' THEN 0 WHEN 'vice-president' THEN 1 WHEN 'council' THEN 2 ELSE 3 END, "
                     "from_on, id");
    std::vector<ScheduleEntry> out;
    while (q.executeStep()) {
      out.push_back({q.getColumn(0).getInt64(), stored_tier(q.getColumn(1).getString()), q.getColumn(2).getInt64(),
                     stored_date(q.getColumn(3).getString()), q.getColumn(4).getString()});
    }
    return out;
  });
}

std::vector<Charge> dues_charges(Store& store, int year) {
  return guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store),
                     std::string("SELECT ") + kChargeColumns + " FROM dues_charges WHERE year = ? ORDER BY member_id");
    q.bind(1, year);
    std::vector<Charge> out;
    while (q.executeStep()) out.push_back(read_charge_row(q));
    return out;
  });
}

std::vector<Payment> dues_payments(Store& store, int year) {
  return guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store),
                     "SELECT id, member_id, year, amount_fen, paid_on, receipt, method FROM dues_payments "
                     "WHERE year = ? ORDER BY member_id, paid_on, id");
    q.bind(1, year);
    std::vector<Payment> out;
    while (q.executeStep()) {
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt(),
                     q.getColumn(3).getInt64(), stored_date(q.getColumn(4).getString()), q.getColumn(5).getString(),
                     q.getColumn(6).getString()});
    }
    return out;
  });
}

std::vector<Exemption> dues_exemptions(Store& store, int year) {
  return guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store), std::string("SELECT ") + kExemptionColumns +
                                                 " FROM dues_exemptions WHERE year = ? ORDER BY member_id");
    q.bind(1, year);
    std::vector<Exemption> out;
    while (q.executeStep()) out.push_back(read_exemption_row(q));
    return out;
  });
}

std::vector<DuesMember> dues_members(Store& store, int year) {
  return guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store),
                     "SELECT m.id, m.name, m.tier, m.contact, m.phone, m.email FROM members m "
                     "WHERE m.id IN (SELECT member_id FROM dues_charges WHERE year = ?) ORDER BY m.id");
    q.bind(1, year);
    std::vector<DuesMember> out;
    while (q.executeStep()) {
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), stored_tier(q.getColumn(2).getString()),
                     q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString()});
    }
    return out;
  });
}

}  // namespace roster
