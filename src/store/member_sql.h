// The SQL of member rows that more than one Store method runs, written once:
// the columns every member read selects and the row-to-struct code, and the
// statements that write a member's fields, periods and sector links.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/member.h"
#include "roster/member_record.h"
#include "roster/tier.h"
#include "sql.h"

namespace roster {

/// A member's eight stored fields, as every member read selects them first,
/// from the members table aliased `m`; read back by read_member_columns.
inline constexpr const char* kMemberColumns = "m.id, m.name, m.uscc, m.tier, m.city, m.parent, m.note, m.sort_key";

/// A member's contacts, from the members table aliased `m`: selected only by
/// the reads that show or export one (member_record, each_member_record),
/// never by a listing or a report; read back by read_member_contacts.
inline constexpr const char* kMemberContactColumns = "m.contact, m.phone, m.email";

/// One column: the codes of member `m`'s sectors, primary first, joined by
/// ';' (split again with split_list).
inline constexpr const char* kMemberSectorCodes =
    "(SELECT group_concat(sector_code, ';') FROM (SELECT sector_code FROM member_sectors s "
    "WHERE s.member_id = m.id ORDER BY s.position) ordered)";

/// The tier of a stored code; the schema's CHECK admits only the four codes,
/// so anything else (a file edited past it) reads as the default tier.
inline Tier stored_tier(const std::string& code) {
  return tier_from_code(code).value_or(Tier::member);
}

/// Reads the kMemberColumns of the current row of `q` (its columns 0–7) into
/// a MemberRow or a MemberRecord.
template <typename Member>
void read_member_columns(dbi::Statement& q, Member& m) {
  m.id = q.getColumn(0).getInt64();
  m.name = q.getColumn(1).getString();
  m.uscc = q.getColumn(2).isNull() ? std::nullopt : std::optional<std::string>(q.getColumn(2).getString());
  m.tier = stored_tier(q.getColumn(3).getString());
  m.city = q.getColumn(4).getString();
  m.parent = q.getColumn(5).getString();
  m.note = q.getColumn(6).getString();
  m.sort_key = q.getColumn(7).getString();
}

/// Reads the kMemberContactColumns of the current row of `q`, from its column
/// `first` on.
inline MemberContacts read_member_contacts(dbi::Statement& q, int first) {
  return {q.getColumn(first).getString(), q.getColumn(first + 1).getString(), q.getColumn(first + 2).getString()};
}

/// Reads a period from the current row of `q`: joined_on, left_on and reason
/// in its columns `first` to `first` + 2. (A malformed date, which `roster
/// check` reports, reads as the epoch, or as no left date.)
inline Period read_period(dbi::Statement& q, int first) {
  Period period{parse_iso_date(q.getColumn(first).getString()).value_or(Date()), std::nullopt,
                q.getColumn(first + 2).getString()};
  if (!q.getColumn(first + 1).isNull()) period.left = parse_iso_date(q.getColumn(first + 1).getString());
  return period;
}

/// Binds a member's eleven stored fields to parameters 1–11 in the order
/// name, name_key, uscc, tier, city, parent, note, sort_key, contact, phone,
/// email.
inline void bind_member_fields(dbi::Statement& q, const NewMember& m) {
  // Not copied: `m` outlives the statement's step (an import binds a million rows).
  q.bindNoCopy(1, m.name);
  q.bindNoCopy(2, m.name_key);
  if (m.uscc)
    q.bindNoCopy(3, *m.uscc);
  else
    q.bind(3);
  q.bind(4, std::string(tier_code(m.tier)));
  q.bindNoCopy(5, m.city);
  q.bindNoCopy(6, m.parent);
  q.bindNoCopy(7, m.note);
  q.bindNoCopy(8, m.sort_key);
  q.bindNoCopy(9, m.contacts.contact);
  q.bindNoCopy(10, m.contacts.phone);
  q.bindNoCopy(11, m.contacts.email);
}

/// Adds one membership period; run through insert_period.
inline constexpr const char* kInsertPeriodSql =
    "INSERT INTO periods (member_id, joined_on, left_on, reason) VALUES (?, ?, ?, ?)";

/// Adds the period [joined, left) (open when `left` is empty) with
/// `insert`, a statement prepared from kInsertPeriodSql.
inline void insert_period(dbi::Statement& insert, int64_t member_id, Date joined, std::optional<Date> left,
                          const std::string& reason) {
  insert.bind(1, member_id);
  insert.bind(2, joined.iso());
  if (left)
    insert.bind(3, left->iso());
  else
    insert.bind(3);
  insert.bind(4, reason);
  insert.exec();
}

/// Links a member to one sector at a position (0: primary); run through
/// insert_sector_links.
inline constexpr const char* kInsertSectorLinkSql =
    "INSERT INTO member_sectors (member_id, sector_code, position) VALUES (?, ?, ?)";

/// Links the member to `codes`, the first at position 0 (primary), with
/// `insert`, a statement prepared from kInsertSectorLinkSql.
inline void insert_sector_links(dbi::Statement& insert, int64_t member_id, const std::vector<std::string>& codes) {
  for (size_t i = 0; i < codes.size(); ++i) {
    insert.reset();
    insert.bind(1, member_id);
    insert.bind(2, codes[i]);
    insert.bind(3, static_cast<int>(i));
    insert.exec();
  }
}

/// Makes `codes` the member's sector links, the first at position 0 (primary).
inline void write_sector_links(dbi::Connection& db, int64_t member_id, const std::vector<std::string>& codes) {
  dbi::Statement clear(db, "DELETE FROM member_sectors WHERE member_id = ?");
  clear.bind(1, member_id);
  clear.exec();
  dbi::Statement insert(db, kInsertSectorLinkSql);
  insert_sector_links(insert, member_id, codes);
}

}  // namespace roster
