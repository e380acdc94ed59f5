#!/usr/bin/env bash
# docs/cron.md's weekly-report.sh works when copied as is: taken from the page,
# run in cron's bare environment (PATH=/usr/bin:/bin) with roster installed in
# ~/.local as setup.sh installs it for a user, on the demo roster for
# 2024-W10, with SENDMAIL keeping the mail in a file. It must exit 3 (the demo
# is behind), write the three reports and a backup, and mail the HTML report
# under the Chinese subject.
# Usage: cron_script_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "cron_script_test: $*" >&2
  exit 1
}

home=$tmp/home
mkdir -p "$home"
cmake --install "$build" --prefix "$home/.local" > /dev/null
# The script: the ```bash block after the heading "The complete script".
awk '/^## The complete script/ { on = 1 } on && /^```bash$/ { keep = 1; next } keep && /^```$/ { exit } keep' \
  "$source/docs/cron.md" > "$tmp/weekly-report.sh"
grep -q '^#!/usr/bin/env bash' "$tmp/weekly-report.sh" || fail "no script found in docs/cron.md"
chmod +x "$tmp/weekly-report.sh"
printf '#!/bin/sh\ncat > %s/mail.eml\n' "$tmp" > "$tmp/keep-mail.sh"
chmod +x "$tmp/keep-mail.sh"

db=$tmp/members.db
env -i HOME="$home" PATH="$home/.local/bin:/usr/bin:/bin" sh -c \
  "roster init -q --db '$db' --association 浙江省元宇宙产业协会 && roster template --demo | roster import - -q --db '$db'"

status=0
env -i HOME="$home" PATH=/usr/bin:/bin ROSTER_DB="$db" REPORTS="$tmp/r" BACKUPS="$tmp/b" \
  SENDMAIL="$tmp/keep-mail.sh" AS_OF=2024-03-11 "$tmp/weekly-report.sh" > "$tmp/out" 2> "$tmp/err" || status=$?
[ "$status" -eq 3 ] || fail "the script exited $status, not 3 (behind); stderr: $(cat "$tmp/err")"
[ ! -s "$tmp/out" ] || fail "the script printed on stdout: $(cat "$tmp/out")"
grep -qx 'weekly-report: 2024-W10: behind: .*' "$tmp/err" || fail "no alert line on stderr: $(cat "$tmp/err")"
[ "$(wc -l < "$tmp/err")" -eq 1 ] || fail "more than the alert on stderr: $(cat "$tmp/err")"
for f in report.json report.html report.chat; do
  [ -s "$tmp/r/2024-03-11/$f" ] || fail "no $f in $tmp/r/2024-03-11"
done
ls "$tmp"/b/roster-*.db > /dev/null || fail "no backup in $tmp/b"
mail=$tmp/mail.eml
[ -s "$mail" ] || fail "nothing was handed to SENDMAIL"
subject=$(sed -n 's/^Subject: =?UTF-8?B?\(.*\)?=$/\1/p' "$mail" | base64 -d)
[ "$subject" = "会员周报 2024年第10周（落后于计划）" ] || fail "the mail's subject is '$subject'"
grep -qx 'Content-Type: text/html; charset=UTF-8' "$mail" || fail "the mail is not HTML"
sed '1,/^$/d' "$mail" | base64 -d | cmp -s - "$tmp/r/2024-03-11/report.html" || fail "the mail's body is not report.html"
echo "cron_script_test: weekly-report.sh from docs/cron.md ran under cron's PATH, exited 3, mailed '$subject'"
