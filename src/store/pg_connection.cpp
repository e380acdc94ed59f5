#include "pg_connection.h"

#include <sqlite3.h>

#include <algorithm>
#include <memory>

#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {
namespace {

// libpq's message, first line only, without its trailing newline.
std::string first_line(const char* message) {
  std::string text = message ? message : "";
  if (auto newline = text.find('\n'); newline != std::string::npos) text.resize(newline);
  return trim(text);
}

struct ResultFree {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultFree>;

// A value in COPY's text format: backslash, tab, newline and carriage return escaped.
void append_copy_value(std::string& out, const std::string& value) {
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

// The SQLite code that means what SQLSTATE `state` means.
int sqlite_code(const char* state) {
  std::string_view s = state ? state : "";
  if (s.starts_with("23")) return SQLITE_CONSTRAINT;  // unique, foreign key, check, not null
  if (s == "25006" || s == "42501") return SQLITE_READONLY;
  if (s == "40001" || s == "40P01" || s == "55P03") return SQLITE_BUSY;
  if (s == "53100") return SQLITE_FULL;
  if (s.starts_with("08") || s.starts_with("57")) return SQLITE_IOERR;
  return SQLITE_ERROR;
}

}  // namespace

PGresult* PgConnection::run(const std::string& sql, const std::vector<const char*>& values,
                            const std::vector<Oid>& types) {
  return checked(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), types.data(), values.data(), nullptr,
                              nullptr, 0));
}

std::string PgConnection::prepare(const std::string& sql, const std::vector<Oid>& types) {
  std::string name = "roster_" + std::to_string(++prepared_);
  PQclear(checked(PQprepare(conn_, name.c_str(), sql.c_str(), static_cast<int>(types.size()), types.data())));
  return name;
}

PGresult* PgConnection::run_prepared(const std::string& name, const std::vector<const char*>& values) {
  return checked(
      PQexecPrepared(conn_, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0));
}

bool PgConnection::numbers_rows(const std::string& table) {
  if (!numbered_) {
    numbered_.emplace();
    // i18n: data begin (SQL)
    Result r(checked(PQexec(conn_,
                            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                            "WHERE t.tgname = 'roster_id' AND c.relnamespace = current_schema()::regnamespace")));
    // i18n: data end
    for (int i = 0; i < PQntuples(r.get()); ++i) numbered_->push_back(PQgetvalue(r.get(), i, 0));
  }
  return std::find(numbered_->begin(), numbered_->end(), table) != numbered_->end();
}

PGresult* PgConnection::checked(PGresult* r) {
  auto status = PQresultStatus(r);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return r;
  Result failed(r);
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  int code = !state && PQstatus(conn_) != CONNECTION_OK ? SQLITE_IOERR : sqlite_code(state);
  throw PgError(first_line(r ? PQresultErrorMessage(r) : PQerrorMessage(conn_)), code);
}

PgConnection::PgConnection(const std::string& conninfo) {
  conn_ = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string reason = first_line(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    throw Error(
        trf("cannot connect to PostgreSQL: {0}; check the connection string, the server and ~/.pgpass", reason));
  }
  PQsetClientEncoding(conn_, "UTF8");
  exec("SET client_min_messages = warning");
}

PgConnection::~PgConnection() {
  if (conn_) PQfinish(conn_);
}

void PgConnection::fail(const std::string& what, PGresult* result) {
  std::string reason = first_line(result ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
  throw Error(trf("PostgreSQL refused {0}: {1}; nothing was changed", what, reason));
}

void PgConnection::exec(const std::string& sql) {
  Result r(PQexec(conn_, sql.c_str()));
  auto status = PQresultStatus(r.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(first_line(sql.c_str()), r.get());
}

std::vector<PgRow> PgConnection::rows(const std::string& sql) {
  Result r(PQexec(conn_, sql.c_str()));
  if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) fail(first_line(sql.c_str()), r.get());
  std::vector<PgRow> out(static_cast<size_t>(PQntuples(r.get())));
  int columns = PQnfields(r.get());
  for (int i = 0; i < PQntuples(r.get()); ++i) {
    auto& row = out[static_cast<size_t>(i)];
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(r.get(), i, c))
        row.emplace_back();
      else
        row.emplace_back(std::string(PQgetvalue(r.get(), i, c), static_cast<size_t>(PQgetlength(r.get(), i, c))));
    }
  }
  return out;
}

void PgConnection::copy_begin(const std::string& table, const std::vector<std::string>& columns) {
  std::string sql = "COPY " + pg_identifier(table) + " (";
  for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + pg_identifier(columns[i]);
  // i18n: data (SQL)
  sql += ") FROM STDIN";
  Result r(PQexec(conn_, sql.c_str()));
  if (PQresultStatus(r.get()) != PGRES_COPY_IN) fail(sql, r.get());
}

void PgConnection::copy_put(const PgRow& row) {
  buffer_.clear();
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) buffer_ += '\t';
    if (row[i])
      append_copy_value(buffer_, *row[i]);
    else
      buffer_ += "\\N";
  }
  buffer_ += '\n';
  if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) fail("COPY");
}

void PgConnection::copy_end() {
  if (PQputCopyEnd(conn_, nullptr) != 1) fail("COPY");
  Result r(PQgetResult(conn_));
  if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) fail("COPY", r.get());
  while (PGresult* rest = PQgetResult(conn_)) PQclear(rest);
}

std::string pg_identifier(const std::string& name) {
  std::string quoted = "\"";
  for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace roster
