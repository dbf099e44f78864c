#!/usr/bin/env python3
"""Every speed figure in one command (issue #7): builds the corpus, then for each stage (clean,
extract, cluster, analyze, ingest into a fresh store) and end to end prints articles/s, MB/s and peak RSS on one core and on
all cores, runs the peers of ../shared/peers on the same input in the same session, and prints
ratios. Not a test: nothing fails on speed.

Corpus (built once into a temporary folder; generated articles are cached in --cache):
  pages      the HTML pages of ../shared/eval/article-extraction, decompressed (the peers read .html)
  texts      the MEANTIME and ECB+ documents of ../shared/eval joined into text, plus the seed
             articles, repeated up to --texts-mb (bench/extract_bench.py builds it)
  generated  --articles generated articles of about 4 KB (bench/generate_articles.py, seed 1), and
             --memory-sizes more to show that streaming commands hold memory to a budget

Runs: "1 core" = `taskset -c CPU corroborate CMD --threads 1`; "all cores" = `corroborate CMD`
(every core the process may use). Peers are single-threaded and run pinned to the same core.
Seconds are wall-clock time of the whole process; CPU = user + sys; peak RSS from /usr/bin/time -v.

usage: python3 bench/run_all.py [--bin build/corroborate] [--reps 1] [--stages clean,extract] [--articles 10k]
       [--memory-sizes 10k,100k] [--json OUT] [--no-peers]
"""
import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(REPO), 'shared')
sys.path.insert(0, os.path.join(REPO, 'bench'))
import extract_bench  # noqa: E402
import generate_articles  # noqa: E402
from common import loadavg, machine_info, measure, pin_command, say, size_arg, text_bytes  # noqa: E402

PEER_PYTHON = '/usr/bin/python3'   # readability-lxml is Debian's package, for Debian's python
STREAMING = ('clean', 'extract', 'cluster', 'ingest')
STAGES = ('clean', 'extract', 'cluster', 'analyze', 'ingest', 'end to end')


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--bin', default=os.path.join(REPO, 'build', 'corroborate'))
    ap.add_argument('--reps', type=int, default=1, help='timed runs of each command (median)')
    ap.add_argument('--cpu', default='0', help='the core of the one-core runs (default 0)')
    ap.add_argument('--articles', type=size_arg, default=size_arg('10k'),
                    help='generated articles for cluster, analyze and end to end (default 10k)')
    ap.add_argument('--memory-sizes', type=size_arg, default=size_arg('10k,100k'),
                    help='generated corpus sizes for the memory budget check (default 10k,100k; '
                         '"" for none)')
    ap.add_argument('--texts-mb', type=float, default=5, help='MB of text for extract (default 5)')
    ap.add_argument('--cache', default='/tmp/corroborate-bench',
                    help='where generated articles are kept between runs')
    ap.add_argument('--peers', default=os.path.join(REPO, '.peers'))
    ap.add_argument('--shared', default=SHARED)
    ap.add_argument('--no-peers', action='store_true', help='run corroborate only')
    ap.add_argument('--timeout', type=float, default=7200)
    ap.add_argument('--stages', type=lambda v: [x.strip() for x in v.split(',') if x.strip()], default=list(STAGES),
                    help='which stages to run, comma-separated (default all: %s)' % ','.join(STAGES))
    ap.add_argument('--json', metavar='OUT', help='also write every figure as JSON')
    return ap.parse_args()


# ---------------------------------------------------------------- corpus
def generated(args, n):
    """The cached generated corpus of n articles (made unless present)."""
    os.makedirs(args.cache, exist_ok=True)
    path = os.path.join(args.cache, 'articles-%d-seed1.jsonl' % n)
    done = path + '.done'
    if not os.path.exists(done):
        say('  generating %d articles -> %s' % (n, path))
        generate_articles.generate(n, 1, path, progress=False)
        open(done, 'w').close()
    return path


