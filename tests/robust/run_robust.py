#!/usr/bin/env python3
"""Bad-input robustness test for `corroborate clean` (registered with ctest in CMakeLists.txt).

Feeds every page, feed, WARC, text and JSON document of ../shared/robust (and generated bombs) to
the built binary and checks, for every file: exit status 0 or 3 (no crash), finished within one
second of CPU time (the machine is shared; a hang is caught by a 5 s wall-clock limit; both scaled
by --slowdown for a sanitizer build, see tests/robust/CMakeLists.txt), stdout
valid UTF-8 with one JSON object per line, and every stderr line a contract problem line
`corroborate: PATH[:LINE]: reason` naming an input of that run.

Files are run in batches to keep the test fast; a batch that uses at most one second proves each
of its files did. A batch that is slower or fails is re-run file by file to find the culprit.
Corpus files are read in place or written to a temporary folder; nothing is copied into the repo.
Exit status: 0 pass, 1 failures, 77 skipped (no ../shared/robust).
"""

import argparse
import base64
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zlib

BUDGET_SECONDS = 1.0       # CPU time per file
WALL_LIMIT_SECONDS = 5.0   # a file still running after this is a hang, whatever the load
BATCH_SIZE = 100
SKIP = 77


class Case:
    """One input file (or '-' with bytes for standard input) and what its run must show."""

    def __init__(self, corpus, path, expect_exit=None, expect_reason=None, stdin=None):
        self.corpus = corpus
        self.path = path
        self.stdin = stdin
        self.expect_exit = expect_exit      # None: 0 or 3
        self.expect_reason = expect_reason  # a regex one stderr line must match


# ---------------------------------------------------------------- corpus -> cases

def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def html5lib_dat_blocks(path):
    """The `#data` sections of an html5lib .dat file (tree-construction or encoding tests)."""
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    blocks, current = [], None
    for line in lines:
        if line == b"#data":
            current = []
            blocks.append(current)
        elif line.startswith(b"#") and current is not None and line != b"#data":
            current = None
        elif current is not None:
            current.append(line)
    return [b"\n".join(b) for b in blocks]


def unescape_double(s):
    # Tokenizer tests marked doubleEscaped spell code units as \\uXXXX, lone surrogates included.
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)


def html5lib_cases(robust, tmp):
    cases = []
    root = os.path.join(robust, "html5lib-tests")
    n = 0
    for sub in ("tree-construction", "encoding"):
        for dirpath, _, files in sorted(os.walk(os.path.join(root, sub))):
            for name in sorted(files):
                if not name.endswith(".dat"):
                    continue
                for block in html5lib_dat_blocks(os.path.join(dirpath, name)):
                    n += 1
                    cases.append(Case("html5lib-" + sub, write(os.path.join(tmp, "html5lib", sub, "%05d.html" % n), block)))
    tok = os.path.join(root, "tokenizer")
    for name in sorted(os.listdir(tok)):
        if not name.endswith(".test"):
            continue
        with open(os.path.join(tok, name), encoding="utf-8") as f:
            doc = json.load(f)
        for test in doc.get("tests", []) + doc.get("xmlViolationTests", []):
            text = test.get("input", "")
            if test.get("doubleEscaped"):
                text = unescape_double(text)
            n += 1
            data = text.encode("utf-8", "surrogatepass")  # lone surrogates become invalid bytes
            cases.append(Case("html5lib-tokenizer", write(os.path.join(tmp, "html5lib", "tokenizer", "%05d.html" % n), data)))
    return cases


def kuhn_cases(robust, tmp):
    src = os.path.join(robust, "utf8-kuhn", "UTF-8-test.txt")
    with open(src, "rb") as f:
        data = f.read()
    return [
        Case("utf8-kuhn", src),
        Case("utf8-kuhn", write(os.path.join(tmp, "kuhn", "kuhn.html"), b"<html><body><pre>" + data + b"</pre></body></html>")),
        Case("utf8-kuhn", write(os.path.join(tmp, "kuhn", "kuhn.jsonl"),
                                b"".join(b'{"text":"' + line.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"}\n'
                                         for line in data.split(b"\n")))),
    ]


