// The one connection and statement type every file of src/store speaks: a
// SQLite file (through SQLiteCpp) or a PostgreSQL database (through libpq),
// with SQLiteCpp's shape so the store's SQL reads the same for both. On
// PostgreSQL each statement is put into its dialect first (sql_dialect.h), and
// its failures are SQLite::Exceptions with the SQLite code that means the same
// (pg_error.h), so one translation of errors serves both. Internal to src/store.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace roster {

class PgConnection;

namespace dbi {

class Statement;

/// A connection to one roster: a SQLite file or a PostgreSQL database.
class Connection {
 public:
  explicit Connection(std::unique_ptr<SQLite::Database> lite);
  explicit Connection(std::unique_ptr<PgConnection> pg);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool is_pg() const { return pg_ != nullptr; }
  /// The SQLite file's own connection (PRAGMAs, functions); only when !is_pg().
  SQLite::Database& lite() { return *lite_; }
  PgConnection& pg() { return *pg_; }

  /// Runs statements without parameters or rows.
  void exec(const std::string& sql);
  /// The id of the row the last INSERT on this connection made.
  int64_t getLastInsertRowid();

 private:
  std::unique_ptr<SQLite::Database> lite_;
  std::unique_ptr<PgConnection> pg_;
};

class Column {
 public:
  Column(const Statement& statement, int index) : statement_(statement), index_(index) {}
  std::string getString() const;
  const char* getText() const;
  int64_t getInt64() const;
  int getInt() const { return static_cast<int>(getInt64()); }
  bool isNull() const;

 private:
  const Statement& statement_;
  int index_;
};

/// One statement, SQLiteCpp's way: bind(), then executeStep() row by row or
/// exec(); reset() to run it again.
class Statement {
 public:
  Statement(Connection& db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int index, int value) { bind(index, static_cast<int64_t>(value)); }
  void bind(int index, long long value) { bind(index, static_cast<int64_t>(value)); }
  void bind(int index, int64_t value);
  void bind(int index, const std::string& value);
  void bind(int index, const char* value) { bind(index, std::string(value)); }
  void bind(int index);  ///< NULL
  void bindNoCopy(int index, const std::string& value);
  template <typename T>
  void bind(const char* name, const T& value) {
    bind(index_of(name), value);
  }
  void bind(const char* name) { bind(index_of(name)); }

  bool executeStep();
  /// Runs a statement that returns no rows; the number of rows it changed.
  int exec();
  void reset();
  void clearBindings();

  Column getColumn(int index) const { return Column(*this, index); }
  int getColumnCount() const;

 private:
  friend class Column;
  struct Pg;
  int index_of(const char* name) const;
  std::unique_ptr<SQLite::Statement> lite_;
  std::unique_ptr<Pg> pg_;
};

}  // namespace dbi
}  // namespace roster
