"""Helpers the benchmark scripts share: printing, the machine's description, and pinning a run to
one core. Standard library only."""
import datetime
import os
import platform
import shutil


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
