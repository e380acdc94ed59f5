// roster dues status | summary | remind: who has paid, who is late, what was
// collected, and whom to remind. Every figure is built from one snapshot by
// the pure builders of roster/dues_report.h.
#include <fmt/format.h>

#include <iostream>

#include "commands.h"
#include "roster/dues_all.h"
#include "roster/dues_render.h"
#include "roster/dues_report.h"
#include "roster/dues_store.h"
#include "roster/dues_years.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {
namespace {

// The formats -f may choose.
const std::vector<Format> kViewFormats = {Format::table, Format::tsv,   Format::csv,
                                          Format::json,  Format::jsonl, Format::markdown};

struct ViewOptions {
  int year = 0;  ///< 0: the dues year of --as-of (status, remind) or every year billed (summary)
  std::string statuses;
  int days_before = 30;
  bool check = false;
  bool bom = false;
};

// "overdue,suspended" → the statuses; a word that is none is a usage error
// naming the codes.
std::vector<DuesStatus> parse_statuses(const std::string& text) {
  std::vector<DuesStatus> out;
  for (const auto& word : split_list(text)) {
    auto status = dues_status_from_code(name_key(word));
    if (!status) {
      std::vector<std::string_view> codes;
      for (DuesStatus s : all_dues_statuses()) codes.push_back(dues_status_code(s));
      throw usage_error(
          trf("unknown dues status '{0}'; use one or more of {1}, separated by commas", word, fmt::join(codes, ", ")));
    }
    out.push_back(*status);
  }
  return out;
}

// The accounts `query` asks for, as a feed (read inside the caller's
// snapshot); after each one the output is checked, so a full disk stops a
// long listing at once.
DuesAccountFeed accounts_of(Store& store, const DuesAccountQuery& query) {
  return [&store, query](const std::function<void(const DuesAccount&)>& each) {
    each_dues_account(store, query, [&](const DuesAccount& a) {
      each(a);
      check_output(std::cout);
    });
  };
}

// --year, else the dues year that holds --as-of.
int view_year(const ViewOptions& o, const DuesPolicy& policy, Date as_of) {
  return o.year ? o.year : dues_year_of(policy, as_of);
}

int run_status(const ViewOptions& o, const Context& ctx) {
  Format format = ctx.format(kViewFormats);
  std::vector<DuesStatus> only = parse_statuses(o.statuses);
  Store store = ctx.open_store();
  auto writer = make_dues_status_writer(format, std::cout, ctx.render_options(o.bom));
  DuesStatusReport counts;
  store.snapshot([&] {  // every figure from one moment, even while others write
    DuesPolicy policy = dues_policy(store);
    auto accounts = accounts_of(store, {view_year(o, policy, ctx.as_of), DuesAccountOrder::member, std::nullopt});
    counts = each_dues_status(accounts, policy, ctx.as_of, only, [&](const DuesStatusRow& r) { writer->row(r); });
  });
  writer->finish(counts);
  std::cout.flush();
  return o.check && counts.at_risk() ? kExitCheckFailed : kExitOk;
}

int run_summary(const ViewOptions& o, const Context& ctx) {
  Format format = ctx.format(kViewFormats);
  Store store = ctx.open_store();
  DuesSummary summary;
  store.snapshot([&] {
    DuesPolicy policy = dues_policy(store);
    std::vector<int> years = o.year ? std::vector<int>{o.year} : dues_charge_years(store);
    summary = build_dues_summary(
        [&](const std::function<void(const DuesAccount&)>& each) {
          for (int year : years) {
            // A year that starts after --as-of could not have been billed yet on that day.
            if (o.year || dues_year(policy, year).first <= ctx.as_of)
              each_dues_account(store, {year, DuesAccountOrder::member, std::nullopt}, each);
          }
        },
        policy, ctx.as_of);
  });
  render_dues_summary(summary, format, std::cout, ctx.render_options(o.bom));
  return kExitOk;
}

int run_remind(const ViewOptions& o, const Context& ctx) {
  Format format = ctx.format(kViewFormats);
  Store store = ctx.open_store();
  auto writer = make_dues_reminder_writer(format, std::cout, ctx.render_options(o.bom));
  store.snapshot([&] {
    DuesPolicy policy = dues_policy(store);
    // Most overdue first: the store reads the charges in the reminders' order.
    auto accounts = accounts_of(store, {view_year(o, policy, ctx.as_of), DuesAccountOrder::due, ctx.as_of});
    each_dues_reminder(accounts, policy, ctx.as_of, o.days_before, [&](const DuesReminder& r) { writer->row(r); });
  });
  writer->finish();
  return kExitOk;
}

CLI::Option* year_option(CLI::App* app, ViewOptions& o, const std::string& help) {
  return app->add_option("--year", o.year, help)->check(whole_number(1000, 9999));
}

CLI::Option* bom_option(CLI::App* app, ViewOptions& o) {
  return app->add_flag("--bom", o.bom, tr("start CSV with a byte-order mark (for Excel and WPS)"));
}

}  // namespace

Subcommands setup_dues_views(CLI::App& dues) {
  Subcommands out;
  auto status = std::make_shared<ViewOptions>();
  auto* status_app =
      dues.add_subcommand("status", tr("each member's dues for a year as of a date: due, paid, balance and status"));
  year_option(status_app, *status, tr("the dues year (default: the one that holds --as-of)"));
  status_app->add_option("--status", status->statuses,
                         tr("only these statuses, separated by commas: paid, partial, due, overdue, suspended, "
                            "lapsed, waived, deferred"));
  status_app->add_flag("--check", status->check,
                       tr("exit 3 when a member is suspended or lapsed (for a cron job), after the output"));
  bom_option(status_app, *status);
  status_app->footer(help_footer(
      tr("Examples:"), {"roster dues status --year 2024", "roster dues status --status overdue,suspended,lapsed -f csv",
                        "roster dues status --check -q > /dev/null || echo 'dues at risk'"}));
  out.emplace_back(status_app, [status](const Context& ctx) { return run_status(*status, ctx); });

  auto summary = std::make_shared<ViewOptions>();
  auto* summary_app = dues.add_subcommand(
      "summary", tr("billed, collected, waived and outstanding per year and tier, with the collection rate"));
  year_option(summary_app, *summary, tr("only this dues year (default: every year billed)"));
  bom_option(summary_app, *summary);
  summary_app->footer(help_footer(tr("Examples:"), {"roster dues summary", "roster dues summary --year 2024 -f json"}));
  out.emplace_back(summary_app, [summary](const Context& ctx) { return run_summary(*summary, ctx); });

  auto remind = std::make_shared<ViewOptions>();
  auto* remind_app = dues.add_subcommand(
      "remind", tr("the members to remind: a balance due within some days or already late, with their contacts"));
  remind_app
      ->add_option("--days-before", remind->days_before,
                   tr("remind this many days before the due date (default 30); late members always"))
      ->check(whole_number(0, 3660));
  year_option(remind_app, *remind, tr("the dues year (default: the one that holds --as-of)"));
  bom_option(remind_app, *remind);
  remind_app->footer(help_footer(tr("Examples:"), {"roster dues remind -f csv --bom > reminders.csv",
                                                   "roster dues remind --days-before 14 --year 2024"}));
  out.emplace_back(remind_app, [remind](const Context& ctx) { return run_remind(*remind, ctx); });
  return out;
}

}  // namespace roster
