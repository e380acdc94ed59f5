#include "roster/labels.h"

#include <fmt/core.h>

#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {

std::string tier_label(Tier tier) {
  if (current_language() == Language::en) return std::string(tier_code(tier));
  switch (tier) {
    case Tier::president:
      return tr("president");
    case Tier::vice_president:
      return tr("vice-president");
    case Tier::council:
      return tr("council");
    case Tier::member:
      return trc("tier", "member");
  }
  return std::string(tier_code(tier));
}

std::string status_label(GoalStatus status) {
  // English shows the status code, as the json does; Chinese its word.
  switch (status) {
    case GoalStatus::reached:
      return tr(N_("reached"));
    case GoalStatus::on_track:
      return tr(N_("on-track"));
    case GoalStatus::behind:
      return tr(N_("behind"));
    case GoalStatus::missed:
      return tr(N_("missed"));
    case GoalStatus::not_started:
      return tr(N_("not-started"));
  }
  return status_name(status);
}

std::string history_kind_label(const std::string& kind) {
  if (current_language() == Language::en) return kind;
  static const char* kKinds[] = {
      N_("init"),          N_("goal.set"),      N_("language.set"),     N_("member.add"),        N_("member.edit"),
      N_("member.leave"),  N_("member.purge"),  N_("member.rejoin"),    N_("schema.migrate"),    N_("sector.add"),
      N_("sector.edit"),   N_("sector.merge"),  N_("sector.remove"),    N_("prospect.add"),      N_("prospect.edit"),
      N_("prospect.move"), N_("prospect.drop"), N_("prospect.convert"), N_("stage.probability"), N_("dues.policy"),
      N_("dues.schedule"), N_("dues.bill"),     N_("dues.pay"),         N_("dues.waive"),        N_("dues.defer")};
  for (const char* known : kKinds) {
    if (kind == known) return tr(known);
  }
  return kind;
}

std::string sector_label(const Sector& sector) {
  return current_language() == Language::zh && !sector.name_zh.empty() ? sector.name_zh : sector.name_en;
}

std::string sector_codes_label(const std::vector<std::string>& codes, const std::vector<Sector>& registry) {
  if (current_language() == Language::en) return join_codes(codes);
  std::string text;
  for (const auto& code : codes) {
    std::string shown = code;
    for (const auto& s : registry) {
      if (s.code == code) shown = sector_label(s);
    }
    text += (text.empty() ? "" : "、") + shown;
  }
  return text;
}

std::string date_label(Date date) {
  if (current_language() == Language::en) return date.iso();
  return fmt::format("{}年{}月{}日", date.year(), date.month(), date.day());
}

std::string day_label(Date date) {
  if (current_language() == Language::en) return date.iso().substr(5);
  return fmt::format("{}月{}日", date.month(), date.day());
}

std::string month_label(Date date) {
  if (current_language() == Language::en) return date.iso().substr(0, 7);
  return fmt::format("{}年{}月", date.year(), date.month());
}

std::string week_label(int iso_year, int week) {
  if (current_language() == Language::en) return fmt::format("{}-W{:02}", iso_year, week);
  return fmt::format("{}年第{}周", iso_year, week);
}

Glyphs glyphs(bool ascii) {
  if (ascii) return {"#", ".", "|", "-", "...", "*"};
  return {"█", "░", "│", "—", "…", "·"};
}

std::string pad_label(const std::string& label, size_t width) {
  return pad_right(label, width);
}

}  // namespace roster
