// The pieces of import that read real spreadsheets: loose dates, header
// names, formats, encodings and the four row readers.
#include <catch2/catch.hpp>
#include <sstream>

#include "roster/column_headers.h"
#include "roster/encoding.h"
#include "roster/error.h"
#include "roster/import_reader.h"
#include "roster/input_limits.h"

using roster::ColumnMapping;
using roster::ImportFormat;
using roster::ImportRow;

namespace {

// copy_as_utf8 of `bytes`; throws what it throws.
std::string as_utf8(const std::string& bytes, const std::string& encoding, const std::string& label = "f.csv") {
  std::istringstream in(bytes);
  std::ostringstream out;
  roster::copy_as_utf8(in, out, encoding, label);
  return out.str();
}

// The message of the roster::Error `f` throws ("" if none), and its exit code.
template <typename F>
std::pair<std::string, int> error_of(F f) {
  try {
    f();
  } catch (const roster::Error& e) {
    return {e.what(), e.exit_code()};
  }
  return {"", 0};
}

// Every row a reader for `format` gives for `text`.
std::vector<ImportRow> read_rows(ImportFormat format, const std::string& text, const ColumnMapping& mapping = {}) {
  std::istringstream in(text);
  auto reader = roster::make_member_reader(format, in, "f", mapping);
  REQUIRE(reader);
  std::vector<ImportRow> rows;
  ImportRow row;
  while (reader->next(row)) rows.push_back(row);
  return rows;
}

std::string reader_error(ImportFormat format, const std::string& text, const ColumnMapping& mapping = {}) {
  return error_of([&] { read_rows(format, text, mapping); }).first;
}

using Strings = std::vector<std::string>;

}  // namespace

// ---------------------------------------------------------------------------

TEST_CASE("ColumnMapping::column_for knows English and Chinese headers in any width or case", "[import-readers]") {
  ColumnMapping m;
  for (auto [header, column] : std::vector<std::pair<std::string, std::string>>{
           {"name", "name"},       {"uscc", "uscc"},        {"sectors", "sectors"},
           {"sector", "sectors"},  {"joined", "joined"},    {"left", "left"},
           {"tier", "tier"},       {"city", "city"},        {"parent", "parent"},
           {"note", "note"},       {"reason", "reason"},    {"id", "id"},
           {"status", "status"},   {"单位名称", "name"},    {"名称", "name"},
           {"企业名称", "name"},   {"会员名称", "name"},    {"统一社会信用代码", "uscc"},
           {"信用代码", "uscc"},   {"所属行业", "sectors"}, {"行业", "sectors"},
           {"入会日期", "joined"}, {"入会时间", "joined"},  {"退会日期", "left"},
           {"退会时间", "left"},   {"会员类别", "tier"},    {"级别", "tier"},
           {"会员级别", "tier"},   {"所在城市", "city"},    {"城市", "city"},
           {"上级单位", "parent"}, {"母公司", "parent"},    {"备注", "note"},
           {"退会原因", "reason"},
       }) {
    INFO(header);
    CHECK(m.column_for(header) == column);
  }
  // Case, full width and surrounding spaces do not matter.
  CHECK(m.column_for("NAME") == "name");
  CHECK(m.column_for("Sectors") == "sectors");
  CHECK(m.column_for("ＮＡＭＥ") == "name");
  CHECK(m.column_for("ｕｓｃｃ") == "uscc");
  CHECK(m.column_for("  单位名称 ") == "name");
  CHECK(m.column_for("\u3000备注\u3000") == "note");
  CHECK(m.column_for(" Joined\t") == "joined");
  // The contacts under every header secretariat sheets give them.
  for (const char* h : {"contact", "联系人", "联系人姓名"}) CHECK(m.column_for(h) == "contact");
  for (const char* h : {"phone", "电话", "手机", "联系电话", "手机号", "手机号码"}) CHECK(m.column_for(h) == "phone");
  for (const char* h : {"email", "邮箱", "电子邮箱", "电子邮件", "Email", "E-mail", "E-MAIL"}) {
    CHECK(m.column_for(h) == "email");
  }
  CHECK(roster::chinese_header("contact") == "联系人");
  CHECK(roster::chinese_header("phone") == "电话");
  CHECK(roster::chinese_header("email") == "邮箱");
  // Unknown headers.
  CHECK(m.column_for("公司全称") == "");
  CHECK(m.column_for("备用字段") == "");
  CHECK(m.column_for("传真") == "");
  CHECK(m.column_for("") == "");
  CHECK(m.column_for("names") == "");
  CHECK(m.column_for("单位") == "");
}

