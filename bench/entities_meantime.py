#!/usr/bin/env python3
"""Entity mentions on MEANTIME: corroborate beside compromise, scored the way
../shared/eval/score_entities.py part (a) scores them, plus an error listing.

Both tools get the same 60 texts (the scorer's own load_corpus). corroborate is
run as `corroborate extract -` exactly as the scorer runs it; compromise runs
through the peers' `nlp_run.mjs compromise seeds` and its people, places and
organisations become PERSON, LOC and ORG mentions. compromise prints no
offsets, so each of its names is placed at the next occurrence of its text
after the previous name of the same list (its lists are in text order); the
scorer's own locate_all and score_doc do the rest.

Printed for each tool: P, R, F1 per type and micro, as the scorer prints them,
then the same restricted to MEANTIME's annotated opening (gold and predictions
starting before the end of sentence 6; sentence 1 is the date line): a
DIAGNOSTIC only. MEANTIME annotates names in those sentences alone; the
official figure is the whole-text one. --errors lists corroborate's false
positives and false negatives with their sentence numbers.

usage: python3 bench/entities_meantime.py [--bin build/corroborate] [--no-peer] [--errors]
Not a test. Standard-library Python 3 only.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(REPO), 'shared')
sys.dont_write_bytecode = True
OPENING_LAST_SENTENCE = 6   # MEANTIME's last annotated sentence (counted from the XML)
PEER_TYPES = {'people': 'PERSON', 'places': 'LOC', 'organizations': 'ORG'}


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--bin', default=os.path.join(REPO, 'build', 'corroborate'))
    ap.add_argument('--eval', default=os.path.join(SHARED, 'eval'))
    ap.add_argument('--peers', default=os.path.join(REPO, '.peers'))
    ap.add_argument('--no-peer', action='store_true', help='corroborate only')
    ap.add_argument('--errors', action='store_true',
                    help="list corroborate's false positives and negatives with sentence numbers")
    ap.add_argument('--oracle', action='store_true',
                    help='also score the oracle (the gold names and their later repeats: a ceiling) and list a '
                         'sample of our later mentions that repeat no opening name')
    ap.add_argument('--json', metavar='OUT', help='also write every figure as JSON')
    return ap.parse_args()


def corroborate_records(binary, docs):
    articles = [{k: d[k] for k in ('id', 'url', 'published', 'text') if d.get(k)} for d in docs]
    stdin = ''.join(json.dumps(a, ensure_ascii=False) + '\n' for a in articles)
    out = subprocess.run([binary, 'extract', '-'], input=stdin, capture_output=True,
                         text=True, check=True).stdout
    recs = [json.loads(line) for line in out.splitlines() if line.strip()]
    return {r.get('id'): r for r in recs}


def place_in_order(text, names):
    """Offsets for names listed in text order: each at the next occurrence of its text after the
    previous one (case-insensitively), else at its first occurrence."""
    placed, pos, low = [], 0, text.lower()
    for name in names:
        t = name.strip().strip('.,;:!?"\'')
        if not t:
            continue
        at = low.find(t.lower(), pos)
        if at < 0:
            at = low.find(t.lower())
        if at < 0:
            placed.append({'text': t})
            continue
        placed.append({'text': text[at:at + len(t)], 'start': at, 'end': at + len(t)})
        pos = at + len(t)
    return placed


def compromise_records(peers, docs):
    runner = os.path.join(peers, 'nlp_run.mjs')
    with tempfile.TemporaryDirectory(prefix='ent-meantime-') as tmp:
        src, out = os.path.join(tmp, 'in'), os.path.join(tmp, 'out')
        os.mkdir(src)
        for i, d in enumerate(docs):
            with open(os.path.join(src, '%03d.txt' % i), 'w', encoding='utf-8') as f:
                f.write(d['text'])
        subprocess.run(['node', runner, 'compromise', 'seeds', src, out], check=True,
                       capture_output=True, cwd=peers)
        with open(os.path.join(out, '_all.json'), encoding='utf-8') as f:
            files = json.load(f)['files']
        version = json.load(open(os.path.join(out, '_all.json'), encoding='utf-8'))['versions']
    recs = {}
    for i, d in enumerate(docs):
        res = files['%03d.txt' % i]
        ents = []
        for field, typ in PEER_TYPES.items():
            for m in place_in_order(d['text'], [x['text'] for x in res.get(field, [])]):
                m['type'] = typ
                ents.append(m)
        recs[d['id']] = {'id': d['id'], 'entities': ents}
    return recs, version


def opening_end(text):
    """Offset of the end of sentence OPENING_LAST_SENTENCE (sentences are lines)."""
    pos = -1
    for _ in range(OPENING_LAST_SENTENCE + 1):
        pos = text.find('\n', pos + 1)
        if pos < 0:
            return len(text)
    return pos


def opening_only(doc, rec, C):
    """The document and record cut to the annotated opening (for the diagnostic)."""
    end = opening_end(doc['text'])
    cut = dict(doc, entities=[e for e in doc['entities'] if e[0][0] < end])
    where = C.locate_all(doc['text'], rec.get('entities', []), C.Issues()) if rec else {}
    ents = [m for m in (rec or {}).get('entities', []) if id(m) in where and where[id(m)][0] < end]
    return cut, {'id': doc['id'], 'entities': ents}


def score(S, docs, recs, cut=False):
    C = S.C
    tally = collections.defaultdict(lambda: [0, 0, 0, 0])
    for d in docs:
        rec = recs.get(d['id'])
        if cut:
            d, rec = opening_only(d, rec, C)
        S.score_doc(d, rec, C.Issues(), tally)
    rows = {}
    for key, label in (('PER', 'PER'), ('ORG', 'ORG'), ('LOC', 'LOC')):
        rows[label] = tally[key]
    rows['micro'] = [sum(v[i] for v in rows.values()) for i in range(4)]
    out = {}
    for label, (tp, fp, fn, neutral) in rows.items():
        p, r, f = C.prf(tp, fp, fn)
        out[label] = {'gold': tp + fn, 'pred': tp + fp, 'tp': tp, 'P': p, 'R': r, 'F1': f}
    return out


def oracle_records(docs):
    """The best any tagger could print, by MEANTIME's own judgement: every scored gold name where
    it is annotated, and every later whole-word repeat of one of those names, with the type the
    annotators gave it, after the annotated opening. Real taggers also find names the opening
    never mentions, so the oracle's precision is an upper bound (see docs/EVALUATION.md)."""
    type_name = {'PER': 'PERSON', 'ORG': 'ORG', 'LOC': 'LOC'}
    recs = {}
    for d in docs:
        text, end = d['text'], opening_end(d['text'])
        ents, names = [], {}
        for (s, e), typ, syn in d['entities']:
            if syn == 'NAM' and typ in type_name:
                ents.append({'text': text[s:e], 'start': s, 'end': e, 'type': type_name[typ]})
                names.setdefault(text[s:e], type_name[typ])
        for name, typ in names.items():
            for m in re.finditer(r'(?<!\w)%s(?!\w)' % re.escape(name), text[end:]):
                ents.append({'text': name, 'start': end + m.start(), 'end': end + m.end(), 'type': typ})
        recs[d['id']] = {'id': d['id'], 'entities': ents}
    return recs


