#include <cstdlib>
#include <string_view>

#include "roster/store.h"

namespace roster {

std::filesystem::path resolve_db_path(const std::string& db_option) {
  if (!db_option.empty()) return db_option;
  if (const char* env = std::getenv("ROSTER_DB"); env && *env) return env;
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = std::filesystem::path(home) / ".local" / "share";
  } else {
    base = ".";
  }
  return base / "roster" / "roster.db";
}

bool is_server_connection(const std::string& db) {
  for (std::string_view scheme : {"postgresql://", "postgres://"}) {
    if (db.compare(0, scheme.size(), scheme) == 0) return true;
  }
  // libpq's keyword=value form: the first word is one of its keywords.
  auto start = db.find_first_not_of(' ');
  auto equals = db.find('=');
  if (start == std::string::npos || equals == std::string::npos || equals < start) return false;
  std::string_view first(db.data() + start, equals - start);
  for (std::string_view keyword : {"host", "hostaddr", "port", "dbname", "user", "password", "passfile", "service",
                                   "sslmode", "options", "application_name", "connect_timeout"}) {
    if (first == keyword) return true;
  }
  return false;
}

}  // namespace roster
