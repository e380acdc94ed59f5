#!/usr/bin/env bash
# README command 1: install what is missing, build roster, load the demo
# roster from data/ into build/demo.db and show it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DROSTER_TESTS=OFF -DROSTER_WERROR=OFF >/dev/null
cmake --build build -j"$(nproc)" --target roster >/dev/null

rm -f build/demo.db build/demo.db-wal build/demo.db-shm
build/roster init --db build/demo.db --association "浙江省元宇宙产业协会 (demo)"
build/roster import data/demo-members.csv --db build/demo.db
build/roster progress --db build/demo.db -f table
