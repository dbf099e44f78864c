"""Helpers the benchmark scripts share: printing, the machine's description, pinning a run to
one core, timing a run with its CPU and peak memory, and counting the text of a JSON Lines file.
Standard library only."""
import datetime
import gzip
import json
import os
import platform
import resource
import shutil
import subprocess
import time

TIME = '/usr/bin/time'


def say(*a):
    print(*a, flush=True)


def loadavg():
    try:
        return ' '.join('%.2f' % x for x in os.getloadavg())
    except OSError:
        return 'unknown'


def machine_info():
    """CPU model, core count, memory, kernel, date and the load average now: what a figure from
    this machine needs beside it."""
    model = platform.processor() or 'unknown'
    try:
        with open('/proc/cpuinfo', encoding='utf-8') as f:
            for line in f:
                if line.startswith('model name'):
                    model = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    mem = 'unknown'
    try:
        with open('/proc/meminfo', encoding='utf-8') as f:
            mem = '%.1f GB' % (int(f.readline().split()[1]) / 1e6)
    except (OSError, ValueError, IndexError):
        pass
    return {'date': datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z'),
            'nproc': os.cpu_count(), 'cpu': model, 'memory': mem, 'kernel': platform.release(),
            'loadavg_at_start': loadavg()}


def pin_command(cpu):
    """The prefix that pins a command to core `cpu`, or [] (with a warning) without taskset."""
    if shutil.which('taskset'):
        return ['taskset', '-c', str(cpu)]
    say('warning: taskset not found (apt-get install util-linux); runs are NOT pinned to one core')
    return []


def size_arg(text):
    """"10k,100k,1M" -> [10000, 100000, 1000000]."""
    out = []
    for part in text.split(','):
        part = part.strip().lower()
        if not part:
            continue
        mult = {'k': 1000, 'm': 1000000}.get(part[-1], 1)
        out.append(int(float(part.rstrip('km')) * mult))
    return out


def tool_version(cmd, cwd=None):
    """The first line a tool prints for its version, or 'unknown'."""
    try:
        out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30,
                             cwd=cwd)
        return out.stdout.decode('utf-8', 'replace').strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return 'unknown'


def text_bytes(path):
    """Bytes of article text (the `text` fields) and of the whole file, decompressed."""
    opener = gzip.open if path.endswith('.gz') else open
    total = text = 0
    with opener(path, 'rb') as f:
        for line in f:
            total += len(line)
            text += len(json.loads(line)['text'].encode('utf-8'))
    return total, text


def measure(argv, out_path, timeout, pin=(), cwd=None):
    """Runs pin + argv with stdout to out_path (or discarded when None): wall, user and sys
    seconds, peak RSS in MB, exit status, stderr's tail and the load average before and after.
    CPU and peak RSS come from /usr/bin/time -v when it is installed (Debian package "time"),
    else from getrusage(RUSAGE_CHILDREN), whose peak is the largest child so far."""
    use_time = os.access(TIME, os.X_OK)
    tfile = (out_path or os.path.join('/tmp', 'bench-%d' % os.getpid())) + '.time'
    cmd = ([TIME, '-v', '-o', tfile] if use_time else []) + list(pin) + list(argv)
    load0 = loadavg()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = open(out_path, 'wb') if out_path else subprocess.DEVNULL
    try:
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.PIPE,
                              timeout=timeout, cwd=cwd)
        wall = time.perf_counter() - t0
    finally:
        if out_path:
            out.close()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = {'wall_s': wall, 'user_s': after.ru_utime - before.ru_utime,
         'sys_s': after.ru_stime - before.ru_stime, 'peak_rss_mb': after.ru_maxrss / 1024,
         'rss_source': 'getrusage(RUSAGE_CHILDREN), max over all runs so far', 'rc': proc.returncode,
         'stderr': proc.stderr.decode('utf-8', 'replace').strip()[-500:],
         'loadavg_before': load0, 'loadavg_after': loadavg()}
    if use_time and os.path.exists(tfile):
        with open(tfile, encoding='utf-8', errors='replace') as f:
            for line in f:
                key, _, val = line.strip().rpartition(': ')
                if key == 'User time (seconds)':
                    r['user_s'] = float(val)
                elif key == 'System time (seconds)':
                    r['sys_s'] = float(val)
                elif key == 'Maximum resident set size (kbytes)':
                    r['peak_rss_mb'] = int(val) / 1024
                    r['rss_source'] = '/usr/bin/time -v'
                elif key == 'Exit status':
                    r['rc'] = int(val)
        os.unlink(tfile)
    return r
