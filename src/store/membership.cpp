#include "roster/membership.h"

#include <fmt/core.h>

#include "roster/duplicates.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/membership_rules.h"
#include "roster/text.h"

namespace roster::membership {

std::vector<FieldProblem> leave(Store& store, int64_t id, Date left, const std::string& reason, Date as_of) {
  std::string trimmed = trim(reason);
  auto problems = leave_problems(store.member_record(id), left, trimmed, as_of);
  if (problems.empty()) store.end_period(id, left, trimmed);
  return problems;
}

std::vector<FieldProblem> rejoin(Store& store, int64_t id, Date joined, Date as_of) {
  auto problems = rejoin_problems(store.member_record(id), joined, as_of);
  if (problems.empty()) store.open_period(id, joined);
  return problems;
}

std::vector<FieldProblem> add_period(Store& store, int64_t id, Date joined, std::optional<Date> left,
                                     const std::string& reason, Date as_of) {
  std::string trimmed = trim(reason);
  // Only the periods: an import may add thousands of them, and the whole
  // record (with its history) is not needed.
  std::vector<Period> periods = store.member_periods(id);
  if (periods.empty()) throw Error(trf("no member #{0}", id));  // every member has its first period
  auto problems = new_period_problems(periods, joined, left, trimmed, as_of);
  if (problems.empty()) store.add_period(id, joined, left, trimmed);
  return problems;
}

std::vector<FieldProblem> edit(Store& store, const SectorRegistry& sectors, int64_t id, const MemberDraft& draft,
                               Date as_of, std::vector<std::string>* changed) {
  // The dates are the periods' business; check_member() must not refuse them here.
  MemberDraft fields = draft;
  fields.joined = fields.left = fields.reason = "";
  NewMember member;
  auto problems = check_member(fields, sectors, as_of, &member);
  if (problems.empty()) problems = stored_duplicates(store, member, id);
  if (!problems.empty()) return problems;
  auto fields_changed = store.update_member(id, member);
  if (changed) *changed = std::move(fields_changed);
  return {};
}

}  // namespace roster::membership
