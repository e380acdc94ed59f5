#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roster/dues.h"
#include "roster/import_reader.h"
#include "roster/member_rules.h"

// One row of a dues payment file (`roster dues import`), read from its cells:
// which member, and the payment. Pure; the store resolves the member and
// applies add_payment's rules.
namespace roster {

/// A payment row, read.
struct PaymentRow {
  std::string member;                ///< the member column as written (id, exact name or USCC), trimmed
  std::optional<int64_t> member_id;  ///< the member_id column, when the file gives one
  Payment payment;                   ///< year, amount, paid_on, receipt, method; member_id still 0
  bool day_number = false;           ///< paid_on was a spreadsheet day number (45122)
};

/// One payment as `roster dues export` writes it.
struct PaymentLine {
  Payment payment;      ///< paid_on is unset when the stored date is not one
  std::string name;     ///< the member's name now
  std::string paid_on;  ///< the date as stored (ISO), exported as it is
};

/// The columns `dues export` writes and `dues import` reads, in order.
const std::vector<std::string>& payment_columns();

/// Reads `row`'s cells (ColumnMapping with ImportTable::payments): a member
/// (member_id, else member; one is required), the year (2024 or 2024年), the
/// amount (amount_fen, else amount in yuan through parse_yuan; above zero;
/// when both are given they must agree), paid_on (required, parse_date or a
/// spreadsheet day number), receipt and method (free text). Returns every
/// problem; `out` is filled when there is none.
std::vector<FieldProblem> read_payment_row(const ImportRow& row, PaymentRow* out);

}  // namespace roster
