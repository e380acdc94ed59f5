// roster report: the weekly (monthly, quarterly) report for cron, chat and leadership.
#include <fmt/chrono.h>
#include <fmt/core.h>

#include <chrono>
#include <iostream>

#include "commands.h"
#include "roster/dues_all.h"
#include "roster/dues_store.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/prospects.h"
#include "roster/report_render.h"

namespace roster {
namespace {

// The formats -f may choose (and shell completion offers).
const std::vector<Format> kReportFormats = {Format::text, Format::markdown, Format::chat, Format::html, Format::json};

struct ReportOptions {
  std::string period;
  std::string week;
  std::string month;
  std::string quarter;
  bool check = false;
  bool stamp = false;
};

// The period asked for: --week/--month/--quarter, else the last complete
// --period before the report date.
ReportPeriod chosen_period(const ReportOptions& o, Date as_of) {
  std::optional<PeriodKind> kind;
  if (!o.period.empty()) {
    kind = parse_period_kind(o.period);
    if (!kind) throw usage_error(trf("--period '{0}' is not week, month or quarter", o.period));
  }
  struct Pick {
    PeriodKind kind;
    const std::string& label;
    const char* option;
    const char* example;
    const char* noun;
  };
  for (const Pick& pick : {Pick{PeriodKind::week, o.week, "--week", "2024-W10", trc("period", "week")},
                           Pick{PeriodKind::month, o.month, "--month", "2024-03", trc("period", "month")},
                           Pick{PeriodKind::quarter, o.quarter, "--quarter", "2024-Q1", trc("period", "quarter")}}) {
    if (pick.label.empty()) continue;
    if (kind && *kind != pick.kind) {
      throw usage_error(trf("{0} and --period {1} disagree; give one of them", pick.option, o.period));
    }
    auto period = parse_period(pick.kind, pick.label);
    if (!period) {
      std::string why;
      if (pick.kind == PeriodKind::week && pick.label.size() == 8 && pick.label.substr(5) == "W53") {
        why = trf(" ({0} has 52 ISO weeks)", pick.label.substr(0, 4));
      }
      throw usage_error(
          trf("{0} '{1}' is not a {2}{3}; write it like {4}", pick.option, pick.label, pick.noun, why, pick.example));
    }
    if (period->first > as_of) {
      throw usage_error(
          trf("{0} {1} begins on {2}, after the report date {3}; pick an earlier one or a later "
              "--as-of",
              pick.option, pick.label, period->first.iso(), as_of.iso()));
    }
    return *period;
  }
  return last_complete_period(kind.value_or(PeriodKind::week), as_of);
}

// What the report reads besides the dues (inside the caller's snapshot).
PeriodReportData read_report_data(Store& store, const ReportPeriod& period, Date end) {
  PeriodReportData data;
  data.association = store.association_name();
  data.goal = store.goal();
  data.timeline = store.membership_timeline();
  data.changes = store.member_changes(period.first, end);
  data.sectors = store.sectors().all();
  data.sector_counts = store.sector_counts(end, period.first.plus_days(-1));
  data.stages = stages(store);
  data.prospects = all_prospects(store);
  return data;
}

int run_report(const ReportOptions& o, const Context& ctx) {
  Format format = ctx.format(kReportFormats);
  if (int picks = !o.week.empty() + !o.month.empty() + !o.quarter.empty(); picks > 1) {
    throw usage_error(tr("give only one of --week, --month and --quarter"));
  }
  ReportPeriod period = chosen_period(o, ctx.as_of);
  Date end = report_end(period, ctx.as_of);
  std::optional<std::string> stamp;
  if (o.stamp) {
    auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    stamp = fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
  }
  Store store = ctx.open_store();
  GoalStatus status = GoalStatus::on_track;
  // Read, built and written on one snapshot: -f json reads the newly overdue
  // members again while it writes them.
  store.snapshot([&] {
    PeriodReportData data = read_report_data(store, period, end);
    DuesPolicy policy = dues_policy(store);
    DuesAccountFeed accounts = [&](const std::function<void(const DuesAccount&)>& each) {
      each_dues_account(store, {}, each);  // by member id: a member's years together
    };
    data.dues = dues_in_period(
        accounts, [&](const std::function<void(const Payment&)>& each) { each_dues_payment(store, each); }, policy,
        period.first, end);
    PeriodReport report = build_period_report(period, ctx.as_of, std::move(data));
    status = report.progress.status;
    DuesRefFeed newly_overdue = [&](const std::function<void(const DuesRef&)>& each) {
      each_newly_overdue(accounts, policy, period.first, end, [&](const DuesRef& m) {
        each(m);
        check_output(std::cout);  // a full disk stops the listing at once
      });
    };
    render_report(report, newly_overdue, format, std::cout, {ctx.render_options(), stamp});
  });
  std::cout.flush();
  return o.check && (status == GoalStatus::behind || status == GoalStatus::missed) ? kExitCheckFailed : kExitOk;
}

}  // namespace

Command setup_report(CLI::App& root) {
  auto o = std::make_shared<ReportOptions>();
  auto* app =
      root.add_subcommand("report", tr("the weekly, monthly or quarterly report (text, markdown, chat, html, json)"));
  app->add_option("--period", o->period, tr("week (default), month or quarter: the last complete one before --as-of"));
  app->add_option("--week", o->week, tr("this ISO week instead, e.g. 2024-W10"));
  app->add_option("--month", o->month, tr("this month instead, e.g. 2024-03"));
  app->add_option("--quarter", o->quarter, tr("this quarter instead, e.g. 2024-Q1"));
  app->add_flag("--check", o->check, tr("exit 3 when progress is behind or missed, after writing the report"));
  app->add_flag("--stamp", o->stamp,
                tr("say when the report was made (otherwise the output depends only on the data)"));
  app->footer(help_footer(
      tr("Examples:"),
      {std::string("roster report                                   # ") + tr("last Monday-to-Sunday week, as text"),
       std::string("roster report -f html > week.html               # ") + tr("one self-contained page for mail"),
       std::string("roster report --month 2024-03 -f markdown       # ") + tr("for a chat robot"),
       std::string("roster report -f json --check | jq .status      # ") + tr("cron: exit 3 when behind")}));
  return {app, [o](const Context& ctx) { return run_report(*o, ctx); }, kReportFormats};
}

}  // namespace roster
