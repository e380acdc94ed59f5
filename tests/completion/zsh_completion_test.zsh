# Drives data/completions/_roster as a user's zsh does: an interactive zsh on a
# pseudo-terminal (zsh/zpty) with compinit, a line typed and TAB's widget
# (complete-word) run; the line it leaves is checked.
# Usage: zsh -f zsh_completion_test.zsh ROSTER_BINARY SOURCE_DIR
zmodload zsh/zpty || exit 1
bin=$1 src=$2
scratch=$(mktemp -d)
trap 'rm -rf $scratch' EXIT
export HOME=$scratch/home XDG_DATA_HOME='' ROSTER_LANG='' LANGUAGE='' LC_ALL=C.UTF-8 LANG=C.UTF-8
mkdir -p $HOME
bash $src/tests/completion/make_scratch_roster.sh $bin $scratch || exit 1
export ROSTER_BIN=$bin ROSTER_DB=$scratch/members.db
zsh -n $src/data/completions/_roster || { print "FAIL: _roster does not parse"; exit 1 }

# The shell under test: compinit with _roster first on fpath, and ^T bound to
# complete-word, then a print of the line between markers and a fresh line.
cat > $scratch/zshrc <<SETUP
PS1='% '
fpath=($src/data/completions \$fpath)
autoload -Uz compinit
compinit -u -D
complete_and_show() {
  zle complete-word
  print -rn -- \$'\nLINE<'"\$BUFFER"\$'>\n'
  BUFFER=''
}
zle -N complete_and_show
bindkey '^T' complete_and_show
SETUP
zpty -b shell zsh -f -i
zpty -w shell "source $scratch/zshrc"

# The line after completing `typed`, in REPLY.
completed() {
  local typed=$1 out='' chunk
  zpty -n -w shell "$typed"$'\C-t'
  integer start=SECONDS
  while (( SECONDS - start < 20 )); do
    if zpty -r -t shell chunk; then out+=$chunk; else sleep 0.05; fi
    [[ $out == *'LINE<'*'>'[$'\r\n']* ]] && break  # the terminal writes \n as \r\n
  done
  REPLY=${${out##*LINE<}%%>*}
}

integer failures=0
expect() {
  completed $1
  if [[ $REPLY != $2 ]]; then
    print -r -- "FAIL: '$1': expected [$2]; got [$REPLY]"
    (( failures++ ))
  fi
}

expect 'roster li' 'roster list '
expect 'roster sectors m' 'roster sectors merge '
expect 'roster list -f tab' 'roster list -f table '
expect 'roster show -f j' 'roster show -f json '
expect 'roster list --sector 文化旅' 'roster list --sector 文化旅游 '
expect 'roster list --sector=tour' 'roster list --sector=tourism '
expect 'roster show Blue' 'roster show Blue\ Harbor\ Digital\ Co.,\ Ltd. '
expect "roster show 'Blue" "roster show 'Blue Harbor Digital Co., Ltd.' "
expect 'roster show O' "roster show O\\'Brien\\ Trading "
expect 'roster show 杭州' 'roster show 杭州云栖数字科技有限公司 '
expect "roster --db $scratch/other.db show O" "roster --db $scratch/other.db show Only\\ In\\ Other\\ Ltd. "
expect "roster import $scratch/memb" "roster import $scratch/members.db "  # no candidates: file names
zpty -d shell
print "$failures failed"
(( failures == 0 ))