def late_new_names(S, docs, recs, sample=60, seed=7):
    """Our mentions after the annotated opening that repeat none of its gold names: their count and
    a seeded sample of them, to be judged by hand (the oracle's repeats leave these out)."""
    import random
    C = S.C
    found = []
    for d in docs:
        text, end = d['text'], opening_end(d['text'])
        names = {text[s:e] for (s, e), t, syn in d['entities'] if syn == 'NAM' and t in ('PER', 'ORG', 'LOC')}
        ents = [m for m in recs[d['id']]['entities'] if m.get('type') in ('PERSON', 'ORG', 'LOC')]
        where = C.locate_all(text, ents, C.Issues())
        for m in ents:
            w = where.get(id(m))
            if w and w[0] >= end and m['text'] not in names:
                found.append((m['type'], m['text'], d['id']))
    random.seed(seed)
    return len(found), random.sample(found, min(sample, len(found)))


def print_table(title, res):
    print('\n' + title)
    print('| type | gold | predicted | P | R | F1 |\n|---|---:|---:|---:|---:|---:|')
    for label, v in res.items():
        print('| %s | %d | %d | %.3f | %.3f | %.3f |' % (label, v['gold'], v['pred'], v['P'], v['R'], v['F1']))


def sentence_of(text, at):
    return text.count('\n', 0, at)


