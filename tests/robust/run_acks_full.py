#!/usr/bin/env python3
"""The --acks file of `corroborate ingest` when its writes fail, and across reruns (issue #16, hole 4).

600 generated articles (bench/generate_articles.py; ids like "g00000001", 12 bytes a line) are
ingested in batches of 10 with --acks on a file that cannot hold them all:
  tmpfs   the acks file on a 4 KiB tmpfs (room for 341 of the 600 lines; needs root), and
  fsize   the acks file filled with padding lines of other ids to 2 KiB under RLIMIT_FSIZE (the
          store, already holding the articles, does not grow: every article is a duplicate).
In each mode ingest must
  - exit 1 (not 0, not killed by SIGXFSZ) with a problem line naming the acks file and the
    system's reason ("No space left on device" / "File too large");
  - leave the acks file with whole lines only (its last byte a newline, every line a JSON string);
  - have acknowledged only stored articles, each once.
Then, with room again, the same ingest must exit 0 and leave every stored id in the file exactly
once; a third run must not change the file (before the fix each rerun appended every id again);
a torn last line (a killed writer's) is cut off and its id written whole by the next run; and a
file that is not an acks file is refused untouched.
Exit status: 0 pass, 1 failure, 77 skipped (no generator).
"""

import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile

ARTICLES = 600
BATCH = 10
TMPFS_SIZE = 4096
FSIZE = 1 << 20          # the fsize mode's limit: far above the padding's lines, far below the store
PAD_LINE = 1000          # bytes of each padding line (fewer lines to read back)


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


def stored_ids(db):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        return [r[0] for r in con.execute("SELECT id FROM articles ORDER BY rowid")]
    finally:
        con.close()


def read_acks(path):
    """(ids, raw bytes), after checking the file holds whole lines, each a JSON string."""
    with open(path, "rb") as f:
        raw = f.read()
    check(raw == b"" or raw.endswith(b"\n"), "%s ends in a torn line: %r" % (path, raw[-40:]))
    ids = []
    for n, line in enumerate(raw.split(b"\n")[:-1], 1):
        value = json.loads(line)
        check(isinstance(value, str), "%s:%d is not a JSON string: %r" % (path, n, line[:60]))
        ids.append(value)
    return ids, raw


def ingest(binary, db, acks, corpus, fsize=None):
    def limit():
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    return subprocess.run([binary, "ingest", "--db", db, "--acks", acks, "--batch", str(BATCH), corpus],
                          capture_output=True, text=True, preexec_fn=limit)


def expect_acks_failure(run, acks, reason):
    print("acks_full: exit %d; stderr: %s" % (run.returncode, run.stderr.strip()[:300]))
    check(run.returncode >= 0, "ingest was killed by signal %d" % -run.returncode)
    check(run.returncode == 1, "ingest exited %d while its acks file could not be written, not 1" % run.returncode)
    check(any(l.startswith("corroborate: %s: " % acks) and reason in l for l in run.stderr.split("\n")),
          "no problem line naming %s and %r: %r" % (acks, reason, run.stderr[:300]))