def blns_cases(robust, tmp):
    root = os.path.join(robust, "blns")
    with open(os.path.join(root, "blns.base64.json"), encoding="utf-8") as f:
        strings = [base64.b64decode(s) for s in json.load(f)]
    cases = [Case("blns", os.path.join(root, "blns.txt"))]
    for i, raw in enumerate(strings):
        cases.append(Case("blns", write(os.path.join(tmp, "blns", "%04d.txt" % i), raw)))
    as_fields = []
    for raw in strings:
        s = raw.decode("utf-8", "replace")
        as_fields.append(json.dumps({"id": s, "title": s, "author": s, "outlet": s, "published": s,
                                     "url": s, "text": s}, ensure_ascii=False).encode("utf-8"))
    cases.append(Case("blns", write(os.path.join(tmp, "blns", "fields.jsonl"), b"\n".join(as_fields) + b"\n")))
    # The raw strings as lines: mostly not JSON, so mostly problems, each with its line number.
    raw_lines = b"\n".join(raw.replace(b"\n", b" ").replace(b"\r", b" ") for raw in strings) + b"\n"
    cases.append(Case("blns", write(os.path.join(tmp, "blns", "raw.jsonl"), raw_lines)))
    page = b"<html><head><title>blns</title></head><body>" + b"".join(b"<p>" + raw + b"</p>\n" for raw in strings) + b"</body></html>"
    cases.append(Case("blns", write(os.path.join(tmp, "blns", "page.html"), page)))
    return cases


def feedparser_cases(robust):
    cases = []
    for dirpath, _, files in sorted(os.walk(os.path.join(robust, "feedparser-tests", "tests"))):
        for name in sorted(files):
            if name.endswith(".xml"):
                cases.append(Case("feedparser", os.path.join(dirpath, name)))
    return cases


def warcio_cases(robust):
    cases = []
    for dirpath, _, files in sorted(os.walk(os.path.join(robust, "warcio-testdata"))):
        for name in sorted(files):
            if name in ("LICENSE", "SOURCE.md"):
                continue
            path = os.path.join(dirpath, name)
            if name.endswith(".warc") or name.endswith(".warc.gz"):
                cases.append(Case("warcio", path))
            else:  # .arc, .arc.gz, .warc.gz.bad, .warc.test: kinds the contract does not name
                cases.append(Case("warcio", path, expect_exit=3, expect_reason=r"unknown input kind"))
    return cases


def json_suite_cases(robust, tmp):
    cases, lines, fields = [], [], []
    for sub in ("test_parsing", "test_transform"):
        folder = os.path.join(robust, "JSONTestSuite", sub)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
            cases.append(Case("JSONTestSuite", write(os.path.join(tmp, "json", sub, name[:-5] + ".jsonl"), data)))
            one_line = data.replace(b"\n", b" ").replace(b"\r", b" ")
            lines.append(one_line)
            fields.append(b'{"id":"' + name.encode() + b'","text":' + one_line + b"}")
    all_lines = b"\n".join(lines) + b"\n"
    cases.append(Case("JSONTestSuite", write(os.path.join(tmp, "json", "all_lines.jsonl"), all_lines)))
    cases.append(Case("JSONTestSuite", write(os.path.join(tmp, "json", "as_text_field.jsonl"), b"\n".join(fields) + b"\n")))
    cases.append(Case("JSONTestSuite", "-", stdin=all_lines))
    return cases


