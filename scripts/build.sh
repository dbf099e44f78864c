#!/usr/bin/env bash
# Configures and builds Corroborate into build/ (Release with debug info).
# Usage: scripts/build.sh [BUILD_DIR [CMAKE_OPTION...]], e.g. scripts/build.sh build-asan -DCORROBORATE_SANITIZE=ON
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$here/build}
shift || true
cmake -S "$here" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
