// roster dues bill | pay | waive | defer: charging a dues year, recording
// payments toward it, and waiving or deferring one member's dues.
#include <iostream>

#include "commands.h"
#include "roster/dues_store.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/member_lookup.h"
#include "roster/text.h"

namespace roster {
namespace {

struct WriteOptions {
  std::string ref, amount, on, receipt, method, reason, approved_by, until;
  int year = 0;
};

void refuse(const std::vector<FieldProblem>& problems) {
  if (!problems.empty()) throw Error(problems.front().reason);
}

// The billing note: what was charged, then who was skipped and why.
std::string bill_note(const BillResult& r, int year) {
  Fen total = 0;
  for (const auto& c : r.charged) total += c.amount;
  std::string note = trfn("billed {0} member for {1}, {2} yuan", "billed {0} members for {1}, {2} yuan",
                          r.charged.size(), r.charged.size(), year, format_yuan(total));
  if (r.already_billed > 0) note += trf("; {0} already billed", r.already_billed);
  if (r.without_amount > 0) {
    note += trfn("; {0} without an amount for its tier (set one with `roster dues schedule set`)",
                 "; {0} without an amount for their tier (set one with `roster dues schedule set`)",
                 static_cast<unsigned long>(r.without_amount), r.without_amount);
  }
  return note;
}

int run_bill(const WriteOptions& o, CLI::App* app, const Context& ctx) {
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("dues bill");
  BillResult result;
  int year = o.year;
  store.write([&] {
    DuesPolicy policy = dues_policy(store);
    if (!app->count("--year")) year = dues_year_of(policy, ctx.as_of);
    Date first = dues_year(policy, year).first;
    if (ctx.as_of < first) {
      throw Error(
          trf("dues year {0} begins on {1}, after {2}; bill it once it has begun", year, first.iso(), ctx.as_of.iso()));
    }
    result = bill_year(store, year, ctx.as_of);
  });
  std::cout << result.charged.size() << '\n';
  ctx.note(bill_note(result, year));
  return kExitOk;
}

// Member `id`'s balance for `year`: its charge less its payments.
Fen balance_of(Store& store, int64_t id, int year) {
  Fen balance = 0;
  for (const auto& c : dues_charges(store, year)) {
    if (c.member_id == id) balance += c.amount;
  }
  for (const auto& p : dues_payments(store, year)) {
    if (p.member_id == id) balance -= p.amount;
  }
  return balance;
}

int run_pay(const WriteOptions& o, const Context& ctx) {
  Payment p;
  MoneyRefusal why{};
  auto amount = parse_yuan(o.amount, &why);
  if (!amount) throw usage_error(money_refusal_message("--amount", o.amount, why));
  p.amount = *amount;
  p.year = o.year;
  p.paid_on = o.on.empty() ? ctx.as_of : parse_date_option(o.on, "--on");
  p.receipt = trim(o.receipt);
  p.method = trim(o.method);
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("dues pay");
  int64_t id = 0;
  std::string name;
  Fen balance = 0;
  store.write([&] {
    p.member_id = resolve_member_ref(store, o.ref);
    refuse(add_payment(store, p, ctx.as_of, &id));
    name = store.member_record(p.member_id).name;
    balance = balance_of(store, p.member_id, p.year);
  });
  std::cout << id << '\n';
  ctx.note(trf("recorded payment #{0}: {1} yuan from member #{2} {3} for {4}, paid {5}; balance {6} yuan", id,
               format_yuan(p.amount), p.member_id, name, p.year, p.paid_on.iso(), format_yuan(balance)));
  return kExitOk;
}

int run_exempt(const WriteOptions& o, ExemptionKind kind, const Context& ctx) {
  Exemption e;
  e.kind = kind;
  e.year = o.year;
  e.reason = trim(o.reason);
  e.approved_by = trim(o.approved_by);
  e.on = ctx.as_of;
  if (kind == ExemptionKind::deferred) e.until = parse_date_option(o.until, "--until");
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command(kind == ExemptionKind::waived ? "dues waive" : "dues defer");
  std::string name;
  store.write([&] {
    e.member_id = resolve_member_ref(store, o.ref);
    refuse(add_exemption(store, e));
    name = store.member_record(e.member_id).name;
  });
  std::string approval = e.approved_by.empty() ? "" : trf("; approved by {0}", e.approved_by);
  if (kind == ExemptionKind::waived) {
    ctx.note(trf("waived member #{0} {1}'s dues for {2} ({3}{4})", e.member_id, name, e.year, e.reason, approval));
  } else {
    ctx.note(trf("deferred member #{0} {1}'s dues for {2} to {3} ({4}{5})", e.member_id, name, e.year, e.until->iso(),
                 e.reason, approval));
  }
  return kExitOk;
}

CLI::Option* year_option(CLI::App* app, WriteOptions& o, const std::string& help) {
  return app->add_option("--year", o.year, help)->check(whole_number(1000, 9999));
}

}  // namespace

Subcommands setup_dues_write(CLI::App& dues) {
  Subcommands out;
  auto o = std::make_shared<WriteOptions>();
  const std::string ref_help = tr("the member: id, exact name, or USCC");

  auto* bill = dues.add_subcommand(
      "bill", tr("charge every member active in a dues year that has no charge for it yet; prints how many"));
  year_option(bill, *o, tr("the dues year (default: the one --as-of falls in)"));
  bill->footer(help_footer(tr("Examples:"), {"roster dues bill --year 2024", "roster dues bill --as-of 2024-07-15"}));
  out.emplace_back(bill, [o, bill](const Context& ctx) { return run_bill(*o, bill, ctx); });

  auto* pay = dues.add_subcommand("pay", tr("record a payment toward a member's dues for a year; prints its id"));
  pay->add_option("REF", o->ref, ref_help)->required();
  year_option(pay, *o, tr("the dues year it pays for"))->required();
  pay->add_option("--amount", o->amount, tr("yuan paid, e.g. 3000, 3,000.00 or 1500.50"))->required();
  pay->add_option("--on", o->on, tr("the day it was paid, YYYY-MM-DD (default: today, or --as-of)"));
  empty_clears(pay->add_option("--receipt", o->receipt, tr("the receipt number")));
  empty_clears(pay->add_option("--method", o->method, tr("how it was paid, e.g. 银行转账, 现金, 微信")));
  pay->footer(help_footer(tr("Example:"), {"roster dues pay 12 --year 2024 --amount 3000 --on 2024-03-20 \\",
                                           "    --receipt 2024-015 --method 银行转账"}));
  out.emplace_back(pay, [o](const Context& ctx) { return run_pay(*o, ctx); });

  auto* waive = dues.add_subcommand("waive", tr("waive a member's dues for a year (减免), saying why"));
  waive->add_option("REF", o->ref, ref_help)->required();
  year_option(waive, *o, tr("the dues year"))->required();
  waive->add_option("--reason", o->reason, tr("why, e.g. the council's resolution"))->required();
  empty_clears(waive->add_option("--approved-by", o->approved_by, tr("who approved it, e.g. 理事会")));
  waive->footer(
      help_footer(tr("Example:"), {"roster dues waive 12 --year 2024 --reason 受灾企业 --approved-by 理事会"}));
  out.emplace_back(waive, [o](const Context& ctx) { return run_exempt(*o, ExemptionKind::waived, ctx); });

  auto* defer = dues.add_subcommand("defer", tr("defer a member's dues for a year to a later due date (缓缴)"));
  defer->add_option("REF", o->ref, ref_help)->required();
  year_option(defer, *o, tr("the dues year"))->required();
  defer->add_option("--until", o->until, tr("the new due date, YYYY-MM-DD, after the charge's own"))->required();
  defer->add_option("--reason", o->reason, tr("why, e.g. the council's resolution"))->required();
  empty_clears(defer->add_option("--approved-by", o->approved_by, tr("who approved it, e.g. 理事会")));
  defer->footer(help_footer(tr("Example:"), {"roster dues defer 12 --year 2024 --until 2024-09-30 --reason 资金周转"}));
  out.emplace_back(defer, [o](const Context& ctx) { return run_exempt(*o, ExemptionKind::deferred, ctx); });
  return out;
}

}  // namespace roster
