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
  std::error_code ec;
  if (std::filesystem::exists(o.path, ec) && !o.force) {
    throw Error(fmt::format("'{}' already exists; choose another path, or add --force to replace it", o.path));
  }
  Store store = ctx.open_store();
  if (std::filesystem::equivalent(store.path(), o.path, ec)) {
    throw Error("the backup would overwrite the database itself; choose another path");
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
