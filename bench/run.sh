#!/usr/bin/env bash
# Prints timings (median of RUNS runs) and peak memory of roster commands next
# to the sqlite3 shell doing the nearest equivalent work on the same file.
# Usage: bench/run.sh [ROSTER_BIN] [N ...]     (default: build/roster 1000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
roster=${1:-build/roster}
shift || true
sizes=("${@:-1000 100000}")
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
as_of=2026-11-29

# measure LABEL CMD...: median wall seconds and max peak RSS over $runs runs
measure() {
  local label=$1
  shift
  local times=() peak=0 run t m
  for ((run = 0; run < runs; run++)); do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r t m <"$work/t"
    times+=("$t")
    ((m > peak)) && peak=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-34s %8.3f s %9d KB\n' "$label" "$median" "$peak"
  echo "$median" >"$work/last"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "roster $("$roster" --version | cut -d' ' -f2), sqlite3 $(sqlite3 --version | cut -d' ' -f1), $runs runs each"
for n in ${sizes[@]}; do
  db="$work/roster-$n.db"
  RE=5 bash bench/make-db.sh "$roster" "$db" "$n"
  periods=$(sqlite3 "$db" "SELECT count(*) FROM periods")
  echo
  echo "== $n members, $periods periods"
  measure "roster progress -f json" "$roster" progress -f json --as-of $as_of --db "$db"
  p=$(cat "$work/last")
  measure "sqlite3: active counts (2 dates)" sqlite3 "$db" \
    "SELECT count(*) FROM periods WHERE joined_on <= '$as_of' AND (left_on IS NULL OR left_on > '$as_of');
     SELECT count(*) FROM periods WHERE joined_on <= '2023-07-15' AND (left_on IS NULL OR left_on > '2023-07-15');"
  echo "   ratio progress / sqlite3: $(ratio "$p" "$(cat "$work/last")")"
  "$roster" export -f csv --db "$db" >"$work/export-$n.csv"
  rows=$(($(wc -l <"$work/export-$n.csv") - 1))
  import_db="$work/import-$n.db"
  fresh_import() { rm -f "$import_db"*; "$roster" init --db "$import_db" -q && "$roster" import "$work/export-$n.csv" --db "$import_db" -q --as-of $as_of; }
  measure "roster import ($rows CSV rows)" bash -c "$(declare -f fresh_import); import_db=$import_db roster=$roster work=$work n=$n as_of=$as_of fresh_import"
  i=$(cat "$work/last")
  plain_import() { rm -f "$work/plain.db"; sqlite3 "$work/plain.db" ".import --csv $work/export-$n.csv members"; }
  measure "sqlite3 .import (plain table)" bash -c "$(declare -f plain_import); work=$work n=$n plain_import"
  echo "   ratio import / sqlite3: $(ratio "$i" "$(cat "$work/last")")"
  measure "roster export -f csv" "$roster" export -f csv --db "$db"
  e=$(cat "$work/last")
  measure "sqlite3 -csv: members join periods" sqlite3 -csv "$db" \
    "SELECT m.id, m.name, m.uscc, m.tier, m.city, m.parent, m.note, p.joined_on, p.left_on, p.reason FROM members m JOIN periods p ON p.member_id = m.id ORDER BY m.id, p.joined_on"
  echo "   ratio export / sqlite3: $(ratio "$e" "$(cat "$work/last")")"
  measure "roster list -f tsv --status all" "$roster" list -f tsv --status all --as-of $as_of --db "$db"
  l=$(cat "$work/last")
  measure "sqlite3 -csv: members" sqlite3 -csv "$db" "SELECT id, name, uscc, tier, city, parent, note FROM members"
  echo "   ratio list / sqlite3: $(ratio "$l" "$(cat "$work/last")")"
done
