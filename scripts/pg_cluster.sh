#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: `start DIR` makes one in DIR (initdb,
# as the postgres user when run as root, since initdb refuses root), listening on a unix socket in
# DIR and on 127.0.0.1 at a free port, and prints its connection URL (also in DIR/url); `stop DIR`
# stops it and removes DIR. Used by scripts/test.sh (CORROBORATE_TEST_PG) and bench/.
#   dir=$(mktemp -d); url=$(bash scripts/pg_cluster.sh start "$dir"); ...; bash scripts/pg_cluster.sh stop "$dir"
set -euo pipefail
cmd=${1:?usage: pg_cluster.sh start|stop DIR}
dir=${2:?usage: pg_cluster.sh start|stop DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "pg_cluster.sh: no PostgreSQL server (scripts/setup.sh installs it)" >&2; exit 1; }
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then
      chown postgres "$dir"
      runuser -u postgres -- test -w "$dir" ||
        { echo "pg_cluster.sh: the postgres user cannot reach $dir (a parent folder is private)" >&2; exit 1; }
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    # Durable commits as in production (fsync on); the rest small, for a test machine.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c shared_buffers=128MB -c max_connections=100" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    url="postgresql:///postgres?host=$dir&port=$port&user=postgres"
    echo "$url" >"$dir/url"
    echo "$port" >"$dir/port"
    echo "$url"
    ;;
  stop)
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: pg_cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
