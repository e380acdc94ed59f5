// roster history: the append-only change log.
#include <iostream>

#include "commands.h"
#include "roster/error.h"
#include "roster/history_render.h"
#include "roster/i18n.h"
#include "roster/member_lookup.h"

namespace roster {
namespace {

// The formats -f may choose (and shell completion offers).
const std::vector<Format> kHistoryFormats = {Format::table, Format::tsv, Format::json, Format::jsonl};

struct HistoryOptions {
  std::string member, since, until, kind;
  bool member_given = false;
};

int run_history(const HistoryOptions& o, const Context& ctx) {
  Format format = ctx.format(kHistoryFormats);
  Store store = ctx.open_store();
  HistoryFilter filter;
  if (o.member_given) filter.member_id = resolve_member_ref(store, o.member);
  if (!o.since.empty()) filter.since = parse_date_option(o.since, "--since");
  if (!o.until.empty()) filter.until = parse_date_option(o.until, "--until");
  if (!o.kind.empty()) filter.kind = o.kind;
  auto writer = make_history_writer(format, std::cout, ctx.render_options());
  store.each_history(filter, [&](const HistoryEntry& e) {
    writer->entry(e);
    check_output(std::cout);  // a full disk stops the log at once
  });
  writer->finish();
  return kExitOk;
}

}  // namespace

Command setup_history(CLI::App& root) {
  auto o = std::make_shared<HistoryOptions>();
  auto* app = root.add_subcommand("history", tr("the change log: when, who, what, before and after"));
  app->add_option("--member", o->member, tr("only this member (id, exact name or USCC)"))
      ->each([o](const std::string&) { o->member_given = true; });
  app->add_option("--since", o->since, tr("entries on or after this day, in local time (TZ)"));
  app->add_option("--until", o->until, tr("entries on or before this day, in local time (TZ)"));
  app->add_option("--kind", o->kind, tr("only this kind, e.g. member.edit, or a prefix such as member."));
  app->footer(
      help_footer(tr("Examples:"), {"roster history --member 12", "roster history --kind member. -f jsonl | jq ."}));
  return {app, [o](const Context& ctx) { return run_history(*o, ctx); }, kHistoryFormats};
}

}  // namespace roster
