#!/usr/bin/env python3
"""Bombs and limits: huge, deep and compressed inputs through every command (registered with ctest).

Each bomb is generated at run time in a temporary folder (sparse files, repeated compressed
pieces, streaming writes, a pipe), never kept, and given to `clean`, `extract`, `analyze --json`
and `ingest` (into a new store) followed by a small good article. Every run must show:
  - the exit status the contract gives: 3 when the bomb is refused, 0 (or 3) when it is streamed;
  - for a refused bomb, a problem line `corroborate: PATH[:LINE]: reason` naming the bomb and why;
  - the good article after it still read (the rest of the input is processed);
  - peak RSS under the memory budget (measured by /usr/bin/time), and no hang.
The bombs of run_robust.py (just past each limit) run here too, so every limit meets all commands.

Memory budget: 512 MB per process. Documents are capped at 16 MB and gzip members at 64 MB
(src/ingest/input_reader.h); parsing a capped page or feed into a tree costs a multiple of its
size, so the budget is that cap times 32. Under sanitizers (--sanitized) budgets are multiplied:
ASan's shadow memory and quarantine and the slower code are not the program's own cost.
Exit status: 0 pass, 1 failures, 77 skipped (no examples/01-harbour-wire.txt, the good article).
"""

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_robust  # noqa: E402  (its bomb generators and problem-line pattern)

MB = 1 << 20
GB = 1 << 30
MEMORY_BUDGET_MB = 512
WALL_LIMIT_SECONDS = 120
COMMANDS = ("clean", "extract", "analyze", "ingest")


class Bomb:
    """An input file (or '-' with a generator feeding standard input) and what it must provoke."""

    def __init__(self, name, path, reason=None, stdin=None, commands=COMMANDS, note=""):
        self.name = name
        self.path = path
        self.reason = reason    # regex a problem line naming `path` must match; None: may be streamed
        self.stdin = stdin      # a function writing the bytes of standard input to a file object
        self.commands = commands
        self.note = note


def sparse(path, head, size, tail=b""):
    """A file of `size` bytes: `head`, then a hole (read as NUL bytes, costing no disk), then `tail`."""
    with open(path, "wb") as f:
        f.write(head)
        f.truncate(size - len(tail))
        f.seek(0, os.SEEK_END)
        f.write(tail)
    return path


def gzip_repeated(chunk, times):
    """A one-member gzip of `chunk` repeated `times`, built without deflating the whole: the chunk is
    deflated once with a full flush (byte-aligned, no back-reference across it) and that piece is
    repeated; only the CRC needs the whole expansion, which zlib computes at memory speed."""
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    final = z.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    size = (len(chunk) * times) & 0xFFFFFFFF
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + piece * times + final + crc.to_bytes(4, "little") + size.to_bytes(4, "little")


