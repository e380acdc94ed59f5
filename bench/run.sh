#!/usr/bin/env bash
# roster's benchmarks: for each size N, a synthetic roster of N members from
# bench/gen-members.py, imported once; then each roster command's median wall
# time and peak memory over RUNS runs, next to the sqlite3 shell doing the
# nearest equivalent work on the same data in the same go; at the end, how
# each figure grows with N. bench/README.md says what each line compares.
#
# Usage: bash bench/run.sh [ROSTER_BIN] [N ...]
#   ROSTER_BIN  default build/roster;  N ...  default 1000 100000 1000000
# Environment:
#   RUNS=5      runs per figure (the median is printed)
#   RUNS_1M=3   runs per figure for N >= 1,000,000 (an import there takes minutes)
#   AS_OF=2026-11-29   the --as-of date of every command (the data ends 2026-11-01)
#   TMPDIR      where the work directory goes (removed at exit)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
roster=${1:-$root/build/roster}
shift || true
if (($# > 0)); then sizes=("$@"); else sizes=(1000 100000 1000000); fi
runs_default=${RUNS:-5}
runs_1m=${RUNS_1M:-3}
as_of=${AS_OF:-2026-11-29}

die() { echo "bench: $*" >&2; exit 1; }
[[ -n ${EPOCHREALTIME:-} ]] || die "needs bash 5 or later (for EPOCHREALTIME)"
[[ -x $roster && ! -d $roster ]] || die "no roster binary at '$roster'; build one, e.g. cmake --build build, or pass its path"
roster=$(cd "$(dirname "$roster")" && pwd)/$(basename "$roster")
for tool in python3 sqlite3 /usr/bin/time awk sha256sum cmp; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install python3 sqlite3 time)"
done
for n in "${sizes[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "size '$n' is not a positive whole number"
done
[[ $runs_default =~ ^[1-9][0-9]*$ && $runs_1m =~ ^[1-9][0-9]*$ ]] || die "RUNS and RUNS_1M must be positive whole numbers"
[[ $as_of =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "AS_OF must be YYYY-MM-DD"

work=$(mktemp -d "${TMPDIR:-/tmp}/roster-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

declare -A T C M # T[label@n]: median wall seconds; C: median CPU (user + sys) seconds; M: peak RSS in KB
runs=$runs_default
prep=""

# measure KEY CMD...: runs CMD $runs times with stdout to /dev/null, each
# after `eval "$prep"` (untimed); records the median wall time (from
# EPOCHREALTIME, to the microsecond), the median CPU time (GNU time %U + %S,
# to 10 ms) and the highest peak RSS (GNU time %M).
median() {
  sort -n | awk '{a[NR] = $1} END {m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f", m}'
}
measure() {
  local key=$1
  shift
  local us=() cpu=() peak=0 run t0 t1 m u s
  for ((run = 0; run < runs; run++)); do
    if [[ -n $prep ]]; then eval "$prep"; fi
    t0=$EPOCHREALTIME
    if ! /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/err"; then
      echo "bench: this command failed:" >&2
      printf ' %q' "$@" >&2
      echo >&2
      tail -n 20 "$work/err" >&2
      exit 1
    fi
    t1=$EPOCHREALTIME
    read -r _ m u s <"$work/time"
    us+=("$(awk -v a="${t0/,/.}" -v b="${t1/,/.}" 'BEGIN { printf "%.6f", b - a }')")
    cpu+=("$(awk -v u="${u/,/.}" -v s="${s/,/.}" 'BEGIN { printf "%.2f", u + s }')")
    if ((m > peak)); then peak=$m; fi
  done
  T[$key]=$(printf '%s\n' "${us[@]}" | median)
  C[$key]=$(printf '%s\n' "${cpu[@]}" | median)
  M[$key]=$peak
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# pair TITLE ROSTER_KEY SQLITE_KEY TARGET: one line of a size's table; the
# verdict is on the wall-time ratio.
row_format='%-17s %9s %8s %10s   %9s %8s %10s   %6s %6s   %-6s %s\n'
pair() {
  local title=$1 r=$2 s=$3 target=$4 q qc verdict=""
  q=$(ratio "${T[$r]}" "${T[$s]}")
  qc=$(ratio "${C[$r]}" "${C[$s]}")
  if [[ $target != - && $q != n/a ]]; then
    verdict=$(awk -v q="$q" -v t="$target" 'BEGIN { print (q <= t) ? "ok" : "OVER" }')
    target="<= $target"
  fi
  # shellcheck disable=SC2059
  printf "$row_format" "$title" "${T[$r]}" "${C[$r]}" "${M[$r]}" "${T[$s]}" "${C[$s]}" "${M[$s]}" "$q" "$qc" \
    "$target" "$verdict"
}

header() {
  # shellcheck disable=SC2059
  printf "$row_format" "" "roster" "" "" "sqlite3" "" "" "roster/sqlite3" "" "" ""
  # shellcheck disable=SC2059
  printf "$row_format" "" "wall s" "cpu s" "peak KB" "wall s" "cpu s" "peak KB" "wall" "cpu" "target" ""
}

# Seconds since $1 (an EPOCHREALTIME), to the millisecond.
since() { awk -v a="${1/,/.}" -v b="${EPOCHREALTIME/,/.}" 'BEGIN { printf "%.3f", b - a }'; }

cpu_model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
[[ -n $cpu_model ]] || cpu_model=$(lscpu 2>/dev/null | awk -F': +' '/Model name/ {print $2; exit}' || true)
echo "roster benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, ${cpu_model:-unknown CPU}, $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "roster: $roster ($("$roster" --version)), linked with $(ldd "$roster" 2>/dev/null | awk '/libsqlite3/ {print $1; f = 1} END {if (!f) print "a built-in SQLite"}')"
echo "sqlite3 shell $(sqlite3 --version | cut -d' ' -f1), $(python3 --version)"
echo "sizes: ${sizes[*]}; median of RUNS=$runs_default runs (RUNS_1M=$runs_1m at 1,000,000 and up); --as-of $as_of"
echo "wall: elapsed seconds; cpu: user + system seconds; both medians; peak KB: the highest peak RSS of the runs"

# --- start-up: the fixed cost of a command, on the small demo roster --------
demo=$work/demo.db
"$roster" init --db "$demo" -q
"$roster" import "$root/data/demo-members.csv" --db "$demo" -q --as-of "$as_of"
demo_members=$(sqlite3 "$demo" "SELECT count(*) FROM members")
echo
echo "== start-up, on the demo roster (data/demo-members.csv, $demo_members members)"
header
measure "startup-version" "$roster" --version
measure "startup-progress" "$roster" progress --as-of "$as_of" --db "$demo"
measure "startup-sqlite" sqlite3 "$demo" "SELECT 1"
pair "--version" startup-version startup-sqlite -
pair "progress" startup-progress startup-sqlite -

# --- per size ------------------------------------------------------------------
# The lines of each size's table: TITLE|ROSTER_KEY|SQLITE3_KEY|TARGET. The
# two lines without a target put roster against a second, closer baseline.
lines=(
  "import|import|import-sqlite|8"
  "  same writes|import|import-same-sqlite|1.3"
  "list -f csv|list-csv|list-csv-sqlite|1.5"
  "list -f tsv|list-tsv|list-tsv-sqlite|1.5"
  "export -f csv|export|export-sqlite|1.5"
  "  with sectors|export|export-sectors-sqlite|-"
  "progress -f json|progress|progress-sqlite|2"
  "sectors -f json|sectors|sectors-sqlite|2"
  "check|check|check-sqlite|1.5"
  "check --quick|check-quick|check-quick-sqlite|-"
)
# The rows of the growth table: KEY|LABEL.
growth=(
  "import|roster import" "import-sqlite|  sqlite3 .import" "import-same-sqlite|  sqlite3 same writes"
  "list-csv|roster list -f csv" "list-csv-sqlite|  sqlite3 -csv"
  "list-tsv|roster list -f tsv" "list-tsv-sqlite|  sqlite3 -tabs"
  "export|roster export -f csv" "export-sqlite|  sqlite3 -csv" "export-sectors-sqlite|  sqlite3 with sectors"
  "progress|roster progress -f json" "progress-sqlite|  sqlite3"
  "sectors|roster sectors -f json" "sectors-sqlite|  sqlite3"
  "check|roster check" "check-sqlite|  sqlite3 integrity_check" "check-quick|roster check --quick"
  "check-quick-sqlite|  sqlite3 quick_check"
  "json-list|roster list -f json" "json-export|roster export -f json" "jsonl-export|roster export -f jsonl"
  "json-report|roster report -f json" "json-history|roster history -f json"
)

for n in "${sizes[@]}"; do
  if ((n >= 1000000)); then runs=$runs_1m; else runs=$runs_default; fi
  csv=$work/members-$n.csv
  db=$work/roster-$n.db
  echo
  echo "== $n members ($runs runs each; load average $(cut -d' ' -f1-3 /proc/loadavg))"

  t0=$EPOCHREALTIME
  python3 "$root/bench/gen-members.py" "$n" >"$csv" 2>"$work/gen.log" || { cat "$work/gen.log" >&2; die "gen-members.py failed"; }
  echo "generated in $(since "$t0") s: $(sed 's/^gen-members: //; s/; sha256 .*//' "$work/gen.log")"
  rows=$(($(wc -l <"$csv") - 1))
  echo "CSV: $rows rows, $(wc -c <"$csv") bytes, sha256 $(sha256sum "$csv" | cut -d' ' -f1)"

  # The database every read figure uses: the CSV imported once.
  t0=$EPOCHREALTIME
  "$roster" init --db "$db" -q
  "$roster" import "$csv" --db "$db" -q --as-of "$as_of" || die "roster import refused the generated CSV"
  echo "imported once in $(since "$t0") s: $(sqlite3 "$db" "
    SELECT (SELECT count(*) FROM members) || ' members, ' || (SELECT count(*) FROM periods) || ' periods ('
        || (SELECT count(left_on) FROM periods) || ' closed), '
        || (SELECT count(*) FROM (SELECT 1 FROM periods GROUP BY member_id HAVING count(*) > 1)) || ' re-joined, '
        || (SELECT count(*) FROM (SELECT 1 FROM member_sectors GROUP BY member_id HAVING count(*) > 1))
        || ' with 2 or more sectors'")"
  t0=$EPOCHREALTIME
  if "$roster" check --db "$db" -q >"$work/check.log" 2>&1; then
    echo "roster check: sound ($(since "$t0") s)"
  else
    cat "$work/check.log" >&2
    die "roster check found problems in the imported roster"
  fi
  if "$roster" export -f csv --db "$db" | cmp -s - "$csv"; then
    echo "roster export -f csv gives the generated CSV back byte for byte"
  else
    echo "WARNING: roster export -f csv differs from the generated CSV (the export format changed?)"
  fi
  goal_start=$(sqlite3 "$db" "SELECT goal_start FROM association")
  since_date=$(sqlite3 "$db" "SELECT date('$as_of', '-90 days')")

  # import: the N-row CSV into a fresh database, against sqlite3 .import into a
  # plain table (no checks, no indexes but the file's, no history).
  fresh=$work/fresh.db plain=$work/plain.db
  prep="rm -f '$fresh' '$fresh-wal' '$fresh-shm'; '$roster' init --db '$fresh' -q"
  measure "import@$n" "$roster" import "$csv" --db "$fresh" -q --as-of "$as_of"
  prep="rm -f '$plain' '$plain-journal'"
  measure "import-sqlite@$n" sqlite3 "$plain" ".import --csv '$csv' members"
  # The same rows as roster import writes (members, periods, sector links,
  # history, every index) made by the shell without any checking:
  # bench/same-writes.sh, whose own `roster init` is timed with it.
  prep="rm -f '$fresh' '$fresh-wal' '$fresh-shm'"
  measure "import-same-sqlite@$n" bash "$root/bench/same-writes.sh" "$roster" "$csv" "$fresh"
  prep=""
  rm -f "$fresh" "$fresh-wal" "$fresh-shm" "$plain"

  # list: every member with its latest period, against the same columns and
  # joins in one query.
  list_sql="SELECT m.id, m.name, m.uscc, group_concat(s.sector_code, ';'), p.joined_on, p.left_on, m.tier, m.city, m.parent, m.note
  FROM members m
  JOIN periods p ON p.member_id = m.id
   AND p.joined_on = (SELECT max(joined_on) FROM periods q WHERE q.member_id = m.id AND q.joined_on <= '$as_of')
  LEFT JOIN member_sectors s ON s.member_id = m.id
 GROUP BY m.id ORDER BY m.id"
  measure "list-csv@$n" "$roster" list -f csv --status all --as-of "$as_of" --db "$db"
  measure "list-csv-sqlite@$n" sqlite3 -csv "$db" "$list_sql"
  measure "list-tsv@$n" "$roster" list -f tsv --status all --as-of "$as_of" --db "$db"
  measure "list-tsv-sqlite@$n" sqlite3 -tabs "$db" "$list_sql"

  # export: every member and period, against members joined with periods;
  # then against the same with each member's sectors, as export writes them.
  measure "export@$n" "$roster" export -f csv --db "$db"
  measure "export-sqlite@$n" sqlite3 -csv "$db" \
    "SELECT m.id, m.name, m.uscc, m.tier, m.city, m.parent, m.note, p.joined_on, p.left_on, p.reason
       FROM members m JOIN periods p ON p.member_id = m.id ORDER BY m.id, p.joined_on"
  measure "export-sectors-sqlite@$n" sqlite3 -csv "$db" \
    "SELECT m.id, m.name, m.uscc,
            (SELECT group_concat(sector_code, ';')
               FROM (SELECT sector_code FROM member_sectors s WHERE s.member_id = m.id ORDER BY s.position)),
            m.tier, m.city, m.parent, m.note, p.joined_on, p.left_on, p.reason
       FROM members m JOIN periods p ON p.member_id = m.id ORDER BY m.id, p.joined_on"

  # progress: the two active counts it reports, and the per-date joins and
  # departures it builds them from (Store::membership_timeline's query).
  measure "progress@$n" "$roster" progress -f json --as-of "$as_of" --db "$db"
  measure "progress-sqlite@$n" sqlite3 "$db" "
    SELECT count(*) FROM periods WHERE joined_on <= '$as_of' AND (left_on IS NULL OR left_on > '$as_of');
    SELECT count(*) FROM periods WHERE joined_on <= '$goal_start' AND (left_on IS NULL OR left_on > '$goal_start');
    SELECT joined_on, count(*), 0 FROM periods GROUP BY joined_on
    UNION ALL
    SELECT left_on, 0, count(*) FROM periods WHERE left_on IS NOT NULL GROUP BY left_on;"

  # sectors: Store::sector_counts's queries (as of commit e841b4c: the
  # registry, then one pass over periods and sector links), dates in place of
  # its parameters. Keep this text in step with src/core/store_sectors.cpp.
  active="p.joined_on <= '$as_of' AND (p.left_on IS NULL OR p.left_on > '$as_of')"
  measure "sectors@$n" "$roster" sectors -f json --as-of "$as_of" --db "$db"
  measure "sectors-sqlite@$n" sqlite3 "$db" "
SELECT code FROM sectors ORDER BY position, code;
SELECT ms.sector_code, ms.position = 0 AS is_primary, sum($active),
       sum(p.joined_on > '$since_date' AND p.joined_on <= '$as_of'), sum(p.left_on > '$since_date' AND p.left_on <= '$as_of')
  FROM periods p CROSS JOIN member_sectors ms ON ms.member_id = p.member_id
 GROUP BY ms.sector_code, is_primary"

  # check: SQLite's own checks as roster runs them (integrity_check, or
  # quick_check, then foreign_key_check); the rest of roster's time is its
  # data rules.
  measure "check@$n" "$roster" check -q --db "$db"
  measure "check-sqlite@$n" sqlite3 "$db" "PRAGMA integrity_check; PRAGMA foreign_key_check"
  measure "check-quick@$n" "$roster" check --quick -q --db "$db"
  measure "check-quick-sqlite@$n" sqlite3 "$db" "PRAGMA quick_check; PRAGMA foreign_key_check"

  # json and jsonl: each output that lists members or entries, roster alone
  # (no sqlite3 line does the same); the growth table below shows whether
  # its memory stays flat from one size to the next.
  measure "json-list@$n" "$roster" list -f json --status all --as-of "$as_of" --db "$db"
  measure "json-export@$n" "$roster" export -f json --db "$db"
  measure "jsonl-export@$n" "$roster" export -f jsonl --db "$db"
  measure "json-report@$n" "$roster" report -f json --as-of "$as_of" --db "$db"
  measure "json-history@$n" "$roster" history -f json --db "$db"

  echo
  header
  for l in "${lines[@]}"; do
    IFS='|' read -r t r s g <<<"$l"
    pair "$t" "$r@$n" "$s@$n" "$g"
  done
  rm -f "$csv" "$db" "$db-wal" "$db-shm"
done

# --- a 1 GB line ------------------------------------------------------------------
# A CSV whose second line is 1 GB long (what a file that is not a member list
# can look like): roster refuses it at its 1 MB line cap while copying it in,
# so the time and memory are those of the first megabyte. From a file, and
# from a pipe (its writer is stopped by the early exit).
echo
echo "== a CSV with one 1 GB line (load average $(cut -d' ' -f1-3 /proc/loadavg))"
big=$work/one-line.csv
{ printf 'name,sectors,joined\n'; head -c 1073741824 /dev/zero | tr '\0' x; } >"$big"
rm -f "$work/big.db"*
"$roster" init --db "$work/big.db" -q
for how in file pipe; do
  t0=$EPOCHREALTIME
  if [[ $how == file ]]; then
    /usr/bin/time -f '%M' -o "$work/time" "$roster" import "$big" --db "$work/big.db" -q 2>"$work/err" && die "roster import took a 1 GB line"
  else
    /usr/bin/time -f '%M' -o "$work/time" "$roster" import - --db "$work/big.db" -q <"$big" 2>"$work/err" && die "roster import took a 1 GB line"
  fi
  printf '%-6s refused in %s s, peak %s KB: %s\n' "$how" "$(since "$t0")" "$(tail -n 1 "$work/time")" "$(head -n 1 "$work/err")"
done
rm -f "$big" "$work/big.db"*

# --- growth ----------------------------------------------------------------------
echo
echo "== growth with N: median wall seconds (s@N), the factor from one size to the next, peak RSS in KB (KB@N)"
echo "   and its factor from one size to the next (KB 100k->1M: the peak at 1M over the peak at 100k; flat memory is 1)"
# short N: 1000 -> 1k, 1000000 -> 1M
short() {
  local n=$1
  if ((n % 1000000 == 0)); then echo "$((n / 1000000))M"; elif ((n % 1000 == 0)); then echo "$((n / 1000))k"; else echo "$n"; fi
}
line="%-24s"
args=("")
for n in "${sizes[@]}"; do line+=" %9s"; args+=("s@$(short "$n")"); done
for ((i = 1; i < ${#sizes[@]}; i++)); do line+=" %10s"; args+=("$(short "${sizes[i - 1]}")->$(short "${sizes[i]}")"); done
for n in "${sizes[@]}"; do line+=" %10s"; args+=("KB@$(short "$n")"); done
for ((i = 1; i < ${#sizes[@]}; i++)); do line+=" %12s"; args+=("KB $(short "${sizes[i - 1]}")->$(short "${sizes[i]}")"); done
line+="\n"
# shellcheck disable=SC2059
printf "$line" "${args[@]}"
for g in "${growth[@]}"; do
  IFS='|' read -r key label <<<"$g"
  args=("$label")
  for n in "${sizes[@]}"; do args+=("${T[$key@$n]}"); done
  for ((i = 1; i < ${#sizes[@]}; i++)); do
    args+=("$(ratio "${T[$key@${sizes[i]}]}" "${T[$key@${sizes[i - 1]}]}")")
  done
  for n in "${sizes[@]}"; do args+=("${M[$key@$n]}"); done
  for ((i = 1; i < ${#sizes[@]}; i++)); do
    args+=("$(ratio "${M[$key@${sizes[i]}]}" "${M[$key@${sizes[i - 1]}]}")")
  done
  # shellcheck disable=SC2059
  printf "$line" "${args[@]}"
done
# --- PostgreSQL: roster on a server beside roster on a file, at 100,000 ----------
if [[ " ${sizes[*]} " == *" 100000 "* ]] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo
  RUNS=$runs_default AS_OF=$as_of bash "$root/bench/pg.sh" "$roster" 100000
fi
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
