// Store: a prospect's road — moves between the open stages, dropping it,
// and converting it into a member through the add-member path.
#include <fmt/core.h>

#include "roster/duplicates.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/prospects.h"
#include "sql.h"
#include "store_access.h"
#include "store_errors.h"

namespace roster {
namespace {

// Puts prospect `id` at `stage` on `on`: its stage, a move row, and the
// drop reason (kept only while it is dropped).
void enter_stage(Store& store, int64_t id, const std::string& stage, Date on, const std::string& drop_reason,
                 std::optional<int64_t> member_id) {
  guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store),
                     "UPDATE prospects SET stage = ?, drop_reason = ?, member_id = coalesce(?, member_id) "
                     "WHERE id = ?");
    q.bind(1, stage);
    q.bind(2, drop_reason);
    if (member_id)
      q.bind(3, *member_id);
    else
      q.bind(3);
    q.bind(4, id);
    q.exec();
    dbi::Statement& move =
        StoreAccess::cached(store, "INSERT INTO prospect_moves (prospect_id, stage, moved_on) VALUES (?, ?, ?)");
    move.bind(1, id);
    move.bind(2, stage);
    move.bind(3, on.iso());
    move.exec();
  });
}

std::vector<FieldProblem> problems_of(std::optional<FieldProblem> problem) {
  if (!problem) return {};
  return {std::move(*problem)};
}

}  // namespace

std::vector<FieldProblem> move_prospect(Store& store, int64_t id, const std::string& stage_text, Date on, Date as_of) {
  StoreAccess::require_write(store, "move_prospect");
  Prospect p = read_prospect(store, id);
  auto all = stages(store);
  const Stage* stage = find_stage(all, stage_text);
  if (!stage) return {{"stage", unknown_stage_message(stage_text, all)}};
  if (auto problem = move_problem(p, *stage, on, as_of)) return problems_of(problem);
  enter_stage(store, id, stage->code, on, "", std::nullopt);
  store.log_change(std::nullopt, "prospect.move", "stage", p.stage, fmt::format("{} {}", stage->code, on.iso()), id);
  return {};
}

std::vector<FieldProblem> drop_prospect(Store& store, int64_t id, const std::string& reason, Date on, Date as_of) {
  StoreAccess::require_write(store, "drop_prospect");
  Prospect p = read_prospect(store, id);
  if (auto problem = drop_problem(p, reason, on, as_of)) return problems_of(problem);
  enter_stage(store, id, "dropped", on, reason, std::nullopt);
  store.log_change(std::nullopt, "prospect.drop", "stage", p.stage, fmt::format("dropped {}: {}", on.iso(), reason),
                   id);
  return {};
}

std::vector<FieldProblem> convert_prospect(Store& store, int64_t id, Date joined, Date as_of, int64_t* member_id) {
  StoreAccess::require_write(store, "convert_prospect");
  Prospect p = read_prospect(store, id);
  if (auto problem = convert_problem(p, joined, as_of)) return problems_of(problem);
  // The add-member path: every rule of a new member, then its one insert.
  NewMember member;
  auto problems = check_member(member_draft_of(p, joined), store.sectors(), as_of, &member);
  if (problems.empty()) problems = stored_duplicates(store, member);
  if (!problems.empty()) return problems;
  *member_id = store.insert_member(member);
  enter_stage(store, id, "joined", joined, "", *member_id);
  store.log_change(*member_id, "prospect.convert", "member_id", "", std::to_string(*member_id), id);
  return {};
}

}  // namespace roster
