#!/usr/bin/env python3
"""Thread-count test: every command prints byte-identical output (stdout, stderr and exit status)
with --threads 1, 2 and 4, on examples/, on the bad-input golden case (problems interleaved with
articles) and on a few hundred generated articles (bench/generate_articles.py, fixed seed; many
stories and reprints, so the clusterer's order-dependent state is exercised). The per-article
stages run in parallel and the clusterer and output in input order (src/pipeline/ordered_run.h):
any dependence on scheduling shows up here as a difference.

usage: check_threads.py --bin build/corroborate --root REPO [--articles 300]"""
import argparse
import os
import subprocess
import sys
import tempfile

COMMANDS = [['clean'], ['extract'], ['cluster'], ['analyze', '--json'], ['analyze']]
THREADS = ['1', '2', '4']


def run(binary, command, threads, inputs):
    p = subprocess.run([binary] + command + ['--threads', threads] + inputs,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    return p.returncode, p.stdout, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--root', required=True)
    ap.add_argument('--articles', type=int, default=300)
    args = ap.parse_args()
    sys.path.insert(0, os.path.join(args.root, 'bench'))
    import generate_articles

    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        generated = os.path.join(tmp, 'generated.jsonl')
        generate_articles.generate(args.articles, 7, generated, days=20, progress=False)
        corpora = {
            'examples': [os.path.join(args.root, 'examples')],
            'bad-input': [os.path.join(args.root, 'tests', 'golden', 'bad-input', 'input.jsonl')],
            'generated': [generated],
        }
        for name, inputs in corpora.items():
            for command in COMMANDS:
                outputs = {t: run(args.bin, command, t, inputs) for t in THREADS}
                first = outputs[THREADS[0]]
                label = '%s on %s' % (' '.join(command), name)
                if not first[1]:
                    print('FAIL %s: no output' % label)
                    failures += 1
                    continue
                for t in THREADS[1:]:
                    if outputs[t] != first:
                        what = [k for k, a, b in zip(('exit status', 'stdout', 'stderr'), first, outputs[t]) if a != b]
                        print('FAIL %s: --threads %s differs from --threads 1 in %s' % (label, t, ', '.join(what)))
                        failures += 1
                        break
                else:
                    print('PASS %s: %d bytes, exit %d, identical for --threads %s' % (
                        label, len(first[1]), first[0], ', '.join(THREADS)))
    print('threads: %s' % ('%d failed' % failures if failures else 'all identical'))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
