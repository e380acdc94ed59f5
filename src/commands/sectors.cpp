// roster sectors: where the association is strong or thin.
#include <fmt/core.h>

#include <iostream>

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/pipeline.h"
#include "roster/prospects.h"
#include "roster/road.h"
#include "roster/sector_render.h"

namespace roster {
namespace {

// The formats -f may choose (and shell completion offers).
const std::vector<Format> kSectorsFormats = {Format::table, Format::tsv, Format::csv, Format::json, Format::markdown};

struct SectorsOptions {
  std::string since;
  bool key_only = false;
  bool check = false;
  bool bom = false;
  SectorRegistryCommands registry;
};

int run_sectors(const SectorsOptions& o, const Context& ctx) {
  for (const auto& [sub, run] : o.registry.commands) {
    if (sub->parsed()) return run(ctx);
  }
  Format format = ctx.format(kSectorsFormats);
  Date since = o.since.empty() ? ctx.as_of.plus_days(-90) : parse_date_option(o.since, "--since");
  if (since >= ctx.as_of) {
    throw usage_error(trf("--since {0} must be before the report date {1}", since.iso(), ctx.as_of.iso()));
  }
  Store store = ctx.open_store();
  bool lagging = false;
  store.snapshot([&] {  // every figure from one moment, even while others write
    Goal goal = store.goal();
    Timeline timeline = store.membership_timeline();
    std::vector<Sector> sectors = store.sectors().all();
    std::vector<SectorCount> counts = store.sector_counts(ctx.as_of, since);
    std::vector<Prospect> prospects = all_prospects(store);
    std::vector<PipelineSectorRow> pipeline;  // beside the members, once there are prospects
    if (!prospects.empty()) pipeline = build_pipeline_report(stages(store), prospects, sectors, ctx.as_of).key_sectors;
    SectorReport report =
        build_sector_report(ctx.as_of, since, timeline.active_on(ctx.as_of),
                            road_to_goal(goal, timeline).fraction_on(ctx.as_of), sectors, counts, o.key_only, pipeline);
    lagging = report.any_lagging();
    // The members in no key sector are read while the report is written (on
    // the same snapshot), one at a time: a big roster has hundreds of thousands.
    MemberRefFeed without_key_sector = [&](const std::function<void(const MemberRef&)>& each) {
      store.each_member_without_key_sector(ctx.as_of, [&](const MemberRef& m) {
        each(m);
        check_output(std::cout);  // a full disk stops the listing at once
      });
    };
    render_sectors(report, without_key_sector, format, std::cout, ctx.render_options(o.bom));
  });
  std::cout.flush();
  return o.check && lagging ? kExitCheckFailed : kExitOk;
}

}  // namespace

Command setup_sectors(CLI::App& root) {
  auto o = std::make_shared<SectorsOptions>();
  auto* app = root.add_subcommand("sectors", tr("members per sector as of a date; manage the sector list"));
  app->add_option("--since", o->since,
                  tr("count joins and departures after this date (default: 90 days before --as-of)"));
  app->add_flag("--key-only", o->key_only, tr("only the key sectors"));
  app->add_flag("--check", o->check, tr("exit 3 when a key sector with a target lags the road"));
  app->add_flag("--bom", o->bom, tr("start CSV with a byte-order mark (for Excel and WPS)"));
  app->require_subcommand(0, 1);
  o->registry = setup_sector_registry(*app);
  app->footer(help_footer(
      tr("Examples:"),
      {"roster sectors --key-only", "roster sectors --as-of 2025-06-30 --since 2025-01-01 -f csv --bom > sectors.csv",
       "roster sectors add smart-city --name 'Smart city' --name-zh 智慧城市 --key --target 15",
       "roster sectors merge culture entertainment"}));
  return {app, [o](const Context& ctx) { return run_sectors(*o, ctx); }, kSectorsFormats};
}

}  // namespace roster
