// A full disk: every write fails with one clear line and changes nothing.
#include <catch2/catch.hpp>

#include "fault_helpers.h"

using namespace roster::test;
using namespace roster::test::fault;

// ---------------------------------------------------------------- disk full

TEST_CASE("a full disk makes every write fail with one clear line and leaves the database as it was",
          "[fault][disk-full]") {
  TempDir dir;
  if (auto why = cannot_mount_tmpfs(dir); !why.empty()) {
    WARN("skipped: " << why);
    return;
  }
  const fs::path out = dir.path() / "out";  // outside the tmpfs: survives the mount namespace
  const fs::path mnt = dir.path() / "mnt";
  fs::create_directory(out);
  fs::create_directory(mnt);
  std::string seed = (out / "seed.db").string();
  make_seed_db(seed);
  std::string big = (out / "big.csv").string();
  write_file(big, members_csv(20000));  // some 6 MB of database: far more than the 1 MB tmpfs
  std::string small = (out / "small.csv").string();
  write_file(small, members_csv(3, "小"));
  const std::string db = (mnt / "roster.db").string();

  // Everything on the tmpfs happens in this one script (run once; the checks
  // below are plain blocks, not SECTIONs): the mount vanishes when unshare
  // exits. Results go to OUT as NAME.code, NAME.out, NAME.err and NAME.dump.
  const std::string script = R"SH(
R=$0; OUT=$1; MNT=$2; DB=$MNT/roster.db; BIG=$3; SMALL=$4; ASOF=$5
mount -t tmpfs -o size=1m tmpfs "$MNT" || exit 77
cp "$OUT/seed.db" "$DB" || exit 78
dump() { sqlite3 -readonly "$DB" .dump 'PRAGMA user_version;' 'PRAGMA application_id;' > "$OUT/$1.dump" 2>&1; }
run() { name=$1; shift; "$R" "$@" --db "$DB" > "$OUT/$name.out" 2> "$OUT/$name.err"; echo $? > "$OUT/$name.code"; }
free_kb() { df -Pk "$MNT" | awk 'NR == 2 { print $4 }'; }

# 1. An import far bigger than the disk.
dump import-before
run import import "$BIG" --as-of "$ASOF" -q
dump import-after
run import-check check

# 2. add-member in a loop on a disk with a little room left, until one fails.
# (The dump's read-only sqlite3 leaves DB-shm, 32 KB, which add-member then
# removes: the room left is measured with it there.)
dump loop-last-good
dd if=/dev/zero of="$MNT/filler" bs=1k count=$(( $(free_kb) - 64 )) 2>/dev/null
free_kb > "$OUT/free-before-loop.kb"
ok=0
while [ $ok -lt 1000 ]; do
  run loop-add add-member "循环$((ok + 1))号科技有限公司" --sector tourism --joined 2024-01-01 --as-of "$ASOF" -q
  [ "$(cat "$OUT/loop-add.code")" = 0 ] || break
  ok=$((ok + 1))
  dump loop-last-good
done
echo $ok > "$OUT/loop.ok"
rm -f "$MNT/filler"
dump loop-after
run loop-check check

# 3. A disk with no room at all: every kind of write.
dump full-before
dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null
free_kb > "$OUT/free-when-full.kb"
run full-add add-member 杭州满盘科技有限公司 --sector tourism --joined 2024-01-01 --as-of "$ASOF"
run full-import import "$SMALL" --as-of "$ASOF"
run full-remove remove-member 1 --left 2025-01-01 --as-of "$ASOF"
run full-edit edit-member 1 --city 杭州
run full-goal goal set --target 300
run full-sectors sectors add culture --name Culture --name-zh 文化
run full-list list --status all -f tsv --as-of "$ASOF"
rm -f "$MNT/filler"
dump full-after
run full-check check
ls -a "$MNT" > "$OUT/mnt.ls"
exit 0
)SH";
  auto r =
      run_program({"unshare", "-m", "sh", "-c", script, roster_bin(), out.string(), mnt.string(), big, small, kAsOf});
  INFO("script exit " << r.code << ", stderr:\n" << r.err);
  REQUIRE(r.code == 0);
  CHECK(fs::is_empty(mnt));  // the tmpfs is gone with its namespace

  const std::string full =
      "roster: error: the disk holding '" + db + "' is full; nothing was changed (free some space and try again)\n";
  auto result = [&](const std::string& name) {
    RunResult res;
    res.code = read_code(out / (name + ".code"));
    res.out = read_file(out / (name + ".out"));
    res.err = read_file(out / (name + ".err"));
    return res;
  };

  {
    INFO("an import bigger than the disk is refused whole");
    auto imp = result("import");
    INFO("import: exit " << imp.code << ", stderr: " << imp.err);
    CHECK(imp.code == 1);
    CHECK(imp.out.empty());
    CHECK(imp.err == full);
    std::string before = read_file(out / "import-before.dump");
    REQUIRE(before.find("CREATE TABLE members") != std::string::npos);
    CHECK(read_file(out / "import-after.dump") == before);
    auto check = result("import-check");
    CHECK(check.code == 0);
    CHECK(check.out.empty());
  }

  {
    INFO("add-member in a loop fails once the disk fills, and the failed add leaves no trace");
    int ok = read_code(out / "loop.ok");
    auto add = result("loop-add");
    INFO(ok << " adds succeeded on " << read_trimmed(out / "free-before-loop.kb") << " KB of room; the next: exit "
            << add.code << ", stderr: " << add.err);
    WARN("disk full: " << ok << " add-member runs fitted in " << read_trimmed(out / "free-before-loop.kb")
                       << " KB before one failed");
    CHECK(ok >= 1);    // some fitted
    CHECK(ok < 1000);  // and then the disk was full
    CHECK(add.code == 1);
    CHECK(add.out.empty());
    CHECK(add.err == full);
    std::string last_good = read_file(out / "loop-last-good.dump");
    REQUIRE(last_good.find("CREATE TABLE members") != std::string::npos);
    CHECK(read_file(out / "loop-after.dump") == last_good);
    CHECK((ok == 0 || last_good.find("循环" + std::to_string(ok) + "号科技有限公司") != std::string::npos));
    CHECK(last_good.find("循环" + std::to_string(ok + 1) + "号科技有限公司") == std::string::npos);
    auto check = result("loop-check");
    CHECK(check.code == 0);
    CHECK(check.out.empty());
  }

  {
    INFO("on a disk with no room at all every write fails the same way, and reading still works");
    CHECK(read_trimmed(out / "free-when-full.kb") == "0");
    for (const char* name : {"full-add", "full-import", "full-remove", "full-edit", "full-goal", "full-sectors"}) {
      auto res = result(name);
      INFO(name << ": exit " << res.code << ", stderr: " << res.err);
      CHECK(res.code == 1);
      CHECK(res.out.empty());
      CHECK(res.err == full);
    }
    std::string before = read_file(out / "full-before.dump");
    REQUIRE(before.find("CREATE TABLE members") != std::string::npos);
    CHECK(read_file(out / "full-after.dump") == before);
    auto list = result("full-list");
    INFO("list on a full disk: exit " << list.code << ", stderr: " << list.err);
    CHECK(list.code == 0);
    CHECK(list.err.empty());
    CHECK(list.out.find("杭州种子科技有限公司") != std::string::npos);
    auto check = result("full-check");
    CHECK(check.code == 0);
    CHECK(check.out.empty());
    // Nothing but the database (and the -wal and -shm of sqlite3's read-only dump) is left on the disk.
    for (const auto& name : lines_of(read_file(out / "mnt.ls"))) {
      INFO("left on the tmpfs: " << name);
      CHECK((name == "." || name == ".." || name.rfind("roster.db", 0) == 0));
    }
  }
}

