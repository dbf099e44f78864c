#!/usr/bin/env python3
"""Workers benchmark (issue #18): throughput of 1 and 2 `corroborate worker`s storing a queue that
`ingest --enqueue` filled, against one `ingest` of the same articles, each worker pinned to a core
of its own (taskset, --threads 1): a worker per core stands for a host per worker.

The serial fraction is measured, not guessed: each worker reports (--stats) the time it held the
store's write lock to commit (story assignment, rows, the touched stories' reports: what runs in
queue order, one worker at a time, whatever the number of hosts) and its total time. With one
worker, s = commit time / total time; Amdahl's law then gives the speed-up on N hosts,
1 / (s + (1 - s) / N). With two workers the commit time per article is measured again: each worker
also replays (in the clusterer) the articles the other committed, and rebuilds the other's
articles of a story it touches from their stored text, so the serial work per article grows with
the number of workers; the projection from the two-worker figure shows that.

Articles from bench/generate_articles.py (seeded, cached under /tmp). Not a test: never fails on
speed. Standard-library Python 3 only.

usage: python3 bench/workers_bench.py [--bin build/corroborate] [--articles 3000] [--batch 100]
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
    procs = [subprocess.Popen(['taskset', '-c', str(i), binary, 'worker', '--db', db, '--threads', '1',
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default=os.path.join(REPO, 'build', 'corroborate'))
    ap.add_argument('--articles', type=int, default=3000)
    ap.add_argument('--batch', type=int, default=100)
    ap.add_argument('--seed', type=int, default=5)
    ap.add_argument('--cache', default='/tmp/corroborate-bench')
    args = ap.parse_args()
    say('machine: %s; load before: %s' % (machine_info(), loadavg()))
    path = corpus(args.cache, args.articles, args.seed)
    n = args.articles
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        run(['taskset', '-c', '0', args.bin, 'ingest', '--threads', '1', '--batch', str(args.batch),
             '--db', os.path.join(tmp, 'single.db'), path])
        single = time.perf_counter() - t0
        say('ingest, one core:        %6.1f s  %7.0f articles/s' % (single, n / single))
        results = {}
        for count in (1, 2):
            wall, stats = workers(args.bin, os.path.join(tmp, 'w%d.db' % count), path, count, args.batch)
            results[count] = (wall, stats)
            commit = sum(s['commit_seconds'] for s in stats)
            say('%d worker(s), a core each: %6.1f s  %7.0f articles/s  (%.2fx one worker\'s rate)' % (
                count, wall, n / wall, results[1][0] / wall))
            for i, s in enumerate(stats):
                say('    w%d: %d stored in %d commits; prepare %.1f s, commit %.1f s, queue %.1f s, idle %.1f s, '
                    'total %.1f s' % (i, s['accepted'], s['batches'], s['prepare_seconds'], s['commit_seconds'],
                                      s['queue_seconds'], s['idle_seconds'], s['total_seconds']))
            say('    serial (commit) time per article: %.3f ms' % (commit / n * 1000))
        one = results[1][1][0]
        s1 = one['commit_seconds'] / one['total_seconds']
        # Two workers: the lock's total busy time over what one worker would take alone.
        s2 = sum(s['commit_seconds'] for s in results[2][1]) / one['total_seconds']
        say('serial fraction: %.3f with one worker (commit / total); the lock\'s work with two workers is %.3f of '
            'one worker\'s time' % (s1, s2))
        for label, s in (('one-worker s', s1), ('two-worker s', s2)):
            say('Amdahl from the %s = %.3f: 2 hosts %.2fx, 8 hosts %.2fx, 32 hosts %.2fx' % (
                label, s, amdahl(s, 2), amdahl(s, 8), amdahl(s, 32)))
    say('load after: %s' % loadavg())


if __name__ == '__main__':
    main()