TEST_CASE("ColumnMapping::add maps extra headers and refuses bad rules", "[import-readers]") {
  ColumnMapping m;
  m.add("公司全称=name");
  m.add(" 备用字段 = NOTE ");
  m.add("Company Code=uscc");
  CHECK(m.column_for("公司全称") == "name");
  CHECK(m.column_for("备用字段") == "note");
  CHECK(m.column_for("ＣＯＭＰＡＮＹ  ＣＯＤＥ") == "uscc");
  // --map wins over the built-in names.
  m.add("备注=parent");
  CHECK(m.column_for("备注") == "parent");
  CHECK(m.column_for("单位名称") == "name");

  auto malformed = [](const std::string& rule) {
    return "--map '" + rule + "' should look like 'source=target', e.g. '公司全称=name'";
  };
  for (std::string rule : {"公司全称", "=name", "公司全称=", ""}) {
    INFO(rule);
    ColumnMapping fresh;
    auto [message, code] = error_of([&] { fresh.add(rule); });
    CHECK(message == malformed(rule));
    CHECK(code == roster::kExitUsage);
    CHECK(fresh.extra.empty());
  }
  ColumnMapping fresh;
  auto [message, code] = error_of([&] { fresh.add("公司全称=company"); });
  CHECK(message ==
        "--map '公司全称=company': 'company' is not one of roster's columns (name, uscc, sectors, joined, "
        "left, tier, city, parent, note, reason, id)");
  CHECK(code == roster::kExitUsage);
  CHECK(error_of([&] { fresh.add("公司全称=单位名称"); }).second == roster::kExitUsage);
  CHECK(fresh.extra.empty());
}

TEST_CASE("import_format_from_name reads the extension, in any case", "[import-readers]") {
  using roster::import_format_from_name;
  CHECK(import_format_from_name("members.csv") == ImportFormat::csv);
  CHECK(import_format_from_name("/tmp/会员名单.CSV") == ImportFormat::csv);
  CHECK(import_format_from_name("members.tsv") == ImportFormat::tsv);
  CHECK(import_format_from_name("members.txt") == ImportFormat::tsv);
  CHECK(import_format_from_name("members.TXT") == ImportFormat::tsv);
  CHECK(import_format_from_name("members.json") == ImportFormat::json);
  CHECK(import_format_from_name("members.jsonl") == ImportFormat::jsonl);
  CHECK(import_format_from_name("members.ndjson") == ImportFormat::jsonl);
  CHECK(import_format_from_name("dir.json/members.csv") == ImportFormat::csv);
  CHECK_FALSE(import_format_from_name("members.xlsx"));
  CHECK_FALSE(import_format_from_name("members.xls"));
  CHECK_FALSE(import_format_from_name("members"));
  CHECK_FALSE(import_format_from_name("-"));
  CHECK_FALSE(import_format_from_name("csv"));
  CHECK_FALSE(import_format_from_name("members.csv.gz"));
}

// ---------------------------------------------------------------------------

TEST_CASE("copy_as_utf8 passes valid UTF-8 through byte for byte", "[import-readers]") {
  for (std::string text : {std::string(""), std::string("name\n"), std::string("name,备注\r\n甲,乙\r\n"),
                           std::string("\xEF\xBB\xBFname\r\n甲"), std::string("a\n\n\nb\n"), std::string("no line end"),
                           std::string("\r\n\r\n")}) {
    for (const char* encoding : {"utf-8", "UTF-8", "utf8", ""}) {
      INFO(text << " / " << encoding);
      CHECK(as_utf8(text, encoding) == text);
    }
  }
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "会员企业" + std::to_string(i) + "\r\n";
  CHECK(as_utf8(big, "utf-8") == big);
}

TEST_CASE("copy_as_utf8 names the first line that is not UTF-8 and suggests gb18030", "[import-readers]") {
  auto hint = [](const std::string& where) {
    return where + ": the file is not UTF-8; if a Chinese spreadsheet program saved it, add --encoding gb18030";
  };
  CHECK(error_of([] { as_utf8("\xD6\xD0\xCE\xC4\n", "utf-8", "a.csv"); }) == std::pair{hint("a.csv:1"), 1});
  CHECK(error_of([] { as_utf8("name\r\nok\r\n\xD6\xD0\xCE\xC4\r\n\xFF\r\n", "utf-8", "<stdin>"); }).first ==
        hint("<stdin>:3"));
  CHECK(error_of([] { as_utf8("name\n\xE4\xB8", "utf-8"); }).first == hint("f.csv:2"));  // cut at the end
  CHECK(error_of([] { as_utf8("\xC0\xAF\n", "utf-8"); }).first == hint("f.csv:1"));      // overlong '/'
  CHECK(error_of([] { as_utf8("\xED\xA0\x80\n", "utf-8"); }).first == hint("f.csv:1"));  // surrogate
}

