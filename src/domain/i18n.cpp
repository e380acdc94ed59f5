#include "roster/i18n.h"

#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <string>

namespace roster {
namespace {

constexpr const char* kDomain = "roster";
Language g_language = Language::en;

}  // namespace

std::optional<Language> parse_language(std::string_view code) {
  if (code == "en") return Language::en;
  if (code == "zh") return Language::zh;
  return std::nullopt;
}

std::string_view language_code(Language language) {
  return language == Language::zh ? "zh" : "en";
}

Language language_from_locale_environment() {
  for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (!value || !*value) continue;
    return std::string_view(value).starts_with("zh") ? Language::zh : Language::en;
  }
  return Language::en;
}

void set_language(Language language, const std::filesystem::path& catalog_dir) {
  g_language = language;
  if (language == Language::en) return;
  // gettext ignores LANGUAGE under the C locale, and a zh_CN locale may not be
  // generated (Debian's default has only C and C.UTF-8): C.UTF-8 is built
  // into glibc, and LANGUAGE then picks the catalog. Only LC_MESSAGES changes,
  // so parsing and collation stay as they were.
  if (!std::setlocale(LC_MESSAGES, "C.UTF-8")) std::setlocale(LC_MESSAGES, "zh_CN.UTF-8");
  setenv("LANGUAGE", "zh_CN", 1);
  bindtextdomain(kDomain, catalog_dir.c_str());
  bind_textdomain_codeset(kDomain, "UTF-8");
}

Language current_language() {
  return g_language;
}

std::filesystem::path catalog_dir_for(const std::filesystem::path& exe) {
  std::filesystem::path dir = exe.parent_path();
  std::error_code ec;
  if (std::filesystem::is_directory(dir / "locale", ec)) return dir / "locale";
  return dir.parent_path() / "share" / "locale";
}

const char* tr(const char* msgid) {
  return g_language == Language::en ? msgid : dgettext(kDomain, msgid);
}

const char* trc(const char* context, const char* msgid) {
  if (g_language == Language::en) return msgid;
  // gettext keys a context as "CONTEXT\004MSGID"; the key must outlive the
  // call only when it comes back untranslated, and then msgid is returned.
  std::string key = std::string(context) + '\004' + msgid;
  const char* found = dgettext(kDomain, key.c_str());
  return found == key.c_str() ? msgid : found;
}

const char* trn(const char* one, const char* many, unsigned long n) {
  if (g_language == Language::en) return n == 1 ? one : many;
  return dngettext(kDomain, one, many, n);
}

}  // namespace roster
