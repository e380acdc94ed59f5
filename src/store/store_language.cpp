// Store: the association's language (init --lang, `roster language`).
#include <SQLiteCpp/SQLiteCpp.h>

#include "pinyin_sql.h"
#include "roster/store.h"

namespace roster {

std::string Store::language() {
  SQLite::Statement q(*db_, "SELECT lang FROM association WHERE id = 1");
  if (!q.executeStep()) throw missing_association_row();
  return q.getColumn(0).getString();
}

void Store::set_language(const std::string& code) {
  require_write("set_language");
  std::string old = language();
  if (old == code) return;
  SQLite::Statement q(*db_, "UPDATE association SET lang = ? WHERE id = 1");
  q.bind(1, code);
  q.exec();
  log_change(std::nullopt, "language.set", "lang", old, code);
}

std::string peek_language(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return "";
  try {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    db.setBusyTimeout(1000);
    register_pinyin(db);  // as on every connection roster opens
    if (db.execAndGet("PRAGMA application_id").getInt() != kApplicationId) return "";
    if (db.execAndGet("PRAGMA user_version").getInt() < 3) return "";
    SQLite::Statement q(db, "SELECT lang FROM association WHERE id = 1");
    return q.executeStep() ? q.getColumn(0).getString() : "";
  } catch (const std::exception&) {
    return "";  // not a roster, or unreadable: the real open says why
  }
}

}  // namespace roster
