#!/usr/bin/env python3
"""Workers benchmark (issue #18): throughput of 1 and 2 `corroborate worker`s storing a queue that
`ingest --enqueue` filled, against one `ingest` of the same articles, each worker pinned to a core
of its own (taskset, --threads 1): a worker per core stands for a host per worker.

The serial fraction is measured, not guessed: each worker reports (--stats) the time it held the
store's write lock to commit (story assignment, rows, the touched stories' reports: what runs in
queue order, one worker at a time, whatever the number of hosts) and its total time, both as wall
time and as processor time. With one worker, s = commit time / total time; Amdahl's law then
gives the speed-up on N hosts, 1 / (s + (1 - s) / N). The processor-time figure is the one to
read on a busy machine (other processes stretch wall time, and a commit's wall time also holds
its waits for the disk). With two workers the commit time per article is measured again: each
worker also replays (in the clusterer) the articles the other committed, so the serial work per
article may grow with the number of workers; the projection from the two-worker figure shows that.

--pg runs the workers on a PostgreSQL store instead (a throwaway cluster, scripts/pg_cluster.sh,
a schema per run; the server is not pinned, and its processor time is not in the workers').

Articles from bench/generate_articles.py (seeded, cached under /tmp). Not a test: never fails on
speed. Standard-library Python 3 only.

usage: python3 bench/workers_bench.py [--bin build/corroborate] [--articles 3000] [--batch 100] [--pg]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, 'bench'))
import generate_articles  # noqa: E402
from common import loadavg, machine_info, say  # noqa: E402


def corpus(cache, n, seed):
    os.makedirs(cache, exist_ok=True)
    path = os.path.join(cache, 'articles-%d-seed%d.jsonl' % (n, seed))
    if not os.path.exists(path + '.done'):
        say('  generating %d articles -> %s' % (n, path))
        generate_articles.generate(n, seed, path, progress=False)
        open(path + '.done', 'w').close()
    return path


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, timeout=24 * 3600)
    if p.returncode != 0:
        raise SystemExit('%s exited with %d: %s' % (' '.join(cmd), p.returncode, p.stderr.decode()[-500:]))
    return p.stdout


def workers(binary, db, corpus_path, count, batch):
    run([binary, 'ingest', '--enqueue', '--db', db, corpus_path])
    t0 = time.perf_counter()
    cores = os.cpu_count()
    procs = [subprocess.Popen(['taskset', '-c', str(i % cores), binary, 'worker', '--db', db, '--threads', '1',
                               '--batch', str(batch), '--name', 'w%d' % i, '--stats'],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for i in range(count)]
    stats = []
    for p in procs:
        out, err = p.communicate()
        if p.returncode != 0:
            raise SystemExit('worker exited with %d: %s' % (p.returncode, err.decode()[-500:]))
        stats.append(json.loads(out))
    return time.perf_counter() - t0, stats


def amdahl(s, n):
    return 1 / (s + (1 - s) / n)


class Stores:
    """Fresh stores by name: SQLite files in `tmp`, or schemas of a throwaway PostgreSQL cluster."""

    def __init__(self, tmp, pg):
        self.tmp, self.url, self.cluster = tmp, None, None
        if pg:
            self.cluster = tempfile.mkdtemp(prefix='workers-bench-pg-')
            self.url = subprocess.run(['bash', os.path.join(REPO, 'scripts', 'pg_cluster.sh'), 'start', self.cluster],
                                      check=True, capture_output=True, text=True).stdout.strip()

    def new(self, name):
        if not self.url:
            return os.path.join(self.tmp, name + '.db')
        subprocess.run(['psql', '-q', self.url, '-c', 'CREATE SCHEMA %s' % name], check=True,
                       stdout=subprocess.DEVNULL)
        return self.url + '&options=-csearch_path%3D' + name

    def close(self):
        if self.cluster:
            subprocess.run(['bash', os.path.join(REPO, 'scripts', 'pg_cluster.sh'), 'stop', self.cluster])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default=os.path.join(REPO, 'build', 'corroborate'))
    ap.add_argument('--articles', type=int, default=3000)
    ap.add_argument('--batch', type=int, default=100)
    ap.add_argument('--seed', type=int, default=5)
    ap.add_argument('--cache', default='/tmp/corroborate-bench')
    ap.add_argument('--pg', action='store_true', help='a PostgreSQL store (throwaway cluster) instead of SQLite')
    ap.add_argument('--more', type=int, default=0,
                    help='also run this many workers (more than the cores: their rate means nothing, but the serial '
                         'work per article, which may grow with the number of workers, is measured)')
    args = ap.parse_args()
    say('machine: %s; load before: %s' % (machine_info(), loadavg()))
    path = corpus(args.cache, args.articles, args.seed)
    n = args.articles
    with tempfile.TemporaryDirectory() as tmp:
        stores = Stores(tmp, args.pg)
        try:
            measure(args, path, n, stores)
        finally:
            stores.close()
    say('load after: %s' % loadavg())


def measure(args, path, n, stores):
    say('store: %s' % ('PostgreSQL' if args.pg else 'SQLite'))
    t0 = time.perf_counter()
    run(['taskset', '-c', '0', args.bin, 'ingest', '--threads', '1', '--batch', str(args.batch),
         '--db', stores.new('single'), path])
    single = time.perf_counter() - t0
    say('ingest, one core:        %6.1f s  %7.0f articles/s' % (single, n / single))
    results = {}
    for count in (1, 2) + ((args.more,) if args.more > 2 else ()):
        wall, stats = workers(args.bin, stores.new('w%d' % count), path, count, args.batch)
        results[count] = (wall, stats)
        commit = sum(s['commit_seconds'] for s in stats)
        for s in stats:  # an older binary reports no processor times
            s.setdefault('commit_cpu_seconds', float('nan'))
            s.setdefault('cpu_seconds', float('nan'))
            s.setdefault('replay_seconds', 0.0)
        commit_cpu = sum(s['commit_cpu_seconds'] for s in stats)
        say('%d worker(s), a core each: %6.1f s  %7.0f articles/s  (%.2fx one worker\'s rate)' % (
            count, wall, n / wall, results[1][0] / wall))
        for i, s in enumerate(stats):
            say('    w%d: %d stored in %d commits; prepare %.1f s, commit %.1f s (CPU %.1f s), queue %.1f s, '
                'replay while waiting %.1f s, idle %.1f s, total %.1f s (CPU %.1f s)' % (
                    i, s['accepted'], s['batches'], s['prepare_seconds'], s['commit_seconds'],
                    s['commit_cpu_seconds'], s['queue_seconds'], s['replay_seconds'], s['idle_seconds'],
                    s['total_seconds'], s['cpu_seconds']))
        say('    serial (commit) time per article: %.3f ms wall, %.3f ms CPU' % (
            commit / n * 1000, commit_cpu / n * 1000))
    one = results[1][1][0]
    fractions = [
        ('one-worker s, wall', one['commit_seconds'] / one['total_seconds']),
        ('one-worker s, CPU', one['commit_cpu_seconds'] / one['cpu_seconds']),
        # Two workers: the lock's total busy time over what one worker takes alone.
        ('two-worker s, wall', sum(s['commit_seconds'] for s in results[2][1]) / one['total_seconds']),
        ('two-worker s, CPU', sum(s['commit_cpu_seconds'] for s in results[2][1]) / one['cpu_seconds']),
    ]
    for label, s in fractions:
        say('Amdahl from the %s = %.3f: 2 hosts %.2fx, 8 hosts %.2fx, 32 hosts %.2fx' % (
            label, s, amdahl(s, 2), amdahl(s, 8), amdahl(s, 32)))


if __name__ == '__main__':
    main()
