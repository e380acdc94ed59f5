// list and export --headers zh: the Chinese header row import reads back, with
// the cells unchanged, and never chosen by the language.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "harness.h"

using namespace roster::test;

namespace {
const std::string kAsOf = "2026-11-29";
const std::string kExportZh =
    "编号,单位名称,统一社会信用代码,所属行业,会员级别,城市,上级单位,备注,入会日期,退会日期,退会原因,拼音排序键,"
    "联系人,电话,邮箱";
const std::string kListZh =
    "编号,单位名称,统一社会信用代码,所属行业,会员级别,城市,上级单位,备注,入会日期,退会日期,状态";
const std::string kRefusal =
    "roster: error: --headers zh is for csv and tsv only, not json; add -f csv or -f tsv, or drop --headers zh\n";

// The small roster (8 members, two of whom left), plus a member who left with
// a reason and came back: two periods, so the id column groups them.
void fill(const DbFixture& fx) {
  REQUIRE(
      fx.roster({"import", (source_dir() / "tests/e2e/fixtures/small.csv").string(), "--as-of", kAsOf, "-q"}).code ==
      0);
  REQUIRE(fx.roster({"add-member", "杭州往返科技有限公司", "-s", "教育", "-s", "tourism", "--joined", "2024-03-01",
                     "--note", "=not a formula", "--contact", "王往返", "--phone", "+86 571 8888 0000", "--email",
                     "wang@example.com", "--as-of", kAsOf, "-q"})
              .code == 0);
  REQUIRE(fx.roster({"remove-member", "杭州往返科技有限公司", "--left", "2025-01-31", "--reason", "合并, 迁出",
                     "--as-of", kAsOf, "-q"})
              .code == 0);
  REQUIRE(fx.roster({"rejoin", "杭州往返科技有限公司", "--joined", "2025-09-01", "--as-of", kAsOf, "-q"}).code == 0);
}

// Everything after the first line.
std::string body(const std::string& text) {
  auto eol = text.find('\n');
  return eol == std::string::npos ? "" : text.substr(eol + 1);
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find_first_of("\r\n"));
}

// `export -f FORMAT [extra]` of `source`, imported into a fresh database.
void import_export(const DbFixture& source, const DbFixture& copy, const std::string& format,
                   std::vector<std::string> extra) {
  std::vector<std::string> args = {"export", "-f", format};
  args.insert(args.end(), extra.begin(), extra.end());
  auto exported = source.roster(args);
  REQUIRE(exported.code == 0);
  std::string file = copy.dir.file("members." + format);
  write_file(file, exported.out);
  auto imported = copy.roster({"import", file, "--as-of", kAsOf, "-q"});
  INFO(imported.err);
  REQUIRE(imported.code == 0);
}
}  // namespace

TEST_CASE("export --headers zh: Chinese header row, same cells, and import reads it back", "[headers]") {
  DbFixture source;
  fill(source);
  for (std::string format : {"csv", "tsv"}) {
    INFO("format " << format);
    auto en = source.roster({"export", "-f", format});
    auto zh = source.roster({"export", "-f", format, "--headers", "zh"});
    REQUIRE(en.code == 0);
    REQUIRE(zh.code == 0);
    CHECK(zh.err.empty());
    std::string expected_header = kExportZh;
    if (format == "tsv") std::replace(expected_header.begin(), expected_header.end(), ',', '\t');
    CHECK(first_line(zh.out) == expected_header);
    std::string eol = format == "csv" ? "\r\n" : "\n";
    CHECK(zh.out.substr(expected_header.size(), eol.size()) == eol);
    CHECK(body(zh.out) == body(en.out));  // only the header changes
    CHECK(source.roster({"export", "-f", format, "--headers", "en"}).out == en.out);

    // The round trip through the Chinese header gives what the English one gives.
    DbFixture via_en, via_zh;
    import_export(source, via_en, format, {});
    import_export(source, via_zh, format, {"--headers", "zh"});
    auto from_en = via_en.roster({"export", "-f", "csv"});
    auto from_zh = via_zh.roster({"export", "-f", "csv"});
    CHECK(from_zh.code == 0);
    CHECK(from_zh.out == from_en.out);
    CHECK(from_zh.out == source.roster({"export", "-f", "csv"}).out);
    CHECK(from_zh.out.find("杭州往返科技有限公司,,education;tourism,member,,,'=not a formula,2024-03-01,2025-01-31,"
                           "\"合并, 迁出\"") != std::string::npos);
  }
}

