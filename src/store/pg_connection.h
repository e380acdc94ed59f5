// A connection to a PostgreSQL server through libpq: statements, rows as
// text, and COPY … FROM STDIN for bulk rows. Internal to src/store.
#pragma once

#include <SQLiteCpp/Exception.h>
#include <libpq-fe.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace roster {

/// One row of a query: each column's text, or nullopt for NULL.
using PgRow = std::vector<std::optional<std::string>>;

/// A statement PostgreSQL refused, as the SQLite::Exception with the SQLite
/// code that means the same (a unique key taken: SQLITE_CONSTRAINT; no right
/// to write: SQLITE_READONLY; …), so the store translates both alike.
class PgError : public SQLite::Exception {
 public:
  using SQLite::Exception::Exception;
};

class PgConnection {
 public:
  /// Connects with a libpq connection string or URI (passwords from
  /// ~/.pgpass or PGPASSFILE); throws roster::Error naming the server's
  /// reason and the fix when it cannot.
  explicit PgConnection(const std::string& conninfo);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  /// Runs `sql` (no parameters); throws roster::Error on failure.
  void exec(const std::string& sql);
  /// The rows of `sql`, every value as text.
  std::vector<PgRow> rows(const std::string& sql);

  /// Runs `sql` with text parameters (nullptr for NULL; type 0 lets the
  /// server infer it); the caller PQclear()s the result. Throws PgError.
  PGresult* run(const std::string& sql, const std::vector<const char*>& values, const std::vector<Oid>& types);
  /// The same through a statement prepared on the server once: the name of
  /// a new prepared statement for `sql`, then runs of it by that name.
  std::string prepare(const std::string& sql, const std::vector<Oid>& types);
  PGresult* run_prepared(const std::string& name, const std::vector<const char*>& values);
  /// Whether `table` numbers its rows (an `id INTEGER PRIMARY KEY`, with the
  /// roster_id trigger; pg_schema.h): its INSERTs return the new id.
  bool numbers_rows(const std::string& table);
  /// The id the last INSERT into such a table made (0 before any).
  int64_t last_id = 0;

  /// The login this connection works as.
  std::string user() const { return PQuser(conn_); }

  /// COPY `table` (`columns`) FROM STDIN, one call to put() per row, then
  /// end(): the rows in PostgreSQL's text format.
  void copy_begin(const std::string& table, const std::vector<std::string>& columns);
  void copy_put(const PgRow& row);
  void copy_end();

 private:
  [[noreturn]] void fail(const std::string& what, PGresult* result = nullptr);
  /// `r` when it succeeded; else frees it and throws PgError.
  PGresult* checked(PGresult* r);
  int prepared_ = 0;                                  // statements prepared on this connection so far
  std::optional<std::vector<std::string>> numbered_;  // the tables numbers_rows() is true of, once read
  PGconn* conn_ = nullptr;
  std::string label_;  // the connection as the user gave it, for messages
  std::string buffer_;
};

/// `name` quoted as a PostgreSQL identifier ("user" is a reserved word).
std::string pg_identifier(const std::string& name);

}  // namespace roster
