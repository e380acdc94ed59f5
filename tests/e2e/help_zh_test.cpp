// `--lang zh --help` is Chinese for every command: each option, positional
// and subcommand row is described in Chinese, CLI11's own words (Usage,
// Options, TEXT, REQUIRED…) are translated, and CLI11's parse errors are
// Chinese sentences naming the option, with the usual exit code.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "harness.h"

using namespace roster::test;

namespace {

// One section of a help page: its heading ("Options:", "选项:") and, for each
// row, the first word of its name part (-h,--help, SECTOR, init) with its
// description.
struct Section {
  std::string heading;
  std::map<std::string, std::string> rows;
};

std::string strip(const std::string& s) {
  size_t first = s.find_first_not_of(' ');
  return first == std::string::npos ? "" : s.substr(first);
}

// CLI11 lays a row out as "  NAME…  description", or as "  NAME…" with the
// description on the next line, indented: the description is what follows the
// first run of two or more spaces after the name.
std::vector<Section> sections_of(const std::string& help) {
  std::vector<Section> sections;
  auto lines = lines_of(help);
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty()) continue;
    if (line[0] != ' ') {
      if (line.ends_with(":") || line.ends_with("：")) sections.push_back({line, {}});
      continue;
    }
    if (sections.empty() || line.starts_with("   ")) continue;  // a wrapped description, read with its row
    std::string body = line.substr(2);
    std::string key = body.substr(0, body.find(' '));
    size_t gap = body.find("  ");
    std::string description = gap == std::string::npos ? "" : strip(body.substr(gap));
    if (description.empty() && i + 1 < lines.size() && lines[i + 1].starts_with("   "))
      description = strip(lines[i + 1]);
    sections.back().rows[key] = description;
  }
  return sections;
}

bool has_chinese(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0xE4 && c <= 0xE9) return true;  // the lead byte of U+4E00..U+9FFF
  }
  return false;
}

// Every command path `roster --help` and its subcommands' help pages list.
std::vector<std::string> command_paths() {
  std::vector<std::string> paths = {""}, queue = {""};
  while (!queue.empty()) {
    std::string path = queue.back();
    queue.pop_back();
    std::vector<std::string> args = {"--lang", "en"};
    if (!path.empty()) {
      for (const auto& word : lines_of(path)) args.push_back(word);
    }
    args.push_back("--help");
    for (const auto& section : sections_of(run_roster(args).out)) {
      if (section.heading != "Subcommands:") continue;
      for (const auto& [name, description] : section.rows) {
        std::string child = path.empty() ? name : path + "\n" + name;
        paths.push_back(child);
        queue.push_back(child);
      }
    }
  }
  return paths;
}

RunResult help(const std::string& lang, const std::string& path) {
  std::vector<std::string> args = {"--lang", lang};
  for (const auto& word : lines_of(path)) args.push_back(word);
  args.push_back("--help");
  return run_roster(args);
}

}  // namespace

TEST_CASE("every command's --help is Chinese under --lang zh row by row", "[help][i18n]") {
  auto paths = command_paths();
  // 22 commands, goal set, the four sectors subcommands, the eight prospect
  // subcommands and stages set, the eleven dues subcommands (schedule,
  // policy, bill, pay, waive, defer, status, summary, remind, import,
  // export) with schedule set and policy set, and the root.
  REQUIRE(paths.size() == 50);
  for (const auto& path : paths) {
    INFO("roster " << path << " --help");
    RunResult en = help("en", path), zh = help("zh", path);
    REQUIRE(en.code == 0);
    REQUIRE(zh.code == 0);
    CHECK(zh.err.empty());
    auto en_sections = sections_of(en.out), zh_sections = sections_of(zh.out);
    REQUIRE(en_sections.size() >= 2);  // at least the options and the examples
    REQUIRE(zh_sections.size() == en_sections.size());
    CHECK(lines_of(zh.out).front() != lines_of(en.out).front());  // the command's own description
    CHECK(has_chinese(lines_of(zh.out).front()));
    for (size_t s = 0; s < en_sections.size(); ++s) {
      INFO(en_sections[s].heading << " / " << zh_sections[s].heading);
      CHECK(zh_sections[s].heading != en_sections[s].heading);
      if (en_sections[s].heading.starts_with("Example")) continue;  // command lines, kept as typed
      std::set<std::string> en_keys, zh_keys;
      for (const auto& row : en_sections[s].rows) en_keys.insert(row.first);
      for (const auto& row : zh_sections[s].rows) zh_keys.insert(row.first);
      CHECK(zh_keys == en_keys);  // option names are never translated
      for (const auto& [key, description] : zh_sections[s].rows) {
        INFO(key << ": " << description);
        CHECK(description != en_sections[s].rows[key]);
        CHECK(has_chinese(description));
      }
    }
    for (const char* english : {"Usage", "OPTIONS", "SUBCOMMAND", "Options", "Subcommands", "Positionals", "REQUIRED",
                                "Excludes", " TEXT", " INT ", " UINT ", "Example"}) {
      INFO(english);
      CHECK(zh.out.find(english) == std::string::npos);
    }
  }
}

