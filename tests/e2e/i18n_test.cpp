// Chinese and English: data formats never change with the language, human
// ones do; how the language is chosen; pinned Chinese tables.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {

struct Run {
  std::vector<std::string> args;
};

// Every data output of every command that has one.
const std::vector<Run> kDataRuns = {
    {{"list", "--status", "all", "-f", "csv"}},
    {{"list", "--status", "all", "-f", "tsv"}},
    {{"list", "--status", "all", "-f", "json"}},
    {{"list", "--status", "all", "-f", "jsonl"}},
    {{"export", "-f", "csv"}},
    {{"export", "-f", "tsv"}},
    {{"export", "-f", "json"}},
    {{"export", "-f", "jsonl"}},
    {{"progress", "-f", "tsv"}},
    {{"progress", "-f", "json"}},
    {{"sectors", "-f", "csv"}},
    {{"sectors", "-f", "tsv"}},
    {{"sectors", "-f", "json"}},
    {{"report", "--week", "2024-W10", "-f", "json"}},
    {{"history", "-f", "tsv"}},
    {{"history", "-f", "json"}},
    {{"history", "-f", "jsonl"}},
    {{"goal", "-f", "tsv"}},
    {{"goal", "-f", "json"}},
    {{"show", "1", "-f", "json"}},
    {{"sectors", "--key-only", "-f", "json"}},
    {{"list", "--sort", "name", "-f", "csv"}},
};

RunResult in_language(const SmallGoalFixture& fx, std::vector<std::string> args, const std::string& lang) {
  args.insert(args.end(), {"--lang", lang, "--as-of", "2024-07-15"});
  return fx.roster(args);
}

}  // namespace

TEST_CASE("every csv, tsv, json and jsonl output is byte-identical under --lang zh and --lang en", "[i18n]") {
  SmallGoalFixture fx;
  for (const auto& run : kDataRuns) {
    std::string shown;
    for (const auto& a : run.args) shown += a + " ";
    INFO(shown);
    auto en = in_language(fx, run.args, "en");
    auto zh = in_language(fx, run.args, "zh");
    REQUIRE(en.code == 0);
    CHECK(zh.code == en.code);
    CHECK_FALSE(en.out.empty());
    CHECK(zh.out == en.out);
  }
  // And the human forms of the same commands do change, so the comparison
  // above compares two languages, not one.
  for (const std::vector<std::string>& human : {std::vector<std::string>{"progress", "-f", "table"},
                                                {"list", "-f", "table"},
                                                {"sectors", "-f", "table"},
                                                {"goal", "-f", "table"},
                                                {"show", "1", "-f", "table"}}) {
    INFO(human[0]);
    CHECK(in_language(fx, human, "zh").out != in_language(fx, human, "en").out);
  }
}

TEST_CASE("the database's language, ROSTER_LANG, --lang and the locale are taken in that order", "[i18n]") {
  SmallGoalFixture fx;
  const std::string en_line = "  status     behind: 2 members short of the plan for today (7)\n";
  const std::string zh_line = "  状态       落后于计划：按计划今天应有7家，还差2家\n";
  auto status = [&](const Env& env, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"progress", "-f", "table", "--as-of", "2024-07-15", "--db", fx.db};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_roster(args, "", env).out;
  };
  // The locale alone: zh_* is Chinese, C.UTF-8 English; LANGUAGE first.
  CHECK(status({{"LANG", "zh_CN.UTF-8"}}).find(zh_line) != std::string::npos);
  CHECK(status({{"LANG", "C.UTF-8"}}).find(en_line) != std::string::npos);
  CHECK(status({{"LANGUAGE", "en_US"}, {"LANG", "zh_CN.UTF-8"}}).find(en_line) != std::string::npos);
  // The database's own language beats the locale, and is logged.
  auto set = run_roster({"language", "zh", "--db", fx.db});
  REQUIRE(set.code == 0);
  CHECK(run_roster({"language", "--db", fx.db}).out == "zh\n");
  CHECK(status({{"LANG", "C.UTF-8"}}).find(zh_line) != std::string::npos);
  auto history = run_roster({"history", "-f", "tsv", "--db", fx.db});
  CHECK(history.out.find("\tlanguage\tlanguage.set\t\tlang\t\tzh\n") != std::string::npos);
  // ROSTER_LANG beats the database; --lang beats both.
  CHECK(status({{"ROSTER_LANG", "en"}}).find(en_line) != std::string::npos);
  CHECK(status({{"ROSTER_LANG", "en"}}, {"--lang", "zh"}).find(zh_line) != std::string::npos);
  CHECK(status({}, {"--lang", "en"}).find(en_line) != std::string::npos);
  // auto hands the choice back to the locale.
  REQUIRE(run_roster({"language", "auto", "--db", fx.db, "-q"}).code == 0);
  CHECK(run_roster({"language", "--db", fx.db}).out == "-\n");
  CHECK(status({{"LANG", "C.UTF-8"}}).find(en_line) != std::string::npos);
}

