// roster sectors add | edit | remove | merge: keep the sector list.
#include <fmt/core.h>

#include <algorithm>

#include "commands.h"
#include "roster/error.h"
#include "roster/goal.h"
#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {
namespace {

struct SectorEdit {
  std::string code, name_en, name_zh, into;
  std::vector<std::string> aliases, add_aliases, remove_aliases;
  bool key = false, not_key = false, no_target = false;
  int target = 0;
};

// Aliases as typed, trimmed (an empty one never gets here: every option's
// empty value is refused when the command line is read).
std::vector<std::string> typed_aliases(const std::vector<std::string>& values) {
  std::vector<std::string> aliases;
  for (const auto& value : values) aliases.push_back(trim(value));
  return aliases;
}

// The registered sector `text` names, or an error listing the codes.
Sector existing_sector(Store& store, const std::string& text) {
  SectorRegistry registry = store.sectors();
  const Sector* s = registry.resolve(text);
  if (!s) throw Error(unknown_sector_message(text, registry));
  return *s;
}

void refuse_problem(const Sector& s, Store& store, const std::string& self) {
  SectorRegistry registry = store.sectors();
  if (auto problem = sector_problem(s, registry, self)) throw Error(*problem);
}

int add(const SectorEdit& e, CLI::App* app, const Context& ctx) {
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("sectors add");
  Sector s{e.code, trim(e.name_en), trim(e.name_zh), e.key, std::nullopt, typed_aliases(e.aliases)};
  if (app->count("--target")) s.target = e.target;
  store.write([&] {
    refuse_problem(s, store, "");
    store.add_sector(s);
  });
  ctx.note(trf("added sector {0} ({1} / {2}{3})", s.code, s.name_en, s.name_zh,
               s.aliases.empty() ? "" : trf("; aliases {0}", join_aliases(s.aliases))));
  return kExitOk;
}

int edit(const SectorEdit& e, CLI::App* app, const Context& ctx) {
  if (app->count("--name") + app->count("--name-zh") + app->count("--target") + app->count("--add-alias") +
              app->count("--remove-alias") ==
          0 &&
      !e.key && !e.not_key && !e.no_target) {
    throw usage_error(
        tr("nothing to change; give --name, --name-zh, --key, --not-key, --target, --no-target, --add-alias or "
           "--remove-alias"));
  }
  auto added = typed_aliases(e.add_aliases), removed = typed_aliases(e.remove_aliases);
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("sectors edit");
  Sector s;
  store.write([&] {
    s = existing_sector(store, e.code);
    if (app->count("--name")) s.name_en = trim(e.name_en);
    if (app->count("--name-zh")) s.name_zh = trim(e.name_zh);
    if (e.key) s.is_key = true;
    if (e.not_key) s.is_key = false;
    if (app->count("--target")) s.target = e.target;
    if (e.no_target) s.target.reset();
    for (const auto& alias : removed) {
      auto it = std::find_if(s.aliases.begin(), s.aliases.end(),
                             [&](const std::string& a) { return name_key(a) == name_key(alias); });
      if (it == s.aliases.end()) {
        throw Error(trf("sector {0} has no alias '{1}'; its aliases are: {2}", s.code, alias,
                        s.aliases.empty() ? tr("(none)") : join_aliases(s.aliases)));
      }
      s.aliases.erase(it);
    }
    for (const auto& alias : added) {
      bool known = std::any_of(s.aliases.begin(), s.aliases.end(),
                               [&](const std::string& a) { return name_key(a) == name_key(alias); });
      if (!known) s.aliases.push_back(alias);
    }
    refuse_problem(s, store, s.code);
    store.update_sector(s.code, s);
  });
  ctx.note(trf("updated sector {0}{1}", s.code,
               added.empty() && removed.empty() ? ""
               : s.aliases.empty()              ? tr("; it has no aliases now")
                                                : trf("; its aliases are now {0}", join_aliases(s.aliases))));
  return kExitOk;
}

int remove(const SectorEdit& e, const Context& ctx) {
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("sectors remove");
  Sector s;
  store.write([&] {
    s = existing_sector(store, e.code);
    if (int n = store.members_using_sector(s.code); n > 0) {
      throw Error(
          trfn("sector {0} is used by {1} member (past or present); move them first with "
               "`roster sectors merge {0} OTHER`",
               "sector {0} is used by {1} members (past or present); move them first with "
               "`roster sectors merge {0} OTHER`",
               n, s.code, n));
    }
    store.remove_sector(s.code);
  });
  ctx.note(trf("removed sector {0}", s.code));
  return kExitOk;
}

int merge(const SectorEdit& e, const Context& ctx) {
  Store store = ctx.open_store();
  // i18n: data (a command name for the history)
  store.set_command("sectors merge");
  Sector from, into;
  int moved = 0;
  store.write([&] {
    from = existing_sector(store, e.code);
    into = existing_sector(store, e.into);
    if (from.code == into.code) {
      throw Error(trf("cannot merge sector {0} into itself; name two different sectors", from.code));
    }
    moved = store.merge_sectors(from.code, into.code);
  });
  ctx.note(trfn("merged sector {0} into {1}: {2} member moved; {0} is gone",
                "merged sector {0} into {1}: {2} members moved; {0} is gone", moved, from.code, into.code, moved));
  return kExitOk;
}

}  // namespace

