// Money as staff type it, kept exact in fen.
#include "roster/money.h"

#include <catch2/catch.hpp>

using roster::Fen;
using roster::MoneyRefusal;

namespace {

MoneyRefusal refusal_of(std::string_view text) {
  MoneyRefusal why{};
  REQUIRE_FALSE(roster::parse_yuan(text, &why));
  return why;
}

}  // namespace

TEST_CASE("parse_yuan reads yuan as secretariats write them, exactly in fen", "[money]") {
  CHECK(roster::parse_yuan("10000") == Fen{1'000'000});
  CHECK(roster::parse_yuan("10,000") == Fen{1'000'000});
  CHECK(roster::parse_yuan("1,234,567.89") == Fen{123'456'789});
  CHECK(roster::parse_yuan("3000.5") == Fen{300'050});
  CHECK(roster::parse_yuan("3000.05") == Fen{300'005});
  CHECK(roster::parse_yuan("0.01") == Fen{1});
  CHECK(roster::parse_yuan("0") == Fen{0});
  CHECK(roster::parse_yuan("¥50,000.00") == Fen{5'000'000});
  CHECK(roster::parse_yuan("￥3000") == Fen{300'000});
  CHECK(roster::parse_yuan("3000元") == Fen{300'000});
  CHECK(roster::parse_yuan(" 3,000.00 元 ") == Fen{300'000});
  CHECK(roster::parse_yuan("２０，０００") == Fen{2'000'000});  // full-width digits and comma
  // 0.1 + 0.2 is exactly 30 fen: no floating point anywhere.
  CHECK(*roster::parse_yuan("0.1") + *roster::parse_yuan("0.2") == *roster::parse_yuan("0.3"));
}

TEST_CASE("parse_yuan refuses what is not an amount, saying why", "[money]") {
  CHECK(refusal_of("") == MoneyRefusal::empty);
  CHECK(refusal_of("  ") == MoneyRefusal::empty);
  CHECK(refusal_of("abc") == MoneyRefusal::not_a_number);
  CHECK(refusal_of("1,00") == MoneyRefusal::not_a_number);  // a comma between groups of three only
  CHECK(refusal_of("10000,") == MoneyRefusal::not_a_number);
  CHECK(refusal_of("1.") == MoneyRefusal::not_a_number);
  CHECK(refusal_of("1e3") == MoneyRefusal::not_a_number);
  CHECK(refusal_of("3000.123") == MoneyRefusal::too_many_decimals);
  CHECK(refusal_of("-50") == MoneyRefusal::negative);
  CHECK(refusal_of("99999999999") == MoneyRefusal::too_large);
  CHECK(refusal_of("123456789012") == MoneyRefusal::too_large);
  CHECK(refusal_of("10000000000.01") == MoneyRefusal::too_large);
  CHECK(roster::parse_yuan("10000000000") == roster::kMaxFen);
  CHECK(roster::money_refusal_message("--amount", "3000.123", MoneyRefusal::too_many_decimals) ==
        "--amount '3000.123' has more than two decimals; give yuan with at most two, e.g. 3000 or 3000.50");
  CHECK(roster::money_refusal_message("--amount", "abc", MoneyRefusal::not_a_number) ==
        "--amount 'abc' is not an amount of yuan; write e.g. 3000, 3,000.00 or 3000元");
}

TEST_CASE("format_yuan and plain_yuan show two decimals", "[money]") {
  CHECK(roster::format_yuan(1'000'000) == "10,000.00");
  CHECK(roster::format_yuan(123'456'789) == "1,234,567.89");
  CHECK(roster::format_yuan(5) == "0.05");
  CHECK(roster::format_yuan(99'999) == "999.99");
  CHECK(roster::format_yuan(100'000) == "1,000.00");
  CHECK(roster::format_yuan(-150) == "-1.50");
  CHECK(roster::format_yuan(-100'000) == "-1,000.00");
  CHECK(roster::format_yuan(0) == "0.00");
  CHECK(roster::plain_yuan(123'456'789) == "1234567.89");
  CHECK(roster::plain_yuan(-5) == "-0.05");
}

TEST_CASE("percent_of rounds half up to a whole fen", "[money]") {
  CHECK(roster::percent_of(300'000, 50) == 150'000);
  CHECK(roster::percent_of(300'001, 50) == 150'001);  // 1500.005 yuan → 1500.01
  CHECK(roster::percent_of(1, 50) == 1);
  CHECK(roster::percent_of(300'000, 0) == 0);
  CHECK(roster::percent_of(300'000, 100) == 300'000);
  CHECK(roster::percent_of(333, 33) == 110);  // 109.89 → 110
}
