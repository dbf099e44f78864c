#!/usr/bin/env python3
"""PostgreSQL store vs SQLite store (issue #18): the same generated articles stored by
`corroborate ingest --threads 1` into a fresh SQLite file, by `corroborate ingest --threads 1` into
a fresh PostgreSQL schema, and by one `corroborate worker --threads 1` draining a queue that
`ingest --enqueue` filled in another fresh schema; in turns, a few rounds. Every one of these
processes is pinned to the same core (--cpu, taskset). PostgreSQL runs in a throwaway cluster this
script starts (scripts/pg_cluster.sh, reached over its unix socket) with all its processes pinned to
another core (--server-cpu: taskset on the script that starts the postmaster, whose children
inherit it), standing for a database on a host of its own. Optionally (--two-workers) two workers
drain a queue together, both on the client's core.

Per run: wall seconds, articles per second, the client's CPU seconds (/usr/bin/time), and for
PostgreSQL the server's CPU seconds (its processes' /proc counters, before and after). The ratio
reported is PostgreSQL's articles/s over SQLite's in the same round, the median over rounds. With
--also BIN, each round also runs PostgreSQL ingest with another binary (the previous version, say),
for a before/after in the same session. Not a test: it never fails on speed. Standard-library
Python 3 only.

usage: python3 bench/pg_ingest_bench.py [--bin build/corroborate] [--n 2000] [--rounds 3] [--cpu 0]
                                        [--server-cpu 1] [--two-workers] [--also OTHER_BIN]
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


def loadavg():
    return ' '.join('%.1f' % x for x in os.getloadavg())


def timed(cmds):
    """Runs the commands at once (each under /usr/bin/time); wall seconds until the last ends, and
    the CPU seconds of all of them."""
    start = time.monotonic()
    procs = [subprocess.Popen(['/usr/bin/time', '-f', 'CPU %U %S'] + c, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for c in cmds]
    cpu = 0.0
    for c, p in zip(cmds, procs):
        err = p.communicate()[1]
        if p.returncode != 0:
            raise SystemExit('%s failed: %s' % (' '.join(c), err[-2000:]))
        user, sys_ = [line for line in err.splitlines() if line.startswith('CPU ')][-1].split()[1:]
        cpu += float(user) + float(sys_)
    return time.monotonic() - start, cpu


class Cluster:
    def __init__(self, server_cpu_list):
        self.dir = tempfile.mkdtemp(prefix='pg-bench-cluster-')  # its own: the server's user must reach it
        cmd = ['bash', os.path.join(REPO, 'scripts', 'pg_cluster.sh'), 'start', self.dir]
        if server_cpu_list:
            cmd = ['taskset', '-c', server_cpu_list] + cmd
        self.url = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()
        self.schemas = 0

    def fresh_schema(self):
        """The URL of a new, empty schema."""
        self.schemas += 1
        schema = 'bench%d' % self.schemas
        subprocess.run(['psql', '-q', self.url, '-c', 'CREATE SCHEMA %s' % schema], check=True,
                       stdout=subprocess.DEVNULL)
        return self.url + '&options=-csearch_path%3D' + schema

    def cpu(self):
        return server_cpu(self.dir)

    def stop(self):
        subprocess.run(['bash', os.path.join(REPO, 'scripts', 'pg_cluster.sh'), 'stop', self.dir])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default=os.path.join(REPO, 'build', 'corroborate'))
    ap.add_argument('--n', type=int, default=2000)
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--cpu', default='0', help='core every ingest and worker process is pinned to')
    ap.add_argument('--server-cpu', default='1', help='cores the PostgreSQL cluster is pinned to ("" for none)')
    ap.add_argument('--two-workers', action='store_true', help='also two workers together, both on --cpu')
    ap.add_argument('--also', help='another binary whose PostgreSQL ingest runs in each round too')
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix='pg-bench-')
    articles = os.path.join(tmp, 'articles.jsonl')
    subprocess.run([sys.executable, os.path.join(REPO, 'bench', 'generate_articles.py'), '--n', str(args.n),
                    '--seed', str(args.seed), '--out', articles], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    cluster = Cluster(args.server_cpu)
    pin = ['taskset', '-c', args.cpu]
    print('machine: %d cores, load %s; %d articles, %d rounds; clients pinned to core %s, PostgreSQL to %s' % (
        os.cpu_count(), loadavg(), args.n, args.rounds, args.cpu, args.server_cpu or 'none'), flush=True)
    ratios = {}

    def pg_run(label, cmds_for, round_sqlite):
        """Runs the commands cmds_for(url) against a fresh schema; prints and keeps the ratio."""
        db = cluster.fresh_schema()
        before = cluster.cpu()
        wall, cpu = timed(cmds_for(db))
        # The server's processes for this run have ended once the postmaster reaped them: counted
        # then in its children's time (read too early, a backend just gone is counted nowhere).
        time.sleep(1)
        server = cluster.cpu() - before
        ratio = round_sqlite / wall
        ratios.setdefault(label, []).append(ratio)
        print('  %-22s %6.1f s (%4.0f articles/s), client %.1f s CPU, server %.1f s CPU; / SQLite %.2f' % (
            label, wall, args.n / wall, cpu, server, ratio), flush=True)
        return db

    def enqueued(binary, count):
        def cmds(db):
            subprocess.run([binary, 'ingest', '--enqueue', '--db', db, articles], check=True,
                           stdout=subprocess.DEVNULL)
            return [pin + [binary, 'worker', '--threads', '1', '--db', db, '--name', 'w%d' % i]
                    for i in range(count)]
        return cmds

    try:
        for r in range(args.rounds):
            print('round %d (load %s)' % (r + 1, loadavg()), flush=True)
            sqlite = os.path.join(tmp, 'round%d.db' % r)
            wall_s, cpu_s = timed([pin + [args.bin, 'ingest', '--threads', '1', '--db', sqlite, articles]])
            print('  %-22s %6.1f s (%4.0f articles/s), %.1f s CPU' % ('SQLite ingest', wall_s, args.n / wall_s, cpu_s),
                  flush=True)
            pg_run('PostgreSQL ingest', lambda db: [pin + [args.bin, 'ingest', '--threads', '1', '--db', db, articles]],
                   wall_s)
            # The enqueue is not timed: the queue stands for articles that arrived earlier.
            pg_run('PostgreSQL 1 worker', enqueued(args.bin, 1), wall_s)
            if args.two_workers:
                pg_run('PostgreSQL 2 workers', enqueued(args.bin, 2), wall_s)
            if args.also:
                pg_run('--also ingest', lambda db: [pin + [args.also, 'ingest', '--threads', '1', '--db', db, articles]],
                       wall_s)
            for suffix in ('', '-wal', '-shm'):
                if os.path.exists(sqlite + suffix):
                    os.remove(sqlite + suffix)
        for label, rs in ratios.items():
            print('median %s / SQLite ingest speed: %.2f (rounds: %s)' % (
                label, statistics.median(rs), ' '.join('%.2f' % x for x in rs)))
        print('load now %s' % loadavg())
    finally:
        cluster.stop()
        subprocess.run(['rm', '-rf', tmp])  # the cluster's folder went with `stop`


if __name__ == '__main__':
    main()
