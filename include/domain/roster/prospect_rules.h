#pragma once
// The rules of the recruitment pipeline: a prospect's fields, the stages and
// the moves between them. Pure; the store checks duplicates against the
// stored members and prospects.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roster/date.h"
#include "roster/member_rules.h"
#include "roster/prospect.h"
#include "roster/sectors.h"

namespace roster {

/// A prospect as typed: every field still text. `prospect add`, `prospect
/// edit` (laid over the stored one) and `prospect import` fill one.
struct ProspectDraft {
  std::string name;
  std::string uscc;
  std::vector<std::string> sectors;  ///< codes, names or aliases; the first is primary
  std::string tier;
  std::string city;
  std::string source;
  std::string owner;
  std::string stage;        ///< a stage code or name; "" means lead
  std::string probability;  ///< "35" or "35%"; "" means the stage's
  std::string next_action;
  std::string next_action_on;  ///< a date, may be in the future (a plan)
  std::string note;
  std::string added_on;  ///< "" means the day of the command
};

/// The contents of data/stages.csv, compiled in.
std::string_view seed_stages_csv();

/// Parses a stages CSV (code,name_en,name_zh,probability,closed); the rows'
/// order is the road's (position 0 first).
std::vector<Stage> parse_stages_csv(std::string_view csv);

/// The stage `text` names: its code or either name, ignoring case and width;
/// nullptr when none does.
const Stage* find_stage(const std::vector<Stage>& stages, std::string_view text);

/// "unknown stage 'x'; use lead, contacted, …" listing the stages given.
std::string unknown_stage_message(std::string_view text, const std::vector<Stage>& stages);

/// A whole percent from 0 to 100, as typed: "35", "35%", "35 %" or "３５％";
/// nullopt for anything else.
std::optional<int> parse_probability(std::string_view text);

/// "probability '120' is not a whole percent from 0 to 100; give e.g. 35 or 35%".
std::string probability_problem(std::string_view text);

/// The word a message uses for a prospect's field (a column name such as
/// "owner"): the name itself in English, its glossary word in Chinese.
std::string prospect_field_word(std::string_view field);

/// Checks every field of `draft` but the stage and the added date (those of
/// a stored prospect change by move, drop and convert): name, USCC, sectors
/// (at least one), tier, probability, the next action's date (any real day:
/// it is a plan) and the free texts. Fills those fields of `out`.
std::vector<FieldProblem> check_prospect_fields(const ProspectDraft& draft, const SectorRegistry& sectors,
                                                Prospect& out);

/// Checks a new prospect: check_prospect_fields, an open stage (default
/// lead) and an added date (default `as_of`) not after `as_of`. On success
/// fills `out`, its first move the stage on the added date, and returns no
/// problems.
std::vector<FieldProblem> check_new_prospect(const ProspectDraft& draft, const SectorRegistry& sectors,
                                             const std::vector<Stage>& stages, Date as_of, Prospect* out);

/// A stored prospect as a draft, every field as text (what edit lays its
/// changes over before check_prospect_fields runs again).
ProspectDraft draft_of(const Prospect& prospect);

/// Why `prospect` cannot enter a stage on `on`: it has joined (it is a
/// member now); `on` is after `as_of` or before its last move. nullopt when
/// it can.
std::optional<FieldProblem> stage_date_problem(const Prospect& prospect, Date on, Date as_of);

/// Why `prospect move` may not take the prospect to `stage`: a closed stage
/// (joined is reached by convert, dropped by drop), the stage it is in, or
/// any stage_date_problem.
std::optional<FieldProblem> move_problem(const Prospect& prospect, const Stage& stage, Date on, Date as_of);

/// Why `prospect drop` may not drop it on `on` with `reason`: an empty or
/// malformed reason, a prospect already dropped, or a stage_date_problem.
std::optional<FieldProblem> drop_problem(const Prospect& prospect, std::string_view reason, Date on, Date as_of);

/// Why `prospect convert` may not make it a member on `joined`: dropped
/// (move it back first), or a stage_date_problem.
std::optional<FieldProblem> convert_problem(const Prospect& prospect, Date joined, Date as_of);

/// The member draft a prospect becomes on `joined`: its name, USCC, sectors,
/// tier, city and note; check_member then applies every add-member rule.
MemberDraft member_draft_of(const Prospect& prospect, Date joined);

}  // namespace roster