TEST_CASE("Chinese help lines up by display width and keeps option names", "[help][i18n]") {
  auto root = lines_of(help("zh", "").out);
  CHECK(root.at(1) == "用法: roster [选项] 命令");
  CHECK(
      std::find(
          root.begin(), root.end(),
          "  --db 文本                   数据库文件（默认：$ROSTER_DB，未设置时为~/.local/share/roster/roster.db）") !=
      root.end());
  CHECK(std::find(root.begin(), root.end(), "  -h,--help                   显示本帮助信息并退出") != root.end());
  CHECK(std::find(root.begin(), root.end(), "示例：") != root.end());
  auto edit = lines_of(help("zh", "sectors\nedit").out);
  CHECK(std::find(edit.begin(), edit.end(), "  SECTOR 文本 必填            行业代码或名称") != edit.end());
  CHECK(std::find(edit.begin(), edit.end(), "  --key 互斥: --not-key       设为重点行业") != edit.end());
}

TEST_CASE("CLI11's parse errors are Chinese sentences under --lang zh and English as before under en", "[help][i18n]") {
  TempDir dir;
  std::string db = dir.file("none.db");
  struct Case {
    std::vector<std::string> args;
    std::string zh, en;
  };
  for (const Case& c : std::vector<Case>{
           {{"list", "--bogus"},
            "roster: 错误：无法识别的参数：--bogus（参见`roster list --help`）\n",
            "roster: error: The following argument was not expected: --bogus (see `roster list --help`)\n"},
           {{"add-member"},
            "roster: 错误：NAME为必填项（参见`roster add-member --help`）\n",
            "roster: error: NAME is required (see `roster add-member --help`)\n"},
           {{"list", "--status", "gone"},
            "roster: 错误：--status：“gone”不是可选的值（可选：active、left、all）（参见`roster list --help`）\n",
            "roster: error: --status: gone not in {active,left,all} (see `roster list --help`)\n"},
           {{"list", "--limit", "0"},
            "roster: 错误：--limit：不能小于1（参见`roster list --help`）\n",
            "roster: error: --limit: must be 1 or more (see `roster list --help`)\n"},
           {{"list", "--sort"},
            "roster: 错误：--sort后面缺少取值（参见`roster list --help`）\n",
            "roster: error: --sort: 1 required TEXT:{id,name,joined} missing (see `roster list --help`)\n"},
           {{"sectors", "edit", "tourism", "--key", "--not-key"},
            "roster: 错误：--key与--not-key不能同时使用（参见`roster sectors edit --help`）\n",
            "roster: error: --key excludes --not-key (see `roster sectors edit --help`)\n"},
           {{"bogus"},
            "roster: 错误：没有“bogus”这个命令（命令列表见`roster --help`）\n",
            "roster: error: unknown command 'bogus' (see `roster --help` for the commands)\n"},
       }) {
    for (const auto& [lang, expected] : {std::pair{"zh", c.zh}, std::pair{"en", c.en}}) {
      std::vector<std::string> args = {"--lang", lang, "--db", db};
      args.insert(args.end(), c.args.begin(), c.args.end());
      RunResult r = run_roster(args);
      INFO(lang << " " << c.args.front());
      CHECK(r.err == expected);
      CHECK(r.code == 2);
      CHECK(r.out.empty());
    }
  }
  CHECK(dir.entries() == 0);  // nothing was created
}

TEST_CASE("Chinese help works in a bare cron environment with no locale", "[help][i18n]") {
  RunResult r = run_program({"env", "-i", "PATH=/usr/bin:/bin", roster_bin(), "--lang", "zh", "--help"});
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() > 2);
  CHECK(lines[0] == "roster — 行业协会会员管理工具");
  CHECK(lines[1] == "用法: roster [选项] 命令");
  CHECK(r.out.find("  --db 文本                   数据库文件") != std::string::npos);
}