TEST_CASE("an import whose temporary copy does not fit in TMPDIR says so and changes nothing", "[fault][disk-full]") {
  // import spools its input to $TMPDIR before it takes the write lock. Here
  // TMPDIR is a 64 KB tmpfs and the file is some 1.3 MB.
  TempDir dir;
  if (auto why = cannot_mount_tmpfs(dir); !why.empty()) {
    WARN("skipped: " << why);
    return;
  }
  const fs::path out = dir.path() / "out";
  const fs::path tmp = dir.path() / "tmp";
  fs::create_directory(out);
  fs::create_directory(tmp);
  std::string db = (out / "roster.db").string();
  make_seed_db(db);
  std::string csv = (out / "members.csv").string();
  write_file(csv, members_csv(20000));
  std::string before = dump_database(db);

  const std::string script = R"SH(
R=$0; OUT=$1; TMP=$2; CSV=$3; DB=$4; ASOF=$5
mount -t tmpfs -o size=64k tmpfs "$TMP" || exit 77
TMPDIR=$TMP "$R" import "$CSV" --db "$DB" --as-of "$ASOF" > "$OUT/import.out" 2> "$OUT/import.err"
echo $? > "$OUT/import.code"
ls -a "$TMP" > "$OUT/tmp.ls"
)SH";
  auto r = run_program({"unshare", "-m", "sh", "-c", script, roster_bin(), out.string(), tmp.string(), csv, db, kAsOf});
  INFO("script exit " << r.code << ", stderr:\n" << r.err);
  REQUIRE(r.code == 0);

  int code = read_code(out / "import.code");
  std::string err = read_file(out / "import.err");
  INFO("import with a full TMPDIR: exit " << code << ", stderr: " << err);
  CHECK(code == 1);
  CHECK(read_file(out / "import.out").empty());
  CHECK(dump_database(db) == before);
  CHECK(lines_of(err).size() == 1);
  CHECK(err.rfind("roster: error: ", 0) == 0);
  // The file is not empty: the temporary copy could not be written. The
  // message must say where it ran out of room, so the user can set TMPDIR.
  CHECK(err.find("empty") == std::string::npos);
  CHECK(err.find(tmp.string()) != std::string::npos);
  CHECK(lines_of(read_file(out / "tmp.ls")) == std::vector<std::string>{".", ".."});  // the spool is unlinked
}