def gzip_stream(pieces):
    """A gzip member built from an iterator of byte pieces, never holding the whole input."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [z.compress(p) for p in pieces]
    out.append(z.flush())
    return b"".join(out)


def bomb_cases(tmp):
    d = os.path.join(tmp, "bombs")
    mb = 1 << 20
    cases = []
    word = b"<p>" + b"lorem ipsum dolor sit amet " * 36 + b"</p>\n"
    page = b"<html><body>" + word * (17 * mb // len(word) + 1) + b"</body></html>"
    cases.append(Case("bombs", write(os.path.join(d, "page_17mb.html"), page), 3, r"larger than 16 MB"))
    cases.append(Case("bombs", write(os.path.join(d, "text_17mb.txt"), b"word " * (17 * mb // 5 + 1)), 3, r"larger than 16 MB"))
    cases.append(Case("bombs", write(os.path.join(d, "nested_divs.html"),
                                     b"<html><body>" + b"<div>" * 100000 + b"deep" + b"</div>" * 100000 + b"</body></html>")))
    deep = b'{"text":"deep","d":' + b"[" * 600 + b"]" * 600 + b"}\n"
    cases.append(Case("bombs", write(os.path.join(d, "nested_600.jsonl"), deep + b'{"text":"fine"}\n'), 3,
                      r":1: JSON nests deeper than 512"))
    cases.append(Case("bombs", write(os.path.join(d, "long_line.jsonl"),
                                     b'{"text":"' + b"a" * (17 * mb) + b'"}\n{"text":"next"}\n'), 3, r":1: line longer than 16 MB"))
    zeros = (b"\0" * mb for _ in range(70))
    cases.append(Case("bombs", write(os.path.join(d, "gzip_bomb.jsonl.gz"), gzip_stream(zeros)), 3, r"expands past 64 MB"))
    zeros = (b"\0" * mb for _ in range(70))
    cases.append(Case("bombs", write(os.path.join(d, "gzip_bomb.html.gz"), gzip_stream(zeros)), 3, r"larger than 16 MB|expands past 64 MB"))
    zeros = (b"\0" * mb for _ in range(70))
    cases.append(Case("bombs", write(os.path.join(d, "gzip_bomb.warc.gz"), gzip_stream(zeros)), 3, r"."))
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
              b"Content-Type: application/http; msgtype=response\r\n")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + gzip_stream(b"<p>" * mb for _ in range(30))
    record += b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n"
    cases.append(Case("bombs", write(os.path.join(d, "payload_bomb.warc"), record), 3, r":1: .*expands past 16 MB"))
    laughs = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "ha">'
    for i in range(1, 16):
        laughs += b"<!ENTITY l%d \"%s\">" % (i, (b"&l%d;" % (i - 1)) * 10)
    laughs += b"]><rss><channel><title>&l15;</title><item><title>&l15;</title><description>&l15;</description></item></channel></rss>"
    cases.append(Case("bombs", write(os.path.join(d, "billion_laughs.rss"), laughs)))
    cases.append(Case("bombs", write(os.path.join(d, "deep.xml"),
                                     b"<rss><channel>" + b"<x>" * 100000 + b"</x>" * 100000 + b"</channel></rss>")))
    items = b"".join(b"<item><title>t%d</title><description>d</description></item>" % i for i in range(20000))
    cases.append(Case("bombs", write(os.path.join(d, "many_items.rss"), b"<rss><channel>" + items + b"</channel></rss>")))
    return cases


# ---------------------------------------------------------------- running and checking

PROBLEM = re.compile(r"^corroborate: (.*?)(?::(\d+))?: (.+)$")


def check_strings(value):
    """Raises when a decoded JSON value holds a lone surrogate (not valid UTF-8 once encoded)."""
    if isinstance(value, str):
        value.encode("utf-8")
    elif isinstance(value, list):
        for v in value:
            check_strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            check_strings(k)
            check_strings(v)


def check_output(paths, rc, out, err):
    """The failures of one run over `paths`, as strings (empty when everything holds)."""
    failures = []
    if rc not in (0, 3):
        failures.append("exit status %s (0 or 3 expected)" % rc)
    try:
        text = out.decode("utf-8", "strict")
    except UnicodeDecodeError as e:
        failures.append("stdout is not valid UTF-8: %s" % e)
        text = out.decode("utf-8", "replace")
    lines = text.split("\n")  # not splitlines(): U+2028 may legitimately stand inside a JSON string
    if lines[-1] == "":
        lines.pop()
    for n, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                failures.append("stdout line %d is not a JSON object" % n)
            check_strings(obj)
        except (ValueError, UnicodeEncodeError) as e:
            failures.append("stdout line %d is not valid JSON: %s: %r" % (n, e, line[:120]))
    names = set(paths)
    for line in err.decode("utf-8", "replace").splitlines():
        m = PROBLEM.match(line)
        if not m:
            failures.append("stderr line is not a problem line: %r" % line[:200])
            continue
        if m.group(1) not in names:  # PATH must be one of this run's inputs
            failures.append("stderr names an unknown input: %r" % line[:200])
    return failures


def run(binary, paths, stdin=None, timeout=30):
    """Runs one process; returns (exit status, stdout, stderr, CPU seconds, wall seconds).

    The budget is judged on the child's own CPU time (from wait4), because the machine is shared
    and wall time under load says little about the program; wall time still catches hangs.
    """
    with tempfile.TemporaryFile() as fin, tempfile.TemporaryFile() as fout, tempfile.TemporaryFile() as ferr:
        fin.write(stdin or b"")
        fin.seek(0)
        start = time.monotonic()
        p = subprocess.Popen([binary, "clean"] + paths, stdin=fin, stdout=fout, stderr=ferr)
        timer = threading.Timer(timeout, p.kill)
        timer.start()
        _, status, usage = os.wait4(p.pid, 0)
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)  # reaped here; Popen must not wait again
        wall = time.monotonic() - start
        fout.seek(0)
        ferr.seek(0)
        rc = "timeout" if wall >= timeout else p.returncode
        return rc, fout.read(), ferr.read(), usage.ru_utime + usage.ru_stime, wall


def run_single(binary, case):
    rc, out, err, cpu, wall = run(binary, [case.path], case.stdin, timeout=WALL_LIMIT_SECONDS)
    failures = check_output([case.path], rc, out, err)
    if cpu > BUDGET_SECONDS:
        failures.append("took %.2f s of CPU (budget %.1f s; %.2f s wall)" % (cpu, BUDGET_SECONDS, wall))
    if case.expect_exit is not None and rc != case.expect_exit:
        failures.append("exit status %s, expected %s" % (rc, case.expect_exit))
    if case.expect_reason is not None and not re.search(case.expect_reason, err.decode("utf-8", "replace")):
        failures.append("no problem matching %r; stderr: %r" % (case.expect_reason, err[:300]))
    return case, rc, out, err, failures


def run_batch(binary, cases):
    """Runs `cases` in one process; re-runs them one by one when the batch fails or is slow."""
    paths = [c.path for c in cases]
    rc, out, err, cpu, _ = run(binary, paths, timeout=max(30, WALL_LIMIT_SECONDS * len(cases)))
    failures = check_output(paths, rc, out, err)
    if not failures and cpu <= BUDGET_SECONDS:
        return [(c, rc, None, err, []) for c in cases], out.count(b"\n"), err.count(b"\n")
    print("batch of %d %s files (%s ...) %s; re-running them one by one" %
          (len(cases), cases[0].corpus, cases[0].path,
           "failed" if failures else "used %.2f s of CPU" % cpu), flush=True)
    results = [run_single(binary, c) for c in cases]
    articles = sum(r[2].count(b"\n") for r in results)
    problems = sum(r[3].count(b"\n") for r in results)
    return results, articles, problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corroborate", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", action="store_true", help="keep the generated inputs")
    ap.add_argument("--slowdown", type=float, default=1.0,
                    help="how many times slower the binary is than a release build (sanitizers)")
    args = ap.parse_args()
    global BUDGET_SECONDS, WALL_LIMIT_SECONDS
    BUDGET_SECONDS *= args.slowdown
    WALL_LIMIT_SECONDS *= args.slowdown
    robust = os.path.join(args.shared, "robust")
    if not os.path.isdir(robust):
        print("SKIP: %s not found; the bad-input corpora live in ../shared beside the project" % robust)
        return SKIP
    if not os.access(args.corroborate, os.X_OK):
        print("FAIL: %s is not an executable" % args.corroborate)
        return 1

    started = time.monotonic()
    tmp = tempfile.mkdtemp(prefix="corroborate_robust_")
    try:
        batched = (html5lib_cases(robust, tmp) + kuhn_cases(robust, tmp) + blns_cases(robust, tmp) +
                   feedparser_cases(robust) + json_suite_cases(robust, tmp))
        singles = [c for c in batched if c.stdin is not None] + warcio_cases(robust) + bomb_cases(tmp)
        batched = [c for c in batched if c.stdin is None]

        stats = {}  # corpus -> [files, articles, problems, failed files]
        def tally(case, articles=0, problems=0, failed=False):
            s = stats.setdefault(case.corpus, [0, 0, 0, 0])
            s[0] += 1
            s[1] += articles
            s[2] += problems
            s[3] += 1 if failed else 0

        all_failures = []
        groups = {}
        for c in batched:
            groups.setdefault(c.corpus, []).append(c)
        jobs = []
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for corpus, cases in groups.items():
                for i in range(0, len(cases), BATCH_SIZE):
                    jobs.append(("batch", pool.submit(run_batch, args.corroborate, cases[i:i + BATCH_SIZE])))
            for c in singles:
                jobs.append(("single", pool.submit(run_single, args.corroborate, c)))
            for kind, job in jobs:
                if kind == "batch":
                    results, articles, problems = job.result()
                    for n, (case, _, _, _, failures) in enumerate(results):
                        # Batch counts go to the first case's corpus (a batch holds one corpus).
                        tally(case, articles if n == 0 else 0, problems if n == 0 else 0, bool(failures))
                        all_failures += [(case, f) for f in failures]
                else:
                    case, rc, out, err, failures = job.result()
                    tally(case, out.count(b"\n"), err.count(b"\n"), bool(failures))
                    all_failures += [(case, f) for f in failures]

        print("%-26s %7s %9s %9s %7s" % ("corpus", "files", "articles", "problems", "failed"))
        for corpus in sorted(stats):
            s = stats[corpus]
            print("%-26s %7d %9d %9d %7d" % (corpus, s[0], s[1], s[2], s[3]))
        print("total %d files in %.1f s" % (sum(s[0] for s in stats.values()), time.monotonic() - started))
        if all_failures:
            print("\n%d failure(s):" % len(all_failures))
            for case, f in all_failures[:60]:
                print("  %s [%s]: %s" % (case.path, case.corpus, f))
            return 1
        print("PASS")
        return 0
    finally:
        if args.keep:
            print("inputs kept in", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
