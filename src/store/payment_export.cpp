// roster dues export: every payment with its member's name, on one snapshot.

#include "roster/payment_transfer.h"
#include "store_access.h"

namespace roster {

void each_payment(Store& store, std::optional<int> year, const std::function<void(const PaymentLine&)>& each) {
  store.snapshot([&] {
    dbi::Statement q(StoreAccess::db(store), R"SQL(
SELECT p.id, p.member_id, m.name, p.year, p.amount_fen, p.paid_on, p.receipt, p.method
  FROM dues_payments p JOIN members m ON m.id = p.member_id
 WHERE p.year = coalesce(:year, p.year)
 ORDER BY p.year, p.member_id, p.paid_on, p.id)SQL");
    if (year) q.bind(":year", *year);
    PaymentLine line;
    while (q.executeStep()) {
      line.payment.id = q.getColumn(0).getInt64();
      line.payment.member_id = q.getColumn(1).getInt64();
      line.name = q.getColumn(2).getString();
      line.payment.year = q.getColumn(3).getInt();
      line.payment.amount = q.getColumn(4).getInt64();
      // A date damaged behind roster's back is exported as stored, never
      // changed or dropped.
      line.paid_on = q.getColumn(5).getString();
      line.payment.paid_on = parse_iso_date(line.paid_on).value_or(Date{});
      line.payment.receipt = q.getColumn(6).getString();
      line.payment.method = q.getColumn(7).getString();
      each(line);
    }
  });
}

}  // namespace roster
