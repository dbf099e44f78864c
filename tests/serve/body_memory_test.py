#!/usr/bin/env python3
"""Request bodies cannot pin the server's memory (issue #16, hole 2), against a real
`corroborate serve --token` on loopback whose peak memory (VmHWM in /proc/PID/status) is read
before and after each wave of requests. Each wave opens 64 connections that announce an 8 MiB body
(the default largest) and send all of it but the last byte, so that no request ever completes:
  1. POST /api/articles without a token, and 2. with a wrong token: each must be answered 401
     before its body is read;
  3. GET /api/stories with such a body: 413 before it is read (the request takes no body);
  4. POST /api/articles with the right token: only the bodies that fit the server's budget for
     bodies in flight (32 MiB by default, four of them) are read; the others get 503 at once.
Before the fix the server read every body: the first wave alone took it from about 20 MB to over
500 MB. The threshold: the peak may grow by at most 96 MiB over the whole test. Why: waves 1-3
hold no body at all, only each connection's read buffer (64 KiB, 4 MiB for 64); wave 4 holds the
32 MiB budget; 96 MiB leaves room for the allocator's slack and sanitizer overhead, and is a sixth
of what 64 bodies take.

usage: body_memory_test.py --bin build/corroborate
Exit status: 0 pass, 1 failure."""
import argparse
import os
import selectors
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_util  # noqa: E402

CONNECTIONS = 64
BODY = 8 * 1024 * 1024
TOKEN = 'body-memory-test-token'
GROWTH_LIMIT_KB = 96 * 1024
BUDGET_BODIES = 4          # ServerOptions::max_body_bytes_in_flight (32 MiB) / 8 MiB
WAVE_SECONDS = 20.0        # each wave's sending ends by then, whatever the machine's load


def status_kb(pid, field):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith(field + ':'):
                return int(line.split()[1])
    raise RuntimeError('no %s in /proc/%d/status' % (field, pid))


def wave(server, head):
    """Opens CONNECTIONS connections sending `head` and BODY - 1 bytes of body each, stopping on a
    connection as soon as it is answered or closed. Returns the status code each got (None: no
    answer), once every connection is answered, closed, or done sending and silent for 2 s."""
    sel = selectors.DefaultSelector()
    chunk = b'x' * 65536
    states = []
    for _ in range(CONNECTIONS):
        s = socket.create_connection((server.host, server.port), timeout=10)
        s.setblocking(False)
        st = {'sock': s, 'out': head, 'left': BODY - 1, 'reply': b'', 'done': False}
        states.append(st)
        sel.register(s, selectors.EVENT_READ | selectors.EVENT_WRITE, st)
    end = time.monotonic() + WAVE_SECONDS
    quiet_since = None
    while time.monotonic() < end:
        events = sel.select(timeout=0.1)
        if not events:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > 2.0:
                break
            continue
        quiet_since = None
        for key, mask in events:
            st = key.data
            s = st['sock']
            if mask & selectors.EVENT_READ:
                try:
                    data = s.recv(65536)
                except OSError:
                    data = b''
                st['reply'] += data
                if not data or b'\r\n' in st['reply']:
                    st['done'] = True  # answered (or closed): nothing more is sent
                    sel.unregister(s)
                    continue
            if mask & selectors.EVENT_WRITE:
                try:
                    if st['out']:
                        st['out'] = st['out'][s.send(st['out']):]
                    elif st['left'] > 0:
                        st['left'] -= s.send(chunk[:min(len(chunk), st['left'])])
                except BlockingIOError:
                    pass
                except OSError:
                    st['done'] = True
                    sel.unregister(s)
                    continue
                if not st['out'] and st['left'] == 0:
                    sel.modify(s, selectors.EVENT_READ, st)  # all but the last byte sent: wait
    codes = []
    for st in states:
        line = st['reply'].split(b'\r\n', 1)[0].split()
        codes.append(int(line[1]) if len(line) >= 2 and line[1].isdigit() else None)
    return states, codes


def close_all(states):
    for st in states:
        try:
            st['sock'].close()
        except OSError:
            pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    args = ap.parse_args()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        server = serve_util.Server(args.bin, os.path.join(tmp, 'news.db'), extra_args=['--token', TOKEN])
        pid = server.proc.pid
        try:
            server.request('GET', '/api/stories')
            start_kb = status_kb(pid, 'VmHWM')
            print('body_memory: serve peak RSS at start: %.1f MB' % (start_kb / 1024))

            def head(method, path, auth=None):
                lines = ['%s %s HTTP/1.1' % (method, path), 'Host: test', 'Content-Length: %d' % BODY,
                         'Content-Type: application/x-ndjson']
                if auth:
                    lines.append('Authorization: Bearer ' + auth)
                return ('\r\n'.join(lines) + '\r\n\r\n').encode()

            waves = [
                ('POST without a token', head('POST', '/api/articles'), {401}),
                ('POST with a wrong token', head('POST', '/api/articles', 'not-the-token'), {401}),
                ('GET with a body', head('GET', '/api/stories'), {413}),
                ('POST with the token', head('POST', '/api/articles', TOKEN), {503}),
            ]
            for name, request_head, expected in waves:
                states, codes = wave(server, request_head)
                peak_kb = status_kb(pid, 'VmHWM')
                counts = {}
                for c in codes:
                    counts[c] = counts.get(c, 0) + 1
                print('body_memory: %-24s answers %s; peak RSS now %.1f MB (+%.1f MB)' %
                      (name, ', '.join('%s: %d' % kv for kv in sorted(counts.items(), key=str)),
                       peak_kb / 1024, (peak_kb - start_kb) / 1024))
                close_all(states)
                if expected == {503}:
                    # The budget admits BUDGET_BODIES bodies, which wait unanswered for their last
                    # byte; every other request is refused.
                    if counts.get(503, 0) < CONNECTIONS - BUDGET_BODIES or counts.get(None, 0) > BUDGET_BODIES:
                        failures.append('%s: expected at most %d unanswered and the rest 503, got %r' %
                                        (name, BUDGET_BODIES, counts))
                elif counts.get(min(expected), 0) != CONNECTIONS:
                    failures.append('%s: expected %d answers %s, got %r' % (name, CONNECTIONS, sorted(expected), counts))
                if peak_kb - start_kb > GROWTH_LIMIT_KB:
                    failures.append('%s: peak RSS grew by %.0f MB, more than %.0f MB' %
                                    (name, (peak_kb - start_kb) / 1024, GROWTH_LIMIT_KB / 1024))
                    break
            # The budget was given back: a small authorised POST is served.
            time.sleep(0.5)
            status, _, body = server.request(
                'POST', '/api/articles', b'{"id": "bm-1", "title": "Kestrel Pumps opens a plant", '
                b'"text": "Kestrel Pumps opened a plant in Vardo on Monday, the company said."}\n',
                {'Authorization': 'Bearer ' + TOKEN})
            if status != 200:
                failures.append('an authorised POST after the waves got %d: %r' % (status, body[:200]))
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
