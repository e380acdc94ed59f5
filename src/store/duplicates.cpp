#include "roster/duplicates.h"

#include <fmt/core.h>

#include "roster/i18n.h"

namespace roster {

FieldProblem duplicate_name(const NewMember& member, const MemberRef& existing) {
  return {"name", trf("'{0}' is already member #{1} ({2}); names are compared ignoring case, width and spacing",
                      member.name, existing.id, existing.name)};
}

FieldProblem duplicate_uscc(const NewMember& member, const MemberRef& existing) {
  return {"uscc",
          trf("USCC {0} already belongs to member #{1} ({2})", member.uscc.value_or(""), existing.id, existing.name)};
}

std::vector<FieldProblem> stored_duplicates(Store& store, const NewMember& member, std::optional<int64_t> except) {
  std::vector<FieldProblem> problems;
  auto other = [&](const auto& found) { return found && found->id != except; };
  if (auto existing = store.member_with_name_key(member.name_key); other(existing)) {
    problems.push_back(duplicate_name(member, *existing));
  }
  if (member.uscc) {
    if (auto existing = store.member_with_uscc(*member.uscc); other(existing)) {
      problems.push_back(duplicate_uscc(member, *existing));
    }
  }
  return problems;
}

}  // namespace roster
