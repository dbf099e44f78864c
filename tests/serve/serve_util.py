"""Helpers the serve tests share: start a real `corroborate serve` on a free loopback port, talk
HTTP to it with the standard library, stop it. Standard library only."""
import http.client
import json
import os
import signal
import subprocess
import time
import urllib.parse

SECURITY_HEADERS = {
    'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
}


class Server:
    """A running `corroborate serve`; `host` and `port` come from the address it prints."""

    def __init__(self, binary, db, listen='127.0.0.1:0', extra_args=(), env=None):
        cmd = [binary, 'serve', '--db', db, '--listen', listen, *extra_args]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env=env if env is not None else os.environ.copy())
        line = self.proc.stdout.readline()
        if 'http://' not in line:
            self.proc.wait(timeout=10)
            raise RuntimeError('serve did not start: %r %s' % (line, self.proc.stderr.read()))
        address = line.split('http://', 1)[1].strip().rstrip('/')
        self.host, port = address.rsplit(':', 1)
        if self.host in ('0.0.0.0', '[::]'):
            self.host = '127.0.0.1'
        self.port = int(port)

    def request(self, method, path, body=None, headers=None):
        """(status, headers with lower-case names, body bytes)."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            conn.close()

    def json(self, method, path, body=None, headers=None):
        """(status, headers, parsed JSON body)."""
        status, hdrs, data = self.request(method, path, body, headers)
        return status, hdrs, json.loads(data)

    def stop(self):
        """SIGTERM, then the exit status (a graceful stop returns 0)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()
        return self.proc.returncode


def quote(s):
    """A path segment for an id, which may itself hold '/'."""
    return urllib.parse.quote(s, safe='')


def wait_until(predicate, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False
