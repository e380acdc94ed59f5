// roster dues: the association's dues (会费). This file registers the
// subcommands; the views (status, summary, remind) are in dues_views.cpp.
#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"

namespace roster {

Command setup_dues(CLI::App& root) {
  auto* app = root.add_subcommand("dues", tr("dues (会费): the schedule, the billing policy, charges, payments, "
                                             "waivers and deferrals"));
  app->require_subcommand(1);
  Subcommands subs = setup_dues_views(*app);
  return {app, [subs](const Context& ctx) {
            for (const auto& [sub, run] : subs) {
              if (sub->parsed()) return run(ctx);
            }
            return static_cast<int>(kExitUsage);
          }};
}

}  // namespace roster
