// Store: the sector registry (read and changed) and the per-sector figures.
#include <fmt/core.h>

#include <map>

#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/sector_report.h"
#include "roster/store.h"
#include "sector_sql.h"
#include "sql.h"
#include "store_errors.h"

namespace roster {
namespace {

// i18n: data (the history row; SQL)
constexpr const char* kActive = "p.joined_on <= :as_of AND (p.left_on IS NULL OR p.left_on > :as_of)";

std::string target_text(const std::optional<int>& t) {
  return t ? std::to_string(*t) : "";
}

}  // namespace

SectorRegistry Store::sectors() {
  return guarded(path_, [&] {
    std::vector<Sector> sectors;
    dbi::Statement q(*db_, kSelectSectorsSql);
    while (q.executeStep()) sectors.push_back(read_sector_row(q));
    return SectorRegistry(std::move(sectors));
  });
}

std::vector<SectorCount> Store::sector_counts(Date as_of, Date since) {
  return guarded(path_, [&] {
    std::vector<SectorCount> counts;
    std::map<std::string, size_t> row_of;
    dbi::Statement codes(*db_, "SELECT code FROM sectors ORDER BY position, code");
    while (codes.executeStep()) {
      row_of[codes.getColumn(0).getString()] = counts.size();
      counts.push_back({codes.getColumn(0).getString()});
    }
    // One pass over the periods, each joined to its member's sector links
    // and summed per sector and primary-or-not: a member has at most one
    // period covering a date, so counting covering periods counts members.
    // CROSS JOIN keeps that order: the periods in file order and the links
    // by member id read the file nearly sequentially (the planner's choice,
    // links by sector then periods by member, seeks all over a big file).
    dbi::Statement q(*db_, fmt::format(R"SQL(
SELECT ms.sector_code, ms.position = 0 AS is_primary, sum({0}),
       sum(p.joined_on > :since AND p.joined_on <= :as_of), sum(p.left_on > :since AND p.left_on <= :as_of)
  FROM periods p CROSS JOIN member_sectors ms ON ms.member_id = p.member_id
 GROUP BY ms.sector_code, is_primary)SQL",
                                       kActive));
    q.bind(":as_of", as_of.iso());
    q.bind(":since", since.iso());
    while (q.executeStep()) {
      auto row = row_of.find(q.getColumn(0).getString());
      if (row == row_of.end()) continue;  // a dangling link: `roster check` reports it
      SectorCount& c = counts[row->second];
      int active = q.getColumn(2).getInt();
      if (q.getColumn(1).getInt() != 0) c.primary += active;
      c.members += active;
      c.joins += q.getColumn(3).getInt();
      c.departures += q.getColumn(4).getInt();
    }
    return counts;
  });
}

