#!/usr/bin/env python3
"""Disk full: `corroborate ingest` into a store on a small file system until it fills (issue #8).

A generated corpus (bench/generate_articles.py) is ingested into a store whose folder holds only a
few megabytes. When the space runs out ingest must stop with a clear error naming the store and
the cause (exit status 1, ingest_command.h), and the store must stay sound: PRAGMA
integrity_check is ok, every article ingest acknowledged (--acks, written only after its
transaction committed) is there, each at most once. Then the space is freed and the same ingest
must succeed and add exactly the rest.

How the space is limited, in order of preference (the output says which ran):
  tmpfs   a tmpfs mounted on the store's folder (needs root and mount rights), grown afterwards
          with `mount -o remount,size=...`;
  fsize   RLIMIT_FSIZE on the ingest process (files may not grow past the limit), lifted
          afterwards. SIGXFSZ keeps its default action (ending the process), as under `ulimit -f`:
          ingest must handle it itself and report the write's EFBIG ("File too large").
Exit status: 0 pass, 1 failure, 77 skipped (no generator).
"""

import argparse
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile

ARTICLES = 300          # about 22 KB of store each: 6.5 MB when complete
SMALL = 3 << 20         # the space the first run gets: it fills after roughly half the corpus
LARGE = 256 << 20       # the space once freed


def fail(message):
    print("disk_full: FAIL: " + message)
    sys.exit(1)


def stored_ids(db):
    """The store's article ids, after checking its integrity (read-only: nothing is repaired)."""
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        check = con.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            fail("integrity_check: %r" % check[:5])
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchall():
            return []
        return [r[0] for r in con.execute("SELECT id FROM articles ORDER BY rowid")]
    finally:
        con.close()


def acknowledged(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f.read().split("\n") if line]


def try_mount(folder, size):
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%d" % size, "tmpfs", folder],
                       capture_output=True, text=True)
    return r.returncode == 0, r.stderr.strip()


def ingest(binary, db, acks, corpus, fsize=None):
    def limit():
        if fsize is not None:
            # SIGXFSZ is left as subprocess leaves it, at its default (issue #16: ignoring it here
            # hid that ingest was killed by it without a word).
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    return subprocess.run([binary, "ingest", "--db", db, "--acks", acks, "--batch", "10", corpus],
                          capture_output=True, text=True, preexec_fn=limit)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--generator", required=True)
    ap.add_argument("--mode", choices=("auto", "tmpfs", "fsize"), default="auto")
    args = ap.parse_args()
    if not os.path.exists(args.generator):
        print("SKIP: %s not found" % args.generator)
        return 77

    tmp = tempfile.mkdtemp(prefix="corroborate_diskfull_")
    folder = os.path.join(tmp, "store")
    os.makedirs(folder)
    mounted = False
    try:
        corpus = os.path.join(tmp, "articles.jsonl")
        subprocess.run([sys.executable, args.generator, "--n", str(ARTICLES), "--seed", "5", "--out", corpus],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(corpus, encoding="utf-8") as f:
            order = [json.loads(line)["id"] for line in f]
        db = os.path.join(folder, "store.db")
        acks = os.path.join(tmp, "acks.txt")  # outside the small folder: it must not fill it

        mode = args.mode
        if mode in ("auto", "tmpfs"):
            mounted, why = try_mount(folder, SMALL)
            if not mounted:
                if mode == "tmpfs":
                    fail("cannot mount a tmpfs: " + why)
                print("disk_full: cannot mount a tmpfs (%s); limiting file size with RLIMIT_FSIZE instead" % why)
            mode = "tmpfs" if mounted else "fsize"
        print("disk_full: mode %s, %d MB of space for a store of about %.1f MB" %
              (mode, SMALL >> 20, ARTICLES * 22 / 1024))

        full = ingest(args.bin, db, acks, corpus, fsize=SMALL if mode == "fsize" else None)
        print("disk_full: first run: exit %d; stderr: %s" % (full.returncode, full.stderr.strip()[:300]))
        if full.returncode < 0:
            fail("ingest was killed by signal %d" % -full.returncode)
        if full.returncode != 1:
            fail("ingest into a full store exited with %d, expected 1 (the store failed)" % full.returncode)
        # On a full file system SQLite says "database or disk is full". Past RLIMIT_FSIZE the write
        # fails with EFBIG, which SQLite reports only as "disk I/O error"; ingest adds the cause.
        cause = "disk is full" if mode == "tmpfs" else "File too large"
        lines = full.stderr.strip().split("\n")
        if not any(re.match(r"corroborate: %s: .*(%s)" % (re.escape(db), cause), l) for l in lines):
            fail("no error naming the store and the cause (%s): %r" % (cause, full.stderr[:400]))
        ids = stored_ids(db)
        acked = acknowledged(acks)
        if not 0 < len(ids) < len(order):
            fail("the first run stored %d of %d articles: the space was not what filled" % (len(ids), len(order)))
        if len(ids) != len(set(ids)):
            fail("an article is stored twice")
        missing = set(acked) - set(ids)
        if missing:
            fail("%d acknowledged articles are missing, e.g. %s" % (len(missing), sorted(missing)[0]))
        print("disk_full: full store: integrity ok, %d articles stored, %d acknowledged, all there" %
              (len(ids), len(acked)))

        if mode == "tmpfs":
            subprocess.run(["mount", "-o", "remount,size=%d" % LARGE, folder], check=True)
        again = ingest(args.bin, db, acks, corpus)
        if again.returncode != 0:
            fail("ingest after space was freed exited with %d: %s" % (again.returncode, again.stderr[:400]))
        after = stored_ids(db)
        if sorted(after) != sorted(order) or len(after) != len(set(after)):
            fail("after space was freed the store holds %d articles, expected each of the %d once" %
                 (len(after), len(order)))
        print("disk_full: space freed: ingest added the other %d articles; %d stored, integrity ok" %
              (len(order) - len(ids), len(after)))
        print("PASS")
        return 0
    finally:
        if mounted:
            subprocess.run(["umount", folder], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
