// Shared by the import end-to-end tests: fixed dates, the Chinese sample
// sheet, and small helpers.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "harness.h"

namespace roster::test {

inline const char* kAsOf = "2026-11-29";
inline const char* kListHeader = "id\tname\tuscc\tsectors\ttier\tcity\tparent\tnote\tjoined\tleft\tstatus\n";
inline const char* kNotUtf8 =
    ": the file is not UTF-8; if a Chinese spreadsheet program saved it, add --encoding gb18030\n";

// `utf8` converted to `encoding` by iconv(1), as a spreadsheet program would save it.
inline std::string encode(const std::string& utf8, const std::string& encoding) {
  auto r = run_program({"iconv", "-f", "UTF-8", "-t", encoding}, utf8);
  REQUIRE(r.code == 0);
  REQUIRE(r.err.empty());
  return r.out;
}

inline std::string list_all(const DbFixture& fx) {
  return fx.roster({"list", "-f", "tsv", "--status", "all", "--as-of", kAsOf}).out;
}

inline std::string count_members(const std::string& db) {
  return run_program({"sqlite3", db, "SELECT count(*) FROM members; SELECT count(*) FROM periods;"}).out;
}

inline std::string sql(const std::string& db, const std::string& query) {
  return run_program({"sqlite3", db, query}).out;
}

// The Chinese membership sheet of a typical association, as Excel/WPS saves it.
inline const std::string kChineseSheet =
    "单位名称,统一社会信用代码,所属行业,入会日期,会员类别,所在城市,备注\r\n"
    "杭州西湖文旅有限公司,91310110666007217T,文化旅游,2024/7/5,理事,杭州,老会员\r\n"
    "宁波教育科技有限公司,,教育;数字内容,2023.07.15,会员,宁波,\r\n"
    "\"温州, 健康有限公司\",91110000600037341L,医疗健康,2025-01-02,副会长单位,温州,\"备注,含逗号\"\r\n";

inline const std::string kChineseSheetList =
    std::string(kListHeader) +
    "1\t杭州西湖文旅有限公司\t91310110666007217T\ttourism\tcouncil\t杭州\t\t老会员\t2024-07-05\t\tactive\n"
    "2\t宁波教育科技有限公司\t\teducation;media\tmember\t宁波\t\t\t2023-07-15\t\tactive\n"
    "3\t温州, "
    "健康有限公司\t91110000600037341L\thealthcare\tvice-president\t温州\t\t备注,含逗号\t2025-01-02\t\tactive\n";

}  // namespace roster::test