void Store::each_member_without_key_sector(Date as_of, const std::function<void(const MemberRef&)>& member) {
  guarded(path_, [&] {
    // Members in id order, each with its periods by the periods_by_member
    // index (CROSS JOIN fixes that order; scanning periods by date instead
    // reads a big file at random).
    dbi::Statement q(*db_, fmt::format(R"SQL(
SELECT m.id, m.name FROM members m CROSS JOIN periods p ON p.member_id = m.id AND {}
 WHERE NOT EXISTS (SELECT 1 FROM member_sectors ms JOIN sectors s ON s.code = ms.sector_code
                    WHERE ms.member_id = m.id AND s.is_key = 1)
 ORDER BY m.id)SQL",
                                       kActive));
    q.bind(":as_of", as_of.iso());
    // One row at a time: on a big file this list runs to hundreds of thousands.
    while (q.executeStep()) member({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
  });
}

int Store::members_using_sector(const std::string& code) {
  return guarded(path_, [&] {
    dbi::Statement q(*db_, "SELECT count(DISTINCT member_id) FROM member_sectors WHERE sector_code = ?");
    q.bind(1, code);
    q.executeStep();
    return q.getColumn(0).getInt();
  });
}

void Store::add_sector(const Sector& s) {
  require_write("add_sector");
  dbi::Statement insert(*db_, kInsertSectorSql);
  insert_sector(insert, s);
  log_change(std::nullopt, "sector.add", s.code, "",
             fmt::format("{} / {}{}{}{}", s.name_en, s.name_zh, s.is_key ? ", key" : "",
                         s.target ? ", target " + std::to_string(*s.target) : "",
                         s.aliases.empty() ? "" : ", aliases " + join_aliases(s.aliases)));
}

void Store::update_sector(const std::string& code, const Sector& s) {
  require_write("update_sector");
  SectorRegistry registry = sectors();
  const Sector* old = registry.resolve(code);
  dbi::Statement q(*db_,
                   "UPDATE sectors SET name_en = ?, name_zh = ?, is_key = ?, target = ?, aliases = ? WHERE code = ?");
  q.bind(1, s.name_en);
  q.bind(2, s.name_zh);
  q.bind(3, s.is_key ? 1 : 0);
  if (s.target)
    q.bind(4, *s.target);
  else
    q.bind(4);
  q.bind(5, join_aliases(s.aliases));
  q.bind(6, code);
  q.exec();
  if (!old) return;
  auto log = [&](const char* field, const std::string& before, const std::string& after) {
    if (before != after) log_change(std::nullopt, "sector.edit", code + "." + field, before, after);
  };
  log("name_en", old->name_en, s.name_en);
  log("name_zh", old->name_zh, s.name_zh);
  log("key", old->is_key ? "1" : "0", s.is_key ? "1" : "0");
  log("target", target_text(old->target), target_text(s.target));
  log("aliases", join_aliases(old->aliases), join_aliases(s.aliases));
}

void Store::remove_sector(const std::string& code) {
  require_write("remove_sector");
  // Prospects are not members (`sectors remove` counts the members), but
  // their links hold the sector as firmly.
  dbi::Statement used(*db_, "SELECT count(*) FROM prospect_sectors WHERE sector_code = ?");
  used.bind(1, code);
  used.executeStep();
  if (int n = used.getColumn(0).getInt(); n > 0) {
    throw Error(trfn("sector {0} is used by {1} prospect; move it first with `roster sectors merge {0} OTHER`",
                     "sector {0} is used by {1} prospects; move them first with `roster sectors merge {0} OTHER`", n,
                     code, n));
  }
  dbi::Statement q(*db_, "DELETE FROM sectors WHERE code = ?");
  q.bind(1, code);
  q.exec();
  log_change(std::nullopt, "sector.remove", code, code, "");
}

int Store::merge_sectors(const std::string& from, const std::string& into) {
  require_write("merge_sectors");
  // Members in both: drop the `from` link, and give `into` the better of the
  // two positions (so a primary `from` makes `into` primary).
  dbi::Statement both(*db_, R"SQL(
SELECT a.member_id, a.position, b.position FROM member_sectors a
  JOIN member_sectors b ON b.member_id = a.member_id AND b.sector_code = :into
 WHERE a.sector_code = :from)SQL");
  both.bind(":from", from);
  both.bind(":into", into);
  std::vector<std::tuple<int64_t, int, int>> shared;
  while (both.executeStep()) {
    shared.emplace_back(both.getColumn(0).getInt64(), both.getColumn(1).getInt(), both.getColumn(2).getInt());
  }
  dbi::Statement drop(*db_, "DELETE FROM member_sectors WHERE member_id = ? AND sector_code = ?");
  dbi::Statement promote(*db_, "UPDATE member_sectors SET position = ? WHERE member_id = ? AND sector_code = ?");
  for (auto [member, from_pos, into_pos] : shared) {
    drop.reset();
    drop.bind(1, member);
    drop.bind(2, from);
    drop.exec();
    if (from_pos < into_pos) {
      promote.reset();
      promote.bind(1, from_pos);
      promote.bind(2, member);
      promote.bind(3, into);
      promote.exec();
    }
  }
  dbi::Statement move(*db_, "UPDATE member_sectors SET sector_code = ? WHERE sector_code = ?");
  move.bind(1, into);
  move.bind(2, from);
  int moved = move.exec() + static_cast<int>(shared.size());
  // Prospects' links follow (a prospect in both keeps its `into` link).
  dbi::Statement prospects_in_both(*db_,
                                   "DELETE FROM prospect_sectors WHERE sector_code = :from AND prospect_id IN "
                                   "(SELECT prospect_id FROM prospect_sectors WHERE sector_code = :into)");
  prospects_in_both.bind(":from", from);
  prospects_in_both.bind(":into", into);
  prospects_in_both.exec();
  dbi::Statement prospects(*db_, "UPDATE prospect_sectors SET sector_code = ? WHERE sector_code = ?");
  prospects.bind(1, into);
  prospects.bind(2, from);
  prospects.exec();
  dbi::Statement gone(*db_, "DELETE FROM sectors WHERE code = ?");
  gone.bind(1, from);
  gone.exec();
  // i18n: data (the history row; SQL)
  log_change(std::nullopt, "sector.merge", from, from, fmt::format("{} ({} members moved)", into, moved));
  return moved;
}

}  // namespace roster
