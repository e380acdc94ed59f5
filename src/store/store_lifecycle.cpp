// Store: one member's record, found by REF and read whole, and its changes over time.
#include <fmt/core.h>

#include <algorithm>
#include <map>

#include "member_sql.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/sectors.h"
#include "roster/store.h"
#include "roster/text.h"
#include "sql.h"
#include "store_errors.h"

namespace roster {

std::vector<MemberRef> Store::members_matching(const std::string& ref) {
  // Text that is not UTF-8 is no member's name or USCC (PostgreSQL would refuse even to compare it).
  if (!is_valid_utf8(ref)) return {};
  return guarded(path_, [&] {
    std::string text = trim(ref);
    std::string id_text = text.starts_with('#') ? text.substr(1) : text;
    std::string upper;  // a USCC typed in any case or width
    for (char c : name_key(text)) upper.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    dbi::Statement q(*db_,
                     "SELECT id, name FROM members WHERE id = :id OR name_key = :key OR uscc = :uscc ORDER BY id");
    q.bind(":id", static_cast<int64_t>(all_ascii_digits(id_text) && id_text.size() < 18 ? std::stoll(id_text) : -1));
    q.bind(":key", name_key(text));
    q.bind(":uscc", upper);
    std::vector<MemberRef> found;
    while (q.executeStep()) found.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
    return found;
  });
}

std::vector<MemberRef> Store::members_named_like(const std::string& text, int limit) {
  if (!is_valid_utf8(text)) return {};
  return guarded(path_, [&] {
    dbi::Statement q(*db_, "SELECT id, name FROM members WHERE instr(name_key, ?) > 0 ORDER BY id LIMIT ?");
    q.bind(1, name_key(trim(text)));
    q.bind(2, limit);
    std::vector<MemberRef> found;
    while (q.executeStep()) found.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
    return found;
  });
}

MemberRecord Store::member_record(int64_t id) {
  return guarded(path_, [&] {
    MemberRecord m;
    dbi::Statement q(*db_,
                     fmt::format("SELECT {}, {} FROM members m WHERE m.id = ?", kMemberColumns, kMemberContactColumns));
    q.bind(1, id);
    if (!q.executeStep()) throw Error(trf("no member #{0}", id));
    read_member_columns(q, m);
    m.contacts = read_member_contacts(q, 8);
    dbi::Statement s(*db_, "SELECT sector_code FROM member_sectors WHERE member_id = ? ORDER BY position");
    s.bind(1, id);
    while (s.executeStep()) m.sector_codes.push_back(s.getColumn(0).getString());
    m.periods = member_periods(id);
    HistoryFilter only_this;
    only_this.member_id = id;
    each_history(only_this, [&](const HistoryEntry& e) { m.history.push_back(e); });
    return m;
  });
}

std::vector<Period> Store::member_periods(int64_t id) {
  return guarded(path_, [&] {
    std::vector<Period> periods;
    // Cached: import reads a member's periods before each later period it adds.
    dbi::Statement& p = cached("SELECT joined_on, left_on, reason FROM periods WHERE member_id = ? ORDER BY joined_on");
    p.bind(1, id);
    while (p.executeStep()) periods.push_back(read_period(p, 0));
    return periods;
  });
}

std::vector<std::string> Store::update_member(int64_t id, const NewMember& u) {
  require_write("update_member");
  MemberRecord old = member_record(id);
  dbi::Statement q(*db_,
                   "UPDATE members SET name = ?, name_key = ?, uscc = ?, tier = ?, city = ?, parent = ?, note = ?, "
                   "sort_key = ?, contact = ?, phone = ?, email = ? WHERE id = ?");
  bind_member_fields(q, u);
  q.bind(12, id);
  q.exec();
  if (u.sector_codes != old.sector_codes) write_sector_links(*db_, id, u.sector_codes);
  std::vector<std::string> changed;
  auto log = [&](const char* field, const std::string& before, const std::string& after) {
    if (before == after) return;
    log_change(id, "member.edit", field, before, after);
    changed.push_back(field);
  };
  log("name", old.name, u.name);
  log("uscc", old.uscc.value_or(""), u.uscc.value_or(""));
  log("sectors", join_codes(old.sector_codes), join_codes(u.sector_codes));
  log("tier", std::string(tier_code(old.tier)), std::string(tier_code(u.tier)));
  log("city", old.city, u.city);
  log("parent", old.parent, u.parent);
  log("note", old.note, u.note);
  log("sort_key", old.sort_key, u.sort_key);
  log("contact", old.contacts.contact, u.contacts.contact);
  log("phone", old.contacts.phone, u.contacts.phone);
  log("email", old.contacts.email, u.contacts.email);
  return changed;
}

void Store::end_period(int64_t id, Date left, const std::string& reason) {
  require_write("end_period");
  dbi::Statement q(*db_, "UPDATE periods SET left_on = ?, reason = ? WHERE member_id = ? AND left_on IS NULL");
  q.bind(1, left.iso());
  q.bind(2, reason);
  q.bind(3, id);
  q.exec();
  log_change(id, "member.leave", "left", "", reason.empty() ? left.iso() : left.iso() + " (" + reason + ")");
}

void Store::open_period(int64_t id, Date joined) {
  require_write("open_period");
  insert_period(cached(kInsertPeriodSql), id, joined, std::nullopt, "");
  log_change(id, "member.rejoin", "joined", "", joined.iso());
}

void Store::add_period(int64_t id, Date joined, std::optional<Date> left, const std::string& reason) {
  require_write("add_period");
  insert_period(cached(kInsertPeriodSql), id, joined, left, reason);
  log_change(id, "member.rejoin", "joined", "", joined.iso());
  if (left) {
    log_change(id, "member.leave", "left", "", reason.empty() ? left->iso() : left->iso() + " (" + reason + ")");
  }
}

void Store::purge_member(int64_t id) {
  require_write("purge_member");
  // The history keeps that a member was purged, not who: its earlier entries
  // lose their member id and their values.
  dbi::Statement scrub(*db_,
                       "UPDATE history SET member_id = NULL, before = '', after = '[purged]' WHERE member_id = ?");
  scrub.bind(1, id);
  scrub.exec();
  dbi::Statement drop(*db_, "DELETE FROM members WHERE id = ?");
  drop.bind(1, id);
  drop.exec();
  // i18n: data (the history row)
  log_change(std::nullopt, "member.purge", "", "", "a member's record was deleted on request");
}

}  // namespace roster
