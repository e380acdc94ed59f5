#pragma once
// The recruitment pipeline in the store: the stages and the prospects, their
// sectors, moves and history. A prospect is never a member: no count, list
// or export of members reads these tables.
//
// The writes read what they check inside the caller's transaction and write
// only when every rule holds; each returns the problems (empty = done) and
// must run inside Store::write or Store::write_if.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/member.h"
#include "roster/member_record.h"
#include "roster/member_rules.h"
#include "roster/prospect.h"
#include "roster/prospect_rules.h"
#include "roster/store.h"

namespace roster {

// --- reads (store_prospects.cpp) ---

/// The stages in road order, lead first.
std::vector<Stage> stages(Store& store);

/// Calls `prospect` for every prospect, by id, with its sectors and moves.
void each_prospect(Store& store, const std::function<void(const Prospect&)>& prospect);

/// Every prospect, by id, with its sectors and moves (each_prospect, kept).
std::vector<Prospect> all_prospects(Store& store);

/// Prospect `id` with its sectors and moves; throws an Error if there is none.
Prospect read_prospect(Store& store, int64_t id);

/// Prospect `id`'s history entries, oldest first.
std::vector<HistoryEntry> prospect_history(Store& store, int64_t id);

/// The prospect REF names: its id (digits, optionally after '#'), its exact
/// name (compared by name_key) or its USCC. Throws an Error listing the
/// candidates when REF matches several, or suggesting names when none.
int64_t resolve_prospect_ref(Store& store, const std::string& ref);

/// What stops `prospect` from being stored: a member or another prospect
/// with its USCC or its name (by name_key), each named in the problem.
/// `except` is the prospect being edited, which keeps its own.
std::vector<FieldProblem> prospect_duplicates(Store& store, const Prospect& prospect,
                                              std::optional<int64_t> except = std::nullopt);

// --- writes (store_prospect_writes.cpp, store_prospect_moves.cpp) ---

/// Stores a prospect that passed check_new_prospect (its one move is the
/// stage it starts at), after prospect_duplicates; logs prospect.add.
/// `id` receives the new id.
std::vector<FieldProblem> add_prospect(Store& store, const Prospect& prospect, int64_t* id);

/// Lays `draft` over prospect `id` (check_prospect_fields against the
/// registry read now, prospect_duplicates with `id` excepted) and sets its
/// referrer; logs a prospect.edit entry per changed field, whose names
/// `changed` receives.
std::vector<FieldProblem> edit_prospect(Store& store, int64_t id, const ProspectDraft& draft,
                                        std::optional<int64_t> referrer_id, std::vector<std::string>* changed);

/// Moves prospect `id` to the open stage `stage` (a code or name) on `on`
/// (move_problem); a dropped prospect so comes back. Logs prospect.move.
std::vector<FieldProblem> move_prospect(Store& store, int64_t id, const std::string& stage, Date on, Date as_of);

/// Moves prospect `id` to dropped on `on` with `reason` (drop_problem); logs
/// prospect.drop.
std::vector<FieldProblem> drop_prospect(Store& store, int64_t id, const std::string& reason, Date on, Date as_of);

/// Makes prospect `id` a member joined on `joined`: convert_problem, then
/// every add-member rule (check_member, stored_duplicates) and
/// Store::insert_member, then links the prospect to the member and moves it
/// to joined; logs prospect.convert. `member_id` receives the member's id.
std::vector<FieldProblem> convert_prospect(Store& store, int64_t id, Date joined, Date as_of, int64_t* member_id);

/// Sets stage `code`'s probability (0..100); logs stage.probability. Throws
/// an Error for an unknown stage.
void set_stage_probability(Store& store, const std::string& code, int probability);

}  // namespace roster
