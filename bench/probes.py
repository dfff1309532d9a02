"""What the kernel knows about a process: CPU time, memory (resident and proportional), threads and
wake-ups (Linux /proc)."""

from __future__ import annotations

import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def pss_mib(pid: int) -> float:
    """Proportional set size: the process's private pages plus its share of the pages it shares
    (libraries mapped by other processes too count by 1/n). Read it with nothing else of Qt
    running, or the shares shift: the benchmark measures each process alone."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no Pss")


def threads(pid: int) -> int:
    return sum(1 for _ in Path(f"/proc/{pid}/task").iterdir())


def footprint(pid: int) -> dict:
    return {"rss_mib": rss_mib(pid), "pss_mib": pss_mib(pid), "threads": threads(pid)}


def wakeups(pid: int) -> dict[str, int]:
    """Voluntary context switches per thread: each is a thread going back to sleep after being
    woken, so their rate is the wake-up rate. Per thread, because threads come and go; take the
    difference of two samples with `wakeups_between`."""
    counts = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            for line in (task / "status").read_text().splitlines():
                if line.startswith("voluntary_ctxt_switches:"):
                    counts[task.name] = int(line.split()[1])
        except FileNotFoundError:
            continue  # a thread ended while we looked
    return counts


def wakeups_between(before: dict[str, int], after: dict[str, int]) -> int:
    """Wake-ups of the threads alive at the end (a thread that ended in between is not counted)."""
    return sum(count - before.get(tid, 0) for tid, count in after.items())