SectorRegistryCommands setup_sector_registry(CLI::App& sectors) {
  auto e = std::make_shared<SectorEdit>();
  SectorRegistryCommands out;

  auto* add_app = sectors.add_subcommand("add", tr("add a sector to the list"));
  add_app->add_option("CODE", e->code, tr("short code: lower-case letters, digits, hyphens"))->required();
  add_app->add_option("--name", e->name_en, tr("English name"))->required();
  add_app->add_option("--name-zh", e->name_zh, tr("Chinese name"))->required();
  add_app->add_flag("--key", e->key, tr("a key recruiting sector"));
  add_app->add_option("--target", e->target, tr("members the sector should reach"))->check(whole_number(1, kMaxTarget));
  add_app->add_option("--alias", e->aliases, tr("another name people use for it, e.g. 智城 (repeatable)"))
      ->allow_extra_args(false);
  add_app->footer(help_footer(
      tr("Example:"),
      {"roster sectors add smart-city --name 'Smart city' --name-zh 智慧城市 --key --target 15 --alias 智城"}));
  out.commands.emplace_back(add_app, [e, add_app](const Context& ctx) { return add(*e, add_app, ctx); });

  auto* edit_app = sectors.add_subcommand("edit", tr("change a sector's names, key flag or target"));
  edit_app->add_option("SECTOR", e->code, tr("code or name"))->required();
  edit_app->add_option("--name", e->name_en, tr("English name"));
  edit_app->add_option("--name-zh", e->name_zh, tr("Chinese name"));
  auto* key = edit_app->add_flag("--key", e->key, tr("make it a key sector"));
  edit_app->add_flag("--not-key", e->not_key, tr("make it an ordinary sector"))->excludes(key);
  auto* target = edit_app->add_option("--target", e->target, tr("members the sector should reach"))
                     ->check(whole_number(1, kMaxTarget));
  edit_app->add_flag("--no-target", e->no_target, tr("drop the target"))->excludes(target);
  edit_app->add_option("--add-alias", e->add_aliases, tr("another name people use for it, e.g. 景区 (repeatable)"))
      ->allow_extra_args(false);
  edit_app->add_option("--remove-alias", e->remove_aliases, tr("stop reading this alias as the sector (repeatable)"))
      ->allow_extra_args(false);
  edit_app->footer(
      help_footer(tr("Examples:"), {"roster sectors edit tourism --target 20", "roster sectors edit 文化旅游 --not-key",
                                    "roster sectors edit tourism --add-alias 景区 --remove-alias 文化和旅游"}));
  out.commands.emplace_back(edit_app, [e, edit_app](const Context& ctx) { return edit(*e, edit_app, ctx); });

  auto* remove_app = sectors.add_subcommand("remove", tr("remove an unused sector"));
  remove_app->add_option("SECTOR", e->code, tr("code or name"))->required();
  remove_app->footer(help_footer(tr("Example:"), {"roster sectors remove finance"}));
  out.commands.emplace_back(remove_app, [e](const Context& ctx) { return remove(*e, ctx); });

  auto* merge_app = sectors.add_subcommand("merge", tr("move every member of one sector into another, then drop it"));
  merge_app->add_option("OLD", e->code, tr("the sector to fold away"))->required();
  merge_app->add_option("INTO", e->into, tr("the sector that takes its members"))->required();
  merge_app->footer(help_footer(tr("Example:"), {"roster sectors merge media entertainment"}));
  out.commands.emplace_back(merge_app, [e](const Context& ctx) { return merge(*e, ctx); });
  return out;
}

}  // namespace roster
