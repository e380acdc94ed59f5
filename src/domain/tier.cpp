// Tiers and the ways people write them.
#include "roster/tier.h"

#include <fmt/core.h>

#include <utility>
#include <vector>

#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {
namespace {

struct TierForms {
  Tier tier;
  const char* code;
  /// The name on the association's own papers (会长单位), one of `forms`.
  const char* name_zh;
  /// Other spellings, compared by name_key; the code itself always counts.
  std::initializer_list<const char*> forms;
};

// 常务理事 (standing council member) sits on the council, and 常务副会长
// (executive vice-president) is a vice-president: roster has four tiers.
const TierForms kTiers[] = {
    {Tier::president, "president", "会长单位", {"会长", "会长单位"}},
    {Tier::vice_president,
     "vice-president",
     "副会长单位",
     // i18n: data (a spelling people type)
     {"vice president", "vice_president", "副会长", "副会长单位", "常务副会长", "常务副会长单位"}},
    {Tier::council, "council", "理事单位", {"理事", "理事单位", "常务理事", "常务理事单位"}},
    {Tier::member, "member", "会员单位", {"会员", "会员单位", "普通会员", "普通会员单位"}},
};

}  // namespace

std::string_view tier_code(Tier tier) {
  for (const auto& t : kTiers) {
    if (t.tier == tier) return t.code;
  }
  return "member";
}

std::optional<Tier> tier_from_code(std::string_view code) {
  for (const auto& t : kTiers) {
    if (t.code == code) return t.tier;
  }
  return std::nullopt;
}

std::optional<Tier> parse_tier(std::string_view text) {
  // Folded once: import asks for every row.
  static const auto keys = [] {
    std::vector<std::pair<std::string, Tier>> keys;
    for (const auto& t : kTiers) {
      keys.emplace_back(t.code, t.tier);
      for (const char* form : t.forms) keys.emplace_back(name_key(form), t.tier);
    }
    return keys;
  }();
  std::string key = name_key(trim(text));
  for (const auto& [form, tier] : keys) {
    if (key == form) return tier;
  }
  return std::nullopt;
}

std::string tier_forms() {
  std::string text;
  for (const auto& t : kTiers) {
    std::string forms;
    for (const char* form : t.forms) {
      if (std::string_view(form).find_first_of("_ ") != std::string_view::npos) continue;  // English variants
      forms += (forms.empty() ? "" : ", ") + std::string(form);
    }
    text += fmt::format("{}{} ({})", text.empty() ? "" : ", ", t.code, forms);
  }
  return text;
}

std::vector<std::string> tier_words() {
  std::vector<std::string> words;
  for (const auto& t : kTiers) words.emplace_back(t.code);
  for (const auto& t : kTiers) words.emplace_back(t.name_zh);
  return words;
}

std::string unknown_tier_message(std::string_view text) {
  return trf("unknown tier '{0}'; use president, vice-president, council or member (or 会长, 副会长, 理事, 会员)",
             trim(text));
}

}  // namespace roster
