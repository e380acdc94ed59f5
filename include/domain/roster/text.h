#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roster {

/// True when `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

/// Number of Unicode code points in valid UTF-8.
size_t code_point_count(std::string_view s);

/// The length in bytes (1–4) of the UTF-8 sequence that starts with `lead`.
size_t utf8_sequence_length(char lead);

/// True when `s` holds a control character (Unicode category Cc: C0, DEL, C1).
bool has_control_char(std::string_view s);

/// True for the characters that reorder or hide text without being seen: bidi
/// controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and
/// zero-width characters (U+200B–U+200D, U+2060, U+FEFF). Two names that differ
/// only by one look the same; on a terminal one can show text out of order.
bool is_invisible_control(char32_t code_point);

/// The first invisible control (see is_invisible_control) in valid UTF-8 `s`,
/// as its UTF-8 bytes, or nullopt when there is none.
std::optional<std::string> first_invisible_control(std::string_view s);

/// `s` made safe to show on a terminal: control characters (C0 such as ESC,
/// BEL, CR, LF and TAB; DEL; C1), invisible controls and bytes that are not
/// UTF-8 become visible escapes (`\x1b`, `\u009b`, `\u202e`, `\xff`); every
/// other character, Chinese included, passes unchanged. The one rule every
/// human-facing writer applies to a stored or typed value (docs/usage.md);
/// data formats (csv, tsv, json) keep values exactly. Apply it to values, not
/// to whole documents, whose line breaks are meant. Idempotent.
std::string escape_for_terminal(std::string_view s);

/// Removes leading and trailing white space, Unicode's included (U+3000).
std::string trim(std::string_view s);

/// True for a non-empty run of ASCII digits 0-9 and nothing else.
bool all_ascii_digits(std::string_view s);

/// The value of all_ascii_digits() text of at most 9 digits.
int digits_value(std::string_view digits);

/// "a; b、c，,d" -> {"a", "b", "c", "d"}: a list of sectors as people write
/// it, separated by ';' or ',' or the full-width '；' '，' and the enumeration
/// comma '、'; each item trimmed, empty items dropped. Also reads the stored
/// ';'-joined sector codes.
std::vector<std::string> split_list(std::string_view text);

/// True when `text` holds one of split_list's separators (a sector name
/// that did could never be named in a list).
bool has_list_separator(std::string_view text);

/// Levenshtein distance between `a` and `b` counted in code points (so 医药
/// and 医疗 are 1 apart), for "did you mean" suggestions.
size_t edit_distance(std::string_view a, std::string_view b);

/// The key two names are compared by: NFKC, case folding, white-space runs
/// folded to one space and trimmed. Full-width （杭州） and (杭州) share a key.
/// `s` must be valid UTF-8.
std::string name_key(std::string_view s);

/// Columns `s` takes in a terminal: East Asian wide characters count two,
/// combining marks none.
size_t display_width(std::string_view s);

/// `s` padded with spaces on the right to `width` display columns.
std::string pad_right(std::string_view s, size_t width);
/// `s` padded with spaces on the left to `width` display columns.
std::string pad_left(std::string_view s, size_t width);

}  // namespace roster
