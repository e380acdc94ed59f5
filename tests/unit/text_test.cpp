#include "roster/text.h"

#include <catch2/catch.hpp>

using namespace std::string_view_literals;
using roster::display_width;
using roster::name_key;

TEST_CASE("is_valid_utf8 accepts well-formed text and refuses broken bytes", "[text]") {
  CHECK(roster::is_valid_utf8(""));
  CHECK(roster::is_valid_utf8("ACME Co."));
  CHECK(roster::is_valid_utf8("杭州某某科技有限公司"));
  CHECK(roster::is_valid_utf8("😀"));
  CHECK_FALSE(roster::is_valid_utf8("\xff"));
  CHECK_FALSE(roster::is_valid_utf8("\xe6\x9d"));        // 杭 cut short
  CHECK_FALSE(roster::is_valid_utf8("a\xe6\x9d" "b"));   // … in the middle
  CHECK_FALSE(roster::is_valid_utf8("\xc0\xaf"));        // overlong '/'
  CHECK_FALSE(roster::is_valid_utf8("\xed\xa0\x80"));    // a UTF-16 surrogate
}

TEST_CASE("code_point_count counts characters, not bytes", "[text]") {
  CHECK(roster::code_point_count("abc") == 3);
  CHECK(roster::code_point_count("杭州") == 2);
  CHECK(roster::code_point_count("😀a") == 2);
}

TEST_CASE("has_control_char finds C0, DEL and C1 characters", "[text]") {
  CHECK(roster::has_control_char("a\tb"));
  CHECK(roster::has_control_char("a\x01"));
  CHECK(roster::has_control_char("\x7f"));
  CHECK(roster::has_control_char("x\xc2\x85y"));  // U+0085 NEXT LINE
  CHECK(roster::has_control_char("line\n"));
  CHECK_FALSE(roster::has_control_char("杭州 A"));
  CHECK_FALSE(roster::has_control_char("\u3000"));
  CHECK_FALSE(roster::has_control_char(""));
}

TEST_CASE("trim removes ASCII and Unicode white space at both ends only", "[text]") {
  CHECK(roster::trim("  ACME Co.  ") == "ACME Co.");
  CHECK(roster::trim("\t杭州\t") == "杭州");
  CHECK(roster::trim("\u3000杭州\u3000") == "杭州");
  CHECK(roster::trim(" \u3000 a  b \u3000\n") == "a  b");
  CHECK(roster::trim("   ") == "");
  CHECK(roster::trim("") == "");
  CHECK(roster::trim("x") == "x");
}

TEST_CASE("name_key folds width, case and white space", "[text]") {
  CHECK(name_key("杭州某某（杭州）有限公司") == name_key("杭州某某(杭州)有限公司"));
  CHECK(name_key("杭州某某（杭州）有限公司") == "杭州某某(杭州)有限公司");
  CHECK(name_key("ACME  Co.") == name_key("acme co."));
  CHECK(name_key("ACME  Co.") == "acme co.");
  CHECK(name_key("ＡＢＣ") == "abc");
  CHECK(name_key("  A \t B\u3000\u3000C  ") == "a b c");
  CHECK(name_key("") == "");
}

TEST_CASE("name_key keeps different names apart", "[text]") {
  CHECK(name_key("杭州某某科技有限公司") != name_key("杭州某某网络有限公司"));
  CHECK(name_key("ACME Co.") != name_key("ACME Corp."));
  CHECK(name_key("AB C") != name_key("ABC"));
}

TEST_CASE("display_width counts wide characters twice", "[text]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("杭州") == 4);
  CHECK(display_width("杭州ab") == 6);
  CHECK(display_width("\xc3\xa9") == 1);   // é, precomposed
  CHECK(display_width("e\xcc\x81") == 1);  // e + combining acute
  CHECK(display_width("😀") == 2);
  CHECK(display_width("（）") == 4);       // full-width parentheses
}

TEST_CASE("pad_right and pad_left pad to display columns", "[text]") {
  CHECK(roster::pad_right("杭州", 6) == "杭州  ");
  CHECK(roster::pad_left("杭州", 6) == "  杭州");
  CHECK(roster::pad_right("ab", 6) == "ab    ");
  CHECK(roster::pad_left("42", 4) == "  42");
  CHECK(roster::pad_right("杭州ab", 6) == "杭州ab");
  CHECK(roster::pad_right("杭州ab", 3) == "杭州ab");  // never truncates
  CHECK(display_width(roster::pad_right("杭州某某", 10)) == 10);
}

TEST_CASE("split_list separates sectors by ; , and the full-width ； ， 、", "[text]") {
  using roster::split_list;
  using Items = std::vector<std::string>;
  CHECK(split_list("healthcare;education") == Items{"healthcare", "education"});
  CHECK(split_list("医疗健康；教育") == Items{"医疗健康", "教育"});
  CHECK(split_list("医疗、教育、文旅") == Items{"医疗", "教育", "文旅"});
  CHECK(split_list("医疗，教育") == Items{"医疗", "教育"});
  CHECK(split_list("healthcare, education") == Items{"healthcare", "education"});
  CHECK(split_list(" a ;; b、、 ，c ;") == Items{"a", "b", "c"});
  CHECK(split_list("") == Items{});
  CHECK(split_list(" ； 、 ") == Items{});
  // Characters that share lead bytes with the separators stay whole.
  CHECK(split_list("ＡＢ、〇；Ｚ") == Items{"ＡＢ", "〇", "Ｚ"});
  CHECK(roster::has_list_separator("a、b"));
  CHECK(roster::has_list_separator("a,b"));
  CHECK_FALSE(roster::has_list_separator("文化旅游 (tourism)"));
}

TEST_CASE("edit_distance counts code points, not bytes", "[text]") {
  using roster::edit_distance;
  CHECK(edit_distance("医药", "医疗") == 1);
  CHECK(edit_distance("医", "医疗健康") == 3);
  CHECK(edit_distance("helthcare", "healthcare") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("same", "same") == 0);
}
