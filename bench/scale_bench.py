#!/usr/bin/env python3
"""Scale benchmark of `corroborate cluster` and `corroborate analyze`: time, CPU and peak memory
on 10 thousand, 100 thousand and 1 million generated articles (bench/generate_articles.py), and
whether the cost per article stays constant as the corpus grows (near-linear).

Each size is generated once (seeded) into a cache folder under /tmp, then run pinned to one core
(taskset) under /usr/bin/time -v (wall, user and system CPU, peak RSS; without it, wall time from
Python and peak RSS from getrusage(RUSAGE_CHILDREN), which is the largest child so far). The
cluster output is checked against the generator's own story numbers: stories and reprints found
against those generated. Not a test: it never fails on speed. Standard-library Python 3 only.

usage: python3 bench/scale_bench.py [--bin build/corroborate] [--sizes 10k,100k,1M]
       [--analyze-sizes 10k,100k] [--json OUT] [--keep] [--gzip]
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, 'bench'))
import generate_articles  # noqa: E402
from common import TIME, loadavg, machine_info, measure, pin_command, say, size_arg, text_bytes  # noqa: E402


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--bin', default=os.path.join(REPO, 'build', 'corroborate'),
                    help='the corroborate program (default build/corroborate)')
    ap.add_argument('--sizes', type=size_arg, default=size_arg('10k,100k,1M'),
                    help='article counts for cluster (default 10k,100k,1M)')
    ap.add_argument('--analyze-sizes', type=size_arg, default=size_arg('10k,100k'),
                    help='article counts for analyze --json (default 10k,100k; "" for none)')
    ap.add_argument('--seed', type=int, default=1, help='generator seed')
    ap.add_argument('--cache', default='/tmp/corroborate-scale',
                    help='where generated articles and outputs go (default /tmp/corroborate-scale)')
    ap.add_argument('--keep', action='store_true',
                    help='keep (and reuse) the generated articles in the cache folder')
    ap.add_argument('--gzip', action='store_true', help='generate .jsonl.gz instead of .jsonl')
    ap.add_argument('--cpu', default='0', help='core to pin every run to with taskset (default 0)')
    ap.add_argument('--timeout', type=float, default=7200, help='seconds one run may take')
    ap.add_argument('--json', metavar='OUT', help='also write every figure as JSON')
    ap.add_argument('--report', nargs='+', metavar='JSON',
                    help='print the tables of earlier --json outputs (merged) and run nothing')
    return ap.parse_args()


# ---------------------------------------------------------------- input
def corpus(args, n):
    """The generated file for n articles (and its truth TSV), made unless cached."""
    os.makedirs(args.cache, exist_ok=True)
    stem = os.path.join(args.cache, 'articles-%d-seed%d' % (n, args.seed))
    path = stem + ('.jsonl.gz' if args.gzip else '.jsonl')
    truth = stem + '.truth.tsv'
    done = stem + '.done'
    if not (os.path.exists(done) and os.path.exists(path) and os.path.exists(truth)):
        say('  generating %d articles -> %s' % (n, path))
        t0 = time.perf_counter()
        stats = generate_articles.generate(n, args.seed, path, truth)
        with open(done, 'w', encoding='utf-8') as f:
            json.dump(stats, f)
        say('  generated in %.1f s: %d stories, %d reprints, %.1f MB of JSON Lines' % (
            time.perf_counter() - t0, stats['stories'], stats['reprints'], stats['bytes'] / 1e6))
    with open(done, encoding='utf-8') as f:
        stats = json.load(f)
    return path, truth, stats


# ---------------------------------------------------------------- runs
def run(args, pin, argv, out_path):
    """Run argv with stdout to out_path; wall, user, sys, peak RSS (MB), rc, stderr tail."""
    r = measure(argv, out_path, args.timeout, pin)
    if r['rc'] not in (0, 3):
        say('  warning: %s ended with status %d: %s' % (' '.join(argv[:2]), r['rc'], r['stderr']))
    return r


def check_cluster(out_path, truth_path):
    """Stories and reprints found, against the generator's truth; purity and completeness."""
    truth, truth_dup = {}, {}
    with open(truth_path, encoding='utf-8') as f:
        for line in f:
            aid, story, dup = line.rstrip('\n').split('\t')
            truth[aid] = int(story)
            truth_dup[aid] = dup
    found, dups, dup_same_story, dup_exact = {}, 0, 0, 0
    with open(out_path, encoding='utf-8') as f:
        for line in f:
            rec = json.loads(line)
            aid = rec['id']
            found[aid] = rec['story']
            d = rec.get('duplicate_of')
            if d:
                dups += 1
                dup_same_story += truth.get(d) == truth.get(aid)
                dup_exact += truth_dup.get(aid) == d
    # purity: share of articles in their found story's majority true story; completeness: share
    # of articles in their true story's majority found story
    by_found, by_true = collections.defaultdict(collections.Counter), collections.defaultdict(collections.Counter)
    for aid, s in found.items():
        t = truth.get(aid)
        by_found[s][t] += 1
        by_true[t][s] += 1
    n = len(found) or 1
    return {'articles_out': len(found), 'stories_found': len(by_found),
            'stories_generated': len(set(truth.values())),
            'duplicates_marked': dups,
            'reprints_generated': sum(1 for d in truth_dup.values() if d),
            'duplicates_in_same_story': dup_same_story,
            'duplicates_of_the_reprinted_article': dup_exact,
            'purity': sum(max(c.values()) for c in by_found.values()) / n,
            'completeness': sum(max(c.values()) for c in by_true.values()) / n}


