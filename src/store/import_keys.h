// What an import remembers about the members it has added, in a few bytes
// per member: their ids with their first lines, and (for a large import,
// which writes its rows before it builds the members' indexes) a hash index
// of the name keys and USCCs. Internal to src/store.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace roster {

/// The members one import has added: id -> the line of its first row, and
/// whether the id is the one that row gave (its `id` column). 16 bytes a
/// member; ids that arrive in ascending order (the usual case) go straight
/// into the sorted part.
class AddedMembers {
 public:
  struct Entry {
    int64_t id = 0;
    uint32_t line = 0;
    bool id_from_file = false;
  };
  /// Throws roster::Error past line 4,294,967,295.
  void add(int64_t id, size_t line, bool id_from_file);
  std::optional<Entry> find(int64_t id);
  size_t size() const { return sorted_.size() + tail_.size(); }

 private:
  void merge();
  std::vector<Entry> sorted_, tail_;  // tail_: ids that came out of order, merged in batches
};

/// An open-addressing index from a key's 64-bit hash to a member id, 16 bytes
/// a slot. It keeps no keys: `find` asks the caller whether a candidate's key
/// really is the one looked for, so a hash collision is never a false match.
class KeyIndex {
 public:
  explicit KeyIndex(size_t expected = 0);
  void add(std::string_view key, int64_t id);
  /// The member whose key is `key`: each id stored under the same hash is
  /// offered to `is_key` until it says yes.
  std::optional<int64_t> find(std::string_view key, const std::function<bool(int64_t)>& is_key) const;

 private:
  struct Slot {
    uint64_t hash = 0;  // 0: empty (a real hash of 0 is stored as 1)
    int64_t id = 0;
  };
  size_t home(uint64_t hash) const;
  void grow();
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

}  // namespace roster
