// roster export, and importing what it wrote: the round trip must be lossless.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace roster::test;

namespace {
const std::string kAsOf = "2026-11-29";

// The demo roster plus names and notes that trip up CSV, spreadsheets and
// JSON, a member who left and came back, one who left with no reason, an
// id gap left by a purge (ids must survive the trip), and contacts (a phone
// starting with +, a contact that looks like a formula).
void fill_hostile(const DbFixture& fx) {
  REQUIRE(fx.roster({"import", (source_dir() / "data/demo-members.csv").string(), "--as-of", kAsOf, "-q"}).code == 0);
  auto add = [&](std::string name, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"add-member", "-s", "tourism", "--joined", "2025-03-01", "--as-of", kAsOf, "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"--db", fx.db, "--", name});  // --db before `--`, which ends the options
    INFO(name);
    REQUIRE(run_roster(args).code == 0);
  };
  add("Alpha, Beta, Gamma Ltd");
  add("Say \"Hello\" Co", {"--city", "\"Quoted\" City"});
  add("=HYPERLINK(\"http://x\") 公司", {"--parent", "=SUM(A1)"});
  add("+Plus Co", {"--contact", "王丽", "--phone", "+86 138 0000 0000", "--email", "wang.li@example.com"});
  add("-Minus Co", {"--city", "-杭州"});
  add("@At Co");
  add("Purged Co");
  add("'Apostrophe Co");
  REQUIRE(fx.roster({"remove-member", "Purged Co", "--purge", "--yes", "-q"}).code == 0);  // id 158 stays free
  add("''Two Apostrophes Co", {"--note", "'=not a formula"});
  add("杭州测试科技有限公司", {"-s", "education", "-s", "医疗健康"});
  add("Rocket 🚀 Emoji Ltd", {"--note", "note, with \"quote\""});
  add("Leaver Co", {"--note", "+1 again", "--contact", "=Mr, \"Li\"", "--phone", "(0571) 8888-6666"});
  REQUIRE(fx.roster({"remove-member", "Leaver Co", "--left", "2025-06-01", "--reason", "moved, away", "--as-of", kAsOf,
                     "-q"})
              .code == 0);
  REQUIRE(fx.roster({"rejoin", "Leaver Co", "--joined", "2025-09-01", "--as-of", kAsOf, "-q"}).code == 0);
  add("Quiet Leaver Co");
  REQUIRE(fx.roster({"remove-member", "Quiet Leaver Co", "--left", "2025-07-01", "--as-of", kAsOf, "-q"}).code == 0);
}

std::string query(const std::string& db, const std::string& sql) {
  auto r = run_program({"sqlite3", "-readonly", db, sql});
  REQUIRE(r.code == 0);
  return r.out;
}

// Same members (ids and every field), periods, sectors and `list` output.
void check_same_data(const DbFixture& a, const DbFixture& b) {
  for (const char* sql :
       {"SELECT id, name, uscc, tier, city, parent, note, contact, phone, email FROM members ORDER BY id",
        "SELECT member_id, joined_on, left_on, reason FROM periods ORDER BY member_id, joined_on",
        "SELECT member_id, sector_code, position FROM member_sectors ORDER BY member_id, position"}) {
    INFO(sql);
    CHECK(query(b.db, sql) == query(a.db, sql));
  }
  std::vector<std::string> list = {"list", "--status", "all", "-f", "tsv", "--as-of", kAsOf};
  auto before = a.roster(list), after = b.roster(list);
  CHECK(before.code == 0);
  CHECK(after.out == before.out);
}

RunResult export_as(const DbFixture& fx, const std::string& format) {
  return fx.roster({"export", "-f", format});
}
}  // namespace

