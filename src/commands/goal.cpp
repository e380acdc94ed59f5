// roster goal: show the goal, or change it with `goal set`.
#include "roster/goal.h"

#include <fmt/core.h>

#include <iostream>

#include "commands.h"
#include "roster/error.h"
#include "roster/goal_render.h"
#include "roster/i18n.h"
#include "roster/member_rules.h"
#include "roster/text.h"

namespace roster {
namespace {

// The formats -f may choose (and shell completion offers).
const std::vector<Format> kGoalFormats = {Format::table, Format::tsv, Format::json};

struct GoalOptions {
  CLI::App* set = nullptr;
  std::string start, deadline, association;
  int target = 0;
};

// The goal and its baseline from one snapshot, as progress reads them.
void show_goal(Store& store, const Context& ctx) {
  Format format = ctx.format(kGoalFormats);
  GoalReport report;
  store.snapshot([&] {
    Goal goal = store.goal();
    report = build_goal_report(goal, store.membership_timeline());
  });
  render_goal(report, format, std::cout, ctx.render_options());
}

int run_goal(const GoalOptions& o, const Context& ctx) {
  Store store = ctx.open_store();
  if (!o.set->parsed()) {
    show_goal(store, ctx);
    return kExitOk;
  }
  bool renames = o.set->count("--association") > 0;
  if (o.start.empty() && o.deadline.empty() && o.set->count("--target") == 0 && !renames) {
    throw usage_error(tr("goal set needs at least one of --start, --target, --deadline, --association"));
  }
  std::string association = trim(o.association);
  if (auto problem = association_name_problem(association); renames && problem) {
    throw Error(*problem, association.empty() ? kExitUsage : kExitError);  // as an empty value of any option
  }
  // i18n: data (a command name for the history)
  store.set_command("goal set");
  Goal goal;
  store.write([&] {
    if (renames) store.set_association_name(association);
    goal = store.stored_goal();  // it may be damaged: goal set is how it is repaired
    if (!o.start.empty()) goal.start = parse_date_option(o.start, "--start");
    if (!o.deadline.empty()) goal.deadline = parse_date_option(o.deadline, "--deadline");
    if (o.set->count("--target")) goal.target = o.target;
    if (auto problem = goal_problem(goal)) throw usage_error(*problem);
    store.set_goal(goal);
  });
  if (renames) ctx.note(trf("association: {0}", association));
  ctx.note(trf("goal: {0} members by {1}, counting from {2}", goal.target, goal.deadline.iso(), goal.start.iso()));
  return kExitOk;
}

}  // namespace

Command setup_goal(CLI::App& root) {
  auto o = std::make_shared<GoalOptions>();
  auto* app = root.add_subcommand("goal", tr("show the goal (start, baseline, target, deadline), or change it"));
  o->set =
      app->add_subcommand("set", tr("change the goal or the association's name; the change is logged in the history"));
  o->set->add_option("--start", o->start, tr("the date the road starts from, YYYY-MM-DD"));
  o->set->add_option("--target", o->target, tr("members to reach"))->check(whole_number(1, kMaxTarget));
  o->set->add_option("--deadline", o->deadline, tr("the date to reach them by, YYYY-MM-DD"));
  o->set->add_option("--association", o->association, tr("rename the association (the name reports are titled with)"));
  o->set->footer(help_footer(tr("Examples:"), {"roster goal set --target 250 --deadline 2026-12-31",
                                               "roster goal set --association '浙江省元宇宙产业协会'"}));
  app->footer(help_footer(tr("Examples:"), {"roster goal", "roster goal set --target 250 --deadline 2026-12-31"}));
  return {app, [o](const Context& ctx) { return run_goal(*o, ctx); }, kGoalFormats};
}

}  // namespace roster
