// Store: one member's record, its changes over time, and the history log.
#include <algorithm>
#include <map>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/core.h>

#include "member_sql.h"
#include "roster/error.h"
#include "roster/store.h"
#include "roster/text.h"
#include "store_errors.h"

namespace roster {
namespace {

std::string joined_codes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ";") + c;
  return out;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<MemberRef> Store::members_matching(const std::string& ref) {
  return guarded(path_, [&] {
    std::string text = trim(ref);
    std::string id_text = text.starts_with('#') ? text.substr(1) : text;
    std::string upper;  // a USCC typed in any case or width
    for (char c : name_key(text)) upper.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    SQLite::Statement q(*db_,
                        "SELECT id, name FROM members WHERE id = :id OR name_key = :key OR uscc = :uscc ORDER BY id");
    q.bind(":id", static_cast<int64_t>(all_digits(id_text) && id_text.size() < 18 ? std::stoll(id_text) : -1));
    q.bind(":key", name_key(text));
    q.bind(":uscc", upper);
    std::vector<MemberRef> found;
    while (q.executeStep()) found.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
    return found;
  });
}

std::vector<MemberRef> Store::members_named_like(const std::string& text, int limit) {
  return guarded(path_, [&] {
    SQLite::Statement q(*db_, "SELECT id, name FROM members WHERE instr(name_key, ?) > 0 ORDER BY id LIMIT ?");
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
    SQLite::Statement q(*db_, "SELECT id, name, uscc, tier, city, parent, note FROM members WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) throw Error(fmt::format("no member #{}", id));
    m.id = q.getColumn(0).getInt64();
    m.name = q.getColumn(1).getString();
    if (!q.getColumn(2).isNull()) m.uscc = q.getColumn(2).getString();
    m.tier = q.getColumn(3).getString();
    m.city = q.getColumn(4).getString();
    m.parent = q.getColumn(5).getString();
    m.note = q.getColumn(6).getString();
    SQLite::Statement s(*db_, "SELECT sector_code FROM member_sectors WHERE member_id = ? ORDER BY position");
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
    SQLite::Statement p(*db_, "SELECT joined_on, left_on, reason FROM periods WHERE member_id = ? ORDER BY joined_on");
    p.bind(1, id);
    while (p.executeStep()) {
      Period period{parse_iso_date(p.getColumn(0).getString()).value_or(Date()), std::nullopt,
                    p.getColumn(2).getString()};
      if (!p.getColumn(1).isNull()) period.left = parse_iso_date(p.getColumn(1).getString());
      periods.push_back(period);
    }
    return periods;
  });
}

std::vector<std::string> Store::update_member(int64_t id, const NewMember& u) {
  MemberRecord old = member_record(id);
  SQLite::Statement q(*db_,
                      "UPDATE members SET name = ?, name_key = ?, uscc = ?, tier = ?, city = ?, parent = ?, note = ? "
                      "WHERE id = ?");
  bind_member_fields(q, u);
  q.bind(8, id);
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
  log("sectors", joined_codes(old.sector_codes), joined_codes(u.sector_codes));
  log("tier", old.tier, std::string(tier_code(u.tier)));
  log("city", old.city, u.city);
  log("parent", old.parent, u.parent);
  log("note", old.note, u.note);
  return changed;
}

void Store::end_period(int64_t id, Date left, const std::string& reason) {
  SQLite::Statement q(*db_, "UPDATE periods SET left_on = ?, reason = ? WHERE member_id = ? AND left_on IS NULL");
  q.bind(1, left.iso());
  q.bind(2, reason);
  q.bind(3, id);
  q.exec();
  log_change(id, "member.leave", "left", "", reason.empty() ? left.iso() : left.iso() + " (" + reason + ")");
}

void Store::open_period(int64_t id, Date joined) {
  SQLite::Statement q(*db_, "INSERT INTO periods (member_id, joined_on) VALUES (?, ?)");
  q.bind(1, id);
  q.bind(2, joined.iso());
  q.exec();
  log_change(id, "member.rejoin", "joined", "", joined.iso());
}

void Store::add_period(int64_t id, Date joined, std::optional<Date> left, const std::string& reason) {
  SQLite::Statement& q = cached("INSERT INTO periods (member_id, joined_on, left_on, reason) VALUES (?, ?, ?, ?)");
  q.bind(1, id);
  q.bind(2, joined.iso());
  if (left) q.bind(3, left->iso());
  else q.bind(3);
  q.bind(4, reason);
  q.exec();
  log_change(id, "member.rejoin", "joined", "", joined.iso());
  if (left) log_change(id, "member.leave", "left", "", reason.empty() ? left->iso() : left->iso() + " (" + reason + ")");
}

void Store::each_member_record(const std::function<void(const MemberRecord&)>& member) {
  guarded(path_, [&] {
    // One pass over members and one over periods, both in id order, merged
    // here: memory holds one member at a time.
    SQLite::Statement m(*db_, R"SQL(
SELECT id, name, uscc, tier, city, parent, note,
       (SELECT group_concat(sector_code, ';') FROM (SELECT sector_code FROM member_sectors s
         WHERE s.member_id = members.id ORDER BY s.position))
  FROM members ORDER BY id)SQL");
    SQLite::Statement p(*db_, "SELECT member_id, joined_on, left_on, reason FROM periods ORDER BY member_id, joined_on");
    bool more_periods = p.executeStep();
    MemberRecord r;
    while (m.executeStep()) {
      r.id = m.getColumn(0).getInt64();
      r.name = m.getColumn(1).getString();
      r.uscc = m.getColumn(2).isNull() ? std::nullopt : std::optional<std::string>(m.getColumn(2).getString());
      r.tier = m.getColumn(3).getString();
      r.city = m.getColumn(4).getString();
      r.parent = m.getColumn(5).getString();
      r.note = m.getColumn(6).getString();
      r.sector_codes = split_list(m.getColumn(7).getString());
      r.periods.clear();
      while (more_periods && p.getColumn(0).getInt64() < r.id) more_periods = p.executeStep();
      while (more_periods && p.getColumn(0).getInt64() == r.id) {
        Period period{parse_iso_date(p.getColumn(1).getString()).value_or(Date()), std::nullopt,
                      p.getColumn(3).getString()};
        if (!p.getColumn(2).isNull()) period.left = parse_iso_date(p.getColumn(2).getString());
        r.periods.push_back(period);
        more_periods = p.executeStep();
      }
      member(r);
    }
  });
}

void Store::purge_member(int64_t id) {
  // The history keeps that a member was purged, not who: its earlier entries
  // lose their member id and their values.
  SQLite::Statement scrub(*db_,
                          "UPDATE history SET member_id = NULL, before = '', after = '[purged]' WHERE member_id = ?");
  scrub.bind(1, id);
  scrub.exec();
  SQLite::Statement drop(*db_, "DELETE FROM members WHERE id = ?");
  drop.bind(1, id);
  drop.exec();
  log_change(std::nullopt, "member.purge", "", "", "a member's record was deleted on request");
}

void Store::each_history(const HistoryFilter& f, const std::function<void(const HistoryEntry&)>& entry) {
  guarded(path_, [&] {
    std::string sql = "SELECT id, at, user, command, kind, member_id, field, before, after FROM history WHERE 1 = 1";
    if (f.member_id) sql += " AND member_id = :member";
    // The days are local; the stamps are UTC, and compare as text.
    if (f.since) sql += " AND at >= :since";
    if (f.until) sql += " AND at < :until";
    if (f.kind) sql += f.kind->ends_with('.') ? " AND substr(kind, 1, length(:kind)) = :kind" : " AND kind = :kind";
    sql += " ORDER BY id";
    SQLite::Statement q(*db_, sql);
    if (f.member_id) q.bind(":member", *f.member_id);
    if (f.since) q.bind(":since", utc_stamp_of_local_day(*f.since));
    if (f.until) q.bind(":until", utc_stamp_of_local_day(f.until->plus_days(1)));
    if (f.kind) q.bind(":kind", *f.kind);
    HistoryEntry e;
    while (q.executeStep()) {
      e.id = q.getColumn(0).getInt64();
      e.at = q.getColumn(1).getString();
      e.user = q.getColumn(2).getString();
      e.command = q.getColumn(3).getString();
      e.kind = q.getColumn(4).getString();
      e.member_id = q.getColumn(5).isNull() ? std::nullopt : std::optional<int64_t>(q.getColumn(5).getInt64());
      e.field = q.getColumn(6).getString();
      e.before = q.getColumn(7).getString();
      e.after = q.getColumn(8).getString();
      entry(e);
    }
  });
}

}  // namespace roster
