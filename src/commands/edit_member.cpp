// roster edit-member: change a member's fields, with add-member's rules.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/member_lookup.h"
#include "roster/membership.h"
#include "roster/text.h"

namespace roster {
namespace {

struct EditOptions {
  std::string ref, name, uscc, tier, city, parent, note, pinyin, contact, phone, email;
  std::vector<std::string> sectors, add_sectors, remove_sectors;
  CLI::App* app = nullptr;
};

// The member as it is, with the options laid over it (dates are not edited
// here: remove-member and rejoin change periods).
MemberDraft draft_from(const MemberRecord& m, const EditOptions& o, const SectorRegistry& registry) {
  auto given = [&](const char* option) { return o.app->count(option) > 0; };
  MemberDraft d = draft_of(m);
  if (given("--name")) d.name = o.name;
  if (given("--uscc")) d.uscc = o.uscc;
  if (given("--sector")) d.sectors = o.sectors;
  if (given("--tier")) d.tier = o.tier;
  if (given("--city")) d.city = o.city;
  if (given("--parent")) d.parent = o.parent;
  if (given("--note")) d.note = o.note;
  if (given("--pinyin")) d.sort_key = o.pinyin;
  if (given("--contact")) d.contacts.contact = o.contact;
  if (given("--phone")) d.contacts.phone = o.phone;
  if (given("--email")) d.contacts.email = o.email;
  // Sectors by code from here on, so --remove-sector finds a sector however
  // it was named (code, English or Chinese name, alias); a value may be a
  // list ("医疗、教育").
  auto codes = [&](const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const auto& value : values) {
      for (const auto& text : split_list(value)) {
        const Sector* known = registry.resolve(text);
        out.push_back(known ? known->code : text);
      }
    }
    return out;
  };
  d.sectors = codes(d.sectors);
  for (const auto& s : codes(o.add_sectors)) d.sectors.push_back(s);
  std::vector<std::string> removed;
  for (const auto& value : o.remove_sectors) {
    for (const auto& text : split_list(value)) removed.push_back(text);
  }
  for (const auto& text : removed) {
    const Sector* s = registry.resolve(text);
    if (!s) throw Error(unknown_sector_message(text, registry));
    auto it = std::find(d.sectors.begin(), d.sectors.end(), s->code);
    if (it == d.sectors.end()) throw Error(trf("member #{0} is not in sector {1}", m.id, s->code));
    d.sectors.erase(it);
  }
  return d;
}

int run_edit_member(const EditOptions& o, const Context& ctx) {
  Store store = ctx.open_store();
  store.set_command("edit-member");
  int64_t id = 0;
  std::vector<std::string> changed;
  store.write([&] {
    id = resolve_member_ref(store, o.ref);
    SectorRegistry registry = store.sectors();  // read under the write lock, like what it decides
    MemberDraft draft = draft_from(store.member_record(id), o, registry);
    auto problems = membership::edit(store, registry, id, draft, ctx.as_of, &changed);
    if (!problems.empty()) throw Error(problems.front().reason);
  });
  if (changed.empty())
    ctx.note(trf("member #{0}: nothing to change", id));
  else
    ctx.note(trf("updated member #{0}: {1}", id, fmt::format("{}", fmt::join(changed, ", "))));
  return kExitOk;
}

}  // namespace

Command setup_edit_member(CLI::App& root) {
  auto o = std::make_shared<EditOptions>();
  auto* app = root.add_subcommand("edit-member",
                                  tr("change a member's name, USCC, sectors, tier, city, parent, note or contacts"));
  o->app = app;
  app->add_option("REF", o->ref, tr("the member: id, exact name, or USCC"))->required();
  app->add_option("--name", o->name, tr("new legal name"));
  empty_clears(app->add_option("--uscc", o->uscc, tr("new USCC ('' removes it)")));
  app->add_option("-s,--sector", o->sectors, tr("replace the sectors; repeat, the first is primary"))
      ->allow_extra_args(false);
  app->add_option("--add-sector", o->add_sectors, tr("add a sector (after the others)"))->allow_extra_args(false);
  app->add_option("--remove-sector", o->remove_sectors, tr("remove a sector"))->allow_extra_args(false);
  app->add_option("--tier", o->tier, trf("the new tier; any case, in English or Chinese: {0}", tier_forms()));
  empty_clears(app->add_option("--city", o->city, tr("city ('' clears it)")));
  empty_clears(app->add_option("--parent", o->parent, tr("parent company or group ('' clears it)")));
  empty_clears(app->add_option("--note", o->note, tr("free-text note ('' clears it)")));
  empty_clears(app->add_option("--pinyin", o->pinyin,
                               tr("how the name sorts, in pinyin, e.g. 'chang sha' for 长沙 ('' clears it: "
                                  "ICU's own reading)")));
  empty_clears(app->add_option("--contact", o->contact, tr("the contact person (联系人; '' clears it)")));
  empty_clears(app->add_option("--phone", o->phone, tr("the contact's phone, e.g. '0571-8888 6666' ('' clears it)")));
  empty_clears(app->add_option("--email", o->email, tr("the contact's email address ('' clears it)")));
  app->footer(
      help_footer(tr("Examples:"), {"roster edit-member 12 --name '杭州星云数字科技股份有限公司'",
                                    "roster edit-member 91330106MA2H3K5X19 --add-sector healthcare --tier council"}));
  return {app, [o](const Context& ctx) { return run_edit_member(*o, ctx); }};
}

}  // namespace roster
