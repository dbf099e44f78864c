#!/usr/bin/env python3
"""Crash safety of `corroborate ingest` (issue #8): kills ingest with SIGKILL at random moments, at
least --kills times, on a generated corpus (bench/generate_articles.py). After each kill the store
must pass PRAGMA integrity_check, hold every article ingest acknowledged (--acks: an id is written
there only after its transaction committed), hold each article at most once, and hold a prefix of the
input (batches commit in input order). Finally an uninterrupted re-run must add exactly the missing
articles, and the stories must be those of a store built without interruption.

usage: crash_test.py --bin build/corroborate --generator bench/generate_articles.py [--kills 20]
"""
import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def fail(msg):
    print('crash_test: FAIL: ' + msg, file=sys.stderr)
    sys.exit(1)


def stored(db):
    con = sqlite3.connect(db)
    try:
        check = con.execute('PRAGMA integrity_check').fetchall()
        if check != [('ok',)]:
            fail('integrity_check: %r' % check[:5])
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'stories'").fetchall():
            return [], {}, {}  # killed before the schema was committed: nothing stored yet
        ids = [r[0] for r in con.execute('SELECT id FROM articles ORDER BY rowid')]
        stories = dict(con.execute('SELECT id, story FROM articles'))
        reports = dict(con.execute('SELECT id, report FROM stories'))
        return ids, stories, reports
    finally:
        con.close()


def acknowledged(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    # The last line may be cut by the kill; every complete line is an id (a JSON string).
    return [json.loads(line) for line in lines[:-1]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--generator', required=True)
    ap.add_argument('--kills', type=int, default=20)
    ap.add_argument('--articles', type=int, default=500)
    ap.add_argument('--batch', type=int, default=8)
    ap.add_argument('--seed', type=int, default=int(time.time()))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    print('crash_test: seed %d' % args.seed)

    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, 'articles.jsonl')
        subprocess.run([sys.executable, args.generator, '--n', str(args.articles), '--seed', '3', '--out', corpus],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(corpus, encoding='utf-8') as f:
            order = [json.loads(line)['id'] for line in f]

        # The reference: one uninterrupted run, timed to place the kills.
        ref_db = os.path.join(tmp, 'reference.db')
        t0 = time.monotonic()
        subprocess.run([args.bin, 'ingest', '--db', ref_db, '--batch', str(args.batch), corpus], check=True)
        full_run = time.monotonic() - t0
        ref_ids, ref_stories, ref_reports = stored(ref_db)
        if ref_ids != order:
            fail('the reference run did not store the corpus in input order')

        db = os.path.join(tmp, 'crash.db')
        acks = os.path.join(tmp, 'acks.txt')
        kills = restarts_from_empty = 0
        while kills < args.kills:
            proc = subprocess.Popen([args.bin, 'ingest', '--db', db, '--acks', acks, '--batch', str(args.batch), corpus],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            # Kill anywhere from start-up to well into the run; most kills land mid-batch.
            time.sleep(rng.uniform(0.0, full_run / 6))
            proc.send_signal(signal.SIGKILL)
            _, err = proc.communicate()
            if proc.returncode != -signal.SIGKILL:
                if proc.returncode != 0:
                    fail('ingest exited with %d: %s' % (proc.returncode, err.decode(errors='replace')))
                # It finished before the kill: start again from an empty store so kills keep landing.
                for suffix in ('', '-wal', '-shm'):
                    if os.path.exists(db + suffix):
                        os.remove(db + suffix)
                os.remove(acks)
                restarts_from_empty += 1
                continue
            kills += 1
            ids, _, _ = stored(db)
            if len(ids) != len(set(ids)):
                fail('an article is stored twice after kill %d' % kills)
            if ids != order[:len(ids)]:
                fail('after kill %d the store does not hold a prefix of the input' % kills)
            missing = set(acknowledged(acks)) - set(ids)
            if missing:
                fail('after kill %d, %d acknowledged articles are missing, e.g. %s' % (kills, len(missing), sorted(missing)[0]))
            print('crash_test: kill %d: %d articles stored, %d acknowledged' % (kills, len(ids), len(set(acknowledged(acks)))))

        before, _, _ = stored(db)
        done = subprocess.run([args.bin, 'ingest', '--db', db, '--acks', acks, corpus], capture_output=True)
        if done.returncode != 0:
            fail('the final run exited with %d: %s' % (done.returncode, done.stderr.decode(errors='replace')))
        ids, stories, reports = stored(db)
        if ids != order:
            fail('after the final run the store does not hold each article once, in input order')
        acked = acknowledged(acks)
        if set(acked) != set(order):
            fail('the acknowledgements do not cover the corpus')
        if stories != ref_stories or reports != ref_reports:
            fail('the stories differ from those of an uninterrupted run')
        print('crash_test: %d kills (%d runs finished first); the final run added the %d missing articles; '
              'stories equal the uninterrupted run\'s' % (kills, restarts_from_empty, len(order) - len(before)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
