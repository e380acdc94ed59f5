#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "roster/dues_all.h"
#include "roster/dues_store.h"
#include "store_access.h"
#include "store_errors.h"

namespace roster {
namespace {

std::vector<int> dues_years(Store& store) {
  return guarded(store.path(), [&] {
    std::vector<int> years;
    SQLite::Statement q(StoreAccess::db(store),
                        "SELECT year FROM dues_charges UNION SELECT year FROM dues_payments ORDER BY year");
    while (q.executeStep()) years.push_back(q.getColumn(0).getInt());
    return years;
  });
}

}  // namespace

std::optional<DuesData> all_dues(Store& store) {
  std::vector<int> years = dues_years(store);
  if (years.empty()) return std::nullopt;
  DuesData dues;
  dues.policy = dues_policy(store);
  for (int year : years) {
    for (auto& c : dues_charges(store, year)) dues.charges.push_back(std::move(c));
    for (auto& p : dues_payments(store, year)) dues.payments.push_back(std::move(p));
    for (auto& e : dues_exemptions(store, year)) dues.exemptions.push_back(std::move(e));
    for (auto& m : dues_members(store, year)) {
      bool known = std::any_of(dues.members.begin(), dues.members.end(), [&](const auto& k) { return k.id == m.id; });
      if (!known) dues.members.push_back(std::move(m));
    }
  }
  if (dues.charges.empty()) return std::nullopt;
  return dues;
}

std::vector<int64_t> active_member_ids(Store& store, Date day) {
  return guarded(store.path(), [&] {
    std::vector<int64_t> ids;
    SQLite::Statement q(StoreAccess::db(store),
                        "SELECT DISTINCT member_id FROM periods WHERE joined_on <= ?1 AND (left_on IS NULL OR "
                        "left_on > ?1) ORDER BY member_id");
    q.bind(1, day.iso());
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
    return ids;
  });
}

}  // namespace roster
