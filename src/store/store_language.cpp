// Store: the association's language (init --lang, `roster language`).
#include <SQLiteCpp/SQLiteCpp.h>

#include "peek_sql.h"
#include "roster/store.h"

namespace roster {

std::string Store::language() {
  dbi::Statement q(*db_, "SELECT lang FROM association WHERE id = 1");
  if (!q.executeStep()) throw missing_association_row();
  return q.getColumn(0).getString();
}

void Store::set_language(const std::string& code) {
  require_write("set_language");
  std::string old = language();
  if (old == code) return;
  dbi::Statement q(*db_, "UPDATE association SET lang = ? WHERE id = 1");
  q.bind(1, code);
  q.exec();
  log_change(std::nullopt, "language.set", "lang", old, code);
}

std::string peek_language(const std::filesystem::path& path) {
  std::string lang;
  peek_roster(path, 3, [&](dbi::Connection& db) {  // version 3 added the language
    dbi::Statement q(db, "SELECT lang FROM association WHERE id = 1");
    if (q.executeStep()) lang = q.getColumn(0).getString();
  });
  return lang;
}

}  // namespace roster
