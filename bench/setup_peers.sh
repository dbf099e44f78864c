#!/bin/bash
# Installs what the benchmarks need: the peer tools of bench/clean_bench.py (readability-lxml and
# Readability.js, through ../shared/peers/setup.sh) into .peers/ at the top of the
# repository (git-ignored), and the Debian packages the benchmarks themselves use
# (python3 for the harness and the scorer, util-linux for taskset, gzip, wrk for serve_bench.py).
# Safe to run again: it skips whatever is already installed.
# usage: bash bench/setup_peers.sh            (as root, from anywhere)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
peers_src=${PEERS_SRC:-$repo/../shared/peers}
dest=$repo/.peers

apt_updated=0
apt_install() {  # apt_install PACKAGE... : installs the ones dpkg does not know yet
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ $apt_updated -eq 0 ]; then
        apt-get update -qq
        apt_updated=1
    fi
    apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
}

# what the harnesses themselves run: python3, taskset (util-linux), gzip, wrk (serve_bench.py)
apt_install python3 util-linux gzip wrk

# the peers come from ../shared; without it, the benchmarks that need no peer (serve_bench.py) still run
if [ ! -x "$peers_src/setup.sh" ]; then
    echo "setup_peers: $peers_src/setup.sh not found; the peers cannot be installed (skipping)" >&2
    exit 0
fi

peers_ready() {
    [ -f "$dest/readability_lxml.py" ] && [ -f "$dest/readability_js.js" ] &&
        [ -d "$dest/node_modules/@mozilla/readability" ] && [ -d "$dest/node_modules/jsdom" ] &&
        /usr/bin/python3 -c 'import readability, html_text, lxml' 2>/dev/null &&
        command -v node >/dev/null
}

if peers_ready; then
    echo "peers already installed in $dest"
    exit 0
fi

# the shared setup installs Debian packages without updating the lists first;
# update once when the package it needs is not known to apt yet
if [ $apt_updated -eq 0 ] && ! apt-cache show python3-readability >/dev/null 2>&1; then
    apt-get update -qq
    apt_updated=1
fi
bash "$peers_src/setup.sh" "$dest"
peers_ready || { echo "setup_peers: the peers did not install completely in $dest" >&2; exit 1; }
