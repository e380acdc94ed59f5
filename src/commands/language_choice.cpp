// Which language roster speaks, decided before the command line is parsed.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "commands.h"
#include "roster/data_files.h"
#include "roster/i18n.h"

namespace roster {
namespace {

// The value of `--NAME VALUE` or `--NAME=VALUE` on the command line, if any
// (the last one wins, as with CLI11).
std::string scan_option(int argc, char** argv, std::string_view name) {
  std::string found;
  std::string with_equals = std::string(name) + "=";
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == name && i + 1 < argc) {
      found = argv[++i];
    } else if (arg.starts_with(with_equals)) {
      found = arg.substr(with_equals.size());
    }
  }
  return found;
}

}  // namespace

void choose_language(int argc, char** argv) {
  std::optional<Language> chosen = parse_language(scan_option(argc, argv, "--lang"));
  if (!chosen) {
    const char* env = std::getenv("ROSTER_LANG");
    if (env) chosen = parse_language(env);
  }
  if (!chosen) chosen = parse_language(peek_language(resolve_db_path(scan_option(argc, argv, "--db"))));
  if (!chosen) chosen = language_from_locale_environment();
  set_language(*chosen, catalog_dir_for(own_executable()));
}

}  // namespace roster
