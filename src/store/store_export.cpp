// Store: every member with all its periods, streamed for `export`.
#include <fmt/core.h>

#include "member_sql.h"
#include "roster/store.h"
#include "roster/text.h"
#include "sql.h"
#include "store_errors.h"

namespace roster {

void Store::each_member_record(const std::function<void(const MemberRecord&)>& member) {
  guarded(path_, [&] {
    // One pass over members and one over periods, both in id order, merged
    // here: memory holds one member at a time.
    dbi::Statement m(*db_, fmt::format("SELECT {}, {}, {} FROM members m ORDER BY m.id", kMemberColumns,
                                       kMemberSectorCodes, kMemberContactColumns));
    dbi::Statement p(*db_, "SELECT member_id, joined_on, left_on, reason FROM periods ORDER BY member_id, joined_on");
    bool more_periods = p.executeStep();
    MemberRecord r;
    while (m.executeStep()) {
      read_member_columns(m, r);
      r.sector_codes = split_list(m.getColumn(8).getString());
      r.contacts = read_member_contacts(m, 9);
      r.periods.clear();
      while (more_periods && p.getColumn(0).getInt64() < r.id) more_periods = p.executeStep();
      while (more_periods && p.getColumn(0).getInt64() == r.id) {
        r.periods.push_back(read_period(p, 1));
        more_periods = p.executeStep();
      }
      member(r);
    }
  });
}

}  // namespace roster
