// roster backup: a consistent copy while others may be writing.
#include <fmt/core.h>

#include "commands.h"
#include "roster/copy.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/replacement_file.h"

namespace roster {
namespace {

struct BackupOptions {
  std::string path;
  bool force = false;
};

void require_path(const BackupOptions& o) {
  if (o.path.empty()) throw usage_error(tr("give the path of the copy, e.g. roster backup ~/roster-backup.db"));
}

// A roster on PostgreSQL backed up into a SQLite file: roster copy into a
// temporary file beside PATH, renamed over it when complete.
int run_server_backup(const BackupOptions& o, const Context& ctx) {
  require_path(o);
  ReplacementFile copy(replaceable_path(o.path, o.force, "roster-backup.db"));
  copy_roster(ctx.db_path.string(), copy.temp_path());
  copy.commit();
  // The connection string is not repeated: it may name a user or a password file.
  ctx.note(trf("backed up the PostgreSQL roster to {0}", o.path));
  return kExitOk;
}

int run_backup(const BackupOptions& o, const Context& ctx) {
  if (is_server_connection(ctx.db_path.string())) return run_server_backup(o, ctx);
  Store store = ctx.open_store();
  require_path(o);
  refuse_database_path(store.path(), o.path, tr("the backup"));
  store.backup_to(replaceable_path(o.path, o.force, "roster-backup.db"));
  ctx.note(trf("backed up {0} to {1}", store.path().string(), o.path));
  return kExitOk;
}

}  // namespace

Command setup_backup(CLI::App& root) {
  auto o = std::make_shared<BackupOptions>();
  auto* app = root.add_subcommand("backup", tr("write a consistent copy of the database (safe while others write)"));
  app->add_option("PATH", o->path, tr("where to write the copy"))->required();
  app->add_flag("--force", o->force, tr("replace PATH if it is an existing regular file"));
  app->footer(help_footer(
      tr("Example:"),
      {"roster backup ~/backups/roster-$(date +%F).db && roster check --db ~/backups/roster-$(date +%F).db"}));
  return {app, [o](const Context& ctx) { return run_backup(*o, ctx); }};
}

}  // namespace roster