TEST_CASE("export round trip: csv, tsv, json and jsonl re-export byte for byte", "[export]") {
  DbFixture source;
  fill_hostile(source);
  for (std::string format : {"csv", "tsv", "json", "jsonl"}) {
    INFO("format " << format);
    auto first = export_as(source, format);
    REQUIRE(first.code == 0);
    CHECK(first.err.empty());
    CHECK(first.out.find("Rocket 🚀 Emoji Ltd") != std::string::npos);

    DbFixture copy;
    std::string file = copy.dir.file("members." + format);  // the extension picks the import format
    write_file(file, first.out);
    auto load = copy.roster({"import", file, "--as-of", kAsOf});
    CHECK(load.code == 0);
    CHECK(load.err == "roster: imported 163 members (+1 later period) from " + file + "\n");

    auto second = export_as(copy, format);
    CHECK(second.code == 0);
    CHECK(second.out == first.out);
    check_same_data(source, copy);
    CHECK(query(copy.db, "SELECT count(*), max(id) FROM members") == "163|164\n");  // the gap at 158 is kept
  }
}

TEST_CASE("export -f json piped into import --format json - rebuilds the roster", "[export]") {
  DbFixture source, copy;
  fill_hostile(source);
  auto r = run_program({"sh", "-c",
                        "\"$0\" export -f json --db \"$1\" | \"$0\" import --format json - --db \"$2\" "
                        "--as-of 2026-11-29",
                        roster_bin(), source.db, copy.db});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "roster: imported 163 members (+1 later period) from <stdin>\n");
  check_same_data(source, copy);
}

