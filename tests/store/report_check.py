#!/usr/bin/env python3
"""Checks that the store keeps the report `corroborate analyze --json` gives: ingests INPUTs into a
fresh store, then compares each story of the analyze report with the stored report of that story
(GET /api/stories/{id} returns exactly that stored report, with its storyline put in). The stored
report of one story lists only that story's articles and leaves the storyline out (the stories
table holds it, since a storyline merge renames it without touching the story); otherwise the two
must be equal field for field, and the stored storyline must be analyze's.

With --generate N, the inputs are N articles made by bench/generate_articles.py (seeded), and a
small --batch makes stories span many batches, each re-analysed as articles join it; --split K
ingests them in K parts, each by a new process, which must read the older articles of a story back
from the store (its text extracted again) and replay the clusterer's state.

usage: report_check.py --bin build/corroborate [--batch N] [--generate N --generator PATH [--split K]]
       [INPUT...]
"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--batch', type=int, default=1000)
    ap.add_argument('--generate', type=int, default=0)
    ap.add_argument('--generator')
    ap.add_argument('--split', type=int, default=1)
    ap.add_argument('inputs', nargs='*')
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.generate:
            corpus = os.path.join(tmp, 'generated.jsonl')
            subprocess.run([sys.executable, args.generator, '--n', str(args.generate), '--seed', '5', '--out', corpus],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(corpus, encoding='utf-8') as f:
                lines = f.readlines()
            step = -(-len(lines) // args.split)
            for k in range(args.split):
                part = os.path.join(tmp, 'part%d.jsonl' % k)
                with open(part, 'w', encoding='utf-8') as f:
                    f.writelines(lines[k * step:(k + 1) * step])
            parts = [[os.path.join(tmp, 'part%d.jsonl' % k)] for k in range(args.split)]
        else:
            parts = [args.inputs]
        db = os.path.join(tmp, 'store.db')
        for part in parts:
            subprocess.run([args.bin, 'ingest', '--db', db, '--batch', str(args.batch)] + part, check=True)
        args.inputs = [p for part in parts for p in part]
        analyzed = json.loads(subprocess.run([args.bin, 'analyze', '--json'] + args.inputs, check=True,
                                             capture_output=True, text=True).stdout)
        con = sqlite3.connect(db)
        stored, lines = {}, {}
        for sid, report, line in con.execute('SELECT id, report, storyline FROM stories'):
            stored['s%d' % sid] = json.loads(report)
            lines['s%d' % sid] = 'l%d' % line
        con.close()

    articles = {a['id']: a for a in analyzed['articles']}
    problems = []
    if sorted(stored) != sorted(s['id'] for s in analyzed['stories']):
        problems.append('story ids differ: store %d, analyze %d' % (len(stored), len(analyzed['stories'])))
    for story in analyzed['stories']:
        got = stored.get(story['id'])
        if got is None:
            continue
        if lines[story['id']] != story.get('storyline'):
            problems.append('%s: storyline %s in the store, %s in analyze' % (story['id'], lines[story['id']],
                                                                             story.get('storyline')))
        story = {k: v for k, v in story.items() if k != 'storyline'}
        want = {'articles': [articles[i] for i in story['articles']], 'stories': [story]}
        if got != want:
            for key in ('articles', 'stories'):
                if got[key] != want[key]:
                    problems.append('%s: %s differ' % (story['id'], key))
    for p in problems[:20]:
        print('report_check:', p, file=sys.stderr)
    print('report_check: %d stories compared, %d differ' % (len(analyzed['stories']), len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
