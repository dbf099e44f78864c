#!/usr/bin/env python3
"""Assembles the seed corpus of each fuzz target at run time (scripts/fuzz.sh calls it).

Seeds come from the public corpora beside the project (../shared/robust, and for the extract
targets the inputs of ../shared/eval), from the project's own examples/ and tests/ inputs, and from
the target's saved regression inputs. They are written into the build folder, never into git.
A missing ../shared only makes the corpus smaller.

  seed_corpus.py --root . --out build-fuzz/corpus html_clean feed
"""

import argparse
import glob
import gzip
import hashlib
import json
import os
import re
import sys

MAX_SEED_BYTES = 256 << 10
MAX_SEEDS = 4000


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if path.endswith(".gz") and data[:2] == b"\x1f\x8b" else data


def files(pattern):
    return sorted(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))


def dat_blocks(path):
    """The `#data` sections of an html5lib .dat file."""
    blocks, current = [], None
    for line in read(path).split(b"\n"):
        if line == b"#data":
            current = []
            blocks.append(current)
        elif line.startswith(b"#"):
            current = None
        elif current is not None:
            current.append(line)
    return [b"\n".join(b) for b in blocks]


def json_inputs(path):
    """The "Input" strings of a recognizers-text test file."""
    try:
        with open(path, encoding="utf-8") as f:
            cases = json.load(f)
    except (ValueError, OSError):
        return []
    return [c["Input"].encode("utf-8") for c in cases if isinstance(c, dict) and isinstance(c.get("Input"), str)]


def paragraphs(data):
    """Blank-line separated paragraphs of a text, tags stripped when it is a page."""
    if b"<" in data[:2000]:
        data = re.sub(rb"(?s)<(script|style)\b.*?</\1>", b" ", data)
        data = re.sub(rb"</?(p|div|h\d|li|br)\b[^>]*>", b"\n\n", data)
        data = re.sub(rb"<[^>]*>", b"", data)
    return [p.strip() for p in re.split(rb"\n\s*\n", data) if len(p.strip()) > 40]


def http_messages(warc):
    """The HTTP responses inside an uncompressed WARC file."""
    out = []
    for part in warc.split(b"WARC/1.")[1:]:
        i = part.find(b"HTTP/1.")
        if i >= 0:
            out.append(part[i:])
    return out


def seeds_for(target, root, shared):
    robust = os.path.join(shared, "robust")
    evals = os.path.join(shared, "eval")
    examples = files(os.path.join(root, "examples", "*"))
    own_text = [read(p) for p in examples if p.endswith(".txt")]
    own_html = [read(p) for p in examples if p.endswith(".html")]
    own_inputs = files(os.path.join(root, "tests", "golden", "**", "input*"))
    pages = [read(p) for p in files(os.path.join(evals, "article-extraction", "html", "*"))]
    warcs = files(os.path.join(robust, "warcio-testdata", "**", "*"))

    if target == "html_clean":
        out = own_html + pages
        for p in files(os.path.join(robust, "html5lib-tests", "tree-construction", "**", "*.dat")):
            out += dat_blocks(p)
        return out
    if target == "text_clean":
        out = own_text + [read(p) for p in files(os.path.join(robust, "utf8-kuhn", "*.txt"))]
        blns = os.path.join(robust, "blns", "blns.json")
        if os.path.exists(blns):
            with open(blns, encoding="utf-8") as f:
                out += [s.encode("utf-8", "surrogatepass") for s in json.load(f)]
        return out
    if target == "jsonl":
        out = [read(p) for p in own_inputs if ".jsonl" in p]
        out += [read(p) for p in files(os.path.join(robust, "JSONTestSuite", "test_*", "*.json"))]
        out += [json.dumps({"id": "e%d" % i, "text": t.decode("utf-8", "replace")}).encode() + b"\n"
                for i, t in enumerate(own_text)]
        return out
    if target == "feed":
        return [read(p) for p in files(os.path.join(robust, "feedparser-tests", "tests", "**", "*.xml"))]
    if target == "warc":
        return [open(p, "rb").read() for p in warcs if ".warc" in os.path.basename(p)]
    if target == "http_payload":
        out = []
        for p in warcs:
            if ".warc" in os.path.basename(p):
                try:
                    out += http_messages(read(p))
                except (OSError, EOFError, gzip.BadGzipFile):
                    pass
        return out
    if target == "charset":
        out = [b"text/html; charset=" + label + b"\n" + body
               for label in (b"iso-8859-1", b"shift_jis", b"utf-16le", b"windows-1251")
               for body in own_html[:1] + [b"caf\xe9 \x93quoted\x94"]]
        for p in files(os.path.join(robust, "html5lib-tests", "encoding", "**", "*.dat")):
            out += [b"\n" + b for b in dat_blocks(p)]
        out += [b"\n" + read(p) for p in files(os.path.join(robust, "feedparser-tests", "tests", "encoding", "*.xml"))]
        return out
    text = [p for t in own_text for p in paragraphs(t)]
    if target == "numbers":
        for p in files(os.path.join(evals, "recognizers-text", "Number*", "**", "*.json")):
            text += json_inputs(p)
        return text
    if target == "dates":
        for p in files(os.path.join(evals, "recognizers-text", "DateTime", "**", "*.json")):
            text += json_inputs(p)
        return text
    if target == "quotes":
        return text + [p for page in pages for p in paragraphs(page) if b'"' in p or b"\xe2\x80\x9c" in p]
    sys.exit("seed_corpus.py: unknown target %s" % target)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", required=True, help="the repository")
    ap.add_argument("--out", required=True, help="corpus folder; one sub-folder per target")
    ap.add_argument("targets", nargs="+")
    args = ap.parse_args()
    shared = os.path.join(args.root, "..", "shared")
    if not os.path.isdir(shared):
        print("seed_corpus.py: %s not found: seeds from the project's own inputs only" % shared)
    for target in args.targets:
        folder = os.path.join(args.out, target)
        os.makedirs(folder, exist_ok=True)
        seeds = seeds_for(target, args.root, shared)
        seeds += [read(p) for p in files(os.path.join(args.root, "tests", "fuzz", "regressions", target, "*"))]
        written = 0
        for data in seeds[:MAX_SEEDS]:
            data = data[:MAX_SEED_BYTES]
            name = os.path.join(folder, hashlib.sha1(data).hexdigest())
            if not os.path.exists(name):
                with open(name, "wb") as f:
                    f.write(data)
                written += 1
        print("%-13s %5d seeds (%d new) in %s" % (target, len(seeds[:MAX_SEEDS]), written, folder))


if __name__ == "__main__":
    main()
