#pragma once

#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/road.h"
#include "roster/sectors.h"
#include "roster/tier.h"

// How values are shown to people, in the language chosen (roster/i18n.h).
// Data formats never use these: they write codes and ISO dates.
namespace roster {

/// "council" in English (the code, as typed), "理事单位" in Chinese.
std::string tier_label(Tier tier);
/// "behind", "on track", … ("落后于计划" in Chinese).
std::string status_label(GoalStatus status);
/// A history entry's kind for people: the code in English ("member.add"),
/// words in Chinese ("新增会员"); an unknown kind as is.
std::string history_kind_label(const std::string& kind);
/// The sector's English or Chinese name.
std::string sector_label(const Sector& sector);
/// A member's sector codes for a table: the codes joined by ';' in English
/// (as typed), the Chinese names joined by '、' in Chinese; a code the
/// registry lacks is shown as is.
std::string sector_codes_label(const std::vector<std::string>& codes, const std::vector<Sector>& registry);

/// A day: "2024-07-15" in English, "2024年7月15日" in Chinese.
std::string date_label(Date date);
/// A day without its year: "07-15" in English, "7月15日" in Chinese.
std::string day_label(Date date);
/// A month: "2031-08" in English, "2031年8月" in Chinese.
std::string month_label(Date date);
/// An ISO week: "2024-W10" in English, "2024年第10周" in Chinese.
std::string week_label(int iso_year, int week);

/// The glyphs of aligned output: Unicode blocks, or ASCII under --ascii.
struct Glyphs {
  const char* full;   ///< a filled bar cell: █ or #
  const char* empty;  ///< an empty bar cell: ░ or .
  const char* mark;   ///< the plan's mark on a chart row: │ or |
  const char* dash;   ///< between a title and its subject: — or -
  const char* more;   ///< a list cut short: … or ...
  const char* dot;    ///< between two facts on a line: · or *
};
Glyphs glyphs(bool ascii);

/// `label` padded with spaces to `width` display columns (CJK counts two).
std::string pad_label(const std::string& label, size_t width);

}  // namespace roster
