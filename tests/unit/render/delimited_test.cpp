#include "roster/delimited.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "roster/figures.h"

using roster::DelimitedWriter;
using roster::Format;

TEST_CASE("DelimitedWriter writes CSV with a BOM, quoting and spreadsheet escaping", "[delimited]") {
  std::ostringstream out;
  DelimitedWriter csv(out, Format::csv, true);
  csv.row({"id", "name"});
  csv.row({"1", "Zhang, \"Li\""});
  csv.row({"=1+1", "913301067045726611"});
  // The BOM once, CRLF ends, a quoted cell with doubled quotes, a formula
  // start and an 18-digit code protected from the spreadsheet.
  CHECK(out.str() ==
        "\xEF\xBB\xBF"
        "id,name\r\n1,\"Zhang, \"\"Li\"\"\"\r\n'=1+1,'913301067045726611\r\n");
}

TEST_CASE("DelimitedWriter writes TSV cells exactly as given and never a BOM", "[delimited]") {
  std::ostringstream out;
  DelimitedWriter tsv(out, Format::tsv, true);
  tsv.row({"a,b", "=x", "\"q\""});
  CHECK(out.str() == "a,b\t=x\t\"q\"\n");
}

TEST_CASE("figures: two decimals, signed changes and marked counts", "[figures]") {
  CHECK(roster::two_decimals(3.5) == "3.50");
  CHECK(roster::two_decimals(-0.0) == "0.00");
  CHECK(roster::two_decimals(-1.234) == "-1.23");
  CHECK(roster::signed_change(3) == "+3");
  CHECK(roster::signed_change(-2) == "-2");
  CHECK(roster::signed_change(0) == "0");
  CHECK(roster::marked_count('-', 2) == "-2");
  CHECK(roster::marked_count('+', 0) == "0");
}
