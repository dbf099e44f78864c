#!/usr/bin/env python3
"""Ingest throughput benchmark: articles per second that `corroborate ingest` stores into a fresh
SQLite store, into a store already holding half the corpus (the clusterer's state replayed from
the store, the second half joining its stories), and when every article is already stored (a
re-run: hashing and look-ups only). There is no peer for a store; for context each run is compared
with `corroborate analyze --json` on the same articles (the same cleaning, extraction, clustering and
per-story analysis, without writing anything).

Those runs are pinned to one core (taskset, --threads 1). Then `analyze --json` and ingest into a
fresh store run again on all cores (no pinning, the default --threads): wall time, CPU time, the
speed-up in wall time over one core, and peak RSS, also per 1,000 articles (ingest holds the
articles in flight, the batch, the last 4096 articles for story rebuilds and the clusterer's state,
not the corpus).

Articles come from bench/generate_articles.py (seeded, cached under /tmp). Wall time from Python;
CPU time and peak RSS from /usr/bin/time -v (bench/common.py `measure`). Not a test: it never fails
on speed. Standard-library Python 3 only.

usage: python3 bench/ingest_bench.py [--bin build/corroborate] [--sizes 2k,10k] [--batch 1000]
"""
import argparse
import os
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, 'bench'))
import generate_articles  # noqa: E402
from common import loadavg, machine_info, measure, pin_command, say  # noqa: E402


def size_arg(text):
    return [int(float(p.strip().lower().rstrip('km')) * {'k': 1000, 'm': 1000000}.get(p.strip().lower()[-1], 1))
            for p in text.split(',') if p.strip()]


def timed(cmd, pin=()):
    """Runs pin + cmd (it must succeed); returns (wall seconds, CPU seconds, peak RSS MB)."""
    r = measure(cmd, None, timeout=24 * 3600, pin=pin)
    if r['rc'] != 0:
        raise SystemExit('%s exited with %d: %s' % (' '.join(cmd), r['rc'], r['stderr']))
    return r['wall_s'], r['user_s'] + r['sys_s'], r['peak_rss_mb']


def rate(count, seconds):
    """count / seconds; nan when a run was too short for /usr/bin/time's hundredths of a second."""
    return count / seconds if seconds > 0 else float('nan')


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
    rows, cores = [], []
    for n in args.sizes:
        path = corpus(args.cache, n, args.seed)
        with tempfile.TemporaryDirectory(dir=args.cache) as tmp:
            analyze = [args.bin, 'analyze', '--json', path]
            ingest = [args.bin, 'ingest', '--batch', str(args.batch), '--db']
            one = ['--threads', '1']
            say('%d articles (%.1f MB), load %s' % (n, os.path.getsize(path) / 1e6, loadavg()))
            a_wall, a_cpu, a_rss = timed(analyze + one, pin)
            db = os.path.join(tmp, 'fresh.db')
            f_wall, f_cpu, f_rss = timed(ingest + [db, path] + one, pin)
            size = sum(os.path.getsize(db + s) for s in ('', '-wal') if os.path.exists(db + s))
            r_wall, r_cpu, _ = timed(ingest + [db, path] + one, pin)
            (first, n1), (second, n2) = halves(path, tmp)
            db2 = os.path.join(tmp, 'halves.db')
            timed(ingest + [db2, first] + one, pin)
            i_wall, i_cpu, _ = timed(ingest + [db2, second] + one, pin)
            rows.append((n, a_wall, a_cpu, f_wall, f_cpu, r_wall, r_cpu, n2, i_wall, i_cpu, size))
            say('  analyze --json   %7.1f s wall %7.1f s CPU  %7.0f articles/s (CPU)' % (a_wall, a_cpu, rate(n, a_cpu)))
            say('  ingest, fresh    %7.1f s wall %7.1f s CPU  %7.0f articles/s (CPU)  %.2f x analyze CPU; store %.1f MB'
                % (f_wall, f_cpu, rate(n, f_cpu), rate(f_cpu, a_cpu), size / 1e6))
            say('  ingest, 2nd half %7.1f s wall %7.1f s CPU  %7.0f articles/s (CPU)  into a store of %d'
                % (i_wall, i_cpu, rate(n2, i_cpu), n1))
            say('  ingest, re-run   %7.1f s wall %7.1f s CPU  %7.0f articles/s (CPU)  (all duplicates)'
                % (r_wall, r_cpu, rate(n, r_cpu)))
            # All cores: the same analyze and fresh ingest, unpinned, default --threads.
            load0 = loadavg()
            aa_wall, aa_cpu, aa_rss = timed(analyze)
            db3 = os.path.join(tmp, 'all-cores.db')
            fa_wall, fa_cpu, fa_rss = timed(ingest + [db3, path])
            cores.append((n, 'analyze --json', 'one core', a_wall, a_cpu, a_rss, a_wall))
            cores.append((n, 'analyze --json', 'all cores', aa_wall, aa_cpu, aa_rss, a_wall))
            cores.append((n, 'ingest, fresh store', 'one core', f_wall, f_cpu, f_rss, f_wall))
            cores.append((n, 'ingest, fresh store', 'all cores', fa_wall, fa_cpu, fa_rss, f_wall))
            say('  all cores (load %s): analyze --json %.1f s wall %.1f s CPU (%.2fx one core); '
                'ingest, fresh %.1f s wall %.1f s CPU (%.2fx one core)'
                % (load0, aa_wall, aa_cpu, rate(a_wall, aa_wall), fa_wall, fa_cpu, rate(f_wall, fa_wall)))
    say('load average at the end: %s' % loadavg())
    say('\n| articles | analyze --json | ingest, fresh store | ingest/analyze CPU | 2nd half into 1st | re-run (duplicates) | store size |')
    say('|---:|---:|---:|---:|---:|---:|---:|')
    for n, a_wall, a_cpu, f_wall, f_cpu, r_wall, r_cpu, n2, i_wall, i_cpu, size in rows:
        say('| %d | %.0f/s | %.0f/s | %.2f | %.0f/s | %.0f/s | %.1f MB |' % (
            n, rate(n, a_cpu), rate(n, f_cpu), rate(f_cpu, a_cpu), rate(n2, i_cpu), rate(n, r_cpu), size / 1e6))
    say('\n| articles | command | cores | wall s | CPU s | articles/s (wall) | wall speed-up | peak RSS MB | RSS MB per 1,000 articles |')
    say('|---:|---|---|---:|---:|---:|---:|---:|---:|')
    for n, command, where, wall, cpu, rss, one_wall in cores:
        say('| %d | %s | %s | %.1f | %.1f | %.0f | %.2f× | %.0f | %.1f |' % (
            n, command, where, wall, cpu, rate(n, wall), rate(one_wall, wall), rss, rss / n * 1000))
    return 0


if __name__ == '__main__':
    sys.exit(main())
