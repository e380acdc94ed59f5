#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "roster/date.h"
#include "roster/error.h"
#include "roster/goal.h"
#include "roster/member.h"
#include "roster/member_record.h"
#include "roster/sectors.h"
#include "roster/timeline.h"

namespace roster {

namespace dbi {
class Connection;
class Statement;
}  // namespace dbi

struct SectorCount;
struct PeriodChanges;

/// The schema version this roster writes and understands (PRAGMA user_version).
constexpr int kSchemaVersion = 6;
/// PRAGMA application_id of every roster database ("ROST").
constexpr int kApplicationId = 0x524F5354;

/// What `roster init` records.
struct InitSettings {
  std::string association;
  Goal goal;
  std::vector<Sector> sectors;
  std::string language;  ///< "en", "zh", or "" (the locale decides)
  /// On PostgreSQL: also make the group roles roster_writer and roster_reader
  /// and grant them this roster's tables (see create_pg_roles).
  bool roles = false;
};

/// Which members a listing wants.
struct MemberFilter {
  enum class Status { active, left, all };
  Date as_of;
  Status status = Status::active;
  std::optional<std::string> sector_code;
  std::optional<Tier> tier;
  std::optional<std::string> city;  ///< already passed through name_key()
  std::optional<Date> joined_since;
  std::optional<Date> joined_until;
  std::optional<std::string> search_key;  ///< already passed through name_key()
  enum class Sort { name, joined, id };
  Sort sort = Sort::id;
  std::optional<int64_t> limit;
};

/// The one piece of roster that speaks SQL. Every write runs in a single
/// BEGIN IMMEDIATE transaction; SQLite errors leave it as roster::Error in
/// words a secretary can act on.
/// Tells SQLite that this process uses it from one thread only, without
/// memory statistics: no mutex taken on each allocation and page. Call first
/// thing in main(), before any database is opened (a process with threads
/// that use SQLite, such as a test program, must not call it).
void use_sqlite_from_one_thread();

class Store {
 public:
  /// Opens an existing roster database. Refuses, without touching the file, a
  /// missing file, one that is not a roster database, or one from a newer
  /// roster; brings an older schema up to date.
  static Store open(const std::filesystem::path& path);
  /// Creates a new database at `path`; refuses if anything is there already.
  static Store create(const std::filesystem::path& path, const InitSettings& settings);

  Store(Store&&) noexcept;
  ~Store();

  const std::filesystem::path& path() const { return path_; }
  SectorRegistry sectors();
  /// The goal, checked: throws when the association row is missing or the
  /// goal in it breaks goal_problem() (as after an edit with sqlite3).
  Goal goal();
  /// The goal as stored, unchecked (an unreadable date reads as the default):
  /// for `goal set`, which may be repairing it.
  Goal stored_goal();
  std::string association_name();
  /// Replaces the goal and logs each changed field; call inside write().
  void set_goal(const Goal& goal);
  /// Renames the association (a checked name, see association_name_problem)
  /// and logs the change as goal.set of field `association`; call inside write().
  void set_association_name(const std::string& name);
  /// The association's language ("en", "zh", or "" when none was chosen).
  std::string language();
  /// Sets the language ("en", "zh" or "") and logs it as language.set;
  /// call inside write().
  void set_language(const std::string& code);
  /// Every join and departure, summed per date by SQL (see timeline.h).
  Timeline membership_timeline();

  // The sector registry and its figures (store_sectors.cpp).
  /// Per-sector member counts as of `as_of`, joins and departures in (since, as_of].
  std::vector<SectorCount> sector_counts(Date as_of, Date since);
  /// Calls `member` for each active member linked to no key sector, by id,
  /// one row at a time (the list grows with the roster).
  void each_member_without_key_sector(Date as_of, const std::function<void(const MemberRef&)>& member);
  /// Members whose periods began, and those whose periods ended, on a day in
  /// [first, last], by date then id (store_report.cpp).
  PeriodChanges member_changes(Date first, Date last);
  /// Members, past or present, linked to `code`.
  int members_using_sector(const std::string& code);
  /// Registry changes, each logged in the history; call inside write().
  void add_sector(const Sector& sector);
  void update_sector(const std::string& code, const Sector& updated);
  void remove_sector(const std::string& code);
  /// Moves every link from `from` to `into` (keeping the better position when
  /// a member has both), removes `from`; returns the members moved.
  int merge_sectors(const std::string& from, const std::string& into);

  /// Runs the reads in `work` on one snapshot of the database (a deferred
  /// transaction), so a report's figures agree even while others write.
  void snapshot(const std::function<void()>& work);
  /// Runs `work` inside BEGIN IMMEDIATE … COMMIT; rolls back if it throws.
  void write(const std::function<void()>& work);
  /// Like write(), but commits only when `work` returns true (else rolls back:
  /// how --dry-run and all-or-nothing imports leave the file untouched).
  void write_if(const std::function<bool()>& work);

  /// The id of the stored member whose name key or USCC matches, if any.
  std::optional<MemberRef> member_with_name_key(const std::string& key);
  std::optional<MemberRef> member_with_uscc(const std::string& uscc);

