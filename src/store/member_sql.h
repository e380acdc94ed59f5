#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "roster/member.h"

namespace roster {

/// Binds a member's seven stored fields to parameters 1–7 in the order
/// name, name_key, uscc, tier, city, parent, note.
inline void bind_member_fields(SQLite::Statement& q, const NewMember& m) {
  q.bind(1, m.name);
  q.bind(2, m.name_key);
  if (m.uscc) q.bind(3, *m.uscc);
  else q.bind(3);
  q.bind(4, std::string(tier_code(m.tier)));
  q.bind(5, m.city);
  q.bind(6, m.parent);
  q.bind(7, m.note);
}

/// Makes `codes` the member's sector links, the first at position 0 (primary).
inline void write_sector_links(SQLite::Database& db, int64_t member_id, const std::vector<std::string>& codes) {
  SQLite::Statement clear(db, "DELETE FROM member_sectors WHERE member_id = ?");
  clear.bind(1, member_id);
  clear.exec();
  SQLite::Statement add(db, "INSERT INTO member_sectors (member_id, sector_code, position) VALUES (?, ?, ?)");
  for (size_t i = 0; i < codes.size(); ++i) {
    add.reset();
    add.bind(1, member_id);
    add.bind(2, codes[i]);
    add.bind(3, static_cast<int>(i));
    add.exec();
  }
}

}  // namespace roster