TEST_CASE("copy_as_utf8 refuses a line over max_line as soon as it is seen, in either encoding", "[import-readers]") {
  const size_t cap = roster::kMaxRecordBytes;
  auto copy = [&](const std::string& bytes, const std::string& encoding) {
    std::istringstream in(bytes);
    std::ostringstream out;
    roster::copy_as_utf8(in, out, encoding, "f.csv", cap);
    return out.str().size();
  };
  const std::string message =
      "f.csv:3: a line is longer than 1 MB; a member takes a few hundred bytes, so check that this is the member list";
  std::string fits = "a\r\nb\n" + std::string(cap, 'x') + "\nc";
  CHECK(copy(fits, "utf-8") == fits.size());
  CHECK(copy(fits, "gb18030") == fits.size());
  for (const char* encoding : {"utf-8", "gb18030"}) {
    INFO(encoding);
    CHECK(error_of([&] { copy("a\r\nb\n" + std::string(cap + 1, 'x') + "\nc", encoding); }).first == message);
    CHECK(error_of([&] { copy("a\r\nb\n" + std::string(cap + 1, 'x'), encoding); }).first == message);
  }
  // Converted first: 400,000 two-byte GB18030 characters are 1.2 MB of UTF-8.
  std::string gb;
  for (int i = 0; i < 400000; ++i) gb += "\xD6\xD0";
  CHECK(error_of([&] { copy("a\nb\n" + gb, "gb18030"); }).first == message);
  // Without max_line any length is copied.
  std::istringstream in(std::string(cap + 1, 'x'));
  std::ostringstream out;
  roster::copy_as_utf8(in, out, "utf-8", "f.csv");
  CHECK(out.str().size() == cap + 1);
}

TEST_CASE("copy_as_utf8 checks UTF-8 characters cut by the 64 KiB read buffer", "[import-readers]") {
  for (size_t pad = 65532; pad <= 65537; ++pad) {
    INFO(pad);
    std::string text = std::string(pad, 'a') + "中文\xF0\xA0\x80\x80中\n";
    CHECK(as_utf8(text, "utf-8") == text);
    CHECK(error_of([&] { as_utf8("x\n" + std::string(pad, 'a') + "中\xFF文\n", "utf-8"); }).first ==
          "f.csv:2: the file is not UTF-8; if a Chinese spreadsheet program saved it, add --encoding gb18030");
  }
}

