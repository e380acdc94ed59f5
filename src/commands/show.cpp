// roster show: one member, every field, every period, its history.
#include <iostream>

#include "commands.h"
#include "roster/error.h"
#include "roster/history_render.h"
#include "roster/i18n.h"
#include "roster/member_lookup.h"

namespace roster {
namespace {

// The formats -f may choose (and shell completion offers).
const std::vector<Format> kShowFormats = {Format::table, Format::json};

}  // namespace

Command setup_show(CLI::App& root) {
  auto ref = std::make_shared<std::string>();
  auto* app = root.add_subcommand("show", tr("one member: every field, every membership period and the history"));
  app->add_option("REF", *ref, tr("the member: id, exact name, or USCC"))->required();
  app->footer(help_footer(tr("Examples:"), {"roster show 12", "roster show '网易（杭州）网络有限公司' -f json"}));
  return {app,
          [ref](const Context& ctx) {
            Format format = ctx.format(kShowFormats);
            Store store = ctx.open_store();
            MemberRecord record;  // the lookup and the record's four reads on one snapshot
            std::vector<Sector> registry;
            store.snapshot([&] {
              record = store.member_record(resolve_member_ref(store, *ref));
              registry = store.sectors().all();
            });
            render_member_record(record, registry, format, std::cout, ctx.render_options());
            return static_cast<int>(kExitOk);
          },
          kShowFormats};
}

}  // namespace roster
