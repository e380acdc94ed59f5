#include "roster/text.h"

#include <fmt/core.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <vector>

namespace roster {
namespace {

// Calls `fn(code_point)` for each code point of valid UTF-8 `s`; returns false
// at the first malformed sequence.
template <typename Fn>
bool for_each_code_point(std::string_view s, Fn fn) {
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    fn(cp);
    p += n;
    left -= n;
  }
  return true;
}

bool is_space(utf8proc_int32_t cp) {
  if (cp == ' ' || (cp >= 0x09 && cp <= 0x0d)) return true;
  auto cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

std::string encode(utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(cp, buf);
  return std::string(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
}

// The byte length of the list separator starting at text[i], or 0: ';' ','
// and the full-width '；' '，' and '、'. A UTF-8 character never holds another's
// bytes, so a byte-wise match is a character match.
size_t separator_at(std::string_view text, size_t i) {
  char c = text[i];
  if (c == ';' || c == ',') return 1;
  if (c != '\xEF' && c != '\xE3') return 0;  // the lead bytes of the wide ones: keep the common path short
  for (std::string_view sep : {"；", "，", "、"}) {
    if (text.substr(i, sep.size()) == sep) return sep.size();
  }
  return 0;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  // The well-formed byte sequences of the Unicode standard (table 3-7): no
  // overlong forms, no surrogates, nothing past U+10FFFF. ASCII, most of
  // any text, takes one comparison a byte.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  auto tail = [&](const unsigned char* at, unsigned char lo, unsigned char hi) {
    return at < end && *at >= lo && *at <= hi;
  };
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
    } else if (c >= 0xc2 && c <= 0xdf) {
      if (!tail(p + 1, 0x80, 0xbf)) return false;
      p += 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      unsigned char lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
      if (!tail(p + 1, lo, hi) || !tail(p + 2, 0x80, 0xbf)) return false;
      p += 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
      unsigned char lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
      if (!tail(p + 1, lo, hi) || !tail(p + 2, 0x80, 0xbf) || !tail(p + 3, 0x80, 0xbf)) return false;
      p += 4;
    } else {
      return false;
    }
  }
  return true;
}

size_t code_point_count(std::string_view s) {
  size_t n = 0;
  for_each_code_point(s, [&](utf8proc_int32_t) { ++n; });
  return n;
}

size_t utf8_sequence_length(char lead) {
  auto c = static_cast<unsigned char>(lead);
  return c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
}

bool has_control_char(std::string_view s) {
  bool found = false;
  for_each_code_point(s, [&](utf8proc_int32_t cp) {
    if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CC) found = true;
  });
  return found;
}

bool is_invisible_control(char32_t cp) {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f ||
         cp == 0x061c || (cp >= 0x200b && cp <= 0x200d) || cp == 0x2060 || cp == 0xfeff;
}

std::optional<std::string> first_invisible_control(std::string_view s) {
  std::optional<std::string> found;
  for_each_code_point(s, [&](utf8proc_int32_t cp) {
    if (!found && is_invisible_control(static_cast<char32_t>(cp))) found = encode(cp);
  });
  return found;
}

std::string escape_for_terminal(std::string_view s) {
  // Most values are plain printable ASCII: copy them without decoding.
  if (std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f; })) return std::string(s);
  std::string out;
  out.reserve(s.size());
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  size_t offset = 0;
  while (offset < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(p + offset, static_cast<utf8proc_ssize_t>(s.size() - offset), &cp);
    if (n <= 0) {  // not UTF-8: show the one byte and go on with the next
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(p[offset]));
      ++offset;
      continue;
    }
    if (cp < 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_CC) {
      out += fmt::format("\\x{:02x}", cp);
    } else if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CC || is_invisible_control(static_cast<char32_t>(cp))) {
      out += fmt::format("\\u{:04x}", cp);
    } else {
      out.append(s.substr(offset, static_cast<size_t>(n)));
    }
    offset += static_cast<size_t>(n);
  }
  return out;
}

