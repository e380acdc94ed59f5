// Store: billing a dues year — a charge for every member active in it that
// has none yet, so a run every week bills the members who joined since.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "dues_sql.h"
#include "member_sql.h"  // stored_tier
#include "roster/dues_store.h"
#include "roster/json_dump.h"
#include "sql.h"
#include "store_access.h"
#include "store_errors.h"

namespace roster {
namespace {

struct Candidate {
  int64_t id = 0;
  Tier tier = Tier::member;
};

// Members with a period active on some day of [first, until] (the day a
// member left is not a member day), with their current tier, by id.
std::vector<Candidate> members_active_between(Store& store, Date first, Date until) {
  dbi::Statement q(StoreAccess::db(store),
                   "SELECT m.id, m.tier FROM members m WHERE EXISTS (SELECT 1 FROM periods p "
                   "WHERE p.member_id = m.id AND p.joined_on <= :until AND (p.left_on IS NULL OR p.left_on > "
                   ":first)) ORDER BY m.id");
  q.bind(":until", until.iso());
  q.bind(":first", first.iso());
  std::vector<Candidate> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), stored_tier(q.getColumn(1).getString())});
  return out;
}

void insert_charge(Store& store, const Charge& c) {
  dbi::Statement& q =
      StoreAccess::cached(store,
                          "INSERT INTO dues_charges (member_id, year, tier, amount_fen, billed_on, due_on, prorated) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, c.member_id);
  q.bind(2, c.year);
  q.bind(3, std::string(tier_code(c.tier)));
  q.bind(4, c.amount);
  q.bind(5, c.billed_on.iso());
  q.bind(6, c.due_on.iso());
  q.bind(7, c.prorated ? 1 : 0);
  q.exec();
}

}  // namespace

BillResult bill_year(Store& store, int year, Date billed_on) {
  StoreAccess::require_write(store, "bill_year");
  DuesPolicy policy = dues_policy(store);
  std::vector<ScheduleEntry> schedule = dues_schedule(store);
  DuesYear y = dues_year(policy, year);
  BillResult result;
  if (billed_on < y.first) return result;  // nobody is a member of a year that has not begun
  guarded(store.path(), [&] {
    for (const Candidate& m : members_active_between(store, y.first, std::min(y.last, billed_on))) {
      // Checked before the insert (the primary key would also refuse it):
      // a member billed once is counted, never charged again.
      if (stored_charge(store, m.id, year)) {
        ++result.already_billed;
        continue;
      }
      auto charge = charge_for(m.id, store.member_periods(m.id), m.tier, year, policy, schedule, billed_on);
      if (!charge) {  // active in the year, so what is missing is an amount for its tier
        ++result.without_amount;
        continue;
      }
      insert_charge(store, *charge);
      nlohmann::ordered_json after = {{"year", year},
                                      {"tier", std::string(tier_code(charge->tier))},
                                      {"amount_fen", charge->amount},
                                      {"due_on", charge->due_on.iso()},
                                      {"prorated", charge->prorated}};
      store.log_change(m.id, "dues.bill", "", "", dump_json(after));
      result.charged.push_back(*charge);
    }
  });
  return result;
}

}  // namespace roster
