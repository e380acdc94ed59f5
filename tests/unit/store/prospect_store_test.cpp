// The recruitment pipeline on a real database: adding, editing, moving,
// dropping and converting prospects, refusals that write nothing, and the
// migration of a version 3 file.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>

#include "roster/prospects.h"
#include "roster/text.h"
#include "temp_dir.h"

using Catch::Contains;
using roster::Date;
using roster::FieldProblem;
using roster::Prospect;
using roster::ProspectDraft;
using roster::Store;

namespace {

const Date kAsOf = Date::from_ymd(2024, 6, 30);
const std::string kUscc = "91330106MA2H3K5X19";

Date d(int y, int m, int day) {
  return Date::from_ymd(y, m, day);
}

roster::InitSettings settings() {
  return roster::InitSettings{"Test Association", {}, roster::parse_sectors_csv(roster::seed_sectors_csv()), ""};
}

// Every row of the tables a prospect command may write, as text: equal
// before and after means nothing was written.
std::string contents(const TempDir& dir) {
  SQLite::Database db((dir / "roster.db").string(), SQLite::OPEN_READONLY);
  std::string out;
  for (const char* table : {"members", "periods", "member_sectors", "prospects", "prospect_sectors", "prospect_moves",
                            "stages", "history"}) {
    SQLite::Statement q(db, std::string("SELECT * FROM ") + table);
    out += table;
    while (q.executeStep()) {
      out += "\n";
      for (int i = 0; i < q.getColumnCount(); ++i) out += q.getColumn(i).getString() + "|";
    }
    out += "\n";
  }
  return out;
}

struct Pipeline {
  TempDir dir;
  Store store = Store::create(dir / "roster.db", settings());

  int64_t member(const std::string& name, const std::string& uscc = "") {
    roster::NewMember m;
    m.name = name;
    m.name_key = roster::name_key(name);
    if (!uscc.empty()) m.uscc = uscc;
    m.sector_codes = {"education"};
    m.joined = d(2024, 1, 5);
    int64_t id = 0;
    store.write([&] { id = store.insert_member(m); });
    return id;
  }

  // Adds a checked prospect; returns the problems (and the id in `id`).
  std::vector<FieldProblem> add(ProspectDraft draft, int64_t* id) {
    std::vector<FieldProblem> problems;
    store.write_if([&] {
      Prospect p;
      problems = roster::check_new_prospect(draft, store.sectors(), roster::stages(store), kAsOf, &p);
      if (problems.empty()) problems = roster::add_prospect(store, p, id);
      return problems.empty();
    });
    return problems;
  }

  int64_t add(const std::string& name, const std::string& uscc = "", const std::string& on = "2024-03-01") {
    ProspectDraft draft;
    draft.name = name;
    draft.uscc = uscc;
    draft.sectors = {"education"};
    draft.added_on = on;
    int64_t id = 0;
    REQUIRE(add(draft, &id).empty());
    return id;
  }

  // Runs a write that should be refused; returns its problems, checking
  // that nothing was written.
  std::vector<FieldProblem> refused(const std::function<std::vector<FieldProblem>()>& work) {
    std::string before = contents(dir);
    std::vector<FieldProblem> problems;
    store.write_if([&] {
      problems = work();
      return problems.empty();
    });
    CHECK_FALSE(problems.empty());
    CHECK(contents(dir) == before);
    return problems;
  }
};

}  // namespace

TEST_CASE("a new database has the seeded stages", "[prospect][store]") {
  Pipeline t;
  auto stages = roster::stages(t.store);
  REQUIRE(stages.size() == 7);
  CHECK(stages.front().code == "lead");
  CHECK(stages[3].name_zh == "已提交申请");
  CHECK(stages.back().code == "dropped");
  CHECK(stages.back().closed);
}

TEST_CASE("add stores a prospect with its sectors and first move, and logs it", "[prospect][store]") {
  Pipeline t;
  int64_t id = t.add("杭州乙有限公司", kUscc);
  Prospect p = roster::read_prospect(t.store, id);
  CHECK(p.name == "杭州乙有限公司");
  CHECK(p.uscc == kUscc);
  CHECK(p.sectors == std::vector<std::string>{"education"});
  CHECK(p.stage == "lead");
  CHECK(p.added_on == d(2024, 3, 1));
  REQUIRE(p.moves.size() == 1);
  CHECK(p.moves[0].on == d(2024, 3, 1));
  auto history = roster::prospect_history(t.store, id);
  REQUIRE(history.size() == 1);
  CHECK(history[0].kind == "prospect.add");
  CHECK(history[0].prospect_id == id);
  CHECK_FALSE(history[0].member_id);
  std::vector<int64_t> ids;
  roster::each_prospect(t.store, [&](const Prospect& each) { ids.push_back(each.id); });
  CHECK(ids == std::vector<int64_t>{id});
  CHECK(roster::resolve_prospect_ref(t.store, kUscc) == id);
  CHECK(roster::resolve_prospect_ref(t.store, "#" + std::to_string(id)) == id);
}

