// roster rejoin: a former member comes back; a new period opens.
#include <fmt/core.h>

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/member_lookup.h"
#include "roster/membership.h"

namespace roster {
namespace {

struct RejoinOptions {
  std::string ref, joined;
};

int run_rejoin(const RejoinOptions& o, const Context& ctx) {
  Date joined = o.joined.empty() ? ctx.as_of : parse_date_option(o.joined, "--joined");
  Store store = ctx.open_store();
  store.set_command("rejoin");
  int64_t id = 0;
  store.write([&] {
    id = resolve_member_ref(store, o.ref);
    auto problems = membership::rejoin(store, id, joined, ctx.as_of);
    if (!problems.empty()) throw Error(problems.front().reason);
  });
  ctx.note(trf("member #{0} rejoined on {1}", id, joined.iso()));
  return kExitOk;
}

}  // namespace

Command setup_rejoin(CLI::App& root) {
  auto o = std::make_shared<RejoinOptions>();
  auto* app = root.add_subcommand("rejoin", tr("a former member comes back: open a new membership period"));
  app->add_option("REF", o->ref, tr("the member: id, exact name, or USCC"))->required();
  app->add_option("--joined", o->joined, tr("the day they rejoined, YYYY-MM-DD (default: today, or --as-of)"));
  app->footer(help_footer(tr("Example:"), {"roster rejoin 12 --joined 2026-09-01"}));
  return {app, [o](const Context& ctx) { return run_rejoin(*o, ctx); }};
}

}  // namespace roster
