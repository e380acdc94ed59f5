// roster export: every member, every field, every period — losslessly.
#include <fmt/core.h>

#include <fstream>
#include <iostream>
#include <optional>

#include "commands.h"
#include "roster/error.h"
#include "roster/export_render.h"
#include "roster/i18n.h"
#include "roster/import_reader.h"
#include "roster/replacement_file.h"

namespace roster {
namespace {

// The formats -f may choose (and shell completion offers).
const std::vector<Format> kExportFormats = {Format::csv, Format::tsv, Format::json, Format::jsonl};

struct ExportOptions {
  std::string file = "-";
  bool bom = false, force = false;
  std::string headers = "en";
};

Format export_format(const ExportOptions& o, const Context& ctx) {
  if (!ctx.options.format.empty()) return ctx.format(kExportFormats);
  auto by_name = import_format_from_name(o.file);
  if (o.file != "-" && !by_name) {
    throw usage_error(
        trf("cannot tell the format for '{0}' from its name; name it .csv, .tsv, .json or "
            ".jsonl, or add -f csv|tsv|json|jsonl",
            o.file));
  }
  switch (by_name.value_or(ImportFormat::csv)) {
    case ImportFormat::tsv:
      return Format::tsv;
    case ImportFormat::json:
      return Format::json;
    case ImportFormat::jsonl:
      return Format::jsonl;
    default:
      return Format::csv;
  }
}

int run_export(const ExportOptions& o, const Context& ctx) {
  // The database first: `export source.db --db source.db` must hear that it
  // would destroy the database, not that .db is no export format.
  if (o.file != "-") refuse_database_path(ctx.db_path, o.file, tr("the export"));
  Format format = export_format(o, ctx);
  HeaderLanguage headers = header_language_for(o.headers, format_name(format));
  Store store = ctx.open_store();
  // A file is written beside its target and renamed over it at the end, so a
  // full disk or an error never leaves half an export.
  std::optional<ReplacementFile> replacement;
  std::ofstream file;
  if (o.file != "-") {
    replacement.emplace(replaceable_path(o.file, o.force, "members.csv"));
    file.open(replacement->temp_path(), std::ios::binary | std::ios::trunc);
    if (!file) throw Error(trf("cannot write '{0}'; check the folder exists and is writable", o.file));
  }
  std::ostream& out = o.file == "-" ? std::cout : file;
  std::string what = o.file == "-" ? tr("the output") : fmt::format("'{}'", o.file);
  std::string fix =
      o.file == "-" ? output_fix() : trf("'{0}' is as it was (free some space, or choose another place)", o.file);
  auto writer = make_export_writer(format, out, ctx.render_options(o.bom), headers);
  size_t members = 0;
  store.snapshot([&] {  // members and periods from the same moment
    store.each_member_record([&](const MemberRecord& m) {
      writer->member(m);
      check_output(out, what, fix);  // stop at the first failed write, not after the last member
      ++members;
    });
  });
  writer->finish();
  out.flush();
  check_output(out, what, fix);
  if (replacement) {
    file.close();
    check_output(file, what, fix);
    replacement->commit();
    ctx.note(trf("exported {0} members to {1}", members, o.file));
  }
  return kExitOk;
}

}  // namespace

Command setup_export(CLI::App& root) {
  auto o = std::make_shared<ExportOptions>();
  auto* app = root.add_subcommand("export", tr("write every member, field and period as CSV, TSV, JSON or JSON Lines"));
  app->add_option("FILE", o->file, tr("where to write (default: stdout); the extension picks the format"));
  app->add_flag("--bom", o->bom, tr("start CSV with a byte-order mark (for Excel and WPS)"));
  app->add_flag("--force", o->force, tr("replace FILE if it is an existing regular file"));
  app->add_option("--headers", o->headers,
                  tr("header row of csv and tsv: en (default) or zh (the Chinese headers import reads)"))
      ->check(CLI::IsMember({"en", "zh"}));
  app->footer(help_footer(tr("Examples:"), {"roster export members.csv --bom",
                                            "roster export -f json | roster import --format json - --db copy.db"}));
  return {app, [o](const Context& ctx) { return run_export(*o, ctx); }, kExportFormats};
}

}  // namespace roster
