#!/usr/bin/env bash
# README command 1: install what is missing, build roster, install it (to
# /usr/local as root, else to ~/.local; PREFIX=… chooses), then load the demo
# roster into build/demo.db and show its progress. It prints the steps and the
# result; the compiler's output goes to build/setup.log, shown only on failure.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PREFIX:-}" ]; then
  if [ "$(id -u)" -eq 0 ]; then PREFIX=/usr/local; else PREFIX=$HOME/.local; fi
fi
log=build/setup.log
step() { printf 'roster setup: %s\n' "$*"; }
quietly() {
  if ! "$@" >> "$log" 2>&1; then
    echo "roster setup: failed: $*; the last lines of $log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
}

step "checking the Debian packages roster needs"
bash scripts/install-deps.sh
mkdir -p build
: > "$log"
step "building roster (Release) in build/"
quietly cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DROSTER_TESTS=OFF -DROSTER_WERROR=OFF
quietly cmake --build build -j"$(nproc)"
step "installing to $PREFIX: bin/roster, its man pages, shell completion, messages and data files"
quietly cmake --install build --prefix "$PREFIX" --strip

roster=$PREFIX/bin/roster
step "loading the demo roster into build/demo.db"
rm -f build/demo.db build/demo.db-wal build/demo.db-shm
"$roster" init -q --db build/demo.db --association "浙江省元宇宙产业协会 (demo)"
"$roster" template --demo | "$roster" import - -q --db build/demo.db
"$roster" progress --db build/demo.db -f table
echo
step "done: $("$roster" --version) is $roster"
case ":$PATH:" in
  *":$PREFIX/bin:"*) ;;
  *)
    hint="run: export PATH=\"$PREFIX/bin:\$PATH\""
    # Debian's default ~/.profile puts ~/.local/bin on PATH once it exists.
    [ "$PREFIX" != "$HOME/.local" ] || hint="open a new login shell, or $hint"
    step "$PREFIX/bin is not on your PATH yet: $hint"
    ;;
esac
