#!/usr/bin/env python3
"""Live latency and memory of `corroborate serve --watch` (issue #17): 50 feeds on loopback, each its
own host (a port of 127.0.0.1), and articles from bench/generate_articles.py published on them over
time, each as an item whose link is its page.

1. Latency: one article at a time on a random feed, a random 0.2-0.6 s apart; for each, the time
   from the moment the feed changed to the moment the event stream (GET /api/stream) carried a
   story record listing that article among articles_added. Prints p50, p95 and max.
2. Memory: the rest of the 10,000 articles in rounds of a few per feed; the serve process's RSS
   (VmRSS) is sampled as the store grows, and printed at every 1,000 articles stored.

usage: python3 bench/watch_bench.py --bin build/corroborate [--articles 10000] [--changes 200]
       [--poll 0.5] [--host-interval 0.1] [--json OUT]"""

import argparse
import http.server
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
FEEDS = 50
KEEP = 50  # items a feed lists (the newest), as real feeds do


class Feeds:
    def __init__(self):
        self.lock = threading.Lock()
        self.items = [[] for _ in range(FEEDS)]   # per feed: newest last
        self.pages = {}                            # path -> bytes
        self.versions = [0] * FEEDS

    def publish(self, feed, article, port):
        path = '/a/%s.html' % article['id']
        body = '<html><head><meta charset="utf-8"><title>%s</title></head><body><article><h1>%s</h1>%s</article></body></html>' % (
            article['title'], article['title'], ''.join('<p>%s</p>' % p for p in article['text'].split('\n') if p))
        with self.lock:
            self.pages[path] = body.encode()
            self.items[feed].append((article, 'http://127.0.0.1:%d%s' % (port, path)))
            del self.items[feed][:-KEEP]
            self.versions[feed] += 1

    def feed(self, feed):
        with self.lock:
            items = list(self.items[feed])
            version = self.versions[feed]
        out = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>%s</title>' % ('Outlet %d' % feed)]
        for art, link in reversed(items):
            out.append('<item><guid>%s</guid><title>%s</title><link>%s</link><pubDate>%s</pubDate></item>' %
                       (art['id'], art['title'], link, art['published']))
        out.append('</channel></rss>')
        return ''.join(out).encode(), '"%d"' % version


def serve_feed(feeds, index):
    class H(http.server.BaseHTTPRequestHandler):
        protocol_version = 'HTTP/1.1'

        def log_message(self, *a):
            pass

        def do_GET(self):
            if self.path == '/robots.txt':
                return self.send(200, b'User-agent: *\nAllow: /\n', 'text/plain')
            if self.path == '/feed.xml':
                body, etag = feeds.feed(index)
                if self.headers.get('If-None-Match') == etag:
                    return self.send(304, b'', None, etag)
                return self.send(200, body, 'application/rss+xml', etag)
            with feeds.lock:
                page = feeds.pages.get(self.path)
            if page is None:
                return self.send(404, b'', 'text/plain')
            self.send(200, page, 'text/html; charset=utf-8')

        def send(self, status, body, ctype, etag=None):
            self.send_response(status)
            if ctype:
                self.send_header('Content-Type', ctype)
            if etag:
                self.send_header('ETag', etag)
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), H)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def rss_kb(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--bin', required=True)
    ap.add_argument('--articles', type=int, default=10000)
    ap.add_argument('--changes', type=int, default=200)
    ap.add_argument('--poll', type=float, default=0.5)
    ap.add_argument('--host-interval', type=float, default=0.1)
    ap.add_argument('--json')
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix='corroborate_watch_bench_')
    corpus = os.path.join(tmp, 'articles.jsonl')
    subprocess.run([sys.executable, os.path.join(HERE, 'generate_articles.py'), '--n', str(args.articles), '--seed', '7',
                    '--out', corpus], check=True, capture_output=True)
    articles = [json.loads(l) for l in open(corpus)]
    feeds = Feeds()
    servers = [serve_feed(feeds, i) for i in range(FEEDS)]
    ports = [s.server_address[1] for s in servers]
    sources = os.path.join(tmp, 'feeds.txt')
    with open(sources, 'w') as f:
        f.write(''.join('http://127.0.0.1:%d/feed.xml\n' % p for p in ports))
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    db = os.path.join(tmp, 'live.db')
    srv = subprocess.Popen([args.bin, 'serve', '--db', db, '--listen', '127.0.0.1:%d' % port, '--watch', sources,
                            '--poll', str(args.poll), '--host-interval', str(args.host_interval), '--connections', '16'],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    srv.stdout.readline()
    seen = {}  # article id -> time its story record arrived
    ready = threading.Event()

    def stream():
        with urllib.request.urlopen('http://127.0.0.1:%d/api/stream' % port, timeout=600) as r:
            ready.set()
            kind = None
            for raw in r:
                line = raw.decode().rstrip('\n')
                if line.startswith('event: '):
                    kind = line[7:]
                elif line.startswith('data: ') and kind == 'story':
                    now = time.monotonic()
                    for a in json.loads(line[6:]).get('articles_added', []):
                        seen.setdefault(a, now)
    threading.Thread(target=stream, daemon=True).start()
    ready.wait(10)
    time.sleep(1.5)  # every feed polled once (empty) and robots.txt read

    rng = random.Random(3)
    latencies = []
    next_article = 0
    for _ in range(args.changes):
        a = articles[next_article]
        next_article += 1
        feed = rng.randrange(FEEDS)
        feeds.publish(feed, a, ports[feed])
        changed = time.monotonic()
        deadline = changed + 10
        while a['id'] not in seen and time.monotonic() < deadline:
            time.sleep(0.005)
        latencies.append(seen.get(a['id'], float('inf')) - changed)
        time.sleep(rng.uniform(0.2, 0.6))
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    print('latency over %d changes: p50 %.3f s, p95 %.3f s, max %.3f s (poll %.2f s, host interval %.2f s)' %
          (len(latencies), p(0.5), p(0.95), latencies[-1], args.poll, args.host_interval))

    # Memory: the rest in rounds of up to 5 items per feed, a round once the store has caught up
    # to within a round of what was published (a feed lists its newest 50 items only: faster,
    # items would fall off a feed before the watcher took them, as they would from a real one).
    samples = []
    def stored():
        con = sqlite3.connect(db)
        try:
            return con.execute('SELECT count(*) FROM articles').fetchone()[0]
        finally:
            con.close()
    mark = 1000
    start = time.monotonic()
    while next_article < len(articles) or stored() < len(articles):
        if stored() < next_article - FEEDS * 5:
            time.sleep(args.poll)
            continue
        for feed in range(FEEDS):
            for _ in range(5):
                if next_article < len(articles):
                    feeds.publish(feed, articles[next_article], ports[feed])
                    next_article += 1
        time.sleep(args.poll)
        n = stored()
        while n >= mark:
            samples.append((mark, rss_kb(srv.pid)))
            print('%6d articles stored: serve RSS %d MB (%.0f s)' % (mark, samples[-1][1] // 1024, time.monotonic() - start))
            mark += 1000
        if time.monotonic() - start > 900:
            print('stopped after 15 minutes with %d stored' % n)
            break
    srv.terminate()
    srv.wait(30)
    if args.json:
        with open(args.json, 'w') as f:
            json.dump({'latencies': latencies, 'rss_kb': samples}, f)


if __name__ == '__main__':
    main()
