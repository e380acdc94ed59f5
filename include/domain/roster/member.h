#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/tier.h"

namespace roster {

/// Whom the secretariat reaches at a member: its contact person (联系人),
/// phone and email. Kept apart from MemberFields so that the values lists and
/// reports are made of (MemberRow, MemberChange) have no place for them:
/// contacts are shown by `show` and written by `export`, never in a report.
struct MemberContacts {
  std::string contact;  ///< the contact person's name
  std::string phone;    ///< digits with - + ( ) and spaces, e.g. "0571-8888 6666"
  std::string email;    ///< e.g. "wang@example.com"
  bool operator==(const MemberContacts&) const = default;
};

/// A member as the user typed it: every field still text. Import and
/// add-member both fill one of these and hand it to check_member.
struct MemberDraft {
  std::string name;
  std::string uscc;
  std::vector<std::string> sectors;  ///< codes or names; first is primary
  std::string joined;                ///< YYYY-MM-DD; empty means the default
  std::string left;                  ///< YYYY-MM-DD or empty
  std::string tier;
  std::string city;
  std::string parent;
  std::string note;
  std::string reason;    ///< why the member left (import only)
  std::string sort_key;  ///< pinyin for sorting, e.g. "chang sha"; empty: ICU's reading of the name
  MemberContacts contacts;
};

/// A stored member named by its id and name, as lookups and messages give it.
struct MemberRef {
  int64_t id = 0;
  std::string name;
  bool operator==(const MemberRef&) const = default;
};

/// The fields every member value carries, checked: one home, so a new field
/// is added once. NewMember, MemberRow, MemberRecord and MemberChange are
/// made of it plus what each adds (ids, periods, dates).
struct MemberFields {
  std::string name;
  std::optional<std::string> uscc;
  std::vector<std::string> sector_codes;  ///< first is primary
  Tier tier = Tier::member;
  std::string city;
  std::string parent;
  std::string note;
  /// The pinyin the name sorts by (sort_key_problem() in pinyin.h holds);
  /// "" when the name sorts by ICU's own reading.
  std::string sort_key;
};

/// A member that passed every rule, ready to store.
struct NewMember : MemberFields {
  std::string name_key;  ///< see name_key() in text.h
  Date joined;
  std::optional<Date> left;
  std::string reason;                ///< why the member left, if it did
  std::optional<int64_t> wanted_id;  ///< keep this id if it is free (import of an export)
  MemberContacts contacts;
};

/// One member as a listing shows it, with the period that matters on the
/// listing's date.
struct MemberRow : MemberFields {
  int64_t id = 0;
  Date joined;               ///< start of the latest period begun by the date
  std::optional<Date> left;  ///< its end, if it ended by the date
  bool active() const { return !left.has_value(); }
};

}  // namespace roster