def list_errors(S, docs, recs):
    """Every false positive and false negative with its sentence number, by the scorer's matching:
    one-to-one by overlap and type; a prediction overlapping only unscored golds is neutral."""
    C = S.C
    fps, fns = [], []
    for d in docs:
        text, rec = d['text'], recs.get(d['id']) or {}
        ents = [m for m in rec.get('entities', []) if isinstance(m, dict)]
        where = C.locate_all(text, ents, C.Issues())
        for t in ('PER', 'ORG', 'LOC'):
            golds = [(s, typ == t and syn == 'NAM') for s, typ, syn in d['entities']
                     if (typ == t and syn in ('NAM',) + S.NAME_LIKE) or (typ is None and syn == 'NAM')]
            preds = [(where.get(id(m)), m) for m in ents if S.TYPES.get(m.get('type')) == t]
            used = set()
            for span, scored in golds:
                if not scored:
                    continue
                best, best_len = None, 0
                for i, (ps, _) in enumerate(preds):
                    if i in used or not C.overlap(span, ps):
                        continue
                    ov = min(span[1], ps[1]) - max(span[0], ps[0])
                    if ov > best_len:
                        best, best_len = i, ov
                if best is None:
                    fns.append((d['id'], sentence_of(text, span[0]), t, text[span[0]:span[1]]))
                else:
                    used.add(best)
            for i, (ps, m) in enumerate(preds):
                if i in used:
                    continue
                hits = [sc for span, sc in golds if C.overlap(span, ps)]
                if hits and not any(hits):
                    continue
                other = [typ for s, typ, syn in d['entities'] if ps and C.overlap(s, ps)]
                fps.append((d['id'], sentence_of(text, ps[0]) if ps else -1, t, m.get('text'),
                            ','.join(sorted({o or '?' for o in other}))))
    print('\nFalse positives (%d; %d in sentences 0-%d):' % (
        len(fps), sum(1 for f in fps if 0 <= f[1] <= OPENING_LAST_SENTENCE), OPENING_LAST_SENTENCE))
    for doc, sent, t, txt, other in sorted(fps, key=lambda f: (f[1] > OPENING_LAST_SENTENCE, f)):
        print('  FP s%-3d %-3s %-40s %s%s' % (sent, t, txt, doc, ' (gold here: %s)' % other if other else ''))
    print('\nFalse negatives (%d):' % len(fns))
    for doc, sent, t, txt in sorted(fns):
        print('  FN s%-3d %-3s %-40s %s' % (sent, t, txt, doc))


def main():
    args = parse_args()
    if not os.path.isdir(os.path.join(args.eval, 'meantime')):
        print('entities_meantime: skipped: no %s/meantime' % args.eval)
        return
    sys.path.insert(0, args.eval)
    import score_entities as S  # noqa: E402  the scorer's own loading and scoring
    docs = S.load_corpus(os.path.join(args.eval, 'meantime'))
    tools = {'corroborate': corroborate_records(args.bin, docs)}
    versions = {}
    if not args.no_peer:
        if os.path.exists(os.path.join(args.peers, 'nlp_run.mjs')):
            tools['compromise'], versions = compromise_records(args.peers, docs)
        else:
            print('compromise skipped: no %s/nlp_run.mjs (bash bench/setup_peers.sh)' % args.peers)
    figures = {}
    if args.oracle:
        tools['oracle (ceiling)'] = oracle_records(docs)
    for name, recs in tools.items():
        figures[name] = {'whole text (official)': score(S, docs, recs),
                         'annotated opening, sentences 0-%d (diagnostic)' % OPENING_LAST_SENTENCE:
                             score(S, docs, recs, cut=True)}
        for title, res in figures[name].items():
            print_table('%s, %s%s' % (name, title, ' ' + json.dumps(versions) if name == 'compromise' else ''), res)
    if args.oracle:
        count, sample = late_new_names(S, docs, tools['corroborate'])
        print('\ncorroborate mentions after sentence %d that repeat no opening name: %d; a sample of %d '
              '(seed 7) to judge:' % (OPENING_LAST_SENTENCE, count, len(sample)))
        for typ, txt, doc in sample:
            print('  %-6s %-40s %s' % (typ, txt, doc))
    if args.errors:
        list_errors(S, docs, tools['corroborate'])
    if args.json:
        with open(args.json, 'w', encoding='utf-8') as f:
            json.dump({'figures': figures, 'versions': versions}, f, indent=1)


if __name__ == '__main__':
    main()
