#include "roster/dues_render.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "roster/error.h"
#include "roster/i18n.h"

using Catch::Matchers::Contains;
using roster::Date;
using roster::DuesStatus;
using roster::Format;
using roster::Tier;

namespace {

Date ymd(int y, int m, int d) {
  return Date::from_ymd(y, m, d);
}

// Two members as of 2024-10-15: 甲 suspended owing 2,000 of 3,000 yuan, 乙
// (council) paid 10,000 in full.
roster::DuesStatusReport status_report() {
  roster::DuesStatusReport r;
  r.as_of = ymd(2024, 10, 15);
  r.rows = {{5, "甲科技", 2024, Tier::member, 300'000, 100'000, 200'000, ymd(2024, 3, 31), DuesStatus::suspended},
            {7, "=乙公司", 2024, Tier::council, 1'000'000, 1'000'000, 0, ymd(2024, 3, 31), DuesStatus::paid}};
  r.members = 2;
  r.suspended = 1;
  return r;
}

// 2024: one council member paid in full, two members owing 3,000 of 6,000
// with 1,500 waived; a total row.
roster::DuesSummary summary() {
  roster::DuesSummary s;
  s.as_of = ymd(2024, 10, 15);
  s.rows = {{2024, Tier::council, 1, 1'000'000, 1'000'000, 0, 0, 1.0},
            {2024, Tier::member, 2, 600'000, 150'000, 150'000, 300'000, 1.0 / 3.0},
            {2024, std::nullopt, 3, 1'600'000, 1'150'000, 150'000, 300'000, 1'150'000.0 / 1'450'000.0}};
  return s;
}

std::vector<roster::DuesReminder> reminders() {
  return {{5, "甲科技", "王芳", "0574-88001234", "wang@example.cn", 2024, Tier::member, 200'000, ymd(2024, 3, 31),
           DuesStatus::suspended},
          {9, "丙, 公司", "", "", "", 2024, Tier::member, 150'000, ymd(2024, 10, 31), DuesStatus::due}};
}

template <typename Value, typename Render>
std::string render(const Value& value, Render fn, Format format) {
  std::ostringstream out;
  fn(value, format, out, roster::RenderOptions{});
  return out.str();
}

std::string status(Format format) {
  return render(status_report(), roster::render_dues_status, format);
}
std::string summary_text(Format format) {
  return render(summary(), roster::render_dues_summary, format);
}
std::string remind(Format format) {
  return render(reminders(), roster::render_dues_reminders, format);
}

// Chinese for one test, English again after it (every other test expects English).
struct InChinese {
  InChinese() { roster::set_language(roster::Language::zh, ROSTER_CATALOG_DIR); }
  ~InChinese() { roster::set_language(roster::Language::en, ROSTER_CATALOG_DIR); }
};

}  // namespace

TEST_CASE("dues status as json: fen, ISO dates and codes", "[render][dues]") {
  CHECK(status(Format::json) ==
        "[\n"
        "  {\"member_id\":5,\"name\":\"甲科技\",\"year\":2024,\"tier\":\"member\",\"due_fen\":300000,"
        "\"paid_fen\":100000,\"balance_fen\":200000,\"due_on\":\"2024-03-31\",\"status\":\"suspended\"},\n"
        "  {\"member_id\":7,\"name\":\"=乙公司\",\"year\":2024,\"tier\":\"council\",\"due_fen\":1000000,"
        "\"paid_fen\":1000000,\"balance_fen\":0,\"due_on\":\"2024-03-31\",\"status\":\"paid\"}\n"
        "]\n");
  CHECK(status(Format::jsonl) ==
        "{\"member_id\":5,\"name\":\"甲科技\",\"year\":2024,\"tier\":\"member\",\"due_fen\":300000,"
        "\"paid_fen\":100000,\"balance_fen\":200000,\"due_on\":\"2024-03-31\",\"status\":\"suspended\"}\n"
        "{\"member_id\":7,\"name\":\"=乙公司\",\"year\":2024,\"tier\":\"council\",\"due_fen\":1000000,"
        "\"paid_fen\":1000000,\"balance_fen\":0,\"due_on\":\"2024-03-31\",\"status\":\"paid\"}\n");
  roster::DuesStatusReport empty;
  std::ostringstream out;
  roster::render_dues_status(empty, Format::json, out, {});
  CHECK(out.str() == "[]\n");
}

TEST_CASE("dues status as tsv and csv: plain yuan beside the fen, spreadsheet-safe", "[render][dues]") {
  CHECK(status(Format::tsv) ==
        "member_id\tname\tyear\ttier\tdue\tdue_fen\tpaid\tpaid_fen\tbalance\tbalance_fen\tdue_on\tstatus\n"
        "5\t甲科技\t2024\tmember\t3000.00\t300000\t1000.00\t100000\t2000.00\t200000\t2024-03-31\tsuspended\n"
        "7\t=乙公司\t2024\tcouncil\t10000.00\t1000000\t10000.00\t1000000\t0.00\t0\t2024-03-31\tpaid\n");
  CHECK(status(Format::csv) ==
        "member_id,name,year,tier,due,due_fen,paid,paid_fen,balance,balance_fen,due_on,status\r\n"
        "5,甲科技,2024,member,3000.00,300000,1000.00,100000,2000.00,200000,2024-03-31,suspended\r\n"
        "7,'=乙公司,2024,council,10000.00,1000000,10000.00,1000000,0.00,0,2024-03-31,paid\r\n");
}

TEST_CASE("dues status as a table: yuan with separators, words, and who is at risk", "[render][dues]") {
  std::string table = status(Format::table);
  CHECK_THAT(table, Contains("Dues as of 2024-10-15"));
  CHECK_THAT(table, Contains("ID  NAME     YEAR  TIER           DUE       PAID   BALANCE  DUE ON      STATUS\n"));
  CHECK_THAT(table, Contains(" 5  甲科技   2024  member    3,000.00   1,000.00  2,000.00  2024-03-31  suspended\n"));
  CHECK_THAT(table, Contains("2 members, 2,000.00 yuan outstanding\n"));
  CHECK_THAT(table, Contains("at risk: 1 suspended, 0 lapsed (the council decides)\n"));
  CHECK_THAT(status(Format::markdown), Contains("| 5 | 甲科技 | 2024 | member | 3,000.00 | 1,000.00 | 2,000.00 | "
                                                "2024-03-31 | suspended |"));
  roster::DuesStatusReport none;
  none.as_of = ymd(2024, 10, 15);
  std::ostringstream out;
  roster::render_dues_status(none, Format::table, out, {});
  CHECK_THAT(out.str(), Contains("nobody is billed for this year"));
  none.members = 3;
  out.str("");
  roster::render_dues_status(none, Format::table, out, {});
  CHECK_THAT(out.str(), Contains("no member has the statuses asked for"));
}

TEST_CASE("dues status in Chinese: words and dates translated, data formats unchanged", "[render][dues]") {
  std::string tsv = status(Format::tsv);
  std::string json = status(Format::json);
  InChinese zh;
  std::string table = status(Format::table);
  CHECK_THAT(table, Contains("暂停权利"));
  CHECK_THAT(table, Contains("已缴清"));
  CHECK_THAT(table, Contains("2024年3月31日"));
  CHECK_THAT(table, Contains("3,000.00"));
  CHECK(roster::dues_status_label(DuesStatus::partial) == "部分缴纳");
  CHECK(roster::dues_status_label(DuesStatus::deferred) == "缓缴");
  CHECK(status(Format::tsv) == tsv);
  CHECK(status(Format::json) == json);
}

TEST_CASE("dues summary as data: a row per tier and the year's total, the rate as a fraction", "[render][dues]") {
  CHECK(summary_text(Format::csv) ==
        "year,tier,members,billed,billed_fen,collected,collected_fen,waived,waived_fen,outstanding,outstanding_fen,"
        "collection_rate\r\n"
        "2024,council,1,10000.00,1000000,10000.00,1000000,0.00,0,0.00,0,1.0000\r\n"
        "2024,member,2,6000.00,600000,1500.00,150000,1500.00,150000,3000.00,300000,0.3333\r\n"
        "2024,total,3,16000.00,1600000,11500.00,1150000,1500.00,150000,3000.00,300000,0.7931\r\n");
  CHECK(summary_text(Format::jsonl) ==
        "{\"year\":2024,\"tier\":\"council\",\"members\":1,\"billed_fen\":1000000,\"collected_fen\":1000000,"
        "\"waived_fen\":0,\"outstanding_fen\":0,\"collection_rate\":1.0}\n"
        "{\"year\":2024,\"tier\":\"member\",\"members\":2,\"billed_fen\":600000,\"collected_fen\":150000,"
        "\"waived_fen\":150000,\"outstanding_fen\":300000,\"collection_rate\":0.3333}\n"
        "{\"year\":2024,\"tier\":\"total\",\"members\":3,\"billed_fen\":1600000,\"collected_fen\":1150000,"
        "\"waived_fen\":150000,\"outstanding_fen\":300000,\"collection_rate\":0.7931}\n");
  roster::DuesSummary nothing_to_collect;
  nothing_to_collect.rows = {{2024, std::nullopt, 1, 300'000, 0, 300'000, 0, std::nullopt}};
  std::ostringstream out;
  roster::render_dues_summary(nothing_to_collect, Format::json, out, {});
  CHECK_THAT(out.str(), Contains("\"collection_rate\":null"));
}

TEST_CASE("dues summary as a table: yuan, a percent, the total row", "[render][dues]") {
  std::string table = summary_text(Format::table);
  CHECK_THAT(table, Contains("Dues summary as of 2024-10-15"));
  CHECK_THAT(table, Contains("2024  member         2   6,000.00   1,500.00  1,500.00     3,000.00   33.3%"));
  CHECK_THAT(table, Contains("2024  total          3  16,000.00  11,500.00  1,500.00     3,000.00   79.3%"));
  InChinese zh;
  CHECK_THAT(summary_text(Format::table), Contains("合计"));
  CHECK_THAT(summary_text(Format::table), Contains("理事单位"));
}

TEST_CASE("dues remind as csv: the mail-merge sheet with contacts and balance", "[render][dues]") {
  CHECK(remind(Format::csv) ==
        "member_id,name,contact,phone,email,year,balance,balance_fen,due_on,status\r\n"
        "5,甲科技,王芳,0574-88001234,wang@example.cn,2024,2000.00,200000,2024-03-31,suspended\r\n"
        "9,\"丙, 公司\",,,,2024,1500.00,150000,2024-10-31,due\r\n");
  CHECK_THAT(remind(Format::json), Contains("\"contact\":\"王芳\",\"phone\":\"0574-88001234\","
                                            "\"email\":\"wang@example.cn\",\"year\":2024,\"tier\":\"member\","
                                            "\"balance_fen\":200000"));
  std::string table = remind(Format::table);
  CHECK_THAT(table, Contains("王芳"));
  CHECK_THAT(table, Contains("2 members to remind, 3,500.00 yuan in all"));
  std::ostringstream out;
  roster::render_dues_reminders({}, Format::table, out, {});
  CHECK(out.str() == "nobody to remind\n");
  CHECK_THROWS_AS(remind(Format::html), roster::Error);
}
