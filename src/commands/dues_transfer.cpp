// roster dues import and dues export: payments in from a bank statement or
// the finance office's sheet (all or nothing), and out in the columns import
// reads back.
#include <fmt/core.h>

#include <filesystem>
#include <iostream>

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/input_limits.h"
#include "roster/money.h"
#include "roster/payment_render.h"
#include "roster/payment_transfer.h"
#include "roster/text.h"

namespace roster {
namespace {

const std::vector<Format> kTransferFormats = {Format::csv, Format::tsv, Format::json, Format::jsonl};

struct DuesImportOptions {
  std::string file, encoding = "utf-8";
  std::vector<std::string> ignores;
  bool dry_run = false, ignore_unknown = false;
  size_t max_errors = 50;
};

void report_problems(const PaymentImportResult& r, const std::string& label, bool dry_run) {
  // Each line quotes the file's own cells: shown escaped, one line each.
  for (const auto& p : r.problems) {
    std::cerr << escape_for_terminal(fmt::format("{}:{}: {}: {}", label, p.line, p.field, p.reason)) << '\n';
  }
  if (r.problem_count > r.problems.size()) {
    std::cerr << escape_for_terminal(trf("{0}: … and {1} more problems not shown (raise --max-errors to see them)",
                                         label, r.problem_count - r.problems.size()))
              << '\n';
  }
  std::string verb = dry_run ? tr("would be refused") : tr("nothing was imported");
  throw Error(trf("{0}: {1} in {2}; {3} (fix the rows above and run again)", label,
                  trfn("{0} problem", "{0} problems", r.problem_count, r.problem_count),
                  trfn("{0} row", "{0} rows", r.rows, r.rows), verb));
}

// "; 1 payment date was a spreadsheet day number …", as `roster import` says it.
std::string day_numbers(const PaymentImportResult& r) {
  if (r.day_numbers == 0) return "";
  return trfn("; {0} payment date was a spreadsheet day number, read as days since 1900 as Excel counts them; check it",
              "; {0} payment dates were spreadsheet day numbers, read as days since 1900 as Excel counts them; check "
              "them",
              r.day_numbers, r.day_numbers);
}

int run_dues_import(const DuesImportOptions& o, const Context& ctx) {
  ImportFormat format = import_input_format(o.file, ctx);
  ColumnMapping mapping;
  mapping.table = ImportTable::payments;
  mapping.ignore_unknown = o.ignore_unknown;
  for (const auto& header : o.ignores) mapping.ignore(header);
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("dues import");
  std::string label = o.file == "-" ? "<stdin>" : o.file;
  std::fstream spool;
  spool_import_file(o.file, o.encoding, format, label, spool);
  auto reader = make_member_reader(format, spool, label, mapping);
  PaymentImportResult r = import_payments(store, *reader, ctx.as_of, o.dry_run, o.max_errors);
  if (r.problem_count > 0) report_problems(r, label, o.dry_run);
  ctx.note(o.dry_run
               ? trfn("dry run: {0} payment of {1} yuan would be recorded; nothing written{2}",
                      "dry run: {0} payments of {1} yuan would be recorded; nothing written{2}", r.payments, r.payments,
                      format_yuan(r.total), day_numbers(r))
               : trfn("imported {0} payment of {1} yuan from {2}{3}", "imported {0} payments of {1} yuan from {2}{3}",
                      r.payments, r.payments, format_yuan(r.total), label, day_numbers(r)));
  return kExitOk;
}

int run_dues_export(std::optional<int> year, bool bom, const Context& ctx) {
  // Like `roster export`: csv unless -f says otherwise.
  Format format = ctx.options.format.empty() ? Format::csv : ctx.format(kTransferFormats);
  Store store = ctx.open_store();
  auto writer = make_payment_export_writer(format, std::cout, ctx.render_options(bom));
  each_payment(store, year, [&](const PaymentLine& line) {
    writer->payment(line);
    check_output(std::cout);  // stop at the first failed write
  });
  writer->finish();
  std::cout.flush();
  check_output(std::cout);
  return kExitOk;
}

}  // namespace

Subcommands setup_dues_transfer(CLI::App& dues) {
  auto in = std::make_shared<DuesImportOptions>();
  auto* import = dues.add_subcommand(
      "import", tr("record payments from CSV, TSV, JSON or JSON Lines (or - for stdin), all or nothing"));
  import->add_option("FILE", in->file, tr("the file; its extension or --format says how to read it; - reads stdin"))
      ->required();
  import->add_option("--encoding", in->encoding, tr("the file's encoding: utf-8 (default), gb18030, gbk or utf-16"));
  import->add_option("--ignore", in->ignores, tr("skip the column headed COLUMN, e.g. '交易流水号' (repeatable)"))
      ->option_text(tr("COLUMN"))
      ->allow_extra_args(false);
  import->add_flag("--ignore-unknown-columns", in->ignore_unknown, tr("skip every column roster does not know"));
  import->add_flag("--dry-run", in->dry_run, tr("check every row; write nothing"));
  import->add_option("--max-errors", in->max_errors, tr("report at most N bad rows (default 50)"))
      ->check(whole_number(0, 1'000'000'000));
  import->footer(help_footer(tr("Examples:"), {"roster dues import 2024会费到账.csv --encoding gb18030 --dry-run",
                                               "roster dues export --db old.db | roster dues import - --db new.db"}));

  auto year = std::make_shared<std::optional<int>>();
  auto bom = std::make_shared<bool>(false);
  auto* exp = dues.add_subcommand(
      "export", tr("write every payment as CSV, TSV, JSON or JSON Lines, in the columns dues import reads"));
  exp->add_option("--year", *year, tr("only the payments toward this dues year, e.g. 2024"))
      ->check(whole_number(kFirstYear, kLastYear));
  exp->add_flag("--bom", *bom, tr("start CSV with a byte-order mark (for Excel and WPS)"));
  exp->footer(help_footer(tr("Examples:"), {"roster dues export --year 2024 --bom > 2024会费.csv",
                                            "roster dues export -f json | jq '.[].amount_fen'"}));
  return {{import, [in](const Context& ctx) { return run_dues_import(*in, ctx); }},
          {exp, [year, bom](const Context& ctx) { return run_dues_export(*year, *bom, ctx); }}};
}

}  // namespace roster
