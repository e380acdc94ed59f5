// roster prospect move | drop | convert: a prospect's way along the stages,
// out of them, or into the roster as a member.
#include <iostream>

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/prospects.h"
#include "roster/text.h"

namespace roster {
namespace {

struct RoadOptions {
  std::string ref, stage, on, reason;
};

// --on (or --joined) as a day, default the command's date (--as-of, else today).
Date day_of(const std::string& text, const char* option, const Context& ctx) {
  return text.empty() ? ctx.as_of : parse_date_option(text, option);
}

void refuse(const std::vector<FieldProblem>& problems) {
  if (!problems.empty()) throw Error(problems.front().reason);
}

int run_move(const RoadOptions& o, const Context& ctx) {
  Date on = day_of(o.on, "--on", ctx);
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("prospect move");
  Prospect p;
  store.write([&] {
    int64_t id = resolve_prospect_ref(store, o.ref);
    refuse(move_prospect(store, id, o.stage, on, ctx.as_of));
    p = read_prospect(store, id);
  });
  ctx.note(trf("moved prospect #{0} {1} to {2} on {3}", p.id, p.name, p.stage, on.iso()));
  return kExitOk;
}

int run_drop(const RoadOptions& o, const Context& ctx) {
  Date on = day_of(o.on, "--on", ctx);
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("prospect drop");
  Prospect p;
  store.write([&] {
    int64_t id = resolve_prospect_ref(store, o.ref);
    refuse(drop_prospect(store, id, trim(o.reason), on, ctx.as_of));
    p = read_prospect(store, id);
  });
  ctx.note(trf("dropped prospect #{0} {1} on {2}", p.id, p.name, on.iso()));
  return kExitOk;
}

int run_convert(const RoadOptions& o, const Context& ctx) {
  Date joined = day_of(o.on, "--joined", ctx);
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("prospect convert");
  Prospect p;
  int64_t member_id = 0;
  // One transaction: the member, the link and the move, or nothing.
  store.write([&] {
    int64_t id = resolve_prospect_ref(store, o.ref);
    refuse(convert_prospect(store, id, joined, ctx.as_of, &member_id));
    p = read_prospect(store, id);
  });
  std::cout << member_id << '\n';
  ctx.note(trf("prospect #{0} {1} joined on {2} as member #{3}", p.id, p.name, joined.iso(), member_id));
  return kExitOk;
}

}  // namespace

Subcommands setup_prospect_road(CLI::App& prospect) {
  Subcommands out;
  auto o = std::make_shared<RoadOptions>();
  const std::string ref_help = tr("the prospect: id, exact name, or USCC");

  auto* move = prospect.add_subcommand("move", tr("move a prospect to another open stage"));
  move->add_option("REF", o->ref, ref_help)->required();
  move->add_option("STAGE", o->stage, tr("the open stage: lead, contacted, interested, applied or approving"))
      ->required();
  move->add_option("--on", o->on, tr("the day of the move, YYYY-MM-DD (default: today, or --as-of)"));
  move->footer(help_footer(tr("Example:"), {"roster prospect move 3 applied --on 2024-05-06"}));
  out.emplace_back(move, [o](const Context& ctx) { return run_move(*o, ctx); });

  auto* drop = prospect.add_subcommand("drop", tr("drop a prospect that will not join, saying why"));
  drop->add_option("REF", o->ref, ref_help)->required();
  drop->add_option("--reason", o->reason, tr("why it was dropped"))->required();
  drop->add_option("--on", o->on, tr("the day it was dropped, YYYY-MM-DD (default: today, or --as-of)"));
  drop->footer(help_footer(tr("Example:"), {"roster prospect drop 3 --reason '预算不足' --on 2024-05-06"}));
  out.emplace_back(drop, [o](const Context& ctx) { return run_drop(*o, ctx); });

  auto* convert = prospect.add_subcommand(
      "convert", tr("make a prospect a member (every add-member check) and mark it joined; prints the member's id"));
  convert->add_option("REF", o->ref, ref_help)->required();
  convert->add_option("--joined", o->on, tr("the day it joined, YYYY-MM-DD (default: today, or --as-of)"));
  convert->footer(help_footer(tr("Example:"), {"roster prospect convert 3 --joined 2024-06-30"}));
  out.emplace_back(convert, [o](const Context& ctx) { return run_convert(*o, ctx); });
  return out;
}

}  // namespace roster
