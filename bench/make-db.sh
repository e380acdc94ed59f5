#!/usr/bin/env bash
# Makes a synthetic roster database of N members for benchmarks, straight
# with sqlite3 on roster's own schema: every member has a first period, one in
# five left, and of those half re-joined, so 100,000 members have 110,000
# periods; with RE=5 every leaver re-joined (120,000 periods).
# Usage: bench/make-db.sh ROSTER_BIN DB N
set -euo pipefail
roster=$1 db=$2 n=$3
rm -f "$db" "$db-wal" "$db-shm"
"$roster" init --db "$db" -q
sqlite3 "$db" <<SQL
PRAGMA foreign_keys = OFF;
BEGIN;
WITH RECURSIVE i(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM i WHERE k < $n)
INSERT INTO members (id, name, name_key, tier, city)
SELECT k, '杭州合成' || k || '号科技有限公司', '杭州合成' || k || '号科技有限公司', 'member',
       CASE k % 4 WHEN 0 THEN '杭州' WHEN 1 THEN '宁波' WHEN 2 THEN '温州' ELSE '嘉兴' END
FROM i;
-- first periods: joined spread over 2015-01-01 .. 2026-06-30
INSERT INTO periods (member_id, joined_on, left_on)
SELECT id, date('2015-01-01', '+' || (id * 7919 % 4198) || ' days'),
       CASE WHEN id % 5 = 0 THEN min('2026-06-30', date('2015-01-01', '+' || (id * 7919 % 4198 + 30 + id % 300) || ' days')) END
FROM members;
-- re-joins: every 5th member left; those with id % 5 = 0 and id % ${RE:-10} = 0 came back
INSERT INTO periods (member_id, joined_on)
SELECT member_id, min('2026-11-01', date(left_on, '+' || (10 + member_id % 200) || ' days'))
FROM periods WHERE left_on IS NOT NULL AND member_id % ${RE:-10} = 0;
INSERT INTO member_sectors (member_id, sector_code, position)
SELECT id, CASE id % 7 WHEN 0 THEN 'healthcare' WHEN 1 THEN 'e-commerce' WHEN 2 THEN 'education'
                      WHEN 3 THEN 'tourism' WHEN 4 THEN 'entertainment' WHEN 5 THEN 'telecom' ELSE 'other' END, 0
FROM members;
COMMIT;
SQL
