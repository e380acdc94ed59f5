// roster list: members as of a date, filtered, in any list format.
#include <fmt/core.h>

#include <iostream>
#include <limits>

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/member_list_render.h"
#include "roster/member_rules.h"
#include "roster/text.h"

namespace roster {
namespace {

// The formats -f may choose (and shell completion offers).
const std::vector<Format> kListFormats = {Format::table, Format::tsv, Format::csv, Format::json, Format::jsonl};

struct ListOptions {
  std::string sector, tier, city, status = "active", joined_since, joined_until, search, sort = "id";
  int64_t limit = 0;
  bool bom = false;
  std::string headers = "en";
};

MemberFilter build_filter(const ListOptions& o, const Context& ctx, Store& store) {
  MemberFilter f;
  f.as_of = ctx.as_of;
  f.status = o.status == "left"  ? MemberFilter::Status::left
             : o.status == "all" ? MemberFilter::Status::all
                                 : MemberFilter::Status::active;
  f.sort = o.sort == "name"     ? MemberFilter::Sort::name
           : o.sort == "joined" ? MemberFilter::Sort::joined
                                : MemberFilter::Sort::id;
  if (!o.sector.empty()) {
    SectorRegistry registry = store.sectors();
    const Sector* s = registry.resolve(o.sector);
    if (!s) throw usage_error(unknown_sector_message(o.sector, registry));
    f.sector_code = s->code;
  }
  if (!o.tier.empty()) {
    auto tier = parse_tier(o.tier);
    if (!tier) throw usage_error(unknown_tier_message(o.tier));
    f.tier = *tier;
  }
  if (!o.city.empty()) f.city = name_key(trim(o.city));
  if (!o.joined_since.empty()) f.joined_since = parse_date_option(o.joined_since, "--joined-since");
  if (!o.joined_until.empty()) f.joined_until = parse_date_option(o.joined_until, "--joined-until");
  if (!o.search.empty()) f.search_key = name_key(trim(o.search));
  if (o.limit > 0) f.limit = o.limit;
  return f;
}

int run_list(const ListOptions& o, const Context& ctx) {
  Format format = ctx.format(kListFormats);
  HeaderLanguage headers = header_language_for(o.headers, format_name(format));
  Store store = ctx.open_store();
  // The registry that resolves --sector and the rows, on one snapshot.
  store.snapshot([&] {
    MemberFilter filter = build_filter(o, ctx, store);
    MemberListReport report{ctx.as_of, filter.status != MemberFilter::Status::active};
    report.headers = headers;
    if (format == Format::table) report.sectors = store.sectors().all();  // names the sectors in Chinese
    auto writer = make_member_list_writer(format, std::cout, report, ctx.render_options(o.bom));
    store.each_member(filter, [&](const MemberRow& row) {
      writer->row(row);
      check_output(std::cout);  // a full disk stops the listing at once
    });
    writer->finish();
  });
  return kExitOk;
}

}  // namespace

Command setup_list(CLI::App& root) {
  auto o = std::make_shared<ListOptions>();
  auto* app = root.add_subcommand("list", tr("list members as of a date (--as-of), with filters"));
  app->add_option("--sector", o->sector, tr("only members in this sector (code or name)"));
  app->add_option("--tier", o->tier, trf("only this tier; any case, in English or Chinese: {0}", tier_forms()));
  app->add_option("--city", o->city, tr("only this city"));
  app->add_option("--status", o->status, tr("active (default), left, or all"))
      ->check(CLI::IsMember({"active", "left", "all"}));
  app->add_option("--joined-since", o->joined_since, tr("joined on or after this date"));
  app->add_option("--joined-until", o->joined_until, tr("joined on or before this date"));
  app->add_option("--search", o->search, tr("part of the name (ignoring case and width)"));
  app->add_option("--sort", o->sort, tr("id (default), name or joined"))
      ->check(CLI::IsMember({"id", "name", "joined"}));
  app->add_option("--limit", o->limit, tr("at most N members"))
      ->check(whole_number(1, std::numeric_limits<int64_t>::max()));
  app->add_flag("--bom", o->bom, tr("start CSV with a byte-order mark (for Excel and WPS)"));
  app->add_option("--headers", o->headers,
                  tr("header row of csv and tsv: en (default) or zh (the Chinese headers import reads)"))
      ->check(CLI::IsMember({"en", "zh"}));
  app->footer(help_footer(tr("Examples:"), {"roster list --sector tourism --sort name",
                                            "roster list --status left --as-of 2025-12-31 -f csv --bom > left.csv",
                                            "roster list -f json | jq '.[].name'"}));
  return {app, [o](const Context& ctx) { return run_list(*o, ctx); }, kListFormats};
}

}  // namespace roster
