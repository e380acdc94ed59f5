// A row of a dues payment file read into a Payment: the cells as the bank
// statement or the finance office's sheet writes them, each refused with the
// one wording the rest of roster uses for that kind of value.
#include "roster/payment_rows.h"

#include <charconv>

#include "roster/date.h"
#include "roster/i18n.h"
#include "roster/money.h"
#include "roster/text.h"

namespace roster {
namespace {

std::string cell(const ImportRow& row, const char* column) {
  auto it = row.cells.find(column);
  return it == row.cells.end() ? std::string() : trim(it->second);
}

// A whole number from `min` to `max` written in ASCII digits, else nullopt.
std::optional<int64_t> whole(std::string_view text, int64_t min, int64_t max) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return std::nullopt;
  }
  return value;
}

void read_member(const ImportRow& row, PaymentRow& out, std::vector<FieldProblem>& problems) {
  out.member = cell(row, "member");
  std::string id = cell(row, "member_id");
  if (!id.empty()) {
    std::string_view digits = id;
    if (digits.starts_with('#')) digits.remove_prefix(1);
    if (auto n = whole(digits, 1, INT64_MAX)) {
      out.member_id = *n;
    } else {
      problems.push_back({"member_id", trf("'{0}' is not a member id; give the number `roster list` shows", id)});
    }
  } else if (out.member.empty()) {
    problems.push_back({"member", tr("no member; give the member's id, exact name or USCC")});
  }
}

void read_year(const ImportRow& row, Payment& p, std::vector<FieldProblem>& problems) {
  std::string year = cell(row, "year");
  std::string_view digits = year;
  if (digits.ends_with("年")) digits.remove_suffix(std::string_view("年").size());
  if (year.empty()) {
    problems.push_back({"year", tr("no dues year; give the year the payment is for, e.g. 2024")});
  } else if (auto n = whole(digits, kFirstYear, kLastYear)) {
    p.year = static_cast<int>(*n);
  } else {
    problems.push_back({"year", trf("'{0}' is not a dues year; give it as 2024", year)});
  }
}

void read_amount(const ImportRow& row, Payment& p, std::vector<FieldProblem>& problems) {
  std::string fen_text = cell(row, "amount_fen"), yuan_text = cell(row, "amount");
  std::optional<Fen> fen, yuan;
  if (!fen_text.empty()) {
    fen = whole(fen_text, 0, kMaxFen);
    if (!fen) {
      problems.push_back(
          {"amount_fen", trf("'{0}' is not a whole number of fen; give e.g. 300000 for 3,000 yuan", fen_text)});
      return;
    }
  }
  if (!yuan_text.empty()) {
    MoneyRefusal why{};
    yuan = parse_yuan(yuan_text, &why);
    if (!yuan) {
      problems.push_back({"amount", money_refusal_message(tr("amount"), yuan_text, why)});
      return;
    }
  }
  if (fen && yuan && *fen != *yuan) {
    problems.push_back({"amount", trf("amount {0} yuan and amount_fen {1} disagree; correct one of them, or drop one",
                                      yuan_text, fen_text)});
    return;
  }
  if (!fen && !yuan) {
    problems.push_back({"amount", tr("no amount; give the amount paid in yuan, e.g. 3000 or 3,000.00")});
    return;
  }
  p.amount = fen ? *fen : *yuan;
  if (p.amount == 0) problems.push_back({"amount", tr("the amount is 0; give the amount paid, or drop the row")});
}

void read_paid_on(const ImportRow& row, PaymentRow& out, std::vector<FieldProblem>& problems) {
  std::string text = cell(row, "paid_on");
  if (text.empty()) {
    problems.push_back({"paid_on", tr("no payment date; give the day the money arrived, e.g. 2024-03-15")});
    return;
  }
  // A date column without a date format reaches a CSV as Excel's day number.
  if (auto serial = parse_spreadsheet_serial(text)) {
    out.payment.paid_on = *serial;
    out.day_number = true;
    return;
  }
  DateRefusal why{};
  if (auto date = parse_date(text, &why)) {
    out.payment.paid_on = *date;
  } else {
    problems.push_back({"paid_on", date_refusal_message(tr("payment date"), text, why)});
  }
}

}  // namespace

const std::vector<std::string>& payment_columns() {
  static const std::vector<std::string> columns = {"member_id", "name",    "year",    "amount_fen",
                                                   "amount",    "paid_on", "receipt", "method"};
  return columns;
}

std::vector<FieldProblem> read_payment_row(const ImportRow& row, PaymentRow* out) {
  std::vector<FieldProblem> problems;
  PaymentRow read;
  read_member(row, read, problems);
  read_year(row, read.payment, problems);
  read_amount(row, read.payment, problems);
  read_paid_on(row, read, problems);
  read.payment.receipt = cell(row, "receipt");
  read.payment.method = cell(row, "method");
  for (auto [field, text] : {std::pair{"receipt", &read.payment.receipt}, std::pair{"method", &read.payment.method}}) {
    if (auto p = free_text_problem(*text, field)) problems.push_back({field, *p});
  }
  if (problems.empty() && out) *out = std::move(read);
  return problems;
}

}  // namespace roster
