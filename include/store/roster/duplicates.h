#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "roster/member.h"
#include "roster/member_rules.h"
#include "roster/store.h"

namespace roster {

/// What stops `member` from joining the stored roster: a stored member with
/// the same USCC, or the same name after name_key() folding. Each problem
/// names the member it collides with. Shared by add-member and import.
/// `except` is the member being edited, who may keep its own name and USCC.
std::vector<FieldProblem> stored_duplicates(Store& store, const NewMember& member,
                                            std::optional<int64_t> except = std::nullopt);

/// The problem of `member`'s name when `existing` already has it.
FieldProblem duplicate_name(const NewMember& member, const MemberRef& existing);
/// The problem of `member`'s USCC when `existing` already has it.
FieldProblem duplicate_uscc(const NewMember& member, const MemberRef& existing);

}  // namespace roster
