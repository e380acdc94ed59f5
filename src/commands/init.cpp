// roster init: create the database, seed the sectors and the goal.
#include <fmt/core.h>

#include "commands.h"
#include "roster/error.h"
#include "roster/goal.h"
#include "roster/i18n.h"
#include "roster/member_rules.h"
#include "roster/text.h"

namespace roster {
namespace {

struct InitOptions {
  CLI::App* app = nullptr;
  std::string association;
  // The default goal is Goal's own (goal.h).
  int target = Goal{}.target;
  std::string start = Goal{}.start.iso();
  std::string deadline = Goal{}.deadline.iso();
  bool roles = false;
};

int run_init(const InitOptions& o, const Context& ctx) {
  InitSettings settings;
  // Without --association the name stays empty (reports say "roster"); a name
  // given follows the rules of a member's name.
  settings.association = trim(o.association);
  // `init --lang zh` (the global option) makes zh the association's own
  // language; change it later with `roster language`.
  settings.language = ctx.options.lang;
  if (auto problem = association_name_problem(settings.association); o.app->count("--association") && problem) {
    throw Error(*problem, settings.association.empty() ? kExitUsage : kExitError);
  }
  settings.goal.start = parse_date_option(o.start, "--start");
  settings.goal.deadline = parse_date_option(o.deadline, "--deadline");
  settings.goal.target = o.target;
  if (auto problem = goal_problem(settings.goal)) throw usage_error(*problem);
  settings.sectors = parse_sectors_csv(seed_sectors_csv());
  settings.roles = o.roles;
  Store store = Store::create(ctx.db_path, settings);
  ctx.note(trf("created {0} with {1} sectors; goal {2} members by {3}", store.path().string(), settings.sectors.size(),
               o.target, settings.goal.deadline.iso()));
  return kExitOk;
}

}  // namespace

Command setup_init(CLI::App& root) {
  auto o = std::make_shared<InitOptions>();
  auto* app = root.add_subcommand("init", tr("create a new roster database with the sector list and the goal"));
  o->app = app;
  app->add_option("--association", o->association,
                  tr("the association's name (change it later with `goal set --association`)"));
  app->add_option("--target", o->target, trf("members to reach (default {0})", Goal{}.target))
      ->check(whole_number(1, kMaxTarget));
  app->add_option("--start", o->start, trf("goal start date (default {0})", Goal{}.start.iso()));
  app->add_option("--deadline", o->deadline, trf("goal deadline (default {0})", Goal{}.deadline.iso()));
  app->add_flag("--roles", o->roles,
                tr("on PostgreSQL: also make the roles roster_writer and roster_reader and grant them this roster "
                   "(see docs/deploy.md)"));
  app->footer(
      help_footer(tr("Example:"), {"roster init --db members.db --association '浙江省元宇宙产业协会' --target 200"}));
  return {app, [o](const Context& ctx) { return run_init(*o, ctx); }};
}

}  // namespace roster
