// roster dues: the association's dues (会费). This file registers the
// subcommands and holds the schedule and the policy; billing, payments,
// waivers and deferrals are in dues_write.cpp, the views (status, summary,
// remind) in files of their own.
#include <iostream>

#include "commands.h"
#include "roster/dues_setup_render.h"
#include "roster/dues_store.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/labels.h"
#include "roster/text.h"

namespace roster {
namespace {

// The formats -f may choose (and shell completion offers).
const std::vector<Format> kScheduleFormats = {Format::table, Format::tsv, Format::csv, Format::json};
const std::vector<Format> kPolicyFormats = {Format::table, Format::tsv, Format::json};
// What completion offers after `roster dues … -f`: every format of any dues
// subcommand (the views add jsonl and markdown).
const std::vector<Format> kDuesFormats = {Format::table, Format::tsv,   Format::csv,
                                          Format::json,  Format::jsonl, Format::markdown};

struct ScheduleOptions {
  std::string tier, amount, from, resolution;
  bool bom = false;
};

int run_schedule(const ScheduleOptions& o, const Context& ctx) {
  Format format = ctx.format(kScheduleFormats);
  Store store = ctx.open_store();
  render_dues_schedule(dues_schedule(store), format, std::cout, ctx.render_options(o.bom));
  return kExitOk;
}

int run_schedule_set(const ScheduleOptions& o, const Context& ctx) {
  ScheduleEntry entry;
  auto tier = parse_tier(o.tier);
  if (!tier) throw usage_error(unknown_tier_message(o.tier));
  entry.tier = *tier;
  MoneyRefusal why{};
  auto amount = parse_yuan(o.amount, &why);
  if (!amount) throw usage_error(money_refusal_message("--amount", o.amount, why));
  entry.amount = *amount;
  entry.from = parse_date_option(o.from, "--from");
  entry.resolution = trim(o.resolution);
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("dues schedule set");
  store.write([&] {
    auto problems = add_schedule_entry(store, entry);
    if (!problems.empty()) throw Error(problems.front().reason);
  });
  ctx.note(trf("{0} pays {1} yuan a year from {2} ({3})", tier_label(entry.tier), format_yuan(entry.amount),
               entry.from.iso(), entry.resolution));
  return kExitOk;
}

struct PolicyOptions {
  std::string year_start, due, prorate_from;
  int prorate_percent = 0, grace_months = 0, suspend_months = 0, lapse_months = 0;
};

int run_policy(const Context& ctx) {
  Format format = ctx.format(kPolicyFormats);
  Store store = ctx.open_store();
  render_dues_policy(dues_policy(store), format, std::cout, ctx.render_options());
  return kExitOk;
}

MonthDay month_day_option(const std::string& text, const char* option) {
  auto md = parse_month_day(text);
  if (!md) throw usage_error(trf("{0} '{1}' is not a day of the year; write MM-DD, e.g. 03-31", option, text));
  return *md;
}

// The stored policy with the options given laid over it.
DuesPolicy edited_policy(DuesPolicy p, const PolicyOptions& o, CLI::App* app) {
  auto given = [&](const char* option) { return app->count(option) > 0; };
  if (given("--year-start")) p.year_start = month_day_option(o.year_start, "--year-start");
  if (given("--due")) p.due = month_day_option(o.due, "--due");
  if (given("--prorate-from")) p.prorate_from = month_day_option(o.prorate_from, "--prorate-from");
  if (given("--prorate-percent")) p.prorate_percent = o.prorate_percent;
  if (given("--grace-months")) p.grace_months = o.grace_months;
  if (given("--suspend-months")) p.suspend_months = o.suspend_months;
  if (given("--lapse-months")) p.lapse_months = o.lapse_months;
  return p;
}

int run_policy_set(const PolicyOptions& o, CLI::App* app, const Context& ctx) {
  if (app->get_options([](const CLI::Option* opt) { return opt->count() > 0; }).empty()) {
    throw usage_error(tr("nothing to change; give a setting, e.g. --due 03-31 or --prorate-percent 50"));
  }
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("dues policy set");
  DuesPolicy p;
  store.write([&] {
    p = edited_policy(dues_policy(store), o, app);
    auto problems = set_dues_policy(store, p);
    if (!problems.empty()) throw Error(problems.front().reason);
  });
  ctx.note(
      trf("dues policy: the year starts on {0}, due {1}; members joining from {3} pay {2}%; overdue after {4}, "
          "suspended after {5}, lapsed after {6} months",
          month_day_text(p.year_start), month_day_text(p.due), p.prorate_percent, month_day_text(p.prorate_from),
          p.grace_months, p.suspend_months, p.lapse_months));
  return kExitOk;
}

Subcommands setup_dues_schedule(CLI::App& dues) {
  auto o = std::make_shared<ScheduleOptions>();
  auto* show =
      dues.add_subcommand("schedule", tr("the amount each tier pays a year, from which date, by which resolution"));
  show->add_flag("--bom", o->bom, tr("start CSV with a byte-order mark (for Excel and WPS)"));
  show->require_subcommand(0, 1);
  auto* set = show->add_subcommand("set", tr("set a tier's yearly amount from a date (earlier entries are kept)"));
  set->add_option("--tier", o->tier, trf("the tier; in English or Chinese: {0}", tier_forms()))->required();
  set->add_option("--amount", o->amount, tr("yuan a year, e.g. 10000, 10,000.00 or 3000元"))->required();
  set->add_option("--from", o->from, tr("the first day it applies, YYYY-MM-DD, 2024/1/1 or 2024年1月1日"))->required();
  set->add_option("--resolution", o->resolution, tr("the resolution that set it, e.g. 第一届第二次会员大会"))
      ->required();
  set->footer(
      help_footer(tr("Example:"), {"roster dues schedule set --tier council --amount 10000 --from 2024-01-01 \\",
                                   "    --resolution 第一届第二次会员大会"}));
  show->footer(help_footer(tr("Examples:"), {"roster dues schedule", "roster dues schedule -f json"}));
  return {{show,
           [o, set](const Context& ctx) { return set->parsed() ? run_schedule_set(*o, ctx) : run_schedule(*o, ctx); }}};
}

Subcommands setup_dues_policy(CLI::App& dues) {
  auto o = std::make_shared<PolicyOptions>();
  auto* show = dues.add_subcommand("policy", tr("how dues are billed: the dues year, the due date, proration, and "
                                                "the grace, suspension and lapse offsets"));
  show->require_subcommand(0, 1);
  auto* set = show->add_subcommand("set", tr("change the billing policy (only the settings given)"));
  set->add_option("--year-start", o->year_start, tr("the first day of the dues year, MM-DD (default 01-01)"));
  set->add_option("--due", o->due, tr("the day of the dues year the dues fall due, MM-DD (default 03-31)"));
  set->add_option("--prorate-from", o->prorate_from,
                  tr("members whose first day in the year is this day or later pay the prorated percent, MM-DD "
                     "(default 07-01)"));
  set->add_option("--prorate-percent", o->prorate_percent, tr("the percent they pay, 0-100 (default 50)"))
      ->check(whole_number(0, 100));
  set->add_option("--grace-months", o->grace_months, tr("months after the due date before overdue (default 0)"))
      ->check(whole_number(0, 120));
  set->add_option("--suspend-months", o->suspend_months,
                  tr("months after the due date before suspended, rights restricted (default 6)"))
      ->check(whole_number(0, 120));
  set->add_option("--lapse-months", o->lapse_months,
                  tr("months after the due date before lapsed, for the council to decide (default 12)"))
      ->check(whole_number(0, 120));
  set->footer(
      help_footer(tr("Example:"), {"roster dues policy set --due 03-31 --prorate-from 07-01 --prorate-percent 50"}));
  show->footer(help_footer(tr("Examples:"), {"roster dues policy", "roster dues policy set --grace-months 1"}));
  return {
      {show, [o, set](const Context& ctx) { return set->parsed() ? run_policy_set(*o, set, ctx) : run_policy(ctx); }}};
}

}  // namespace

Command setup_dues(CLI::App& root) {
  auto* app = root.add_subcommand("dues", tr("dues (会费): the schedule, the billing policy, charges, payments, "
                                             "waivers and deferrals"));
  app->require_subcommand(1);
  Subcommands subs;
  // The subcommands, in the order `roster dues --help` lists them.
  for (auto* more :
       {&setup_dues_schedule, &setup_dues_policy, &setup_dues_write, &setup_dues_views, &setup_dues_transfer}) {
    for (auto& sub : (*more)(*app)) subs.push_back(std::move(sub));
  }
  app->footer(help_footer(tr("Examples:"), {"roster dues schedule set --tier member --amount 3000 --from 2024-01-01 \\",
                                            "    --resolution 第一届第二次会员大会", "roster dues bill --year 2024",
                                            "roster dues pay 12 --year 2024 --amount 3000 --receipt 2024-015"}));
  return {app,
          [subs](const Context& ctx) {
            for (const auto& [sub, run] : subs) {
              if (sub->parsed()) return run(ctx);
            }
            return static_cast<int>(kExitUsage);
          },
          kDuesFormats};
}

}  // namespace roster
