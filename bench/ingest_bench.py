#!/usr/bin/env python3
"""Ingest throughput benchmark: articles per second that `corroborate ingest` stores into a fresh
SQLite store, into a store already holding half the corpus (the clusterer's state replayed from
the store, the second half joining its stories), and when every article is already stored (a
re-run: hashing and look-ups only). There is no peer for a store; for context each run is compared
with `corroborate analyze --json` on the same articles (the same cleaning, extraction, clustering and
per-story analysis, without writing anything).

Articles come from bench/generate_articles.py (seeded, cached under /tmp). Every run is pinned to
one core (taskset); wall time from Python, CPU time from getrusage of the children. Not a test: it
never fails on speed. Standard-library Python 3 only.

usage: python3 bench/ingest_bench.py [--bin build/corroborate] [--sizes 2k,10k] [--batch 1000]
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, 'bench'))
import generate_articles  # noqa: E402
from common import loadavg, machine_info, pin_command, say  # noqa: E402


def size_arg(text):
    return [int(float(p.strip().lower().rstrip('km')) * {'k': 1000, 'm': 1000000}.get(p.strip().lower()[-1], 1))
            for p in text.split(',') if p.strip()]


def timed(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (wall seconds, CPU seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=stdout)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def corpus(cache, n, seed):
    os.makedirs(cache, exist_ok=True)
    path = os.path.join(cache, 'articles-%d-seed%d.jsonl' % (n, seed))
    if not os.path.exists(path + '.done'):
        say('  generating %d articles -> %s' % (n, path))
        generate_articles.generate(n, seed, path, progress=False)
        open(path + '.done', 'w').close()
    return path


def halves(path, tmp):
    with open(path, encoding='utf-8') as f:
        lines = f.readlines()
    mid = len(lines) // 2
    out = []
    for name, part in (('first', lines[:mid]), ('second', lines[mid:])):
        p = os.path.join(tmp, name + '.jsonl')
        with open(p, 'w', encoding='utf-8') as f:
            f.writelines(part)
        out.append((p, len(part)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--bin', default=os.path.join(REPO, 'build', 'corroborate'))
    ap.add_argument('--sizes', type=size_arg, default=size_arg('2k,10k'))
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--batch', type=int, default=1000, help='articles per transaction (ingest --batch)')
    ap.add_argument('--cache', default='/tmp/corroborate-ingest-bench')
    ap.add_argument('--cpu', default='0', help='core to pin every run to (default 0)')
    args = ap.parse_args()
    pin = pin_command(args.cpu)
    info = machine_info()
    say('machine: %s' % ', '.join('%s=%s' % kv for kv in info.items()))
    rows = []
    for n in args.sizes:
        path = corpus(args.cache, n, args.seed)
        with tempfile.TemporaryDirectory(dir=args.cache) as tmp:
            ingest = pin + [args.bin, 'ingest', '--batch', str(args.batch), '--db']
            say('%d articles (%.1f MB), load %s' % (n, os.path.getsize(path) / 1e6, loadavg()))
            a_wall, a_cpu = timed(pin + [args.bin, 'analyze', '--json', path])
            db = os.path.join(tmp, 'fresh.db')
            f_wall, f_cpu = timed(ingest + [db, path])
            size = sum(os.path.getsize(db + s) for s in ('', '-wal') if os.path.exists(db + s))
            r_wall, r_cpu = timed(ingest + [db, path])
            (first, n1), (second, n2) = halves(path, tmp)
            db2 = os.path.join(tmp, 'halves.db')
            timed(ingest + [db2, first])
            i_wall, i_cpu = timed(ingest + [db2, second])
            rows.append((n, a_wall, a_cpu, f_wall, f_cpu, r_wall, r_cpu, n2, i_wall, i_cpu, size))
            say('  analyze --json   %7.1f s wall %7.1f s CPU  %7.0f articles/s (CPU)' % (a_wall, a_cpu, n / a_cpu))
            say('  ingest, fresh    %7.1f s wall %7.1f s CPU  %7.0f articles/s (CPU)  %.2f x analyze CPU; store %.1f MB'
                % (f_wall, f_cpu, n / f_cpu, f_cpu / a_cpu, size / 1e6))
            say('  ingest, 2nd half %7.1f s wall %7.1f s CPU  %7.0f articles/s (CPU)  into a store of %d'
                % (i_wall, i_cpu, n2 / i_cpu, n1))
            say('  ingest, re-run   %7.1f s wall %7.1f s CPU  %7.0f articles/s (CPU)  (all duplicates)'
                % (r_wall, r_cpu, n / r_cpu))
    say('load average at the end: %s' % loadavg())
    say('\n| articles | analyze --json | ingest, fresh store | ingest/analyze CPU | 2nd half into 1st | re-run (duplicates) | store size |')
    say('|---:|---:|---:|---:|---:|---:|---:|')
    for n, a_wall, a_cpu, f_wall, f_cpu, r_wall, r_cpu, n2, i_wall, i_cpu, size in rows:
        say('| %d | %.0f/s | %.0f/s | %.2f | %.0f/s | %.0f/s | %.1f MB |' % (
            n, n / a_cpu, n / f_cpu, f_cpu / a_cpu, n2 / i_cpu, n / r_cpu, size / 1e6))
    return 0


if __name__ == '__main__':
    sys.exit(main())
