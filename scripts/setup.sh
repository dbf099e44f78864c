#!/usr/bin/env bash
# Installs everything Corroborate needs to build and test on Debian 12, as root.
# Idempotent: packages already present are left alone. Used by the README's commands and .ci/run.
set -euo pipefail
packages=(
  build-essential cmake pkg-config ninja-build
  libxml2-dev libicu-dev zlib1g-dev libsimdjson-dev libcli11-dev libsqlite3-dev
  libgtest-dev libgmock-dev libbenchmark-dev libtbb-dev
  libcurl4-openssl-dev  # corroborate watch fetches feeds and pages over HTTP(S); --notify posts
  libpq-dev  # the PostgreSQL store (--db postgresql://…)
  postgresql  # a throwaway server for the store's tests on PostgreSQL (scripts/pg_cluster.sh)
  python3
  chromium nodejs  # the web page's browser tests (tests/web): playwright-core from npm drives chromium
  # Reliability checks (docs/RELIABILITY.md): clang with its libFuzzer runtime (Debian ships
  # libclang_rt.fuzzer in libclang-rt-14-dev) for fuzz/, and /usr/bin/time for peak memory.
  clang libclang-rt-14-dev time
)
# Debian's npm, unless an npm is there already: a nodejs from elsewhere bundles its own npm and
# conflicts with Debian's npm package.
command -v npm >/dev/null || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
