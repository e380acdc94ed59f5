// roster add-member: add one member, print its id.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>

#include "commands.h"
#include "roster/duplicates.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/member_rules.h"

namespace roster {
namespace {

struct AddOptions {
  MemberDraft draft;
  bool dry_run = false;
};

std::string sector_list(const NewMember& m) {
  return fmt::format("{}", fmt::join(m.sector_codes, ", "));
}

int run_add_member(AddOptions o, const Context& ctx) {
  Store store = ctx.open_store();
  store.set_command("add-member");
  NewMember member;
  int64_t id = 0;
  store.write_if([&] {
    // The registry is read under the write lock: a sector merged or removed
    // by another process a moment ago is unknown here, never a dangling link.
    auto problems = check_member(o.draft, store.sectors(), ctx.as_of, &member);
    // Each reason names its field ("USCC check character is …"), so it stands alone.
    if (problems.empty()) problems = stored_duplicates(store, member);
    if (!problems.empty()) throw Error(problems.front().reason);
    id = store.insert_member(member);
    return !o.dry_run;
  });
  if (o.dry_run) {
    ctx.note(trf("dry run: would add member #{0} {1} ({2}; joined {3}); nothing written", id, member.name,
                 sector_list(member), member.joined.iso()));
    return kExitOk;
  }
  std::cout << id << '\n';
  ctx.note(trf("added member #{0} {1} ({2}; joined {3})", id, member.name, sector_list(member), member.joined.iso()));
  return kExitOk;
}

}  // namespace

Command setup_add_member(CLI::App& root) {
  auto o = std::make_shared<AddOptions>();
  auto* app = root.add_subcommand("add-member", tr("add a member; prints the new member's id"));
  app->add_option("NAME", o->draft.name, tr("the company's legal name"))->required();
  // One value per --sector, so `--sector a -- -Name` ends the options as usual.
  app->add_option("-s,--sector", o->draft.sectors, tr("sector code or name; repeat for more, the first is primary"))
      ->required()
      ->allow_extra_args(false);
  app->add_option("--joined", o->draft.joined,
                  tr("date joined, YYYY-MM-DD, 2024/3/15 or 2024年3月15日 (default: today, or --as-of)"));
  empty_clears(app->add_option("--uscc", o->draft.uscc, tr("Unified Social Credit Code (18 characters)")));
  app->add_option("--tier", o->draft.tier,
                  trf("the tier (default member); any case, in English or Chinese: {0}", tier_forms()));
  empty_clears(app->add_option("--city", o->draft.city, tr("city")));
  empty_clears(app->add_option("--parent", o->draft.parent, tr("parent company or group")));
  empty_clears(app->add_option("--note", o->draft.note, tr("free-text note")));
  empty_clears(app->add_option(
      "--pinyin", o->draft.sort_key,
      tr("how the name sorts, in pinyin, when ICU reads it wrongly: one syllable per Chinese character from the "
         "start, e.g. 'chang sha' for 长沙 (tone marks or numbers 1-5 optional)")));
  empty_clears(app->add_option("--contact", o->draft.contacts.contact, tr("the contact person (联系人)")));
  empty_clears(app->add_option("--phone", o->draft.contacts.phone,
                               tr("the contact's phone: digits with - + ( ) and spaces, e.g. '0571-8888 6666'")));
  empty_clears(app->add_option("--email", o->draft.contacts.email, tr("the contact's email address")));
  app->add_flag("--dry-run", o->dry_run, tr("check everything, write nothing"));
  app->footer(help_footer(tr("Example:"),
                          {"id=$(roster add-member '杭州星云数字科技有限公司' --sector education --sector tourism \\",
                           "     --joined 2024-03-15 --city 杭州 --uscc 91330106MA2H3K5X19)"}));
  return {app, [o](const Context& ctx) { return run_add_member(*o, ctx); }};
}

}  // namespace roster