TEST_CASE("a database in Chinese reports in Chinese under cron's bare environment, with no zh locale", "[i18n]") {
  SmallGoalFixture fx;
  REQUIRE(fx.roster({"language", "zh", "-q"}).code == 0);
  // env -i: no LANG, no HOME, no locale at all; the machine may have only C
  // and C.UTF-8 generated.
  auto r = run_program({"env", "-i", "PATH=/usr/bin:/bin", roster_bin(), "report", "--week", "2024-W10", "-f", "text",
                        "--db", fx.db, "--as-of", "2024-07-15"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("Test Association — 周报（2024年第10周）\n  3月4日—3月10日\n"));
  auto bad = run_program({"env", "-i", "PATH=/usr/bin:/bin", roster_bin(), "list", "--db", fx.db, "--sector", "太空"});
  CHECK(bad.code == 2);
  CHECK(bad.err.starts_with("roster: 错误："));
}

TEST_CASE("progress, sectors, list and show in Chinese match the expected files", "[i18n]") {
  SmallGoalFixture fx;
  const std::vector<std::pair<std::vector<std::string>, std::string>> pinned = {
      {{"progress", "-f", "table"}, "zh-progress-2024-07-15.table"},
      {{"sectors", "-f", "table"}, "zh-sectors-2024-07-15.table"},
      {{"list", "--status", "all", "-f", "table"}, "zh-list-all-2024-07-15.table"},
      {{"show", "4", "-f", "table"}, "zh-show-4.table"},
  };
  for (const auto& [args, file] : pinned) {
    INFO(file);
    auto r = in_language(fx, args, "zh");
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    // show's history has the time of the import: the pinned file has none.
    std::string out = args[0] == "show" ? r.out.substr(0, r.out.find("时间")) : r.out;
    CHECK(out == expected_file(file, out));
  }
}

TEST_CASE("ASCII mode, by --ascii or ROSTER_ASCII=1, draws aligned output without ambiguous-width characters",
          "[i18n]") {
  SmallGoalFixture fx;
  // East Asian Width "A" characters roster could draw: █ ░ │ — … ·
  const std::vector<std::string> ambiguous = {"█", "░", "│", "—", "…", "·"};
  for (const std::vector<std::string>& args : {std::vector<std::string>{"progress", "-f", "table"},
                                               {"sectors", "-f", "table"},
                                               {"report", "--week", "2024-W10", "-f", "text"}}) {
    for (const char* lang : {"en", "zh"}) {
      INFO(args[0] << " " << lang);
      auto plain = in_language(fx, args, lang);
      std::vector<std::string> with_flag = args;
      with_flag.push_back("--ascii");
      auto ascii = in_language(fx, with_flag, lang);
      std::vector<std::string> env_args = args;
      env_args.insert(env_args.end(), {"--lang", lang, "--as-of", "2024-07-15", "--db", fx.db});
      auto by_env = run_roster(env_args, "", {{"ROSTER_ASCII", "1"}});
      CHECK(ascii.code == 0);
      CHECK(by_env.out == ascii.out);
      bool plain_has = false;
      // The heading (the title; the report's dates too) is not aligned;
      // everything under it is.
      size_t heading = ascii.out.find('\n');
      if (args[0] == "report") heading = ascii.out.find('\n', heading + 1);
      std::string aligned = ascii.out.substr(heading);
      for (const auto& c : ambiguous) {
        CHECK(aligned.find(c) == std::string::npos);
        plain_has = plain_has || plain.out.find(c) != std::string::npos;
      }
      CHECK(plain_has);  // the default draws blocks: the flag changed something
    }
  }
}
