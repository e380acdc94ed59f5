#!/usr/bin/env bash
# roster on PostgreSQL beside roster on a SQLite file, at N members (default
# 100,000): import, list, progress and sectors, each the median of RUNS runs,
# against psql doing the nearest equivalent work on the same server in the
# same go (COPY of the CSV into a plain table; the same query for the reads).
# A private server (scripts/pg-server.sh: initdb in a temporary folder, a Unix
# socket only, fsync off as in the tests) is started and removed.
# Usage: bash bench/pg.sh [ROSTER_BIN] [N]      (bench/run.sh calls it)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
roster=${1:-$root/build/roster}
n=${2:-100000}
runs=${RUNS:-5}
as_of=${AS_OF:-2026-11-29}
work=$(mktemp -d "${TMPDIR:-/tmp}/roster-bench-pg.XXXXXX")
server=$(bash "$root/scripts/pg-server.sh" start)
trap 'bash "$root/scripts/pg-server.sh" stop "$server"; rm -rf "$work"' EXIT
url=$(bash "$root/scripts/pg-server.sh" url "$server")
pg="$url options=-csearch_path=roster"
export PGOPTIONS="-c client_min_messages=warning"
psql_q() { psql "$url" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

declare -A T M
median() { sort -n | awk '{a[NR] = $1} END {m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f", m}'; }
# measure KEY PREP CMD...: CMD $runs times after `eval PREP` (untimed); median wall s, highest peak RSS KB.
measure() {
  local key=$1 prep=$2 walls=() peak=0 t0 t1 m
  shift 2
  for ((i = 0; i < runs; i++)); do
    eval "$prep"
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    t1=$EPOCHREALTIME
    m=$(tail -n 1 "$work/time")
    ((m > peak)) && peak=$m
    walls+=("$(awk -v a="${t0/,/.}" -v b="${t1/,/.}" 'BEGIN { printf "%.6f", b - a }')")
  done
  T[$key]=$(printf '%s\n' "${walls[@]}" | median)
  M[$key]=$peak
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

csv=$work/members.csv db=$work/roster.db
python3 "$root/bench/gen-members.py" "$n" >"$csv" 2>/dev/null
fresh_pg="psql_q -c 'DROP SCHEMA IF EXISTS roster CASCADE; CREATE SCHEMA roster' && '$roster' init --db '$pg' -q"
fresh_file="rm -f '$db' '$db-wal' '$db-shm'; '$roster' init --db '$db' -q"
echo "== roster on PostgreSQL $(psql_q -c 'SHOW server_version') at $n members ($runs runs each; load average $(cut -d' ' -f1-3 /proc/loadavg))"
measure import-pg "$fresh_pg" "$roster" import "$csv" --db "$pg" -q --as-of "$as_of"
measure import-file "$fresh_file" "$roster" import "$csv" --db "$db" -q --as-of "$as_of"
cols=$(head -n 1 "$csv" | tr -d '\r')
measure import-psql "psql_q -c 'DROP TABLE IF EXISTS plain; CREATE TABLE plain ($(sed 's/[^,]*/"&" TEXT/g' <<<"$cols"))'" \
  psql "$url" -X -q -c "\\copy plain FROM '$csv' CSV HEADER"

# The reads, on the roster imported last into each store.
list_sql="SELECT m.id, m.name, m.uscc, string_agg(s.sector_code, ';'), p.joined_on, p.left_on, m.tier, m.city
  FROM roster.members m JOIN roster.periods p ON p.member_id = m.id
   AND p.joined_on = (SELECT max(joined_on) FROM roster.periods q WHERE q.member_id = m.id AND q.joined_on <= '$as_of')
  LEFT JOIN roster.member_sectors s ON s.member_id = m.id GROUP BY m.id, p.joined_on, p.left_on ORDER BY m.id"
for store in pg file; do
  target=$pg
  [[ $store == file ]] && target=$db
  measure "list-$store" "" "$roster" list -f csv --status all --as-of "$as_of" --db "$target"
  measure "progress-$store" "" "$roster" progress -f json --as-of "$as_of" --db "$target"
  measure "sectors-$store" "" "$roster" sectors -f json --as-of "$as_of" --db "$target"
done
measure list-psql "" psql "$url" -X -q -A -t -F , -c "$list_sql"
measure progress-psql "" psql "$url" -X -q -A -t -c "SELECT joined_on, count(*), 0 FROM roster.periods GROUP BY joined_on
  UNION ALL SELECT left_on, 0, count(*) FROM roster.periods WHERE left_on IS NOT NULL GROUP BY left_on"
measure sectors-psql "" psql "$url" -X -q -A -t -c "SELECT ms.sector_code, ms.position = 0, count(*) FILTER (WHERE p.joined_on <= '$as_of'
  AND (p.left_on IS NULL OR p.left_on > '$as_of')) FROM roster.periods p JOIN roster.member_sectors ms
  ON ms.member_id = p.member_id GROUP BY 1, 2"

fmt='%-18s %10s %10s %10s %10s %10s %10s %9s %9s\n'
# shellcheck disable=SC2059
printf "$fmt" "" "pg wall s" "pg KB" "file wall s" "file KB" "psql wall s" "psql KB" "pg/file" "pg/psql"
for c in import list progress sectors; do
  # shellcheck disable=SC2059
  printf "$fmt" "$c" "${T[$c-pg]}" "${M[$c-pg]}" "${T[$c-file]}" "${M[$c-file]}" "${T[$c-psql]}" "${M[$c-psql]}" \
    "$(ratio "${T[$c-pg]}" "${T[$c-file]}")" "$(ratio "${T[$c-pg]}" "${T[$c-psql]}")"
done
echo "(psql: import is \\copy of the CSV into one plain text table; list, progress and sectors the nearest single query)"