def check_analyze(out_path):
    try:
        with open(out_path, encoding='utf-8') as f:
            rep = json.load(f)
    except (OSError, ValueError) as e:
        return {'error': str(e)}
    stories = rep.get('stories', [])
    return {'report_mb': os.path.getsize(out_path) / 1e6, 'articles': len(rep.get('articles', [])),
            'stories': len(stories), 'events': sum(len(s.get('events', [])) for s in stories),
            'conflicts': sum(len(s.get('conflicts', [])) for s in stories),
            'attribution_issues': sum(len(s.get('attribution_issues', [])) for s in stories)}


# ---------------------------------------------------------------- main
def table(rows, what):
    rows = sorted(rows, key=lambda r: r['articles'])
    base = rows[0]['us_per_article'] if rows else 1
    cbase = rows[0]['cpu_us_per_article'] if rows else 1
    say('')
    say('%s:' % what)
    say('| articles | core | MB of text | wall s | user s | sys s | peak RSS MB | articles/s (wall) '
        '| MB/s (wall) | articles/s (CPU) | wall µs/article | CPU µs/article | wall, CPU per article '
        'vs smallest |')
    say('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|')
    for r in rows:
        r['ratio_to_smallest'] = r['us_per_article'] / base
        r['cpu_ratio_to_smallest'] = r['cpu_us_per_article'] / cbase
        say('| {:,} | {} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.0f} | {:.0f} | {:.2f} | {:.0f} | {:.0f} '
            '| {:.0f} | {:.2f}×, {:.2f}× |'.format(
                r['articles'], r['pinned'].replace('taskset -c ', ''), r['mb_text'], r['wall_s'],
                r['user_s'], r['sys_s'], r['peak_rss_mb'], r['articles_per_s'], r['mb_per_s'],
                1e6 / r['cpu_us_per_article'], r['us_per_article'], r['cpu_us_per_article'],
                r['ratio_to_smallest'], r['cpu_ratio_to_smallest']))


def print_tables(results):
    for cmd, what in (('cluster', 'corroborate cluster (clean → extract → cluster)'),
                      ('analyze', 'corroborate analyze --json (clean → extract → cluster → events '
                                  '→ reconcile → report)')):
        if results.get(cmd):
            table(results[cmd], what)
    say('')
    say('Wall time depends on what else the machine runs; CPU = user + sys of the process. '
        '"vs smallest" divides the time per article by the smallest size\'s (1.00× = linear).')
    for cmd in ('cluster', 'analyze'):
        for r in sorted(results.get(cmd, []), key=lambda r: r['articles']):
            say('  %s {:,}: stories found {}, duplicates marked {}; load {} -> {}'.format(
                r['articles'], r['check'].get('stories_found', r['check'].get('stories')),
                r['check'].get('duplicates_marked', '-'), r['loadavg_before'], r['loadavg_after'])
                % cmd)


