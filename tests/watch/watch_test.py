#!/usr/bin/env python3
"""`corroborate watch` against a misbehaving news site on 127.0.0.1 (fault_server.py): what it stores,
what it reports, and that no bad source holds up the good ones; then the same site changes (a
corrected page, a page whose chrome changes on every fetch, an unchanged feed answering 304), the
watcher is killed and restarted, a huge feed is read in flat memory, and `serve --watch` pushes the
changes on its event stream and notifies a watched entity.

Usage: watch_test.py --bin build/corroborate"""

import argparse
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fault_server as fs  # noqa: E402

FAILURES = []


def check(cond, what):
    print(('ok   ' if cond else 'FAIL ') + what)
    if not cond:
        FAILURES.append(what)


# Two outlets' articles about one invented story; the second version of the first corrects the
# number of jobs and rewords its quote.
STORY_A1 = ['Ferry engine maker Brindle Works plans to cut 900 jobs, the company said on Tuesday, as orders slow at its yard.',
            'Chief executive Maren Tollefsen said the cuts were "painful but necessary to protect the yard and its future".',
            'The company employs about 4,000 people in the region.']
STORY_A2 = ['Ferry engine maker Brindle Works plans to cut 1,100 jobs, the company said on Tuesday, as orders slow at its yard.',
            'Chief executive Maren Tollefsen said the cuts were "painful but needed to protect the yard and its future".',
            'The company employs about 4,000 people in the region.']
STORY_B = ['Brindle Works will cut 900 jobs at the Harwick yard, the ferry engine maker said on Tuesday.',
           'Union leader Tove Rask said workers had expected the Brindle Works job cuts since the spring.']
CHANGING = ['Lantern Bay council approved a new ferry timetable for the summer season on Monday.',
            'Councillor Edda Voss said the later sailings would help commuters from the islands.']


def item(base, guid, title, path, description='', updated='1'):
    return {'guid': guid, 'title': title, 'link': base + path, 'description': description, 'updated': updated}


def build_site(site, base):
    site.set('/pages/a.html', fs.page('Brindle Works to cut 900 jobs', STORY_A1))
    site.set('/pages/b.html', fs.page('Brindle Works job cuts at Harwick', STORY_B))
    counter = {'n': 0}

    def changing(handler):  # the chrome differs on every fetch; the article does not
        counter['n'] += 1
        handler.answer(200, {'Content-Type': 'text/html'},
                       fs.page('Summer ferry timetable approved', CHANGING, sidebar='Visitors today: %d' % counter['n']))
    site.special('/pages/changing.html', changing)
    site.set('/pages/private.html', fs.page('never fetched', ['The robots.txt forbids this page.']))
    site.set('/pages/bomb.html', fs.gzip_bomb(100), headers={'Content-Encoding': 'gzip'})
    good = [item(base, 'a', 'Brindle Works to cut 900 jobs', '/pages/a.html', 'Brindle Works cuts 900 jobs.'),
            item(base, 'b', 'Brindle Works job cuts at Harwick', '/pages/b.html'),
            item(base, 'changing', 'Summer ferry timetable approved', '/pages/changing.html'),
            item(base, 'gone', 'A page that is gone', '/pages/gone.html',
                 'Marrow Freight said on Monday it would open a depot in Sandvik with 120 staff.'),
            item(base, 'private', 'A page robots.txt forbids', '/private/p.html',
                 'Quillon Labs raised 12 million euros from Northgate Capital, it said on Monday.'),
            item(base, 'bomb', 'A page that is a gzip bomb', '/pages/bomb.html',
                 'Osprey Rail said on Monday it would hire 300 engineers in Dunmore.'),
            item(base, 'notext', 'Neither page nor text', '/pages/missing.html')]
    site.set('/feeds/good.rss', fs.rss('Fjord Ledger', good), content_type='application/rss+xml',
             headers={'ETag': '"v1"'})
    site.set('/feeds/error.rss', b'oops', status=500, content_type='text/plain')
    site.set('/feeds/missing.rss', b'gone', status=404, content_type='text/plain')
    site.special('/feeds/hang.rss', fs.hang)
    site.special('/feeds/slow.rss', fs.slow)
    site.special('/feeds/loop.rss', fs.redirect_to(base + '/feeds/loop2.rss'))
    site.special('/feeds/loop2.rss', fs.redirect_to(base + '/feeds/loop.rss'))
    site.set('/feeds/malformed.rss', b'<rss><channel><title>Broken Wire</title>\n'
             b'<item><guid>m1</guid><title>Ok one</title><description>Pell Mills said on Monday it would cut 40 jobs.'
             b'</description></item>\n<item><guid>m2</guid><title>Cut off</title><description>never </descr></item>\n'
             b'</channel></rss>', content_type='application/rss+xml')
    site.set('/feeds/bomb.rss', fs.gzip_bomb(1024), content_type='application/rss+xml',
             headers={'Content-Encoding': 'gzip'})