TEST_CASE("copy_as_utf8 refuses a workbook and UTF-16 text by their first bytes", "[import-readers]") {
  const std::string workbook =
      "w.csv: the file is an Excel or WPS workbook, not text; save it as CSV (另存为 CSV UTF-8) and import that file";
  for (const char* encoding : {"utf-8", "gb18030", "utf-16"}) {
    INFO(encoding);
    CHECK(error_of([&] { as_utf8(std::string("PK\x03\x04rest", 8), encoding, "w.csv"); }).first == workbook);
    CHECK(error_of([&] {
            as_utf8("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(8, '\0'), encoding, "w.csv");
          }).first == workbook);
  }
  auto utf16 = [](const std::string& suggested) {
    return "u.csv: the file is UTF-16; save it as UTF-8 (CSV UTF-8) or add --encoding " + suggested;
  };
  const std::string le("n\0a\0m\0e\0\n\0", 10), be("\0n\0a\0m\0e\0\n", 10);
  for (const char* encoding : {"utf-8", "gb18030"}) {
    INFO(encoding);
    CHECK(error_of([&] { as_utf8("\xFF\xFE" + le, encoding, "u.csv"); }).first == utf16("utf-16"));
    CHECK(error_of([&] { as_utf8("\xFE\xFF" + be, encoding, "u.csv"); }).first == utf16("utf-16"));
    CHECK(error_of([&] { as_utf8(le, encoding, "u.csv"); }).first == utf16("utf-16"));
    CHECK(error_of([&] { as_utf8(be, encoding, "u.csv"); }).first == utf16("utf-16be"));
  }
  // Named, it is converted; the byte-order mark is read, or kept as a UTF-8 one.
  CHECK(as_utf8("\xFF\xFE" + le, "utf-16") == "name\n");
  CHECK(as_utf8(le + std::string("\x2D\x4E", 2), "UTF-16LE") == "name\n中");
  CHECK(as_utf8(be, "utf-16be") == "name\n");
  CHECK(as_utf8("\xFF\xFE" + le, "utf-16le") == "\xEF\xBB\xBFname\n");
  // One NUL in UTF-8 text is not UTF-16.
  CHECK(as_utf8(std::string("a\0b\n", 4), "utf-8") == std::string("a\0b\n", 4));
}

TEST_CASE("is_workbook_name knows the workbooks of Excel and WPS, in any case", "[import-readers]") {
  for (const char* name : {"a.xlsx", "a.XLSX", "a.xls", "a.xlsm", "a.xlsb", "a.et", "a.ett", "/d/会员名单.Et"}) {
    INFO(name);
    CHECK(roster::is_workbook_name(name));
  }
  for (const char* name : {"a.csv", "a.txt", "a", "xlsx", "a.xlsx.csv", "a.json"}) {
    INFO(name);
    CHECK_FALSE(roster::is_workbook_name(name));
  }
}

TEST_CASE("copy_as_utf8 converts GB18030 and GBK to UTF-8", "[import-readers]") {
  CHECK(as_utf8("\xD6\xD0\xCE\xC4", "gb18030") == "中文");
  CHECK(as_utf8("\xD6\xD0\xCE\xC4", "GB18030") == "中文");
  CHECK(as_utf8("\xD6\xD0\xCE\xC4", "gbk") == "中文");
  CHECK(as_utf8("name,\xB1\xB8\xD7\xA2\r\n\xD6\xD0\xCE\xC4,x\r\n", "gb18030") == "name,备注\r\n中文,x\r\n");
  // Four-byte GB18030 sequences: U+20000 and U+3400.
  CHECK(as_utf8("\x95\x32\x82\x36", "gb18030") == "\xF0\xA0\x80\x80");
  CHECK(as_utf8("\x81\x39\xEE\x39", "gb18030") == "\xE3\x90\x80");
  CHECK(as_utf8("", "gb18030") == "");
}

TEST_CASE("copy_as_utf8 converts characters cut by the 64 KiB read buffer", "[import-readers]") {
  // Shift a run of two- and four-byte characters across the buffer edge.
  for (size_t pad = 65530; pad <= 65537; ++pad) {
    INFO(pad);
    std::string ascii(pad, 'a');
    std::string gb = ascii + "\xD6\xD0\xCE\xC4\x95\x32\x82\x36\xD6\xD0\n";
    CHECK(as_utf8(gb, "gb18030") == ascii + "中文\xF0\xA0\x80\x80中\n");
  }
}

TEST_CASE("copy_as_utf8 refuses bytes that are not the named encoding, with the line", "[import-readers]") {
  CHECK(error_of([] { as_utf8("name\nok\n\xFF\xFF\n", "gb18030", "g.csv"); }) ==
        std::pair{std::string("g.csv:3: the file is not valid gb18030; check --encoding"), 1});
  // A four-byte GB18030 character is not GBK.
  CHECK(error_of([] { as_utf8("name\n\x95\x32\x82\x36\n", "gbk"); }).first ==
        "f.csv:2: the file is not valid gbk; check --encoding");
  // The line is right after a buffer's worth of lines.
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "\xD6\xD0\xCE\xC4\n";  // 100,000 bytes, 20,000 lines
  CHECK(error_of([&] { as_utf8(many + "\xFF\n", "gb18030"); }).first ==
        "f.csv:20001: the file is not valid gb18030; check --encoding");
}

TEST_CASE("copy_as_utf8 refuses a GB18030 file that ends inside a character", "[import-readers]") {
  CHECK(error_of([] { as_utf8("\xD6\xD0\xCE", "gb18030", "g.csv"); }) ==
        std::pair{std::string("g.csv:1: the file ends inside a character; check --encoding"), 1});
  CHECK(error_of([] { as_utf8("a\nb\n\x95\x32\x82", "gb18030"); }).first ==
        "f.csv:3: the file ends inside a character; check --encoding");
  CHECK(error_of([] { as_utf8(std::string(65536, 'a') + "\xD6", "gb18030"); }).first ==
        "f.csv:1: the file ends inside a character; check --encoding");
}

TEST_CASE("copy_as_utf8 refuses an unknown encoding as a usage error", "[import-readers]") {
  CHECK(error_of([] { as_utf8("x", "klingon"); }) ==
        std::pair{std::string("unknown --encoding 'klingon'; use utf-8, gb18030 or gbk"), 2});
}

// ---------------------------------------------------------------------------

TEST_CASE("make_member_reader reads CSV rows with lines, Chinese headers and loose dates", "[import-readers]") {
  auto rows =
      read_rows(ImportFormat::csv,
                "\xEF\xBB\xBF单位名称,统一社会信用代码,所属行业,入会日期,退会日期,会员类别,所在城市,上级单位,备注,"
                "退会原因\r\n"
                "\"杭州, 西湖\",91310110666007217T,文化旅游; 教育 ,2024/7/5,2025.1.2,理事,杭州,西湖集团,"
                "'=备注,搬迁\r\n"
                "\r\n"
                "\"多行\n名称\",,,,,,,,,\r\n"
                "短行,x\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].line == 2);
  CHECK(rows[0].draft.name == "杭州, 西湖");
  CHECK(rows[0].draft.uscc == "91310110666007217T");
  CHECK(rows[0].draft.sectors == Strings{"文化旅游", "教育"});
  CHECK(rows[0].draft.joined == "2024/7/5");  // as written: parse_date reads it with the rules
  CHECK(rows[0].draft.left == "2025.1.2");
  CHECK(rows[0].draft.tier == "理事");
  CHECK(rows[0].draft.city == "杭州");
  CHECK(rows[0].draft.parent == "西湖集团");
  CHECK(rows[0].draft.note == "=备注");  // the spreadsheet apostrophe is undone
  CHECK(rows[0].draft.reason == "搬迁");
  CHECK(rows[0].group.empty());
  CHECK(rows[0].shape_problem.empty());
  CHECK(rows[1].line == 4);
  CHECK(rows[1].draft.name == "多行\n名称");
  CHECK(rows[1].shape_problem.empty());
  CHECK(rows[2].line == 6);
  CHECK(rows[2].draft.name == "短行");
  CHECK(rows[2].shape_problem == "2 cells where the header has 10; quote cells that contain commas");
}

TEST_CASE("make_member_reader reads TSV rows without quoting", "[import-readers]") {
  auto rows = read_rows(ImportFormat::tsv,
                        "id\tname\tsectors\tjoined\tstatus\r\n"
                        "3\t\"引号\"公司\ttourism;education\t2023.07.15\tactive\r\n"
                        "3\t'=公式\ttourism\t2025/1/1\tactive\r\n"
                        "4\t少一格\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].line == 2);
  CHECK(rows[0].draft.name == "\"引号\"公司");
  CHECK(rows[0].draft.sectors == Strings{"tourism", "education"});
  CHECK(rows[0].draft.joined == "2023.07.15");
  CHECK(rows[0].group == "3");
  CHECK(rows[1].draft.name == "'=公式");  // TSV is written without the apostrophe guard
  CHECK(rows[1].group == "3");
  CHECK(rows[1].draft.joined == "2025/1/1");
  CHECK(rows[2].line == 4);
  CHECK(rows[2].shape_problem == "2 cells where the header has 5; quote cells that contain tabs");
}

TEST_CASE("make_member_reader refuses bad CSV headers at once", "[import-readers]") {
  CHECK(reader_error(ImportFormat::csv, "") ==
        "f: the file is empty; it needs a header line such as name,uscc,sectors,joined,left,tier,city,parent,note");
  CHECK(reader_error(ImportFormat::csv, "name,备用字段\n") ==
        "f:1: header: unknown column '备用字段'; drop it with --ignore 备用字段, or read it as one of roster's columns "
        "with --map '备用字段=COLUMN' (COLUMN: name, uscc, sectors, joined, left, tier, city, parent, note, reason or "
        "id)");
  CHECK(reader_error(ImportFormat::csv, "name,ＮＡＭＥ\n") ==
        "f:1: header: two columns are 'name' ('name' and 'ＮＡＭＥ'); keep one");
  CHECK(reader_error(ImportFormat::tsv, "uscc\tsectors\n") ==
        "f:1: header: no name column (name or 单位名称); the first line must name the columns, e.g. "
        "name,uscc,sectors,joined");
  ColumnMapping ignore;
  ignore.ignore_unknown = true;
  auto rows = read_rows(ImportFormat::csv, "备用字段,name,传真\n王,甲公司,123\n", ignore);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].draft.name == "甲公司");
  CHECK(rows[0].draft.note.empty());
  CHECK(rows[0].shape_problem.empty());
  CHECK(reader_error(ImportFormat::csv, "备用字段,传真\n王,123\n", ignore).find("f:1: header: no name column") == 0);
}

TEST_CASE("make_member_reader reads the contacts under their Chinese headers", "[import-readers]") {
  auto rows = read_rows(ImportFormat::csv,
                        "单位名称,联系人姓名,手机号码,电子邮箱\n甲公司,王丽,+86 138 0000 0000,wang@example.com\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].draft.contacts == roster::MemberContacts{"王丽", "+86 138 0000 0000", "wang@example.com"});
  CHECK(rows[0].present.count("phone") == 1);
  auto json = read_rows(ImportFormat::jsonl, "{\"name\": \"乙\", \"contact\": \"李强\", \"E-mail\": null}\n");
  REQUIRE(json.size() == 1);
  CHECK(json[0].draft.contacts == roster::MemberContacts{"李强", "", ""});
  CHECK(json[0].present.count("email") == 1);
}

TEST_CASE("make_member_reader reads a JSON array, nested periods become rows of one group", "[import-readers]") {
  auto rows = read_rows(ImportFormat::json,
                        "\xEF\xBB\xBF[\n"
                        "  {\"name\": \"甲\", \"sectors\": [\"tourism\", \"education\"], \"uscc\": null,\n"
                        "   \"joined\": \"2024/1/2\", \"tier\": \"理事\", \"primary_sector\": \"tourism\", \"status\": "
                        "\"active\"},\n"
                        "  {\"id\": 9, \"单位名称\": \"乙 {[\\\"]}\", \"所属行业\": \"文化旅游\",\n"
                        "   \"periods\": [{\"joined\": \"2023-07-15\", \"left\": \"2024.1.2\", \"reason\": \"搬迁\"},\n"
                        "                 {\"joined\": \"2025-01-01\", \"left\": null}]},\n"
                        "  {\"name\": \"丙\", \"periods\": [{\"joined\": \"2023-01-01\", \"left\": \"2023-06-01\"}, "
                        "{\"joined\": \"2024-01-01\"}]}\n"
                        "]\n");
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].line == 2);
  CHECK(rows[0].draft.name == "甲");
  CHECK(rows[0].draft.sectors == Strings{"tourism", "education"});
  CHECK(rows[0].draft.uscc.empty());
  CHECK(rows[0].draft.joined == "2024/1/2");
  CHECK(rows[0].draft.tier == "理事");
  CHECK(rows[0].group.empty());

  for (size_t i : {1, 2}) {
    CHECK(rows[i].line == 4);
    CHECK(rows[i].draft.name == "乙 {[\"]}");
    CHECK(rows[i].draft.sectors == Strings{"文化旅游"});
    CHECK(rows[i].group == "9");
  }
  CHECK(rows[1].draft.joined == "2023-07-15");
  CHECK(rows[1].draft.left == "2024.1.2");
  CHECK(rows[1].draft.reason == "搬迁");
  CHECK(rows[2].draft.joined == "2025-01-01");
  CHECK(rows[2].draft.left.empty());
  CHECK(rows[2].draft.reason.empty());

  // Without an id the periods share their object's record, and no other row does.
  CHECK(rows[3].line == 7);
  CHECK(rows[4].line == 7);
  CHECK(rows[3].group.empty());
  CHECK(rows[3].record == rows[4].record);
  CHECK(rows[0].record == 1);
  CHECK(rows[1].record == 2);
  CHECK(rows[3].record == 3);
  CHECK(rows[3].draft.left == "2023-06-01");
  CHECK(rows[4].draft.joined == "2024-01-01");
  CHECK(rows[4].draft.left.empty());
}

