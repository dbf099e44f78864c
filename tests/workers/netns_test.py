#!/usr/bin/env python3
"""Workers on separate hosts against PostgreSQL (issue #18): each worker in a network namespace of
its own, reaching PostgreSQL (in another namespace) over TCP through a veth pair (netns.py). On a
generated corpus, each run must leave the store one `ingest` of the same input leaves (every table
but the clusterer's saved state and the change log, whose content depends on where commits fall),
the queue empty and every article stored once:

  two hosts   two workers at once;
  sigkill     a worker killed with SIGKILL while it holds a batch: the other claims it after the lease;
  cut off     a worker's link taken down while it holds a batch: the other claims it after the
              lease and finishes; the link comes back and the cut-off worker must find its lease
              lost and store nothing;
  restart     PostgreSQL restarted three times while both work (once as a crash): they reconnect
              and go on.

Skips (77) with the reason when namespaces or a PostgreSQL server are not available, or when this
build cannot open a PostgreSQL store.

usage: netns_test.py --bin build/corroborate --generator bench/generate_articles.py"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import netns  # noqa: E402

BATCH_DEPENDENT = {'cluster_state', 'cluster_state_info', 'changes'}
LEASE = '2'
# Fail a call on a dead link within seconds instead of TCP's minutes (libpq connection options).
URL_OPTIONS = '?connect_timeout=2&tcp_user_timeout=3000&keepalives_idle=1&keepalives_interval=1&keepalives_count=2'


def fail(msg):
    print('netns_test: FAIL: ' + msg, file=sys.stderr)
    sys.exit(1)


def skip(msg):
    print('netns_test: SKIP: ' + msg)
    sys.exit(77)


def without_stale_closest(table, row):
    """As in workers_test.py: the storyline ids in a story's link are as of the story's last write,
    which depends on where commits fall (single ingests with other --batch sizes differ too)."""
    if table == 'claims':
        # PostgreSQL's claims have a rowid column of their own (SQLite's is implicit, and not
        # compared there): a story rebuild deletes and writes its claims again, so it counts rebuilds.
        row.pop('rowid', None)
    if table == 'stories' and row.get('link'):
        link = json.loads(row['link'])
        link.pop('closest', None)
        link.pop('storyline', None)
        row['link'] = link
    return json.dumps(row, sort_keys=True)


def by_rank(values):
    return {v: i for i, v in enumerate(sorted(values))}


def tables(net, database):
    """Each table's rows as sorted JSON. PostgreSQL's identity columns (articles.rowid,
    cluster_history.seq) take values even in transactions that roll back (a worker killed or cut
    off mid-commit), so their values have gaps that one ingest's lack: they are compared by rank
    (their order), and columns that point at an article's rowid by the article's id."""
    names = net.psql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", database).split()
    rows = {t: [json.loads(line) for line in net.psql('SELECT row_to_json(t)::text FROM "%s" t' % t,
                                                       database).splitlines()]
            for t in names if t not in BATCH_DEPENDENT}
    article_id = {r['rowid']: r['id'] for r in rows.get('articles', [])}
    article_rank = by_rank(article_id)
    history_rank = by_rank(r['seq'] for r in rows.get('cluster_history', []))
    for r in rows.get('articles', []):
        r['rowid'] = article_rank[r['rowid']]
    for t in ('mentions', 'article_versions'):
        for r in rows.get(t, []):
            r['article'] = article_id.get(r['article'], r['article'])
    for r in rows.get('cluster_history', []):
        r['seq'] = history_rank[r['seq']]
        r['at_article'] = article_id.get(r['at_article'], r['at_article'])
    return {t: sorted(without_stale_closest(t, r) for r in rs) for t, rs in rows.items()}


def compare(net, label, single, database):
    a, b = tables(net, single), tables(net, database)
    if b.get('work_queue'):
        fail('%s: %d articles left in the work queue' % (label, len(b['work_queue'])))
    differ = [t for t in sorted(set(a) | set(b)) if a.get(t) != b.get(t)]
    if differ:
        for t in differ:
            only_a = sorted(set(a.get(t, [])) - set(b.get(t, [])))[:2]
            only_b = sorted(set(b.get(t, [])) - set(a.get(t, [])))[:2]
            for x, y in zip(only_a, only_b):
                x, y = json.loads(x), json.loads(y)
                keys = [k for k in sorted(set(x) | set(y)) if x.get(k) != y.get(k)]
                print('%s: a row differs in %s: one ingest %s, workers %s' % (
                    t, keys, [str(x.get(k))[-300:] for k in keys], [str(y.get(k))[-300:] for k in keys]),
                      file=sys.stderr)
        fail('%s: differs from one ingest in %s' % (label, ', '.join(differ)))
    twice = net.psql('SELECT count(*) - count(DISTINCT id) FROM articles', database).strip()
    if twice != '0':
        fail('%s: %s articles stored twice' % (label, twice))
    print(time.strftime('%H:%M:%S'), 'PASS %s: %d articles, %d stories, every table equal to one ingest\'s' % (
        label, len(a['articles']), len(a['stories'])))


def acks(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f.read().split('\n')[:-1]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--generator', required=True)
    ap.add_argument('--articles', type=int, default=300)
    args = ap.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(args.generator)))
    import generate_articles

    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, 'articles.jsonl')
        generate_articles.generate(args.articles, 13, corpus, days=20, progress=False)
        try:
            net = netns.Network(tmp, workers=2).__enter__()
        except netns.Unavailable as e:
            skip(str(e))
        try:
            def url(i, database):
                return net.url(i).rsplit('/', 1)[0] + '/' + database + URL_OPTIONS

            def fresh(database):
                net.psql('DROP DATABASE IF EXISTS %s' % database)
                net.psql('CREATE DATABASE %s OWNER corroborate' % database)

            def run(i, cmd, timeout=120):
                p = net.run_in(i, cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                out, err = p.communicate(timeout=timeout)
                return p.returncode, err.decode()

            # The reference: one ingest, from worker 1's host.
            fresh('single')
            code, err = run(1, [args.bin, 'ingest', '--db', url(1, 'single'), '--batch', '50', corpus])
            if code != 0:
                if 'postgres' in err.lower() or 'unable to open' in err.lower() or 'no such' in err.lower():
                    skip('this build cannot open a PostgreSQL store: %s' % err.strip()[-300:])
                fail('ingest exit %d: %s' % (code, err[-500:]))

            def worker(i, database, name):
                return net.run_in(i, [args.bin, 'worker', '--db', url(i, database), '--name', name, '--batch', '15',
                                      '--threads', '1', '--lease', LEASE, '--retry-seconds', '60',
                                      '--acks', os.path.join(tmp, database + '.' + name + '.acks')],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)

            def diagnose(p, database):
                # What a hung worker waits for: the queue, the server's sessions, the worker's
                # sockets and its stacks (twice, a second apart: a loop or a wait).
                def psql(sql):
                    try:
                        return net.psql(sql, database)
                    except (RuntimeError, subprocess.TimeoutExpired) as e:
                        return str(e)
                rows = psql("SELECT owner, count(*), min(seq), max(seq), max(lease_until) - "
                            "(extract(epoch from now()) * 1000)::bigint FROM work_queue GROUP BY owner")
                sessions = psql("SELECT pid, client_addr, state, wait_event_type, wait_event, "
                                "now() - state_change, left(query, 50) FROM pg_stat_activity WHERE datname = '%s'"
                                % database)
                sockets = subprocess.run(['nsenter', '-t', str(p.pid), '-n', 'ss', '-tnoi'],
                                         capture_output=True, text=True, timeout=30).stdout
                stacks = ''
                if shutil.which('gdb'):
                    for _ in range(2):
                        stacks += subprocess.run(['gdb', '-p', str(p.pid), '-batch', '-ex', 'bt 8'],
                                                 capture_output=True, text=True, timeout=60).stdout[-2500:]
                        time.sleep(1)
                return 'at %s\nqueue (owner, rows, first, last, lease left ms):\n%s\nsessions:\n%s\nsockets:\n%s\n' \
                       'stacks:\n%s' % (time.strftime('%H:%M:%S'), rows, sessions, sockets, stacks)

            def finish(p, label):
                try:
                    out, err = p.communicate(timeout=120)
                except subprocess.TimeoutExpired:
                    where = diagnose(p, label)
                    p.kill()
                    _, err = p.communicate()
                    fail('%s: worker did not finish: %s\n%s' % (label, err.decode()[-500:], where))
                if p.returncode not in (0, 3):
                    fail('%s: worker exit %d: %s' % (label, p.returncode, err.decode()[-500:]))

            def enqueue(database):
                fresh(database)
                code, err = run(1, [args.bin, 'ingest', '--enqueue', '--db', url(1, database), corpus])
                if code != 0:
                    fail('ingest --enqueue exit %d: %s' % (code, err[-500:]))

            def holds(database, name):
                return int(net.psql("SELECT count(*) FROM work_queue WHERE owner = '%s'" % name, database) or 0)

            def wait_holding(database, name):
                end = time.time() + 60
                while time.time() < end:
                    if holds(database, name) and acks(os.path.join(tmp, database + '.' + name + '.acks')):
                        return holds(database, name)
                    time.sleep(0.05)
                fail('%s never held a batch' % name)

            enqueue('two')
            ws = [worker(1, 'two', 'w1'), worker(2, 'two', 'w2')]
            for w in ws:
                finish(w, 'two hosts')
            compare(net, 'two hosts', 'single', 'two')

            enqueue('kill')
            victim = worker(1, 'kill', 'victim')
            held = wait_holding('kill', 'victim')
            survivor = worker(2, 'kill', 'survivor')
            victim.kill()
            victim.wait()
            finish(survivor, 'sigkill')
            compare(net, 'sigkill (killed holding %d articles)' % held, 'single', 'kill')

            enqueue('cut')
            cut = worker(1, 'cut', 'cut')
            held = wait_holding('cut', 'cut')
            net.link(1, up=False)
            other = worker(2, 'cut', 'other')
            finish(other, 'cut off, other')
            before = len(acks(os.path.join(tmp, 'cut.cut.acks')))
            net.link(1, up=True)
            finish(cut, 'cut off, after the link came back')
            if len(acks(os.path.join(tmp, 'cut.cut.acks'))) != before:
                fail('cut off: the cut-off worker committed after its lease was lost')
            compare(net, 'cut off (held %d articles)' % held, 'single', 'cut')

            enqueue('restart')
            ws = [worker(1, 'restart', 'r1'), worker(2, 'restart', 'r2')]
            wait_holding('restart', 'r1')
            # Three restarts a little apart, so that they fall in claims, preparations and commits
            # alike; the second one a crash (no clean shutdown, the server recovers from its log).
            for k, mode in enumerate(('fast', 'immediate', 'fast')):
                time.sleep(0.8 * k)
                print(time.strftime('%H:%M:%S'), 'restarting PostgreSQL (%s)' % mode)
                net.restart_database(mode=mode)
            for w in ws:
                finish(w, 'restart')
            compare(net, 'PostgreSQL restarted mid-ingest', 'single', 'restart')
        finally:
            net.__exit__(None, None, None)
    print('netns: all passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
