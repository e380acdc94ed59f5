#include "roster/csv.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "roster/error.h"
#include "roster/input_limits.h"

using roster::CsvReader;
using roster::CsvRecord;
using Fields = std::vector<std::string>;

namespace {

// Every record of `text`, in order.
std::vector<CsvRecord> read_all(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in);
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (reader.next(record)) records.push_back(record);
  return records;
}

// A stream that can only be read forward, like a pipe on stdin.
class ForwardOnlyBuf : public std::streambuf {
 public:
  explicit ForwardOnlyBuf(std::string text) : text_(std::move(text)) {
    setg(text_.data(), text_.data(), text_.data() + text_.size());
  }

 private:
  std::string text_;
};

}  // namespace

TEST_CASE("CsvReader reads plain rows with their line numbers", "[csv]") {
  auto r = read_all("name,city\nACME,杭州\nBeta,\n");
  REQUIRE(r.size() == 3);
  CHECK(r[0].fields == Fields{"name", "city"});
  CHECK(r[1].fields == Fields{"ACME", "杭州"});
  CHECK(r[2].fields == Fields{"Beta", ""});
  CHECK(r[0].line == 1);
  CHECK(r[1].line == 2);
  CHECK(r[2].line == 3);
}

TEST_CASE("CsvReader keeps empty fields", "[csv]") {
  auto r = read_all(",a,,\n");
  REQUIRE(r.size() == 1);
  CHECK(r[0].fields == Fields{"", "a", "", ""});
}

TEST_CASE("CsvReader reads the last line without a newline", "[csv]") {
  auto r = read_all("a,b\nc,d");
  REQUIRE(r.size() == 2);
  CHECK(r[1].fields == Fields{"c", "d"});
  CHECK(r[1].line == 2);
}

TEST_CASE("CsvReader unquotes commas and doubled quotes", "[csv]") {
  auto r = read_all("\"ACME, Inc.\",\"say \"\"hi\"\"\",\"\"\n");
  REQUIRE(r.size() == 1);
  CHECK(r[0].fields == Fields{"ACME, Inc.", "say \"hi\"", ""});
}

TEST_CASE("CsvReader keeps line breaks inside quotes and counts them", "[csv]") {
  SECTION("LF") {
    auto r = read_all("a,\"one\ntwo\"\nb,c\n");
    REQUIRE(r.size() == 2);
    CHECK(r[0].fields == Fields{"a", "one\ntwo"});
    CHECK(r[0].line == 1);
    CHECK(r[1].fields == Fields{"b", "c"});
    CHECK(r[1].line == 3);
  }
  SECTION("CRLF") {
    auto r = read_all("h\r\na,\"one\r\ntwo\r\nthree\"\r\nb,c\r\n");
    REQUIRE(r.size() == 3);
    CHECK(r[1].fields == Fields{"a", "one\r\ntwo\r\nthree"});
    CHECK(r[1].line == 2);
    CHECK(r[2].fields == Fields{"b", "c"});
    CHECK(r[2].line == 5);
  }
}

TEST_CASE("CsvReader strips CRLF line ends", "[csv]") {
  auto r = read_all("name,city\r\nACME,杭州\r\n");
  REQUIRE(r.size() == 2);
  CHECK(r[0].fields == Fields{"name", "city"});
  CHECK(r[1].fields == Fields{"ACME", "杭州"});
  CHECK(r[1].line == 2);
}

TEST_CASE("CsvReader skips a UTF-8 BOM at the start only", "[csv]") {
  auto r = read_all("\xEF\xBB\xBFname,city\nACME,x\n");
  REQUIRE(r.size() == 2);
  CHECK(r[0].fields == Fields{"name", "city"});
  CHECK(r[0].line == 1);
  CHECK(r[1].line == 2);

  auto mid = read_all(
      "a\n\xEF\xBB\xBF"
      "b\n");
  REQUIRE(mid.size() == 2);
  CHECK(mid[1].fields == Fields{"\xEF\xBB\xBF"
                                "b"});
}

TEST_CASE("CsvReader reads a first byte 0xEF that is no BOM, even from a pipe", "[csv]") {
  // "ＡＢＣ" starts with the bytes EF BC A1, which share the BOM's first byte.
  ForwardOnlyBuf buf("\xEF\xBC\xA1\xEF\xBC\xA2,x\nb,y\n");
  std::istream in(&buf);
  CsvReader reader(in);
  CsvRecord record;
  REQUIRE(reader.next(record));
  CHECK(record.fields == Fields{"ＡＢ", "x"});
  REQUIRE(reader.next(record));
  CHECK(record.fields == Fields{"b", "y"});
  CHECK(record.line == 2);
}

TEST_CASE("CsvReader uses another delimiter when asked", "[csv]") {
  std::istringstream in("a\tb,c\n");
  CsvReader reader(in, "tabs.tsv", '\t');
  CsvRecord record;
  REQUIRE(reader.next(record));
  CHECK(record.fields == Fields{"a", "b,c"});
  CHECK_FALSE(reader.next(record));
}

