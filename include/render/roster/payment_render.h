#pragma once

#include <memory>
#include <ostream>

#include "roster/format.h"
#include "roster/payment_rows.h"

namespace roster {

/// Writes dues payments, streaming, in the columns of payment_columns()
/// (member_id, name, year, amount_fen, amount, paid_on, receipt, method):
/// csv and tsv one row each (amount as plain yuan, 3000.00), json and jsonl
/// one object each (member_id, year and amount_fen as numbers, amount as a
/// string). What `roster dues import` reads back unchanged.
class PaymentExportWriter {
 public:
  virtual ~PaymentExportWriter() = default;
  virtual void payment(const PaymentLine& line) = 0;
  virtual void finish() = 0;
};

/// A writer for `format` (csv, tsv, json or jsonl) onto `out`.
std::unique_ptr<PaymentExportWriter> make_payment_export_writer(Format format, std::ostream& out,
                                                                const RenderOptions& options);

}  // namespace roster
