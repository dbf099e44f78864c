#!/usr/bin/env bash
# Runs one browser test of the web page (NAME.test.js here) in Debian's chromium, or, with
# "install", installs the pinned playwright-core into tests/web/node_modules (npm ci).
# Registered with ctest in tests/CMakeLists.txt. Exit 77 (skipped) only when chromium or node is absent.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}
if ! command -v node >/dev/null; then
  echo "skipped: node is not installed (scripts/setup.sh installs nodejs and npm)"
  exit 77
fi
if [ ! -x "$chromium" ]; then
  echo "skipped: $chromium is absent (scripts/setup.sh installs Debian's chromium)"
  exit 77
fi
test_name=$1
shift
if [ "$test_name" = install ]; then
  cd "$here"
  exec npm ci --no-audit --no-fund --loglevel=error
fi
export CHROMIUM=$chromium
exec node "$here/$test_name.test.js" "$@"
