#!/bin/bash
# Drives data/completions/roster.bash as a user's bash does: bash-completion
# loaded (and, a second time, not), COMP_WORDS, COMP_CWORD, COMP_LINE and
# COMP_POINT set as readline sets them, _roster called, COMPREPLY checked.
# Usage: bash_completion_test.sh ROSTER_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME=$scratch/home XDG_DATA_HOME='' ROSTER_LANG='' LANGUAGE='' LC_ALL=C.UTF-8 LANG=C.UTF-8
mkdir -p "$HOME"
bash "$src/tests/completion/make_scratch_roster.sh" "$bin" "$scratch" || exit 1
export ROSTER_BIN=$bin ROSTER_DB=$scratch/members.db OTHER_DB=$scratch/other.db SRC=$src

status=0
for helpers in /usr/share/bash-completion/bash_completion ""; do
    echo "== with ${helpers:-no bash-completion}"
    HELPERS=$helpers bash --norc --noprofile <<'INNER' || status=1
[[ -n $HELPERS ]] && source "$HELPERS"
source "$SRC/data/completions/roster.bash"
failures=0

# complete LINE WORD...: the command line up to the cursor and COMP_WORDS as
# bash splits it (at spaces, and around = and :); the last word is completed.
complete_at() {
    COMP_LINE=$1
    COMP_POINT=${#1}
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMPREPLY=()
    _roster
    line=$COMP_LINE
}

fail() {
    echo "FAIL: '$line': expected $1; got $(printf '[%s] ' "${COMPREPLY[@]}")"
    failures=$((failures + 1))
}

# expect ITEM...: COMPREPLY is exactly these, in this order.
expect() {
    [[ "${COMPREPLY[*]}" == "$*" && ${#COMPREPLY[@]} == $# ]] || fail "$(printf '[%s] ' "$@")"
}

# expect_word TEXT: one candidate, which the shell reads back as exactly TEXT.
expect_word() {
    local -a read_back=()
    [[ ${#COMPREPLY[@]} == 1 ]] && eval "read_back=(${COMPREPLY[0]})" 2>/dev/null
    [[ ${#read_back[@]} == 1 && ${read_back[0]} == "$1" ]] || fail "one word reading back as [$1]"
}

complete_at 'roster li' roster li
expect list
complete_at 'roster sectors m' roster sectors m
expect merge
complete_at 'roster list -f ' roster list -f ''
expect table tsv csv json jsonl
complete_at 'roster show -f ' roster show -f ''
expect table json
complete_at 'roster list --st' roster list --st
expect --status
complete_at 'roster list --status ' roster list --status ''
expect active left all
complete_at 'roster list --sector 文' roster list --sector 文
expect 文化旅游 文化娱乐
complete_at 'roster list --sector=文' roster list --sector = 文
expect 文化旅游 文化娱乐
complete_at 'roster list --sector tour' roster list --sector tour
expect tourism
complete_at 'roster show Blue' roster show Blue
expect_word 'Blue Harbor Digital Co., Ltd.'
complete_at 'roster show Blue\ Harbor\ D' roster show 'Blue\ Harbor\ D'
expect_word 'Blue Harbor Digital Co., Ltd.'
complete_at "roster show 'Blue H" roster show "'Blue H"
expect 'Blue Harbor Digital Co., Ltd.'  # inside the quote, as typed; readline closes it
complete_at 'roster show O' roster show O
expect_word "O'Brien Trading"
complete_at 'roster rejoin 杭州' roster rejoin 杭州
expect_word '杭州云栖数字科技有限公司'
complete_at "roster --db $OTHER_DB show " roster --db "$OTHER_DB" show ''
expect_word 'Only In Other Ltd.'
complete_at "roster --db '$OTHER_DB' show O" roster --db "'$OTHER_DB'" show O
expect_word 'Only In Other Ltd.'  # the path read as the shell reads it
cp "$OTHER_DB" "$HOME/mine.db"
complete_at 'roster show --db ~/mine.db O' roster show --db '~/mine.db' O
expect_word 'Only In Other Ltd.'
complete_at "roster import " roster import ''
expect  # nothing: readline falls back to file names
[[ $(complete -p roster) == *'-o default'* ]] || { echo "FAIL: roster is not completed with -o default"; failures=$((failures + 1)); }

echo "$failures failed"
((failures == 0))
INNER
done
exit $status
