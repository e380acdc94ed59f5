#include "roster/duplicates.h"

#include <fmt/core.h>

namespace roster {

std::vector<FieldProblem> stored_duplicates(Store& store, const NewMember& member, std::optional<int64_t> except) {
  std::vector<FieldProblem> problems;
  auto other = [&](const auto& found) { return found && found->id != except; };
  if (auto existing = store.member_with_name_key(member.name_key); other(existing)) {
    problems.push_back({"name", fmt::format("'{}' is already member #{} ({}); names are compared ignoring case, "
                                            "width and spacing",
                                            member.name, existing->id, existing->name)});
  }
  if (member.uscc) {
    if (auto existing = store.member_with_uscc(*member.uscc); other(existing)) {
      problems.push_back({"uscc", fmt::format("USCC {} already belongs to member #{} ({})", *member.uscc, existing->id,
                                              existing->name)});
    }
  }
  return problems;
}

}  // namespace roster
