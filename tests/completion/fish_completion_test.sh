#!/bin/bash
# Drives data/completions/roster.fish through fish's own completion machinery:
# `complete -C LINE` completes LINE as TAB would and prints the candidates.
# Usage: fish_completion_test.sh ROSTER_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME=$scratch/home XDG_DATA_HOME='' XDG_CONFIG_HOME='' ROSTER_LANG='' LANGUAGE='' LC_ALL=C.UTF-8 LANG=C.UTF-8
mkdir -p "$HOME"
bash "$src/tests/completion/make_scratch_roster.sh" "$bin" "$scratch" || exit 1
export ROSTER_BIN=$bin ROSTER_DB=$scratch/members.db

failures=0
# expect LINE CANDIDATE...: fish offers exactly these for LINE (in its order).
expect() {
    local line=$1
    shift
    local got
    # shellcheck disable=SC2016 # $argv is fish's, in fish's own quotes
    got=$(fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$src/data/completions/roster.fish" "$line" 2>&1)
    local want
    want=$(printf '%s\n' "$@")
    if [[ $got != "$want" ]]; then
        echo "FAIL: '$line': expected [${want//$'\n'/|}]; got [${got//$'\n'/|}]"
        failures=$((failures + 1))
    fi
}

expect 'roster li' list
expect 'roster sectors m' merge
expect 'roster list -f ' csv json jsonl table tsv
expect 'roster report -f ' chat html json markdown text
expect 'roster list --sector 文化旅' 文化旅游
expect 'roster list --sector=tour' --sector=tourism
expect 'roster list --st' --status
expect 'roster show Blue' 'Blue Harbor Digital Co., Ltd.'
expect "roster show \"O'B" "O'Brien Trading"
expect 'roster show 杭州' 杭州云栖数字科技有限公司
expect "roster --db $scratch/other.db show O" 'Only In Other Ltd.'
expect "roster import $scratch/memb" "$scratch/members.db"  # no candidates: paths
echo "$failures failed"
((failures == 0))
