#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roster/member.h"
#include "roster/sectors.h"
#include "roster/tier.h"

namespace roster {

/// What is wrong with one field.
struct FieldProblem {
  std::string field;   ///< column name, e.g. "uscc"
  std::string reason;  ///< e.g. "USCC must be 18 characters, got 17"
};

/// Applies every per-member rule (docs/usage.md) to `draft`: name, USCC, sectors,
/// dates (real, then the period rules of membership_rules.h: not after
/// `as_of`, left after joined, a reason only with a left date), tier and the
/// free-text fields. On success fills `out` and returns no problems. Duplicates against
/// stored members are the store's to check.
std::vector<FieldProblem> check_member(const MemberDraft& draft, const SectorRegistry& sectors, Date as_of,
                                       NewMember* out);

/// Resolves sectors as typed (codes, names or aliases; a value may itself be
/// a list, "医疗、教育") into codes, the first given first, each once; each
/// unknown one adds a "sectors" problem. Members and prospects alike.
std::vector<std::string> resolve_sectors(const std::vector<std::string>& values, const SectorRegistry& sectors,
                                         std::vector<FieldProblem>& problems);

/// The word a message uses for a member's field (a column name such as
/// "city"): the name itself in English, its glossary word in Chinese.
std::string field_word(std::string_view field);

/// The words for the date in field "joined" or "left" ("joined date"), as
/// date_refusal_message takes them.
std::string date_field_word(std::string_view field);

/// Problems with a free-text field such as a note or a leaving reason: bad
/// UTF-8, control characters, over 2000 characters. Names the field.
std::optional<std::string> free_text_problem(std::string_view text, std::string_view field);

/// Problems with a member's name alone: empty, over 200 characters, bad UTF-8,
/// control characters, or an invisible bidi or zero-width mark (which would
/// make a second name that looks like the first). City and parent follow the
/// same rules; a note or a reason may hold invisible marks (shown escaped).
std::optional<std::string> name_problem(std::string_view trimmed_name);

/// Problems with a phone number as check_member takes it (trimmed, full-width
/// forms already folded by fold_phone): only digits, spaces, '-', '+', '('
/// and ')', and at least five digits ("0571-8888 6666", "+86 138 0000 0000").
/// Empty is fine: a member need not have one.
std::optional<std::string> phone_problem(std::string_view phone);

/// `phone` with the full-width digits, signs, parentheses and spaces a
/// Chinese input method types (０５７１－８８８８) made ASCII, and trimmed.
std::string fold_phone(std::string_view phone);

/// Problems with an email address (trimmed): one '@' with text on both
/// sides, a dot inside the part after it, no spaces. Deliberately loose: a
/// typo is caught, a real address is never refused. Empty is fine.
std::optional<std::string> email_problem(std::string_view email);

/// Problems with the association's name (`init --association`, `goal set
/// --association`): the rules of a member's name.
std::optional<std::string> association_name_problem(std::string_view trimmed_name);

}  // namespace roster
