#!/usr/bin/env bash
# Installs the Debian packages roster needs to build, if any are missing;
# with --test also what the test suite uses (a headless browser for the HTML
# report, a CJK font for it to draw names with, Python's markdown parser,
# clang and its libFuzzer runtime for scripts/fuzz.sh, clang-format 14 for
# scripts/check-format.sh; man to render the man pages, bash, zsh and fish
# with bash-completion for the completion tests, dpkg-dev for the package's
# library dependencies, jq for the README's and cron.md's scripts).
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libcli11-dev libsqlitecpp-dev libfmt-dev libsqlite3-dev nlohmann-json3-dev libutf8proc-dev libicu-dev catch2
  gettext sqlite3 python3 e2fsprogs util-linux scdoc libpq-dev
)
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium fonts-wqy-zenhei python3-markdown python3-websocket clang libclang-rt-14-dev clang-format-14
    man-db bash-completion zsh fish dpkg-dev file jq postgresql)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "roster: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
