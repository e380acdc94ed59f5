#include "import_bulk.h"

#include <cstdlib>
#include <cstring>

#include "store_access.h"

namespace roster {
namespace {

// Random-order inserts into these cost a page read and write each once they
// outgrow the page cache; a sorted build after the rows is one pass.
constexpr const char* kDeferred[] = {"members_by_name_key", "members_by_uscc", "periods_by_joined", "periods_by_left",
                                     "member_sectors_by_sector"};

int64_t stored_members(Store& store) {
  dbi::Statement count(StoreAccess::db(store), "SELECT count(*) FROM members");
  count.executeStep();
  return count.getColumn(0).getInt64();
}

}  // namespace

bool use_bulk_import(Store& store, const ImportOptions& options) {
  // It drops and rebuilds SQLite's indexes and turns its foreign keys off:
  // on PostgreSQL every import goes row by row.
  if (StoreAccess::db(store).is_pg()) return false;
  if (const char* forced = std::getenv("ROSTER_IMPORT_BULK"); forced && *forced) {
    return std::strcmp(forced, "0") != 0 && !options.update;
  }
  if (options.update || options.expected_rows < kBulkImportRows) return false;
  return static_cast<int64_t>(options.expected_rows) * 2 >= stored_members(store);
}

ForeignKeysOff::ForeignKeysOff(Store& store) : store_(store) {
  StoreAccess::db(store_).exec("PRAGMA foreign_keys = OFF");
}

ForeignKeysOff::~ForeignKeysOff() {
  try {
    StoreAccess::db(store_).exec("PRAGMA foreign_keys = ON");
  } catch (...) {  // a destructor must not throw; the connection ends with the command
  }
}

DeferredIndexes::DeferredIndexes(Store& store) : store_(store) {
  auto& db = StoreAccess::db(store);
  std::vector<std::string> names;
  {
    dbi::Statement find(db, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?");
    for (const char* name : kDeferred) {
      find.bind(1, name);
      if (find.executeStep()) {
        sql_.push_back(find.getColumn(0).getString());
        names.emplace_back(name);
      }
      find.reset();
    }
  }
  for (const auto& name : names) db.exec("DROP INDEX " + name);
}

void DeferredIndexes::rebuild() {
  for (const auto& sql : sql_) StoreAccess::db(store_).exec(sql);
  sql_.clear();
}

MemberKeys::MemberKeys(Store& store, size_t expected_rows) : store_(store) {
  size_t n = static_cast<size_t>(stored_members(store)) + expected_rows;
  names_ = KeyIndex(n);
  usccs_ = KeyIndex(n);
  dbi::Statement all(StoreAccess::db(store), "SELECT id, name_key, uscc FROM members");
  while (all.executeStep()) {
    int64_t id = all.getColumn(0).getInt64();
    names_.add(all.getColumn(1).getString(), id);
    if (!all.getColumn(2).isNull()) usccs_.add(all.getColumn(2).getString(), id);
  }
}

std::optional<int64_t> MemberKeys::owner_of_name(const std::string& name_key) {
  return names_.find(name_key, [&](int64_t id) {
    auto& q = StoreAccess::cached(store_, "SELECT name_key = ? FROM members WHERE id = ?");
    q.bind(1, name_key);
    q.bind(2, id);
    return q.executeStep() && q.getColumn(0).getInt() == 1;
  });
}

std::optional<int64_t> MemberKeys::owner_of_uscc(const std::string& uscc) {
  return usccs_.find(uscc, [&](int64_t id) {
    auto& q = StoreAccess::cached(store_, "SELECT uscc IS ? FROM members WHERE id = ?");
    q.bind(1, uscc);
    q.bind(2, id);
    return q.executeStep() && q.getColumn(0).getInt() == 1;
  });
}

void MemberKeys::add(int64_t id, const std::string& name_key, const std::optional<std::string>& uscc) {
  names_.add(name_key, id);
  if (uscc) usccs_.add(*uscc, id);
}

}  // namespace roster
