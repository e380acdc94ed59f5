// roster import: load members from CSV, TSV, JSON or JSON Lines, all or nothing.
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "roster/encoding.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/input_limits.h"
#include "roster/member_import.h"
#include "roster/text.h"

namespace roster {
namespace {

struct ImportCommandOptions {
  std::string file, encoding = "utf-8";
  std::vector<std::string> maps, ignores;
  bool dry_run = false, update = false, ignore_unknown = false;
  size_t max_errors = 50;
};

// The formats -f may name (shell completion offers them), and how each is read.
constexpr std::pair<Format, ImportFormat> kImportFormats[] = {
    {Format::csv, ImportFormat::csv},
    {Format::tsv, ImportFormat::tsv},
    {Format::json, ImportFormat::json},
    {Format::jsonl, ImportFormat::jsonl},
};

}  // namespace

// The input as UTF-8 in an unlinked temporary file: stdin is not held open
// inside the write transaction, other encodings are converted once, and
// memory stays flat.
void spool_as_utf8(std::istream& in, const std::string& encoding, const std::string& label, size_t max_line,
                   std::fstream& spool) {
  const char* tmpdir = std::getenv("TMPDIR");
  std::string folder = tmpdir && *tmpdir ? tmpdir : "/tmp";
  std::string path = folder + "/roster-import-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) throw Error(trf("cannot make a temporary file in {0}; set TMPDIR to a writable folder", folder));
  close(fd);
  spool.open(path, std::ios::in | std::ios::out | std::ios::binary | std::ios::trunc);
  unlink(path.c_str());
  copy_as_utf8(in, spool, encoding, label, max_line);
  spool.flush();
  // A failed write (TMPDIR full) must not look like a short or empty file.
  if (spool.bad() || (spool.fail() && !spool.eof())) {
    throw Error(
        trf("{0}: cannot copy the file to a temporary file in {1} (is that disk full?); nothing was "
            "imported (free some space there or set TMPDIR to another folder)",
            label, folder));
  }
  spool.clear();
  spool.seekg(0);
  if (!spool) throw Error(trf("{0}: cannot read back the temporary copy in {1}; nothing was imported", label, folder));
}

ImportFormat import_input_format(const std::string& file, const Context& ctx) {
  std::error_code ec;
  if (file != "-" && std::filesystem::is_directory(file, ec)) {
    throw Error(trf("'{0}' is a folder, not a file; give the path of the file to import", file));
  }
  if (!ctx.options.format.empty()) {
    for (auto [format, read_as] : kImportFormats) {
      if (ctx.options.format == format_name(format)) return read_as;
    }
    throw usage_error(trf("import reads csv, tsv, json or jsonl, not '{0}'", ctx.options.format));
  }
  if (file == "-") return ImportFormat::csv;
  if (auto format = import_format_from_name(file)) return *format;
  if (is_workbook_name(file)) throw Error(workbook_refusal(file));
  throw usage_error(trf("cannot tell the format of '{0}' from its name; add --format csv, tsv, json or jsonl", file));
}

void spool_import_file(const std::string& file, const std::string& encoding, ImportFormat format,
                       const std::string& label, std::fstream& spool) {
  size_t max_line = format == ImportFormat::json ? 0 : kMaxRecordBytes;
  if (file == "-") {
    spool_as_utf8(std::cin, encoding, label, max_line, spool);
    return;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(trf("cannot read '{0}'; check the path", file));
  spool_as_utf8(in, encoding, label, max_line, spool);
}

namespace {

// The spool's line count (its rows, near enough), read back to the start.
size_t count_lines(std::fstream& spool) {
  size_t lines = 0;
  std::vector<char> buffer(1 << 16);
  while (spool.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || spool.gcount() > 0) {
    lines += static_cast<size_t>(std::count(buffer.data(), buffer.data() + spool.gcount(), '\n'));
  }
  spool.clear();
  spool.seekg(0);
  return lines;
}

void print_plan(const ImportResult& r, const std::string& label) {
  for (const auto& a : r.actions) {
    std::string line = fmt::format("{}:{}: {}", label, a.line, action_word(a.what));
    switch (a.what) {
      case ImportAction::What::add:
        line += fmt::format(": {}", a.name);
        break;
      case ImportAction::What::update:
        line += fmt::format(" #{}: {}", a.member_id, a.detail);
        break;
      case ImportAction::What::unchanged:
        line += fmt::format(" #{}", a.member_id);
        break;
      case ImportAction::What::period:
        line += trf(": #{0} from {1}", a.member_id, a.detail);
        break;
    }
    std::cout << escape_for_terminal(line) << '\n';
  }
  std::cout.flush();
  check_output(std::cout);  // before the summary: a plan that was not written is no dry run
}

// "3 members (+1 later period)"
std::string summary(const ImportResult& r) {
  std::string text = trfn("{0} member", "{0} members", r.added, r.added);
  if (r.periods) text += trfn(" (+{0} later period)", " (+{0} later periods)", r.periods, r.periods);
  return text;
}

// ", and 2 members updated (1 unchanged)": --update's rows, changed or not.
std::string updated(const ImportResult& r, const std::string& verb) {
  auto members = [](size_t n) { return trfn("{0} member", "{0} members", n, n); };
  if (r.updated && r.unchanged) return trf(", and {0} {1} ({2} unchanged)", members(r.updated), verb, r.unchanged);
  if (r.updated) return trf(", and {0} {1}", members(r.updated), verb);
  if (r.unchanged) return trf(", and {0} unchanged", members(r.unchanged));
  return "";
}

// "; 2 dates were spreadsheet day numbers, read as …": such a cell is what
// Excel or WPS saves for a date column without a date format, so say how it
// was read.
std::string day_numbers(const ImportResult& r) {
  if (r.day_numbers == 0) return "";
  const auto& [number, date] = r.day_number_example;
  return trfn(
      "; {0} date was a spreadsheet day number, read as days since 1900 as Excel counts them ({1} is {2}); check it",
      "; {0} dates were spreadsheet day numbers, read as days since 1900 as Excel counts them ({1} is {2}); check "
      "them",
      r.day_numbers, r.day_numbers, number, date);
}

int run_import(const ImportCommandOptions& o, const Context& ctx) {
  ImportFormat format = import_input_format(o.file, ctx);
  ColumnMapping mapping;
  mapping.ignore_unknown = o.ignore_unknown;
  for (const auto& rule : o.maps) mapping.add(rule);
  for (const auto& header : o.ignores) mapping.ignore(header);
  Store store = ctx.open_store();
  store.set_command("import");

  std::string label = o.file == "-" ? "<stdin>" : o.file;
  std::fstream spool;
  spool_import_file(o.file, o.encoding, format, label, spool);
  ImportOptions options{ctx.as_of, o.dry_run, o.update, o.max_errors, count_lines(spool)};
  auto reader = make_member_reader(format, spool, label, mapping);
  ImportResult result = import_members(store, *reader, options);

  if (o.dry_run) print_plan(result, label);
  // Each line quotes the file's own cells and headers: shown escaped, one line each.
  for (const auto& p : result.problems) {
    std::cerr << escape_for_terminal(fmt::format("{}:{}: {}: {}", label, p.line, p.field, p.reason)) << '\n';
  }
  if (result.problem_count > result.problems.size()) {
    std::cerr << escape_for_terminal(trf("{0}: … and {1} more problems not shown (raise --max-errors to see them)",
                                         label, result.problem_count - result.problems.size()))
              << '\n';
  }
  if (result.problem_count > 0) {
    std::string verb = o.dry_run ? tr("would be refused") : tr("nothing was imported");
    throw Error(trf("{0}: {1} in {2}; {3} (fix the rows above and run again)", label,
                    trfn("{0} problem", "{0} problems", result.problem_count, result.problem_count),
                    trfn("{0} row", "{0} rows", result.rows, result.rows), verb));
  }
  if (o.dry_run) {
    ctx.note(trfn("dry run: {0} row checked, {1} would be added{2}; nothing written{3}",
                  "dry run: {0} rows checked, {1} would be added{2}; nothing written{3}", result.rows, result.rows,
                  summary(result), updated(result, tr("would be updated")), day_numbers(result)));
  } else {
    ctx.note(trf("imported {0} from {1}{2}{3}", summary(result), label, updated(result, tr("updated")),
                 day_numbers(result)));
  }
  return kExitOk;
}

}  // namespace

Command setup_import(CLI::App& root) {
  auto o = std::make_shared<ImportCommandOptions>();
  auto* app = root.add_subcommand("import",
                                  tr("add members from CSV, TSV, JSON or JSON Lines (or - for stdin), all or nothing"));
  app->add_option("FILE", o->file, tr("the file; its extension or --format says how to read it; - reads stdin"))
      ->required();
  app->add_option("--encoding", o->encoding, tr("the file's encoding: utf-8 (default), gb18030, gbk or utf-16"));
  app->add_option("--map", o->maps, tr("read column SOURCE as roster's TARGET, e.g. '公司全称=name' (repeatable)"))
      ->allow_extra_args(false);
  app->add_option("--ignore", o->ignores, tr("skip the column headed COLUMN, e.g. '联系人' (repeatable)"))
      ->option_text(tr("COLUMN"))
      ->allow_extra_args(false);
  app->add_flag("--ignore-unknown-columns", o->ignore_unknown, tr("skip every column roster does not know"));
  app->add_flag("--update", o->update,
                tr("rows that match a member (USCC or name) change it instead of being refused"));
  app->add_flag("--dry-run", o->dry_run, tr("check every row and print what would happen; write nothing"));
  app->add_option("--max-errors", o->max_errors, tr("report at most N bad rows (default 50)"))
      ->check(whole_number(0, 1'000'000'000));
  app->footer(
      help_footer(tr("Examples:"),
                  {"roster import data/demo-members.csv", "roster import 会员名单.csv --encoding gb18030 --dry-run",
                   "roster export -f json --db old.db | roster import --format json - --db new.db"}));
  std::vector<Format> formats;
  for (auto [format, read_as] : kImportFormats) formats.push_back(format);
  return {app, [o](const Context& ctx) { return run_import(*o, ctx); }, formats};
}

}  // namespace roster
