#!/usr/bin/env python3
"""The `corroborate ingest` command line: silent but for problems when not on a terminal, a
progress bar and a summary on one, bad lines named and skipped with the rest stored, and the exit
statuses of CONTRACT.md (0, 3, 2) plus 1 when the store itself cannot be used.

usage: ingest_cli_test.py --bin build/corroborate --examples examples
"""
import argparse
import os
import pty
import sqlite3
import subprocess
import sys
import tempfile

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print('ingest_cli_test: FAIL: ' + what, file=sys.stderr)


def count(db):
    con = sqlite3.connect(db)
    try:
        return con.execute('SELECT count(*) FROM articles').fetchone()[0]
    finally:
        con.close()


def on_terminal(cmd):
    """Runs cmd with stdout and stderr on a pseudo-terminal; returns (exit status, what it showed)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    os.close(slave)
    shown = b''
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed: the program ended
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return proc.wait(), shown.decode('utf-8', errors='replace')


def example_count(folder):
    """The articles of examples/: one per page or text file, one per line of a JSON Lines file."""
    n = 0
    for name in os.listdir(folder):
        if name.endswith(('.txt', '.html')):
            n += 1
        elif name.endswith('.jsonl'):
            with open(os.path.join(folder, name), encoding='utf-8') as f:
                n += sum(1 for line in f if line.strip())
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--examples', required=True)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, 'a.db')
        r = subprocess.run([args.bin, 'ingest', '--db', db, args.examples], capture_output=True)
        check(r.returncode == 0, 'examples: exit %d' % r.returncode)
        check(r.stdout == b'' and r.stderr == b'', 'not on a terminal, ingest printed %r %r' % (r.stdout, r.stderr))
        examples = example_count(args.examples)
        check(count(db) == examples, 'examples: %d articles stored' % examples)

        # Line 2 is not JSON, line 3 has no text: both named, lines 1 and 4 stored.
        bad = os.path.join(tmp, 'mixed.jsonl')
        with open(bad, 'w', encoding='utf-8') as f:
            f.write('{"id":"m1","text":"Dorvik Mills hired twenty weavers."}\n{oops\n{"id":"m3"}\n'
                    '{"id":"m4","text":"Sallow Rail ordered four trains."}\n')
        r = subprocess.run([args.bin, 'ingest', '--db', db, bad], capture_output=True, text=True)
        check(r.returncode == 3, 'mixed: exit %d, want 3' % r.returncode)
        lines = r.stderr.splitlines()
        check(len(lines) == 2 and lines[0].startswith('corroborate: %s:2: ' % bad)
              and lines[1].startswith('corroborate: %s:3: ' % bad), 'mixed: problems %r' % lines)
        check(count(db) == examples + 2, 'mixed: the two good lines stored')

        r = subprocess.run([args.bin, 'ingest', args.examples], capture_output=True)
        check(r.returncode == 2, 'no --db: exit %d, want 2' % r.returncode)
        other = os.path.join(tmp, 'other.db')
        con = sqlite3.connect(other)
        con.execute('CREATE TABLE t (x)')
        con.close()
        r = subprocess.run([args.bin, 'ingest', '--db', other, args.examples], capture_output=True, text=True)
        check(r.returncode == 1 and 'not a corroborate store' in r.stderr, 'another database: exit %d %r' % (r.returncode, r.stderr))

        status, shown = on_terminal([args.bin, 'ingest', '--db', os.path.join(tmp, 'b.db'), args.examples])
        check(status == 0, 'terminal: exit %d' % status)
        check('articles/s' in shown and 'stories' in shown, 'terminal: no progress bar in %r' % shown)
        check('%d new articles, 0 already stored, 0 skipped' % examples in shown, 'terminal: no summary in %r' % shown)
    print('ingest_cli_test: %s' % ('FAIL' if failures else 'ok'))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
