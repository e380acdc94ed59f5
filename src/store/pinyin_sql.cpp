// The `pinyin` collation and pinyin_name(), on ICU.
#include "pinyin_sql.h"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>
#include <unicode/coll.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstring>
#include <map>
#include <memory>
#include <vector>

#include "roster/pinyin.h"

namespace roster {
namespace {

// Created once, on first use; nullptr if ICU lacks the zh data (then names
// sort by their bytes rather than not at all).
const icu::Collator* zh_collator() {
  static const std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> made(icu::Collator::createInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  return collator.get();
}

int compare_pinyin(void*, int size_a, const void* a, int size_b, const void* b) {
  UErrorCode status = U_ZERO_ERROR;
  if (const icu::Collator* collator = zh_collator()) {
    auto order = collator->compareUTF8(icu::StringPiece(static_cast<const char*>(a), size_a),
                                       icu::StringPiece(static_cast<const char*>(b), size_b), status);
    if (U_SUCCESS(status)) return order;
  }
  int common = std::memcmp(a, b, static_cast<size_t>(std::min(size_a, size_b)));
  return common != 0 ? common : size_a - size_b;
}

// Syllable -> the Han character (UTF-8) that stands for it: "zhang" (any
// tone) and "zhang3" (third tone; 5 is neutral) each map to the character
// the zh collator sorts first among those ICU reads so. ICU's zh collation
// orders Han characters by the same readings that its Han-Latin
// transliterator gives (syllable, then tone), so that character opens the
// syllable's group. Built on first use, from the CJK Unified Ideographs
// U+4E00..U+9FFF: a few tenths of a second, paid only when a sort key is.
using Readings = std::map<std::string, std::string, std::less<>>;

Readings build_readings() {
  Readings first;
  const icu::Collator* collator = zh_collator();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> han_latin(
      icu::Transliterator::createInstance("Han-Latin", UTRANS_FORWARD, status));
  if (!collator || U_FAILURE(status)) return first;
  constexpr UChar32 kFirst = 0x4E00, kLast = 0x9FFF;
  icu::UnicodeString text;
  for (UChar32 c = kFirst; c <= kLast; ++c) text.append(c).append(u'\n');
  han_latin->transliterate(text);  // one reading per line, e.g. "zhǎng"
  std::string lines;
  text.toUTF8String(lines);
  std::map<std::string, std::string> best_key;  // syllable -> sort key of its character so far
  size_t start = 0;
  for (UChar32 c = kFirst; c <= kLast && start < lines.size(); ++c) {
    size_t end = lines.find('\n', start);
    if (end == std::string::npos) break;
    auto reading = read_pinyin_syllable(std::string_view(lines).substr(start, end - start));
    start = end + 1;
    if (!reading) continue;  // no reading (the character came back as it was)
    icu::UnicodeString han(c);
    std::string sort_key(32, '\0');
    for (int32_t size = 0; (size = collator->getSortKey(han, reinterpret_cast<uint8_t*>(sort_key.data()),
                                                        static_cast<int32_t>(sort_key.size()))) != 0;) {
      bool fits = static_cast<size_t>(size) <= sort_key.size();
      sort_key.resize(static_cast<size_t>(size));
      if (fits) break;
    }
    std::string utf8;
    han.toUTF8String(utf8);
    int tone = reading->tone == 0 ? 5 : reading->tone;
    for (std::string syllable : {reading->letters, reading->letters + std::to_string(tone)}) {
      auto [it, fresh] = best_key.emplace(syllable, sort_key);
      if (fresh || sort_key < it->second) {
        it->second = sort_key;
        first[syllable] = utf8;
      }
    }
  }
  return first;
}

// The character for syllable `s`: its tone's, else any tone's; for a syllable
// no character is read with, the first of the syllables after it in
// alphabetical order (where it would come); "" keeps the name's own.
std::string stand_in(const PinyinSyllable& s) {
  static const Readings readings = build_readings();
  if (s.tone != 0) {
    if (auto it = readings.find(s.letters + std::to_string(s.tone)); it != readings.end()) return it->second;
  }
  auto it = readings.lower_bound(s.letters);
  return it == readings.end() ? "" : it->second;
}

void sql_pinyin_name(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto* key = reinterpret_cast<const char*>(sqlite3_value_text(argv[1]));
  if (!key || *key == '\0') {  // most names: sorted as they are
    sqlite3_result_value(ctx, argv[0]);
    return;
  }
  const auto* name = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  if (!name) {
    sqlite3_result_null(ctx);
    return;
  }
  try {
    std::string sorted = pinyin_sort_name(name, key);
    sqlite3_result_text(ctx, sorted.c_str(), static_cast<int>(sorted.size()), SQLITE_TRANSIENT);
  } catch (const std::exception& e) {
    sqlite3_result_error(ctx, e.what(), -1);
  }
}

}  // namespace

std::string pinyin_sort_name(std::string_view name, std::string_view sort_key) {
  std::vector<PinyinSyllable> syllables = parse_pinyin(sort_key);
  if (syllables.empty()) return std::string(name);
  std::vector<std::string> characters;
  for (const auto& s : syllables) characters.push_back(stand_in(s));
  return replace_han(name, characters);
}

void register_pinyin(SQLite::Database& db) {
  sqlite3_create_collation_v2(db.getHandle(), "pinyin", SQLITE_UTF8, nullptr, compare_pinyin, nullptr);
  sqlite3_create_function_v2(db.getHandle(), "pinyin_name", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                             sql_pinyin_name, nullptr, nullptr, nullptr);
}

}  // namespace roster