TEST_CASE("make_member_reader refuses a JSON file that is not an array of objects", "[import-readers]") {
  const std::string not_array =
      "f: not a JSON array of members; check the file (or use --format jsonl for one object per line)";
  CHECK(reader_error(ImportFormat::json, "{\"name\": \"甲\"}") == not_array);
  CHECK(reader_error(ImportFormat::json, "") == not_array);
  // Broken JSON inside the array is named by line.
  CHECK(reader_error(ImportFormat::json, "[{\"name\": \"甲\"},") ==
        "f:1: the JSON ends too soon (a missing ']' or '}'?); check the end of the file");
  CHECK(reader_error(ImportFormat::json, "[\n{\"name\": \"甲\"},\n{\"name\": \"乙\"}\n{\"name\": \"丙\"}]") ==
        "f:4: the JSON is broken on this line (a missing comma, quote or bracket?); fix it and run again");
  CHECK(reader_error(ImportFormat::json, "[\n{\"name\": \"甲\",\n \"sectors\": tourism}]") ==
        "f:3: the JSON is broken on this line (a missing comma, quote or bracket?); fix it and run again");
  CHECK(reader_error(ImportFormat::json, "\xEF\xBB\xBF[{\"name\": \"甲\"},\n\xEF\xBB\xBF{\"name\": \"乙\"}]") ==
        "f:2: the JSON is broken on this line (a missing comma, quote or bracket?); fix it and run again");
  CHECK(reader_error(ImportFormat::json, "[{\"name\": \"甲\"}]\n[]") ==
        "f:2: the JSON is broken on this line (a missing comma, quote or bracket?); fix it and run again");
  CHECK(reader_error(ImportFormat::json, "[\n  {\"name\": \"甲\"},\n  [\"乙\"]\n]") ==
        "f:3: expected an object like {\"name\": …, \"sectors\": […]}");
  CHECK(reader_error(ImportFormat::json, "[\n  {\"name\": \"甲\", \"备用字段\": \"王\"}\n]")
            .find("f:2: header: unknown column '备用字段';") == 0);
  CHECK(read_rows(ImportFormat::json, "[]").empty());
}