def build_corpus(args, tmp):
    c = {}
    html_src = os.path.join(args.shared, 'eval', 'article-extraction', 'html')
    if os.path.isdir(html_src):
        import gzip
        pages = os.path.join(tmp, 'pages')
        os.makedirs(pages)
        n = nbytes = 0
        for name in sorted(os.listdir(html_src)):
            if name.endswith('.html.gz'):
                with gzip.open(os.path.join(html_src, name), 'rb') as f:
                    raw = f.read()
                with open(os.path.join(pages, name[:-3]), 'wb') as f:
                    f.write(raw)
                n += 1
                nbytes += len(raw)
        c['pages'] = {'inputs': [pages], 'articles': n, 'mb': nbytes / 1e6, 'what': 'MB of HTML'}
    eval_dir, seeds = os.path.join(args.shared, 'eval'), os.path.join(args.shared, 'seeds')
    if os.path.isdir(os.path.join(eval_dir, 'ecbplus')) and os.path.isdir(seeds):
        docs = extract_bench.source_documents(eval_dir, seeds, extract_bench.load_join_tokens(eval_dir))
        node = shutil.which('node')
        if node and not args.no_peers and os.path.isdir(os.path.join(args.peers, 'node_modules', 'compromise')):
            # compromise throws on a few documents, which would end its run: leave them out for all
            bad = {i for i, _ in extract_bench.peer_throws(node, args.peers, 'compromise', docs, tmp, [],
                                                           args.timeout)}
            docs = [d for i, d in enumerate(docs) if i not in bad]
        t = extract_bench.write_corpus(docs, args.texts_mb, tmp)
        c['texts'] = {'inputs': [t['jsonl']], 'articles': t['docs'], 'mb': t['mb'], 'what': 'MB of text',
                      'ff': t['ff'], 'once': t['once'], 'once_docs': t['once_docs'], 'once_mb': t['once_mb']}
    for n in sorted(set(args.articles) | set(args.memory_sizes)):
        path = generated(args, n)
        c['generated-%d' % n] = {'inputs': [path], 'articles': n, 'mb': text_bytes(path)[1] / 1e6,
                                 'what': 'MB of text'}
    return c