  /// Inserts a checked member with its sectors and first period, and logs it
  /// in the history; call inside write(). Returns the new id. `added_json`,
  /// when given, is member_added_json(member), made by the caller already.
  int64_t insert_member(const NewMember& member, const std::string* added_json = nullptr);

  // One member's record and lifecycle (store_lifecycle.cpp).
  /// Members that REF could mean: the id (digits, optionally after '#'), the
  /// exact name (compared by name_key) or the USCC. Empty if none.
  std::vector<MemberRef> members_matching(const std::string& ref);
  /// Up to `limit` members whose name contains `text` (name_key folding).
  std::vector<MemberRef> members_named_like(const std::string& text, int limit);
  /// Everything about member `id`; throws if there is none.
  MemberRecord member_record(int64_t id);
  /// Member `id`'s periods, oldest first (empty if there is no such member).
  std::vector<Period> member_periods(int64_t id);
  /// Replaces the member's fields and sectors, logging each changed field;
  /// call inside write(). Returns the names of the fields that changed.
  std::vector<std::string> update_member(int64_t id, const NewMember& updated);
  /// Closes the open period on `left`; call inside write().
  void end_period(int64_t id, Date left, const std::string& reason);
  /// Opens a new period on `joined`; call inside write().
  void open_period(int64_t id, Date joined);
  /// Adds a whole period [joined, left) (import of a re-joined member's later
  /// periods), logged as a rejoin and, if it ended, a leave; call inside write().
  void add_period(int64_t id, Date joined, std::optional<Date> left, const std::string& reason);
  /// Calls `member` for every member, by id, with all its periods (export).
  void each_member_record(const std::function<void(const MemberRecord&)>& member);
  /// Deletes the member and every trace of who it was: its history entries
  /// are emptied and one "member.purge" entry records that a member went.
  void purge_member(int64_t id);
  /// Calls `entry` for each history entry matching `filter`, oldest first.
  void each_history(const HistoryFilter& filter, const std::function<void(const HistoryEntry&)>& entry);
  /// Every problem `roster check` finds: SQLite's integrity and foreign-key
  /// checks, then the data rules. Empty when the file is sound. `quick`:
  /// SQLite's quick_check instead of integrity_check (it skips matching each
  /// index against its table, which is most of the time on a large file).
  std::vector<std::string> check_problems(bool quick = false);
  /// Writes a consistent copy of the database to `target` (VACUUM INTO a
  /// temporary file beside it, then rename).
  void backup_to(const std::filesystem::path& target);

  /// Calls `row` for each member matching `filter`, streaming.
  void each_member(const MemberFilter& filter, const std::function<void(const MemberRow&)>& row);

  /// Names the command whose changes the history records (e.g. "import").
  void set_command(std::string command) { command_ = std::move(command); }

  /// Appends one entry to the history log; call inside write(). An entry
  /// about a prospect names it by `prospect_id` (and no member).
  void log_change(std::optional<int64_t> member_id, const std::string& kind, const std::string& field,
                  const std::string& before, const std::string& after,
                  std::optional<int64_t> prospect_id = std::nullopt);

 private:
  friend struct StoreAccess;  // the recruitment pipeline's SQL (src/store/store_access.h)
  Store(std::filesystem::path path, std::unique_ptr<dbi::Connection> db);
  std::filesystem::path path_;
  std::unique_ptr<dbi::Connection> db_;
  std::string command_ = "roster";
  /// "FILE has no association row …": the file is damaged.
  Error missing_association_row() const;
  /// Prepared once per connection, reset on each use: the per-row statements
  /// of add-member and import. Keyed by the SQL text, so every call with the
  /// same text shares one statement, wherever the text is written.
  dbi::Statement& cached(std::string_view sql);
  /// Runs `work` in one transaction (BEGIN IMMEDIATE when it `writes`, else a
  /// deferred one: a single snapshot); commits when it returns true.
  void transaction(bool writes, const std::function<bool()>& work);
  /// A roster on a PostgreSQL server (--db a connection string).
  static Store open_server(const std::filesystem::path& path);
  static Store create_server(const std::filesystem::path& path, const InitSettings& settings);
  void log_init(const InitSettings& settings);
  struct SqlHash {
    using is_transparent = void;  // looked up by string_view, no copy of the text
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, std::unique_ptr<dbi::Statement>, SqlHash, std::equal_to<>> statements_;
  /// True while write() or write_if() runs its work.
  bool writing_ = false;
  /// Throws std::logic_error (a bug in roster, never bad input) unless inside
  /// write() or write_if(): `what`, a Store method that writes, would
  /// otherwise commit on its own, half a change without its history.
  void require_write(const char* what) const;
};

/// Where the database is: --db, else $ROSTER_DB, else
/// ${XDG_DATA_HOME:-~/.local/share}/roster/roster.db.
std::filesystem::path resolve_db_path(const std::string& db_option);

/// Whether `db` is a PostgreSQL connection rather than a path: a
/// postgresql:// or postgres:// URI, or libpq's keyword=value form
/// ("host=… dbname=…"). Store::open and Store::create refuse one.
bool is_server_connection(const std::string& db);

/// The language stored in the roster at `path` ("en", "zh" or ""), read
/// without writing or migrating; "" for a missing, foreign or older file, so
/// choosing the language for --help never fails on the database.
std::string peek_language(const std::filesystem::path& path);

}  // namespace roster
