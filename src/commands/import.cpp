// roster import: load members from roster's CSV, all or nothing.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include <fmt/core.h>

#include "commands.h"
#include "roster/error.h"
#include "roster/member_import.h"

namespace roster {
namespace {

struct ImportOptions {
  std::string file;
  bool dry_run = false;
  size_t max_errors = 50;
};

// Copies stdin to an unlinked temporary file, so the write transaction is not
// held open while a slow pipe trickles in, and memory stays flat.
void spool_stdin(std::fstream& spool) {
  const char* tmpdir = std::getenv("TMPDIR");
  std::string folder = tmpdir && *tmpdir ? tmpdir : "/tmp";
  std::string path = folder + "/roster-import-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) throw Error(fmt::format("cannot make a temporary file for stdin in {}; set TMPDIR to a writable folder", folder));
  close(fd);
  spool.open(path, std::ios::in | std::ios::out | std::ios::binary | std::ios::trunc);
  unlink(path.c_str());
  spool << std::cin.rdbuf();
  if (!spool) {
    spool.clear();  // empty stdin sets failbit; an empty file is reported by the reader
  }
  spool.flush();
  spool.seekg(0);
}

int run_import(const ImportOptions& o, const Context& ctx) {
  Store store = ctx.open_store();
  store.set_command("import");
  std::fstream file;
  std::string label = o.file == "-" ? "<stdin>" : o.file;
  if (o.file == "-") {
    spool_stdin(file);
  } else {
    file.open(o.file, std::ios::in | std::ios::binary);
    if (!file) throw Error(fmt::format("cannot read '{}'; check the path", o.file));
  }
  CsvMemberReader reader(file, label);
  ImportResult result = import_members(store, reader, ctx.as_of, o.dry_run, o.max_errors);

  for (const auto& p : result.problems) std::cerr << fmt::format("{}:{}: {}: {}\n", label, p.line, p.field, p.reason);
  if (result.problem_count > result.problems.size()) {
    std::cerr << fmt::format("{}: … and {} more problems not shown (raise --max-errors to see them)\n", label,
                             result.problem_count - result.problems.size());
  }
  if (result.problem_count > 0) {
    throw Error(fmt::format("{}: {} problem{} in {} row{}; nothing was imported (fix the rows above and run again)",
                            label, result.problem_count, result.problem_count == 1 ? "" : "s", result.rows,
                            result.rows == 1 ? "" : "s"));
  }
  if (o.dry_run) {
    ctx.note(fmt::format("dry run: {} rows checked, {} members would be added; nothing written", result.rows,
                         result.added));
  } else {
    ctx.note(fmt::format("imported {} member{} from {}", result.added, result.added == 1 ? "" : "s", label));
  }
  return kExitOk;
}

}  // namespace

Command setup_import(CLI::App& root) {
  auto o = std::make_shared<ImportOptions>();
  auto* app = root.add_subcommand("import", "add members from a CSV file (or - for stdin), all or nothing");
  app->add_option("FILE", o->file, "CSV with a header: name,uscc,sectors,joined,left,tier,city,parent,note")
      ->required();
  app->add_flag("--dry-run", o->dry_run, "check every row, write nothing");
  app->add_option("--max-errors", o->max_errors, "report at most N bad rows (default 50)");
  app->footer(
      "Examples:\n"
      "  roster import data/demo-members.csv\n"
      "  roster list -f csv --status all --db old.db | roster import - --db new.db");
  return {app, [o](const Context& ctx) { return run_import(*o, ctx); }};
}

}  // namespace roster