def run_watch(args, db, sources, extra=(), timeout=120):
    cmd = [args.bin, 'watch', '--once', '--db', db, '--host-interval', '0', '--timeout', '2000', '--retries', '1',
           '--threads', '1'] + list(extra) + sources
    start = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stderr, time.monotonic() - start


def rows(db, sql, *params):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def test_round_one(args, tmp, site, base):
    db = os.path.join(tmp, 'w.db')
    feeds = ['good', 'error', 'missing', 'hang', 'slow', 'loop', 'malformed', 'bomb']
    listing = os.path.join(tmp, 'sources.txt')
    with open(listing, 'w') as f:
        f.write('# feeds of the test site\n' + ''.join('%s/feeds/%s.rss\n' % (base, n) for n in feeds) + 'not a url\n')
    code, err, wall = run_watch(args, db, [listing])
    print(err)
    check(code == 3, 'exit status 3 when some source failed (got %s)' % code)
    arts = dict(rows(db, 'SELECT id, text FROM articles'))
    check('a' in arts and 'plans to cut 900 jobs, the company said' in arts['a'], "item a stored with its page's text")
    check('b' in arts and 'changing' in arts, 'items b and changing stored')
    check('Marrow Freight' in arts.get('gone', ''), "a 404 page: the item's own text is stored")
    check('Quillon Labs' in arts.get('private', ''), "a page robots.txt disallows: not fetched, the item's text stored")
    check(site.count('/private/p.html') == 0, 'the disallowed page was never requested')
    check('Osprey Rail' in arts.get('bomb', ''), "a gzip-bomb page: refused at the cap, the item's text stored")
    check('m1' in arts, 'a malformed feed: the item before the break is stored')
    check('notext' not in arts, 'an item with neither page nor text is not stored')
    lines = err.splitlines()

    def reported(path, *words):
        return any(path in l and all(w in l for w in words) for l in lines)
    check(reported('/feeds/hang.rss', 'timed out'), 'a hanging host is reported as timed out')
    check(reported('/feeds/slow.rss', 'timed out') or reported('/feeds/slow.rss', 'slower'), 'a slow host is reported')
    check(reported('/feeds/error.rss', 'HTTP 500', '2 tries'), 'a 500 is retried once, then reported')
    check(site.count('/feeds/error.rss') == 2, 'the 500 feed was asked twice (one retry)')
    check(reported('/feeds/missing.rss', 'HTTP 404'), 'a 404 feed is reported')
    check(reported('/feeds/loop', 'redirect'), 'a redirect loop is reported')
    check(site.count('/feeds/loop.rss') + site.count('/feeds/loop2.rss') <= 6, 'the redirect loop stops after 5 hops')
    check(reported('/feeds/malformed.rss', 'line 3'), 'a malformed feed is reported with its line')
    check(reported('/feeds/bomb.rss', 'larger than'), 'a gzip-bomb feed is refused at the cap')
    check(reported('sources.txt:', 'not an http(s) URL'), 'a bad line of the sources file is reported with its line')
    check(reported('/pages/missing.html', 'no text'), 'an item with neither page nor text is reported')
    # Timeout 2 s, one retry with a 1 s backoff: a hanging or slow host costs about 5 s, and the
    # others go on beside it. Far less than the serial sum of every fault's worst case.
    check(wall < 30, 'the whole round took %.1f s (< 30 s): no bad source held up the others' % wall)
    return db


