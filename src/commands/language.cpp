// roster language: show the association's own language, or set it.
#include <iostream>

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"

namespace roster {
namespace {

struct LanguageOptions {
  std::string code;
};

int run_language(const LanguageOptions& o, const Context& ctx) {
  Store store = ctx.open_store();
  if (o.code.empty()) {
    std::string stored = store.language();
    std::cout << (stored.empty() ? "-" : stored) << '\n';
    return kExitOk;
  }
  std::string code = o.code == "auto" ? "" : o.code;
  store.set_command("language");
  store.write([&] { store.set_language(code); });
  ctx.note(code.empty() ? tr("language: none chosen; the locale decides")
                        : trf("language: {0}", code == "zh" ? tr("Chinese") : tr("English")));
  return kExitOk;
}

}  // namespace

Command setup_language(CLI::App& root) {
  auto o = std::make_shared<LanguageOptions>();
  auto* app = root.add_subcommand(
      "language", tr("show or set the association's own language (zh, en, or auto for the locale); logged"));
  app->add_option("LANG", o->code, tr("zh, en or auto; without it, prints the language set ('-' for none)"))
      ->check(CLI::IsMember({"zh", "en", "auto"}));
  app->footer(help_footer(tr("Examples:"), {"roster language zh", "roster language"}));
  return {app, [o](const Context& ctx) { return run_language(*o, ctx); }};
}

}  // namespace roster
