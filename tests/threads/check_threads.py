#!/usr/bin/env python3
"""Thread-count test: every command prints byte-identical output (stdout, stderr and exit status)
with --threads 1, 2 and 4, on examples/, on the bad-input golden case (problems interleaved with
articles) and on a few hundred generated articles (bench/generate_articles.py, fixed seed; many
stories and reprints, so the clusterer's order-dependent state is exercised). The per-article
stages run in parallel and the clusterer and output in input order (src/pipeline/ordered_run.h):
any dependence on scheduling shows up here as a difference.

`ingest` must also leave a byte-identical store (every table, as an SQL dump) and --acks file, with
small batches so that stories span many of them: into a fresh store, then the same inputs again
(every article already stored). One more corpus repeats articles right after a batch boundary,
once unchanged and once with other text under the same id, then a line without text: a parallel
run prepares the copies before the batch holding the original commits, yet must count one a
duplicate and reject the other exactly as one thread does (when read, so before the line after
it); that corpus's outcome is also checked against what it was built to hold.

usage: check_threads.py --bin build/corroborate --root REPO [--articles 300]"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

COMMANDS = [['clean'], ['extract'], ['cluster'], ['analyze', '--json'], ['analyze']]
THREADS = ['1', '2', '4']


def run(binary, command, threads, inputs):
    p = subprocess.run([binary] + command + ['--threads', threads] + inputs,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    return p.returncode, p.stdout, p.stderr


INGEST_BATCH = 7  # small: stories span many batches, and copies below land right after a boundary


def dump(db):
    con = sqlite3.connect(db)
    try:
        return '\n'.join(con.iterdump()).encode('utf-8')
    finally:
        con.close()


def ingest_twice(binary, threads, inputs, tmp):
    """Ingests `inputs` into a fresh store, then again: for each run its exit status, stdout,
    stderr, the acks it appended, and the store's SQL dump."""
    db = os.path.join(tmp, 'threads%s.db' % threads)
    acks = os.path.join(tmp, 'acks%s.txt' % threads)
    runs = []
    for _ in range(2):
        size = os.path.getsize(acks) if os.path.exists(acks) else 0
        code, out, err = run(binary, ['ingest', '--db', db, '--acks', acks, '--batch', str(INGEST_BATCH)],
                             threads, inputs)
        with open(acks, 'rb') as f:
            f.seek(size)
            runs.append((code, out, err, f.read(), dump(db)))
    return runs


def with_copies(generated, path, articles):
    """Writes the first `articles` generated articles to `path`, and after each line that fills a
    batch (counting the lines that reach a batch: articles and unchanged copies) a copy of that
    line, a copy with other text under the same id, and a line without text. Returns the ids line
    by line (None for a line without text), the line numbers (1-based) of the changed copies and
    those of the lines without text."""
    with open(generated, encoding='utf-8') as f:
        lines = f.read().splitlines()[:articles]
    out, ids, changed, empty = [], [], [], []
    batched = 0
    for i, line in enumerate(lines):
        out.append(line)
        ids.append(json.loads(line)['id'])
        batched += 1
        if batched % INGEST_BATCH:
            continue
        other = json.loads(line)
        other['text'] += ' A sentence the first copy does not have.'
        out += [line, json.dumps(other), '{"id": "no-text-%d"}' % i]
        ids += [ids[-1], ids[-1], None]
        batched += 1  # the unchanged copy opens the next batch
        changed.append(len(out) - 1)
        empty.append(len(out))
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
    return ids, changed, empty


