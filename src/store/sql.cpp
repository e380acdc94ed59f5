#include "sql.h"

#include <sqlite3.h>

#include <cstdlib>
#include <cstring>

#include "pg_connection.h"
#include "sql_dialect.h"

namespace roster::dbi {
namespace {

constexpr Oid kInt8 = 20, kFloat8 = 701, kUnknown = 0;

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

  Pg(PgConnection& c, const std::string& text) : conn(c), sql(to_pg_sql(text)) {
    values.resize(sql.names.size());
    types.resize(sql.names.size(), kUnknown);
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
  // Set by the id trigger of every table with an INTEGER PRIMARY KEY (pg_schema.h).
  PGresult* r = pg_->run("SELECT current_setting('roster.last_id', true)", {}, {});
  int64_t id = PQntuples(r) ? std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10) : 0;
  PQclear(r);
  return id;
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

void Statement::bind(int index, double value) {
  if (lite_)
    lite_->bind(index, value);
  else
    pg_->set(index, std::to_string(value), kFloat8);
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
  pg_->clear();
  return changed;
}

void Statement::reset() {
  if (lite_)
    lite_->reset();
  else
    pg_->clear();
}

bool Statement::tryReset() {
  if (lite_) return lite_->tryReset() == SQLITE_OK;
  pg_->clear();
  return true;
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

double Column::getDouble() const {
  if (statement_.lite_) return statement_.lite_->getColumn(index_).getDouble();
  return std::strtod(statement_.pg_->value(index_), nullptr);
}

bool Column::isNull() const {
  if (statement_.lite_) return statement_.lite_->getColumn(index_).isNull();
  const auto& pg = *statement_.pg_;
  pg.value(index_);
  return PQgetisnull(pg.result, pg.row, index_) != 0;
}

}  // namespace roster::dbi
