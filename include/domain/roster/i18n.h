#pragma once

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

// Human-facing text goes through GNU gettext's catalog (po/zh_CN.po); data
// formats (csv, tsv, json, jsonl) never do. Each literal a person reads is
// written tr("…"), trf("… {0} …", args), trn(one, many, n) or trc(context,
// "…"), so `xgettext` (the roster_pot target) finds it; a literal kept in a
// table and translated later is marked N_("…"). Arguments are positional
// ({0}, {1}) so a translation can reorder them. scripts/check-i18n.py fails the
// suite on a human-facing literal that bypasses these.
#define N_(text) text

namespace roster {

enum class Language { en, zh };

/// "en" or "zh", as --lang, ROSTER_LANG and `roster language` take them.
std::optional<Language> parse_language(std::string_view code);
std::string_view language_code(Language language);

/// The language a locale environment asks for: the first of LANGUAGE,
/// LC_ALL, LC_MESSAGES and LANG that is set decides; zh_* means Chinese,
/// anything else (C, C.UTF-8, en_US…) English.
Language language_from_locale_environment();

/// Chooses the language of every later tr(); `catalog_dir` holds
/// zh_CN/LC_MESSAGES/roster.mo. Works whatever locales the machine has
/// generated: the catalog is opened under C.UTF-8 with LANGUAGE set.
void set_language(Language language, const std::filesystem::path& catalog_dir);
Language current_language();

/// The catalog folder for a binary at `exe`: `locale/` beside it (the build
/// tree), else `../share/locale` (an installed prefix).
std::filesystem::path catalog_dir_for(const std::filesystem::path& exe);

/// The translation of `msgid`, or msgid itself in English or when the
/// catalog lacks it. The result lives as long as the process.
const char* tr(const char* msgid);
/// The translation of `msgid` in `context` (gettext's pgettext): for words
/// that translate differently by use, e.g. trc("tier", "member").
const char* trc(const char* context, const char* msgid);
/// The singular or plural form for `n` (gettext's ngettext).
const char* trn(const char* one, const char* many, unsigned long n);

/// fmt::format of the translated pattern.
template <typename... Args>
std::string trf(const char* pattern, Args&&... args) {
  return fmt::format(fmt::runtime(tr(pattern)), std::forward<Args>(args)...);
}
/// fmt::format of the translated singular or plural pattern for `n`.
template <typename... Args>
std::string trfn(const char* one, const char* many, unsigned long n, Args&&... args) {
  return fmt::format(fmt::runtime(trn(one, many, n)), std::forward<Args>(args)...);
}

}  // namespace roster
