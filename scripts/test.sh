#!/usr/bin/env bash
# README command 2 (and CI): install what is missing; check the code's shape
# (clang-format, file and function lengths, the message catalog: every
# message translated, none bypassing it); build with warnings as errors,
# run every test; then build again with AddressSanitizer and UBSan and
# run every test under them, and the store's import tests under
# ThreadSanitizer; last, fuzz each parser of untrusted input for
# FUZZ_SECONDS (default 15) with clang's libFuzzer (scripts/fuzz.sh). With
# CI=true it also installs the .deb on this machine and runs roster from PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --test
jobs=$(nproc)

bash scripts/check-format.sh
python3 scripts/check-shape.py
python3 scripts/check-i18n.py

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DROSTER_TESTS=ON -DROSTER_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
# The HTML report tests keep their screenshots here for CI to collect (listed
# even when a test failed: that is when they are looked at).
export ROSTER_ARTIFACTS="$PWD/build/artifacts"
mkdir -p "$ROSTER_ARTIFACTS"
status=0
(cd build && ctest --output-on-failure -j"$jobs" -LE pg) || status=$?
echo "test artifacts in $ROSTER_ARTIFACTS:"
ls -l "$ROSTER_ARTIFACTS"
[ "$status" -eq 0 ] || exit "$status"
# The import tests again, every import on the large-import write path (its
# rows first, some indexes built after, the keys looked up in memory): the
# same messages, the same database.
(cd build && ROSTER_IMPORT_BULK=1 ctest --output-on-failure -j"$jobs" -R 'import' -LE pg)

# The end-to-end suite again on PostgreSQL: a private server (Debian's
# postgresql, initdb into a temporary folder, a Unix socket only, stopped and
# removed at the end), each roster file a test names standing for a schema of
# its own there (tests/e2e/harness_pg.cpp), so every expected file is proven on
# both stores. Left out: the tests of the SQLite file itself ([sqlite]: its
# pages and PRAGMAs, permissions, files of older schemas) and the fault tests.
pg_dir=$(bash scripts/pg-server.sh start)
trap 'bash scripts/pg-server.sh stop "$pg_dir"' EXIT
(cd build && ROSTER_TEST_PG="$(bash ../scripts/pg-server.sh url "$pg_dir")" ctest --output-on-failure -j"$jobs" -L pg)
bash scripts/pg-server.sh stop "$pg_dir"
trap - EXIT

# On CI's throwaway machine, the package as a user installs it: apt installs
# the .deb with its dependencies, and roster runs from PATH with its man page
# and completion where Debian looks (the deb test did this in a throwaway root).
if [ "${CI:-}" = "true" ]; then
  (cd build && cpack -G DEB > /dev/null)
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$PWD"/build/roster_*.deb > /dev/null
  [ "$(command -v roster)" = /usr/bin/roster ] && roster --version > /dev/null && man -w roster-list > /dev/null
  [ -f /usr/share/bash-completion/completions/roster ]
  echo "installed from $(basename build/roster_*.deb): $(command -v roster) says '$(roster --version)'; man page $(man -w roster)"
fi

# The sanitizer pass: roster and the unit tests built again with
# AddressSanitizer and UBSan, then the unit tests and the end-to-end tests run
# against that roster (the end-to-end test program is the one built above: it
# runs whatever binary $ROSTER_TEST_BIN names, and needs no sanitizer itself).
# -O1: the sanitized tests run faster than at -O0 and ASan and UBSan still
# check every access. Warnings are already errors in the build above; at -O1
# GCC 12 warns falsely (maybe-uninitialized) inside <regex>, so they are not
# errors here. -no-pie: a position-independent ASan binary spends most of its
# start-up applying half a million relocations, and the tests start roster
# thousands of times.
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DROSTER_TESTS=ON \
  -DROSTER_WERROR=OFF -DROSTER_SANITIZE=ON -DCMAKE_EXE_LINKER_FLAGS=-no-pie >/dev/null
cmake --build build-sanitize -j"$jobs" --target roster roster_data roster_domain_tests roster_store_tests \
  roster_render_tests
# The packaging, man page and completion tests, and the HTML reports drawn in
# Chromium, check files, scripts and pages, not the C++ (whose every renderer
# the unit tests run here); the load and fault tests (many processes at once,
# a kill, a full disk) test SQLite's locking and journal more than roster's
# code, which the other end-to-end tests run here. They all ran above and are
# left out here to keep CI short.
sanitize_skip='^(install|man|completion):|^e2e:report -f html|processes adding members at once'
sanitize_skip+='|killed with SIGKILL|backup taken while another process|a full disk makes'
export UBSAN_OPTIONS=print_stacktrace=1
(cd build-sanitize && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j"$jobs" -R '^unit:')
# Leaks are looked for in the unit tests above, which run the domain, store and
# render code in one process; a roster process frees everything when it exits,
# and LeakSanitizer's scan at each exit would add a third to every run.
(cd build && ROSTER_TEST_BIN="$PWD/../build-sanitize/roster" ROSTER_TEST_SANITIZED=1 ASAN_OPTIONS=detect_leaks=0 \
  ctest --output-on-failure -j"$jobs" -R '^e2e:' -E "$sanitize_skip" -LE pg)

# ThreadSanitizer on the store's unit tests: a large import reads and checks
# its rows on a second thread (src/store/import_ahead.h), and the tests of
# that hand-over (file order, the reader's error in its place, an early stop)
# run here with every access between the two threads checked. Only roster's
# store and domain code and those tests are built for it.
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DCMAKE_CXX_FLAGS=-fsanitize=thread \
  -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread -DROSTER_TESTS=ON -DROSTER_WERROR=OFF >/dev/null
cmake --build build-tsan -j"$jobs" --target roster_store_tests
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" build-tsan/tests/roster_store_tests --warn NoTests "[import]"

FUZZ_SECONDS=${FUZZ_SECONDS:-15} bash scripts/fuzz.sh
