#include <fmt/core.h>

#include <stdexcept>

#include "dues_sql.h"
#include "member_sql.h"  // stored_tier
#include "roster/dues_all.h"
#include "store_access.h"
#include "store_errors.h"

namespace roster {
namespace {

// One row per charge and payment (a charge without payments: one row, the
// payment's columns NULL), a charge's rows together: the account is read off
// consecutive rows. The charge is found by its year index or primary key in
// member order, its waiver and member by key, its payments by
// dues_payments_by_member; only DuesAccountOrder::due sorts the whole result,
// in SQLite's sorter, which spills to disk rather than hold it.
// i18n: data begin (SQL)
constexpr const char* kAccountsSql = R"SQL(
SELECT c.member_id, c.year, c.tier, c.amount_fen, c.billed_on, c.due_on, c.prorated,
       e.kind, e.until_on, e.reason, e.approved_by, e.granted_on,
       m.name, m.tier, m.contact, m.phone, m.email,
       p.id, p.amount_fen, p.paid_on, p.receipt, p.method,
       {active}
  FROM dues_charges c
  LEFT JOIN dues_exemptions e ON e.member_id = c.member_id AND e.year = c.year
  LEFT JOIN members m ON m.id = c.member_id
  LEFT JOIN dues_payments p ON p.member_id = c.member_id AND p.year = c.year
 {where}
 ORDER BY {order}, p.paid_on, p.id)SQL";
constexpr const char* kActiveSql =
    "EXISTS (SELECT 1 FROM periods q WHERE q.member_id = c.member_id AND q.joined_on <= :day "
    "AND (q.left_on IS NULL OR q.left_on > :day))";
// dues_standing's due date: a deferral granted on or before the day moves it.
constexpr const char* kDueOrderSql =
    "CASE WHEN e.kind = 'deferred' AND e.granted_on <= :day THEN e.until_on ELSE c.due_on END, c.member_id, c.year";
// i18n: data end

std::string accounts_sql(const DuesAccountQuery& query) {
  if (query.order == DuesAccountOrder::due && !query.day) {
    // i18n: data (a bug in roster's code, not a message about the data)
    throw std::logic_error("each_dues_account: the due order needs a day");
  }
  return fmt::format(kAccountsSql, fmt::arg("active", query.day ? kActiveSql : "0"),
                     fmt::arg("where", query.year ? "WHERE c.year = :year" : ""),
                     fmt::arg("order", query.order == DuesAccountOrder::due ? kDueOrderSql : "c.member_id, c.year"));
}

// The charge, waiver and member columns (0 to 16) and the active flag (22)
// of the current row.
void read_account(dbi::Statement& q, DuesAccount& a) {
  a.charge = read_charge_row(q);
  a.payments.clear();
  a.exemption.reset();
  if (!q.getColumn(7).isNull()) {
    Exemption e;
    e.member_id = a.charge.member_id;
    e.year = a.charge.year;
    e.kind = q.getColumn(7).getString() == "deferred" ? ExemptionKind::deferred : ExemptionKind::waived;
    if (!q.getColumn(8).isNull()) e.until = parse_iso_date(q.getColumn(8).getString());
    e.reason = q.getColumn(9).getString();
    e.approved_by = q.getColumn(10).getString();
    e.on = stored_date(q.getColumn(11).getString());
    a.exemption = std::move(e);
  }
  a.member = {a.charge.member_id,          q.getColumn(12).getString(), stored_tier(q.getColumn(13).getString()),
              q.getColumn(14).getString(), q.getColumn(15).getString(), q.getColumn(16).getString()};
  a.active = q.getColumn(22).getInt() != 0;
}

}  // namespace

void each_dues_account(Store& store, const DuesAccountQuery& query,
                       const std::function<void(const DuesAccount&)>& account) {
  guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store), accounts_sql(query));
    if (query.year) q.bind(":year", *query.year);
    if (query.day) q.bind(":day", query.day->iso());
    DuesAccount a;
    bool open = false;  // `a` holds an account whose rows may go on
    while (q.executeStep()) {
      int64_t member_id = q.getColumn(0).getInt64();
      int year = q.getColumn(1).getInt();
      if (!open || member_id != a.charge.member_id || year != a.charge.year) {
        if (open) account(a);
        read_account(q, a);
        open = true;
      }
      if (q.getColumn(17).isNull()) continue;  // no payment
      a.payments.push_back({q.getColumn(17).getInt64(), member_id, year, q.getColumn(18).getInt64(),
                            stored_date(q.getColumn(19).getString()), q.getColumn(20).getString(),
                            q.getColumn(21).getString()});
    }
    if (open) account(a);
  });
}

void each_dues_payment(Store& store, const std::function<void(const Payment&)>& payment) {
  guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store),
                     "SELECT id, member_id, year, amount_fen, paid_on, receipt, method FROM dues_payments");
    while (q.executeStep()) {
      payment({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt(), q.getColumn(3).getInt64(),
               stored_date(q.getColumn(4).getString()), q.getColumn(5).getString(), q.getColumn(6).getString()});
    }
  });
}

}  // namespace roster
