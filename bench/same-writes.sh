#!/usr/bin/env bash
# The floor for `roster import`: the sqlite3 shell making the same rows in a
# fresh roster database (members, periods, sector links, one history entry
# per member, every index) from an export-shaped CSV, with no validation,
# no name folding beyond lower(), no duplicate checks.
# Usage: bench/same-writes.sh ROSTER_BIN CSV DB
set -euo pipefail
roster=$1 csv=$2 db=$3
rm -f "$db" "$db-wal" "$db-shm"
"$roster" init --db "$db" -q
sqlite3 "$db" <<SQL
BEGIN IMMEDIATE;
.import --csv $csv csvrows
INSERT INTO members (id, name, name_key, uscc, tier, city, parent, note)
  SELECT CAST(id AS INTEGER), name, lower(name), nullif(uscc, ''), tier, city, parent, note
    FROM csvrows GROUP BY id;
INSERT INTO periods (member_id, joined_on, left_on, reason)
  SELECT CAST(id AS INTEGER), joined, nullif("left", ''), reason FROM csvrows;
INSERT INTO member_sectors (member_id, sector_code, position)
  SELECT CAST(r.id AS INTEGER), j.value, j.key
    FROM (SELECT id, sectors FROM csvrows GROUP BY id) r,
         json_each('["' || replace(r.sectors, ';', '","') || '"]') j;
INSERT INTO history (at, user, command, kind, member_id, field, before, after)
  SELECT '2026-01-01T00:00:00Z', 'bench', 'import', 'member.add', id, '', '',
         json_object('name', name, 'uscc', uscc, 'tier', tier, 'city', city, 'parent', parent, 'note', note)
    FROM members;
DROP TABLE csvrows;
COMMIT;
SQL