# ---------------------------------------------------------------- runs
def timed(args, run, what):
    """`run()` --reps times: the median run by wall time, with its CPU and peak RSS, and every run's
    wall time (`walls`, fastest first: on a host whose speed drifts the spread says how much)."""
    runs = [run() for _ in range(max(1, args.reps))]
    runs.sort(key=lambda r: r['wall_s'])
    r = dict(runs[len(runs) // 2], walls=[x['wall_s'] for x in runs])
    if r['rc'] not in (0, 3):
        say('  warning: %s ended with status %d: %s' % (what, r['rc'], r['stderr'][-300:]))
    return r


def row(stage, corpus_name, corpus, tool, mode, r, articles=None, mb=None, seconds=None):
    articles = corpus['articles'] if articles is None else articles
    mb = corpus['mb'] if mb is None else mb
    sec = max(seconds if seconds is not None else r['wall_s'], 1e-9)
    return {'stage': stage, 'input': corpus_name, 'tool': tool, 'mode': mode, 'articles': articles,
            'mb': mb, 'what': corpus['what'], 'wall_s': r['wall_s'], 'seconds': sec,
            'cpu_s': r['user_s'] + r['sys_s'], 'peak_rss_mb': r['peak_rss_mb'],
            'articles_per_s': articles / sec, 'mb_per_s': mb / sec,
            'rss_mb_per_1000': r['peak_rss_mb'] / max(articles / 1000, 1e-9), 'walls': r.get('walls', [r['wall_s']]),
            'loadavg': '%s -> %s' % (r['loadavg_before'], r['loadavg_after'])}


def remove_store(path):
    for suffix in ('', '-wal', '-shm'):
        try:
            os.remove(path + suffix)
        except OSError:
            pass


def command_argv(binary, command, tmp):
    """argv for one run: `ingest` writes into a store no run has used (a store that holds the
    articles only counts duplicates); run_once deletes it after the run (at 100k it takes 2 GB)."""
    if command[0] != 'ingest':
        return [binary] + command, None
    db = os.path.join(tmp, 'store.db')
    return [binary, 'ingest', '--db', db] + command[1:], db


def run_once(args, binary, command, extra, pin, tmp):
    argv, db = command_argv(binary, command, tmp)
    try:
        return measure(argv + extra, None, args.timeout, pin)
    finally:
        if db:
            remove_store(db)


def corroborate_rows(args, binary, pin, stage, command, corpus_name, corpus, tmp):
    out = []
    for mode, prefix, threads in (('1 core', pin, ['--threads', '1']), ('all cores', [], [])):
        say('  %-10s %-9s corroborate %s ... (load %s)' % (stage, mode, ' '.join(command + threads), loadavg()))
        r = timed(args, lambda: run_once(args, binary, command, threads + corpus['inputs'], prefix, tmp), stage)
        out.append(row(stage, corpus_name, corpus, 'corroborate', mode, r))
        say('    %.2f s wall (runs: %s), %.2f s CPU, %.0f MB peak RSS' % (
            r['wall_s'], ' '.join('%.2f' % w for w in r['walls']), r['user_s'] + r['sys_s'], r['peak_rss_mb']))
    return out


def peer_timing(path):
    """The JSON line nlp_run.mjs prints last (its own process_s), or None."""
    try:
        with open(path, encoding='utf-8') as f:
            return json.loads(f.read().strip().splitlines()[-1])
    except (OSError, ValueError, IndexError):
        return None


def peer_rows(args, pin, tmp, corpus):
    out = []
    node = shutil.which('node')
    if 'pages' in corpus and 'clean' in args.stages:
        c = corpus['pages']
        for name, argv in (('readability-lxml', [PEER_PYTHON, os.path.join(args.peers, 'readability_lxml.py')]),
                           ('Readability.js', [node, os.path.join(args.peers, 'readability_js.js')])):
            if not os.path.exists(argv[1]) or not argv[0]:
                say('  %s not installed: skipped (bash bench/setup_peers.sh)' % name)
                continue
            dest = os.path.join(tmp, 'peer-' + name)
            os.makedirs(dest, exist_ok=True)
            say('  clean      1 core    %s ... (load %s)' % (name, loadavg()))
            r = timed(args, lambda: measure(argv + [c['inputs'][0], dest], None, args.timeout, pin), name)
            out.append(row('clean', 'pages', c, name, '1 core', r))
    if 'texts' in corpus and node and 'extract' in args.stages:
        c = corpus['texts']
        runner = os.path.join(args.peers, 'nlp_run.mjs')
        for name in ('wink', 'chrono', 'compromise'):
            if not os.path.isdir(os.path.join(args.peers, 'node_modules', {'wink': 'wink-nlp', 'chrono': 'chrono-node'}.get(name, name))):
                say('  %s not installed: skipped' % name)
                continue
            once = name == 'compromise'   # about 100 times slower: the set once, unrepeated
            timing = os.path.join(tmp, 'timing-%s.json' % name)
            say('  extract    1 core    %s ... (load %s)' % (name, loadavg()))
            r = timed(args, lambda: measure([node, runner, name, 'time', c['once' if once else 'ff'], 'docs'], timing,
                                            args.timeout, pin), name)
            own = peer_timing(timing)
            articles, mb = (c['once_docs'], c['once_mb']) if once else (c['articles'], c['mb'])
            # The peer's own loop time (no Node start-up, imports or file reading) favours the peer.
            out.append(row('extract', 'texts', c, name, '1 core', r, articles, mb,
                           own['process_s'] if own and own.get('process_s') else None))
    return out


# ---------------------------------------------------------------- report
def print_table(rows, baseline):
    say('')
    say('| stage | input | tool | cores | articles | MB | wall s | CPU s | articles/s | MB/s | peak RSS MB '
        '| RSS MB per 1,000 articles | ratio to %s (1 core) |' % baseline.get('name', 'peer'))
    say('|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    for r in rows:
        base = baseline.get(r['stage'])
        ratio = '%.2f×' % (r['articles_per_s'] / base['articles_per_s']) if base and r['stage'] != 'extract' else (
            '%.2f×' % (r['mb_per_s'] / base['mb_per_s']) if base else '—')
        say('| %s | %s | %s | %s | %s | %.2f | %.2f | %.2f | %.0f | %.2f | %.0f | %s | %s |' % (
            r['stage'], r['input'], r['tool'], r['mode'], '{:,}'.format(r['articles']), r['mb'], r['wall_s'],
            r['cpu_s'], r['articles_per_s'], r['mb_per_s'], r['peak_rss_mb'],
            '%.1f' % r['rss_mb_per_1000'] if r['tool'] == 'corroborate' else '—', ratio))


def main():
    args = parse_args()
    unknown = [x for x in args.stages if x not in STAGES]
    if unknown:
        sys.exit('run_all: unknown stage %s (stages: %s)' % (', '.join(unknown), ', '.join(STAGES)))
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        sys.exit('run_all: corroborate not found or not executable: %s (build it, or use --bin)' % args.bin)
    if not os.path.isdir(args.shared):
        say('run_all: skipped: %s is absent' % args.shared)
        return
    pin = pin_command(args.cpu)
    machine = machine_info()
    say('run_all: %s; machine: %s, nproc %s, %s, load %s, %s' % (
        binary, machine['cpu'], machine['nproc'], machine['memory'], machine['loadavg_at_start'], machine['date']))
    tmp = tempfile.mkdtemp(prefix='run_all.')
    rows = []
    try:
        corpus = build_corpus(args, tmp)
        for k, c in corpus.items():
            say('  corpus %-18s %8s articles, %8.2f %s' % (k, '{:,}'.format(c['articles']), c['mb'], c['what']))
        main_gen = 'generated-%d' % args.articles[0]
        plan = []
        if 'pages' in corpus:
            plan.append(('clean', ['clean'], 'pages'))
        if 'texts' in corpus:
            plan.append(('extract', ['extract'], 'texts'))
        plan += [('cluster', ['cluster'], main_gen), ('analyze', ['analyze', '--json'], main_gen),
                 ('ingest', ['ingest'], main_gen)]
        for stage, command, name in plan:
            if stage not in args.stages:
                continue
            rows += corroborate_rows(args, binary, pin, stage, command, name, corpus[name], tmp)
        # End to end: every input at once, clean → extract → cluster → events → reconcile → report.
        everything = {'inputs': sum((corpus[k]['inputs'] for k in ('pages', 'texts', main_gen) if k in corpus), []),
                      'articles': sum(corpus[k]['articles'] for k in ('pages', 'texts', main_gen) if k in corpus),
                      'mb': sum(corpus[k]['mb'] for k in ('pages', 'texts', main_gen) if k in corpus),
                      'what': 'MB of HTML and text'}
        if 'end to end' in args.stages:
            rows += corroborate_rows(args, binary, pin, 'end to end', ['analyze', '--json'], 'all', everything, tmp)
        if not args.no_peers:
            rows += peer_rows(args, pin, tmp, corpus)

        # The memory budget of streaming commands: peak RSS as the corpus grows.
        memory = []
        for n in args.memory_sizes:
            c = corpus['generated-%d' % n]
            for stage in (s for s in STREAMING if s in args.stages):
                say('  memory     all cores corroborate %s on %s articles ... (load %s)' % (stage, '{:,}'.format(n), loadavg()))
                r = run_once(args, binary, [stage], c['inputs'], [], tmp)
                memory.append(row(stage, 'generated-%d' % n, c, 'corroborate', 'all cores', r))

        baseline = {'name': 'readability-lxml (clean), wink-nlp (extract)'}
        for r in rows:
            if (r['stage'], r['tool']) in (('clean', 'readability-lxml'), ('extract', 'wink')):
                baseline[r['stage']] = r
        rows.sort(key=lambda r: (STAGES.index(r['stage']), r['tool'] != 'corroborate', r['mode']))
        print_table(rows, baseline)
        if memory:
            say('')
            say('Memory of streaming commands (all cores) as the corpus grows:')
            say('| command | articles | peak RSS MB | RSS MB per 1,000 articles | wall s | articles/s |')
            say('|---|---:|---:|---:|---:|---:|')
            for r in sorted(memory, key=lambda r: (STREAMING.index(r['stage']), r['articles'])):
                say('| %s | %s | %.0f | %.2f | %.1f | %.0f |' % (r['stage'], '{:,}'.format(r['articles']),
                                                               r['peak_rss_mb'], r['rss_mb_per_1000'],
                                                               r['wall_s'], r['articles_per_s']))
        say('')
        say('Ratios: corroborate ÷ the peer on one core, same input, same session; clean compares '
            'articles/s, extract MB/s against the peer\'s own analyze() loop time (no Node start-up or '
            'file reading: favours the peer; compromise reads the set once). cluster, analyze, ingest and '
            'end to end have no peer.')
        machine['loadavg_at_end'] = loadavg()
        say('load average: %s at the start, %s at the end (nproc %s)' % (
            machine['loadavg_at_start'], machine['loadavg_at_end'], machine['nproc']))
        if args.json:
            with open(args.json, 'w', encoding='utf-8') as f:
                json.dump({'machine': machine, 'rows': rows, 'memory': memory}, f, indent=2)
            say('wrote ' + args.json)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
