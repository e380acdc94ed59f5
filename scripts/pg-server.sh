#!/usr/bin/env bash
# A private PostgreSQL server for tests and benchmarks: Debian's postgresql
# package, a new cluster made by initdb in a temporary folder, listening on a
# Unix socket in that folder only (no TCP port), stopped and removed by `stop`.
#
# Usage:
#   scripts/pg-server.sh start      makes and starts a server; prints its folder
#   scripts/pg-server.sh stop DIR   stops the server in DIR and removes DIR
#   scripts/pg-server.sh url DIR    the libpq connection string of DIR's server
#
# The cluster's superuser is `roster_test`, with trust authentication: the
# socket sits in a folder only the server's owner (and root) may enter.
# PostgreSQL refuses to run as root, so as root the server runs as the
# `postgres` user the package made.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -n $bindir && -x $bindir/initdb ]] || {
  echo "pg-server: no PostgreSQL server; install Debian's postgresql package" >&2
  exit 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/roster-pg.XXXXXX")
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  chmod 700 "$dir"
  as_owner "$bindir/initdb" -D "$dir/data" -U roster_test --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  # listen_addresses='': no TCP at all; the socket in $dir.
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null || {
    cat "$dir/server.log" >&2
    exit 1
  }
  echo "$dir"
}

stop() {
  local dir=$1
  [[ -d $dir/data ]] || {
    echo "pg-server: no server folder at '$dir'" >&2
    exit 1
  }
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:?usage: pg-server.sh stop DIR}" ;;
  url) echo "host=${2:?usage: pg-server.sh url DIR} user=roster_test dbname=postgres" ;;
  *)
    echo "usage: pg-server.sh start | stop DIR | url DIR" >&2
    exit 2
    ;;
esac