def test_round_two(args, db, site, base):
    pages_before = site.count('/pages/a.html')
    nm = site.not_modified
    code, err, _ = run_watch(args, db, [base + '/feeds/good.rss'])
    check(site.not_modified == nm + 1, 'an unchanged feed is asked conditionally and answers 304')
    check(site.count('/pages/a.html') == pages_before, 'no page is fetched again when nothing changed')

    # The site changes: a's page is corrected (and its item says so), changing's chrome changes and
    # its item is touched, and the feed gets a new ETag.
    site.set('/pages/a.html', fs.page('Brindle Works to cut 1,100 jobs', STORY_A2))
    good = [item(base, 'a', 'Brindle Works to cut 1,100 jobs', '/pages/a.html', 'Brindle Works cuts 1,100 jobs.', '2'),
            item(base, 'b', 'Brindle Works job cuts at Harwick', '/pages/b.html'),
            item(base, 'changing', 'Summer ferry timetable approved', '/pages/changing.html', updated='2')]
    site.set('/feeds/good.rss', fs.rss('Fjord Ledger', good), content_type='application/rss+xml', headers={'ETag': '"v2"'})
    code, err, _ = run_watch(args, db, [base + '/feeds/good.rss'])
    print(err)
    check(code == 0, 'the changed feed is read without problems (exit %s)' % code)
    versions = dict(rows(db, 'SELECT id, version FROM articles'))
    check(versions.get('a') == 2, 'the corrected page is version 2 of its article (got %s)' % versions.get('a'))
    check(versions.get('changing') == 1, 'a page whose chrome alone changed stays version 1')
    kept = rows(db, "SELECT v.text FROM article_versions v JOIN articles a ON a.rowid = v.article WHERE a.id = 'a'")
    check(len(kept) == 1 and 'plans to cut 900 jobs' in kept[0][0], 'version 1 is kept whole')
    changes = rows(db, "SELECT c.changes FROM corrections c JOIN articles a ON a.rowid = c.article WHERE a.id = 'a'")
    kinds = [c['kind'] for c in json.loads(changes[0][0])] if changes else []
    check('headline' in kinds, 'the rewritten headline is listed (%s)' % kinds)
    values = [c for c in json.loads(changes[0][0]) if c['kind'] == 'value'] if changes else []
    check(any(v['before']['value'].startswith('900') and v['after']['value'].startswith('1100') for v in values
              if v.get('before') and v.get('after')), 'the changed job count is listed: 900 -> 1100 (%s)' % values)
    check('quote_reworded' in kinds, 'the reworded quote is listed')


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_kill_and_resume(args, tmp, site, base):
    """SIGKILL while pages arrive one a second: nothing acknowledged is lost, a restart takes the rest."""
    items = [item(base, 'k%d' % i, 'Notice %d' % i, '/kill/%d.html' % i) for i in range(12)]
    for i in range(12):
        site.set('/kill/%d.html' % i, fs.page('Harbour notice %d' % i, [
            'Tollmere port said on Monday that berth %d would close for repairs for %d days.' % (i, i + 3)]))
    site.set('/feeds/kill.rss', fs.rss('Kill Wire', items), content_type='application/rss+xml')
    db = os.path.join(tmp, 'kill.db')
    acks = os.path.join(tmp, 'kill.acks')
    p = subprocess.Popen([args.bin, 'watch', '--db', db, '--acks', acks, '--host-interval', '0.3', '--batch', '1',
                          '--threads', '1', base + '/feeds/kill.rss'], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not os.path.exists(acks) or len(open(acks).read().splitlines()) < 3):
        time.sleep(0.05)
    p.send_signal(signal.SIGKILL)
    p.wait()
    acked = [json.loads(l) for l in open(acks).read().splitlines()]
    stored = {r[0] for r in rows(db, 'SELECT id FROM articles')}
    check(len(acked) >= 3 and set(acked) <= stored, 'after SIGKILL every acknowledged article (%d) is stored' % len(acked))
    check(len(stored) < 12, 'the kill came before the end (%d of 12 stored)' % len(stored))
    code, err, _ = run_watch(args, db, [base + '/feeds/kill.rss'], ['--acks', acks])
    stored = {r[0] for r in rows(db, 'SELECT id FROM articles')}
    check(stored == {'k%d' % i for i in range(12)}, 'a restart stores the rest (%d of 12)' % len(stored))


def test_huge_feed(args, tmp, site, base):
    """Peak memory reading a feed of 20,000 items and one of 200,000 (about 30 MB): flat."""
    peaks = []
    for n in (20000, 200000):
        path = '/feeds/huge%d.rss' % n
        site.special(path, fs.streamed_feed('huge%d' % n, n, base + '/nopage/'))
        db = os.path.join(tmp, 'huge%d.db' % n)
        # Under AddressSanitizer freed memory waits in a quarantine (256 MB by default) before it is
        # reused, which would look like growth; a small quarantine keeps the comparison about us.
        env = dict(os.environ, ASAN_OPTIONS=(os.environ.get('ASAN_OPTIONS', '') + ':quarantine_size_mb=1').lstrip(':'))
        p = subprocess.run(['/usr/bin/time', '-f', '%M', args.bin, 'watch', '--once', '--db', db, '--host-interval', '0',
                            '--no-pages', '--max-items-per-poll', '50', '--threads', '1', base + path],
                           capture_output=True, text=True, timeout=300, env=env)
        peak_kb = int(p.stderr.strip().splitlines()[-1])
        peaks.append(peak_kb)
        stored = rows(db, 'SELECT count(*) FROM articles')[0][0]
        check(stored == 50, '%d-item feed: the first 50 new items taken (%d)' % (n, stored))
    print('peak RSS: %d KB for 20,000 items, %d KB for 200,000' % tuple(peaks))
    # Ten times the feed may not cost ten times the memory: within 30 MB of the small one's peak
    # (the whole large feed is about 30 MB, so holding it would show).
    check(peaks[1] - peaks[0] < 30 * 1024, 'memory flat: +%d KB for ten times the items' % (peaks[1] - peaks[0]))


