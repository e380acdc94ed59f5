// roster prospect: the companies being recruited. This file registers the
// subcommands and holds add and edit; the road (move, drop, convert), the
// views (show, stages) and import have files of their own.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/member_lookup.h"
#include "roster/prospects.h"
#include "roster/text.h"

namespace roster {
namespace {

struct ProspectOptions {
  std::string ref, referrer;
  ProspectDraft draft;
};

// The options add and edit share: every field of a prospect but the stage
// and the added date.
void add_field_options(CLI::App* app, ProspectOptions& o, bool edit) {
  // One value per --sector, so `--sector a -- -Name` ends the options as usual.
  auto* sector = app->add_option(
      "-s,--sector", o.draft.sectors,
      edit ? tr("sector code or name; repeat for more, the first is primary; replaces the prospect's list")
           : tr("sector code or name; repeat for more, the first is primary"));
  sector->allow_extra_args(false);
  if (!edit) sector->required();
  empty_clears(app->add_option("--uscc", o.draft.uscc, tr("Unified Social Credit Code (18 characters)")));
  app->add_option("--tier", o.draft.tier,
                  trf("the tier it would join at (default member); in English or Chinese: {0}", tier_forms()));
  empty_clears(app->add_option("--city", o.draft.city, tr("city")));
  empty_clears(app->add_option("--source", o.draft.source, tr("how it was found, e.g. 展会, 会员推荐, 主动申请")));
  empty_clears(app->add_option("--referrer", o.referrer, tr("the member who referred it: id, exact name or USCC")));
  empty_clears(app->add_option("--owner", o.draft.owner, tr("the staff member following it up")));
  empty_clears(app->add_option("--probability", o.draft.probability,
                               tr("its own chance of joining, 0-100, e.g. 35 or 35% (default: its stage's)")));
  empty_clears(app->add_option("--next-action", o.draft.next_action, tr("what to do next, e.g. 'visit'")));
  empty_clears(app->add_option("--next-action-on", o.draft.next_action_on,
                               tr("when to do it, YYYY-MM-DD, 2024/3/15 or 2024年3月15日 (may be ahead)")));
  empty_clears(app->add_option("--note", o.draft.note, tr("free-text note")));
}

std::optional<int64_t> referrer_of(Store& store, const std::string& ref) {
  if (trim(ref).empty()) return std::nullopt;
  return resolve_member_ref(store, ref);
}

int run_add(const ProspectOptions& o, const Context& ctx) {
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("prospect add");
  Prospect p;
  int64_t id = 0;
  store.write([&] {
    auto problems = check_new_prospect(o.draft, store.sectors(), stages(store), ctx.as_of, &p);
    if (!problems.empty()) throw Error(problems.front().reason);
    p.referrer_id = referrer_of(store, o.referrer);
    problems = add_prospect(store, p, &id);
    if (!problems.empty()) throw Error(problems.front().reason);
  });
  std::cout << id << '\n';
  ctx.note(trf("added prospect #{0} {1} ({2}; {3} on {4})", id, p.name, fmt::format("{}", fmt::join(p.sectors, ", ")),
               p.stage, p.added_on.iso()));
  return kExitOk;
}

// Lays the options given over the stored prospect's draft.
ProspectDraft edited_draft(const ProspectOptions& o, const Prospect& old, CLI::App* app) {
  ProspectDraft d = draft_of(old);
  struct Field {
    const char* option;
    const std::string& typed;
    std::string* target;
  };
  for (Field f :
       {Field{"--uscc", o.draft.uscc, &d.uscc}, Field{"--tier", o.draft.tier, &d.tier},
        Field{"--city", o.draft.city, &d.city}, Field{"--source", o.draft.source, &d.source},
        Field{"--owner", o.draft.owner, &d.owner}, Field{"--probability", o.draft.probability, &d.probability},
        Field{"--next-action", o.draft.next_action, &d.next_action},
        Field{"--next-action-on", o.draft.next_action_on, &d.next_action_on}, Field{"--note", o.draft.note, &d.note}}) {
    if (app->count(f.option)) *f.target = f.typed;
  }
  if (app->count("--sector")) d.sectors = o.draft.sectors;
  if (app->count("--name")) d.name = o.draft.name;
  return d;
}

int run_edit(const ProspectOptions& o, CLI::App* app, const Context& ctx) {
  if (app->get_options([](const CLI::Option* opt) { return !opt->get_positional() && opt->count() > 0; }).empty()) {
    throw usage_error(
        tr("nothing to change; give a field to change, e.g. --owner NAME or --next-action TEXT (the "
           "stage changes by `roster prospect move`)"));
  }
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("prospect edit");
  int64_t id = 0;
  std::vector<std::string> changed;
  store.write([&] {
    id = resolve_prospect_ref(store, o.ref);
    Prospect old = read_prospect(store, id);
    auto referrer = app->count("--referrer") ? referrer_of(store, o.referrer) : old.referrer_id;
    auto problems = edit_prospect(store, id, edited_draft(o, old, app), referrer, &changed);
    if (!problems.empty()) throw Error(problems.front().reason);
  });
  ctx.note(changed.empty() ? trf("prospect #{0}: nothing changed", id)
                           : trf("updated prospect #{0}: {1}", id, fmt::format("{}", fmt::join(changed, ", "))));
  return kExitOk;
}

}  // namespace

Command setup_prospect(CLI::App& root) {
  auto* app = root.add_subcommand("prospect", tr("the companies being recruited, their stages and next actions"));
  app->require_subcommand(1);
  Subcommands subs;

  auto add = std::make_shared<ProspectOptions>();
  auto* add_app = app->add_subcommand("add", tr("add a prospect; prints its id"));
  add_app->add_option("NAME", add->draft.name, tr("the company's legal name"))->required();
  add_field_options(add_app, *add, false);
  add_app->add_option("--stage", add->draft.stage, tr("the open stage it starts at (default lead)"));
  add_app->add_option("--on", add->draft.added_on,
                      tr("the day it was added, YYYY-MM-DD, 2024/3/15 or 2024年3月15日 (default: today, or --as-of)"));
  add_app->footer(help_footer(tr("Example:"), {"roster prospect add '杭州星云数字科技有限公司' --sector education \\",
                                               "    --source 展会 --owner 王芳 --next-action-on 2024-04-01"}));
  subs.emplace_back(add_app, [add](const Context& ctx) { return run_add(*add, ctx); });

  auto edit = std::make_shared<ProspectOptions>();
  auto* edit_app = app->add_subcommand("edit", tr("change a prospect's fields ('' clears a text field)"));
  edit_app->add_option("REF", edit->ref, tr("the prospect: id, exact name, or USCC"))->required();
  edit_app->add_option("--name", edit->draft.name, tr("the company's legal name"));
  add_field_options(edit_app, *edit, true);
  edit_app->footer(help_footer(tr("Examples:"), {"roster prospect edit 3 --owner 李明 --next-action-on 2024-05-10",
                                                 "roster prospect edit 3 --probability ''"}));
  subs.emplace_back(edit_app, [edit, edit_app](const Context& ctx) { return run_edit(*edit, edit_app, ctx); });

  for (auto* more : {&setup_prospect_road, &setup_prospect_views, &setup_prospect_import}) {
    for (auto& sub : (*more)(*app)) subs.push_back(std::move(sub));
  }
  app->footer(help_footer(tr("Examples:"), {"roster prospect add '杭州星云数字科技有限公司' --sector education",
                                            "roster prospect move 1 interested --on 2024-04-02",
                                            "roster prospect convert 1 --joined 2024-06-30"}));
  return {app, [subs](const Context& ctx) {
            for (const auto& [sub, run] : subs) {
              if (sub->parsed()) return run(ctx);
            }
            return static_cast<int>(kExitUsage);
          }};
}

}  // namespace roster
