#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roster {

/// One pinyin syllable, read the way people type it: "Zhǎng", "zhang3",
/// "lü", "lv" and "lǘ" are all understood.
struct PinyinSyllable {
  std::string letters;  ///< lower-case ASCII, ü written v: "zhang", "lv"
  int tone = 0;         ///< 1-4, 5 for the neutral tone, 0 when none was given
  bool operator==(const PinyinSyllable&) const = default;
};

/// Reads one syllable: Latin letters (any case; ü or v for ü, ê for e), at
/// most one tone mark (ā á ǎ à) or one tone number 1-5 at its end. nullopt
/// for anything else. Does not check that the letters make a syllable (see
/// is_pinyin_syllable): it also reads ICU's own readings ("hm", "ń").
std::optional<PinyinSyllable> read_pinyin_syllable(std::string_view token);

/// True when `letters` (as in PinyinSyllable) is an initial (b p m f d t n
/// l g k h j q x zh ch sh r z c s y w, or none) followed by a final, or one
/// of the syllables without a vowel (m, n, ng, hm, hng). Catches typos and
/// syllables run together ("changsha"), not every impossible pair.
bool is_pinyin_syllable(std::string_view letters);

/// A member's pinyin sort key as given ("chang sha", "Cháng'shā",
/// "chang2 sha1"): syllables separated by white space or apostrophes.
/// Empty for a key with a problem; check it with sort_key_problem first.
std::vector<PinyinSyllable> parse_pinyin(std::string_view key);

/// What is wrong with `key` as the pinyin sort key of a member named `name`:
/// a character other than Latin letters, tone marks or numbers, spaces and
/// apostrophes; a word that is not one syllable; or more syllables than the
/// name has Chinese characters. nullopt for a good key and for "" (none).
std::optional<std::string> sort_key_problem(std::string_view key, std::string_view name);

/// True for a Han (Chinese) character: the CJK Unified Ideographs, their
/// extensions and the compatibility ideographs.
bool is_han(char32_t code_point);

/// How many Han characters valid UTF-8 `text` holds.
size_t han_count(std::string_view text);

/// `name` with its first Han characters replaced, in order, by
/// `replacements` (one each; an empty replacement keeps its character, and
/// replacements beyond the name's Han characters go unused). How a sort
/// key's readings stand in for the name's own.
std::string replace_han(std::string_view name, const std::vector<std::string>& replacements);

}  // namespace roster
