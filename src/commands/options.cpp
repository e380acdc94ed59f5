// Context: the global options, resolved for the commands.
#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {

Format Context::format(const std::vector<Format>& offered) const {
  Format wanted = stdout_is_terminal ? Format::table : Format::tsv;
  // A command with no tsv (show) falls back to its first format in a pipe.
  if (std::find(offered.begin(), offered.end(), wanted) == offered.end()) wanted = offered.front();
  if (!options.format.empty()) {
    auto parsed = parse_format(options.format);
    if (!parsed) throw usage_error(trf("unknown format '{0}'", options.format));
    wanted = *parsed;
  }
  for (Format f : offered) {
    if (f == wanted) return f;
  }
  std::string names;
  for (Format f : offered) names += (names.empty() ? "" : trc("list", ", ")) + format_name(f);
  throw usage_error(trf("this command cannot write {0}; choose one of {1}", format_name(wanted), names));
}

RenderOptions Context::render_options(bool bom) const {
  RenderOptions r;
  bool no_color = std::getenv("NO_COLOR") && *std::getenv("NO_COLOR");
  // Never with NO_COLOR, whatever --color says (docs/usage.md).
  r.color = !no_color && (options.color == "always" || (options.color == "auto" && stdout_is_terminal));
  r.bom = bom;
  const char* ascii = std::getenv("ROSTER_ASCII");
  r.ascii = options.ascii || (ascii && *ascii && std::string_view(ascii) != "0");
  return r;
}

Store Context::open_store() const {
  return Store::open(db_path);
}

void refuse_database_path(const std::filesystem::path& db, const std::string& target, const std::string& what) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path canonical_db = fs::weakly_canonical(fs::absolute(db), ec);
  fs::path canonical_target = fs::weakly_canonical(fs::absolute(target), ec);
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    if (canonical_target == fs::path(canonical_db.string() + suffix) ||
        fs::equivalent(canonical_db.string() + suffix, target, ec)) {
      throw Error(trf("{0} would overwrite the database itself; choose another path", what));
    }
  }
}

void Context::note(const std::string& message) const {
  if (!options.quiet) std::cerr << "roster: " << escape_for_terminal(message) << '\n';
}

}  // namespace roster