TEST_CASE("export writes the exact spreadsheet-safe CSV of the small roster", "[export]") {
  SmallGoalFixture fx;
  auto r = fx.roster({"export"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(
      r.out ==
      "id,name,uscc,sectors,tier,city,parent,note,joined,left,reason,sort_key,contact,phone,email\r\n"
      "1,中国移动通信集团浙江有限公司,,telecom;technology,president,杭州,中国移动通信集团有限公司,,2023-07-15,,,,,,\r\n"
      "2,网易（杭州）网络有限公司,,entertainment;e-commerce,vice-president,杭州,网易公司,,2023-07-15,,,,,,\r\n"
      "3,宁波海曙健康科技有限公司,91310110666007217T,healthcare,member,宁波,,,2023-07-15,2024-06-30,,,,,\r\n"
      "4,温州瓯江文旅有限公司,91110000600037341L,tourism;education,council,温州,,,2024-02-01,,,,,,\r\n"
      "5,\"Acme, \"\"Digital\"\" Ltd\",9144030071526726XG,e-commerce,member,Hangzhou,,\"note, with comma\","
      "2024-03-15,,,,,,\r\n"
      "6,'=SUM(1+1) 公司,,education,member,嘉兴,,,2024-05-20,,,,,,\r\n"
      "7,杭州星火教育科技有限公司,,education;tourism,member,杭州,,,2024-09-01,2025-03-01,,,,,\r\n"
      "8,杭州云上医疗有限公司,,healthcare,member,杭州,,,2025-01-10,,,,,,\r\n");
  CHECK(fx.roster({"export", "-"}).out == r.out);
}

TEST_CASE("export --bom marks CSV only, and the BOM CSV imports", "[export]") {
  SmallGoalFixture fx;
  auto plain = fx.roster({"export"}), bom = fx.roster({"export", "--bom"});
  CHECK(bom.code == 0);
  CHECK(bom.out == "\xEF\xBB\xBF" + plain.out);
  for (std::string format : {"tsv", "json", "jsonl"}) {
    INFO("format " << format);
    auto with = fx.roster({"export", "-f", format, "--bom"}), without = fx.roster({"export", "-f", format});
    CHECK(with.code == 0);
    CHECK(with.out == without.out);
    CHECK(with.out.rfind("\xEF\xBB\xBF", 0) == std::string::npos);
  }
  DbFixture copy;
  CHECK(copy.roster({"import", "-", "--as-of", kAsOf, "-q"}, bom.out).code == 0);
  CHECK(copy.roster({"export"}).out == plain.out);
}

TEST_CASE("export FILE picks the format from the extension and says where it wrote", "[export]") {
  SmallGoalFixture fx;
  for (auto [name, format] : {std::pair{"members.tsv", "tsv"}, std::pair{"members.json", "json"},
                              std::pair{"members.jsonl", "jsonl"}, std::pair{"members.csv", "csv"}}) {
    std::string path = fx.dir.file(name);
    INFO(path);
    auto r = fx.roster({"export", path});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err == "roster: exported 8 members to " + path + "\n");
    CHECK(read_file(path) == fx.roster({"export", "-f", format}).out);
  }
  CHECK(read_file(fx.dir.file("members.tsv")).rfind("id\tname\tuscc\tsectors\t", 0) == 0);
  CHECK(read_file(fx.dir.file("members.json")).rfind("[", 0) == 0);
  CHECK(read_file(fx.dir.file("members.jsonl")).rfind("{\"id\":1,", 0) == 0);
  // -f wins over the extension.
  std::string forced = fx.dir.file("forced.csv");
  CHECK(fx.roster({"export", "-f", "json", forced}).code == 0);
  CHECK(read_file(forced) == fx.roster({"export", "-f", "json"}).out);
}

TEST_CASE("export refuses table output and reports paths it cannot write", "[export][sqlite]") {
  SmallGoalFixture fx;
  auto table = fx.roster({"export", "-f", "table"});
  CHECK(table.code == 2);
  CHECK(table.out.empty());
  CHECK(table.err == "roster: error: this command cannot write table; choose one of csv, tsv, json, jsonl\n");

  std::string missing = fx.dir.file("no-such-folder/members.csv");
  auto r = fx.roster({"export", missing});
  CHECK(r.code == 1);
  CHECK(r.err == "roster: error: cannot write in '" + fx.dir.file("no-such-folder") +
                     "'; check that the folder exists and is writable\n");
  auto folder = fx.roster({"export", fx.dir.path().string(), "-f", "csv"});
  CHECK(folder.code == 1);
  CHECK(folder.err == "roster: error: '" + fx.dir.path().string() + "' is a folder; give a file name, e.g. " +
                          fx.dir.file("members.csv") + "\n");
  // A name that says no format (a spreadsheet's own .xlsx) is not silently written as CSV.
  auto xlsx = fx.roster({"export", fx.dir.file("members.xlsx")});
  CHECK(xlsx.code == 2);
  CHECK(xlsx.err.find("cannot tell the format for") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(fx.dir.file("members.xlsx")));

  auto full = run_program({"sh", "-c", "\"$0\" export --db \"$1\" > /dev/full", roster_bin(), fx.db});
  CHECK(full.code == 1);
  CHECK(full.err ==
        "roster: error: cannot write the output: No space left on device; check the disk or the pipe it "
        "goes to\n");
}

TEST_CASE("export to the database's own path leaves the database intact", "[export][sqlite]") {
  SmallGoalFixture fx;
  std::string before = dump_database(fx.db);
  // roster.db: the extension names no export format, but the database comes first.
  for (auto args : std::vector<std::vector<std::string>>{
           {"export", fx.db}, {"export", fx.db, "--force"}, {"export", fx.db + "-wal", "-f", "csv"}}) {
    auto r = fx.roster(args);
    INFO(args[1]);
    CHECK(r.code == 1);
    CHECK(r.err == "roster: error: the export would overwrite the database itself; choose another path\n");
  }
  auto r = fx.roster({"export", fx.db});
  CHECK(r.code != 0);
  CHECK((dump_database(fx.db) == before));  // not truncated to the CSV header
  CHECK(fx.roster({"check"}).code == 0);
}

TEST_CASE("Python's csv module reads the exported names back", "[export]") {
  DbFixture fx;
  fill_hostile(fx);
  std::string file = fx.dir.file("members.csv");
  REQUIRE(fx.roster({"export", file, "--bom", "-q"}).code == 0);
  // Prints the header, then "id<TAB>name" once per member, undoing exactly
  // one spreadsheet apostrophe.
  const char* script =
      "import csv, sys\n"
      "rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig')))\n"
      "out = [','.join(rows[0])]\n"
      "seen = set()\n"
      "for r in rows[1:]:\n"
      "    name = r[1][1:] if r[1][:1] == \"'\" and r[1][1:2] in ('=', '+', '-', '@', '\\t', '\\r', \"'\") else r[1]\n"
      "    if r[0] not in seen: seen.add(r[0]); out.append(r[0] + '\\t' + name)\n"
      "sys.stdout.buffer.write(('\\n'.join(out) + '\\n').encode('utf-8'))\n";
  auto py = run_program({"python3", "-c", script, file});
  REQUIRE(py.code == 0);
  CHECK(py.out == "id,name,uscc,sectors,tier,city,parent,note,joined,left,reason,sort_key,contact,phone,email\n" +
                      query(fx.db, "SELECT id || '\t' || name FROM members ORDER BY id"));
  CHECK(py.out.find("\n160\t''Two Apostrophes Co\n") != std::string::npos);
  CHECK(py.out.find("\n154\t=HYPERLINK(\"http://x\") 公司\n") != std::string::npos);
}

TEST_CASE("export FILE refuses an existing file without --force, and --force replaces it whole", "[export]") {
  SmallGoalFixture fx;
  std::string path = fx.dir.file("members.csv");
  write_file(path, "the secretary's own notes\n");
  auto refused = fx.roster({"export", path});
  CHECK(refused.code == 1);
  CHECK(refused.err ==
        "roster: error: '" + path + "' already exists; choose another path, or add --force to replace it\n");
  CHECK(read_file(path) == "the secretary's own notes\n");
  auto forced = fx.roster({"export", path, "--force"});
  CHECK(forced.code == 0);
  CHECK(forced.err == "roster: exported 8 members to " + path + "\n");
  CHECK(read_file(path) == fx.roster({"export", "-f", "csv"}).out);
  // Nothing but the export is left in the folder: the temporary file was renamed into place.
  for (const auto& entry : std::filesystem::directory_iterator(fx.dir.path())) {
    CHECK(entry.path().filename().string().find(".partial-") == std::string::npos);
  }
  // stdout is not a file: `-` writes as before.
  auto out = fx.roster({"export", "-"});
  CHECK(out.code == 0);
  CHECK(out.out == read_file(path));
}

TEST_CASE("export FILE --force writes only over a regular file: a FIFO, a device and links to them are refused",
          "[export]") {
  SmallGoalFixture fx;
  std::string fifo = fx.dir.file("pipe.csv");
  REQUIRE(run_program({"mkfifo", fifo}).code == 0);
  // A device node of its own, like /dev/null: were the refusal to fail, the
  // machine's /dev/null would be safe.
  std::string null = fx.dir.file("null");
  REQUIRE(run_program({"mknod", "-m", "666", null, "c", "1", "3"}).code == 0);
  std::string to_null = fx.dir.file("null.csv");
  std::filesystem::create_symlink(null, to_null);
  for (auto [path, kind] : {std::pair{fifo, "a FIFO (named pipe)"}, std::pair{null, "a character device"},
                            std::pair{to_null, "a character device"}}) {
    for (bool force : {false, true}) {
      std::vector<std::string> args = {"export", path, "-f", "csv"};
      if (force) args.push_back("--force");
      auto r = fx.roster(args);
      INFO(path << (force ? " --force" : ""));
      CHECK(r.code == 1);
      CHECK(r.err == "roster: error: '" + path + "' is " + kind +
                         "; roster writes only a new file or over a regular one (choose another path)\n");
    }
  }
  CHECK(std::filesystem::is_fifo(fifo));
  CHECK(std::filesystem::is_symlink(to_null));
  CHECK(std::filesystem::is_character_file(null));
}
