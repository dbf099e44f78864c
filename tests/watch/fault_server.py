"""A news site that misbehaves, for tests/watch and bench/watch_bench.py: feeds and pages that change
over time, served on 127.0.0.1 with the faults a real source has (slow and hanging responses, 304s,
404s, 500s, redirect loops, malformed and huge feeds, gzip bombs, pages that change between
fetches). Runs in the test's own process on a thread; the test changes `site` and reads its counters.

All articles are invented, about invented companies and people."""

import gzip
import http.server
import io
import json
import threading
import time
import zlib
from email.utils import formatdate


def rss(title, items):
    """An RSS 2.0 feed; items are dicts with guid, title, link, description, updated."""
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">'
           '<channel><title>%s</title>' % title]
    for it in items:
        out.append('<item><guid>%s</guid><title>%s</title><link>%s</link><description>%s</description>'
                   '<pubDate>%s</pubDate><atom:updated>%s</atom:updated></item>' %
                   (it['guid'], it['title'], it['link'], it.get('description', ''),
                    it.get('pubDate', 'Tue, 03 Mar 2026 08:00:00 GMT'), it.get('updated', '1')))
    out.append('</channel></rss>')
    return ''.join(out).encode()


def page(title, paragraphs, sidebar=''):
    body = ''.join('<p>%s</p>' % p for p in paragraphs)
    return ('<!doctype html><html><head><meta charset="utf-8"><title>%s</title></head><body>'
            '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            '<article><h1>%s</h1>%s</article><aside>%s</aside><footer>Contact us</footer></body></html>'
            % (title, title, body, sidebar)).encode()


def gzip_bomb(megabytes):
    """About megabytes/1000 MB of gzip that inflates to `megabytes` MB of zero bytes."""
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    parts = [c.compress(block) for _ in range(megabytes)]
    parts.append(c.flush())
    return b''.join(parts)


class Site:
    """What the server serves, changed by the test as it goes. `routes` maps a path to a callable
    (handler, request) -> None that writes the whole answer, or to (status, headers, body)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.routes = {}
        self.hits = {}          # path -> requests
        self.not_modified = 0   # 304s sent
        self.hooks = []         # JSON bodies POSTed to /hook
        self.robots = b'User-agent: *\nDisallow: /private/\n'

    def set(self, path, body, status=200, content_type='text/html; charset=utf-8', headers=None):
        with self.lock:
            self.routes[path] = (status, dict(headers or {}, **{'Content-Type': content_type}), body)

    def special(self, path, fn):
        with self.lock:
            self.routes[path] = fn

    def count(self, path):
        with self.lock:
            return self.hits.get(path, 0)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    site = None

    def log_message(self, *args):
        pass

    def do_POST(self):
        n = int(self.headers.get('Content-Length', '0'))
        body = self.rfile.read(n)
        with self.site.lock:
            self.site.hooks.append(json.loads(body or b'null'))
        self.send_response(204)
        self.send_header('Content-Length', '0')
        self.end_headers()

    def do_GET(self):
        path = self.path.split('?')[0]
        with self.site.lock:
            self.site.hits[path] = self.site.hits.get(path, 0) + 1
            route = self.site.routes.get(path)
            robots = self.site.robots
        if path == '/robots.txt' and route is None:
            route = (200, {'Content-Type': 'text/plain'}, robots)
        if route is None:
            return self.answer(404, {'Content-Type': 'text/plain'}, b'no such page')
        if callable(route):
            return route(self)
        status, headers, body = route
        etag = headers.get('ETag')
        if etag and self.headers.get('If-None-Match') == etag:
            with self.site.lock:
                self.site.not_modified += 1
            return self.answer(304, {'ETag': etag}, b'')
        self.answer(status, headers, body)

    def answer(self, status, headers, body):
        try:
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def hang(handler):
    """Accepts and never answers (until the server shuts down)."""
    time.sleep(60)


def slow(handler):
    """Headers at once, then one byte a second: a transfer that never ends in time."""
    try:
        handler.send_response(200)
        handler.send_header('Content-Type', 'application/rss+xml')
        handler.send_header('Content-Length', '100000')
        handler.end_headers()
        for _ in range(60):
            handler.wfile.write(b' ')
            handler.wfile.flush()
            time.sleep(1)
    except (BrokenPipeError, ConnectionResetError):
        pass


def redirect_to(target):
    def fn(handler):
        handler.answer(302, {'Location': target}, b'')
    return fn


def streamed_feed(title, n_items, link_prefix):
    """A feed of n_items generated while it is sent (chunked), so the server never holds it whole."""
    def fn(handler):
        try:
            handler.send_response(200)
            handler.send_header('Content-Type', 'application/rss+xml')
            handler.send_header('Transfer-Encoding', 'chunked')
            handler.end_headers()

            def chunk(b):
                handler.wfile.write(b'%x\r\n%s\r\n' % (len(b), b))
            chunk(b'<?xml version="1.0"?><rss><channel><title>%s</title>' % title.encode())
            for start in range(0, n_items, 1000):
                chunk(b''.join(b'<item><guid>%s-%d</guid><title>Filler note %d</title><link>%s%d</link>'
                               b'<description>Routine notice number %d about harbour tide tables.</description></item>'
                               % (title.encode(), i, i, link_prefix.encode(), i, i)
                               for i in range(start, min(n_items, start + 1000))))
            chunk(b'</channel></rss>')
            handler.wfile.write(b'0\r\n\r\n')
        except (BrokenPipeError, ConnectionResetError):
            pass
    return fn


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that gave up (the watcher's timeouts) is expected here, not an error


def start(site):
    handler = type('BoundHandler', (Handler,), {'site': site})
    server = QuietServer(('127.0.0.1', 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
