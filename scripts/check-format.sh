#!/usr/bin/env bash
# Fails when a C++ file differs from what clang-format makes of it
# (.clang-format; clang-format 14, Debian 12's). Fix with:
#   git ls-files '*.cpp' '*.h' | xargs clang-format-14 -i
set -euo pipefail
cd "$(dirname "$0")/.."
format=$(command -v clang-format-14 || command -v clang-format || true)
if [[ -z "$format" ]]; then
  echo "check-format: clang-format-14 is not installed (scripts/install-deps.sh --test installs it)" >&2
  exit 1
fi
if ! git ls-files -z '*.cpp' '*.h' | xargs -0 "$format" --dry-run --Werror; then
  echo "check-format: the files above drift from .clang-format; run: git ls-files '*.cpp' '*.h' | xargs $format -i" >&2
  exit 1
fi
echo "check-format: every C++ file matches .clang-format"