def report(paths):
    merged = {'cluster': [], 'analyze': []}
    for p in paths:
        with open(p, encoding='utf-8') as f:
            doc = json.load(f)
        say('%s: %s, load at start %s' % (p, doc['machine']['date'], doc['machine']['loadavg_at_start']))
        for cmd in merged:
            merged[cmd] += doc['results'].get(cmd, [])
    print_tables(merged)


def main():
    args = parse_args()
    if args.report:
        report(args.report)
        return
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        sys.exit('scale_bench: corroborate not found or not executable: %s (build it, or use --bin)'
                 % args.bin)
    pin = pin_command(args.cpu)
    if not os.access(TIME, os.X_OK):
        say('note: %s not found (Debian package "time"); peak RSS comes from getrusage' % TIME)
    machine = machine_info()
    say('scale benchmark: cluster on %s, analyze --json on %s articles, seed %d, %s' % (
        ', '.join('{:,}'.format(n) for n in args.sizes),
        ', '.join('{:,}'.format(n) for n in args.analyze_sizes) or 'none', args.seed,
        'pinned with ' + ' '.join(pin) if pin else 'NOT pinned'))
    say('machine: %(cpu)s, nproc %(nproc)s, %(memory)s, load %(loadavg_at_start)s, %(date)s' % machine)
    version = subprocess.run(['git', '-C', REPO, 'describe', '--always', '--dirty'],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode().strip()
    results = {'cluster': [], 'analyze': []}
    made = []
    try:
        for n in sorted(set(args.sizes) | set(args.analyze_sizes)):
            say('%s articles:' % '{:,}'.format(n))
            path, truth, gen = corpus(args, n)
            made.append(path)
            total_b, text_b = text_bytes(path)
            for cmd in ('cluster', 'analyze'):
                if n not in (args.sizes if cmd == 'cluster' else args.analyze_sizes):
                    continue
                argv = [binary, cmd] + (['--json'] if cmd == 'analyze' else []) + [path]
                out_path = os.path.join(args.cache, '%s-%d.out' % (cmd, n))
                say('  %s ... (load %s)' % (' '.join(['corroborate'] + argv[1:]), loadavg()))
                r = run(args, pin, argv, out_path)
                r.update({'command': cmd, 'articles': n, 'mb_text': text_b / 1e6,
                          'mb_jsonl': total_b / 1e6, 'articles_per_s': n / r['wall_s'],
                          'mb_per_s': text_b / 1e6 / r['wall_s'],
                          'us_per_article': r['wall_s'] / n * 1e6,
                          'cpu_us_per_article': (r['user_s'] + r['sys_s']) / n * 1e6,
                          'pinned': ' '.join(pin) or 'not pinned', 'generated': gen})
                r['check'] = check_cluster(out_path, truth) if cmd == 'cluster' else check_analyze(out_path)
                say('  %.1f s wall, %.1f s user, peak RSS %.0f MB, %.0f articles/s, load after %s' % (
                    r['wall_s'], r['user_s'], r['peak_rss_mb'], r['articles_per_s'], r['loadavg_after']))
                say('  check: ' + ', '.join('%s %s' % (k, ('%.3f' % v) if isinstance(v, float) else v)
                                            for k, v in r['check'].items()))
                results[cmd].append(r)
                if not args.keep:
                    os.unlink(out_path)
        print_tables(results)
        machine['loadavg_at_end'] = loadavg()
        say('load average at the end: %s (nproc %s; above 1 means other work shared the cores)' % (
            machine['loadavg_at_end'], machine['nproc']))
        if args.json:
            with open(args.json, 'w', encoding='utf-8') as f:
                json.dump({'machine': machine, 'corroborate': '%s (repository at %s when run)' % (
                    binary, version), 'seed': args.seed, 'results': results}, f, indent=2)
            say('wrote ' + args.json)
    finally:
        if not args.keep:
            for p in made:
                stem = p.rsplit('.jsonl', 1)[0]
                for q in (p, stem + '.truth.tsv', stem + '.done'):
                    if os.path.exists(q):
                        os.unlink(q)


if __name__ == '__main__':
    main()
