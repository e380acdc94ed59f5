#include "roster/member_record.h"

namespace roster {

const Period* MemberRecord::open_period() const {
  for (const auto& p : periods) {
    if (!p.left) return &p;
  }
  return nullptr;
}

MemberDraft draft_of(const MemberRecord& m) {
  MemberDraft d;
  d.name = m.name;
  d.uscc = m.uscc.value_or("");
  d.sectors = m.sector_codes;
  d.tier = std::string(tier_code(m.tier));
  d.city = m.city;
  d.parent = m.parent;
  d.note = m.note;
  d.sort_key = m.sort_key;
  d.contacts = m.contacts;
  return d;
}

}  // namespace roster