def read_stream(url, events, stop, ready):
    req = urllib.request.Request(url, headers={'Accept': 'text/event-stream'})
    with urllib.request.urlopen(req, timeout=60) as r:
        ready.set()
        kind = None
        for raw in r:
            if stop.is_set():
                return
            line = raw.decode().rstrip('\n')
            if line.startswith('event: '):
                kind = line[7:]
            elif line.startswith('data: '):
                events.append((kind, json.loads(line[6:]), time.monotonic()))


def test_serve_watch(args, tmp, site, base):
    """serve --watch: a new article on the feed shows up on /api/stream, and the watched entity's
    new event is POSTed to --notify."""
    site.set('/feeds/live.rss', fs.rss('Live Wire', []), content_type='application/rss+xml')
    db = os.path.join(tmp, 'live.db')
    port = free_port()
    srv = subprocess.Popen([args.bin, 'serve', '--db', db, '--listen', '127.0.0.1:%d' % port, '--watch',
                            base + '/feeds/live.rss', '--poll', '0.3', '--host-interval', '0', '--notify',
                            base + '/hook', '--watch-entity', 'Brindle Works'],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        srv.stdout.readline()  # "serving ..."
        events, stop, ready = [], threading.Event(), threading.Event()
        t = threading.Thread(target=read_stream, args=('http://127.0.0.1:%d/api/stream' % port, events, stop, ready),
                             daemon=True)
        t.start()
        ready.wait(10)
        site.set('/pages/live-a.html', fs.page('Brindle Works to cut 900 jobs', STORY_A1))
        changed = time.monotonic()
        site.set('/feeds/live.rss', fs.rss('Live Wire', [item(base, 'live-a', 'Brindle Works to cut 900 jobs',
                                                               '/pages/live-a.html')]), content_type='application/rss+xml')
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not any(k == 'story' for k, _, _ in events):
            time.sleep(0.05)
        stories = [(d, at) for k, d, at in events if k == 'story']
        check(bool(stories) and 'live-a' in stories[0][0].get('articles_added', []),
              'the new article arrives on /api/stream as a new story')
        if stories:
            print('feed change to story event: %.2f s' % (stories[0][1] - changed))
        check(any(k == 'event' and d['event']['type'] == 'layoffs' for k, d, _ in events), 'its layoffs event is streamed')
        while time.monotonic() < deadline and not site.hooks:
            time.sleep(0.05)
        check(any(h.get('entity') == 'Brindle Works' and h.get('kind') == 'event' for h in site.hooks),
              '--notify POSTs the new event of the watched entity (%d notices)' % len(site.hooks))
        # Resuming: a client that saw id N gets what came after it.
        last = None
        with urllib.request.urlopen('http://127.0.0.1:%d/api/stream?since=0' % port, timeout=10) as r:
            data = r.read1(65536).decode()
            check('event: story' in data, 'a client resuming from 0 gets the backlog')
        stop.set()
    finally:
        srv.send_signal(signal.SIGTERM)
        try:
            srv.wait(15)
        except subprocess.TimeoutExpired:
            srv.kill()
            FAILURES.append('serve did not stop on SIGTERM')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    args = ap.parse_args()
    site = fs.Site()
    server = fs.start(site)
    base = 'http://127.0.0.1:%d' % server.server_address[1]
    build_site(site, base)
    with tempfile.TemporaryDirectory(prefix='corroborate_watch_') as tmp:
        db = test_round_one(args, tmp, site, base)
        test_round_two(args, db, site, base)
        test_kill_and_resume(args, tmp, site, base)
        test_serve_watch(args, tmp, site, base)
        test_huge_feed(args, tmp, site, base)
    server.shutdown()
    print('%d passed, %d failed' % (0 if FAILURES else 1, 1 if FAILURES else 0))
    for f in FAILURES:
        print('FAILED: ' + f)
    return 1 if FAILURES else 0


if __name__ == '__main__':
    sys.exit(main())
