// roster pipeline: the recruitment pipeline as of a date — stages, weighted
// counts, key sectors, expected joins, conversion, and the follow-ups due.
#include <iostream>

#include "commands.h"
#include "roster/i18n.h"
#include "roster/pipeline_render.h"
#include "roster/prospects.h"

namespace roster {
namespace {

// The formats -f may choose (and shell completion offers).
const std::vector<Format> kPipelineFormats = {Format::table, Format::tsv,   Format::csv,
                                              Format::json,  Format::jsonl, Format::markdown};

struct PipelineOptions {
  bool due = false;
  bool check = false;
  bool bom = false;
};

int run_pipeline(const PipelineOptions& o, const Context& ctx) {
  Format format = ctx.format(kPipelineFormats);
  Store store = ctx.open_store();
  std::vector<Stage> stage_list;
  std::vector<Prospect> prospects;
  std::vector<Sector> sectors;
  store.snapshot([&] {  // every figure from one moment, even while others write
    stage_list = stages(store);
    prospects = all_prospects(store);
    sectors = store.sectors().all();
  });
  PipelineReport report = build_pipeline_report(stage_list, prospects, sectors, ctx.as_of);
  if (o.due) {
    render_pipeline_due(report, format, std::cout, ctx.render_options(o.bom));
  } else {
    render_pipeline(report, format, std::cout, ctx.render_options(o.bom));
  }
  std::cout.flush();
  return o.check && report.overdue ? kExitCheckFailed : kExitOk;
}

}  // namespace

Command setup_pipeline(CLI::App& root) {
  auto o = std::make_shared<PipelineOptions>();
  auto* app = root.add_subcommand(
      "pipeline", tr("the recruitment pipeline as of a date: prospects per stage and key sector, weighted, expected "
                     "joins, conversion, follow-ups due"));
  app->add_flag("--due", o->due, tr("list the follow-ups due on or before the date instead"));
  app->add_flag("--check", o->check, tr("exit 3 when a follow-up is overdue (for a morning cron job)"));
  app->add_flag("--bom", o->bom, tr("start CSV with a byte-order mark (for Excel and WPS)"));
  app->footer(help_footer(tr("Examples:"), {"roster pipeline", "roster pipeline --due --check -f tsv"}));
  return {app, [o](const Context& ctx) { return run_pipeline(*o, ctx); }, kPipelineFormats};
}

}  // namespace roster
