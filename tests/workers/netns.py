"""Separate hosts on one machine for the worker tests (issue #18): a network namespace for the
database and one per worker, each worker's joined to the database's by a veth pair, with addresses
only inside those namespaces (nothing is added to the machine's own network). PostgreSQL runs in
the database's namespace, from a throwaway cluster in a temporary folder, listening on each link's
address; workers reach it over TCP as other hosts would, and a worker is cut off by taking its
link down. Used by netns_test.py.

    with Network(tmp, workers=2) as net:      # raises Unavailable when namespaces or PostgreSQL are not
        net.url(1)                            # postgresql://corroborate@10.231.1.1:5432/corroborate
        net.run_in(1, [binary, 'worker', '--db', net.url(1)])
        net.link(1, up=False)                 # worker 1 cut off
        net.restart_database()
"""
import os
import shutil
import subprocess
import time
import uuid

PG_BIN = '/usr/lib/postgresql/15/bin'
PORT = 5432


class Unavailable(Exception):
    """What the test needs is not here (not root, no `ip netns`, no PostgreSQL server)."""


def sh(*cmd, check=True):
    return subprocess.run(list(cmd), capture_output=True, text=True, check=check)


class Network:
    def __init__(self, tmp, workers):
        self.tmp = tmp
        self.workers = workers
        tag = uuid.uuid4().hex[:6]
        self.db_ns = 'cwdb-' + tag
        self.worker_ns = ['cww%d-%s' % (i, tag) for i in range(1, workers + 1)]
        self.data = os.path.join(tmp, 'pgdata')
        self.made = []

    # Worker i (1-based) reaches the database at 10.231.i.1 from 10.231.i.2.
    def db_address(self, i):
        return '10.231.%d.1' % i

    def url(self, i):
        return 'postgresql://corroborate@%s:%d/corroborate' % (self.db_address(i), PORT)

    def __enter__(self):
        if os.geteuid() != 0:
            raise Unavailable('not root: cannot create network namespaces')
        if not shutil.which('ip') or not os.path.exists(os.path.join(PG_BIN, 'postgres')):
            raise Unavailable('no `ip` or no PostgreSQL server in %s (apt-get install postgresql)' % PG_BIN)
        try:
            sh('ip', 'netns', 'add', self.db_ns)
            self.made.append(self.db_ns)
        except subprocess.CalledProcessError as e:
            raise Unavailable('ip netns add failed: %s' % e.stderr.strip())
        try:
            sh('ip', 'netns', 'exec', self.db_ns, 'ip', 'link', 'set', 'lo', 'up')
            for i, ns in enumerate(self.worker_ns, 1):
                sh('ip', 'netns', 'add', ns)
                self.made.append(ns)
                sh('ip', 'netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up')
                # The pair is made inside the worker's namespace, so no end ever sits in the machine's.
                sh('ip', 'netns', 'exec', ns, 'ip', 'link', 'add', 'w', 'type', 'veth', 'peer', 'name', 'd%d' % i,
                   'netns', self.db_ns)
                sh('ip', 'netns', 'exec', ns, 'ip', 'addr', 'add', '10.231.%d.2/24' % i, 'dev', 'w')
                sh('ip', 'netns', 'exec', ns, 'ip', 'link', 'set', 'w', 'up')
                sh('ip', 'netns', 'exec', self.db_ns, 'ip', 'addr', 'add', '%s/24' % self.db_address(i), 'dev', 'd%d' % i)
                sh('ip', 'netns', 'exec', self.db_ns, 'ip', 'link', 'set', 'd%d' % i, 'up')
            self.start_database()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        self.stop_database()
        for ns in reversed(self.made):
            sh('ip', 'netns', 'del', ns, check=False)
        self.made = []

    def as_postgres(self, *cmd):
        return ['runuser', '-u', 'postgres', '--'] + list(cmd)

    def start_database(self):
        if not os.path.exists(self.data):
            os.makedirs(self.data)
            shutil.chown(self.data, 'postgres', 'postgres')
            os.chmod(self.tmp, 0o755)
            r = sh(*self.as_postgres(os.path.join(PG_BIN, 'initdb'), '-D', self.data, '-U', 'postgres',
                                     '--auth=trust', '-E', 'UTF8', '--locale=C'), check=False)
            if r.returncode:
                raise Unavailable('initdb failed: %s' % r.stderr.strip()[-300:])
            listen = ','.join(['127.0.0.1'] + [self.db_address(i) for i in range(1, self.workers + 1)])
            with open(os.path.join(self.data, 'postgresql.conf'), 'a') as f:
                f.write("listen_addresses = '%s'\nport = %d\nunix_socket_directories = '%s'\nfsync = off\n" % (
                    listen, PORT, self.data))
                # A client cut off mid-transaction holds its locks until the server ends its
                # session: keepalives notice a dead link within seconds, and a transaction left
                # idle is ended (what a cluster's database should set too; README "Cluster").
                f.write('tcp_keepalives_idle = 1\ntcp_keepalives_interval = 1\ntcp_keepalives_count = 3\n'
                        "idle_in_transaction_session_timeout = '5s'\n")
            with open(os.path.join(self.data, 'pg_hba.conf'), 'a') as f:
                f.write('host all all 10.231.0.0/16 trust\n')
        r = sh('ip', 'netns', 'exec', self.db_ns, *self.as_postgres(
            os.path.join(PG_BIN, 'pg_ctl'), '-D', self.data, '-l', os.path.join(self.data, 'server.log'), '-w', 'start'),
               check=False)
        if r.returncode:
            raise Unavailable('PostgreSQL did not start: %s' % r.stderr.strip()[-300:])
        if not getattr(self, 'created', False):
            self.psql('CREATE ROLE corroborate LOGIN SUPERUSER')
            self.psql('CREATE DATABASE corroborate OWNER corroborate')
            self.created = True

    def stop_database(self, mode='fast'):
        if os.path.exists(os.path.join(self.data, 'postmaster.pid')):
            sh('ip', 'netns', 'exec', self.db_ns, *self.as_postgres(
                os.path.join(PG_BIN, 'pg_ctl'), '-D', self.data, '-m', mode, '-w', 'stop'), check=False)

    def restart_database(self, down_seconds=1.0, mode='fast'):
        self.stop_database(mode)
        time.sleep(down_seconds)
        self.start_database()

    def psql(self, sql, database='postgres', worker=None):
        """Runs SQL as the superuser over the socket, or from worker i's namespace over TCP."""
        if worker is None:
            cmd = ['ip', 'netns', 'exec', self.db_ns] + self.as_postgres(
                os.path.join(PG_BIN, 'psql'), '-h', self.data, '-p', str(PORT), '-U', 'postgres', '-d', database)
        else:
            cmd = ['ip', 'netns', 'exec', self.worker_ns[worker - 1], os.path.join(PG_BIN, 'psql'),
                   '-h', self.db_address(worker), '-p', str(PORT), '-U', 'corroborate', '-d', database]
        r = subprocess.run(cmd + ['-XAtqc', sql], capture_output=True, text=True, timeout=60)
        if r.returncode:
            raise RuntimeError('psql: %s' % r.stderr.strip())
        return r.stdout

    def run_in(self, i, cmd, **kwargs):
        """Starts `cmd` in worker i's namespace."""
        return subprocess.Popen(['ip', 'netns', 'exec', self.worker_ns[i - 1]] + list(cmd), **kwargs)

    def link(self, i, up):
        sh('ip', 'netns', 'exec', self.worker_ns[i - 1], 'ip', 'link', 'set', 'w', 'up' if up else 'down')
