#include "schema.h"

#include <fmt/core.h>

#include "roster/prospect_rules.h"
#include "roster/store.h"

namespace roster::schema {
namespace {

// Migration i takes the schema from version i to version i + 1. A new
// database runs them all, so every migration is exercised by every init.
// Never edit a released migration; append a new one. docs/schema.md follows.
constexpr const char* kMigrations[] = {
    // 0 -> 1: members, periods, sectors, their links, the goal and the history.
    R"SQL(
CREATE TABLE association (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  name        TEXT NOT NULL DEFAULT '',
  goal_start  TEXT NOT NULL,
  goal_target INTEGER NOT NULL CHECK (goal_target > 0),
  goal_deadline TEXT NOT NULL,
  CHECK (goal_deadline > goal_start)
);
CREATE TABLE sectors (
  code     TEXT PRIMARY KEY,
  name_en  TEXT NOT NULL,
  name_zh  TEXT NOT NULL,
  is_key   INTEGER NOT NULL DEFAULT 0 CHECK (is_key IN (0, 1)),
  target   INTEGER CHECK (target IS NULL OR target > 0),
  position INTEGER NOT NULL
);
CREATE TABLE members (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL CHECK (length(name) > 0),
  name_key TEXT NOT NULL UNIQUE,
  uscc     TEXT UNIQUE CHECK (uscc IS NULL OR length(uscc) = 18),
  tier     TEXT NOT NULL DEFAULT 'member'
           CHECK (tier IN ('president', 'vice-president', 'council', 'member')),
  city     TEXT NOT NULL DEFAULT '',
  parent   TEXT NOT NULL DEFAULT '',
  note     TEXT NOT NULL DEFAULT ''
);
CREATE TABLE periods (
  id        INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  joined_on TEXT NOT NULL,
  left_on   TEXT,
  reason    TEXT NOT NULL DEFAULT '',
  CHECK (left_on IS NULL OR left_on > joined_on)
);
CREATE INDEX periods_by_member ON periods(member_id, joined_on);
CREATE INDEX periods_by_joined ON periods(joined_on);
CREATE INDEX periods_by_left ON periods(left_on) WHERE left_on IS NOT NULL;
CREATE TABLE member_sectors (
  member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  sector_code TEXT NOT NULL REFERENCES sectors(code) ON UPDATE CASCADE,
  position    INTEGER NOT NULL CHECK (position >= 0),
  PRIMARY KEY (member_id, sector_code),
  UNIQUE (member_id, position)
) WITHOUT ROWID;
CREATE INDEX member_sectors_by_sector ON member_sectors(sector_code);
CREATE TABLE history (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user      TEXT NOT NULL,
  command   TEXT NOT NULL,
  kind      TEXT NOT NULL,
  member_id INTEGER,
  field     TEXT NOT NULL DEFAULT '',
  before    TEXT NOT NULL DEFAULT '',
  after     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_by_member ON history(member_id);
)SQL",
    // 1 -> 2: sector aliases, the short forms people write (电商 for
    // e-commerce). The seeded sectors get the aliases data/sectors.csv gave
    // them at this version (a new database then gets the seed's own, which
    // may have grown since); a sector the user added gets none.
    R"SQL(
ALTER TABLE sectors ADD COLUMN aliases TEXT NOT NULL DEFAULT '';
UPDATE sectors SET aliases = CASE code
  WHEN 'healthcare' THEN '医疗|医药|健康|大健康|生物医药'
  WHEN 'e-commerce' THEN '电商|网络零售|跨境电商|ecommerce'
  WHEN 'education' THEN '教育培训|培训|在线教育|职业教育'
  WHEN 'tourism' THEN '文旅|旅游|文化和旅游'
  WHEN 'entertainment' THEN '娱乐|文娱|游戏|动漫'
  WHEN 'telecom' THEN '电信|通讯|信息通信'
  WHEN 'manufacturing' THEN '制造|制造业|工业'
  WHEN 'finance' THEN '金融|金融服务|fintech'
  WHEN 'media' THEN '传媒|媒体|新媒体|文化传媒'
  WHEN 'technology' THEN '软件|互联网|信息服务|IT'
  WHEN 'other' THEN '其它'
  ELSE '' END;
)SQL",
    // 2 -> 3: the association's language for its reports ('' = not chosen:
    // the locale decides), and a member's pinyin sort key ('' = the reading
    // ICU gives the name).
    R"SQL(
ALTER TABLE association ADD COLUMN lang TEXT NOT NULL DEFAULT '' CHECK (lang IN ('', 'en', 'zh'));
ALTER TABLE members ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
)SQL",
    // 3 -> 4: the recruitment pipeline. The stages (seeded from
    // data/stages.csv right after this step, by seed_stages), the prospects
    // with their sectors and stage moves, and history rows about a prospect.
    // A prospect is never a member: no count of members reads these tables.
    R"SQL(
CREATE TABLE stages (
  code        TEXT PRIMARY KEY,
  name_en     TEXT NOT NULL,
  name_zh     TEXT NOT NULL,
  probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
  position    INTEGER NOT NULL,
  closed      INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))
);
CREATE TABLE prospects (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL CHECK (length(name) > 0),
  name_key       TEXT NOT NULL UNIQUE,
  uscc           TEXT UNIQUE CHECK (uscc IS NULL OR length(uscc) = 18),
  tier           TEXT NOT NULL DEFAULT 'member'
                 CHECK (tier IN ('president', 'vice-president', 'council', 'member')),
  city           TEXT NOT NULL DEFAULT '',
  source         TEXT NOT NULL DEFAULT '',
  referrer_id    INTEGER REFERENCES members(id) ON DELETE SET NULL,
  owner          TEXT NOT NULL DEFAULT '',
  stage          TEXT NOT NULL REFERENCES stages(code),
  probability    INTEGER CHECK (probability IS NULL OR probability BETWEEN 0 AND 100),
  next_action    TEXT NOT NULL DEFAULT '',
  next_action_on TEXT,
  note           TEXT NOT NULL DEFAULT '',
  added_on       TEXT NOT NULL,
  member_id      INTEGER UNIQUE REFERENCES members(id) ON DELETE SET NULL,
  drop_reason    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX prospects_by_stage ON prospects(stage);
CREATE INDEX prospects_by_next_action ON prospects(next_action_on) WHERE next_action_on IS NOT NULL;
CREATE TABLE prospect_sectors (
  prospect_id INTEGER NOT NULL REFERENCES prospects(id) ON DELETE CASCADE,
  sector_code TEXT NOT NULL REFERENCES sectors(code) ON UPDATE CASCADE,
  position    INTEGER NOT NULL CHECK (position >= 0),
  PRIMARY KEY (prospect_id, sector_code),
  UNIQUE (prospect_id, position)
) WITHOUT ROWID;
CREATE INDEX prospect_sectors_by_sector ON prospect_sectors(sector_code);
CREATE TABLE prospect_moves (
  id          INTEGER PRIMARY KEY,
  prospect_id INTEGER NOT NULL REFERENCES prospects(id) ON DELETE CASCADE,
  stage       TEXT NOT NULL REFERENCES stages(code),
  moved_on    TEXT NOT NULL
);
CREATE INDEX prospect_moves_by_prospect ON prospect_moves(prospect_id, moved_on);
ALTER TABLE history ADD COLUMN prospect_id INTEGER;
CREATE INDEX history_by_prospect ON history(prospect_id) WHERE prospect_id IS NOT NULL;
)SQL",
    // 4 -> 5: dues (会费) and contacts. The billing policy (one row, the
    // defaults of docs/dues.md), the schedule of amounts per tier, the
    // charges per member and dues year, the payments, and the waivers and
    // deferrals; money in whole fen. A member's contact person, phone and
    // email, so reminders reach someone; never shown in reports.
    R"SQL(
