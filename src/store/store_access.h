// What the store's free functions (the recruitment pipeline,
// include/store/roster/prospects.h) need of a Store's insides: its
// connection, its statement cache and its write check. Internal to src/store.
#pragma once

#include <string_view>

#include "roster/store.h"
#include "sql.h"

namespace roster {

/// The door Store opens to the SQL of src/store files that are not its own
/// methods; nothing outside src/store can include this.
struct StoreAccess {
  static dbi::Connection& db(Store& store) { return *store.db_; }
  /// Store::cached: prepared once per connection, reset on each use.
  static dbi::Statement& cached(Store& store, std::string_view sql) { return store.cached(sql); }
  /// Store::require_write: a bug in roster unless inside write().
  static void require_write(const Store& store, const char* what) { store.require_write(what); }
};

}  // namespace roster
