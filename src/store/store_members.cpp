// Store: the member rows — inserting and listing.
#include <fmt/core.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "member_sql.h"
#include "pg_lookups.h"
#include "roster/history_json.h"
#include "roster/json_dump.h"
#include "roster/store.h"
#include "roster/text.h"
#include "sql.h"
#include "store_errors.h"

namespace roster {
namespace {

// Reads the first row and resets the (cached) statement, so it holds no
// read snapshot open after it is used.
std::optional<MemberRef> first_member(dbi::Statement& q) {
  std::optional<MemberRef> found;
  if (q.executeStep()) found = MemberRef{q.getColumn(0).getInt64(), q.getColumn(1).getString()};
  q.reset();
  return found;
}

// The latest period begun by :as_of is the one a listing shows; the
// periods_by_member index makes the lookup a single seek per member.
constexpr const char* kListSql = R"SQL(
SELECT {0}, p.joined_on, CASE WHEN p.left_on <= :as_of THEN p.left_on END AS left_on, {1} AS sectors
  FROM members m
  JOIN periods p ON p.id = (SELECT id FROM periods q
                             WHERE q.member_id = m.id AND q.joined_on <= :as_of
                             ORDER BY q.joined_on DESC LIMIT 1)
 WHERE 1 = 1)SQL";

std::string list_sql(const MemberFilter& f) {
  std::string sql = fmt::format(kListSql, kMemberColumns, kMemberSectorCodes);
  switch (f.status) {
    case MemberFilter::Status::active:
      sql += " AND (p.left_on IS NULL OR p.left_on > :as_of)";
      break;
    case MemberFilter::Status::left:
      sql += " AND p.left_on <= :as_of";
      break;
    case MemberFilter::Status::all:
      break;
  }
  if (f.sector_code) {
    sql += " AND EXISTS (SELECT 1 FROM member_sectors s WHERE s.member_id = m.id AND s.sector_code = :sector)";
  }
  if (f.tier) sql += " AND m.tier = :tier";
  if (f.city) sql += " AND name_key(m.city) = :city";  // on PostgreSQL see pg_lookups.h
  if (f.joined_since) sql += " AND p.joined_on >= :since";
  if (f.joined_until) sql += " AND p.joined_on <= :until";
  if (f.search_key) sql += " AND instr(m.name_key, :search) > 0";
  switch (f.sort) {
    case MemberFilter::Sort::id:
      sql += " ORDER BY m.id";
      break;
    case MemberFilter::Sort::name:
      // Pinyin order (ICU's zh collation), the name read through its sort
      // key when it has one (pinyin_sql.h); the same in every language.
      sql += " ORDER BY pinyin_name(m.name, m.sort_key) COLLATE pinyin, m.name COLLATE pinyin, m.id";
      break;
    case MemberFilter::Sort::joined:
      sql += " ORDER BY p.joined_on, m.id";
      break;
  }
  if (f.limit) sql += " LIMIT :limit";
  return sql;
}

}  // namespace

std::optional<MemberRef> Store::member_with_name_key(const std::string& key) {
  return guarded(path_, [&] {
    dbi::Statement& q = cached("SELECT id, name FROM members WHERE name_key = ?");
    q.bind(1, key);
    return first_member(q);
  });
}

std::optional<MemberRef> Store::member_with_uscc(const std::string& uscc) {
  return guarded(path_, [&] {
    dbi::Statement& q = cached("SELECT id, name FROM members WHERE uscc = ?");
    q.bind(1, uscc);
    return first_member(q);
  });
}

int64_t Store::insert_member(const NewMember& m, const std::string* added_json) {
  require_write("insert_member");
  dbi::Statement& member = cached(
      "INSERT INTO members (name, name_key, uscc, tier, city, parent, note, sort_key, contact, phone, email, id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
  bind_member_fields(member, m);
  // The wanted id when it is free, else the next one: tried rather than
  // looked up first, which cost a query per row of an import. (DO NOTHING
  // rather than catching the refusal: on PostgreSQL a refused statement
  // spoils the rest of its transaction.)
  bool inserted = false;
  if (m.wanted_id) {
    member.bind(12, *m.wanted_id);
    inserted = member.exec() == 1;
    member.reset();
  }
  if (!inserted) {
    member.bind(12);
    member.exec();
  }
  int64_t id = db_->getLastInsertRowid();

  insert_period(cached(kInsertPeriodSql), id, m.joined, m.left, m.reason);
  insert_sector_links(cached(kInsertSectorLinkSql), id, m.sector_codes);

  log_change(id, "member.add", "", "", added_json ? *added_json : member_added_json(m));
  return id;
}

void Store::each_member(const MemberFilter& f, const std::function<void(const MemberRow&)>& row) {
  guarded(path_, [&] {
    fill_pg_lookups(*db_, f);
    dbi::Statement q(*db_, list_sql(f));
    q.bind(":as_of", f.as_of.iso());
    if (f.sector_code) q.bind(":sector", *f.sector_code);
    if (f.tier) q.bind(":tier", std::string(tier_code(*f.tier)));
    if (f.city) q.bind(":city", *f.city);
    if (f.joined_since) q.bind(":since", f.joined_since->iso());
    if (f.joined_until) q.bind(":until", f.joined_until->iso());
    if (f.search_key) q.bind(":search", *f.search_key);
    if (f.limit) q.bind(":limit", *f.limit);
    MemberRow r;
    while (q.executeStep()) {
      read_member_columns(q, r);
      r.joined = parse_iso_date(q.getColumn(8).getString()).value_or(Date());
      r.left = q.getColumn(9).isNull() ? std::nullopt : parse_iso_date(q.getColumn(9).getString());
      r.sector_codes = split_list(q.getColumn(10).getString());
      row(r);
    }
  });
}

}  // namespace roster