TEST_CASE("add refuses a name or USCC a member or another prospect has, writing nothing", "[prospect][store]") {
  Pipeline t;
  t.member("杭州甲有限公司", kUscc);
  t.add("杭州乙有限公司");
  ProspectDraft draft;
  draft.sectors = {"education"};
  draft.name = "杭州甲有限公司";
  CHECK_THAT(t.refused([&] {
                int64_t id = 0;
                Prospect p;
                roster::check_new_prospect(draft, t.store.sectors(), roster::stages(t.store), kAsOf, &p);
                return roster::add_prospect(t.store, p, &id);
              })[0]
                 .reason,
             Contains("member #1 杭州甲有限公司 has this name"));
  draft.name = "杭州丙有限公司";
  draft.uscc = kUscc;
  int64_t id = 0;
  auto problems = t.add(draft, &id);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].reason ==
        "member #1 杭州甲有限公司 has this USCC; a member is not recruited again (see `roster show 1`)");
  draft.uscc = "";
  draft.name = " 杭州乙有限公司 ";
  problems = t.add(draft, &id);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].reason ==
        "prospect #1 杭州乙有限公司 has this name; change that one with `roster prospect edit 1`");
}

TEST_CASE("edit changes the fields and logs each, a clash writes nothing", "[prospect][store]") {
  Pipeline t;
  t.member("杭州甲有限公司");  // the referrer
  int64_t first = t.add("杭州乙有限公司", kUscc);
  int64_t second = t.add("杭州丙有限公司");
  ProspectDraft draft = roster::draft_of(roster::read_prospect(t.store, second));
  draft.owner = "王芳";
  draft.sectors = {"healthcare", "tourism"};
  std::vector<std::string> changed;
  t.store.write([&] { REQUIRE(roster::edit_prospect(t.store, second, draft, 1, &changed).empty()); });
  CHECK(changed == std::vector<std::string>{"sectors", "referrer", "owner"});
  Prospect p = roster::read_prospect(t.store, second);
  CHECK(p.owner == "王芳");
  CHECK(p.referrer_id == 1);
  CHECK(p.sectors == std::vector<std::string>{"healthcare", "tourism"});
  CHECK(roster::prospect_history(t.store, second).size() == 4);

  draft.uscc = kUscc;  // the first prospect's
  auto problems = t.refused([&] { return roster::edit_prospect(t.store, second, draft, 1, nullptr); });
  CHECK(problems[0].reason == "prospect #" + std::to_string(first) +
                                  " 杭州乙有限公司 has this USCC; change that one with `roster prospect edit 1`");
}

TEST_CASE("move and drop follow the rules and write a move each", "[prospect][store]") {
  Pipeline t;
  int64_t id = t.add("杭州乙有限公司");
  t.store.write([&] { REQUIRE(roster::move_prospect(t.store, id, "有意向", d(2024, 4, 1), kAsOf).empty()); });
  t.refused([&] { return roster::move_prospect(t.store, id, "applied", d(2024, 3, 15), kAsOf); });
  t.refused([&] { return roster::move_prospect(t.store, id, "joined", d(2024, 5, 1), kAsOf); });
  t.refused([&] { return roster::move_prospect(t.store, id, "won", d(2024, 5, 1), kAsOf); });
  t.refused([&] { return roster::drop_prospect(t.store, id, "", d(2024, 5, 1), kAsOf); });
  t.store.write([&] { REQUIRE(roster::drop_prospect(t.store, id, "预算不足", d(2024, 5, 1), kAsOf).empty()); });
  Prospect p = roster::read_prospect(t.store, id);
  CHECK(p.stage == "dropped");
  CHECK(p.drop_reason == "预算不足");
  REQUIRE(p.moves.size() == 3);
  CHECK(p.moves[1].stage == "interested");
  CHECK(p.moves[2].stage == "dropped");
  // Back on the road: the reason goes with the stage.
  t.store.write([&] { REQUIRE(roster::move_prospect(t.store, id, "contacted", d(2024, 6, 1), kAsOf).empty()); });
  p = roster::read_prospect(t.store, id);
  CHECK(p.stage == "contacted");
  CHECK(p.drop_reason.empty());
}

