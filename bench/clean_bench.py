#!/usr/bin/env python3
"""Benchmark of the `clean` stage (HTML page -> article text) against the peer
extractors readability-lxml and Readability.js, run in the same session.

Cleans the pages of ../shared/eval/article-extraction/html on one core (taskset),
N times per tool, and prints pages/s and MB/s with the ratio to readability-lxml,
then scores every tool's output with the project's article-extraction scorer.
Not a test: it never fails on speed. Standard-library Python 3 only.

usage: python3 bench/clean_bench.py [--bin build/corroborate] [--reps 3] [--json OUT]
Install the peers first: bash bench/setup_peers.sh
"""
import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(REPO), 'shared')
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import machine_info, pin_command, say, tool_version  # noqa: E402
PEER_PYTHON = '/usr/bin/python3'   # readability-lxml is Debian's package, for Debian's python
BASELINE = 'readability-lxml'


def skip(reason):
    say('clean_bench: skipped: ' + reason)
    sys.exit(0)


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--bin', default=os.path.join(REPO, 'build', 'corroborate'),
                    help='the corroborate program (default build/corroborate)')
    ap.add_argument('--reps', type=int, default=3, help='timed runs per tool; the median is reported')
    ap.add_argument('--cpu', default='0', help='core to pin every run to with taskset (default 0)')
    ap.add_argument('--data', default=os.path.join(SHARED, 'eval', 'article-extraction'),
                    help='the article-extraction set (folder holding html/ and ground-truth.json)')
    ap.add_argument('--peers', default=os.path.join(REPO, '.peers'),
                    help='where bench/setup_peers.sh installed the peers (default .peers)')
    ap.add_argument('--scorer', help='score_article_extraction.py (default: the one beside the '
                    'data folder, i.e. ../shared/eval)')
    ap.add_argument('--no-quality', action='store_true', help='skip the F1/P/R scoring')
    ap.add_argument('--timeout', type=float, default=1800, help='seconds one run may take')
    ap.add_argument('--json', metavar='OUT', help='also write every figure as JSON')
    return ap.parse_args()


# ---------------------------------------------------------------- machine
# ---------------------------------------------------------------- runs
class Tool:
    """One way of cleaning a folder: argv built from (in_dir, out_dir)."""

    def __init__(self, name, argv, in_dir, writes_dir):
        self.name, self.argv, self.in_dir, self.writes_dir = name, argv, in_dir, writes_dir
        self.times, self.startup_times, self.reported = [], [], []

    def command(self, in_dir, out_dir):
        return self.argv(in_dir, out_dir)


def run_once(pin, argv, timeout, stdout_path=None):
    """Run argv pinned to one core; return (seconds, returncode, stderr text)."""
    out = open(stdout_path, 'wb') if stdout_path else subprocess.DEVNULL
    try:
        t0 = time.perf_counter()
        proc = subprocess.run(pin + argv, stdin=subprocess.DEVNULL, stdout=out,
                              stderr=subprocess.PIPE, timeout=timeout)
        dt = time.perf_counter() - t0
    finally:
        if stdout_path:
            out.close()
    return dt, proc.returncode, proc.stderr.decode('utf-8', 'replace')


def peer_timing_line(stderr):
    """The peers print one JSON object with their own import_s / loop_s on stderr."""
    for line in reversed(stderr.strip().splitlines()):
        if line.startswith('{'):
            try:
                return json.loads(line)
            except ValueError:
                pass
    return None


def check_rc(tool, rc, stderr):
    # corroborate: 0 all read, 3 some inputs skipped (still a result); peers: 0
    if rc not in (0, 3) or (rc == 3 and not tool.startswith('corroborate')):
        tail = ' | '.join(stderr.strip().splitlines()[-3:])
        what = 'killed by signal %d' % -rc if rc < 0 else 'exit status %d' % rc
        say('  warning: %s ended with %s: %s' % (tool, what, tail or '(no stderr)'))


