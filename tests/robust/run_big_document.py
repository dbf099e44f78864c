#!/usr/bin/env python3
"""A valid document at the input limit within the memory budget (issue #16, hole 3).

Two documents just under the 16 MB document limit are generated at run time: market notes in our
own words (invented companies, people and places; figures, dates, quotes, names in every
sentence), once as plain text and once as an HTML page. Each command's peak RSS (by
/usr/bin/time) must stay under the budget of docs/RELIABILITY.md, 512 MB per process:
  - the text alone through analyze --json (every per-article stage, the article kept to the end)
    and ingest (into a new store), one thread;
  - both together through extract and analyze --json on two threads: the total must stay
    within the same budget whatever the thread count (src/pipeline/work_budget.h).
Before the fix analyze --json took 707 MB for the text alone, and extract 762 MB for two 16 MB
pages on two threads.

Every run must exit 0 and print the article (or store it). Under sanitizers (--sanitized N) the
budget is multiplied by N, as in run_bombs.py: ASan's shadow memory and quarantine are not the
program's own cost, and the runs then check only that nothing goes wrong (the text through
analyze, both through extract on two threads).

usage: run_big_document.py --corroborate build/corroborate [--sanitized N]
Exit status: 0 pass, 1 failure."""

import argparse
import html
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

MB = 1 << 20
DOC_LIMIT = 16 * MB           # ReadLimits::max_document_bytes
BUDGET_MB = 512               # docs/RELIABILITY.md: 32 times the document limit
SIZE = DOC_LIMIT - 64 * 1024  # just under the limit, whatever the page's markup adds


def market_notes(seed, limit, as_html):
    """Paragraphs of invented market notes, `limit` bytes at most once written (escaped for HTML)."""
    rng = random.Random(seed)
    syl = ['ka', 'lo', 'ven', 'tra', 'mir', 'dox', 'sel', 'quin', 'bar', 'tel', 'nor', 'vi', 'zan', 'ro', 'mek']

    def name():
        return ''.join(rng.choice(syl) for _ in range(rng.randint(2, 3))).capitalize()

    orgs = [name() + ' ' + rng.choice(['Bank', 'Holdings', 'Labs', 'Foods', 'Motors', 'Group']) for _ in range(300)]
    people = [name() + ' ' + name() for _ in range(300)]
    places = [name() for _ in range(100)]
    goods = ['heat pumps', 'steel coils', 'coffee beans', 'river barges', 'solar panels', 'wool', 'printer ink']
    days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']
    months = ['January', 'March', 'May', 'July', 'September', 'November']

    def sentence():
        k = rng.randrange(4)
        if k == 0:
            return 'Analysts at %s said on %s that prices for %s in %s rose %.1f percent to $%d million.' % (
                rng.choice(orgs), rng.choice(days), rng.choice(goods), rng.choice(places), rng.uniform(0.1, 9.9),
                rng.randint(2, 900))
        if k == 1:
            return '"Demand for %s stays steady," said %s, chief economist at %s.' % (
                rng.choice(goods), rng.choice(people), rng.choice(orgs))
        if k == 2:
            return 'Shipments from %s reached %d tonnes in %s %d, up from %d tonnes a year earlier.' % (
                rng.choice(places), rng.randint(100, 90000), rng.choice(months), rng.randint(2019, 2026),
                rng.randint(100, 90000))
        return 'The weather in %s was mild, and traders at %s expected calm markets for the rest of the week.' % (
            rng.choice(places), rng.choice(orgs))

    parts = ['<html><head><title>Market notes</title></head><body><article><h1>Market notes</h1>\n'
             if as_html else 'Market notes\n\n']
    tail = '</article></body></html>\n' if as_html else ''
    size = len(parts[0]) + len(tail)
    while True:
        p = ' '.join(sentence() for _ in range(rng.randint(3, 6)))
        p = '<p>' + html.escape(p) + '</p>\n' if as_html else p + '\n\n'
        if size + len(p.encode()) > limit:
            break
        parts.append(p)
        size += len(p.encode())
    parts.append(tail)
    return ''.join(parts)


def measure(binary, args):
    """(exit status, stdout bytes, stderr, peak RSS in MB, wall seconds) of one command."""
    with tempfile.NamedTemporaryFile(mode="r", suffix=".time") as measured:
        start = time.monotonic()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", measured.name, binary] + args,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wall = time.monotonic() - start
        fields = measured.read().split()
        rss_mb = int(fields[-1]) / 1024 if fields and fields[-1].isdigit() else float("inf")
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace"), rss_mb, wall


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corroborate", required=True)
    ap.add_argument("--sanitized", type=int, default=1)
    args = ap.parse_args()
    budget = BUDGET_MB * args.sanitized
    tmp = tempfile.mkdtemp(prefix="corroborate_bigdoc_")
    failures = []
    try:
        text = os.path.join(tmp, "notes.txt")
        page = os.path.join(tmp, "notes.html")
        with open(text, "w", encoding="utf-8") as f:
            f.write(market_notes(1, SIZE, False))
        with open(page, "w", encoding="utf-8") as f:
            f.write(market_notes(2, SIZE, True))
        both = os.path.join(tmp, "both")
        os.makedirs(both)
        for path in (text, page):
            os.link(path, os.path.join(both, os.path.basename(path)))
        print("big_document: %s %.1f MB, %s %.1f MB; budget %d MB" %
              (os.path.basename(text), os.path.getsize(text) / MB, os.path.basename(page), os.path.getsize(page) / MB,
               budget))

        # analyze runs every per-article stage (clean, extract, events) and keeps the article, so its
        # peak covers theirs; ingest adds the store. The two threads' runs take both documents.
        runs = [("text", "analyze --json", [text], 1), ("text", "ingest", [text], 1),
                ("both", "extract", [both], 2), ("both", "analyze --json", [both], 2)]
        if args.sanitized > 1:
            # Several times slower under sanitizers: the runs that cover every stage once (analyze)
            # and two threads sharing the work budget (extract) are enough to find what they find.
            runs = [runs[0], runs[2]]
        for label, command, inputs, threads in runs:
            argv = command.split() + ["--threads", str(threads)]
            db = None
            if command == "ingest":
                db = os.path.join(tmp, "store.db")
                argv += ["--db", db]
            rc, out, err, rss, wall = measure(args.corroborate, argv + inputs)
            print("big_document: %-5s %-15s %d thread%s: exit %d, peak RSS %.0f MB, %.1f s" %
                  (label, command, threads, "" if threads == 1 else "s", rc, rss, wall))
            if rc != 0:
                failures.append("%s %s exited %d: %s" % (label, command, rc, err.strip()[:300]))
            if rss >= budget:
                failures.append("%s %s on %d thread(s): peak RSS %.0f MB, not under %d MB" % (label, command, threads,
                                                                                              rss, budget))
            # The document was processed, not refused: its words are in the output or the store.
            if db:
                con = sqlite3.connect(db)
                n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                con.close()
                if n != 1:
                    failures.append("ingest stored %d articles, not 1" % n)
            else:
                names = sorted(os.listdir(inputs[0])) if os.path.isdir(inputs[0]) else [os.path.basename(inputs[0])]
                missing = [n for n in names if n.encode() not in out]
                if missing:
                    failures.append("%s %s printed nothing about %s" % (label, command, ", ".join(missing)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    print("FAIL" if failures else "PASS")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