TEST_CASE("a backup onto a full disk names the copy's disk, not the database's, and leaves nothing behind",
          "[fault][disk-full][backup]") {
  TempDir dir;
  if (auto why = cannot_mount_tmpfs(dir); !why.empty()) {
    WARN("skipped: " << why);
    return;
  }
  const fs::path out = dir.path() / "out";
  const fs::path mnt = dir.path() / "mnt";
  fs::create_directory(out);
  fs::create_directory(mnt);
  std::string db = (out / "roster.db").string();
  make_seed_db(db);
  // Some 600 KB of database, onto a 256 KB tmpfs.
  REQUIRE(run_roster({"import", "-", "--db", db, "--as-of", kAsOf, "-q"}, members_csv(2000)).code == 0);
  std::string before = dump_database(db);
  std::string copy = (mnt / "copy.db").string();

  const std::string script = R"SH(
R=$0; OUT=$1; MNT=$2; DB=$3
mount -t tmpfs -o size=256k tmpfs "$MNT" || exit 77
"$R" backup "$MNT/copy.db" --db "$DB" > "$OUT/backup.out" 2> "$OUT/backup.err"
echo $? > "$OUT/backup.code"
ls -a "$MNT" > "$OUT/mnt.ls"
)SH";
  auto r = run_program({"unshare", "-m", "sh", "-c", script, roster_bin(), out.string(), mnt.string(), db});
  INFO("script exit " << r.code << ", stderr:\n" << r.err);
  REQUIRE(r.code == 0);

  int code = read_code(out / "backup.code");
  std::string err = read_file(out / "backup.err");
  INFO("backup onto a full disk: exit " << code << ", stderr: " << err);
  CHECK(code == 1);
  CHECK(read_file(out / "backup.out").empty());
  CHECK(lines_of(err).size() == 1);
  CHECK(err.rfind("roster: error: ", 0) == 0);
  CHECK(err.find("full") != std::string::npos);
  // It is the copy's disk that is full; the database's disk has room.
  CHECK(err.find(copy) != std::string::npos);
  CHECK(err.find("the disk holding '" + db + "'") == std::string::npos);
  CHECK(lines_of(read_file(out / "mnt.ls")) == std::vector<std::string>{".", ".."});  // no partial copy left
  CHECK(dump_database(db) == before);
}

TEST_CASE("an export onto a full disk leaves the file it would replace as it was, and no partial file",
          "[fault][disk-full][export]") {
  TempDir dir;
  if (auto why = cannot_mount_tmpfs(dir); !why.empty()) {
    WARN("skipped: " << why);
    return;
  }
  const fs::path out = dir.path() / "out";
  const fs::path mnt = dir.path() / "mnt";
  fs::create_directory(out);
  fs::create_directory(mnt);
  std::string db = (out / "roster.db").string();
  make_seed_db(db);
  // Some 200 KB of CSV, onto a 64 KB tmpfs that holds last week's export.
  REQUIRE(run_roster({"import", "-", "--db", db, "--as-of", kAsOf, "-q"}, members_csv(2000)).code == 0);

  const std::string script = R"SH(
R=$0; OUT=$1; MNT=$2; DB=$3
mount -t tmpfs -o size=64k tmpfs "$MNT" || exit 77
printf 'last week\n' > "$MNT/members.csv"
"$R" export "$MNT/members.csv" --force --db "$DB" > "$OUT/export.out" 2> "$OUT/export.err"
echo $? > "$OUT/export.code"
cat "$MNT/members.csv" > "$OUT/members.csv"
ls -a "$MNT" > "$OUT/mnt.ls"
)SH";
  auto r = run_program({"unshare", "-m", "sh", "-c", script, roster_bin(), out.string(), mnt.string(), db});
  INFO("script exit " << r.code << ", stderr:\n" << r.err);
  REQUIRE(r.code == 0);

  int code = read_code(out / "export.code");
  std::string err = read_file(out / "export.err");
  INFO("export onto a full disk: exit " << code << ", stderr: " << err);
  CHECK(code == 1);
  CHECK(lines_of(err).size() == 1);
  CHECK(err == "roster: error: cannot write '" + (mnt / "members.csv").string() + "': No space left on device; '" +
                   (mnt / "members.csv").string() + "' is as it was (free some space, or choose another place)\n");
  CHECK(read_file(out / "members.csv") == "last week\n");
  CHECK(lines_of(read_file(out / "mnt.ls")) == std::vector<std::string>{".", "..", "members.csv"});
}
