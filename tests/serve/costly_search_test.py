#!/usr/bin/env python3
"""Costly searches do not tie up the server (issue #16, hole 1), against a real `corroborate serve`
on loopback over a store of 400 generated articles (bench/generate_articles.py, our own words).

While eight clients send the costliest searches we know of without a pause (FTS5's NEAR over 120
copies of "the", which took 13.5 s on this store before the fix; the same word 120 times; 32
distinct common words; a 32-word phrase; FTS5 operators and column filters), this process reads
stories and measures each read's latency. It checks:
  - every read is answered 200;
  - no read takes 2 s or more. Why 2 s: that is the store's time limit per search, so a read that
    had to wait for a worker held by a search would take about that long or more; a read that never
    waits takes milliseconds, and even on a loaded 2-core machine well under a second. Before the
    fix four searches held all four workers and reads waited until the server's 10 s queue timeout
    answered them 503;
  - every search is answered (200, 400 for what is not words or too long, 503 when too many
    searches run at once or one ran past its time limit) within 10 s (the 2 s limit plus a
    generous margin for a loaded machine), and no error message holds SQL or the FTS5 query;
  - a plain search still finds what it should, and FTS5 syntax reaches SQLite as words only.

usage: costly_search_test.py --bin build/corroborate --generator bench/generate_articles.py
Exit status: 0 pass, 1 failure, 77 skipped (no generator)."""
import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_util  # noqa: E402

ARTICLES = 400
ATTACKERS = 8
ATTACK_SECONDS = 8.0
READ_LIMIT_S = 2.0       # the store's search time limit (StoreOptions::search_time_limit_ms)
SEARCH_ANSWER_S = 10.0   # that limit plus a margin for a loaded machine

COMMON = 'the a of to in and said on for it its by with that at as is was from company'.split()
COSTLY = [
    'NEAR(' + ' '.join(['the'] * 120) + ', 10000)',
    ' '.join(['the'] * 120),
    ' '.join(COMMON + ['million', 'percent', 'year', 'market', 'group', 'chief', 'shares', 'deal',
                       'billion', 'analysts', 'plans', 'new']),
    '"' + ' '.join(['the'] * 32) + '"',
    ' OR '.join(COMMON),
    'text:the NOT title:zzz AND (the OR a)',
]
SQL_WORDS = ('SELECT', 'MATCH', 'articles_fts', 'FROM ')


def get(server, path, timeout=60):
    conn = http.client.HTTPConnection(server.host, server.port, timeout=timeout)
    try:
        conn.request('GET', path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--generator', required=True)
    args = ap.parse_args()
    if not os.path.exists(args.generator):
        print('SKIP: %s not found' % args.generator)
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, 'articles.jsonl')
        db = os.path.join(tmp, 'news.db')
        subprocess.run([sys.executable, args.generator, '--n', str(ARTICLES), '--seed', '7', '--out', corpus],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run([args.bin, 'ingest', '--db', db, corpus], check=True)
        server = serve_util.Server(args.bin, db)
        try:
            status, body = get(server, '/api/stories?per_page=5')
            stories = json.loads(body)['stories']
            targets = ['/api/stories?per_page=20'] + ['/api/stories/' + serve_util.quote(s['id']) for s in stories]

            # The search still works: a word of the corpus is found, and an operator is a word.
            status, body = get(server, '/api/search?q=' + urllib.parse.quote('analysts'))
            if status != 200 or json.loads(body)['total'] == 0:
                failures.append('a plain search failed: %d %r' % (status, body[:200]))
            status, body = get(server, '/api/search?q=' + urllib.parse.quote('analysts OR zzzznotaword'))
            if status != 200 or json.loads(body)['total'] != 0:
                failures.append('OR was read as an operator: %d %r' % (status, body[:200]))

            # Reads alone, for the report.
            alone = []
            for i in range(40):
                start = time.monotonic()
                get(server, targets[i % len(targets)])
                alone.append(time.monotonic() - start)

            stop = threading.Event()
            searches = []  # (query, status, seconds, body)
            lock = threading.Lock()

            def attack(k):
                i = k
                while not stop.is_set():
                    q = COSTLY[i % len(COSTLY)]
                    i += 1
                    start = time.monotonic()
                    try:
                        status, body = get(server, '/api/search?q=' + urllib.parse.quote(q), timeout=60)
                    except OSError as e:
                        status, body = 0, str(e).encode()
                    with lock:
                        searches.append((q, status, time.monotonic() - start, body))

            threads = [threading.Thread(target=attack, args=(k,)) for k in range(ATTACKERS)]
            for t in threads:
                t.start()
            time.sleep(0.5)  # the searches are running
            reads, failed = [], []
            end = time.monotonic() + ATTACK_SECONDS
            i = 0
            while time.monotonic() < end:
                target = targets[i % len(targets)]
                i += 1
                start = time.monotonic()
                try:
                    status, _ = get(server, target)
                except OSError as e:
                    status = str(e)
                reads.append(time.monotonic() - start)
                if status != 200:
                    failed.append((target, status))
                time.sleep(0.02)
            stop.set()
            for t in threads:
                t.join(timeout=120)

            print('costly_search: reads alone p50 %.1f ms; under %d searching clients: %d reads, p50 %.1f ms, '
                  'p99 %.1f ms, max %.1f ms, %d failed' %
                  (percentile(alone, 50) * 1000, ATTACKERS, len(reads), percentile(reads, 50) * 1000,
                   percentile(reads, 99) * 1000, max(reads) * 1000, len(failed)))
            by_status = {}
            for q, status, seconds, body in searches:
                by_status[status] = by_status.get(status, 0) + 1
            print('costly_search: %d searches answered: %s; slowest %.2f s' %
                  (len(searches), ', '.join('%s: %d' % kv for kv in sorted(by_status.items())),
                   max((s[2] for s in searches), default=0)))
            if failed:
                failures.append('%d reads failed, e.g. %r' % (len(failed), failed[0]))
            slow = [r for r in reads if r >= READ_LIMIT_S]
            if slow:
                failures.append('%d reads took %.0f ms or more (max %.0f ms)' % (len(slow), READ_LIMIT_S * 1000,
                                                                                  max(reads) * 1000))
            for q, status, seconds, body in searches:
                if status not in (200, 400, 503):
                    failures.append('search %r got %r after %.1f s: %r' % (q[:60], status, seconds, body[:200]))
                    break
                if seconds >= SEARCH_ANSWER_S:
                    failures.append('search %r took %.1f s' % (q[:60], seconds))
                    break
                if status != 200 and any(w in body.decode('utf-8', 'replace') for w in SQL_WORDS):
                    failures.append('an error message holds SQL: %r' % body[:200])
                    break
            # The FTS5 syntax error of the issue: a message about the search, no SQL.
            status, body = get(server, '/api/search?q=' + urllib.parse.quote('"unbalanced'))
            text = body.decode('utf-8', 'replace')
            if status != 400 or any(w in text for w in SQL_WORDS):
                failures.append('an unbalanced quote got %d %r' % (status, text[:200]))
        finally:
            code = server.stop()
        if code != 0:
            failures.append('serve exited %d after SIGTERM' % code)
    for f in failures:
        print('FAIL:', f)
    print('FAIL' if failures else 'PASS')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
