#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Money, exact: a count of fen (1 yuan = 100 fen) in an int64_t, never a
// floating-point number. Stored as fen, shown as yuan with two decimals.
namespace roster {

/// An amount in fen. 10,000 yuan is 1'000'000.
using Fen = int64_t;

/// The largest amount roster takes: 10^12 fen (ten billion yuan), far above
/// any dues, so sums of many amounts never overflow.
inline constexpr Fen kMaxFen = 1'000'000'000'000;

/// Why parse_yuan refused a text.
enum class MoneyRefusal { empty, not_a_number, too_many_decimals, negative, too_large };

/// Reads an amount of yuan as staff type it: `10000`, `10,000`, `10000.5`,
/// `10000.50`, `¥10,000.00`, `￥3000`, `3000元`, `3,000.00 元`, full-width
/// digits, spaces around. At most two decimals (fen); commas only between
/// groups of three digits. Negative amounts are refused. nullopt and
/// `why` set for anything else.
std::optional<Fen> parse_yuan(std::string_view text, MoneyRefusal* why = nullptr);

/// The one-line wording of a refusal: "--amount '12.345' has more than two
/// decimals; give yuan with at most two, e.g. 3000 or 3000.50".
std::string money_refusal_message(std::string_view what, std::string_view text, MoneyRefusal why);

/// Yuan with two decimals and thousands separated by commas: 1'000'000 fen
/// → "10,000.00", 5 → "0.05", -150 → "-1.50". For people (table, text,
/// markdown); data formats carry the fen as an integer.
std::string format_yuan(Fen fen);

/// Yuan with two decimals and no separators ("10000.00"), for csv and tsv
/// cells a spreadsheet reads as a number.
std::string plain_yuan(Fen fen);

/// `fen` × percent ÷ 100, rounded half up to a whole fen (for proration:
/// 50 % of 3,000.01 yuan is 1,500.01 yuan). percent in 0..100.
Fen percent_of(Fen fen, int percent);

}  // namespace roster
