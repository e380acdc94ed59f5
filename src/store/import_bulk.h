// The write path of a large import: the indexes that cost most to keep up
// row by row are dropped inside the import's transaction and built again,
// sorted, before it commits; the members' keys are looked up in memory
// meanwhile. Internal to src/store.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "import_keys.h"
#include "roster/member_import.h"
#include "roster/store.h"

namespace roster {

/// Whether `options` call for the large-import path on `store`: a file of
/// at least kBulkImportRows rows and at least half as many rows as stored
/// members, without --update (whose edits look members up by the indexes).
/// ROSTER_IMPORT_BULK=1 or 0 in the environment forces the choice (for tests
/// and benchmarks).
bool use_bulk_import(Store& store, const ImportOptions& options);

/// At least this many rows for the large-import path.
inline constexpr size_t kBulkImportRows = 20000;

/// Foreign keys unchecked from construction to destruction; make it before
/// the transaction begins (SQLite ignores the pragma inside one). A large
/// import writes only member ids it inserted in the same transaction and
/// sector codes of the registry it read under the write lock, so its rows
/// need no check; checking each one cost a third of the time at 1,000,000
/// rows. `roster check` runs SQLite's foreign_key_check.
class ForeignKeysOff {
 public:
  explicit ForeignKeysOff(Store& store);
  ~ForeignKeysOff();
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

 private:
  Store& store_;
};

/// The deferred indexes: dropped by the constructor (inside the caller's
/// transaction), built again from their own SQL text by rebuild(), so the
/// schema reads exactly as before. A rollback brings them back by itself.
class DeferredIndexes {
 public:
  explicit DeferredIndexes(Store& store);
  void rebuild();

 private:
  Store& store_;
  std::vector<std::string> sql_;
};

/// The member keys of the large-import path: every stored member's name key
/// and USCC in memory, each candidate checked against the table.
class MemberKeys {
 public:
  MemberKeys(Store& store, size_t expected_rows);
  std::optional<int64_t> owner_of_name(const std::string& name_key);
  std::optional<int64_t> owner_of_uscc(const std::string& uscc);
  void add(int64_t id, const std::string& name_key, const std::optional<std::string>& uscc);

 private:
  Store& store_;
  KeyIndex names_, usccs_;
};

}  // namespace roster
