// Store: who joined and who left in a report's period.
#include <fmt/core.h>

#include "member_sql.h"
#include "roster/period_report.h"
#include "roster/store.h"
#include "roster/text.h"
#include "sql.h"
#include "store_errors.h"

namespace roster {
namespace {

// Periods begun (or ended) in [:first, :last]; the indexes on joined_on and
// left_on make this a range scan, whatever the size of the roster.
constexpr const char* kChangesSql = R"SQL(
SELECT m.id, m.name, m.tier, m.city, p.{0}, p.reason, {1}
  FROM periods p JOIN members m ON m.id = p.member_id
 WHERE p.{0} BETWEEN :first AND :last
 ORDER BY p.{0}, m.id)SQL";

std::vector<MemberChange> changes(dbi::Connection& db, std::string_view column, Date first, Date last) {
  dbi::Statement q(db, fmt::format(kChangesSql, column, kMemberSectorCodes));
  q.bind(":first", first.iso());
  q.bind(":last", last.iso());
  std::vector<MemberChange> found;
  while (q.executeStep()) {
    MemberChange c;
    c.id = q.getColumn(0).getInt64();
    c.name = q.getColumn(1).getString();
    c.tier = stored_tier(q.getColumn(2).getString());
    c.city = q.getColumn(3).getString();
    c.date = parse_iso_date(q.getColumn(4).getString()).value_or(Date());
    c.reason = q.getColumn(5).getString();
    c.sector_codes = split_list(q.getColumn(6).getString());
    found.push_back(std::move(c));
  }
  return found;
}

}  // namespace

PeriodChanges Store::member_changes(Date first, Date last) {
  return guarded(path_, [&] {
    PeriodChanges c;
    c.joined = changes(*db_, "joined_on", first, last);
    for (auto& j : c.joined) j.reason.clear();  // a period's reason is why it ended
    c.left = changes(*db_, "left_on", first, last);
    return c;
  });
}

}  // namespace roster
