// Store: the history log, written by every change and read by `history` and `show`.
#include <cstdlib>
#include <ctime>

#include "pg_connection.h"
#include "roster/date.h"
#include "roster/store.h"
#include "sql.h"
#include "store_errors.h"

namespace roster {
namespace {

std::string current_user() {
  for (const char* var : {"USER", "LOGNAME"}) {
    if (const char* v = std::getenv(var); v && *v) return v;
  }
  return "unknown";
}

// Formatted once a second: an import logs a million entries.
std::string utc_timestamp() {
  static std::time_t last = -1;
  static char buf[32];
  std::time_t now = std::time(nullptr);
  if (now != last) {
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    last = now;
  }
  return buf;
}

}  // namespace

void Store::log_change(std::optional<int64_t> member_id, const std::string& kind, const std::string& field,
                       const std::string& before, const std::string& after, std::optional<int64_t> prospect_id) {
  require_write("log_change");
  dbi::Statement& q = cached(
      "INSERT INTO history (at, user, command, kind, member_id, field, before, after, prospect_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, utc_timestamp());
  // On PostgreSQL the login, which the server vouches for; on a file, the
  // account the process runs as.
  q.bind(2, db_->is_pg() ? db_->pg().user() : current_user());
  // The strings outlive the step, so they are bound without a copy.
  q.bindNoCopy(3, command_);
  q.bindNoCopy(4, kind);
  if (member_id)
    q.bind(5, *member_id);
  else
    q.bind(5);
  q.bindNoCopy(6, field);
  q.bindNoCopy(7, before);
  q.bindNoCopy(8, after);
  if (prospect_id)
    q.bind(9, *prospect_id);
  else
    q.bind(9);
  q.exec();
}

void Store::each_history(const HistoryFilter& f, const std::function<void(const HistoryEntry&)>& entry) {
  guarded(path_, [&] {
    std::string sql =
        "SELECT id, at, user, command, kind, member_id, field, before, after, prospect_id FROM history WHERE 1 = 1";
    if (f.member_id) sql += " AND member_id = :member";
    if (f.prospect_id) sql += " AND prospect_id = :prospect";
    // The days are local; the stamps are UTC, and compare as text.
    if (f.since) sql += " AND at >= :since";
    if (f.until) sql += " AND at < :until";
    if (f.kind) sql += f.kind->ends_with('.') ? " AND substr(kind, 1, length(:kind)) = :kind" : " AND kind = :kind";
    sql += " ORDER BY id";
    dbi::Statement q(*db_, sql);
    if (f.member_id) q.bind(":member", *f.member_id);
    if (f.prospect_id) q.bind(":prospect", *f.prospect_id);
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
      e.prospect_id = q.getColumn(9).isNull() ? std::nullopt : std::optional<int64_t>(q.getColumn(9).getInt64());
      entry(e);
    }
  });
}

}  // namespace roster
