// The reader of dues payment files: the bank statement's and the finance
// office's headers, the cells of each format, and each refusal of a row.
#include "roster/payment_rows.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "roster/encoding.h"
#include "roster/error.h"
#include "roster/import_reader.h"

using roster::ColumnMapping;
using roster::ImportFormat;
using roster::ImportRow;
using roster::ImportTable;
using roster::PaymentRow;

namespace {

ColumnMapping payments() {
  ColumnMapping m;
  m.table = ImportTable::payments;
  return m;
}

std::vector<ImportRow> read_rows(ImportFormat format, const std::string& text, ColumnMapping mapping = payments()) {
  std::istringstream in(text);
  auto reader = roster::make_member_reader(format, in, "f", mapping);
  std::vector<ImportRow> rows;
  ImportRow row;
  while (reader->next(row)) rows.push_back(row);
  return rows;
}

std::string reader_error(ImportFormat format, const std::string& text, ColumnMapping mapping = payments()) {
  try {
    read_rows(format, text, mapping);
  } catch (const roster::Error& e) {
    return e.what();
  }
  return "";
}

PaymentRow payment_of(const ImportRow& row) {
  PaymentRow out;
  auto problems = roster::read_payment_row(row, &out);
  for (const auto& p : problems) INFO(p.field << ": " << p.reason);
  CHECK(problems.empty());
  return out;
}

// The problems of one CSV row under `header`, as "field: reason".
std::vector<std::string> problems_of(const std::string& header, const std::string& line) {
  auto rows = read_rows(ImportFormat::csv, header + "\n" + line + "\n");
  REQUIRE(rows.size() == 1);
  std::vector<std::string> out;
  for (const auto& p : roster::read_payment_row(rows[0], nullptr)) out.push_back(p.field + ": " + p.reason);
  return out;
}

}  // namespace

TEST_CASE("payment headers: English and Chinese, any width or case", "[payment-rows]") {
  ColumnMapping m = payments();
  for (auto [header, column] : std::vector<std::pair<std::string, std::string>>{
           {"会员", "member"},      {"单位名称", "member"},       {"会员单位", "member"},    {"名称", "member"},
           {"MEMBER", "member"},    {"Name", "member"},           {"会员编号", "member_id"}, {"编号", "member_id"},
           {"id", "member_id"},     {"member_id", "member_id"},   {"年度", "year"},          {"会费年度", "year"},
           {"ＹＥＡＲ", "year"},    {"金额", "amount"},           {"缴费金额", "amount"},    {"实缴金额", "amount"},
           {"Amount", "amount"},    {"amount_fen", "amount_fen"}, {"缴费日期", "paid_on"},   {"日期", "paid_on"},
           {"到账日期", "paid_on"}, {"paid_on", "paid_on"},       {"Date", "paid_on"},       {"收据号", "receipt"},
           {"收据编号", "receipt"}, {"票据号", "receipt"},        {" receipt ", "receipt"},  {"缴费方式", "method"},
           {"方式", "method"},      {"method", "method"},
       }) {
    INFO(header);
    CHECK(m.column_for(header) == column);
  }
  // A member file's columns are not a payment file's.
  CHECK(m.column_for("sectors").empty());
  CHECK(m.column_for("入会日期").empty());
  // And a member file still reads 单位名称 as the name.
  CHECK(ColumnMapping{}.column_for("单位名称") == "name");
}

TEST_CASE("a bank sheet with a title, a BOM and Chinese headers reads row by row", "[payment-rows]") {
  std::string text =
      "\xEF\xBB\xBF"
      "2024年会费到账明细\n"
      "会员单位,会费年度,实缴金额,到账日期,收据号,缴费方式\n"
      "杭州某某科技有限公司,2024年,\"¥3,000.00\",2024年3月15日,R-001,银行转账\n"
      ",,,,,\n"
      "7,2024,1500.5,45366,,现金\n";
  auto rows = read_rows(ImportFormat::csv, text);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].line == 3);
  PaymentRow a = payment_of(rows[0]);
  CHECK(a.member == "杭州某某科技有限公司");
  CHECK_FALSE(a.member_id);
  CHECK(a.payment.year == 2024);
  CHECK(a.payment.amount == 300000);
  CHECK(a.payment.paid_on.iso() == "2024-03-15");
  CHECK(a.payment.receipt == "R-001");
  CHECK(a.payment.method == "银行转账");
  CHECK_FALSE(a.day_number);
  CHECK(rows[1].line == 5);
  PaymentRow b = payment_of(rows[1]);
  CHECK(b.member == "7");
  CHECK(b.payment.amount == 150050);
  CHECK(b.payment.paid_on.iso() == "2024-03-15");  // Excel's day number 45366
  CHECK(b.day_number);
}

