// roster progress: the road to the goal, as of any date.
#include <iostream>

#include "commands.h"
#include "roster/dues_all.h"
#include "roster/dues_store.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/pipeline.h"
#include "roster/progress_render.h"
#include "roster/prospects.h"

namespace roster {
namespace {

// The formats -f may choose (and shell completion offers).
const std::vector<Format> kProgressFormats = {Format::table, Format::tsv, Format::json, Format::markdown};

struct ProgressOptions {
  bool check = false;
};

int run_progress(const ProgressOptions& o, const Context& ctx) {
  Format format = ctx.format(kProgressFormats);
  Store store = ctx.open_store();
  std::string association;
  Goal goal;
  Timeline timeline;
  PipelineReport pipeline;
  std::optional<DuesAtRisk> at_risk;  // nullopt: no dues billed yet
  store.snapshot([&] {                // the goal and the counts from one moment, even while others write
    association = store.association_name();
    goal = store.goal();
    timeline = store.membership_timeline();
    pipeline = build_pipeline_report(stages(store), all_prospects(store), {}, ctx.as_of);
    // Each member's charges together, with whether it is active on the day.
    DuesAccountQuery query{std::nullopt, DuesAccountOrder::member, ctx.as_of};
    at_risk = dues_at_risk(
        [&](const std::function<void(const DuesAccount&)>& each) { each_dues_account(store, query, each); },
        dues_policy(store), ctx.as_of);
  });
  ProgressReport report = build_progress_report(association, goal, timeline, ctx.as_of, pipeline.open_probabilities);
  report.dues_at_risk = at_risk;
  render_progress(report, format, std::cout, ctx.render_options());
  std::cout.flush();
  bool alarming = report.status == GoalStatus::behind || report.status == GoalStatus::missed;
  return o.check && alarming ? kExitCheckFailed : kExitOk;
}

}  // namespace

Command setup_progress(CLI::App& root) {
  auto o = std::make_shared<ProgressOptions>();
  auto* app = root.add_subcommand("progress", tr("how far along the road to the goal we are, as of a date"));
  app->add_flag("--check", o->check, tr("exit 3 when the status is behind or missed (for cron alerts)"));
  app->footer(
      help_footer(tr("Examples:"), {"roster progress", "roster progress --as-of 2025-07-15 -f json | jq .status",
                                    "roster progress --check -q > /dev/null || echo 'behind the road'"}));
  return {app, [o](const Context& ctx) { return run_progress(*o, ctx); }, kProgressFormats};
}

}  // namespace roster
