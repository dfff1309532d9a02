"""Which threads of the running tray wake, and how often: a developer's tool beside run.py.

    .venv/bin/python bench/wakeups.py                  # 60 s, timer running, popover opened once and closed
    .venv/bin/python bench/wakeups.py --large          # as run.py's idle window: 5,000 tasks, after typing
    .venv/bin/python bench/wakeups.py --seconds 30 --strace /tmp/tray.strace
    .venv/bin/python bench/wakeups.py --dbus private   # a session bus (the screen-lock service asked)

The same set-up as run.py's idle window (Xvfb + trayer, the strict fake awork, the small demo
workspace with a timer running, reminders off as in every end-to-end run): voluntary context
switches per thread (probes.py `wakeups`) over the window, with each thread's name, so a rate
can be pinned on a thread before anyone guesses at its cause. `--strace` records the system
calls of every thread over the same window (strace -f -tt), to see which timer or poll fires.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench")]

from installed import as_installed  # noqa: E402
from probes import wakeups  # noqa: E402

from tray_app.demo.workspace import demo_workspace  # noqa: E402

from helpers.desktop import VirtualDesktop  # noqa: E402
from helpers.fake_awork import FakeAworkServer  # noqa: E402
from helpers.tray_state import answers, lists_loaded, timer  # noqa: E402
from helpers.waiting import wait_for  # noqa: E402

TOKEN = "bench-token"


def names(pid: int) -> dict[str, str]:
    out = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            out[task.name] = (task / "comm").read_text().strip()
        except FileNotFoundError:
            continue
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--settle", type=float, default=10, help="seconds after ready before the window")
    parser.add_argument("--dbus", choices=("isolated", "private"), default="isolated")
    parser.add_argument("--no-popover", action="store_true", help="never open the popover")
    parser.add_argument("--strace", type=Path, help="write strace -f -tt of the window here")
    parser.add_argument("--large", action="store_true",
                        help="run.py's idle window: 5,000 tasks, searched and a timer started from the popover")
    args = parser.parse_args()
    as_installed()
    if args.large:
        return large(args)
    with tempfile.TemporaryDirectory() as tmp, FakeAworkServer(demo_workspace(running=True), token=TOKEN) as server, \
            VirtualDesktop(dbus=args.dbus) as d:
        home = Path(tmp) / "home"
        env = {"AWORK_API_URL": server.url, "AWORK_API_TOKEN": TOKEN, "AWORK_TRAY_CONFIG_DIR": str(home),
               "TZ": "Europe/Berlin"}
        app = d.launch([sys.executable, "-m", "tray_app"], env=env)
        full = d.env | env
        wait_for(lambda: answers(home, full), 60, what="the tray answering")
        wait_for(lambda: lists_loaded(home), 60, what="the lists cached")
        wait_for(lambda: timer(home, full) == "running", 30, 0.2, what="a running timer")
        if not args.no_popover:
            d.xdotool("mousemove", "--sync", *map(str, _centre(d)))
            d.xdotool("click", "1")
            wid = d.find_window("Quick start", timeout=10)
            d.xdotool("key", "Escape")
            d.wait_window_gone(wid, timeout=10)
        time.sleep(args.settle)  # past the start's and the popover's own work: the steady state
        window(app.pid, args)
        app.terminate()
    return 0


def large(args) -> int:
    from run import TOKEN as RUN_TOKEN
    from run import Bench, measure_interaction, settled, with_running_timer

    from tray_app.demo.workspace import large_workspace

    with tempfile.TemporaryDirectory() as tmp, \
            FakeAworkServer(with_running_timer(large_workspace()), token=RUN_TOKEN) as server, \
            VirtualDesktop(dbus=args.dbus) as d:
        b = Bench(d, Path(tmp))
        try:
            home = b.home(server, "large")
            app = b.launch_app(home)
            b.wait_ready(home)
            measure_interaction(b, home, server, 10)
            wait_for(lambda: timer(home.dir, d.env | home.env) == "running", 30, 0.2, what="the new timer")
            settled(server)
            time.sleep(args.settle)
            window(app.proc.pid, args)
            b.stop(app)
        finally:
            b.close()
    return 0


def window(pid: int, args) -> None:
    tracer = None
    if args.strace:
        tracer = subprocess.Popen(["strace", "-f", "-tt", "-o", str(args.strace), "-p", str(pid)],
                                  stderr=subprocess.DEVNULL)
        time.sleep(1)  # attached to every thread before the window opens
    before, t0 = wakeups(pid), time.monotonic()
    time.sleep(args.seconds)  # the window itself: only time passes
    after, span = wakeups(pid), time.monotonic() - t0
    if tracer is not None:
        tracer.terminate()
        tracer.wait(10)
    label = names(pid)
    total = 0
    print(f"{'tid':>8} {'thread':<20} {'wake-ups':>8} {'per s':>7}")
    for tid, count in sorted(after.items(), key=lambda item: int(item[0])):
        delta = count - before.get(tid, 0)
        total += delta
        print(f"{tid:>8} {label.get(tid, '?'):<20} {delta:>8} {delta / span:>7.2f}")
    print(f"{'':>8} {'all':<20} {total:>8} {total / span:>7.2f}   over {span:.1f} s")


def _centre(d: VirtualDesktop) -> tuple[int, int]:
    x, y, w, h = d.tray_icon_geometry(timeout=15)
    return x + w // 2, y + h // 2


if __name__ == "__main__":
    sys.exit(main())
