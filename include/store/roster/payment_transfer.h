#pragma once
// Dues payments in and out of files: `roster dues import` (all or nothing,
// through add_payment's rules) and `roster dues export` (what import reads
// back).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "roster/dues.h"
#include "roster/import_reader.h"
#include "roster/member_import.h"
#include "roster/money.h"
#include "roster/payment_rows.h"
#include "roster/store.h"

namespace roster {

/// What a payment import did, or would do with a dry run.
struct PaymentImportResult {
  size_t rows = 0;
  size_t payments = 0;                  ///< rows recorded (or that would be)
  Fen total = 0;                        ///< their sum
  std::vector<ImportProblem> problems;  ///< at most max_problems kept
  size_t problem_count = 0;             ///< all of them
  size_t day_numbers = 0;               ///< payment dates given as spreadsheet day numbers
  bool committed = false;
};

/// Reads every row of `reader` (ImportTable::payments columns, see
/// read_payment_row), resolves its member (member_id, else member: an id,
/// the exact name or the USCC; when both are given they must name the same
/// member) and records it with add_payment, so each row meets its rules: a
/// charge for the member and year, no date after `as_of`, and no
/// overpayment counting the earlier rows of the file. One transaction:
/// every row is written, or none (any problem, or `dry_run`).
PaymentImportResult import_payments(Store& store, MemberRowReader& reader, Date as_of, bool dry_run,
                                    size_t max_problems = 50);

/// Every payment (of dues year `year`, if given), by year, member id, date
/// and id, on one snapshot; `each` is called once per payment.
void each_payment(Store& store, std::optional<int> year, const std::function<void(const PaymentLine&)>& each);

}  // namespace roster
