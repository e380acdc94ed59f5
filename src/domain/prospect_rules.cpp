// The recruitment pipeline's rules: stages, a prospect's fields, moves.
#include "roster/prospect_rules.h"

#include <fmt/core.h>

#include <sstream>

#include "roster/csv.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/text.h"
#include "roster/uscc.h"

namespace roster {

std::vector<Stage> parse_stages_csv(std::string_view csv) {
  std::istringstream in{std::string(csv)};
  CsvReader reader(in, "stages.csv");
  CsvRecord record;
  reader.next(record);  // the header: code,name_en,name_zh,probability,closed
  std::vector<Stage> stages;
  while (reader.next(record)) {
    if (record.fields.size() < 5) continue;
    Stage s{trim(record.fields[0]),          trim(record.fields[1]),
            trim(record.fields[2]),          parse_probability(record.fields[3]).value_or(0),
            static_cast<int>(stages.size()), trim(record.fields[4]) == "1"};
    stages.push_back(std::move(s));
  }
  return stages;
}

const Stage* find_stage(const std::vector<Stage>& stages, std::string_view text) {
  if (!is_valid_utf8(text)) return nullptr;
  std::string key = name_key(trim(text));
  for (const auto& s : stages) {
    if (key == name_key(s.code) || key == name_key(s.name_en) || key == name_key(s.name_zh)) return &s;
  }
  return nullptr;
}

std::string unknown_stage_message(std::string_view text, const std::vector<Stage>& stages) {
  std::string codes;
  for (const auto& s : stages) codes += (codes.empty() ? "" : trc("list", ", ")) + s.code;
  return trf("unknown stage '{0}'; use one of {1}", text, codes);
}

std::optional<int> parse_probability(std::string_view text) {
  if (!is_valid_utf8(text)) return std::nullopt;
  std::string folded = name_key(trim(text));  // NFKC: "３５％" is "35%"
  if (folded.ends_with('%')) folded = trim(folded.substr(0, folded.size() - 1));
  if (folded.empty() || folded.size() > 3 || !all_ascii_digits(folded)) return std::nullopt;
  int value = digits_value(folded);
  if (value > 100) return std::nullopt;
  return value;
}

std::string probability_problem(std::string_view text) {
  return trf("probability '{0}' is not a whole percent from 0 to 100; give e.g. 35 or 35%", text);
}

std::string prospect_field_word(std::string_view field) {
  if (field == "source") return trc("field", "source");
  if (field == "owner") return trc("field", "owner");
  if (field == "stage") return trc("field", "stage");
  if (field == "probability") return trc("field", "probability");
  if (field == "next_action") return trc("field", "next_action");
  if (field == "next_action_on") return trc("field", "next_action_on");
  if (field == "added_on") return trc("field", "added_on");
  if (field == "referrer") return trc("field", "referrer");
  if (field == "drop_reason") return trc("field", "drop_reason");
  return field_word(field);
}

namespace {

std::string trimmed(const std::string& text) {
  return is_valid_utf8(text) ? trim(text) : text;
}

void check_texts(const ProspectDraft& d, Prospect& p, std::vector<FieldProblem>& problems) {
  struct Free {
    const std::string& text;
    std::string* target;
    const char* field;
  };
  for (Free f : {Free{d.city, &p.city, "city"}, Free{d.source, &p.source, "source"}, Free{d.owner, &p.owner, "owner"},
                 Free{d.next_action, &p.next_action, "next_action"}, Free{d.note, &p.note, "note"}}) {
    *f.target = trimmed(f.text);
    if (auto problem = free_text_problem(*f.target, prospect_field_word(f.field))) {
      problems.push_back({f.field, *problem});
    }
  }
}

// A typed date, or a problem for `field` ("" is no date).
std::optional<Date> typed_date(const std::string& text, const char* field, std::vector<FieldProblem>& problems) {
  DateRefusal why{};
  auto date = parse_date(text, &why);
  if (!date) problems.push_back({field, date_refusal_message(prospect_field_word(field), text, why)});
  return date;
}

}  // namespace

std::vector<FieldProblem> check_prospect_fields(const ProspectDraft& d, const SectorRegistry& sectors, Prospect& p) {
  std::vector<FieldProblem> problems;
  p.name = trimmed(d.name);
  if (p.name.empty()) {
    problems.push_back({"name", tr("name is empty; give the company's legal name")});
  } else if (auto problem = name_problem(p.name)) {
    problems.push_back({"name", *problem});
  }
  p.uscc.clear();
  if (auto uscc = trim(d.uscc); !uscc.empty()) {
    std::string reason;
    if (auto code = normalize_uscc(uscc, &reason))
      p.uscc = *code;
    else
      problems.push_back({"uscc", reason});
  }
  size_t before = problems.size();
  p.sectors = resolve_sectors(d.sectors, sectors, problems);
  if (p.sectors.empty() && problems.size() == before) {
    problems.push_back(
        {"sectors",
         tr("no sector given; every prospect needs at least one (--sector, or the sectors column of a file)")});
  }
  auto tier = trim(d.tier).empty() ? std::optional<Tier>(Tier::member) : parse_tier(d.tier);
  if (tier)
    p.tier = *tier;
  else
    problems.push_back({"tier", unknown_tier_message(d.tier)});
  p.probability.reset();
  if (auto text = trim(d.probability); !text.empty()) {
    p.probability = parse_probability(text);
    if (!p.probability) problems.push_back({"probability", probability_problem(text)});
  }
  p.next_action_on.reset();
  if (auto text = trim(d.next_action_on); !text.empty())
    p.next_action_on = typed_date(text, "next_action_on", problems);
  check_texts(d, p, problems);
  return problems;
}

std::vector<FieldProblem> check_new_prospect(const ProspectDraft& d, const SectorRegistry& sectors,
                                             const std::vector<Stage>& stages, Date as_of, Prospect* out) {
  Prospect p;
  auto problems = check_prospect_fields(d, sectors, p);
  std::string stage_text = trim(d.stage).empty() ? std::string("lead") : trim(d.stage);
  const Stage* stage = find_stage(stages, stage_text);
  if (!stage) {
    problems.push_back({"stage", unknown_stage_message(stage_text, stages)});
  } else if (stage->closed) {
    problems.push_back(
        {"stage",
         trf("stage {0} is closed; a prospect is added at an open stage (lead, contacted, interested, applied "
             "or approving) and reaches joined by `roster prospect convert`, dropped by `roster prospect drop`",
             stage->code)});
  } else {
    p.stage = stage->code;
  }
  auto added_text = trim(d.added_on);
  std::optional<Date> added =
      added_text.empty() ? std::optional<Date>(as_of) : typed_date(added_text, "added_on", problems);
  if (added && *added > as_of) {
    problems.push_back({"added_on", trf("added date {0} is in the future (after {1}); enter a date that has happened",
                                        added->iso(), as_of.iso())});
  } else if (added) {
    p.added_on = *added;
  }
  if (problems.empty() && out) {
    p.moves = {StageMove{p.stage, p.added_on}};
    *out = std::move(p);
  }
  return problems;
}

ProspectDraft draft_of(const Prospect& p) {
  ProspectDraft d;
  d.name = p.name;
  d.uscc = p.uscc;
  d.sectors = p.sectors;
  d.tier = std::string(tier_code(p.tier));
  d.city = p.city;
  d.source = p.source;
  d.owner = p.owner;
  d.stage = p.stage;
  d.probability = p.probability ? std::to_string(*p.probability) : "";
  d.next_action = p.next_action;
  d.next_action_on = p.next_action_on ? p.next_action_on->iso() : "";
  d.note = p.note;
  d.added_on = p.added_on.iso();
  return d;
}

std::optional<FieldProblem> stage_date_problem(const Prospect& p, Date on, Date as_of) {
  if (p.member_id) {
    return FieldProblem{"stage", trf("prospect #{0} {1} has joined already (member #{2}); see `roster show {2}`", p.id,
                                     p.name, *p.member_id)};
  }
  if (on > as_of) {
    return FieldProblem{
        "on", trf("date {0} is in the future (after {1}); enter a date that has happened", on.iso(), as_of.iso())};
  }
  if (!p.moves.empty() && on < p.moves.back().on) {
    const StageMove& last = p.moves.back();
    return FieldProblem{"on", trf("date {0} is before the prospect's last move ({1} on {2}); give {2} or later",
                                  on.iso(), last.stage, last.on.iso())};
  }
  return std::nullopt;
}

std::optional<FieldProblem> move_problem(const Prospect& p, const Stage& stage, Date on, Date as_of) {
  if (stage.code == "joined") {
    return FieldProblem{"stage", trf("a prospect joins by `roster prospect convert {0}`, not by a move", p.id)};
  }
  if (stage.closed) {
    return FieldProblem{"stage",
                        trf("a prospect is dropped by `roster prospect drop {0} --reason TEXT`, not by a move", p.id)};
  }
  if (stage.code == p.stage) {
    return FieldProblem{"stage", trf("prospect #{0} {1} is at stage {2} already", p.id, p.name, stage.code)};
  }
  return stage_date_problem(p, on, as_of);
}

std::optional<FieldProblem> drop_problem(const Prospect& p, std::string_view reason, Date on, Date as_of) {
  if (p.stage == "dropped" && !p.member_id) {
    return FieldProblem{"stage", trf("prospect #{0} {1} is dropped already", p.id, p.name)};
  }
  if (auto problem = stage_date_problem(p, on, as_of)) return problem;
  if (reason.empty()) return FieldProblem{"reason", tr("no reason given; say why with --reason TEXT")};
  if (auto problem = free_text_problem(reason, prospect_field_word("drop_reason"))) {
    return FieldProblem{"reason", *problem};
  }
  return std::nullopt;
}

std::optional<FieldProblem> convert_problem(const Prospect& p, Date joined, Date as_of) {
  if (p.stage == "dropped" && !p.member_id) {
    return FieldProblem{"stage", trf("prospect #{0} {1} was dropped; move it back to a stage first, e.g. `roster "
                                     "prospect move {0} applied`",
                                     p.id, p.name)};
  }
  return stage_date_problem(p, joined, as_of);
}

MemberDraft member_draft_of(const Prospect& p, Date joined) {
  MemberDraft d;
  d.name = p.name;
  d.uscc = p.uscc;
  d.sectors = p.sectors;
  d.joined = joined.iso();
  d.tier = std::string(tier_code(p.tier));
  d.city = p.city;
  d.note = p.note;
  return d;
}

}  // namespace roster
