// `roster check` on dues: what `dues schedule set` and `dues pay` refuse, found
// again when the file was changed behind roster's back.

#include <algorithm>
#include <map>

#include "check_rules.h"
#include "roster/dues.h"
#include "roster/i18n.h"
#include "roster/money.h"

namespace roster {

void dues_schedule_rules(dbi::Connection& db, std::vector<std::string>& problems) {
  // Keyed by the stored tier, not the Tier enum: a tier outside the four
  // (only a file edited past its CHECK constraint has one) still counts.
  std::map<std::string, std::vector<ScheduleEntry>> by_tier;
  std::vector<Date> days;
  dbi::Statement q(db, "SELECT tier, amount_fen, from_on FROM dues_schedule ORDER BY from_on, tier");
  while (q.executeStep()) {
    auto from = parse_iso_date(q.getColumn(2).getString());
    if (!from) {
      problems.push_back(trf("dues schedule: the {0} entry's from date '{1}' is not a date; restore a backup",
                             q.getColumn(0).getString(), q.getColumn(2).getString()));
      continue;
    }
    by_tier[q.getColumn(0).getString()].push_back({0, Tier::member, q.getColumn(1).getInt64(), *from, ""});
    if (days.empty() || days.back() != *from) days.push_back(*from);
  }
  for (Date day : days) {
    // amounts_in_force's rule over every stored tier: each tier's entry in
    // force (entry_in_force), its amounts counted once.
    std::vector<Fen> amounts;
    for (const auto& [tier, entries] : by_tier) {
      auto e = entry_in_force(entries, Tier::member, day);
      if (e && std::find(amounts.begin(), amounts.end(), e->amount) == amounts.end()) amounts.push_back(e->amount);
    }
    if (amounts.size() <= 4) continue;
    std::sort(amounts.begin(), amounts.end());
    std::string list;
    for (Fen a : amounts) list += (list.empty() ? "" : trc("list", ", ")) + format_yuan(a);
    problems.push_back(
        trf("dues schedule: {0} distinct amounts in force on {1} ({2}); the rules allow at most four: remove the "
            "extra entry from dues_schedule or restore a backup",
            amounts.size(), day.iso(), list));
  }
}

void dues_payment_rules(dbi::Connection& db, std::vector<std::string>& problems) {
  dbi::Statement orphans(db, R"SQL(
SELECT p.member_id, coalesce(min(m.name), '?'), p.year, count(*), sum(p.amount_fen)
  FROM dues_payments p LEFT JOIN members m ON m.id = p.member_id
 WHERE NOT EXISTS (SELECT 1 FROM dues_charges c WHERE c.member_id = p.member_id AND c.year = p.year)
 GROUP BY p.member_id, p.year ORDER BY p.member_id, p.year)SQL");
  while (orphans.executeStep()) {
    int64_t id = orphans.getColumn(0).getInt64();
    int year = orphans.getColumn(2).getInt();
    int count = orphans.getColumn(3).getInt();
    problems.push_back(trfn(
        "member #{0} ({1}): {2} payment of {3} yuan toward dues {4}, which has no charge; bill it with `roster dues "
        "bill --year {4}`",
        "member #{0} ({1}): {2} payments of {3} yuan toward dues {4}, which has no charge; bill it with `roster "
        "dues bill --year {4}`",
        count, id, orphans.getColumn(1).getString(), count, format_yuan(orphans.getColumn(4).getInt64()), year));
  }
  dbi::Statement over(db, R"SQL(
SELECT c.member_id, coalesce(min(m.name), '?'), c.year, min(c.amount_fen), sum(p.amount_fen)
  FROM dues_charges c JOIN dues_payments p ON p.member_id = c.member_id AND p.year = c.year
  LEFT JOIN members m ON m.id = c.member_id
 GROUP BY c.member_id, c.year HAVING sum(p.amount_fen) > min(c.amount_fen) ORDER BY c.member_id, c.year)SQL");
  while (over.executeStep()) {
    Fen due = over.getColumn(3).getInt64(), paid = over.getColumn(4).getInt64();
    problems.push_back(
        trf("member #{0} ({1}): dues {2} paid {3} yuan on a charge of {4}, a balance of {5}; remove the payment "
            "recorded twice from dues_payments or restore a backup",
            over.getColumn(0).getInt64(), over.getColumn(1).getString(), over.getColumn(2).getInt(), format_yuan(paid),
            format_yuan(due), format_yuan(due - paid)));
  }
}

}  // namespace roster
