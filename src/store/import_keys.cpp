#include "import_keys.h"

#include <algorithm>
#include <limits>
#include <string>

#include "roster/error.h"
#include "roster/i18n.h"

namespace roster {
namespace {

constexpr size_t kTailBatch = 4096;

uint64_t key_hash(std::string_view key) {
  uint64_t h = std::hash<std::string_view>{}(key);
  return h == 0 ? 1 : h;
}

}  // namespace

void AddedMembers::add(int64_t id, size_t line, bool id_from_file) {
  if (line > std::numeric_limits<uint32_t>::max()) {
    throw Error(tr("the file has more than 4,294,967,295 lines; split it and import the parts one by one"));
  }
  Entry e{id, static_cast<uint32_t>(line), id_from_file};
  if (tail_.empty() && (sorted_.empty() || sorted_.back().id < id)) {
    sorted_.push_back(e);
    return;
  }
  tail_.push_back(e);
  if (tail_.size() >= kTailBatch) merge();
}

void AddedMembers::merge() {
  auto by_id = [](const Entry& a, const Entry& b) { return a.id < b.id; };
  std::sort(tail_.begin(), tail_.end(), by_id);
  size_t middle = sorted_.size();
  sorted_.insert(sorted_.end(), tail_.begin(), tail_.end());
  std::inplace_merge(sorted_.begin(), sorted_.begin() + static_cast<std::ptrdiff_t>(middle), sorted_.end(), by_id);
  tail_.clear();
}

std::optional<AddedMembers::Entry> AddedMembers::find(int64_t id) {
  auto it = std::lower_bound(sorted_.begin(), sorted_.end(), id, [](const Entry& e, int64_t v) { return e.id < v; });
  if (it != sorted_.end() && it->id == id) return *it;
  for (const Entry& e : tail_) {
    if (e.id == id) return e;
  }
  return std::nullopt;
}

KeyIndex::KeyIndex(size_t expected) : slots_(std::max<size_t>(64, expected + expected / 4 + 1)) {}

size_t KeyIndex::home(uint64_t hash) const {
  return static_cast<size_t>(hash % slots_.size());
}

void KeyIndex::add(std::string_view key, int64_t id) {
  if ((used_ + 1) * 5 > slots_.size() * 4) grow();  // at most 80 % full
  uint64_t hash = key_hash(key);
  for (size_t i = home(hash);; i = i + 1 == slots_.size() ? 0 : i + 1) {
    if (slots_[i].hash == 0) {
      slots_[i] = {hash, id};
      ++used_;
      return;
    }
  }
}

std::optional<int64_t> KeyIndex::find(std::string_view key, const std::function<bool(int64_t)>& is_key) const {
  uint64_t hash = key_hash(key);
  for (size_t i = home(hash); slots_[i].hash != 0; i = i + 1 == slots_.size() ? 0 : i + 1) {
    if (slots_[i].hash == hash && is_key(slots_[i].id)) return slots_[i].id;
  }
  return std::nullopt;
}

void KeyIndex::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  used_ = 0;
  for (const Slot& s : old) {
    if (s.hash == 0) continue;
    for (size_t i = home(s.hash);; i = i + 1 == slots_.size() ? 0 : i + 1) {
      if (slots_[i].hash == 0) {
        slots_[i] = s;
        ++used_;
        break;
      }
    }
  }
}

}  // namespace roster
