#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/member.h"
#include "roster/member_rules.h"
#include "roster/store.h"

// The changes to one stored member: each reads the member's record inside the
// caller's transaction, applies the rules (membership_rules.h, check_member,
// stored_duplicates), and writes through the Store only when they all hold.
// Each returns the problems (empty = done) and must be called inside
// Store::write or Store::write_if, so that what it read is still true when it
// writes. remove-member, rejoin, edit-member and import all come here.
namespace roster::membership {

/// Ends member `id`'s open period on `left`, with `reason` (trimmed): the
/// leave_problems() rules, then Store::end_period.
std::vector<FieldProblem> leave(Store& store, int64_t id, Date left, const std::string& reason, Date as_of);

/// Opens a new period for member `id` on `joined`: the rejoin_problems()
/// rules, then Store::open_period.
std::vector<FieldProblem> rejoin(Store& store, int64_t id, Date joined, Date as_of);

/// Adds a whole period [joined, left) with `reason` (trimmed) after member
/// `id`'s stored periods (import's later periods): the new_period_problems()
/// rules, then Store::add_period.
std::vector<FieldProblem> add_period(Store& store, int64_t id, Date joined, std::optional<Date> left,
                                     const std::string& reason, Date as_of);

/// Replaces member `id`'s fields with `draft` (its dates are not used: the
/// periods change above): check_member() against `sectors`, which the caller
/// read with store.sectors() inside this same transaction (an import reads it
/// once for all its rows), stored_duplicates() with `id` excepted, then
/// Store::update_member. `changed`, if given, receives the names of the
/// fields that changed.
std::vector<FieldProblem> edit(Store& store, const SectorRegistry& sectors, int64_t id, const MemberDraft& draft,
                               Date as_of, std::vector<std::string>* changed = nullptr);

}  // namespace roster::membership
