#!/usr/bin/env python3
"""PostgreSQL store vs SQLite store (issue #18): `corroborate ingest --threads 1` of the same
generated articles into a fresh SQLite file and into a fresh PostgreSQL schema, in turns, a few
rounds; the ingesting process pinned to one core (taskset), PostgreSQL on a unix socket of a
throwaway cluster this script starts (scripts/pg_cluster.sh) and stops. The server is not pinned:
in a deployment it runs on a host of its own.

Per run: wall seconds, articles per second, the client's CPU seconds (/usr/bin/time), and for
PostgreSQL the server's CPU seconds (its processes' /proc counters, before and after). The ratio
reported is PostgreSQL's articles/s over SQLite's, the median over rounds. Not a test: it never
fails on speed. Standard-library Python 3 only.

usage: python3 bench/pg_ingest_bench.py [--bin build/corroborate] [--n 2000] [--rounds 3] [--cpu 0]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def server_cpu(cluster):
    """CPU seconds of the cluster's postmaster, its live children, and its exited children."""
    with open(os.path.join(cluster, 'data', 'postmaster.pid')) as f:
        pm = f.readline().strip()
    hz = os.sysconf('SC_CLK_TCK')
    total = 0
    for p in os.listdir('/proc'):
        if not p.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % p) as f:
                st = f.read().rsplit(')', 1)[1].split()
        except OSError:
            continue
        if p == pm:
            total += int(st[11]) + int(st[12]) + int(st[13]) + int(st[14])
        elif st[1] == pm:
            total += int(st[11]) + int(st[12])
    return total / hz


def ingest(binary, db, articles, cpu):
    cmd = ['taskset', '-c', cpu, '/usr/bin/time', '-f', '%U %S', binary, 'ingest', '--threads', '1',
           '--db', db, articles]
    start = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.monotonic() - start
    if out.returncode != 0:
        raise SystemExit('ingest failed: %s' % out.stderr[-2000:])
    user, sys_ = out.stderr.strip().splitlines()[-1].split()
    return wall, float(user) + float(sys_)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default=os.path.join(REPO, 'build', 'corroborate'))
    ap.add_argument('--n', type=int, default=2000)
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--cpu', default='0', help='core the ingesting process is pinned to')
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix='pg-bench-')
    articles = os.path.join(tmp, 'articles.jsonl')
    subprocess.run([sys.executable, os.path.join(REPO, 'bench', 'generate_articles.py'), '--n', str(args.n),
                    '--seed', str(args.seed), '--out', articles], check=True, stdout=subprocess.DEVNULL)
    cluster = tempfile.mkdtemp(prefix='pg-bench-cluster-')  # its own: the server's user must reach it
    url = subprocess.run(['bash', os.path.join(REPO, 'scripts', 'pg_cluster.sh'), 'start', cluster],
                         check=True, capture_output=True, text=True).stdout.strip()
    print('machine: %d cores, load %s; %d articles, %d rounds, client pinned to core %s' % (
        os.cpu_count(), ' '.join('%.1f' % x for x in os.getloadavg()), args.n, args.rounds, args.cpu))
    ratios = []
    try:
        for r in range(args.rounds):
            sqlite = os.path.join(tmp, 'round%d.db' % r)
            wall_s, cpu_s = ingest(args.bin, sqlite, articles, args.cpu)
            schema = 'round%d' % r
            subprocess.run(['psql', '-q', url, '-c', 'CREATE SCHEMA %s' % schema], check=True, stdout=subprocess.DEVNULL)
            before = server_cpu(cluster)
            wall_p, cpu_p = ingest(args.bin, url + '&options=-csearch_path%3D' + schema, articles, args.cpu)
            server = server_cpu(cluster) - before
            ratio = wall_s / wall_p
            ratios.append(ratio)
            print('round %d: SQLite %.1f s (%.0f articles/s, %.1f s CPU); PostgreSQL %.1f s (%.0f articles/s, '
                  'client %.1f s CPU, server %.1f s CPU); PostgreSQL/SQLite speed %.2f' % (
                      r + 1, wall_s, args.n / wall_s, cpu_s, wall_p, args.n / wall_p, cpu_p, server, ratio))
            for suffix in ('', '-wal', '-shm'):
                if os.path.exists(sqlite + suffix):
                    os.remove(sqlite + suffix)
        print('median PostgreSQL/SQLite ingest speed: %.2f (load now %s)' % (
            statistics.median(ratios), ' '.join('%.1f' % x for x in os.getloadavg())))
    finally:
        subprocess.run(['bash', os.path.join(REPO, 'scripts', 'pg_cluster.sh'), 'stop', cluster])
        subprocess.run(['rm', '-rf', tmp])  # the cluster's folder went with `stop`


if __name__ == '__main__':
    main()
