#!/usr/bin/env python3
"""Side-by-side cost of one command in two builds, in instructions: runs `BIN CMD --threads 1 INPUT…`
under valgrind's callgrind for the base binary and for the new one and prints both counts and their
ratio. Instruction counts do not drift with the load of a shared machine the way seconds do (the
same binary, input and environment give the same count), so a change's cost can be read while
other work runs. Not a test: nothing fails on speed.

usage: python3 bench/ab_instructions.py --base /path/to/old/corroborate --new build/corroborate
           [--cmd analyze] [--articles 1000] INPUT…
   --articles N adds N generated articles (bench/generate_articles.py, seed 1) to the inputs.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def instructions(binary, cmd, inputs):
    """Instructions callgrind counts for one run (output discarded)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'cg.out')
        args = ['valgrind', '--tool=callgrind', '--callgrind-out-file=' + out, binary, cmd]
        if cmd == 'analyze':
            args.append('--json')
        args += ['--threads', '1'] + inputs
        r = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        m = re.search(r'Collected : (\d+)', r.stderr)
        if not m:
            sys.exit('no callgrind count for %s: %s' % (binary, r.stderr[-500:]))
        return int(m.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--base', required=True)
    ap.add_argument('--new', required=True)
    ap.add_argument('--cmd', default='analyze')
    ap.add_argument('--articles', type=int, default=0)
    ap.add_argument('inputs', nargs='*')
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = list(args.inputs)
        if args.articles:
            gen = os.path.join(tmp, 'generated.jsonl')
            subprocess.run([sys.executable, os.path.join(REPO, 'bench', 'generate_articles.py'), '--n',
                            str(args.articles), '--seed', '1', '--out', gen], check=True, stdout=subprocess.DEVNULL)
            inputs.append(gen)
        base = instructions(args.base, args.cmd, inputs)
        new = instructions(args.new, args.cmd, inputs)
    print('%s: base %.3f G instructions, new %.3f G, new/base %.3f' % (args.cmd, base / 1e9, new / 1e9, new / base))


if __name__ == '__main__':
    main()
