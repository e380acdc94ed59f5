// roster check: SQLite's integrity checks and the data rules.
#include <fmt/core.h>

#include <iostream>

#include "commands.h"
#include "roster/error.h"
#include "roster/text.h"

namespace roster {

Command setup_check(CLI::App& root) {
  auto* app = root.add_subcommand("check", "check the file's integrity and the data rules; exit 1 on any problem");
  app->footer("Example:\n  roster check --db backup.db && echo sound");
  return {app, [](const Context& ctx) {
            Store store = ctx.open_store();
            auto problems = store.check_problems();
            for (const auto& p : problems) std::cout << escape_for_terminal(p) << '\n';
            std::cout.flush();
            check_output(std::cout);
            if (!problems.empty()) {
              throw Error(fmt::format("{} problem{} in {}", problems.size(), problems.size() == 1 ? "" : "s",
                                      store.path().string()));
            }
            ctx.note(fmt::format("{} is sound", store.path().string()));
            return static_cast<int>(kExitOk);
          }};
}

}  // namespace roster
