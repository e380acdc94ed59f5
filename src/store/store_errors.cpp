// The one translation of SQLite's failures into words a secretary can act on.
#include "store_errors.h"

#include <fmt/core.h>
#include <sqlite3.h>

#include "roster/error.h"

namespace roster {
namespace fs = std::filesystem;

std::string quoted_path(const fs::path& path) {
  return fmt::format("'{}'", path.string());
}

void throw_store_error(const SQLite::Exception& e, const fs::path& path) {
  switch (e.getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Error(
          fmt::format("the database {} is busy with another roster process; try again in a moment", quoted_path(path)));
    case SQLITE_READONLY:
      throw Error(
          fmt::format("the database {} is read-only; nothing was changed (check the file's permissions "
                      "and attributes, e.g. `lsattr`, or work on a copy)",
                      quoted_path(path)));
    case SQLITE_FULL:
      throw Error(fmt::format("the disk holding {} is full; nothing was changed (free some space and try again)",
                              quoted_path(path)));
    case SQLITE_NOTADB:
      throw Error(fmt::format("{} is not a roster database; check --db or $ROSTER_DB", quoted_path(path)));
    case SQLITE_CORRUPT:
      throw Error(
          fmt::format("the database {} is damaged; nothing was changed (`roster check --db {}` shows where; "
                      "restore a backup)",
                      quoted_path(path), path.string()));
    case SQLITE_CANTOPEN:
      throw Error(
          fmt::format("cannot open the database {}; check that its folder exists and is writable", quoted_path(path)));
    case SQLITE_IOERR:
      throw Error(
          fmt::format("could not read or write {} (the disk or the file system failed); nothing was "
                      "changed (try again, then check the disk)",
                      quoted_path(path)));
    default:
      // SQLite's and SQLiteCpp's own words mean nothing to a secretary; the
      // code is for the report.
      throw Error(
          fmt::format("unexpected database error on {} (SQLite code {}); nothing was changed (run `roster "
                      "check`, and please report it if it happens again)",
                      quoted_path(path), e.getErrorCode()));
  }
}

}  // namespace roster