ALTER TABLE members ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN email TEXT NOT NULL DEFAULT '';
CREATE TABLE dues_policy (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  year_start      TEXT NOT NULL DEFAULT '01-01',
  due             TEXT NOT NULL DEFAULT '03-31',
  prorate_from    TEXT NOT NULL DEFAULT '07-01',
  prorate_percent INTEGER NOT NULL DEFAULT 50 CHECK (prorate_percent BETWEEN 0 AND 100),
  grace_months    INTEGER NOT NULL DEFAULT 0 CHECK (grace_months >= 0),
  suspend_months  INTEGER NOT NULL DEFAULT 6,
  lapse_months    INTEGER NOT NULL DEFAULT 12,
  CHECK (grace_months <= suspend_months AND suspend_months <= lapse_months)
);
INSERT INTO dues_policy (id) VALUES (1);
CREATE TABLE dues_schedule (
  id         INTEGER PRIMARY KEY,
  tier       TEXT NOT NULL CHECK (tier IN ('president', 'vice-president', 'council', 'member')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  from_on    TEXT NOT NULL,
  resolution TEXT NOT NULL DEFAULT '',
  UNIQUE (tier, from_on)
);
CREATE TABLE dues_charges (
  member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  year       INTEGER NOT NULL,
  tier       TEXT NOT NULL CHECK (tier IN ('president', 'vice-president', 'council', 'member')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  billed_on  TEXT NOT NULL,
  due_on     TEXT NOT NULL,
  prorated   INTEGER NOT NULL DEFAULT 0 CHECK (prorated IN (0, 1)),
  PRIMARY KEY (member_id, year)
) WITHOUT ROWID;
CREATE INDEX dues_charges_by_year ON dues_charges(year);
CREATE TABLE dues_payments (
  id         INTEGER PRIMARY KEY,
  member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  year       INTEGER NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  paid_on    TEXT NOT NULL,
  receipt    TEXT NOT NULL DEFAULT '',
  method     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dues_payments_by_member ON dues_payments(member_id, year);
CREATE TABLE dues_exemptions (
  member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  year        INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('waived', 'deferred')),
  until_on    TEXT CHECK ((kind = 'deferred') = (until_on IS NOT NULL)),
  reason      TEXT NOT NULL CHECK (length(reason) > 0),
  approved_by TEXT NOT NULL DEFAULT '',
  granted_on  TEXT NOT NULL,
  PRIMARY KEY (member_id, year)
) WITHOUT ROWID;
)SQL",
    // 5 -> 6: a member's name key and USCC are unique through named indexes
    // instead of column constraints, so that a large import can build them
    // once after writing its rows (a sorted build) rather than maintain them
    // row by row. The same uniqueness, the same rows. The table is rebuilt:
    // the old one renamed away without touching the other tables' references
    // to `members` (legacy_alter_table), the new one filled from it, the old
    // one dropped, with foreign keys off (Store::open sees to that).
    R"SQL(
PRAGMA legacy_alter_table = ON;
ALTER TABLE members RENAME TO members_v5;
PRAGMA legacy_alter_table = OFF;
CREATE TABLE members (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL CHECK (length(name) > 0),
  name_key TEXT NOT NULL,
  uscc     TEXT CHECK (uscc IS NULL OR length(uscc) = 18),
  tier     TEXT NOT NULL DEFAULT 'member'
           CHECK (tier IN ('president', 'vice-president', 'council', 'member')),
  city     TEXT NOT NULL DEFAULT '',
  parent   TEXT NOT NULL DEFAULT '',
  note     TEXT NOT NULL DEFAULT '',
  sort_key TEXT NOT NULL DEFAULT '',
  contact  TEXT NOT NULL DEFAULT '',
  phone    TEXT NOT NULL DEFAULT '',
  email    TEXT NOT NULL DEFAULT ''
);
INSERT INTO members (id, name, name_key, uscc, tier, city, parent, note, sort_key, contact, phone, email)
  SELECT id, name, name_key, uscc, tier, city, parent, note, sort_key, contact, phone, email FROM members_v5;
DROP TABLE members_v5;
CREATE UNIQUE INDEX members_by_name_key ON members(name_key);
CREATE UNIQUE INDEX members_by_uscc ON members(uscc);
)SQL",
};

// The stages of data/stages.csv, added by the step to version 4 (a stage
// already there is kept as it is).
void seed_stages(dbi::Connection& db) {
  dbi::Statement insert(db,
                        "INSERT OR IGNORE INTO stages (code, name_en, name_zh, probability, position, closed) "
                        "VALUES (?, ?, ?, ?, ?, ?)");
  for (const Stage& s : parse_stages_csv(seed_stages_csv())) {
    insert.reset();
    insert.bind(1, s.code);
    insert.bind(2, s.name_en);
    insert.bind(3, s.name_zh);
    insert.bind(4, s.probability);
    insert.bind(5, s.position);
    insert.bind(6, s.closed ? 1 : 0);
    insert.exec();
  }
}

}  // namespace

void migrate(dbi::Connection& db, int from_version) {
  // i18n: data (a compile-time check)
  static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per schema version");
  for (int v = from_version; v < kSchemaVersion; ++v) {
    db.exec(kMigrations[v]);
    if (v == 3) seed_stages(db);
    db.exec(fmt::format("PRAGMA user_version = {}", v + 1));
  }
}

}  // namespace roster::schema
