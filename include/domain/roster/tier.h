#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roster {

/// A member's tier in the association, highest first.
enum class Tier { president, vice_president, council, member };

/// The stored and printed code: "president", "vice-president", "council", "member".
std::string_view tier_code(Tier tier);

/// The tier of a stored code ("vice-president"), exactly as tier_code()
/// writes it; nullopt for anything else (the schema's CHECK keeps others out).
std::optional<Tier> tier_from_code(std::string_view code);

/// The tier `text` names: the code or its English spelling in any case
/// ("Vice President"), or the Chinese forms secretariats write (会长,
/// 会长单位, 副会长, 常务副会长, 理事, 常务理事, 会员, 普通会员, each also with
/// 单位), compared after NFKC and case folding. nullopt for anything else,
/// the empty text included: the default tier is the caller's to apply.
/// The one parser of tiers: options, import cells and list filters.
std::optional<Tier> parse_tier(std::string_view text);

/// Every accepted spelling, tier by tier, for --help:
/// "president (会长, 会长单位), vice-president (…), …".
std::string tier_forms();

/// What shell completion offers for a tier: the four codes, then the four
/// names the association writes (会长单位, 副会长单位, 理事单位, 会员单位).
std::vector<std::string> tier_words();

/// "unknown tier 'boss'; use president, vice-president, council or member
/// (or 会长, 副会长, 理事, 会员)".
std::string unknown_tier_message(std::string_view text);

}  // namespace roster
