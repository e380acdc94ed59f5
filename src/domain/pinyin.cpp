// Pinyin as people type it, for a member's sort key: syllables, tones, and
// the Han characters of a name they stand for.
#include "roster/pinyin.h"

#include <utf8proc.h>

#include <array>
#include <vector>

#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {
namespace {

// Combining marks after NFD: the four tone marks, ü's diaeresis and ê's
// circumflex.
constexpr char32_t kMacron = 0x0304, kAcute = 0x0301, kCaron = 0x030C, kGrave = 0x0300;
constexpr char32_t kDiaeresis = 0x0308, kCircumflex = 0x0302;

constexpr std::array<std::string_view, 24> kInitials = {"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g",
                                                        "k",  "h",  "j",  "q", "x", "r", "z", "c", "s", "y", "w", ""};
constexpr std::array<std::string_view, 41> kFinals = {
    "a",   "o",   "e",  "i",   "u",   "v",  "ai",  "ei",   "ao", "ou", "an",  "en",   "ang",  "eng",
    "ong", "er",  "ia", "ie",  "iao", "iu", "iou", "ian",  "in", "io", "ing", "iang", "iong", "ua",
    "uo",  "uai", "ui", "uei", "uan", "un", "uen", "uang", "ue", "ve", "van", "vn",   "ueng"};
constexpr std::array<std::string_view, 5> kNoVowel = {"m", "n", "ng", "hm", "hng"};

// Calls `fn(code_point)` for each code point of valid UTF-8 `s`; false at
// the first malformed sequence.
template <typename Fn>
bool each_code_point(std::string_view s, Fn fn) {
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    fn(static_cast<char32_t>(cp), std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n)));
    p += n;
    left -= n;
  }
  return true;
}

bool is_separator(char32_t cp) {
  if (cp == '\'' || cp == 0x2019 || cp == 0x2018) return true;
  if (cp == ' ' || (cp >= 0x09 && cp <= 0x0d)) return true;
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat == UTF8PROC_CATEGORY_ZS;
}

// The words of a key: the runs between separators.
std::vector<std::string> words_of(std::string_view key) {
  std::vector<std::string> words(1);
  each_code_point(key, [&](char32_t cp, std::string_view bytes) {
    if (!is_separator(cp))
      words.back() += bytes;
    else if (!words.back().empty())
      words.emplace_back();
  });
  if (words.back().empty()) words.pop_back();
  return words;
}

// `cp` split into its base letter and marks (ü → u, U+0308); empty when it
// does not decompose into at most eight parts.
std::vector<char32_t> decomposed(char32_t cp) {
  utf8proc_int32_t parts[8];
  int last_boundclass = 0;
  auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), parts, 8, UTF8PROC_DECOMPOSE, &last_boundclass);
  if (n <= 0 || n > 8) return {};
  return std::vector<char32_t>(parts, parts + n);
}

// Adds code point `cp` (decomposed) to `s`; false if it cannot be part of
// a syllable.
bool add_code_point(char32_t cp, PinyinSyllable& s, int& tones) {
  auto parts = decomposed(cp);
  if (parts.empty()) return false;
  for (char32_t part : parts) {
    if (part >= 'A' && part <= 'Z') part += 'a' - 'A';
    if (part >= 'a' && part <= 'z') {
      s.letters += static_cast<char>(part);
    } else if (part == kDiaeresis && !s.letters.empty() && s.letters.back() == 'u') {
      s.letters.back() = 'v';
    } else if (part == kCircumflex && !s.letters.empty() && s.letters.back() == 'e') {
      // ê reads as e
    } else if (part == kMacron || part == kAcute || part == kCaron || part == kGrave) {
      s.tone = part == kMacron ? 1 : part == kAcute ? 2 : part == kCaron ? 3 : 4;
      ++tones;
    } else {
      return false;
    }
  }
  return true;
}

// True for the characters a key may hold besides separators: tone numbers,
// and Latin letters with or without the marks above.
bool allowed_char(char32_t cp) {
  if (cp >= '1' && cp <= '5') return true;
  auto parts = decomposed(cp);
  if (parts.empty()) return false;
  for (char32_t part : parts) {
    bool letter = (part >= 'a' && part <= 'z') || (part >= 'A' && part <= 'Z');
    bool mark = part == kMacron || part == kAcute || part == kCaron || part == kGrave || part == kDiaeresis ||
                part == kCircumflex;
    if (!letter && !mark) return false;
  }
  return true;
}

}  // namespace

