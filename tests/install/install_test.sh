#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, then the installed roster, found
# on PATH: --version, init, import, progress; its Chinese catalog and data
# files found under the prefix, and still found after the prefix is moved.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build=$1 source=$2 version=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "install_test: $*" >&2
  exit 1
}

cmake --install "$build" --prefix "$tmp/p" > "$tmp/install.log"
for f in bin/roster share/locale/zh_CN/LC_MESSAGES/roster.mo \
  share/roster/template-members.csv share/roster/demo-members.csv share/roster/sectors.csv share/roster/stages.csv \
  share/bash-completion/completions/roster share/zsh/vendor-completions/_roster \
  share/fish/vendor_completions.d/roster.fish share/doc/roster/copyright share/doc/roster/README.md; do
  [ -f "$tmp/p/$f" ] || fail "cmake --install did not install $f"
done
for page in roster roster-list roster-import roster-progress; do
  compgen -G "$tmp/p/share/man/man1/$page.1*" > /dev/null || fail "cmake --install did not install the man page $page(1)"
done

# A user's environment: the prefix's bin on PATH, no roster database yet.
export HOME=$tmp/home PATH=$tmp/p/bin:/usr/bin:/bin LANG=C.UTF-8 LANGUAGE= LC_ALL= LC_MESSAGES= ROSTER_LANG= ROSTER_DB=
mkdir -p "$HOME"
[ "$(command -v roster)" = "$tmp/p/bin/roster" ] || fail "roster on PATH is $(command -v roster), not the installed one"
[ "$(roster --version)" = "roster $version" ] || fail "roster --version printed '$(roster --version)', not 'roster $version'"
roster init -q
[ -f "$HOME/.local/share/roster/roster.db" ] || fail "init did not create the default database"
roster template --demo | roster import - -q
progress=$(roster progress -f table --as-of 2024-09-30)
grep -q '112 of 200' <<< "$progress" || fail "progress on the demo roster: $progress"
zh=$(roster --lang zh progress -f table --as-of 2024-09-30)
grep -q '会员单位' <<< "$zh" || fail "the installed catalog was not used: $zh"
cmp -s <(roster template) "$source/data/template-members.csv" || fail "template differs from data/template-members.csv"

# Moved elsewhere, the prefix still works: nothing is found by the path it
# was installed to.
mv "$tmp/p" "$tmp/moved"
export PATH=$tmp/moved/bin:/usr/bin:/bin
grep -q '用法' <<< "$(roster --lang zh --help)" || fail "a moved prefix lost its catalog"
cmp -s <(roster template --demo) "$source/data/demo-members.csv" || fail "a moved prefix lost its data files"
echo "install_test: installed to a prefix, ran from PATH, moved, ran again"
