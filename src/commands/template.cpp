// roster template: the member spreadsheet to fill in, or the demo roster,
// from the data files installed with roster.
#include <fstream>
#include <iostream>
#include <optional>

#include "commands.h"
#include "roster/data_files.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/replacement_file.h"

namespace roster {
namespace {

struct TemplateOptions {
  std::string file = "-";
  bool demo = false, force = false;
};

int run_template(const TemplateOptions& o, const Context& ctx) {
  if (o.file != "-") refuse_database_path(ctx.db_path, o.file, tr("the template"));
  std::string name = o.demo ? "demo-members.csv" : "template-members.csv";  // i18n: data
  std::string bytes = read_data_file(own_executable(), name);
  if (o.file == "-") {
    std::cout << bytes;
    return kExitOk;
  }
  ReplacementFile replacement(replaceable_path(o.file, o.force, name));
  std::ofstream file(replacement.temp_path(), std::ios::binary | std::ios::trunc);
  file << bytes;
  file.close();
  check_output(file, "'" + o.file + "'", trf("'{0}' is as it was (free some space, or choose another place)", o.file));
  replacement.commit();
  ctx.note(trf("wrote {0}", o.file));
  return kExitOk;
}

}  // namespace

Command setup_template(CLI::App& root) {
  auto o = std::make_shared<TemplateOptions>();
  auto* app = root.add_subcommand(
      "template", tr("write the member spreadsheet to fill in (Chinese headers import reads, two example rows), "
                     "or with --demo the demo roster"));
  app->add_option("FILE", o->file, tr("where to write (default: stdout)"));
  app->add_flag("--demo", o->demo, tr("the synthetic demo roster (151 companies) instead of the empty template"));
  app->add_flag("--force", o->force, tr("replace FILE if it is an existing regular file"));
  app->footer(
      help_footer(tr("Examples:"), {"roster template members.csv", "roster template --demo | roster import -"}));
  return {app, [o](const Context& ctx) { return run_template(*o, ctx); }};
}

}  // namespace roster