def check_copies(path, ids, changed, empty, first_run):
    """What the corpus of with_copies was built to hold: each id stored once, in order of first
    appearance; every changed copy and line without text rejected, in input order (a copy is
    rejected when it is read, as the original was committed by then), and nothing else; the id of
    every other line acknowledged once, in input order."""
    code, _, err, acks, _ = first_run
    problems = []
    err = err.decode('utf-8')
    rejected = [int(line.split(':')[2]) for line in err.splitlines()]
    if code != 3 or rejected != sorted(changed + empty) or err.count('different content') != len(changed):
        problems.append('rejected lines %r (exit %d), want %r' % (rejected[:6], code, sorted(changed + empty)[:6]))
    unique = list(dict.fromkeys(i for i in ids if i))
    con = sqlite3.connect(path)
    stored = [r[0] for r in con.execute('SELECT id FROM articles ORDER BY rowid')]
    con.close()
    if stored != unique:
        problems.append('stored %d articles, want the %d distinct ids in input order' % (len(stored), len(unique)))
    acked = [json.loads(line) for line in acks.decode('utf-8').splitlines()]
    skipped = set(changed + empty)
    # Each id once (issue #16): an unchanged copy is acknowledged by its original's line.
    want = list(dict.fromkeys(i for n, i in enumerate(ids, 1) if n not in skipped))
    if acked != want:
        problems.append('acknowledged %d ids, want %d (each id of a line not rejected, once, in order)' %
                        (len(acked), len(want)))
    return problems


def check_ingest(binary, corpora, tmp, copies):
    failures = 0
    for name, inputs in corpora.items():
        label = 'ingest on %s' % name
        outputs = {}
        for t in THREADS:
            work = os.path.join(tmp, 'ingest-%s' % name)
            os.makedirs(work, exist_ok=True)
            outputs[t] = ingest_twice(binary, t, inputs, work)
        first = outputs[THREADS[0]]
        problems = []
        if not first[0][3]:
            problems.append('nothing acknowledged')
        for t in THREADS[1:]:
            for run_name, a, b in zip(('fresh store', 'again'), first, outputs[t]):
                what = [k for k, x, y in zip(('exit status', 'stdout', 'stderr', 'acks', 'store'), a, b) if x != y]
                if what:
                    problems.append('--threads %s differs from --threads 1 (%s) in %s' % (t, run_name, ', '.join(what)))
        if name in copies:
            for t in THREADS:
                problems += ['--threads %s: %s' % (t, p) for p in check_copies(
                    os.path.join(tmp, 'ingest-%s' % name, 'threads%s.db' % t), *copies[name], outputs[t][0])]
        for p in problems:
            print('FAIL %s: %s' % (label, p))
        failures += bool(problems)
        if not problems:
            print('PASS %s: store of %d bytes (SQL), %d bytes of acks, exit %d, identical for --threads %s' % (
                label, len(first[0][4]), len(first[0][3]), first[0][0], ', '.join(THREADS)))
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--root', required=True)
    ap.add_argument('--articles', type=int, default=300)
    args = ap.parse_args()
    sys.path.insert(0, os.path.join(args.root, 'bench'))
    import generate_articles

    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        generated = os.path.join(tmp, 'generated.jsonl')
        generate_articles.generate(args.articles, 7, generated, days=20, progress=False)
        corpora = {
            'examples': [os.path.join(args.root, 'examples')],
            'bad-input': [os.path.join(args.root, 'tests', 'golden', 'bad-input', 'input.jsonl')],
            'generated': [generated],
        }
        for name, inputs in corpora.items():
            for command in COMMANDS:
                outputs = {t: run(args.bin, command, t, inputs) for t in THREADS}
                first = outputs[THREADS[0]]
                label = '%s on %s' % (' '.join(command), name)
                if not first[1]:
                    print('FAIL %s: no output' % label)
                    failures += 1
                    continue
                for t in THREADS[1:]:
                    if outputs[t] != first:
                        what = [k for k, a, b in zip(('exit status', 'stdout', 'stderr'), first, outputs[t]) if a != b]
                        print('FAIL %s: --threads %s differs from --threads 1 in %s' % (label, t, ', '.join(what)))
                        failures += 1
                        break
                else:
                    print('PASS %s: %d bytes, exit %d, identical for --threads %s' % (
                        label, len(first[1]), first[0], ', '.join(THREADS)))
        copied = os.path.join(tmp, 'copies.jsonl')
        copies = {'copies across batches': with_copies(generated, copied, 120)}
        corpora['copies across batches'] = [copied]
        failures += check_ingest(args.bin, corpora, tmp, copies)
    print('threads: %s' % ('%d failed' % failures if failures else 'all identical'))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
