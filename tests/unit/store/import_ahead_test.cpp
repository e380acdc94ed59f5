// A large import's rows, read and checked on a second thread: the same rows
// in the same order with the same verdicts as reading them in line, the
// reader's error in its place, and an import that stops early stops the
// thread.
#include "../../../src/store/import_ahead.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "roster/error.h"
#include "roster/sectors.h"

using roster::ImportFormat;
using roster::PreparedRow;

namespace {

const roster::SectorRegistry& seed_registry() {
  static const roster::SectorRegistry registry(roster::parse_sectors_csv(roster::seed_sectors_csv()));
  return registry;
}

const roster::Date kAsOf = *roster::parse_iso_date("2026-12-01");

// `rows` members (more than a few batches), row 700 with an unknown tier,
// row 1500's joined date as a spreadsheet day number.
std::string members_csv(int rows) {
  std::string text = "name,sectors,tier,joined\n";
  for (int i = 1; i <= rows; ++i) {
    std::string tier = i == 700 ? "grand" : "member";
    std::string joined = i == 1500 ? "45122" : "2024-01-01";
    text += "Member " + std::to_string(i) + " Ltd,healthcare," + tier + "," + joined + "\n";
  }
  return text;
}

// What reading `text` in line gives: each row prepared without a thread.
std::vector<PreparedRow> in_line(const std::string& text) {
  std::istringstream in(text);
  auto reader = roster::make_member_reader(ImportFormat::csv, in, "f.csv", {});
  std::vector<PreparedRow> rows;
  PreparedRow p;
  while (reader->next(p.row)) {
    roster::prepare_row(p, seed_registry(), kAsOf, true);
    rows.push_back(p);
  }
  return rows;
}

}  // namespace

TEST_CASE("rows read ahead come in file order with the verdicts of reading them in line", "[import][store]") {
  std::string text = members_csv(3000);
  auto expected = in_line(text);
  REQUIRE(expected.size() == 3000);

  std::istringstream in(text);
  auto reader = roster::make_member_reader(ImportFormat::csv, in, "f.csv", {});
  roster::RowsAhead ahead(*reader, seed_registry(), kAsOf);
  size_t i = 0, day_numbers = 0;
  while (PreparedRow* p = ahead.next()) {
    REQUIRE(i < expected.size());
    CHECK(p->row.line == expected[i].row.line);
    CHECK(p->row.draft.name == expected[i].row.draft.name);
    CHECK(p->checked);
    REQUIRE(p->problems.size() == expected[i].problems.size());
    if (p->problems.empty()) {
      CHECK(p->member.name_key == expected[i].member.name_key);
      CHECK(p->added_json == expected[i].added_json);
    }
    day_numbers += p->day_numbers;
    ++i;
  }
  CHECK(i == 3000);
  CHECK(expected[699].problems.at(0).field == "tier");  // line 701: the unknown tier
  CHECK(day_numbers == 1);
  CHECK(expected[1499].day_number_example == std::pair<std::string, std::string>("45122", "2023-07-15"));
  CHECK(expected[1499].row.draft.joined == "2023-07-15");
  CHECK(ahead.next() == nullptr);  // and stays at the end
}

TEST_CASE("a reader's error comes after every row read before it", "[import][store]") {
  std::string text = members_csv(1000) + "\"Unclosed Ltd,healthcare,member,2024-01-01\n";
  std::string in_line_error;
  try {
    in_line(text);
  } catch (const roster::Error& e) {
    in_line_error = e.what();
  }
  REQUIRE_FALSE(in_line_error.empty());

  std::istringstream in(text);
  auto reader = roster::make_member_reader(ImportFormat::csv, in, "f.csv", {});
  roster::RowsAhead ahead(*reader, seed_registry(), kAsOf);
  size_t rows = 0;
  std::string error;
  try {
    while (ahead.next()) ++rows;
  } catch (const roster::Error& e) {
    error = e.what();
  }
  CHECK(rows == 1000);
  CHECK(error == in_line_error);
}

TEST_CASE("an import that stops early stops the reading thread", "[import][store]") {
  std::string text = members_csv(20000);
  std::istringstream in(text);
  auto reader = roster::make_member_reader(ImportFormat::csv, in, "f.csv", {});
  {
    roster::RowsAhead ahead(*reader, seed_registry(), kAsOf);
    for (int i = 0; i < 3; ++i) REQUIRE(ahead.next() != nullptr);
  }  // the destructor returns: the thread, blocked on a full queue, was told to stop
  // It stopped within the batches in flight: most of the file is still unread.
  CHECK(static_cast<size_t>(in.tellg()) < text.size() / 2);
}
