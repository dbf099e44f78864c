#!/usr/bin/env python3
"""Quotes and their speakers on ../shared/eval/events, end to end: a quote counts
when it is found AND its speaker is right, matched exactly as
../shared/eval/score_events.py part (e) matches them (its own locate_all, overlap
and speaker_ok). Prints P, R and F1 of that, the speaker accuracy per gold
speaker kind, and with --errors every missed quote and wrong speaker with its
context, for finding kinds of error (not for fitting: GUIDELINE.md's gold is a
development set).

Gold quotes of kind "unknown" have no speaker to get right: they count as
found-but-wrong here, so this F1 is slightly stricter than the scorer's view.

With --sample FILE N SEED it instead prints N quotes drawn at random (seeded) from
`corroborate extract FILE` (JSON Lines with a `text` field, such as
../shared/eval/stories-real/articles.jsonl, which has no quote gold) with their
speaker and context, for reading them by hand.

usage: python3 bench/quotes_events.py [--bin build/corroborate] [--data ../shared/eval/events] [--errors]
       python3 bench/quotes_events.py --sample FILE N SEED [--bin build/corroborate]
Not a test. Standard-library Python 3 only.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--bin', default='build/corroborate')
    ap.add_argument('--data', default=os.path.join('..', 'shared', 'eval', 'events'))
    ap.add_argument('--errors', action='store_true')
    ap.add_argument('--sample', nargs=3, metavar=('FILE', 'N', 'SEED'))
    args = ap.parse_args()
    if args.sample:
        return sample(args.bin, args.sample[0], int(args.sample[1]), int(args.sample[2]))
    eval_dir = os.path.dirname(os.path.abspath(args.data))
    if not os.path.isdir(args.data):
        print('quotes_events: skipped, no %s' % args.data)
        return 0
    sys.path.insert(0, eval_dir)
    import _common as C  # noqa: E402  (the shared scorers' helpers)
    import score_events as S  # noqa: E402

    docs = [json.loads(l) for l in open(os.path.join(args.data, 'texts.jsonl'), encoding='utf-8') if l.strip()]
    gold = {}
    for fn in sorted(os.listdir(os.path.join(args.data, 'gold'))):
        if fn.endswith('.json') and not fn.startswith('story__'):
            g = json.load(open(os.path.join(args.data, 'gold', fn), encoding='utf-8'))
            gold[g['id']] = g
    docs = [d for d in docs if d['id'] in gold]
    out = subprocess.run([args.bin, 'extract', '-'], input=''.join(json.dumps(d, ensure_ascii=False) + '\n' for d in docs),
                         capture_output=True, text=True, check=False).stdout
    records = {}
    for line in out.splitlines():
        r = json.loads(line)
        records[r['id']] = r

    t = collections.Counter()
    kinds = collections.defaultdict(lambda: [0, 0])  # right, judged
    for d in docs:
        text, qs = d['text'], [q for q in records.get(d['id'], {}).get('quotes', []) if isinstance(q, dict)]
        where = C.locate_all(text, qs, C.Issues())
        preds = [(where.get(id(q)), q) for q in qs]
        used = set()
        for g in gold[d['id']].get('quotes', []):
            s = text.find(g.get('text') or '\0')
            if s < 0:
                continue
            span = (s, s + len(g['text']))
            t['gold'] += 1
            best, best_len = None, 0
            for i, (ps, _) in enumerate(preds):
                if i in used or not C.overlap(span, ps):
                    continue
                ov = min(span[1], ps[1]) - max(span[0], ps[0])
                if ov > best_len:
                    best, best_len = i, ov
            context = text[max(0, s - 160):span[1] + 100].replace('\n', ' / ')
            if best is None:
                if args.errors:
                    print('MISSED [%s] %s\n  %s\n' % (g.get('speaker_kind'), g.get('speaker'), context))
                continue
            used.add(best)
            q = preds[best][1]
            ok = S.speaker_ok(g, q)
            t['tp'] += ok
            kind = g.get('speaker_kind') or 'unknown'
            if kind != 'unknown':
                kinds[kind][0] += ok
                kinds[kind][1] += 1
            if args.errors and not ok and kind != 'unknown':
                print('SPEAKER [%s] gold %s / %s / %s, got %s / %s / %s\n  %s\n' % (
                    kind, g.get('speaker'), g.get('speaker_role'), g.get('speaker_org'),
                    q.get('speaker'), q.get('speaker_role'), q.get('speaker_org'), context))
        t['pred'] += len(preds)
    p = t['tp'] / t['pred'] if t['pred'] else 0.0
    r = t['tp'] / t['gold'] if t['gold'] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    right = sum(v[0] for v in kinds.values())
    judged = sum(v[1] for v in kinds.values())
    print('speaker accuracy %d/%d (%s)' % (right, judged, ', '.join(
        '%s %d/%d' % (k, v[0], v[1]) for k, v in sorted(kinds.items()))))
    print("end to end (found and speaker right): %d right, %d quotes predicted, %d in gold: P %.3f R %.3f F1 %.3f" % (
        t['tp'], t['pred'], t['gold'], p, r, f))
    return 0


def sample(binary, path, n, seed):
    """N quotes of `corroborate extract FILE`, drawn with random.Random(seed), with context."""
    import random
    texts = {}
    for line in open(path, encoding='utf-8'):
        if line.strip():
            d = json.loads(line)
            texts[d.get('id')] = d.get('text', '')
    out = subprocess.run([binary, 'extract', path], capture_output=True, text=True, check=False).stdout
    quotes = []
    for line in out.splitlines():
        r = json.loads(line)
        quotes += [(r['id'], q) for q in r.get('quotes', [])]
    random.Random(seed).shuffle(quotes)
    for i, (rid, q) in enumerate(quotes[:n], 1):
        text = texts.get(rid, '')
        at = text.find(q['text'][:60])
        context = text[max(0, at - 240):at + len(q['text']) + 120].replace('\n', ' / ') if at >= 0 else '?'
        mention = (q.get('speaker_mention') or {}).get('text')
        print('%d. [%s] %s (role %s, org %s; named by %r)\n   %s\n' % (
            i, q.get('speaker_kind'), q.get('speaker'), q.get('speaker_role'), q.get('speaker_org'), mention, context))
    return 0


if __name__ == '__main__':
    sys.exit(main())