def big_bombs(d):
    os.makedirs(d, exist_ok=True)
    bombs = [
        Bomb("1 GB page", sparse(os.path.join(d, "page_1gb.html"), b"<html><body><p>", GB), r"larger than 16 MB"),
        Bomb("100 MB line in .txt", sparse(os.path.join(d, "line_100mb.txt"), b"word ", 100 * MB), r"larger than 16 MB"),
        Bomb("100 MB line in .jsonl", sparse(os.path.join(d, "line_100mb.jsonl"), b'{"text":"', 100 * MB,
                                            b'"}\n{"text":"The second line is fine."}\n'), r":1: line longer than 16 MB"),
    ]

    def pipe_long_line(f):
        f.write(b'{"text":"')
        block = b"a" * MB
        for _ in range(100):
            f.write(block)
        f.write(b'"}\n{"text":"The line after the long one arrives."}\n')
    bombs.append(Bomb("100 MB line on standard input", "-", r":1: line longer than 16 MB", stdin=pipe_long_line))

    one_gb_of_zeros = gzip_repeated(bytes(MB), 1024)  # about 1 MB that inflates to 1 GB
    for name in ("gzip_1gb.jsonl.gz", "gzip_1gb.html.gz", "gzip_1gb.warc.gz", "gzip_1gb.rss.gz"):
        run_robust.write(os.path.join(d, name), one_gb_of_zeros)
        bombs.append(Bomb("gzip bomb 1 GB (%s)" % name.split(".", 1)[1], os.path.join(d, name),
                          r"expands past 64 MB|larger than 16 MB"))
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" +
            gzip_repeated(b"<p>" * (MB // 3), 1024))
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
              b"Content-Type: application/http; msgtype=response\r\nContent-Length: " + str(len(http)).encode() +
              b"\r\n\r\n" + http + b"\r\n\r\n")
    bombs.append(Bomb("gzip bomb 1 GB in a WARC record's HTTP body",
                      run_robust.write(os.path.join(d, "payload_1gb.warc"), record), r":1: .*expands past 16 MB"))

    bombs.append(Bomb("100,000 nested elements (HTML)", run_robust.write(
        os.path.join(d, "nested_100k.html"),
        b"<html><body>" + b"<div><span>" * 50000 + b"deep" + b"</span></div>" * 50000 + b"</body></html>")))
    bombs.append(Bomb("100,000 nested elements (feed)", run_robust.write(
        os.path.join(d, "nested_100k.rss"),
        b"<rss><channel><item><description>" + b"<x>" * 100000 + b"deep" + b"</x>" * 100000 +
        b"</description></item></channel></rss>")))

    # A million items, compact (14 MB) and full (62 MB): feeds are read as a stream, one item at a
    # time, whatever their size, so both go through clean and extract in flat memory (analyze keeps
    # every article for its report by design, and ingest stores every one: both grow with the
    # corpus, see docs/RELIABILITY.md).
    with open(os.path.join(d, "items_1m_compact.rss"), "wb") as f:
        f.write(b"<rss><channel><title>Wire</title>")
        f.write(b"<item>x</item>" * 1000000)
        f.write(b"</channel></rss>")
    bombs.append(Bomb("feed of a million items (14 MB)", f.name, commands=("clean", "extract"),
                      note="streamed: 1,000,000 articles expected"))
    with open(os.path.join(d, "items_1m.rss"), "wb") as f:
        f.write(b"<rss><channel><title>Wire</title>")
        for i in range(0, 1000000, 10000):
            f.write(b"".join(b"<item><title>t%d</title><description>d</description></item>" % n
                             for n in range(i, i + 10000)))
        f.write(b"</channel></rss>")
    bombs.append(Bomb("feed of a million items (62 MB)", f.name, commands=("clean", "extract"),
                      note="streamed: 1,000,000 articles expected"))
    return bombs


def robust_bombs(tmp):
    """run_robust.py's bombs (each just past a limit), with the problem it expects."""
    return [Bomb(os.path.basename(c.path), c.path, c.expect_reason) for c in run_robust.bomb_cases(tmp)]


def run(binary, command, inputs, stdin_writer, db):
    """Runs one command under /usr/bin/time; returns (exit status, stdout, stderr, peak RSS MB, CPU s, wall s).

    Peak RSS comes from /usr/bin/time rather than from our own wait4: Linux carries a process's
    high-water mark across fork and exec, so a child of this (large) Python process would report
    our memory as its own; /usr/bin/time is a small parent.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r") as measured:
        args = ["/usr/bin/time", "-f", "%M %U %S", "-o", measured.name, binary, command]
        args += {"analyze": ["--json"], "ingest": ["--db", db]}.get(command, []) + inputs
        start = time.monotonic()
        p = subprocess.Popen(args, stdin=subprocess.PIPE if stdin_writer else subprocess.DEVNULL,
                             stdout=out, stderr=err)
        if stdin_writer:
            def feed():
                try:
                    stdin_writer(p.stdin)
                    p.stdin.close()
                except BrokenPipeError:
                    pass
            threading.Thread(target=feed, daemon=True).start()
        try:
            rc = p.wait(timeout=WALL_LIMIT_SECONDS)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            rc = "timeout"
        wall = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        fields = measured.read().split()  # "Command exited with non-zero status N" may come first
        rss_kb, user, system = (float(x) for x in fields[-3:]) if len(fields) >= 3 else (0, 0, 0)
        return rc, out.read(), err.read(), rss_kb / 1024, user + system, wall


def stored(db, article_id):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        return con.execute("SELECT count(*) FROM articles WHERE id = ?", (article_id,)).fetchone()[0] == 1
    except sqlite3.Error:
        return False
    finally:
        con.close()


def check(bomb, command, good, rc, out, err, rss, budget_mb, db):
    failures = []
    problems = [run_robust.PROBLEM.match(line) for line in err.decode("utf-8", "replace").splitlines()]
    if any(m is None for m in problems):
        failures.append("stderr holds a line that is not a problem line: %r" % err[:300])
    about_bomb = [m.group(3) for m in problems if m and m.group(1) == bomb.path]
    if bomb.reason is not None:
        if rc != 3:
            failures.append("exit status %s, expected 3 (input skipped)" % rc)
        # Matched against what follows the path: ":LINE: reason" or ": reason".
        if not any(re.search(bomb.reason, m.string[len("corroborate: " + bomb.path):])
                   for m in problems if m and m.group(1) == bomb.path):
            failures.append("no problem naming %s matching %r; stderr: %r" % (bomb.path, bomb.reason, err[:300]))
    elif rc not in (0, 3):
        failures.append("exit status %s (0 or 3 expected)" % rc)
    if rc == 3 and not about_bomb:
        failures.append("exit status 3 without a problem naming the bomb")
    # The good article after the bomb is still read.
    if command == "ingest":
        if not stored(db, good):
            failures.append("the store does not hold %s" % good)
    elif command == "analyze":
        if good.encode() not in out:
            failures.append("the report does not list %s" % good)
    elif b'"id":"%s"' % good.encode() not in out.replace(b'": "', b'":"'):
        failures.append("no article for %s after the bomb" % good)
    if rss > budget_mb:
        failures.append("peak RSS %.0f MB over the %d MB budget" % (rss, budget_mb))
    if bomb.note.startswith("streamed"):
        n = out.count(b"\n")
        if n < 1000001:
            failures.append("%d articles printed, 1,000,001 expected (a million items and the good one)" % n)
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corroborate", required=True)
    ap.add_argument("--root", required=True, help="the repository (for examples/)")
    ap.add_argument("--sanitized", type=float, default=1.0,
                    help="factor for memory budgets and time limits under sanitizers")
    args = ap.parse_args()
    good = os.path.join(args.root, "examples", "01-harbour-wire.txt")
    if not os.path.exists(good):
        print("SKIP: %s not found" % good)
        return 77
    if not os.access("/usr/bin/time", os.X_OK):
        print("FAIL: /usr/bin/time (Debian package `time`, installed by scripts/setup.sh) is needed to measure peak RSS")
        return 1
    global WALL_LIMIT_SECONDS
    WALL_LIMIT_SECONDS *= args.sanitized
    budget = MEMORY_BUDGET_MB * args.sanitized

    tmp = tempfile.mkdtemp(prefix="corroborate_bombs_")
    started = time.monotonic()
    failures = 0
    runs = 0
    try:
        bombs = big_bombs(os.path.join(tmp, "big")) + robust_bombs(os.path.join(tmp, "robust"))
        print("generated %d bombs in %.1f s; memory budget %d MB per process" %
              (len(bombs), time.monotonic() - started, budget))
        print("%-46s %-8s %4s %8s %7s %7s  %s" % ("bomb", "command", "exit", "RSS MB", "CPU s", "wall s", "result"))
        for bomb in bombs:
            for command in bomb.commands:
                db = os.path.join(tmp, "store%d.db" % runs)
                runs += 1
                rc, out, err, rss, cpu, wall = run(args.corroborate, command, [bomb.path, good], bomb.stdin, db)
                found = check(bomb, command, good, rc, out, err, rss, budget, db)
                first = err.decode("utf-8", "replace").split("\n", 1)[0]
                print("%-46s %-8s %4s %8.0f %7.2f %7.2f  %s" % (bomb.name[:46], command, rc, rss, cpu, wall,
                                                             "FAIL" if found else "ok: " + first[:90]))
                for f in found:
                    print("    " + f)
                failures += len(found)
        print("total %.1f s" % (time.monotonic() - started))
        print("PASS" if failures == 0 else "%d failure(s)" % failures)
        return 0 if failures == 0 else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
