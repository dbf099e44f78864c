#!/usr/bin/env bash
# Installs what is needed, builds, and runs the whole test suite (unit, golden, bad-input, bombs and
# fuzz-regression tests); then runs it again in an AddressSanitizer + UBSan build (build-asan/), and
# runs each fuzz target briefly (scripts/fuzz.sh, CORROBORATE_FUZZ_SECONDS each, default 30: CI must stay under 35 minutes).
# docs/RELIABILITY.md describes each check.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/scripts/setup.sh"
bash "$here/scripts/build.sh"
ctest --test-dir "$here/build" --output-on-failure -j "$(nproc)"

echo "== the whole suite under AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/)"
bash "$here/scripts/build.sh" "$here/build-asan" -DCORROBORATE_SANITIZE=ON
ctest --test-dir "$here/build-asan" --output-on-failure -j "$(nproc)"

echo "== fuzzing each parser for ${CORROBORATE_FUZZ_SECONDS:-30} s (build-fuzz/)"
bash "$here/scripts/fuzz.sh" all "${CORROBORATE_FUZZ_SECONDS:-30}"
