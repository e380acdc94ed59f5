// roster backup: a consistent copy while others may be writing.
#include <fmt/core.h>

#include "commands.h"
#include "roster/error.h"

namespace roster {
namespace {

struct BackupOptions {
  std::string path;
  bool force = false;
};

int run_backup(const BackupOptions& o, const Context& ctx) {
  namespace fs = std::filesystem;
  std::error_code ec;
  Store store = ctx.open_store();
  if (o.path.empty()) throw usage_error("give the path of the copy, e.g. roster backup ~/roster-backup.db");
  refuse_database_path(store.path(), o.path, "backup");
  if (fs::is_directory(o.path, ec)) {
    throw Error(fmt::format("'{}' is a folder; give a file name for the copy, e.g. {}", o.path,
                            (fs::path(o.path) / "roster-backup.db").lexically_normal().string()));
  }
  if (fs::exists(o.path, ec) && !o.force) {
    throw Error(fmt::format("'{}' already exists; choose another path, or add --force to replace it", o.path));
  }
  store.backup_to(o.path);
  ctx.note(fmt::format("backed up {} to {}", store.path().string(), o.path));
  return kExitOk;
}

}  // namespace

Command setup_backup(CLI::App& root) {
  auto o = std::make_shared<BackupOptions>();
  auto* app = root.add_subcommand("backup", "write a consistent copy of the database (safe while others write)");
  app->add_option("PATH", o->path, "where to write the copy")->required();
  app->add_flag("--force", o->force, "replace PATH if it exists");
  app->footer("Example:\n  roster backup ~/backups/roster-$(date +%F).db && roster check --db ~/backups/roster-$(date +%F).db");
  return {app, [o](const Context& ctx) { return run_backup(*o, ctx); }};
}

}  // namespace roster
