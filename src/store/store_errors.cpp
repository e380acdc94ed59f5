// The one translation of SQLite's failures into words a secretary can act on.
#include "store_errors.h"

#include <fmt/core.h>
#include <sqlite3.h>

#include "pg_connection.h"
#include "roster/error.h"
#include "roster/i18n.h"

namespace roster {
namespace fs = std::filesystem;

std::string quoted_path(const fs::path& path) {
  return fmt::format(fmt::runtime(trc("quoted", "'{0}'")), path.string());
}

namespace {

// What PostgreSQL refused, in the words that fit a server rather than a file
// (a busy server is worded as a busy file, below).
[[noreturn]] void throw_server_error(const PgError& e, const fs::path& path) {
  switch (e.getErrorCode()) {
    case SQLITE_READONLY:
      throw Error(
          trf("the database {0} is read-only for this login; nothing was changed (ask for a login that may write, "
              "see docs/deploy.md, or work on a copy)",
              quoted_path(path)));
    case SQLITE_IOERR:
      throw Error(trf("lost the connection to {0}: {1}; nothing was changed (check the server and try again)",
                      quoted_path(path), e.what()));
    default:
      throw Error(
          trf("PostgreSQL refused a change to {0}: {1}; nothing was changed (run `roster check`, and please "
              "report it if it happens again)",
              quoted_path(path), e.what()));
  }
}

}  // namespace

void throw_store_error(const SQLite::Exception& e, const fs::path& path) {
  const auto* server = dynamic_cast<const PgError*>(&e);
  if (server && e.getErrorCode() != SQLITE_BUSY) throw_server_error(*server, path);
  switch (e.getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Error(
          trf("the database {0} is busy with another roster process; try again in a moment", quoted_path(path)));
    case SQLITE_READONLY:
      throw Error(
          trf("the database {0} is read-only; nothing was changed (check the file's permissions and attributes, e.g. "
              "`lsattr`, or work on a copy)",
              quoted_path(path)));
    case SQLITE_FULL:
      throw Error(
          trf("the disk holding {0} is full; nothing was changed (free some space and try again)", quoted_path(path)));
    case SQLITE_NOTADB:
      throw Error(trf("{0} is not a roster database; check --db or $ROSTER_DB", quoted_path(path)));
    case SQLITE_CORRUPT:
      throw Error(
          trf("the database {0} is damaged; nothing was changed (`roster check --db {1}` shows where; restore a "
              "backup)",
              quoted_path(path), path.string()));
    case SQLITE_CANTOPEN:
      throw Error(trf("cannot open the database {0}; check that its folder exists and is writable", quoted_path(path)));
    case SQLITE_IOERR:
      throw Error(
          trf("could not read or write {0} (the disk or the file system failed); nothing was changed (try again, then "
              "check the disk)",
              quoted_path(path)));
    default:
      // SQLite's and SQLiteCpp's own words mean nothing to a secretary; the
      // code is for the report.
      throw Error(
          trf("unexpected database error on {0} (SQLite code {1}); nothing was changed (run `roster check`, and "
              "please report it if it happens again)",
              quoted_path(path), e.getErrorCode()));
  }
}

}  // namespace roster
