#!/usr/bin/env python3
"""Latency benchmark of `corroborate serve`: GET /api/stories/{id} under load from a second process
(wrk, Debian's package; bench/setup_peers.sh installs it), p50 and p99 and requests per second.

Generates N articles (bench/generate_articles.py, seeded), ingests them into a fresh store through
POST /api/articles in batches (and reports that rate too), lists every story id, then runs wrk
against it, each request for a story picked at random (a Lua script holds the ids). Two loads: one
connection (latency without queueing) and many. A control run with one connection asks for
GET /api/nope, a 404 that never touches the store: its tail is what the machine adds, since the
server's own work there is a few microseconds. With --pin the server and wrk each get one core
(taskset); on a shared, loaded machine that lengthens the tail, because the server's threads can no
longer move to the core that is free.
Not a test: it never fails on speed. No peer exists for this service, so figures are absolute.

usage: python3 bench/serve_bench.py [--bin build/corroborate] [--n 5000] [--seconds 20]
       [--connections 1,32] [--pin] [--json OUT]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, 'bench'))
sys.path.insert(0, os.path.join(REPO, 'tests', 'serve'))
from common import loadavg, machine_info, pin_command, say  # noqa: E402
import serve_util  # noqa: E402

LUA = """-- picks a story at random for each request
local ids = {%s}
request = function()
  return wrk.format("GET", "/api/stories/" .. ids[math.random(#ids)])
end
"""


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--bin', default=os.path.join(REPO, 'build', 'corroborate'))
    ap.add_argument('--n', type=int, default=5000, help='generated articles to ingest (default 5000)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--batch', type=int, default=500, help='articles per POST /api/articles')
    ap.add_argument('--seconds', type=int, default=20, help='length of each wrk run')
    ap.add_argument('--connections', default='1,32', help='wrk connection counts, one run each')
    ap.add_argument('--pin', action='store_true', help='pin the server to --server-cpu and wrk to --client-cpu')
    ap.add_argument('--server-cpu', default='0')
    ap.add_argument('--client-cpu', default='1')
    ap.add_argument('--json', metavar='OUT', help='also write the figures as JSON')
    return ap.parse_args()


def to_ms(text):
    value, unit = re.match(r'([\d.]+)(us|ms|s)', text).groups()
    return float(value) * {'us': 0.001, 'ms': 1.0, 's': 1000.0}[unit]


def run_wrk(host, port, script, path, connections, seconds, pin):
    cmd = pin + ['wrk', '-t1', '-c%d' % connections, '-d%ds' % seconds, '--latency']
    cmd += ['-s', script] if script else []
    cmd += ['http://%s:%d%s' % (host, port, path)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    lat = dict(re.findall(r'^\s+(50|75|90|99)%\s+(\S+)', out, re.M))
    rps = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))
    errors = re.search(r'Non-2xx or 3xx responses: (\d+)', out)
    socket_errors = re.search(r'Socket errors: (.*)', out)
    return {'command': ' '.join(cmd), 'path': path if not script else '/api/stories/{random id}',
            'connections': connections, 'p50_ms': to_ms(lat['50']),
            'p99_ms': to_ms(lat['99']), 'requests_per_s': rps,
            'non_2xx': int(errors.group(1)) if errors else 0,
            'socket_errors': socket_errors.group(1) if socket_errors else '', 'loadavg': loadavg()}


def main():
    args = parse_args()
    if not shutil.which('wrk'):
        say('wrk not found: run bash bench/setup_peers.sh (installs Debian\'s wrk)')
        return 1
    info = machine_info()
    say('machine:', json.dumps(info))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, 'articles.jsonl')
        subprocess.run([sys.executable, os.path.join(REPO, 'bench', 'generate_articles.py'), '--n', str(args.n),
                        '--seed', str(args.seed), '--out', corpus], check=True, stdout=subprocess.DEVNULL)
        server = serve_util.Server(args.bin, os.path.join(tmp, 'news.db'))
        # Pin the running server to its core (taskset -p), so wrk's core is its own.
        if args.pin and pin_command(args.server_cpu):
            subprocess.run(['taskset', '-a', '-p', '-c', args.server_cpu, str(server.proc.pid)],
                           check=True, stdout=subprocess.DEVNULL)
        try:
            with open(corpus, encoding='utf-8') as f:
                lines = f.read().splitlines()
            start = time.monotonic()
            accepted = 0
            for i in range(0, len(lines), args.batch):
                status, _, body = server.json('POST', '/api/articles', '\n'.join(lines[i:i + args.batch]).encode())
                if status != 200:
                    raise RuntimeError('ingest failed: %s' % body)
                accepted += body['accepted']
            ingest_s = time.monotonic() - start
            say('ingested %d articles over HTTP in %.1f s (%.0f articles/s)' % (accepted, ingest_s, accepted / ingest_s))

            ids, page = [], 1
            while True:
                _, _, body = server.json('GET', '/api/stories?per_page=100&page=%d' % page)
                ids += [s['id'] for s in body['stories']]
                if page * 100 >= body['total']:
                    break
                page += 1
            say('%d stories' % len(ids))
            script = os.path.join(tmp, 'stories.lua')
            with open(script, 'w', encoding='utf-8') as f:
                f.write(LUA % ', '.join(json.dumps(serve_util.quote(i)) for i in ids))

            runs = []
            client_pin = pin_command(args.client_cpu) if args.pin else []
            plan = [(script, '/', int(c)) for c in args.connections.split(',')] + [(None, '/api/nope', 1)]
            for lua, path, c in plan:
                run = run_wrk(server.host, server.port, lua, path, c, args.seconds, client_pin)
                runs.append(run)
                say('GET %s, %d connection(s), %d s: p50 %.2f ms, p99 %.2f ms, %.0f requests/s, '
                    '%d non-2xx, load average %s' % (run['path'], c, args.seconds, run['p50_ms'], run['p99_ms'],
                                                     run['requests_per_s'], run['non_2xx'], run['loadavg']))
        finally:
            server.stop()
    result = {'machine': info, 'articles': accepted, 'stories': len(ids), 'ingest_seconds': ingest_s, 'runs': runs,
              'loadavg_at_end': loadavg()}
    if args.json:
        with open(args.json, 'w', encoding='utf-8') as f:
            json.dump(result, f, indent=1)
    return 0


if __name__ == '__main__':
    sys.exit(main())