# ---------------------------------------------------------------- quality
def score(scorer, data, extra, timeout):
    """Run the article-extraction scorer; return its metrics dict (or None)."""
    with tempfile.NamedTemporaryFile(suffix='.json', delete=False) as f:
        out_json = f.name
    try:
        proc = subprocess.run([sys.executable, scorer, '--data', data, '--json', out_json,
                               '--timeout', str(int(timeout))] + extra,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        text = proc.stdout.decode('utf-8', 'replace')
        if proc.returncode not in (0, 1):
            say('  scorer failed (%d): %s' % (proc.returncode,
                                             proc.stderr.decode('utf-8', 'replace').strip()))
            return None
        with open(out_json, encoding='utf-8') as f:
            m = json.load(f)
        lines = text.strip().splitlines()
        m['summary'] = lines[-1] if lines else ''
        m['report'] = text
        return m
    except (OSError, ValueError) as e:
        say('  scorer failed: %s' % e)
        return None
    finally:
        os.unlink(out_json)


def peer_predictions(out_dir, ids, path):
    """Peers write OUT_DIR/<id>.txt (id = file name up to the first dot)."""
    pred, missing = {}, 0
    for pid in ids:
        p = os.path.join(out_dir, pid + '.txt')
        try:
            with open(p, encoding='utf-8', errors='replace') as f:
                pred[pid] = {'articleBody': f.read()}
        except OSError:
            missing += 1
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(pred, f)
    return missing


def corroborate_predictions(jsonl_path, path):
    """corroborate clean prints JSON Lines; key each text by its id's file-name stem."""
    pred = {}
    with open(jsonl_path, encoding='utf-8', errors='replace') as f:
        for line in f:
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            base = os.path.basename(str(rec.get('id', '')))
            pred[base.split('.')[0]] = {'articleBody': rec.get('text') or ''}
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(pred, f)


# ---------------------------------------------------------------- main
def main():
    args = parse_args()
    html_src = os.path.join(args.data, 'html')
    scorer = args.scorer or os.path.join(os.path.dirname(os.path.abspath(args.data)),
                                         'score_article_extraction.py')
    if not os.path.isdir(html_src):
        skip('no article-extraction pages at %s (../shared is absent?)' % html_src)
    pages_gz = sorted(f for f in os.listdir(html_src) if f.endswith('.html.gz'))
    if not pages_gz:
        skip('no *.html.gz pages in %s' % html_src)
    peer_lxml = os.path.join(args.peers, 'readability_lxml.py')
    peer_js = os.path.join(args.peers, 'readability_js.js')
    absent = [p for p in (peer_lxml, peer_js, os.path.join(args.peers, 'node_modules', 'jsdom'))
              if not os.path.exists(p)]
    if absent or not os.access(PEER_PYTHON, os.X_OK) or not shutil.which('node'):
        skip('the peers are not installed (%s absent); run: bash bench/setup_peers.sh'
             % (', '.join(absent) or '%s or node' % PEER_PYTHON))
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        sys.exit('clean_bench: corroborate not found or not executable: %s (build it, or use --bin)'
                 % args.bin)
    pin = pin_command(args.cpu)

    machine = machine_info()
    tmp = tempfile.mkdtemp(prefix='clean_bench.')
    try:
        # ---- input, prepared once: the peers read plain .html, so decompress
        html_dir = os.path.join(tmp, 'html')
        empty_dir = os.path.join(tmp, 'empty')
        os.makedirs(html_dir)
        os.makedirs(empty_dir)
        html_bytes = gz_bytes = 0
        ids = []
        for name in pages_gz:
            with gzip.open(os.path.join(html_src, name), 'rb') as f:
                raw = f.read()
            with open(os.path.join(html_dir, name[:-3]), 'wb') as f:
                f.write(raw)
            html_bytes += len(raw)
            gz_bytes += os.path.getsize(os.path.join(html_src, name))
            ids.append(name.split('.')[0])
        n_pages, mb = len(ids), html_bytes / 1e6

        node = shutil.which('node')
        tools = [
            Tool('corroborate', lambda i, o: [binary, 'clean', i], html_dir, False),
            Tool('corroborate (.gz)', lambda i, o: [binary, 'clean', i], html_src, False),
            Tool(BASELINE, lambda i, o: [PEER_PYTHON, peer_lxml, i, o], html_dir, True),
            Tool('Readability.js', lambda i, o: [node, peer_js, i, o], html_dir, True),
        ]
        versions = {
            'corroborate': '%s (repository at %s when run; the binary may be older)' % (
                binary, tool_version(['git', '-C', REPO, 'describe', '--always', '--dirty'])),
            BASELINE: tool_version([PEER_PYTHON, '-c',
                                    'import importlib.metadata as m; print("readability-lxml",'
                                    ' m.version("readability-lxml"))']),
            'Readability.js': tool_version([node, '-e',
                                            'console.log("readability",'
                                            ' require("@mozilla/readability/package.json").version,'
                                            ' "jsdom", require("jsdom/package.json").version,'
                                            ' "node", process.version)'], cwd=args.peers),
        }
        say('clean benchmark: %d pages, %.2f MB of HTML (%.2f MB gzipped), %s, %d runs each, '
            'median reported' % (n_pages, mb, gz_bytes / 1e6,
                                 'pinned with ' + ' '.join(pin) if pin else 'NOT pinned', args.reps))
        say('machine: %(cpu)s, nproc %(nproc)s, load %(loadavg_at_start)s, %(date)s' % machine)

        # ---- one untimed warm-up each (page cache, node_modules), keeping the
        #      outputs for scoring; then the timed runs, interleaved so that a
        #      change of load on the machine hits every tool alike
        outputs = {}
        for t in tools:
            out_dir = os.path.join(tmp, 'out-' + t.name.split()[0] + ('-gz' if 'gz' in t.name else ''))
            stdout_path = None if t.writes_dir else out_dir + '.jsonl'
            dt, rc, err = run_once(pin, t.command(t.in_dir, out_dir), args.timeout, stdout_path)
            check_rc(t.name, rc, err)
            outputs[t.name] = stdout_path or out_dir
            say('  warm-up %-18s %.2f s' % (t.name, dt))
        scratch = os.path.join(tmp, 'scratch')
        for rep in range(args.reps):
            for t in tools:
                shutil.rmtree(scratch, ignore_errors=True)
                dt, rc, err = run_once(pin, t.command(t.in_dir, scratch), args.timeout)
                check_rc(t.name, rc, err)
                t.times.append(dt)
                own = peer_timing_line(err) if t.writes_dir else None
                if own:
                    t.reported.append(own)
                # start-up: the same command on an empty folder
                shutil.rmtree(scratch, ignore_errors=True)
                ds, rc, err = run_once(pin, t.command(empty_dir, scratch), args.timeout)
                t.startup_times.append(ds)
            say('  run %d/%d: ' % (rep + 1, args.reps)
                + ', '.join('%s %.2f s' % (t.name, t.times[-1]) for t in tools))

        # ---- figures
        results = []
        for t in tools:
            sec = statistics.median(t.times)
            start = statistics.median(t.startup_times)
            net = max(sec - start, 1e-9)
            row = {'tool': t.name, 'pages': n_pages, 'mb_html': round(mb, 3),
                   'seconds': round(sec, 4), 'pages_per_s': n_pages / sec, 'mb_per_s': mb / sec,
                   'startup_s': round(start, 4), 'net_seconds': round(net, 4),
                   'net_pages_per_s': n_pages / net, 'net_mb_per_s': mb / net,
                   'all_seconds': [round(x, 4) for x in t.times],
                   'all_startup_seconds': [round(x, 4) for x in t.startup_times],
                   'input': 'html.gz' if t.in_dir == html_src else 'html'}
            if t.reported:
                row['peer_reported'] = {k: statistics.median(r[k] for r in t.reported)
                                        for k in ('import_s', 'loop_s') if all(k in r for r in t.reported)}
            results.append(row)
        base = next(r for r in results if r['tool'] == BASELINE)
        for r in results:
            r['ratio'] = r['pages_per_s'] / base['pages_per_s']
            r['net_ratio'] = r['net_pages_per_s'] / base['net_pages_per_s']

        say('')
        say('| tool | pages | MB of HTML | seconds | pages/s | MB/s | ratio to %s |' % BASELINE)
        say('|---|---:|---:|---:|---:|---:|---:|')
        for r in results:
            say('| %s | %d | %.2f | %.3f | %.1f | %.2f | %.2fx |' % (
                r['tool'], r['pages'], r['mb_html'], r['seconds'], r['pages_per_s'],
                r['mb_per_s'], r['ratio']))
        say('')
        say('Net of start-up (same command on an empty folder, median):')
        say('| tool | start-up s | net seconds | net pages/s | net MB/s | net ratio |')
        say('|---|---:|---:|---:|---:|---:|')
        for r in results:
            say('| %s | %.3f | %.3f | %.1f | %.2f | %.2fx |' % (
                r['tool'], r['startup_s'], r['net_seconds'], r['net_pages_per_s'],
                r['net_mb_per_s'], r['net_ratio']))
        for r in results:
            if 'peer_reported' in r:
                say('  %s own timing (median): %s' % (r['tool'], ', '.join(
                    '%s %.3f s' % kv for kv in sorted(r['peer_reported'].items()))))
        say('Headline ratio = raw end-to-end pages/s over %s pages/s, same session, same '
            'decompressed .html input, one core.' % BASELINE)

        # ---- corroborate page by page: the slowest pages and any failure
        per_page = []
        for name in sorted(os.listdir(html_dir)):
            dt, rc, err = run_once(pin, [binary, 'clean', os.path.join(html_dir, name)], args.timeout)
            per_page.append({'page': name.split('.')[0], 'seconds': round(dt, 4), 'rc': rc,
                             'stderr': err.strip()[-300:]})
        per_page.sort(key=lambda p: -p['seconds'])
        bad = [p for p in per_page if p['rc'] != 0]
        say('')
        say('corroborate page by page (one process per page, start-up included): slowest '
            + ', '.join('%s… %.3f s' % (p['page'][:12], p['seconds']) for p in per_page[:5]))
        if bad:
            for p in bad:
                say('  page %s: exit %d %s' % (p['page'], p['rc'], p['stderr']))
        else:
            say('  every page: exit status 0')

        # ---- quality on the same pages
        quality = {}
        if args.no_quality:
            pass
        elif not os.path.isfile(scorer):
            say('quality: scorer not found at %s; skipped' % scorer)
        else:
            say('')
            for t in tools:
                pred = os.path.join(tmp, 'pred-%d.json' % len(quality))
                if t.name == 'corroborate (.gz)':
                    extra = ['--bin', binary]          # the scorer runs `clean DATA/html` itself
                elif t.writes_dir:
                    missing = peer_predictions(outputs[t.name], ids, pred)
                    if missing:
                        say('  %s: %d pages without an output file' % (t.name, missing))
                    extra = ['--predictions', pred]
                else:
                    corroborate_predictions(outputs[t.name], pred)
                    extra = ['--predictions', pred]
                m = score(scorer, args.data, extra, args.timeout)
                if m:
                    quality[t.name] = {k: m.get(k) for k in
                                       ('f1', 'precision', 'recall', 'accuracy', 'pages',
                                        'pages_predicted', 'problems', 'summary')}
                    lowest = [l for l in m['report'].splitlines() if l.startswith('lowest pages')]
                    quality[t.name]['lowest'] = lowest[0] if lowest else ''
            say('| tool | F1 | precision | recall | accuracy | pages with text |')
            say('|---|---:|---:|---:|---:|---:|')
            for name, q in quality.items():
                say('| %s | %.3f | %.3f | %.3f | %.3f | %d/%d |' % (
                    name, q['f1'], q['precision'], q['recall'], q['accuracy'],
                    q['pages_predicted'], q['pages']))
            for name, q in quality.items():
                if q['lowest']:
                    say('  %s %s' % (name, q['lowest']))
                if q.get('problems'):
                    say('  %s problems: %s' % (name, q['problems']))

        try:
            machine['loadavg_at_end'] = ' '.join('%.2f' % x for x in os.getloadavg())
        except OSError:
            pass
        say('load average at the end: %s (above 1 on this machine means other work shared '
            'the cores: noisy figures)' % machine.get('loadavg_at_end', 'unknown'))
        if args.json:
            with open(args.json, 'w', encoding='utf-8') as f:
                json.dump({'machine': machine, 'versions': versions, 'reps': args.reps,
                           'pinned': ' '.join(pin) or None, 'pages': n_pages,
                           'mb_html': mb, 'mb_gz': gz_bytes / 1e6, 'baseline': BASELINE,
                           'speed': results, 'quality': quality,
                           'corroborate_per_page_slowest': per_page[:10],
                           'corroborate_per_page_failures': bad},
                          f, indent=2)
            say('wrote ' + args.json)
        say('versions: ' + '; '.join('%s: %s' % kv for kv in versions.items()))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
