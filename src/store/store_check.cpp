// Store: `roster check` (integrity and data rules) and `roster backup`.
#include <fmt/core.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <sstream>
#include <tuple>

#include "check_rules.h"
#include "pinyin_sql.h"
#include "roster/error.h"
#include "roster/goal.h"
#include "roster/i18n.h"
#include "roster/membership_rules.h"
#include "roster/pinyin.h"
#include "roster/replacement_file.h"
#include "roster/store.h"
#include "roster/text.h"
#include "roster/uscc.h"
#include "sql.h"
#include "store_errors.h"

namespace roster {
namespace {

std::string who(int64_t id, const std::string& name) {
  return trf("member #{0} ({1})", id, name);
}

// `links_sound`: set when foreign_key_check finished and found no dangling
// sector link, so link_rules (which words them) need not look again.
void sqlite_checks(dbi::Connection& db, std::vector<std::string>& problems, bool quick, bool& links_sound) {
  dbi::Statement integrity(db, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check");
  while (integrity.executeStep()) {
    // One row can carry many findings, a line each (a damaged page gives
    // dozens): each is a problem of its own.
    std::istringstream lines(integrity.getColumn(0).getString());
    for (std::string line; std::getline(lines, line);) {
      // period_rules names the member of each bad period; SQLite's line would
      // only repeat it without saying whose.
      // i18n: data (SQLite's own words, matched)
      if (line.empty() || line == "ok" || line == "CHECK constraint failed in periods" || line.starts_with("*** in ")) {
        continue;
      }
      problems.push_back(trf("integrity: {0}", line));
    }
  }
  dbi::Statement fk(db, "PRAGMA foreign_key_check");
  bool dangling_links = false;
  while (fk.executeStep()) {
    std::string table = fk.getColumn(0).getString(), parent = fk.getColumn(2).getString();
    if (fk.getColumn(1).isNull()) {  // WITHOUT ROWID (member_sectors): reported by link_rules with its values
      dangling_links = true;
      continue;
    }
    int64_t row = fk.getColumn(1).getInt64();
    // The dangling value itself, so the line says which row is missing.
    dbi::Statement column(db, "SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE id = ?");
    column.bind(1, table);
    column.bind(2, fk.getColumn(3).getInt());
    std::string value = "?";
    if (column.executeStep()) {
      dbi::Statement get(
          db, fmt::format("SELECT \"{}\" FROM \"{}\" WHERE rowid = ?", column.getColumn(0).getString(), table));
      get.bind(1, row);
      if (get.executeStep()) value = get.getColumn(0).getString();
    }
    problems.push_back(
        trf("foreign key: {0} row {1} refers to {2} {3}, which does not exist", table, row, parent, value));
  }
  links_sound = !dangling_links;
}

// The one association row holds the name and the goal every report needs.
void association_rules(dbi::Connection& db, std::vector<std::string>& problems) {
  dbi::Statement q(db, "SELECT goal_start, goal_target, goal_deadline FROM association WHERE id = 1");
  if (!q.executeStep()) {
    problems.push_back(tr("association: the row with the association's name and goal is missing; restore a backup"));
    return;
  }
  Goal goal;
  bool dates = true;
  for (auto [column, date] : {std::pair{0, &goal.start}, std::pair{2, &goal.deadline}}) {
    std::string text = q.getColumn(column).getString();
    if (auto parsed = parse_iso_date(text))
      *date = *parsed;
    else {
      problems.push_back(
          column == 0 ? trf("goal: the start '{0}' is not a date; set it with `roster goal set --start`", text)
                      : trf("goal: the deadline '{0}' is not a date; set it with `roster goal set --deadline`", text));
      dates = false;
    }
  }
  int64_t target = q.getColumn(1).getInt64();
  goal.target = static_cast<int>(std::clamp<int64_t>(target, -1, kMaxTarget + 1));
  if (target != goal.target || (goal.target < 1 || goal.target > kMaxTarget)) {
    problems.push_back(trf("goal: the target {0} must be from 1 to {1} members; set it with `roster goal set --target`",
                           q.getColumn(1).getString(), kMaxTarget));
  } else if (dates) {
    if (auto problem = goal_problem(goal))
      problems.push_back(trf("goal: {0}; set it with `roster goal set`", *problem));
  }
}

void link_rules(dbi::Connection& db, std::vector<std::string>& problems) {
  dbi::Statement dangling(db, R"SQL(
SELECT member_id, sector_code,
       EXISTS (SELECT 1 FROM members m WHERE m.id = member_id), EXISTS (SELECT 1 FROM sectors s WHERE s.code = sector_code)
  FROM member_sectors
 WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.id = member_id)
    OR NOT EXISTS (SELECT 1 FROM sectors s WHERE s.code = sector_code))SQL");
  while (dangling.executeStep()) {
    std::string member = dangling.getColumn(0).getString(), sector = dangling.getColumn(1).getString();
    problems.push_back(
        dangling.getColumn(2).getInt()
            ? trf("foreign key: member_sectors links member {0} to sector {1}, but sector {1} does not exist", member,
                  sector)
            : trf("foreign key: member_sectors links member {0} to sector {1}, but member {0} does not exist", member,
                  sector));
  }
}

// Two members with the same folded name. name_key is UNIQUE, so two whose
// stored keys are right never share one: a clash always involves a member
// whose stored key is stale. So the pass keeps only the stale members' keys
// (a handful) and looks the rest up in the name_key index, in flat memory.
class SameNames {
 public:
  explicit SameNames(dbi::Connection& db) : by_stored_key_(db, "SELECT id, name FROM members WHERE name_key = ?") {}