TEST_CASE("CsvReader refuses an unterminated quote, naming its line", "[csv]") {
  std::istringstream in("name\nok\n\"never closed\nstill open\n");
  CsvReader reader(in, "members.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  REQUIRE(reader.next(record));
  try {
    reader.next(record);
    FAIL("no exception for an unterminated quote");
  } catch (const roster::Error& e) {
    CHECK_THAT(std::string(e.what()), Catch::StartsWith("members.csv:3: a quoted field is never closed"));
    CHECK(e.exit_code() == roster::kExitError);
  }
}

TEST_CASE("CsvReader refuses a record over its cap while reading it, naming the line it starts on", "[csv]") {
  const size_t cap = roster::kMaxRecordBytes;
  auto read_capped = [&](const std::string& text) {
    std::istringstream in(text);
    CsvReader reader(in, "f.csv", ',', true, cap);
    CsvRecord record;
    size_t n = 0;
    while (reader.next(record)) ++n;
    return n;
  };
  // The cap counts every byte of the record, its commas, quotes and line break included.
  CHECK(read_capped("a,b\n" + std::string(cap - 1, 'x') + "\n") == 2);
  std::string over = "a,b\n\"" + std::string(cap / 2, 'x') + "\n" + std::string(cap / 2, 'y') + "\"\n";
  try {
    read_capped(over);
    FAIL("no error");
  } catch (const roster::Error& e) {
    CHECK(std::string(e.what()) ==
          "f.csv:2: a row is longer than 1 MB; a member takes a few hundred bytes, so check that this is the member "
          "list");
  }
  // Without a cap (the default) any length is read.
  CHECK(read_all("a\n" + std::string(cap + 10, 'x') + "\n").size() == 2);
}

TEST_CASE("csv_quote quotes only when needed", "[csv]") {
  CHECK(roster::csv_quote("plain") == "plain");
  CHECK(roster::csv_quote("") == "");
  CHECK(roster::csv_quote("杭州") == "杭州");
  CHECK(roster::csv_quote("a,b") == "\"a,b\"");
  CHECK(roster::csv_quote("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(roster::csv_quote("one\ntwo") == "\"one\ntwo\"");
  CHECK(roster::csv_quote("one\rtwo") == "\"one\rtwo\"");
}

TEST_CASE("spreadsheet_escape guards formula triggers", "[csv]") {
  CHECK(roster::spreadsheet_escape("=SUM(A1)") == "'=SUM(A1)");
  CHECK(roster::spreadsheet_escape("+1") == "'+1");
  CHECK(roster::spreadsheet_escape("-5") == "'-5");
  CHECK(roster::spreadsheet_escape("@x") == "'@x");
  CHECK(roster::spreadsheet_escape("\tx") == "'\tx");
  CHECK(roster::spreadsheet_escape("\rx") == "'\rx");
  CHECK(roster::spreadsheet_escape("'abc") == "''abc");
  CHECK(roster::spreadsheet_escape("abc") == "abc");
  CHECK(roster::spreadsheet_escape("a=b") == "a=b");
  CHECK(roster::spreadsheet_escape("") == "");
}

TEST_CASE("spreadsheet_escape keeps all-digit codes of 12 or more digits as text", "[csv]") {
  // Excel shows 913310022319487573 as 9.13310E+17 and keeps 15 digits of it.
  CHECK(roster::spreadsheet_escape("913310022319487573") == "'913310022319487573");
  CHECK(roster::spreadsheet_escape("123456789012") == "'123456789012");
  CHECK(roster::spreadsheet_escape("000000000000000000000") == "'000000000000000000000");
  CHECK(roster::spreadsheet_escape("12345678901") == "12345678901");  // 11 digits: a phone number shows whole
  CHECK(roster::spreadsheet_escape("91331002231948757X") == "91331002231948757X");
  CHECK(roster::spreadsheet_escape("9133100223194875.7") == "9133100223194875.7");
  CHECK(roster::spreadsheet_escape("９１３３１００２２３１９４８７５７３") == "９１３３１００２２３１９４８７５７３");
  CHECK(roster::spreadsheet_escape("'913310022319487573") == "''913310022319487573");
  CHECK(roster::spreadsheet_unescape("'913310022319487573") == "913310022319487573");
  CHECK(roster::spreadsheet_unescape("'12345678901") == "'12345678901");  // not something escape wrote
  CHECK(roster::spreadsheet_unescape("'9133100223194875X") == "'9133100223194875X");
}

TEST_CASE("spreadsheet_unescape undoes exactly what escape added", "[csv]") {
  const char* cell =
      GENERATE("=SUM(A1)", "+1", "-5", "@x", "\tx", "\rx", "'abc", "''abc", "abc", "", "'", "913310022319487573",
               "'913310022319487573", "''913310022319487573", "12345678901", "'12345678901", "123456789012");
  CAPTURE(cell);
  CHECK(roster::spreadsheet_unescape(roster::spreadsheet_escape(cell)) == cell);
}

TEST_CASE("spreadsheet_unescape keeps a user's own leading apostrophe", "[csv]") {
  CHECK(roster::spreadsheet_unescape("'abc") == "'abc");
  CHECK(roster::spreadsheet_unescape("'") == "'");
  CHECK(roster::spreadsheet_unescape("abc") == "abc");
  CHECK(roster::spreadsheet_unescape("'=1") == "=1");
  CHECK(roster::spreadsheet_unescape("''abc") == "'abc");
}
