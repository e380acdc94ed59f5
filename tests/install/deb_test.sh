#!/usr/bin/env bash
# The .deb: `cpack -G DEB` makes roster_VERSION_ARCH.deb; its control file
# has the computed library dependencies, a maintainer and a description in
# English and Chinese; it holds the binary, the man pages, the completions,
# the catalog and the data files; installed with dpkg into a throwaway root,
# `roster --version` runs from that root's PATH.
# Usage: deb_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1 version=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "deb_test: $*" >&2
  exit 1
}

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg" > "$tmp/cpack.log" 2>&1 || {
  cat "$tmp/cpack.log" >&2
  fail "cpack -G DEB failed"
}
deb=$tmp/pkg/roster_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || fail "no $deb; cpack made: $(ls "$tmp/pkg")"

info=$(dpkg-deb --info "$deb")
has() { grep -qE -- "$2" <<< "$1" || fail "dpkg-deb: no line matching '$2' in:"$'\n'"$1"; }
has "$info" "^ Package: roster$"
has "$info" "^ Version: $version$"
has "$info" "^ Maintainer: .+<.+@.+>"
has "$info" "^ Depends: .*libc6 .*libicu[0-9]+ .*libsqlite3-0 "   # computed by dpkg-shlibdeps
has "$info" "^ Description: membership tracker .*行业协会会员管理工具"
has "$info" "会员单位"

contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
for f in ./usr/bin/roster ./usr/share/locale/zh_CN/LC_MESSAGES/roster.mo \
  ./usr/share/bash-completion/completions/roster ./usr/share/zsh/vendor-completions/_roster \
  ./usr/share/fish/vendor_completions.d/roster.fish ./usr/share/roster/template-members.csv \
  ./usr/share/doc/roster/copyright; do
  has "$contents" "^$f$"
done
for page in roster roster-list roster-import roster-progress roster-template; do
  has "$contents" "^./usr/share/man/man1/$page\.1(\.gz)?$"
done

# A throwaway root with an empty dpkg database. Its libraries are the host's
# (the root is no chroot), so the dependencies are forced, not missing.
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/log"
touch "$root/var/lib/dpkg/status"
dpkg --root="$root" --force-not-root --force-depends --force-script-chrootless --log=/dev/null \
  -i "$deb" > "$tmp/dpkg.log" 2>&1 || {
  cat "$tmp/dpkg.log" >&2
  fail "dpkg -i into $root failed"
}
has "$(dpkg --root="$root" -s roster)" "^Status: install ok installed$"
export PATH=$root/usr/bin:/usr/bin:/bin HOME=$tmp/home LANG=C.UTF-8 LANGUAGE= LC_ALL= ROSTER_LANG= ROSTER_DB=
[ "$(command -v roster)" = "$root/usr/bin/roster" ] || fail "roster on PATH is $(command -v roster)"
[ "$(roster --version)" = "roster $version" ] || fail "roster --version printed '$(roster --version)'"
grep -q '用法' <<< "$(roster --lang zh --help)" || fail "the packaged catalog was not found"
[ "$(roster template | head -c 3 | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "the packaged template was not found"
echo "deb_test: $(basename "$deb") built, checked, installed into a throwaway root and run"
