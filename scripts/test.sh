#!/usr/bin/env bash
# Installs what is needed, builds, and runs the whole test suite (unit, golden, bad-input, bombs and
# fuzz-regression tests); then runs it again in an AddressSanitizer + UBSan build (build-asan/), and
# runs each fuzz target briefly (scripts/fuzz.sh, CORROBORATE_FUZZ_SECONDS each, default 30: CI must stay under 30 minutes).
# The store tests also run on PostgreSQL, in a throwaway cluster (scripts/pg_cluster.sh).
# docs/RELIABILITY.md describes each check.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/scripts/setup.sh"
bash "$here/scripts/build.sh"

# A throwaway PostgreSQL cluster for the store's tests on PostgreSQL (issue #18), removed on exit,
# failed or not. A CORROBORATE_TEST_PG given by the caller is used as it is.
if [ -z "${CORROBORATE_TEST_PG:-}" ]; then
  pg_dir=$(mktemp -d /tmp/corroborate-pg.XXXXXX)
  trap 'bash "$here/scripts/pg_cluster.sh" stop "$pg_dir"' EXIT
  CORROBORATE_TEST_PG=$(bash "$here/scripts/pg_cluster.sh" start "$pg_dir")
  export CORROBORATE_TEST_PG
fi
ctest --test-dir "$here/build" --output-on-failure -j "$(nproc)"

echo "== the whole suite under AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/)"
bash "$here/scripts/build.sh" "$here/build-asan" -DCORROBORATE_SANITIZE=ON
ctest --test-dir "$here/build-asan" --output-on-failure -j "$(nproc)"

echo "== fuzzing each parser for ${CORROBORATE_FUZZ_SECONDS:-30} s (build-fuzz/)"
bash "$here/scripts/fuzz.sh" all "${CORROBORATE_FUZZ_SECONDS:-30}"