TEST_CASE("make_member_reader names the line of a JSON array element that is a string or number", "[import-readers]") {
  // The line is where the parser read the element, whatever its type.
  CHECK(reader_error(ImportFormat::json, "[\n  {\"name\": \"甲\"},\n  \"乙公司\",\n  {\"name\": \"丙\"}\n]") ==
        "f:3: expected an object like {\"name\": …, \"sectors\": […]}");
  CHECK(reader_error(ImportFormat::json, "[\n\n\n  42\n]") ==
        "f:4: expected an object like {\"name\": …, \"sectors\": […]}");
}

TEST_CASE("make_member_reader reads JSON Lines one line at a time", "[import-readers]") {
  std::istringstream in(
      "\xEF\xBB\xBF{\"name\": \"甲\", \"sectors\": \"tourism\", \"joined\": \"2024.1.2\"}\r\n"
      "\r\n"
      "   \n"
      "{\"id\": \"A-1\", \"名称\": \"乙\", \"periods\": [{\"joined\": \"2023-01-01\", \"left\": \"2023-06-01\"}, "
      "{\"joined\": \"2024-01-01\", \"reason\": \"\"}]}\n"
      "{\"name\": \"丙\"}\n"
      "{\"name\": \"丁\", \n");
  auto reader = roster::make_member_reader(ImportFormat::jsonl, in, "f.jsonl", {});
  ImportRow row;
  REQUIRE(reader->next(row));
  CHECK(row.line == 1);
  CHECK(row.draft.name == "甲");
  CHECK(row.draft.joined == "2024.1.2");
  CHECK(row.draft.sectors == Strings{"tourism"});
  REQUIRE(reader->next(row));
  CHECK(row.line == 4);
  CHECK(row.draft.name == "乙");
  CHECK(row.group == "A-1");
  CHECK(row.draft.left == "2023-06-01");
  REQUIRE(reader->next(row));
  CHECK(row.line == 4);
  CHECK(row.group == "A-1");
  CHECK(row.draft.joined == "2024-01-01");
  CHECK(row.draft.left.empty());
  REQUIRE(reader->next(row));
  CHECK(row.line == 5);
  CHECK(row.draft.name == "丙");
  CHECK(row.group.empty());
  // The broken line is only reached (and refused) after the good ones.
  CHECK(error_of([&] { reader->next(row); }).first == "f.jsonl:6: not a JSON object; each line must hold one member");

  // A byte-order mark counts at the start of the file only.
  CHECK(reader_error(ImportFormat::jsonl, "{\"name\": \"甲\"}\n \xEF\xBB\xBF{\"name\": \"乙\"}\n") ==
        "f:2: not a JSON object; each line must hold one member");
  CHECK(reader_error(ImportFormat::jsonl, "{\"name\": \"甲\"}\n42\n") ==
        "f:2: expected an object like {\"name\": …, \"sectors\": […]}");
  CHECK(read_rows(ImportFormat::jsonl, "").empty());
  CHECK(read_rows(ImportFormat::jsonl, "\n\r\n").empty());
}

