#include "roster/duplicates.h"

#include <fmt/core.h>

#include "roster/error.h"
#include "roster/text.h"

namespace roster {

std::vector<FieldProblem> stored_duplicates(Store& store, const NewMember& member, std::optional<int64_t> except) {
  std::vector<FieldProblem> problems;
  auto other = [&](const auto& found) { return found && found->first != except; };
  if (auto existing = store.member_with_name_key(member.name_key); other(existing)) {
    problems.push_back({"name", fmt::format("'{}' is already member #{} ({}); names are compared ignoring case, "
                                            "width and spacing",
                                            member.name, existing->first, existing->second)});
  }
  if (member.uscc) {
    if (auto existing = store.member_with_uscc(*member.uscc); other(existing)) {
      problems.push_back({"uscc", fmt::format("USCC {} already belongs to member #{} ({})", *member.uscc,
                                              existing->first, existing->second)});
    }
  }
  return problems;
}

namespace {

std::string candidate_list(const std::vector<std::pair<int64_t, std::string>>& members) {
  std::string out;
  for (const auto& [id, name] : members) out += fmt::format("{}#{} {}", out.empty() ? "" : ", ", id, name);
  return out;
}

}  // namespace

int64_t resolve_member_ref(Store& store, const std::string& ref) {
  if (trim(ref).empty()) throw usage_error("no member given; name one by id, exact name or USCC");
  auto found = store.members_matching(ref);
  if (found.size() == 1) return found.front().first;
  if (found.size() > 1) {
    throw Error(fmt::format("'{}' could mean {}; give the id, e.g. #{}", ref, candidate_list(found),
                            found.front().first));
  }
  auto similar = store.members_named_like(ref, 5);
  if (similar.empty()) {
    throw Error(fmt::format("no member '{}' (give an id, the exact name or the USCC; `roster list --search TEXT` "
                            "finds names)",
                            ref));
  }
  throw Error(fmt::format("no member '{}'; did you mean {}?", ref, candidate_list(similar)));
}
}  // namespace roster
