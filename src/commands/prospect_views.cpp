// roster prospect show | stages [set]: one prospect whole, and the stages
// with the probabilities the pipeline weighs them by.
#include <iostream>

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/prospect_render.h"
#include "roster/prospects.h"

namespace roster {
namespace {

// The formats -f may choose.
const std::vector<Format> kProspectShowFormats = {Format::table, Format::json};
const std::vector<Format> kStagesFormats = {Format::table, Format::tsv, Format::csv, Format::json};

struct ViewOptions {
  std::string ref, stage, probability;
  bool bom = false;
};

int run_show(const ViewOptions& o, const Context& ctx) {
  Format format = ctx.format(kProspectShowFormats);
  Store store = ctx.open_store();
  ProspectRecord record;
  std::vector<Stage> all;
  std::vector<Sector> registry;
  store.snapshot([&] {  // the lookup and every read from one moment
    record.prospect = read_prospect(store, resolve_prospect_ref(store, o.ref));
    record.history = prospect_history(store, record.prospect.id);
    all = stages(store);
    registry = store.sectors().all();
  });
  if (const Stage* stage = find_stage(all, record.prospect.stage)) record.stage = *stage;
  render_prospect(record, all, registry, format, std::cout, ctx.render_options());
  return kExitOk;
}

int run_stages(const ViewOptions& o, const Context& ctx) {
  Format format = ctx.format(kStagesFormats);
  Store store = ctx.open_store();
  render_stages(stages(store), format, std::cout, ctx.render_options(o.bom));
  return kExitOk;
}

int run_stages_set(const ViewOptions& o, const Context& ctx) {
  auto probability = parse_probability(o.probability);
  if (!probability) throw usage_error(probability_problem(o.probability));
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("prospect stages set");
  store.write([&] { set_stage_probability(store, o.stage, *probability); });
  ctx.note(trf("stage {0} now has probability {1}%", o.stage, *probability));
  return kExitOk;
}

}  // namespace

Subcommands setup_prospect_views(CLI::App& prospect) {
  Subcommands out;
  auto o = std::make_shared<ViewOptions>();

  auto* show = prospect.add_subcommand("show", tr("one prospect: every field, its stage, its moves and the history"));
  show->add_option("REF", o->ref, tr("the prospect: id, exact name, or USCC"))->required();
  show->footer(help_footer(tr("Examples:"), {"roster prospect show 3", "roster prospect show 3 -f json"}));
  out.emplace_back(show, [o](const Context& ctx) { return run_show(*o, ctx); });

  auto* stages_app = prospect.add_subcommand("stages", tr("the stages of recruitment and their probabilities"));
  stages_app->add_flag("--bom", o->bom, tr("start CSV with a byte-order mark (for Excel and WPS)"));
  stages_app->require_subcommand(0, 1);
  auto* set = stages_app->add_subcommand("set", tr("change the probability of one stage"));
  set->add_option("STAGE", o->stage, tr("the stage: its code or name"))->required();
  set->add_option("--probability", o->probability, tr("the chance of joining from it, 0-100, e.g. 35 or 35%"))
      ->required();
  set->footer(help_footer(tr("Example:"), {"roster prospect stages set interested --probability 40"}));
  stages_app->footer(
      help_footer(tr("Examples:"), {"roster prospect stages", "roster prospect stages set applied --probability 80"}));
  out.emplace_back(stages_app, [o, set](const Context& ctx) {
    return set->parsed() ? run_stages_set(*o, ctx) : run_stages(*o, ctx);
  });
  return out;
}

}  // namespace roster
