#include "roster/money.h"

#include <fmt/core.h>

#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {
namespace {

// Takes `mark` off the front or back of `t` (after trimming), if there.
void strip(std::string& t, std::string_view mark, bool front) {
  t = trim(t);
  if (front && t.starts_with(mark)) t.erase(0, mark.size());
  if (!front && t.ends_with(mark)) t.erase(t.size() - mark.size());
  t = trim(t);
}

// The whole-yuan digits of `digits` with any commas checked and removed:
// "10,000" → "10000"; "" when a comma is out of place ("1,00", ",100").
std::string without_group_commas(std::string_view digits) {
  if (digits.find(',') == std::string_view::npos) return std::string(digits);
  std::string out;
  size_t group = 0;
  bool first = true;
  for (size_t i = 0; i <= digits.size(); ++i) {
    if (i == digits.size() || digits[i] == ',') {
      if (group == 0 || group > 3 || (!first && group != 3)) return "";
      first = false;
      group = 0;
      continue;
    }
    out += digits[i];
    ++group;
  }
  // The first group may be 1-3 digits; every later one exactly 3 (checked above).
  return out;
}

}  // namespace

std::optional<Fen> parse_yuan(std::string_view text, MoneyRefusal* why) {
  auto refuse = [&](MoneyRefusal reason) -> std::optional<Fen> {
    if (why) *why = reason;
    return std::nullopt;
  };
  // NFKC makes full-width digits, commas and points ASCII (and ￥ ¥).
  std::string t = name_key(trim(text));
  if (t.empty()) return refuse(MoneyRefusal::empty);
  for (std::string_view sign : {"¥", "rmb", "cny"}) strip(t, sign, true);
  for (std::string_view unit : {"元", "yuan", "rmb", "cny"}) strip(t, unit, false);
  if (t.starts_with('-')) return refuse(MoneyRefusal::negative);
  if (t.starts_with('+')) t.erase(0, 1);
  size_t point = t.find('.');
  std::string whole = without_group_commas(std::string_view(t).substr(0, point));
  std::string cents = point == std::string::npos ? "" : t.substr(point + 1);
  if (whole.empty() || !all_ascii_digits(whole) || (!cents.empty() && !all_ascii_digits(cents)) ||
      (point != std::string::npos && cents.empty())) {
    return refuse(MoneyRefusal::not_a_number);
  }
  if (cents.size() > 2) return refuse(MoneyRefusal::too_many_decimals);
  size_t first = whole.find_first_not_of('0');
  if (first != std::string::npos && whole.size() - first > 11) return refuse(MoneyRefusal::too_large);
  Fen fen = std::stoll(whole) * 100;
  if (!cents.empty()) fen += std::stoll(cents) * (cents.size() == 1 ? 10 : 1);
  if (fen > kMaxFen) return refuse(MoneyRefusal::too_large);
  return fen;
}

std::string money_refusal_message(std::string_view what, std::string_view text, MoneyRefusal why) {
  switch (why) {
    case MoneyRefusal::empty:
      return trf("{0} is empty; give an amount of yuan, e.g. 3000 or 3000.50", what);
    case MoneyRefusal::too_many_decimals:
      return trf("{0} '{1}' has more than two decimals; give yuan with at most two, e.g. 3000 or 3000.50", what, text);
    case MoneyRefusal::negative:
      return trf("{0} '{1}' is below zero; give the amount paid or charged, e.g. 3000", what, text);
    case MoneyRefusal::too_large:
      return trf("{0} '{1}' is more than roster takes (10,000,000,000 yuan); check the digits", what, text);
    case MoneyRefusal::not_a_number:
      break;
  }
  return trf("{0} '{1}' is not an amount of yuan; write e.g. 3000, 3,000.00 or 3000元", what, text);
}

std::string plain_yuan(Fen fen) {
  uint64_t magnitude = fen < 0 ? 0 - static_cast<uint64_t>(fen) : static_cast<uint64_t>(fen);
  return fmt::format("{}{}.{:02d}", fen < 0 ? "-" : "", magnitude / 100, magnitude % 100);
}

std::string format_yuan(Fen fen) {
  // Appended digit by digit: inserting commas in place trips GCC 12's
  // -Wrestrict false positive (bug 105651).
  std::string plain = plain_yuan(fen);
  size_t sign = plain.starts_with('-') ? 1 : 0;
  size_t whole = plain.find('.') - sign;
  std::string out = plain.substr(0, sign);
  for (size_t i = 0; i < whole; ++i) {
    if (i > 0 && (whole - i) % 3 == 0) out += ',';
    out += plain[sign + i];
  }
  out += std::string_view(plain).substr(sign + whole);
  return out;
}

Fen percent_of(Fen fen, int percent) {
  // Half up: 50 % of 1 fen is 1 fen. Non-negative amounts only (dues).
  return (fen * percent + 50) / 100;
}

}  // namespace roster
