// roster dues export: payments as csv, tsv, json or jsonl, in the columns
// `roster dues import` reads.
#include <nlohmann/json.hpp>

#include "roster/delimited.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/json_dump.h"
#include "roster/json_stream.h"
#include "roster/money.h"
#include "roster/payment_render.h"

namespace roster {
namespace {

class DelimitedPayments : public PaymentExportWriter {
 public:
  DelimitedPayments(std::ostream& out, Format format, bool bom) : writer_(out, format, bom) {
    writer_.row(payment_columns());
  }
  void payment(const PaymentLine& l) override {
    const Payment& p = l.payment;
    writer_.row({std::to_string(p.member_id), l.name, std::to_string(p.year), std::to_string(p.amount),
                 plain_yuan(p.amount), l.paid_on, p.receipt, p.method});
  }
  void finish() override { writer_.flush(); }

 private:
  DelimitedWriter writer_;
};

class JsonPayments : public PaymentExportWriter {
 public:
  JsonPayments(std::ostream& out, bool lines) : stream_(out, lines) {}
  void payment(const PaymentLine& l) override {
    const Payment& p = l.payment;
    nlohmann::ordered_json o;
    o["member_id"] = p.member_id;
    o["name"] = l.name;
    o["year"] = p.year;
    o["amount_fen"] = p.amount;
    o["amount"] = plain_yuan(p.amount);
    o["paid_on"] = l.paid_on;
    o["receipt"] = p.receipt;
    o["method"] = p.method;
    stream_.item(dump_json(o));
  }
  void finish() override { stream_.finish(); }

 private:
  JsonStream stream_;
};

}  // namespace

std::unique_ptr<PaymentExportWriter> make_payment_export_writer(Format format, std::ostream& out,
                                                                const RenderOptions& options) {
  switch (format) {
    case Format::csv:
      return std::make_unique<DelimitedPayments>(out, format, options.bom);
    case Format::tsv:
      return std::make_unique<DelimitedPayments>(out, format, false);
    case Format::json:
      return std::make_unique<JsonPayments>(out, false);
    case Format::jsonl:
      return std::make_unique<JsonPayments>(out, true);
    default:
      throw usage_error(tr("dues export writes csv, tsv, json or jsonl"));
  }
}

}  // namespace roster
