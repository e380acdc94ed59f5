#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan + UBSan) in
# build-fuzz and runs each for FUZZ_SECONDS (default 30) on a copy of its
# committed seed corpus, so the repository is never modified.
#   bash scripts/fuzz.sh                     # every target
#   FUZZ_SECONDS=3600 bash scripts/fuzz.sh csv_reader
#   FUZZ_JOBS=2 ...                          # targets run side by side (default 1)
#   FUZZ_FLAGS="-max_len=65536" ...          # more libFuzzer flags (later ones win)
# Exits non-zero if any target crashes, naming the input that did it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-30}
jobs=${FUZZ_JOBS:-1}
read -r -a flags <<<"${FUZZ_FLAGS:-}"
targets=("$@")
((${#targets[@]})) || targets=(csv_reader json_reader date uscc)
for t in "${targets[@]}"; do
  [ -d "tests/fuzz/corpus/$t" ] || { echo "fuzz: no target '$t' (tests/fuzz/corpus/$t is missing)" >&2; exit 2; }
done

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DROSTER_FUZZ=ON -DROSTER_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target roster_fuzz

work=$(mktemp -d "${TMPDIR:-/tmp}/roster-fuzz.XXXXXX")
echo "fuzz: ${seconds}s per target, working in $work" >&2

# Runs one target on a copy of its corpus; new inputs and crashes stay in $work.
run() {
  local t=$1 dir=$work/$1
  mkdir -p "$dir/corpus" "$dir/artifacts"
  cp tests/fuzz/corpus/"$t"/* "$dir/corpus/"
  local dict=()
  [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "build-fuzz/tests/fuzz/roster_fuzz_$t" "$dir/corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=5 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/artifacts/" "${flags[@]}" >"$dir/log" 2>&1; then
    echo "fuzz: $t: ok, $(grep -E '^#[0-9]+.*DONE' "$dir/log" | tail -1 | sed 's/^#[0-9]*[[:space:]]*DONE[[:space:]]*//')" >&2
    return 0
  fi
  echo "fuzz: $t FAILED; the last lines of its log ($dir/log):" >&2
  tail -n 40 "$dir/log" >&2
  local input
  for input in "$dir"/artifacts/*; do
    [ -e "$input" ] || continue
    echo "fuzz: $t: input that fails: $input" >&2
    echo "  replay: $PWD/build-fuzz/tests/fuzz/roster_fuzz_$t $input" >&2
    echo "  shrink: $PWD/build-fuzz/tests/fuzz/roster_fuzz_$t -minimize_crash=1 -max_total_time=60 $input" >&2
  done
  echo "  then add the input as a regression case in tests/unit/domain/ (see CONTRIBUTING.md, Fuzzing)" >&2
  return 1
}

status=0
pids=()
for t in "${targets[@]}"; do
  if ((jobs > 1)); then
    run "$t" &
    pids+=($!)
    if ((${#pids[@]} >= jobs)); then
      wait "${pids[0]}" || status=1
      pids=("${pids[@]:1}")
    fi
  else
    run "$t" || status=1
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done

if ((status == 0)); then rm -rf "$work"; else echo "fuzz: inputs and logs kept in $work" >&2; fi
exit "$status"
