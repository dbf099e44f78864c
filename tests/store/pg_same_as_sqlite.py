#!/usr/bin/env python3
"""A PostgreSQL store answers as a SQLite store does (issue #18): `corroborate ingest` of the same
articles into both, then everything `corroborate serve` gives over each is compared: the stories
(list, reports, why), storylines, events, every article, the change log's latest sequence number, a
search's matching articles (as a set: ranking and snippets are the engines' own), and ingest's own
output (acknowledged ids, counts) including a second run that finds every article a duplicate.

PostgreSQL comes from CORROBORATE_TEST_PG (a connection URL; scripts/test.sh starts a throwaway
cluster); the test uses a schema of its own in it. Exits 77 (skipped) when it is unset."""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'serve'))
import serve_util  # noqa: E402


def psql(url, sql):
    subprocess.run(['psql', '-q', '-v', 'ON_ERROR_STOP=1', url, '-c', 'SET client_min_messages = warning; ' + sql], check=True,
                   stdout=subprocess.DEVNULL)


def ingest(binary, db, inputs, acks):
    out = subprocess.run([binary, 'ingest', '--db', db, '--acks', acks, '--batch', '7', *inputs],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit('ingest into %s failed (%d): %s' % (db, out.returncode, out.stderr))
    with open(acks) as f:
        return out.stdout, sorted(f.read().split())


def everything(binary, db):
    """What the API gives over `db`, as one JSON-able value."""
    server = serve_util.Server(binary, db)
    try:
        def get(path):
            status, _, body = server.json('GET', path)
            return [status, body]

        def pages(path, key):
            items, page = [], 1
            while True:
                sep = '&' if '?' in path else '?'
                status, body = get('%s%spage=%d&per_page=100' % (path, sep, page))
                assert status == 200, (path, body)
                items += body[key]
                if page * 100 >= body['total']:
                    return items
                page += 1

        got = {}
        stories = pages('/api/stories', 'stories')
        got['stories'] = stories
        for s in stories:
            got['story ' + s['id']] = get('/api/stories/' + s['id'])
            got['why ' + s['id']] = get('/api/stories/%s/why' % s['id'])
            got['corrections ' + s['id']] = get('/api/stories/%s/corrections' % s['id'])
        storylines = pages('/api/storylines', 'storylines')
        got['storylines'] = storylines
        for line in storylines:
            got['storyline ' + line['id']] = get('/api/storylines/' + line['id'])
        got['events'] = pages('/api/events', 'events')
        articles = set()
        for s in stories:
            for a in get('/api/stories/' + s['id'])[1]['stories'][0].get('articles', []):
                articles.add(a['id'] if isinstance(a, dict) else a)
        for a in sorted(articles):
            got['article ' + a] = get('/api/articles/' + serve_util.quote(a))
            got['versions ' + a] = get('/api/articles/%s/versions' % serve_util.quote(a))
        for words in ('the', 'port', '"said on"', 'zzzznotaword'):
            found = pages('/api/search?q=' + urllib.parse.quote(words), 'results')
            got['search ' + words] = sorted((r['article'], r['story'], r['title']) for r in found)
        return got
    finally:
        server.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--examples', required=True)
    ap.add_argument('--generator', help='bench/generate_articles.py: also ingest --generate articles of it')
    ap.add_argument('--generate', type=int, default=300)
    args = ap.parse_args()
    base = os.environ.get('CORROBORATE_TEST_PG', '')
    if not base:
        print('CORROBORATE_TEST_PG is not set: no PostgreSQL to test on (scripts/test.sh starts one)')
        return 77
    schema = 'same_as_sqlite_%d' % os.getpid()
    pg = base + ('&' if '?' in base else '?') + 'options=-csearch_path%3D' + schema
    inputs = sorted(os.path.join(args.examples, f) for f in os.listdir(args.examples) if not f.endswith('.md'))
    psql(base, 'DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s' % (schema, schema))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            if args.generator:  # many stories, merges and storylines: more to compare than examples/
                generated = os.path.join(tmp, 'generated.jsonl')
                subprocess.run([sys.executable, args.generator, '--n', str(args.generate), '--seed', '18',
                                '--days', '20', '--out', generated], check=True, stdout=subprocess.DEVNULL)
                inputs.append(generated)
            sqlite = os.path.join(tmp, 'store.db')
            runs = {}
            for name, db in (('sqlite', sqlite), ('postgresql', pg)):
                first = ingest(args.bin, db, inputs, os.path.join(tmp, name + '.acks'))
                again = ingest(args.bin, db, inputs, os.path.join(tmp, name + '.acks2'))
                runs[name] = {'first': first, 'again': again, 'api': everything(args.bin, db)}
            a, b = runs['sqlite'], runs['postgresql']
            failures = []
            for part in ('first', 'again'):
                if a[part] != b[part]:
                    failures.append('ingest %s run: %r != %r' % (part, a[part], b[part]))
            keys = sorted(set(a['api']) | set(b['api']))
            for k in keys:
                if a['api'].get(k) != b['api'].get(k):
                    failures.append('%s:\n  sqlite:     %s\n  postgresql: %s' % (
                        k, json.dumps(a['api'].get(k))[:600], json.dumps(b['api'].get(k))[:600]))
            if not a['api']['stories'] or not a['first'][1]:
                failures.append('nothing was stored: the comparison would prove nothing')
            if failures:
                print('\n'.join(failures[:20]))
                print('%d of %d answers differ' % (len(failures), len(keys)))
                return 1
            print('the same %d answers (%d stories, %d acknowledged articles) from both engines' % (
                len(keys), len(a['api']['stories']), len(a['first'][1])))
            return 0
    finally:
        psql(base, 'DROP SCHEMA IF EXISTS %s CASCADE' % schema)


if __name__ == '__main__':
    sys.exit(main())
