#include "sql.h"

#include <sqlite3.h>

#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>

#include "pg_connection.h"
#include "sql_dialect.h"

namespace roster::dbi {
namespace {

constexpr Oid kInt8 = 20, kUnknown = 0;

// The table of "INSERT INTO table (…" (as the store writes its INSERTs), if `sql` is one.
std::optional<std::string> inserted_table(const std::string& sql) {
  static constexpr std::string_view kInsert = "INSERT INTO ";  // i18n: data (SQL)
  if (sql.compare(0, kInsert.size(), kInsert) != 0) return std::nullopt;
  size_t end = sql.find_first_of(" (", kInsert.size());
  return sql.substr(kInsert.size(), end == std::string::npos ? std::string::npos : end - kInsert.size());
}

}  // namespace

struct Statement::Pg {
  PgConnection& conn;
  PgSql sql;
  std::vector<std::optional<std::string>> values;
  std::vector<Oid> types;
  PGresult* result = nullptr;
  int row = -1;
  int runs = 0;
  std::string prepared;  // its name on the server, once it runs a second time
  bool returns_id = false;

  Pg(PgConnection& c, const std::string& text) : conn(c), sql(to_pg_sql(text)) {
    values.resize(sql.names.size());
    types.resize(sql.names.size(), kUnknown);
    // An INSERT into a table that numbers its rows hands back the new id
    // with its answer, rather than a query for it afterwards.
    if (auto table = inserted_table(sql.text); table && conn.numbers_rows(*table)) {
      sql.text += " RETURNING id";  // i18n: data (SQL)
      returns_id = true;
    }
  }
  ~Pg() { clear(); }
  void clear() {
    if (result) PQclear(result);
    result = nullptr;
    row = -1;
  }
  void set(int index, std::optional<std::string> value, Oid type) {
    if (index < 1 || static_cast<size_t>(index) > values.size()) {
      // i18n: data (a bug in roster, never bad input)
      throw SQLite::Exception("bind index " + std::to_string(index) + " out of range in: " + sql.text, SQLITE_RANGE);
    }
    values[static_cast<size_t>(index - 1)] = std::move(value);
    types[static_cast<size_t>(index - 1)] = type;
  }
  void run() {
    std::vector<const char*> pointers;
    pointers.reserve(values.size());
    for (const auto& v : values) pointers.push_back(v ? v->c_str() : nullptr);
    // A statement run again (an import's, row after row) is parsed and
    // planned once on the server; one run once costs no extra round trip.
    if (++runs == 2) prepared = conn.prepare(sql.text, types);
    result = prepared.empty() ? conn.run(sql.text, pointers, types) : conn.run_prepared(prepared, pointers);
  }
  const char* value(int column) const {
    if (!result || row < 0 || row >= PQntuples(result)) {
      throw SQLite::Exception("no row to read in: " + sql.text, SQLITE_MISUSE);  // i18n: data (a bug)
    }
    return PQgetvalue(result, row, column);
  }
};

Connection::Connection(std::unique_ptr<SQLite::Database> lite) : lite_(std::move(lite)) {}
Connection::Connection(std::unique_ptr<PgConnection> pg) : pg_(std::move(pg)) {}
Connection::~Connection() = default;

void Connection::exec(const std::string& text) {
  if (lite_) {
    lite_->exec(text);
    return;
  }
  PQclear(pg_->run(to_pg_sql(text).text, {}, {}));
}

int64_t Connection::getLastInsertRowid() {
  if (lite_) return lite_->getLastInsertRowid();
  return pg_->last_id;  // kept by Statement::exec from each INSERT's RETURNING id
}

Statement::Statement(Connection& db, const std::string& text) {
  if (db.is_pg())
    pg_ = std::make_unique<Pg>(db.pg(), text);
  else
    lite_ = std::make_unique<SQLite::Statement>(db.lite(), text);
}

Statement::~Statement() = default;

void Statement::bind(int index, int64_t value) {
  if (lite_)
    lite_->bind(index, value);
  else
    pg_->set(index, std::to_string(value), kInt8);
}

void Statement::bind(int index, const std::string& value) {
  if (lite_)
    lite_->bind(index, value);
  else
    pg_->set(index, value, kUnknown);
}

void Statement::bindNoCopy(int index, const std::string& value) {
  if (lite_)
    lite_->bindNoCopy(index, value);
  else
    pg_->set(index, value, kUnknown);
}

void Statement::bind(int index) {
  if (lite_)
    lite_->bind(index);
  else
    pg_->set(index, std::nullopt, kUnknown);
}

int Statement::index_of(const char* name) const {
  if (lite_) return lite_->getIndex(name);
  for (size_t i = 0; i < pg_->sql.names.size(); ++i) {
    if (pg_->sql.names[i] == name) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool Statement::executeStep() {
  if (lite_) return lite_->executeStep();
  if (!pg_->result) pg_->run();
  ++pg_->row;
  return pg_->row < PQntuples(pg_->result);
}

int Statement::exec() {
  if (lite_) return lite_->exec();
  pg_->clear();
  pg_->run();
  int changed = std::atoi(PQcmdTuples(pg_->result));
  if (pg_->returns_id && PQntuples(pg_->result) > 0) {
    pg_->conn.last_id = std::strtoll(PQgetvalue(pg_->result, 0, 0), nullptr, 10);
  }
  pg_->clear();
  return changed;
}

void Statement::reset() {
  if (lite_)
    lite_->reset();
  else
    pg_->clear();
}

void Statement::clearBindings() {
  if (lite_) {
    lite_->clearBindings();
    return;
  }
  for (auto& v : pg_->values) v.reset();
  for (auto& t : pg_->types) t = kUnknown;
}

int Statement::getColumnCount() const {
  if (lite_) return lite_->getColumnCount();
  return pg_->result ? PQnfields(pg_->result) : 0;
}

std::string Column::getString() const {
  if (statement_.lite_) return statement_.lite_->getColumn(index_).getString();
  const auto& pg = *statement_.pg_;
  const char* text = pg.value(index_);
  return std::string(text, static_cast<size_t>(PQgetlength(pg.result, pg.row, index_)));
}

const char* Column::getText() const {
  if (statement_.lite_) return statement_.lite_->getColumn(index_).getText();
  return statement_.pg_->value(index_);
}

int64_t Column::getInt64() const {
  if (statement_.lite_) return statement_.lite_->getColumn(index_).getInt64();
  const char* text = statement_.pg_->value(index_);
  if (text[0] == 't' && text[1] == '\0') return 1;  // a comparison's boolean, as SQLite's 1 and 0
  if (text[0] == 'f' && text[1] == '\0') return 0;
  return std::strtoll(text, nullptr, 10);
}

bool Column::isNull() const {
  if (statement_.lite_) return statement_.lite_->getColumn(index_).isNull();
  const auto& pg = *statement_.pg_;
  pg.value(index_);
  return PQgetisnull(pg.result, pg.row, index_) != 0;
}

}  // namespace roster::dbi