bool all_ascii_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int digits_value(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

namespace {

// Whether `s` begins and ends with a code point that is not a space: then
// trim gives `s` back as it is, whether the rest is UTF-8 or not (most
// fields, which are looked at no further).
bool text_at_both_ends(std::string_view s) {
  if (s.empty()) return false;
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_int32_t first = 0, last = 0;
  if (utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(s.size()), &first) <= 0 || is_space(first)) return false;
  size_t start = s.size() - 1;
  while (start > 0 && s.size() - start < 4 && (static_cast<unsigned char>(s[start]) & 0xc0) == 0x80) --start;
  auto n = utf8proc_iterate(p + start, static_cast<utf8proc_ssize_t>(s.size() - start), &last);
  return n == static_cast<utf8proc_ssize_t>(s.size() - start) && !is_space(last);
}

}  // namespace

std::string trim(std::string_view s) {
  if (text_at_both_ends(s)) return std::string(s);
  // Walk code points, remembering the byte span from the first to the last
  // non-space one.
  size_t begin = std::string_view::npos, end = 0, offset = 0;
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  while (offset < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(p + offset, static_cast<utf8proc_ssize_t>(s.size() - offset), &cp);
    if (n <= 0) return std::string(s);  // not UTF-8: leave for the validator to report
    if (!is_space(cp)) {
      if (begin == std::string_view::npos) begin = offset;
      end = offset + static_cast<size_t>(n);
    }
    offset += static_cast<size_t>(n);
  }
  if (begin == std::string_view::npos) return {};
  return std::string(s.substr(begin, end - begin));
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  size_t start = 0, i = 0;
  while (i <= text.size()) {
    size_t length = i < text.size() ? separator_at(text, i) : 1;
    if (length == 0) {
      ++i;
      continue;
    }
    if (auto item = trim(text.substr(start, i - start)); !item.empty()) items.push_back(item);
    i += length;
    start = i;
  }
  return items;
}

bool has_list_separator(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (separator_at(text, i) > 0) return true;
  }
  return false;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<utf8proc_int32_t> x, y;
  for_each_code_point(a, [&](utf8proc_int32_t cp) { x.push_back(cp); });
  for_each_code_point(b, [&](utf8proc_int32_t cp) { y.push_back(cp); });
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

// The key of a name made only of printable ASCII other than space, its
// full-width forms (U+FF01-U+FF5E) and CJK unified ideographs (U+4E00-U+9FFF)
// -- most names: what NFKC and case folding make of it, without utf8proc.
// NFKC maps a full-width form to its ASCII character and leaves the
// ideographs alone; none of these characters composes with another. Nothing
// for any other text, which takes the general path.
namespace {

std::optional<std::string> plain_name_key(std::string_view s) {
  std::string key;
  key.reserve(s.size());
  auto lower = [](unsigned c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); };
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x21 && c <= 0x7e) {
      key.push_back(lower(c));
      ++i;
      continue;
    }
    if ((c & 0xf0) != 0xe0 || s.size() - i < 3) return std::nullopt;
    auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xc0) != 0x80 || (b2 & 0xc0) != 0x80) return std::nullopt;
    unsigned cp = ((c & 0x0fu) << 12) | ((b1 & 0x3fu) << 6) | (b2 & 0x3fu);
    if (cp >= 0x4e00 && cp <= 0x9fff) {
      key.append(s.substr(i, 3));
    } else if (cp >= 0xff01 && cp <= 0xff5e) {
      key.push_back(lower(cp - 0xfee0));
    } else {
      return std::nullopt;
    }
    i += 3;
  }
  return key;
}

}  // namespace

std::string name_key(std::string_view s) {
  if (auto key = plain_name_key(s)) return *std::move(key);
  utf8proc_uint8_t* mapped = nullptr;
  auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                        &mapped, options);
  if (n < 0) return std::string(s);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(mapped, &std::free);
  std::string_view folded(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));

  std::string key;
  key.reserve(folded.size());
  bool pending_space = false;
  for_each_code_point(folded, [&](utf8proc_int32_t cp) {
    if (is_space(cp)) {
      pending_space = !key.empty();
      return;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    key += encode(cp);
  });
  return key;
}

size_t display_width(std::string_view s) {
  size_t width = 0;
  bool ok = for_each_code_point(s, [&](utf8proc_int32_t cp) {
    int w = utf8proc_charwidth(cp);
    if (w > 0) width += static_cast<size_t>(w);
  });
  return ok ? width : s.size();
}

std::string pad_right(std::string_view s, size_t width) {
  size_t w = display_width(s);
  std::string out(s);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string pad_left(std::string_view s, size_t width) {
  size_t w = display_width(s);
  std::string out;
  if (w < width) out.append(width - w, ' ');
  out += s;
  return out;
}

}  // namespace roster
