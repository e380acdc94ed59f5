// roster prospect import: prospects from CSV, TSV, JSON or JSON Lines, all
// or nothing, through the readers and spool of `roster import`.
#include <fmt/core.h>

#include <filesystem>
#include <iostream>
#include <map>

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/input_limits.h"
#include "roster/prospects.h"
#include "roster/text.h"

namespace roster {
namespace {

struct ProspectImportOptions {
  std::string file, encoding = "utf-8";
  std::vector<std::string> ignores;
  bool dry_run = false, ignore_unknown = false;
};

struct Problem {
  size_t line;
  std::string field, reason;
};

ProspectDraft draft_of_row(const ImportRow& row) {
  auto cell = [&](const char* column) {
    auto it = row.cells.find(column);
    return it == row.cells.end() ? std::string() : it->second;
  };
  ProspectDraft d;
  d.name = row.draft.name;
  d.uscc = row.draft.uscc;
  d.sectors = row.draft.sectors;
  d.tier = row.draft.tier;
  d.city = row.draft.city;
  d.note = row.draft.note;
  d.stage = cell("stage");
  d.source = cell("source");
  d.owner = cell("owner");
  d.probability = cell("probability");
  d.next_action = cell("next_action");
  d.next_action_on = cell("next_action_on");
  d.added_on = cell("added_on");
  return d;
}

// Reads every row and adds the good ones inside the caller's transaction;
// returns the problems (none: every row was added) and counts the rows.
class ProspectImporter {
 public:
  ProspectImporter(Store& store, Date as_of) : store_(store), as_of_(as_of) {}

  std::vector<Problem> run(MemberRowReader& reader) {
    SectorRegistry registry = store_.sectors();
    auto all = stages(store_);
    ImportRow row;
    while (reader.next(row)) {
      ++rows_;
      if (!row.shape_problem.empty()) {
        problems_.push_back({row.line, trc("field", "row"), row.shape_problem});
        continue;
      }
      Prospect p;
      auto found = check_new_prospect(draft_of_row(row), registry, all, as_of_, &p);
      if (found.empty()) found = same_file(row.line, p);
      if (found.empty()) found = referrer(row, p);
      int64_t id = 0;
      if (found.empty()) found = add_prospect(store_, p, &id);
      for (auto& f : found) problems_.push_back({row.line, f.field, f.reason});
    }
    return problems_;
  }
  size_t rows() const { return rows_; }

 private:
  std::vector<FieldProblem> same_file(size_t line, const Prospect& p) {
    std::vector<FieldProblem> found;
    if (auto [it, fresh] = names_.emplace(name_key(p.name), line); !fresh) {
      found.push_back({"name", trf("'{0}' is already on line {1} of this file", p.name, it->second)});
    }
    if (p.uscc.empty()) return found;
    if (auto [it, fresh] = usccs_.emplace(p.uscc, line); !fresh) {
      found.push_back({"uscc", trf("USCC {0} is already on line {1} of this file", p.uscc, it->second)});
    }
    return found;
  }

  std::vector<FieldProblem> referrer(const ImportRow& row, Prospect& p) {
    auto it = row.cells.find("referrer");
    if (it == row.cells.end() || trim(it->second).empty()) return {};
    auto found = store_.members_matching(it->second);
    if (found.size() != 1) {
      return {{"referrer", trf("no single member '{0}' (give an id, the exact name or the USCC)", trim(it->second))}};
    }
    p.referrer_id = found.front().id;
    return {};
  }

  Store& store_;
  Date as_of_;
  size_t rows_ = 0;
  std::vector<Problem> problems_;
  std::map<std::string, size_t> names_, usccs_;
};

void report_problems(const std::vector<Problem>& problems, size_t rows, const std::string& label, bool dry_run) {
  // Each line quotes the file's own cells: shown escaped, one line each.
  for (const auto& p : problems) {
    std::cerr << escape_for_terminal(fmt::format("{}:{}: {}: {}", label, p.line, p.field, p.reason)) << '\n';
  }
  std::string verb = dry_run ? tr("would be refused") : tr("nothing was imported");
  throw Error(trf("{0}: {1} in {2}; {3} (fix the rows above and run again)", label,
                  trfn("{0} problem", "{0} problems", problems.size(), problems.size()),
                  trfn("{0} row", "{0} rows", rows, rows), verb));
}

int run_prospect_import(const ProspectImportOptions& o, const Context& ctx) {
  ImportFormat format = import_input_format(o.file, ctx);
  ColumnMapping mapping;
  mapping.table = ImportTable::prospects;
  mapping.ignore_unknown = o.ignore_unknown;
  for (const auto& header : o.ignores) mapping.ignore(header);
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("prospect import");
  std::string label = o.file == "-" ? "<stdin>" : o.file;
  std::fstream spool;
  spool_import_file(o.file, o.encoding, format, label, spool);
  auto reader = make_member_reader(format, spool, label, mapping);
  ProspectImporter importer(store, ctx.as_of);
  std::vector<Problem> problems;
  store.write_if([&] {
    problems = importer.run(*reader);
    return problems.empty() && !o.dry_run;
  });
  if (!problems.empty()) report_problems(problems, importer.rows(), label, o.dry_run);
  size_t n = importer.rows();
  ctx.note(o.dry_run ? trfn("dry run: {0} prospect would be added; nothing written",
                            "dry run: {0} prospects would be added; nothing written", n, n)
                     : trfn("imported {0} prospect from {1}", "imported {0} prospects from {1}", n, n, label));
  return kExitOk;
}

}  // namespace

Subcommands setup_prospect_import(CLI::App& prospect) {
  auto o = std::make_shared<ProspectImportOptions>();
  auto* app = prospect.add_subcommand(
      "import", tr("add prospects from CSV, TSV, JSON or JSON Lines (or - for stdin), all or nothing"));
  app->add_option("FILE", o->file, tr("the file; its extension or --format says how to read it; - reads stdin"))
      ->required();
  app->add_option("--encoding", o->encoding, tr("the file's encoding: utf-8 (default), gb18030, gbk or utf-16"));
  app->add_option("--ignore", o->ignores, tr("skip the column headed COLUMN, e.g. '联系人' (repeatable)"))
      ->option_text(tr("COLUMN"))
      ->allow_extra_args(false);
  app->add_flag("--ignore-unknown-columns", o->ignore_unknown, tr("skip every column roster does not know"));
  app->add_flag("--dry-run", o->dry_run, tr("check every row; write nothing"));
  app->footer(help_footer(tr("Examples:"), {"roster prospect import 意向单位.csv",
                                            "roster prospect import leads.csv --encoding gb18030 --dry-run"}));
  return {{app, [o](const Context& ctx) { return run_prospect_import(*o, ctx); }}};
}

}  // namespace roster