std::optional<PinyinSyllable> read_pinyin_syllable(std::string_view token) {
  PinyinSyllable s;
  int tones = 0;
  bool ok = true, number_seen = false;
  bool valid = each_code_point(token, [&](char32_t cp, std::string_view) {
    if (!ok) return;
    if (number_seen) {
      ok = false;  // the tone number ends the syllable
    } else if (cp >= '1' && cp <= '5') {
      number_seen = true;
      s.tone = static_cast<int>(cp - '0');
      ++tones;
    } else {
      ok = add_code_point(cp, s, tones);
    }
  });
  if (!valid || !ok || tones > 1 || s.letters.empty()) return std::nullopt;
  return s;
}

bool is_pinyin_syllable(std::string_view letters) {
  for (auto whole : kNoVowel) {
    if (letters == whole) return true;
  }
  for (auto initial : kInitials) {
    if (!letters.starts_with(initial)) continue;
    auto rest = letters.substr(initial.size());
    for (auto final : kFinals) {
      if (rest == final) return true;
    }
  }
  return false;
}

std::vector<PinyinSyllable> parse_pinyin(std::string_view key) {
  std::vector<PinyinSyllable> syllables;
  for (const auto& word : words_of(key)) {
    auto s = read_pinyin_syllable(word);
    if (!s || !is_pinyin_syllable(s->letters)) return {};
    syllables.push_back(std::move(*s));
  }
  return syllables;
}

std::optional<std::string> sort_key_problem(std::string_view key, std::string_view name) {
  if (key.empty()) return std::nullopt;
  if (!is_valid_utf8(key)) return tr("pinyin is not valid UTF-8 text; type it again, e.g. 'chang sha'");
  auto words = words_of(key);
  for (const auto& word : words) {
    std::string bad;
    each_code_point(word, [&](char32_t cp, std::string_view bytes) {
      if (bad.empty() && !allowed_char(cp)) bad = escape_for_terminal(bytes);
    });
    if (!bad.empty()) {
      return trf(
          "pinyin '{0}': '{1}' is not allowed; write Latin letters with tone marks or tone numbers 1-5, "
          "one syllable per Chinese character, separated by spaces or apostrophes, e.g. 'chang sha'",
          escape_for_terminal(key), bad);
    }
    auto s = read_pinyin_syllable(word);
    if (!s || !is_pinyin_syllable(s->letters)) {
      return trf(
          "pinyin '{0}': '{1}' is not one pinyin syllable; write one syllable per Chinese character, separated "
          "by spaces or apostrophes, with at most one tone each, e.g. 'chang sha' or 'chang2 sha1'",
          escape_for_terminal(key), escape_for_terminal(word));
    }
  }
  size_t han = han_count(name);
  if (han == 0) {
    return trf("pinyin '{0}': the name has no Chinese characters to read; clear the pinyin ('')",
               escape_for_terminal(key));
  }
  if (words.size() > han) {
    return trfn(
        "pinyin '{0}' has {1} syllables but the name has only {2} Chinese character; give at most one syllable "
        "per Chinese character, from the start of the name",
        "pinyin '{0}' has {1} syllables but the name has only {2} Chinese characters; give at most one syllable "
        "per Chinese character, from the start of the name",
        han, escape_for_terminal(key), words.size(), han);
  }
  return std::nullopt;
}

bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F) || (cp >= 0x30000 && cp <= 0x323AF);
}

size_t han_count(std::string_view text) {
  size_t n = 0;
  each_code_point(text, [&](char32_t cp, std::string_view) { n += is_han(cp) ? 1 : 0; });
  return n;
}

std::string replace_han(std::string_view name, const std::vector<std::string>& replacements) {
  std::string out;
  out.reserve(name.size());
  size_t next = 0;
  each_code_point(name, [&](char32_t cp, std::string_view bytes) {
    bool replaced = is_han(cp) && next < replacements.size() && !replacements[next].empty();
    if (is_han(cp)) ++next;
    out += replaced ? std::string_view(replacements[next - 1]) : bytes;
  });
  return out;
}

}  // namespace roster
