// roster check: SQLite's integrity checks and the data rules.
#include <fmt/core.h>

#include <iostream>
#include <memory>

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {

Command setup_check(CLI::App& root) {
  auto* app = root.add_subcommand("check", tr("check the file's integrity and the data rules; exit 1 on any problem"));
  auto quick = std::make_shared<bool>(false);
  app->add_flag("--quick", *quick,
                tr("SQLite's quick_check instead of integrity_check: does not match each index against its table, "
                   "so it takes a fraction of the time on a large file"));
  app->footer(help_footer(tr("Examples:"),
                          {"roster check --db backup.db && echo sound", "roster check --quick   # nightly, in cron"}));
  return {app, [quick](const Context& ctx) {
            Store store = ctx.open_store();
            auto problems = store.check_problems(*quick);
            for (const auto& p : problems) std::cout << escape_for_terminal(p) << '\n';
            std::cout.flush();
            check_output(std::cout);
            if (!problems.empty()) {
              throw Error(trfn("{0} problem in {1}", "{0} problems in {1}", problems.size(), problems.size(),
                               store.path().string()));
            }
            ctx.note(trf("{0} is sound", store.path().string()));
            return static_cast<int>(kExitOk);
          }};
}

}  // namespace roster
