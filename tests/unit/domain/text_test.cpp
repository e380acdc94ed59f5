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
  CHECK_FALSE(roster::is_valid_utf8("\xe6\x9d"));  // 杭 cut short
  CHECK_FALSE(
      roster::is_valid_utf8("a\xe6\x9d"
                            "b"));                     // … in the middle
  CHECK_FALSE(roster::is_valid_utf8("\xc0\xaf"));      // overlong '/'
  CHECK_FALSE(roster::is_valid_utf8("\xed\xa0\x80"));  // a UTF-16 surrogate
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
  CHECK(roster::trim("杭州 有限公司") == "杭州 有限公司");
  CHECK(roster::trim("\u3000杭州 有限公司") == "杭州 有限公司");
  // Not UTF-8: left as it is for the validator to report, whatever its ends.
  CHECK(roster::trim("a\xff b") == "a\xff b");
  CHECK(roster::trim(" a\xff ") == " a\xff ");
  CHECK(roster::trim("a \xff") == "a \xff");
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
  CHECK(display_width("（）") == 4);  // full-width parentheses
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

// The terminal-escape rule (docs/usage.md): every human-facing writer shows
// stored and typed values through escape_for_terminal.
TEST_CASE("escape_for_terminal shows ESC, CSI and OSC sequences as text", "[text][escape]") {
  using roster::escape_for_terminal;
  CHECK(escape_for_terminal("\x1b") == "\\x1b");
  CHECK(escape_for_terminal("ACME\x1b[31m Co.\x1b[0m") == "ACME\\x1b[31m Co.\\x1b[0m");  // CSI: colour
  CHECK(escape_for_terminal("\x1b[2J\x1b[H") == "\\x1b[2J\\x1b[H");                      // CSI: clear the screen
  CHECK(escape_for_terminal("\x1b]0;pwned\x07") == "\\x1b]0;pwned\\x07");                // OSC: window title
  CHECK(escape_for_terminal("\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\") ==
        "\\x1b]8;;http://evil.example/\\x1b\\link\\x1b]8;;\\x1b\\");  // OSC 8 hyperlink
  CHECK(escape_for_terminal("a\xc2\x9b"
                            "31mb") == "a\\u009b31mb");  // C1 CSI
}

TEST_CASE("escape_for_terminal shows BEL, CR, LF, TAB, DEL and every C0 character", "[text][escape]") {
  using roster::escape_for_terminal;
  CHECK(escape_for_terminal("ding\x07") == "ding\\x07");
  CHECK(escape_for_terminal("real name\rfake name") == "real name\\x0dfake name");
  CHECK(escape_for_terminal("two\nlines") == "two\\x0alines");
  CHECK(escape_for_terminal("a\tb") == "a\\x09b");
  CHECK(escape_for_terminal("x\x7fy") == "x\\x7fy");
  CHECK(escape_for_terminal(std::string("nul\0end", 7)) == "nul\\x00end");
  for (int c = 0; c < 0x20; ++c) {
    std::string escaped = escape_for_terminal(std::string(1, static_cast<char>(c)));
    CHECK(escaped.size() == 4);
    CHECK(escaped.substr(0, 2) == "\\x");
  }
}

TEST_CASE("escape_for_terminal shows bidi controls and zero-width characters", "[text][escape]") {
  using roster::escape_for_terminal;
  CHECK(escape_for_terminal("abc\u202Efdp.exe") == "abc\\u202efdp.exe");  // RIGHT-TO-LEFT OVERRIDE
  CHECK(escape_for_terminal("杭州\u200B科技") == "杭州\\u200b科技");      // ZERO WIDTH SPACE
  for (char32_t cp : {0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c,
                      0x200b, 0x200c, 0x200d, 0x2060, 0xfeff}) {
    CHECK(roster::is_invisible_control(cp));
  }
  CHECK(escape_for_terminal("\u2066x\u2069\u200E\u200F\u061C\u200C\u200D\u2060\uFEFF") ==
        "\\u2066x\\u2069\\u200e\\u200f\\u061c\\u200c\\u200d\\u2060\\ufeff");
  CHECK_FALSE(roster::is_invisible_control(U'杭'));
  CHECK_FALSE(roster::is_invisible_control(0x3000));  // IDEOGRAPHIC SPACE is seen as space
}

TEST_CASE("escape_for_terminal shows bytes that are not UTF-8 one by one", "[text][escape]") {
  using roster::escape_for_terminal;
  CHECK(escape_for_terminal("\xff") == "\\xff");
  CHECK(escape_for_terminal("a\xe6\x9d"
                            "b") == "a\\xe6\\x9db");                // 杭 cut short
  CHECK(escape_for_terminal("\xc0\xaf") == "\\xc0\\xaf");           // overlong '/'
  CHECK(escape_for_terminal("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a UTF-16 surrogate
  CHECK(roster::is_valid_utf8(escape_for_terminal("\xff\xfe杭\x80")));
}

TEST_CASE("escape_for_terminal passes valid text, Chinese included, unchanged", "[text][escape]") {
  using roster::escape_for_terminal;
  for (std::string_view text : {""sv, "ACME Co. (Hangzhou) Ltd. 100% \"quoted\" \\path"sv, "杭州某某科技有限公司"sv,
                                "浙江省元宇宙产业协会（筹）"sv, "\u3000全角　空格"sv, "😀 é e\xcc\x81"sv}) {
    CHECK(escape_for_terminal(text) == text);
  }
}

TEST_CASE("escape_for_terminal is idempotent and its output holds no control character", "[text][escape]") {
  using roster::escape_for_terminal;
  std::string hostile = "\x1b[31m\u202e\u200b\x07\r\n\xff杭州";
  std::string once = escape_for_terminal(hostile);
  CHECK(escape_for_terminal(once) == once);
  CHECK_FALSE(roster::has_control_char(once));
  CHECK_FALSE(roster::first_invisible_control(once));
  CHECK(roster::is_valid_utf8(once));
  CHECK(roster::first_invisible_control("a\u200bb") == std::string("\u200b"));
}

TEST_CASE("split_list separates sectors by semicolons, commas and the full-width ；，、", "[text]") {
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

TEST_CASE("all_ascii_digits takes a non-empty run of 0-9 only", "[text]") {
  CHECK(roster::all_ascii_digits("0123456789"));
  CHECK_FALSE(roster::all_ascii_digits(""));
  CHECK_FALSE(roster::all_ascii_digits("12a"));
  CHECK_FALSE(roster::all_ascii_digits("１２"));  // full-width digits are not ASCII
  CHECK(roster::digits_value("2024") == 2024);
}

TEST_CASE("name_key's quick path for ASCII, full-width forms and CJK ideographs folds as the general one does",
          "[text]") {
  // A trailing space sends a name down utf8proc's general path (and leaves
  // its key as it is), so each key can be compared with the general one.
  auto encode3 = [](unsigned cp) {
    return std::string{static_cast<char>(0xe0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3f)),
                       static_cast<char>(0x80 | (cp & 0x3f))};
  };
  std::string every;
  for (unsigned c = 0x21; c <= 0x7e; ++c) every += static_cast<char>(c);
  for (unsigned cp = 0xff01; cp <= 0xff5e; ++cp) every += encode3(cp);
  for (unsigned cp = 0x4e00; cp <= 0x9fff; cp += 97) every += encode3(cp);
  for (const std::string& name : {every, std::string("杭州砚图医疗科技有限公司"), std::string("ＡＣＭＥ（杭州）Co.Ltd"),
                                  std::string("允然（绍兴）物流管理有限公司"), std::string("９１３３０")}) {
    CHECK(name_key(name) == name_key(name + " "));
  }
  CHECK(name_key("ＡＣＭＥ（杭州）Co.Ltd") == "acme(杭州)co.ltd");
  // Outside those characters the general path runs: compatibility ideographs, Hangul, accents.
  CHECK(name_key("\xef\xa4\x80") == "\xe8\xb1\x88");  // U+F900 is U+8C48 under NFKC
  CHECK(name_key("Cafe\xcc\x81") == "caf\xc3\xa9");   // e + combining acute composes
}

TEST_CASE("is_valid_utf8 takes exactly the well-formed sequences, at every boundary", "[text]") {
  using roster::is_valid_utf8;
  for (const char* good : {"", "a", "\x7f", "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xee\x80\x80",
                           "\xef\xbf\xbf", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "杭州（有限）公司"}) {
    CHECK(is_valid_utf8(good));
  }
  for (const char* bad :
       {"\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xc2", "\xc2\x7f", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf",
        "\xe6\x9c", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "杭州\xe6"}) {
    CHECK_FALSE(is_valid_utf8(bad));
  }
  CHECK(is_valid_utf8(std::string_view("a\0b", 3)));
}
