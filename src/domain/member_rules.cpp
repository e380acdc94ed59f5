#include "roster/member_rules.h"

#include <fmt/core.h>

#include <algorithm>
#include <set>

#include "roster/membership_rules.h"
#include "roster/text.h"
#include "roster/uscc.h"

namespace roster {
namespace {

constexpr size_t kMaxNameLength = 200;
constexpr size_t kMaxTextLength = 2000;

// Names (of members, places, groups, the association) are compared and shown;
// free text (a note, a reason) is only shown.
enum class TextKind { name, free_text };

std::optional<std::string> text_problem(std::string_view text, size_t max_length, TextKind kind) {
  if (!is_valid_utf8(text))
    return "is not valid UTF-8 text; check the encoding of the terminal or file (roster expects UTF-8)";
  if (has_control_char(text)) return "contains a control character (tab, line break or similar); remove it";
  // An invisible mark would make a second "company" that looks like the first.
  if (auto mark = first_invisible_control(text); mark && kind == TextKind::name) {
    return fmt::format(
        "contains the invisible character {} (a zero-width or text-direction mark, often pasted from a "
        "web page); delete it or type the name again",
        escape_for_terminal(*mark));
  }
  if (code_point_count(text) > max_length) {
    return fmt::format("is {} characters long; the limit is {}", code_point_count(text), max_length);
  }
  return std::nullopt;
}

// Checks one date field (a real date, not after `as_of`); `field` names it.
std::optional<Date> check_date(const std::string& text, const char* field, Date as_of,
                               std::vector<FieldProblem>& problems) {
  DateRefusal why{};
  auto date = parse_date(text, &why);
  if (!date) {
    problems.push_back({field, date_refusal_message(fmt::format("{} date", field), text, why)});
    return std::nullopt;
  }
  if (auto p = future_date_problem(field, *date, as_of)) {
    problems.push_back(std::move(*p));
    return std::nullopt;
  }
  return date;
}

// The member's first period: its dates (an empty joined date means `as_of`)
// and its reason, by the period rules.
void check_first_period(const MemberDraft& draft, Date as_of, NewMember& m, std::vector<FieldProblem>& problems) {
  auto joined_text = trim(draft.joined);
  auto joined = check_date(joined_text.empty() ? as_of.iso() : joined_text, "joined", as_of, problems);
  if (joined) m.joined = *joined;
  if (auto left_text = trim(draft.left); !left_text.empty()) {
    auto left = check_date(left_text, "left", as_of, problems);
    if (auto p = left && joined ? left_date_problem(*joined, *left) : std::nullopt) {
      problems.push_back(std::move(*p));
    } else if (left) {
      m.left = *left;
    }
  }
  m.reason = trim(draft.reason);
  if (auto p = reason_problem(m.reason, !trim(draft.left).empty())) problems.push_back(std::move(*p));
}

// Resolves the draft's sectors (codes, names, aliases; a value may be a list)
// into m.sector_codes, the first given first, each once.
void check_sectors(const MemberDraft& draft, const SectorRegistry& sectors, NewMember& m,
                   std::vector<FieldProblem>& problems) {
  std::set<std::string> seen;
  for (const auto& value : draft.sectors) {
    // One --sector value may be a list too ("医疗、教育"), as in a file's cell.
    for (const auto& text : split_list(value)) {
      const Sector* s = sectors.resolve(text);
      if (!s) {
        problems.push_back({"sectors", unknown_sector_message(text, sectors)});
      } else if (seen.insert(s->code).second) {
        m.sector_codes.push_back(s->code);
      }
    }
  }
  bool sector_refused =
      std::any_of(problems.begin(), problems.end(), [](const FieldProblem& p) { return p.field == "sectors"; });
  if (m.sector_codes.empty() && !sector_refused) {
    problems.push_back(
        {"sectors", "no sector given; every member needs at least one (--sector, or the sectors column of a file)"});
  }
}

}  // namespace

std::optional<std::string> name_problem(std::string_view trimmed_name) {
  if (trimmed_name.empty()) return "name is empty; give the member's legal name";
  if (auto p = text_problem(trimmed_name, kMaxNameLength, TextKind::name)) return "name " + *p;
  return std::nullopt;
}

std::optional<std::string> association_name_problem(std::string_view trimmed_name) {
  if (trimmed_name.empty())
    return "the association name is empty; give its full name, e.g. --association '浙江省元宇宙产业协会'";
  if (auto p = text_problem(trimmed_name, kMaxNameLength, TextKind::name)) return "the association name " + *p;
  return std::nullopt;
}

std::optional<std::string> free_text_problem(std::string_view text, std::string_view field) {
  if (auto p = text_problem(text, kMaxTextLength, TextKind::free_text)) return fmt::format("{} {}", field, *p);
  return std::nullopt;
}

std::vector<FieldProblem> check_member(const MemberDraft& draft, const SectorRegistry& sectors, Date as_of,
                                       NewMember* out) {
  std::vector<FieldProblem> problems;
  NewMember m;

  m.name = is_valid_utf8(draft.name) ? trim(draft.name) : draft.name;
  if (auto p = name_problem(m.name))
    problems.push_back({"name", *p});
  else
    m.name_key = name_key(m.name);

  if (auto uscc = trim(draft.uscc); !uscc.empty()) {
    std::string reason;
    if (auto code = normalize_uscc(uscc, &reason))
      m.uscc = *code;
    else
      problems.push_back({"uscc", reason});
  }

  check_sectors(draft, sectors, m, problems);

  // No tier given: the default, member.
  auto tier = trim(draft.tier).empty() ? std::optional<Tier>(Tier::member) : parse_tier(draft.tier);
  if (tier)
    m.tier = *tier;
  else
    problems.push_back({"tier", unknown_tier_message(draft.tier)});

  struct Free {
    const std::string& text;
    std::string* target;
    const char* field;
  };
  for (Free f : {Free{draft.city, &m.city, "city"}, Free{draft.parent, &m.parent, "parent"},
                 Free{draft.note, &m.note, "note"}}) {
    *f.target = is_valid_utf8(f.text) ? trim(f.text) : f.text;
    bool note = f.field == std::string("note");
    if (auto p = text_problem(*f.target, note ? kMaxTextLength : kMaxNameLength,
                              note ? TextKind::free_text : TextKind::name)) {
      problems.push_back({f.field, fmt::format("{} {}", f.field, *p)});
    }
  }

  check_first_period(draft, as_of, m, problems);
  if (problems.empty() && out) *out = std::move(m);
  return problems;
}

}  // namespace roster
