// roster remove-member: end a membership (data kept), or --purge the record.
#include <fmt/core.h>
#include <unistd.h>

#include <iostream>

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/member_lookup.h"
#include "roster/membership.h"
#include "roster/text.h"

namespace roster {
namespace {

struct RemoveOptions {
  std::string ref, left, reason;
  bool purge = false, yes = false;
};

// Asks on the terminal; scripts must say --yes.
void confirm_purge(const MemberRecord& m, bool yes) {
  if (yes) return;
  if (isatty(STDIN_FILENO) != 1) {
    throw usage_error(trf("purging deletes member #{0} for good; add --yes to confirm", m.id));
  }
  std::cerr << trf("Delete every record of member #{0} {1} for good? Type the id to confirm: ", m.id,
                   escape_for_terminal(m.name));
  std::string answer;
  std::getline(std::cin, answer);
  if (answer != std::to_string(m.id) && answer != "#" + std::to_string(m.id)) {
    throw Error(tr("not confirmed; nothing was deleted"));
  }
}

int run_remove_member(const RemoveOptions& o, const Context& ctx) {
  Store store = ctx.open_store();
  store.set_command("remove-member");
  if (o.purge) {
    if (!o.left.empty() || !o.reason.empty()) {
      throw usage_error(tr("--purge deletes the whole record; it takes no --left or --reason"));
    }
    int64_t id = resolve_member_ref(store, o.ref);
    confirm_purge(store.member_record(id), o.yes);
    store.write([&] {
      if (resolve_member_ref(store, o.ref) != id)
        throw Error(tr("the member changed while you confirmed; run it again"));
      store.purge_member(id);
    });
    ctx.note(trf("purged member #{0}; the history keeps only that a member was purged", id));
    return kExitOk;
  }
  if (o.left.empty()) throw usage_error(tr("--left DATE is required (or --purge to delete the record)"));
  Date left = parse_date_option(o.left, "--left");
  int64_t id = 0;
  store.write([&] {
    id = resolve_member_ref(store, o.ref);
    auto problems = membership::leave(store, id, left, o.reason, ctx.as_of);
    if (!problems.empty()) throw Error(problems.front().reason);
  });
  ctx.note(trf("member #{0} left on {1}; the record is kept", id, left.iso()));
  return kExitOk;
}

}  // namespace

Command setup_remove_member(CLI::App& root) {
  auto o = std::make_shared<RemoveOptions>();
  auto* app = root.add_subcommand("remove-member", tr("record that a member left (the record is kept)"));
  app->add_option("REF", o->ref, tr("the member: id, exact name, or USCC"))->required();
  app->add_option("--left", o->left, tr("the day the membership ended, YYYY-MM-DD"));
  empty_clears(app->add_option("--reason", o->reason, tr("why, for the history")));
  app->add_flag("--purge", o->purge, tr("delete the member's record entirely (data-protection requests)"));
  app->add_flag("--yes", o->yes, tr("confirm --purge without asking (for scripts)"));
  app->footer(help_footer(tr("Examples:"), {"roster remove-member 12 --left 2026-06-30 --reason 'did not renew'",
                                            "roster remove-member 12 --purge --yes"}));
  return {app, [o](const Context& ctx) { return run_remove_member(*o, ctx); }};
}

}  // namespace roster
