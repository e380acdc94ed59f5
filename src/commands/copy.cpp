// roster copy: a whole roster from a SQLite file to PostgreSQL, back, or to
// another file.
#include "roster/copy.h"

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"

namespace roster {
namespace {

struct CopyOptions {
  std::string from, to;
};

int run_copy(const CopyOptions& o, const Context& ctx) {
  CopyCounts c = copy_roster(o.from, o.to);
  // The connection strings are not repeated: they may name a password file or a user.
  ctx.note(trf("copied {0}, {1} and every other table ({2} tables, {3} rows)",
               trfn("{0} member", "{0} members", c.members, c.members),
               trfn("{0} history entry", "{0} history entries", c.history, c.history), c.tables, c.rows));
  return kExitOk;
}

}  // namespace

Command setup_copy(CLI::App& root) {
  auto o = std::make_shared<CopyOptions>();
  auto* app = root.add_subcommand(
      "copy", tr("copy a whole roster between a SQLite file and a PostgreSQL database, into an empty target"));
  app->add_option("--from", o->from, tr("the roster to copy: a file's path or a PostgreSQL connection"))->required();
  app->add_option("--to", o->to, tr("where to copy it: a new file, or a PostgreSQL database without roster tables"))
      ->required();
  app->footer(help_footer(tr("Examples:"), {"roster copy --from members.db --to 'postgresql://secretariat@db/roster'",
                                            "roster copy --from 'host=db dbname=roster' --to copy.db"}));
  return {app, [o](const Context& ctx) { return run_copy(*o, ctx); }};
}

}  // namespace roster
