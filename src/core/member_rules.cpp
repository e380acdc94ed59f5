#include "roster/member_rules.h"

#include <algorithm>
#include <set>

#include <fmt/core.h>

#include "roster/text.h"
#include "roster/uscc.h"

namespace roster {
namespace {

constexpr size_t kMaxNameLength = 200;
constexpr size_t kMaxTextLength = 2000;

std::optional<std::string> text_problem(std::string_view text, size_t max_length) {
  if (!is_valid_utf8(text)) return "is not valid UTF-8 text; check the encoding of the terminal or file (roster expects UTF-8)";
  if (has_control_char(text)) return "contains a control character (tab, line break or similar); remove it";
  if (code_point_count(text) > max_length) {
    return fmt::format("is {} characters long; the limit is {}", code_point_count(text), max_length);
  }
  return std::nullopt;
}

// Checks one date field; `what` names it in messages.
std::optional<Date> check_date(const std::string& text, const char* field, Date as_of,
                               std::vector<FieldProblem>& problems) {
  auto date = parse_iso_date(text);
  if (!date) {
    problems.push_back({field, fmt::format("{} date '{}' is not a real date; write it as YYYY-MM-DD", field, text)});
    return std::nullopt;
  }
  if (*date > as_of) {
    problems.push_back({field, fmt::format("{} date {} is in the future (after {}); enter a date that has happened",
                                           field, text, as_of.iso())});
    return std::nullopt;
  }
  return date;
}

}  // namespace

std::optional<std::string> parse_tier(std::string_view text) {
  std::string key = name_key(trim(text));
  if (key.empty()) return std::string("member");
  for (const auto& tier : kTiers) {
    if (key == tier) return tier;
  }
  if (key == "vice president" || key == "vice_president") return std::string("vice-president");
  if (key == "会长") return std::string("president");
  if (key == "副会长" || key == "副会长单位") return std::string("vice-president");
  if (key == "理事" || key == "理事单位") return std::string("council");
  if (key == "会员" || key == "会员单位") return std::string("member");
  return std::nullopt;
}

std::optional<std::string> name_problem(std::string_view trimmed_name) {
  if (trimmed_name.empty()) return "name is empty; give the member's legal name";
  if (auto p = text_problem(trimmed_name, kMaxNameLength)) return "name " + *p;
  return std::nullopt;
}

std::optional<std::string> free_text_problem(std::string_view text, std::string_view field) {
  if (auto p = text_problem(text, kMaxTextLength)) return fmt::format("{} {}", field, *p);
  return std::nullopt;
}

std::optional<std::string> reason_problem(std::string_view trimmed_reason, bool ended) {
  if (auto p = free_text_problem(trimmed_reason, "reason")) return p;
  if (!trimmed_reason.empty() && !ended) {
    return fmt::format(
        "reason '{}' is for a period that has not ended; give its left date too, or leave the reason "
        "empty",
        trimmed_reason);
  }
  return std::nullopt;
}

std::vector<FieldProblem> check_member(const MemberDraft& draft, const SectorRegistry& sectors, Date as_of,
                                       NewMember* out) {
  std::vector<FieldProblem> problems;
  NewMember m;

  m.name = is_valid_utf8(draft.name) ? trim(draft.name) : draft.name;
  if (auto p = name_problem(m.name)) problems.push_back({"name", *p});
  else m.name_key = name_key(m.name);

  if (auto uscc = trim(draft.uscc); !uscc.empty()) {
    std::string reason;
    if (auto code = normalize_uscc(uscc, &reason)) m.uscc = *code;
    else problems.push_back({"uscc", reason});
  }

  std::set<std::string> seen;
  for (const auto& text : draft.sectors) {
    if (trim(text).empty()) continue;
    const Sector* s = sectors.resolve(text);
    if (!s) {
      problems.push_back({"sectors", unknown_sector_message(text, sectors)});
    } else if (seen.insert(s->code).second) {
      m.sector_codes.push_back(s->code);
    }
  }
  bool sector_refused = std::any_of(problems.begin(), problems.end(),
                                    [](const FieldProblem& p) { return p.field == "sectors"; });
  if (m.sector_codes.empty() && !sector_refused) {
    problems.push_back({"sectors", "no sector given; every member needs at least one (--sector, or the sectors column of a file)"});
  }

  if (auto tier = parse_tier(draft.tier)) m.tier = *tier;
  else problems.push_back({"tier", fmt::format("unknown tier '{}'; use president, vice-president, council or member",
                                               trim(draft.tier))});

  struct Free { const std::string& text; std::string* target; const char* field; };
  for (Free f : {Free{draft.city, &m.city, "city"}, Free{draft.parent, &m.parent, "parent"},
                 Free{draft.note, &m.note, "note"}}) {
    *f.target = is_valid_utf8(f.text) ? trim(f.text) : f.text;
    if (auto p = text_problem(*f.target, f.field == std::string("note") ? kMaxTextLength : kMaxNameLength)) {
      problems.push_back({f.field, fmt::format("{} {}", f.field, *p)});
    }
  }

  auto joined_text = trim(draft.joined);
  auto joined = check_date(joined_text.empty() ? as_of.iso() : joined_text, "joined", as_of, problems);
  if (joined) m.joined = *joined;
  if (auto left_text = trim(draft.left); !left_text.empty()) {
    auto left = check_date(left_text, "left", as_of, problems);
    if (left && joined && *left <= *joined) {
      problems.push_back({"left", fmt::format("left date {} is not after the joined date {}; a member leaves after joining",
                                              left->iso(), joined->iso())});
    } else if (left) {
      m.left = *left;
    }
  }

  if (auto p = reason_problem(trim(draft.reason), !trim(draft.left).empty())) problems.push_back({"reason", *p});
  m.reason = trim(draft.reason);
  if (problems.empty() && out) *out = std::move(m);
  return problems;
}

}  // namespace roster