  /// The first member (lowest id) before `self` whose name folds to `key`,
  /// given members in id order and whether self's stored key is stale.
  std::optional<MemberRef> earlier(const MemberRef& self, const std::string& key, bool stale) {
    int64_t id = self.id;
    std::optional<MemberRef> first;
    if (auto it = stale_keys_.find(key); it != stale_keys_.end()) first = it->second;
    if (stale) {
      // A member whose stored key is this one's folded name, if its own name
      // folds to it too (else it is stale as well, and reported as such).
      by_stored_key_.reset();
      by_stored_key_.bind(1, key);
      if (by_stored_key_.executeStep()) {
        MemberRef other{by_stored_key_.getColumn(0).getInt64(), by_stored_key_.getColumn(1).getString()};
        if (other.id < id && (!first || other.id < first->id) && name_key(other.name) == key) first = other;
      }
      stale_keys_.emplace(key, first ? *first : self);
    }
    return first;
  }

 private:
  dbi::Statement by_stored_key_;
  std::map<std::string, MemberRef> stale_keys_;
};

// The member ids a table refers to, in order, read along with the members:
// one pass over each index instead of a lookup per member.
class IdCursor {
 public:
  IdCursor(dbi::Connection& db, const char* sql) : ids_(db, sql) { next(); }
  /// Whether the table refers to `id`; ids must be asked in increasing order.
  bool has(int64_t id) {
    while (more_ && current_ < id) next();
    return more_ && current_ == id;
  }