TEST_CASE("make_member_reader refuses a byte-order mark cut short, never reading it as an empty file",
          "[import-readers]") {
  // Found by fuzzing: "\xEF\xBB" at the end of the file was taken for a mark
  // and the jsonl reader then gave no rows, as if the file were empty.
  for (const std::string& text : {std::string("\xEF\xBB"), std::string("\xEF"), std::string("\xEF\xBB\n"),
                                  std::string("\xEF\xBB{\"name\": \"甲\"}\n"), std::string("\xEF\xBB[]")}) {
    INFO(text);
    CHECK(reader_error(ImportFormat::jsonl, text) == "f:1: not a JSON object; each line must hold one member");
    CHECK(reader_error(ImportFormat::json, text) ==
          "f: not a JSON array of members; check the file (or use --format jsonl for one object per line)");
  }
}

TEST_CASE("make_member_reader refuses JSON nested deep at its first list, and reads an ignored one past",
          "[import-readers]") {
  // Found by tests/fuzz/fuzz_json_reader.cpp when values were kept as text:
  // a 200 KB note of nested lists overflowed the stack. A text field now
  // refuses a list at its first bracket, and a value read past is never built.
  auto nested = [](char open, char close, size_t levels) {
    return std::string(levels, open) + std::string(levels, close);
  };
  const std::string deep = "{\"name\": \"甲\", \"note\": " + nested('[', ']', 100000) + "}";
  const std::string refused = "note: note must be a string, got a list; write it as one string";
  CHECK(reader_error(ImportFormat::json, "[\n" + deep + "\n]") == "f:2: " + refused);
  CHECK(reader_error(ImportFormat::jsonl, "{\"name\": \"乙\"}\n" + deep + "\n") == "f:2: " + refused);
  std::string deep_objects = "{\"name\": \"甲\", \"备用字段\": ";
  for (int i = 0; i < 100000; ++i) deep_objects += "{\"a\": ";
  deep_objects += "1" + std::string(100000, '}') + "}";
  ColumnMapping ignore;
  ignore.ignore_unknown = true;
  auto rows = read_rows(ImportFormat::jsonl, deep_objects + "\n", ignore);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].draft.name == "甲");
  CHECK(rows[0].draft.note.empty());
}

TEST_CASE("make_member_reader gives each object of a one-line JSON array its own record", "[import-readers]") {
  auto rows =
      read_rows(ImportFormat::json,
                R"([{"name":"甲","periods":[{"joined":"2023-01-01","left":"2023-06-01"},{"joined":"2024-01-01"}]},)"
                R"({"name":"乙","periods":[{"joined":"2024-05-01"}]},{"name":"丙"}])");
  REQUIRE(rows.size() == 4);
  for (const auto& row : rows) {
    CHECK(row.line == 1);
    CHECK(row.group.empty());
  }
  CHECK(rows[0].record == 1);
  CHECK(rows[1].record == 1);
  CHECK(rows[2].record == 2);
  CHECK(rows[2].draft.name == "乙");
  CHECK(rows[3].record == 3);
  // JSON Lines and CSV number their records the same way.
  auto lines = read_rows(ImportFormat::jsonl, "{\"name\":\"甲\"}\n\n{\"name\":\"乙\"}\n");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].record == 1);
  CHECK(lines[1].record == 2);
  CHECK(lines[1].line == 3);
  auto csv = read_rows(ImportFormat::csv, "name\n甲\n\n乙\n");
  REQUIRE(csv.size() == 2);
  CHECK(csv[0].record == 1);
  CHECK(csv[1].record == 2);
}

