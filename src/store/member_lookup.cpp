#include "roster/member_lookup.h"

#include <fmt/core.h>

#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {
namespace {

std::string candidate_list(const std::vector<MemberRef>& members) {
  std::string out;
  for (const auto& [id, name] : members) out += fmt::format("{}#{} {}", out.empty() ? "" : trc("list", ", "), id, name);
  return out;
}

}  // namespace

int64_t resolve_member_ref(Store& store, const std::string& ref) {
  if (trim(ref).empty()) throw usage_error(tr("no member given; name one by id, exact name or USCC"));
  auto found = store.members_matching(ref);
  if (found.size() == 1) return found.front().id;
  if (found.size() > 1) {
    throw Error(trf("'{0}' could mean {1}; give the id, e.g. #{2}", ref, candidate_list(found), found.front().id));
  }
  auto similar = store.members_named_like(ref, 5);
  if (similar.empty()) {
    throw Error(
        trf("no member '{0}' (give an id, the exact name or the USCC; `roster list --search TEXT` finds names)", ref));
  }
  throw Error(trf("no member '{0}'; did you mean {1}?", ref, candidate_list(similar)));
}

}  // namespace roster
