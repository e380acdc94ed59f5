#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/member.h"

namespace roster {

/// One membership period [joined, left).
struct Period {
  Date joined;
  std::optional<Date> left;
  std::string reason;  ///< why the member left, if given
};

/// One entry of the change log.
struct HistoryEntry {
  int64_t id = 0;
  std::string at;  ///< UTC, "2026-11-29T08:00:00Z" (human output shows it in local time)
  std::string user;
  std::string command;
  std::string kind;  ///< e.g. member.add, member.edit, member.leave
  std::optional<int64_t> member_id;
  std::optional<int64_t> prospect_id;  ///< set on the entries about a prospect (prospect.add, …)
  std::string field;
  std::string before;
  std::string after;
};

/// Everything stored about one member.
struct MemberRecord : MemberFields {
  int64_t id = 0;
  std::vector<Period> periods;  ///< oldest first
  std::vector<HistoryEntry> history;
  MemberContacts contacts;
  /// The period still open (no left date), if any.
  const Period* open_period() const;
};

/// The stored member as a draft, every field as text and no dates (those
/// change through the period rules): what edit-member and import --update
/// lay their changes over before check_member() runs again.
MemberDraft draft_of(const MemberRecord& member);

/// Which history entries to show.
struct HistoryFilter {
  std::optional<int64_t> member_id;
  std::optional<int64_t> prospect_id;  ///< only the entries about this prospect
  std::optional<Date> since;           ///< entries on or after this day, in the local time zone
  std::optional<Date> until;           ///< entries on or before this day, in the local time zone
  std::optional<std::string> kind;     ///< exact kind, or a prefix ending in '.' ("member.")
};

}  // namespace roster
