// The member.add history entry written straight into a string matches what
// nlohmann's dump makes of the same document, byte for byte.
#include "roster/history_json.h"

#include <catch2/catch.hpp>
#include <string>

using roster::Date;
using roster::NewMember;

namespace {

NewMember member(std::string text) {
  NewMember m;
  m.name = "杭州" + text + "有限公司";
  m.name_key = m.name;
  m.sector_codes = {"tourism", "e-commerce"};
  m.tier = roster::Tier::vice_president;
  m.city = text;
  m.parent = "\"" + text + "\\";
  m.note = text + "\n\t\r\b\f" + std::string(1, '\x01') + std::string(1, '\x1f') + "\x7f/";
  m.joined = Date::from_ymd(2024, 2, 29);
  return m;
}

}  // namespace

TEST_CASE("member_added_json writes what nlohmann's dump writes", "[json]") {
  for (std::string text : {"", "宁波", "a\"b\\c", "\xe2\x80\xa8 line separator", "emoji \xf0\x9f\x98\x80"}) {
    NewMember m = member(text);
    CHECK(roster::member_added_json(m) == roster::member_added_json_document(m));
    m.uscc = "91330106MA2H3XLJ08";
    m.left = Date::from_ymd(2025, 1, 1);
    m.sort_key = "hang zhou";
    m.contacts = {"王" + text, "0571-8888 6666", "wang@example.com"};
    CHECK(roster::member_added_json(m) == roster::member_added_json_document(m));
    m.sector_codes.clear();
    m.contacts.phone.clear();
    CHECK(roster::member_added_json(m) == roster::member_added_json_document(m));
  }
  NewMember plain = member("温州");
  CHECK(roster::member_added_json(plain).rfind(R"({"name":"杭州温州有限公司","uscc":null,"sectors":["tourism",)", 0) ==
        0);
  // Text that is not UTF-8 (never stored, but never written wrongly either): nlohmann's replacement.
  NewMember bad = member("\xff");
  CHECK(roster::member_added_json(bad) == roster::member_added_json_document(bad));
  CHECK(roster::member_added_json(bad).find("\xef\xbf\xbd") != std::string::npos);
}