TEST_CASE("list --headers zh: Chinese header row over the same cells, which import reads back", "[headers]") {
  DbFixture source;
  fill(source);
  std::vector<std::string> args = {"list", "--status", "all", "-f", "csv", "--as-of", kAsOf};
  auto en = source.roster(args);
  args.insert(args.end(), {"--headers", "zh"});
  auto zh = source.roster(args);
  REQUIRE(zh.code == 0);
  CHECK(zh.out.rfind(kListZh + "\r\n", 0) == 0);
  CHECK(body(zh.out) == body(en.out));

  auto tsv = source.roster({"list", "-f", "tsv", "--headers", "zh", "--as-of", kAsOf});
  std::string tsv_header = kListZh;
  std::replace(tsv_header.begin(), tsv_header.end(), ',', '\t');
  CHECK(tsv.out.rfind(tsv_header + "\n", 0) == 0);

  // 编号 and 状态 are import's too: the listing loads without --ignore.
  DbFixture copy;
  std::string file = copy.dir.file("list.csv");
  write_file(file, zh.out);
  auto imported = copy.roster({"import", file, "--as-of", kAsOf, "-q"});
  INFO(imported.err);
  CHECK(imported.code == 0);
  CHECK(copy.roster({"list", "--status", "all", "-f", "csv", "--as-of", kAsOf}).out == en.out);
}

TEST_CASE("list and export refuse --headers zh for a format with no header row, nothing touched", "[headers]") {
  DbFixture fx;
  fill(fx);
  std::string before = dump_database(fx.db);
  auto list = fx.roster({"list", "-f", "json", "--headers", "zh"});
  CHECK(list.code == 2);
  CHECK(list.out.empty());
  CHECK(list.err == kRefusal);

  auto exported = fx.roster({"export", "-f", "json", "--headers", "zh"});
  CHECK(exported.code == 2);
  CHECK(exported.out.empty());
  CHECK(exported.err == kRefusal);

  std::string file = fx.dir.file("members.json");  // the extension picks json
  auto to_file = fx.roster({"export", file, "--headers", "zh"});
  CHECK(to_file.code == 2);
  CHECK(to_file.err == kRefusal);
  CHECK_FALSE(std::filesystem::exists(file));

  auto table = fx.roster({"list", "-f", "table", "--headers", "zh"});
  CHECK(table.code == 2);
  CHECK(table.err ==
        "roster: error: --headers zh is for csv and tsv only, not table; add -f csv or -f tsv, or drop --headers zh\n");
  CHECK(fx.roster({"list", "-f", "jsonl", "--headers", "zh"}).code == 2);
  CHECK(fx.roster({"list", "-f", "csv", "--headers", "fr"}).code == 2);
  CHECK(dump_database(fx.db) == before);
}

TEST_CASE("the header row of csv and tsv never follows --lang", "[headers]") {
  DbFixture fx;
  fill(fx);
  for (std::vector<std::string> command :
       {std::vector<std::string>{"list", "--status", "all", "--as-of", kAsOf}, std::vector<std::string>{"export"}}) {
    for (std::string format : {"csv", "tsv"}) {
      std::vector<std::string> args = command;
      args.insert(args.end(), {"-f", format});
      INFO(args.front() << " -f " << format);
      auto en = fx.roster([&] {
        auto a = args;
        a.insert(a.end(), {"--lang", "en"});
        return a;
      }());
      auto zh = fx.roster([&] {
        auto a = args;
        a.insert(a.end(), {"--lang", "zh"});
        return a;
      }());
      REQUIRE(en.code == 0);
      CHECK(zh.code == 0);
      CHECK(zh.out == en.out);
      CHECK(first_line(en.out).rfind("id", 0) == 0);
      // ROSTER_LANG too.
      CHECK(fx.roster(args, "", {{"ROSTER_LANG", "zh"}}).out == en.out);
    }
  }
}