 private:
  void next() {
    more_ = ids_.executeStep();
    if (more_) current_ = ids_.getColumn(0).getInt64();
  }
  dbi::Statement ids_;
  bool more_ = false;
  int64_t current_ = 0;
};

void member_rules(dbi::Connection& db, std::vector<std::string>& problems) {
  SameNames same(db);
  IdCursor linked(db, "SELECT DISTINCT member_id FROM member_sectors ORDER BY member_id");
  IdCursor with_period(db, "SELECT DISTINCT member_id FROM periods ORDER BY member_id");
  std::vector<std::string> no_sector, no_period;
  dbi::Statement members(db, "SELECT id, name, name_key, uscc, sort_key FROM members ORDER BY id");
  while (members.executeStep()) {
    int64_t id = members.getColumn(0).getInt64();
    std::string name = members.getColumn(1).getString();
    if (!members.getColumn(3).isNull()) {
      std::string reason;
      if (!normalize_uscc(members.getColumn(3).getString(), &reason)) {
        problems.push_back(trf("{0}: bad USCC {1}: {2}", who(id, name), members.getColumn(3).getString(), reason));
      }
    }
    if (auto p = sort_key_problem(members.getColumn(4).getString(), name)) {
      problems.push_back(trf("{0}: sort_key: {1}", who(id, name), *p));
    }
    std::string key = name_key(name);
    bool stale = key != members.getColumn(2).getString();
    if (stale) {
      problems.push_back(trf("{0}: stored name key '{1}' does not match the name (expected '{2}')", who(id, name),
                             members.getColumn(2).getString(), key));
    }
    if (!linked.has(id)) no_sector.push_back(trf("{0}: has no sector", who(id, name)));
    if (!with_period.has(id)) no_period.push_back(trf("{0}: has no membership period", who(id, name)));
    if (auto first = same.earlier({id, name}, key, stale)) {
      problems.push_back(trf("{0}: same name as {1} once case, width and spacing are ignored", who(id, name),
                             who(first->id, first->name)));
    }
  }
  // Found in the pass above, said after it: every member without a sector,
  // then every member without a period, by id.
  problems.insert(problems.end(), no_sector.begin(), no_sector.end());
  problems.insert(problems.end(), no_period.begin(), no_period.end());
}

// The period rules are worded as import and the lifecycle commands word them
// (membership_rules.h), after the member they are about.
void period_rules(dbi::Connection& db, std::vector<std::string>& problems) {
  dbi::Statement periods(db, R"SQL(
SELECT p.id, p.member_id, m.name, p.joined_on, p.left_on, p.reason FROM periods p JOIN members m ON m.id = p.member_id
 ORDER BY p.member_id, p.joined_on)SQL");
  // Per member, the period reaching furthest so far (an open one reaches
  // forever): any later-starting period that begins before its end overlaps.
  int64_t last_member = -1;
  std::optional<Period> furthest;
  while (periods.executeStep()) {
    int64_t member = periods.getColumn(1).getInt64();
    std::string name = periods.getColumn(2).getString();
    auto say = [&](const std::string& problem) {
      problems.push_back(fmt::format(fmt::runtime(trc("check finding", "{0}: {1}")), who(member, name), problem));
    };
    if (member != last_member) furthest.reset();
    last_member = member;
    std::string joined_text = periods.getColumn(3).getString(), left_text = periods.getColumn(4).getString();
    auto joined = parse_iso_date(joined_text);
    bool open = periods.getColumn(4).isNull();
    auto left = open ? std::nullopt : parse_iso_date(left_text);
    if (!joined) say(trf("period joined date '{0}' is not a date", joined_text));
    if (auto p = open_reason_problem(periods.getColumn(5).getString(), !open)) say(p->reason);
    if (!open && !left) say(trf("period left date '{0}' is not a date", left_text));
    // A date that is not one was reported above; nothing is measured from it.
    if (!joined || (!open && !left)) continue;
    if (auto p = left ? left_date_problem(*joined, *left) : std::nullopt) say(p->reason);
    if (auto p = furthest ? overlap_problem(*joined, *furthest) : std::nullopt) say(p->reason);
    if (!furthest || (furthest->left && (!left || *left > *furthest->left))) furthest = Period{*joined, left, ""};
  }
}

}  // namespace

std::vector<std::string> Store::check_problems(bool quick) {
  return guarded(path_, [&] {
    std::vector<std::string> problems;
    // A damaged page can stop a check half way: say so, and run the others.
    using Check = std::function<void(dbi::Connection&, std::vector<std::string>&)>;
    bool links_sound = false;
    const std::pair<Check, const char*> checks[] = {{[&](dbi::Connection& db, std::vector<std::string>& found) {
                                                       // PostgreSQL checks its own pages, and refuses a dangling key
                                                       // before it is written.
                                                       if (db.is_pg())
                                                         links_sound = true;
                                                       else
                                                         sqlite_checks(db, found, quick, links_sound);
                                                     },
                                                     N_("SQLite's own checks")},
                                                    {association_rules, N_("the association row")},
                                                    {[&](dbi::Connection& db, std::vector<std::string>& found) {
                                                       if (!links_sound) link_rules(db, found);
                                                     },
                                                     N_("the sector links")},
                                                    {member_rules, N_("the members")},
                                                    {period_rules, N_("the periods")},
                                                    {dues_schedule_rules, N_("the dues schedule")},
                                                    {dues_payment_rules, N_("the dues payments")}};
    for (auto [check, what] : checks) {
      try {
        check(*db_, problems);
      } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() != SQLITE_CORRUPT && e.getErrorCode() != SQLITE_NOTADB) throw;
        problems.push_back(trf("integrity: the file is damaged where {0} read it; restore a backup", tr(what)));
      }
    }
    return problems;
  });
}

void Store::backup_to(const std::filesystem::path& target) {
  ReplacementFile copy(target);
  std::error_code ec;
  std::filesystem::remove(copy.temp_path(), ec);  // VACUUM INTO wants to create the file itself
  guarded(path_, [&] {
    try {
      // One read transaction: a consistent snapshot even while others write.
      dbi::Statement vacuum(*db_, "VACUUM INTO ?");
      vacuum.bind(1, copy.temp_path());
      vacuum.exec();
      SQLite::Database written(copy.temp_path(), SQLite::OPEN_READWRITE);
      register_pinyin(written);  // as on every connection roster opens
      written.exec("PRAGMA journal_mode = WAL");
    } catch (const SQLite::Exception& e) {
      // Out of room while writing the copy: that is the target's disk.
      if (e.getErrorCode() == SQLITE_FULL) {
        throw Error(
            trf("the disk holding '{0}' is full; no backup was written (free some space there or choose another "
                "place)",
                target.string()));
      }
      throw;
    }
  });
  copy.commit();
}

}  // namespace roster
