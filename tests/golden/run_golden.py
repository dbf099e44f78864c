#!/usr/bin/env python3
"""Golden tests: runs the corroborate command line on input files and compares its JSON output with
expected files, object by object (key order does not matter; every expected key must match, and
keys the expectation does not list are ignored only when it says so).

Each case is a folder under tests/golden/ holding:
  args           the command line after `corroborate`, one argument per line; paths are relative
                 to the repository root (or to ../shared, written as {shared}/...)
  expected.jsonl the expected stdout, one JSON value per line (or expected.json for one document)
  exit           optional: the expected exit status (default 0)
  stderr         optional: lines that must each appear in stderr
  partial        optional: when present, keys absent from an expected object are not compared
  absent         optional: strings (one a line, as they appear in the JSON output, so "\n" is a
                 newline inside a string) that must not occur anywhere in stdout
A case that needs ../shared is skipped with a message when it is absent.

usage: run_golden.py --bin build/corroborate --root REPO [CASE...]"""
import argparse
import json
import os
import subprocess
import sys


def compare(expected, actual, partial, path="$"):
    """Returns a list of differences between two JSON values."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        diffs = []
        for k, v in expected.items():
            if k not in actual:
                diffs.append(f"{path}.{k}: missing")
            else:
                diffs += compare(v, actual[k], partial, f"{path}.{k}")
        if not partial:
            diffs += [f"{path}.{k}: unexpected key" for k in actual if k not in expected]
        return diffs
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{path}: {len(actual)} elements, expected {len(expected)}"]
        diffs = []
        for i, (e, a) in enumerate(zip(expected, actual)):
            diffs += compare(e, a, partial, f"{path}[{i}]")
        return diffs
    if expected != actual:
        return [f"{path}: got {json.dumps(actual, ensure_ascii=False)[:300]}, expected {json.dumps(expected, ensure_ascii=False)[:300]}"]
    return []


def run_case(binary, root, shared, case_dir):
    name = os.path.basename(case_dir)
    with open(os.path.join(case_dir, "args"), encoding="utf-8") as f:
        args = [a for a in f.read().splitlines() if a]
    if any("{shared}" in a for a in args):
        if not os.path.isdir(shared):
            return "skip", f"{name}: skipped, {shared} is absent"
        args = [a.replace("{shared}", os.path.relpath(shared, root)) for a in args]
    proc = subprocess.run([binary] + args, cwd=root, capture_output=True, timeout=300)
    problems = []
    want_exit = 0
    exit_file = os.path.join(case_dir, "exit")
    if os.path.exists(exit_file):
        want_exit = int(open(exit_file).read().strip())
    if proc.returncode != want_exit:
        problems.append(f"exit status {proc.returncode}, expected {want_exit}: {proc.stderr.decode('utf-8', 'replace')[-500:]}")
    stderr_file = os.path.join(case_dir, "stderr")
    if os.path.exists(stderr_file):
        err = proc.stderr.decode("utf-8", "replace")
        for line in open(stderr_file, encoding="utf-8").read().splitlines():
            if line and line not in err:
                problems.append(f"stderr lacks: {line}")
    partial = os.path.exists(os.path.join(case_dir, "partial"))
    out = proc.stdout.decode("utf-8")  # raises on invalid UTF-8, which is itself a failure
    absent_file = os.path.join(case_dir, "absent")
    if os.path.exists(absent_file):
        for line in open(absent_file, encoding="utf-8").read().splitlines():
            if line and line in out:
                problems.append(f"output holds what must be absent: {line}")
    jsonl = os.path.join(case_dir, "expected.jsonl")
    if os.path.exists(jsonl):
        expected = [json.loads(l) for l in open(jsonl, encoding="utf-8").read().splitlines() if l.strip()]
        actual = [json.loads(l) for l in out.splitlines() if l.strip()]
    else:
        expected = json.load(open(os.path.join(case_dir, "expected.json"), encoding="utf-8"))
        actual = json.loads(out)
    problems += compare(expected, actual, partial)
    return ("fail" if problems else "pass"), f"{name}: " + ("; ".join(problems) if problems else "ok")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/corroborate")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    ap.add_argument("cases", nargs="*")
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(os.path.dirname(os.path.abspath(a.root)), "shared")
    cases = a.cases or sorted(os.path.join(here, d) for d in os.listdir(here)
                              if os.path.isfile(os.path.join(here, d, "args")))
    counts = {"pass": 0, "fail": 0, "skip": 0}
    for case in cases:
        status, message = run_case(os.path.abspath(a.bin), a.root, shared, case)
        counts[status] += 1
        print(("PASS " if status == "pass" else "FAIL " if status == "fail" else "SKIP ") + message)
    print(f"golden: {counts['pass']} passed, {counts['fail']} failed, {counts['skip']} skipped")
    sys.exit(1 if counts["fail"] else 0)


if __name__ == "__main__":
    main()
