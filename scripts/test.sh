#!/usr/bin/env bash
# Installs what is needed, builds, and runs the whole test suite (unit, golden and bad-input tests).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/scripts/setup.sh"
bash "$here/scripts/build.sh"
ctest --test-dir "$here/build" --output-on-failure -j "$(nproc)"