TEST_CASE("make_member_reader names the line of a JSON value of the wrong type, not of its object",
          "[import-readers]") {
  CHECK(reader_error(ImportFormat::json, "[\n  {\"name\": \"甲\",\n   \"sectors\": [\"tourism\",\n     false]}\n]") ==
        "f:4: sectors: sectors must be a string or a list of strings, got false inside the list; list the sectors "
        "as strings");
  CHECK(reader_error(ImportFormat::json, "[{\"name\": \"甲\"},\n {\"名称\": null, \"tier\":\n\n 3}]") ==
        "f:4: tier: tier must be a string, got the number 3; put it in quotes");
  // A number ends only at the byte after it: a line break there is not yet its line.
  CHECK(reader_error(ImportFormat::json, "[{\"name\": \"甲\", \"id\": 1.0\n}]") ==
        "f:1: id: id must be a string or a whole number, got the number 1.0; use the id export wrote");
  CHECK(reader_error(ImportFormat::json, "[\n  7\n]") ==
        "f:2: expected an object like {\"name\": …, \"sectors\": […]}");
}

TEST_CASE("make_member_reader takes the first row with a name column among the first ten as the header",
          "[import-readers]") {
  auto rows = read_rows(ImportFormat::csv, "会员名单,,\n\n,,\n日期：2025年8月,,\nname,sectors,\n甲,tourism,\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].line == 6);
  CHECK(rows[0].draft.name == "甲");
  CHECK(rows[0].shape_problem.empty());
  // A --map to name makes a header too; a row of text above it is not a title.
  ColumnMapping mapped;
  mapped.add("公司全称=name");
  CHECK(read_rows(ImportFormat::tsv, "名单\n公司全称\t行业\n甲\ttourism\n", mapped).at(0).draft.name == "甲");
  CHECK(reader_error(ImportFormat::csv, "会员名单,2025\nname,sectors\n甲,tourism\n") ==
        "f:1: header: the header is on line 2, but line 1 above it holds more than a title; delete the rows above the "
        "header or move them below it");
  // Past the tenth row, or with no name column at all, the first row is the header.
  std::string late;
  for (int i = 0; i < 10; ++i) late += "标题" + std::to_string(i) + "\n";
  CHECK(reader_error(ImportFormat::csv, late + "name\n甲\n").find("f:1: header: unknown column '标题0';") == 0);
  CHECK(reader_error(ImportFormat::csv, ",,\n\n") ==
        "f: the file is empty; it needs a header line such as name,uscc,sectors,joined,left,tier,city,parent,note");
  // An --ignore'd name column names no header.
  ColumnMapping ignore_name;
  ignore_name.ignore("单位名称");
  CHECK(reader_error(ImportFormat::csv, "单位名称,所属行业\n甲,tourism\n", ignore_name)
            .find("f:1: header: no name column") == 0);
}

TEST_CASE("make_member_reader reads past empty columns, refusing text under no header", "[import-readers]") {
  auto rows =
      read_rows(ImportFormat::csv, "name,,sectors,,\n甲,,tourism,,\n乙,x,tourism,,\n丙,,tourism\n丁,\n戊,,t,,,\n");
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].shape_problem.empty());
  CHECK(rows[0].draft.sectors == Strings{"tourism"});
  CHECK(rows[1].shape_problem ==
        "cell 2 holds text, but its column has no header; give the column a header (then --map or --ignore it) or "
        "clear the cell");
  CHECK(rows[2].shape_problem.empty());
  CHECK(rows[3].shape_problem == "2 cells where the header has 3; quote cells that contain commas");
  CHECK(rows[4].shape_problem == "6 cells where the header has 5; quote cells that contain commas");
}

TEST_CASE("make_member_reader caps each JSON member object at 1 MB, not the white space between them",
          "[import-readers]") {
  const std::string spaces(roster::kMaxRecordBytes + 10, ' ');
  const std::string blank_lines(roster::kMaxRecordBytes + 10, '\n');
  CHECK(read_rows(ImportFormat::json, "[{\"name\": \"甲\"}," + spaces + "{\"name\": \"乙\"}" + spaces + "]" + spaces)
            .size() == 2);
  auto rows = read_rows(ImportFormat::jsonl, "{\"name\": \"甲\"}\n" + blank_lines + "{\"name\": \"乙\"}\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].line == roster::kMaxRecordBytes + 12);
  const std::string too_long =
      "a member object is longer than 1 MB; a member takes a few hundred bytes, so check that this is the member list";
  CHECK(reader_error(ImportFormat::json, "[{\"name\": \"甲\"},\n{\"name\": \"乙\", \"note\":" + spaces + "\"\"}]") ==
        "f:2: " + too_long);
  CHECK(reader_error(ImportFormat::jsonl,
                     "{\"name\": \"甲\"}\n\n{\"note\": \"" + std::string(roster::kMaxRecordBytes, 'x') + "\"}\n") ==
        "f:3: " + too_long);
}
