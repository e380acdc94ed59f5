// roster dues import: payments from a bank statement or the finance office's
// sheet, each row through add_payment's rules, all in one transaction.
#include <fmt/core.h>

#include <algorithm>

#include "roster/dues_store.h"
#include "roster/i18n.h"
#include "roster/payment_rows.h"
#include "roster/payment_transfer.h"
#include "roster/text.h"

namespace roster {
namespace {

class PaymentImporter {
 public:
  PaymentImporter(Store& store, Date as_of, size_t max_problems)
      : store_(store), as_of_(as_of), max_problems_(max_problems) {}

  // Every row is recorded, even after a refused one: the transaction is
  // rolled back at the end, and the rows after it are checked (overpayment
  // included) as in a clean run.
  void run(MemberRowReader& reader) {
    ImportRow row;
    while (reader.next(row)) {
      ++result_.rows;
      if (!row.shape_problem.empty()) {
        refuse(row.line, {trc("field", "row"), row.shape_problem});
        continue;
      }
      PaymentRow read;
      auto found = read_payment_row(row, &read);
      if (found.empty()) found = resolve(read);
      if (found.empty()) found = add_payment(store_, read.payment, as_of_);
      for (auto& f : found) refuse(row.line, std::move(f));
      if (!found.empty()) continue;
      ++result_.payments;
      result_.total += read.payment.amount;
      if (read.day_number) ++result_.day_numbers;
    }
  }

  PaymentImportResult& result() { return result_; }

 private:
  // Sets the payment's member from the row's member_id or member reference.
  std::vector<FieldProblem> resolve(PaymentRow& read) {
    if (read.member_id) {
      auto by_id = store_.members_matching(std::to_string(*read.member_id));
      auto it = std::find_if(by_id.begin(), by_id.end(), [&](const MemberRef& m) { return m.id == *read.member_id; });
      if (it == by_id.end()) {
        return {{"member_id", trf("no member #{0}; check the id with `roster list`", *read.member_id)}};
      }
      // A name beside the id guards against a shifted column.
      if (!read.member.empty()) {
        auto named = store_.members_matching(read.member);
        if (std::none_of(named.begin(), named.end(), [&](const MemberRef& m) { return m.id == it->id; })) {
          return {{"member",
                   trf("'{0}' is not member #{1} ({2}); correct the id or the name", read.member, it->id, it->name)}};
        }
      }
      read.payment.member_id = it->id;
      return {};
    }
    auto found = store_.members_matching(read.member);
    if (found.empty()) {
      return {{"member", trf("no member '{0}'; give an id, the exact name or the USCC", read.member)}};
    }
    if (found.size() > 1) {
      std::string names;
      for (const auto& m : found)
        names += (names.empty() ? "" : trc("list", ", ")) + fmt::format("#{} {}", m.id, m.name);
      return {{"member", trf("'{0}' could be {1}; give the id in a member_id column", read.member, names)}};
    }
    read.payment.member_id = found.front().id;
    return {};
  }

  void refuse(size_t line, FieldProblem problem) {
    if (result_.problems.size() < max_problems_) {
      result_.problems.push_back({line, std::move(problem.field), std::move(problem.reason)});
    }
    ++result_.problem_count;
  }

  Store& store_;
  Date as_of_;
  size_t max_problems_;
  PaymentImportResult result_;
};

}  // namespace

PaymentImportResult import_payments(Store& store, MemberRowReader& reader, Date as_of, bool dry_run,
                                    size_t max_problems) {
  PaymentImporter importer(store, as_of, max_problems);
  store.write_if([&] {
    importer.run(reader);
    importer.result().committed = !dry_run && importer.result().problem_count == 0;
    return importer.result().committed;
  });
  return importer.result();
}

}  // namespace roster
