#include "roster/duplicates.h"

#include <fmt/core.h>

namespace roster {

std::vector<FieldProblem> stored_duplicates(Store& store, const NewMember& member) {
  std::vector<FieldProblem> problems;
  if (auto existing = store.member_with_name_key(member.name_key)) {
    problems.push_back({"name", fmt::format("'{}' is already member #{} ({}); names are compared ignoring case, "
                                            "width and spacing",
                                            member.name, existing->first, existing->second)});
  }
  if (member.uscc) {
    if (auto existing = store.member_with_uscc(*member.uscc)) {
      problems.push_back({"uscc", fmt::format("USCC {} already belongs to member #{} ({})", *member.uscc,
                                              existing->first, existing->second)});
    }
  }
  return problems;
}

}  // namespace roster