TEST_CASE("convert makes the member through the add-member path in one transaction", "[prospect][store]") {
  Pipeline t;
  t.member("杭州甲有限公司");
  int64_t id = t.add("杭州乙有限公司", kUscc);
  int64_t member_id = 0;
  t.store.write([&] { REQUIRE(roster::convert_prospect(t.store, id, d(2024, 6, 1), kAsOf, &member_id).empty()); });
  CHECK(member_id == 2);
  Prospect p = roster::read_prospect(t.store, id);
  CHECK(p.stage == "joined");
  CHECK(p.member_id == member_id);
  CHECK(p.moves.back().on == d(2024, 6, 1));
  auto record = t.store.member_record(member_id);
  CHECK(record.name == "杭州乙有限公司");
  CHECK(record.uscc == kUscc);
  CHECK(record.periods.at(0).joined == d(2024, 6, 1));
  CHECK(record.history.size() == 2);  // member.add, then prospect.convert
  CHECK(record.history[1].kind == "prospect.convert");
  t.refused([&] { return roster::convert_prospect(t.store, id, d(2024, 6, 2), kAsOf, &member_id); });
}

TEST_CASE("convert refuses a USCC a member took since, and writes nothing", "[prospect][store]") {
  Pipeline t;
  int64_t id = t.add("杭州乙有限公司", kUscc);
  t.member("杭州另一家有限公司", kUscc);
  int64_t member_id = 0;
  auto problems = t.refused([&] { return roster::convert_prospect(t.store, id, d(2024, 6, 1), kAsOf, &member_id); });
  CHECK(problems[0].reason == "USCC " + kUscc + " already belongs to member #1 (杭州另一家有限公司)");
}

TEST_CASE("a stage's probability changes and is logged", "[prospect][store]") {
  Pipeline t;
  t.store.write([&] { roster::set_stage_probability(t.store, "applied", 80); });
  CHECK(roster::stages(t.store)[3].probability == 80);
  roster::HistoryFilter filter;
  filter.kind = "stage.probability";
  std::vector<roster::HistoryEntry> entries;
  t.store.each_history(filter, [&](const roster::HistoryEntry& e) { entries.push_back(e); });
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].field == "applied");
  CHECK(entries[0].before == "75");
  CHECK(entries[0].after == "80");
  CHECK_THROWS_WITH(t.store.write([&] { roster::set_stage_probability(t.store, "won", 5); }),
                    Contains("unknown stage 'won'"));
}

TEST_CASE("a version 3 database is migrated to 6 with the stages, its members kept", "[prospect][store]") {
  TempDir dir;
  {
    // A version 3 file: what this roster makes, without what version 4 added.
    Store store = Store::create(dir / "roster.db", settings());
    roster::NewMember m;
    m.name = "杭州甲有限公司";
    m.name_key = roster::name_key(m.name);
    m.sector_codes = {"education"};
    m.joined = d(2024, 1, 5);
    store.write([&] { store.insert_member(m); });
  }
  {
    SQLite::Database db((dir / "roster.db").string(), SQLite::OPEN_READWRITE);
    db.exec(
        "DROP TABLE dues_exemptions; DROP TABLE dues_payments; DROP TABLE dues_charges; DROP TABLE dues_schedule;"
        "DROP TABLE dues_policy; ALTER TABLE members DROP COLUMN contact; ALTER TABLE members DROP COLUMN phone;"
        "ALTER TABLE members DROP COLUMN email;"
        "DROP TABLE prospect_moves; DROP TABLE prospect_sectors; DROP TABLE prospects; DROP TABLE stages;"
        "DROP INDEX history_by_prospect; ALTER TABLE history DROP COLUMN prospect_id; PRAGMA user_version = 3;");
  }
  Store store = Store::open(dir / "roster.db");
  auto stages = roster::stages(store);
  REQUIRE(stages.size() == 7);
  CHECK(stages[2].code == "interested");
  CHECK(stages[2].probability == 50);
  CHECK(store.member_record(1).name == "杭州甲有限公司");
  SQLite::Database db((dir / "roster.db").string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == 6);
  CHECK(db.execAndGet("SELECT before || '>' || after FROM history WHERE kind = 'schema.migrate'").getString() == "3>6");
}

TEST_CASE("sectors merge moves prospects' links, sectors remove refuses a sector a prospect has", "[prospect][store]") {
  Pipeline t;
  int64_t id = t.add("杭州乙有限公司");  // education
  CHECK_THROWS_WITH(t.store.write([&] { t.store.remove_sector("education"); }),
                    Contains("sector education is used by 1 prospect"));
  t.store.write([&] { t.store.merge_sectors("education", "tourism"); });
  CHECK(roster::read_prospect(t.store, id).sectors == std::vector<std::string>{"tourism"});
}