def full_then_room(binary, corpus, order, tmp, mode):
    """The acks file runs out of room, then gets it back; returns the folder's acks path."""
    folder = os.path.join(tmp, mode)
    os.makedirs(folder)
    acks = os.path.join(folder, "acks.txt")
    db = os.path.join(tmp, mode + ".db")
    padding = []
    mounted = False
    try:
        if mode == "tmpfs":
            r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%d" % TMPFS_SIZE, "tmpfs", folder],
                               capture_output=True, text=True)
            if r.returncode != 0:
                print("acks_full: tmpfs mode skipped: cannot mount a tmpfs (%s)" % r.stderr.strip())
                return
            mounted = True
            run = ingest(binary, db, acks, corpus)
            expect_acks_failure(run, acks, "No space left on device")
        else:
            # The store first, without a limit and without acks: under the limit every article is
            # a duplicate, so only the acks file grows.
            first = subprocess.run([binary, "ingest", "--db", db, corpus], capture_output=True, text=True)
            check(first.returncode == 0, "ingest without a limit: %d %s" % (first.returncode, first.stderr[:300]))
            with open(acks, "w") as f:
                n = 0
                while f.tell() + PAD_LINE + 1 <= FSIZE - 2048:
                    pad = "pad-%06d-" % n
                    pad += "x" * (PAD_LINE - 2 - len(pad))
                    padding.append(pad)
                    f.write(json.dumps(pad) + "\n")
                    n += 1
            run = ingest(binary, db, acks, corpus, fsize=FSIZE)
            expect_acks_failure(run, acks, "File too large")
        ids, _ = read_acks(acks)
        acked = [i for i in ids if not i.startswith("pad-")]
        stored = set(stored_ids(db))
        check(0 < len(acked) < len(order), "%d of %d ids acknowledged: the file did not fill" % (len(acked), len(order)))
        check(set(acked) <= stored, "acknowledged ids that are not stored: %s" % sorted(set(acked) - stored)[:3])
        check(len(acked) == len(set(acked)), "an id acknowledged twice")
        print("acks_full: %s: %d of %d acknowledged, whole lines only, all stored" % (mode, len(acked), len(order)))

        if mounted:
            subprocess.run(["mount", "-o", "remount,size=%d" % (1 << 20), folder], check=True)
        again = ingest(binary, db, acks, corpus)
        check(again.returncode == 0, "ingest with room again exited %d: %s" % (again.returncode, again.stderr[:300]))
        ids, raw = read_acks(acks)
        check(ids[:len(padding)] == padding, "the padding lines changed")
        acked = ids[len(padding):]
        check(sorted(acked) == sorted(stored_ids(db)) and len(acked) == len(set(acked)),
              "after the second run the file holds %d ids (%d distinct) for %d stored articles" %
              (len(acked), len(set(acked)), len(stored_ids(db))))
        third = ingest(binary, db, acks, corpus)
        check(third.returncode == 0, "a rerun exited %d: %s" % (third.returncode, third.stderr[:300]))
        _, raw_after = read_acks(acks)
        check(raw_after == raw, "a rerun changed the acks file (%d bytes, was %d)" % (len(raw_after), len(raw)))
        print("acks_full: %s: with room again every stored id once (%d); a rerun left the file unchanged" %
              (mode, len(acked)))
    finally:
        if mounted:
            subprocess.run(["umount", folder], capture_output=True)


def torn_and_foreign(binary, corpus, tmp):
    db = os.path.join(tmp, "torn.db")
    acks = os.path.join(tmp, "torn-acks.txt")
    run = ingest(binary, db, acks, corpus)
    check(run.returncode == 0, "ingest exited %d: %s" % (run.returncode, run.stderr[:300]))
    ids, raw = read_acks(acks)
    # A writer killed mid-line: the last id torn in two.
    last = raw[:-1].rsplit(b"\n", 1)[-1]
    with open(acks, "wb") as f:
        f.write(raw[:-(len(last) + 1)] + last[:5])
    run = ingest(binary, db, acks, corpus)
    check(run.returncode == 0, "ingest after a torn line exited %d: %s" % (run.returncode, run.stderr[:300]))
    repaired, raw2 = read_acks(acks)
    check(sorted(repaired) == sorted(ids) and len(repaired) == len(set(repaired)),
          "after a torn line the file holds %d ids, not the %d stored once each" % (len(repaired), len(ids)))
    print("acks_full: a torn last line was cut off and its id written whole")

    foreign = os.path.join(tmp, "notes.txt")
    content = b"these are my notes\nnot ids"
    with open(foreign, "wb") as f:
        f.write(content)
    run = ingest(binary, db, foreign, corpus)
    check(run.returncode == 1 and "%s:1: not an acks file" % foreign in run.stderr,
          "a file that is not an acks file: exit %d, %r" % (run.returncode, run.stderr[:300]))
    with open(foreign, "rb") as f:
        check(f.read() == content, "a file that is not an acks file was changed")
    print("acks_full: a file that is not an acks file was refused untouched")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--generator", required=True)
    args = ap.parse_args()
    if not os.path.exists(args.generator):
        print("SKIP: %s not found" % args.generator)
        return 77
    tmp = tempfile.mkdtemp(prefix="corroborate_acks_")
    try:
        corpus = os.path.join(tmp, "articles.jsonl")
        subprocess.run([sys.executable, args.generator, "--n", str(ARTICLES), "--seed", "5", "--out", corpus],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(corpus, encoding="utf-8") as f:
            order = [json.loads(line)["id"] for line in f]
        for mode in ("tmpfs", "fsize"):
            full_then_room(args.bin, corpus, order, tmp, mode)
        torn_and_foreign(args.bin, corpus, tmp)
    except Failure as e:
        print("acks_full: FAIL: %s" % e)
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