TEST_CASE("dues export's json, with numbers, reads back", "[payment-rows]") {
  std::string text = R"([
  {"member_id": 3, "name": "Acme", "year": 2024, "amount_fen": 150001, "amount": "1500.01",
   "paid_on": "2024-04-01", "receipt": "", "method": "微信"},
  {"member_id": "4", "year": "2025", "amount": 20.5, "paid_on": "2025-01-02"}
])";
  auto rows = read_rows(ImportFormat::json, text);
  REQUIRE(rows.size() == 2);
  PaymentRow a = payment_of(rows[0]);
  CHECK(a.member_id == 3);
  CHECK(a.member == "Acme");
  CHECK(a.payment.amount == 150001);
  CHECK(a.payment.method == "微信");
  PaymentRow b = payment_of(rows[1]);
  CHECK(b.member_id == 4);
  CHECK(b.payment.year == 2025);
  CHECK(b.payment.amount == 2050);  // 20.5 as written, never through a double
  CHECK(rows[1].line == 4);

  std::string jsonl = "{\"member\": \"Acme\", \"year\": 2024, \"amount\": \"3000\", \"paid_on\": \"2024/5/6\"}\n";
  auto lines = read_rows(ImportFormat::jsonl, jsonl);
  REQUIRE(lines.size() == 1);
  CHECK(payment_of(lines[0]).payment.paid_on.iso() == "2024-05-06");
}

TEST_CASE("a payment file's header problems are named", "[payment-rows]") {
  CHECK(reader_error(ImportFormat::csv, "year,amount,paid_on\n2024,3000,2024-03-01\n") ==
        "f:1: header: no member column (member, member_id, 会员 or 会员编号); the first line must name the columns, "
        "e.g. member,year,amount,paid_on");
  CHECK(reader_error(ImportFormat::csv, "member,year,amount,交易流水号\nAcme,2024,3000,X1\n") ==
        "f:1: header: unknown column '交易流水号'; drop it with --ignore 交易流水号, or every column roster does not "
        "know with --ignore-unknown-columns (roster reads member, member_id, year, amount, amount_fen, paid_on, "
        "receipt and method)");
  CHECK(reader_error(ImportFormat::json, R"([{"member": "Acme", "year": [2024]}])") ==
        "f:1: year: year must be a string or a number, got a list; write it as `roster dues export` does");
  CHECK(reader_error(ImportFormat::csv, "") ==
        "f: the file is empty; it needs a header line such as member,year,amount,paid_on,receipt,method");
  ColumnMapping skip = payments();
  skip.ignore_unknown = true;
  CHECK(read_rows(ImportFormat::csv, "member,交易流水号\nAcme,X1\n", skip).size() == 1);
}

TEST_CASE("each bad cell of a payment row is one problem", "[payment-rows]") {
  const std::string header = "member,member_id,year,amount,amount_fen,paid_on,receipt";
  CHECK(problems_of(header, ",,2024,3000,,2024-03-01,") ==
        std::vector<std::string>{"member: no member; give the member's id, exact name or USCC"});
  CHECK(problems_of(header, "Acme,x7,2024,3000,,2024-03-01,") ==
        std::vector<std::string>{"member_id: 'x7' is not a member id; give the number `roster list` shows"});
  CHECK(problems_of(header, "Acme,,24,3000,,2024-03-01,") ==
        std::vector<std::string>{"year: '24' is not a dues year; give it as 2024"});
  CHECK(problems_of(header, "Acme,,2024,12.345,,2024-03-01,") ==
        std::vector<std::string>{
            "amount: amount '12.345' has more than two decimals; give yuan with at most two, e.g. 3000 or 3000.50"});
  CHECK(problems_of(header, "Acme,,2024,3000,300001,2024-03-01,") ==
        std::vector<std::string>{
            "amount: amount 3000 yuan and amount_fen 300001 disagree; correct one of them, or drop one"});
  CHECK(problems_of(header, "Acme,,2024,0,,2024-03-01,") ==
        std::vector<std::string>{"amount: the amount is 0; give the amount paid, or drop the row"});
  CHECK(problems_of(header, "Acme,,2024,,,2024-03-01,") ==
        std::vector<std::string>{"amount: no amount; give the amount paid in yuan, e.g. 3000 or 3,000.00"});
  auto bad_date = problems_of(header, "Acme,,2024,3000,,2024-02-30,");
  REQUIRE(bad_date.size() == 1);
  CHECK(bad_date[0].starts_with("paid_on: payment date '2024-02-30'"));
  // Every problem of the row, not only the first.
  CHECK(problems_of(header, ",,,,,,R1").size() == 4);
}
