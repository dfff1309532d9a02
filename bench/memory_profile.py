"""Where the tray's memory and start-up time go: a developer's tool, not the benchmark (bench/run.py).

    .venv/bin/python bench/memory_profile.py imports      # resident memory added by each import, in the app's order
    .venv/bin/python bench/memory_profile.py objects      # tracemalloc: the largest Python allocations, 5,000 tasks loaded
    .venv/bin/python bench/memory_profile.py live         # the real process under Xvfb + trayer, next to the bare icon:
                                                          # painted ms, RSS, PSS, threads, malloc arenas (small and 5,000 tasks)

`live` options: --idle SECONDS (20), --runs N (launches per program, interleaved, for the painted figure),
--only small|large.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench"), str(ROOT)]

BARE_TRAY = ROOT / "bench" / "bare_tray.py"

# What the app imports on its way to a running tray, in about the order it does.
IMPORT_ORDER = [
    "PySide6.QtWidgets", "tray_app.cli", "tray_app.app", "tray_app.platform.instance_lock", "tray_app.logs",
    "tray_app.platform.instance", "tray_app.ui.icons", "tray_app.ui.theme", "tray_app.core.settings",
    "tray_app.ui.language", "tray_app.ui.tray", "asyncio", "qasync", "tray_app.qt_loop", "httpx", "ssl",
    "truststore", "tray_app.api.client", "keyring", "tray_app.api.auth.keychain", "tray_app.composition",
    "tray_app.platform.autostart", "tray_app.platform.hotkeys.manager", "jeepney", "tray_app.ui.popover",
    "tray_app.ui.tray_controller", "tray_app.ui.remote_control", "tray_app.ui.settings_controller",
    "tray_app.ui.settings_window", "tray_app.ui.network",
]


# -- /proc ---------------------------------------------------------------------------------------

def status_kib(pid: int | str, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def pss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def threads(pid: int) -> list[str]:
    names = []
    for task in sorted(Path(f"/proc/{pid}/task").iterdir()):
        try:
            names.append((task / "comm").read_text().strip())
        except FileNotFoundError:
            continue
    return names


def arenas(pid: int) -> tuple[int, float]:
    """glibc's extra malloc arenas: each is a 64 MiB-aligned reservation whose used part is rw-p,
    followed by its ---p rest; count those pairs and what of them is resident."""
    count, rss_kib = 0, 0
    lines = Path(f"/proc/{pid}/smaps").read_text().splitlines()
    current = None
    for line in lines:
        parts = line.split()
        if parts and "-" in parts[0] and len(parts) >= 5 and ":" not in parts[0]:
            lo, hi = (int(x, 16) for x in parts[0].split("-"))
            anon = len(parts) == 5
            current = None
            # An arena heap starts on a 64 MiB boundary (HEAP_MAX_SIZE) and is anonymous.
            if anon and lo % (64 << 20) == 0 and parts[1] == "rw-p" and hi - lo <= 64 << 20:
                count += 1
                current = "arena"
        elif current == "arena" and line.startswith("Rss:"):
            rss_kib += int(line.split()[1])
    return count, rss_kib / 1024


# -- imports -------------------------------------------------------------------------------------

def cmd_imports(_args) -> int:
    code = f"""
import importlib, json, os, sys
sys.path.insert(0, {str(ROOT)!r})
def rss():
    for l in open('/proc/self/status'):
        if l.startswith('VmRSS:'): return int(l.split()[1]) / 1024
rows = [('python', rss(), 0.0)]
import time
for name in {IMPORT_ORDER!r}:
    before, t0 = rss(), time.perf_counter()
    try:
        importlib.import_module(name)
    except Exception as exc:
        rows.append((name + ' (failed: ' + type(exc).__name__ + ')', 0.0, 0.0)); continue
    rows.append((name, rss() - before, (time.perf_counter() - t0) * 1000))
    if name == 'PySide6.QtWidgets':
        from PySide6.QtWidgets import QApplication, QSystemTrayIcon
        from PySide6.QtGui import QIcon, QPixmap
        b = rss(); app = QApplication([]); p = QPixmap(22, 22); p.fill(0); t = QSystemTrayIcon(QIcon(p)); t.show()
        app.processEvents(); rows.append(('  QApplication + icon', rss() - b, 0.0))
rows.append(('total', rss(), 0.0))
print(json.dumps(rows))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen")))
    if out.returncode:
        print(out.stderr[-3000:])
        return 1
    rows = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"{'import (cumulative order)':44} {'+RSS MiB':>9} {'ms':>7}")
    for name, mib, ms in rows:
        print(f"{name:44} {mib:9.1f} {ms:7.0f}")
    return 0


# -- objects -------------------------------------------------------------------------------------

def cmd_objects(args) -> int:
    """The core with the large workspace loaded (offscreen), then tracemalloc's top lines."""
    import asyncio
    import tracemalloc

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tracemalloc.start(args.frames)
    import qasync
    from PySide6.QtWidgets import QApplication

    from tray_app.composition import build_core
    from tray_app.config import Config
    from tray_app.demo.backend import FakeAwork
    from tray_app.demo.transport import DemoTransport
    from tray_app.demo.workspace import large_workspace

    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    backend = FakeAwork(large_workspace(), token="t")
    tmp = Path(tempfile.mkdtemp())
    config = Config("http://fake/api/v1", "t", tmp, tmp / "cache", tmp / "logs")
    gc.collect()
    before = tracemalloc.take_snapshot()
    core = build_core(config, transport=DemoTransport(backend, latency=0), offline_queue=True)
    loop.run_until_complete(core.commands.refresh_lists())
    loop.run_until_complete(asyncio.sleep(0.5))  # the cache save on its thread
    gc.collect()
    after = tracemalloc.take_snapshot()
    # Everything allocated on behalf of the app's code (any frame in tray_app/, not the fake awork).
    keep = [tracemalloc.Filter(True, str(ROOT / "tray_app") + "*", all_frames=True),
            tracemalloc.Filter(False, "*/demo/*", all_frames=True)]
    stats = after.filter_traces(keep).compare_to(before.filter_traces(keep), "traceback")
    total = sum(s.size_diff for s in stats)
    print(f"live allocations for {len(core.store.state.workload.known_tasks)} tasks: {total / 2**20:.1f} MiB")
    for s in stats[: args.top]:
        frames = [f for f in s.traceback if "tray_app" in f.filename][:1] + list(s.traceback)[:1]
        where = [f"{Path(f.filename).name}:{f.lineno}" for f in frames]
        print(f"{s.size_diff / 2**20:7.2f} MiB {s.count_diff:8d}  " + " / ".join(dict.fromkeys(where)))
    loop.run_until_complete(core.aclose())
    os._exit(0)


# -- live: the real process under Xvfb + trayer -----------------------------------------------------

class XPixels:
    """Reads a window's pixels straight from the X server (Xlib's XGetImage), fast enough to poll."""

    class _Image(ctypes.Structure):
        _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                    ("format", ctypes.c_int), ("data", ctypes.POINTER(ctypes.c_ubyte)),
                    ("byte_order", ctypes.c_int), ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int),
                    ("bitmap_pad", ctypes.c_int), ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int),
                    ("bits_per_pixel", ctypes.c_int)]

    def __init__(self, display: str):
        self.x = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11"))
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XGetImage.restype = ctypes.POINTER(self._Image)
        self.x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                                     ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        self.x.XFree.argtypes = [ctypes.c_void_p]
        handler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda *_: 0)
        self._handler = handler  # X errors (an unmapped window) must not end this process
        self.x.XSetErrorHandler(handler)
        self.dpy = self.x.XOpenDisplay(display.encode())
        self.x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]

    def pixels(self, wid: int, w: int, h: int) -> bytes | None:
        img = self.x.XGetImage(self.dpy, wid, 0, 0, w, h, 0xFFFFFFFF, 2)  # ZPixmap
        self.x.XSync(self.dpy, 0)
        if not img:
            return None
        data = ctypes.string_at(img.contents.data, img.contents.bytes_per_line * img.contents.height)
        self.x.XFree(img.contents.data)
        self.x.XFree(img)
        return data


def running_large():
    from tray_app.demo.workspace import USER_ID, Record, large_workspace, new_id

    ws = large_workspace()
    task = ws.tasks[0]
    start = datetime.now(timezone.utc) - timedelta(minutes=42)
    ws.entries.append(Record(new_id(), USER_ID, task["typeOfWorkId"], "Europe/Berlin", start, task["id"],
                             task["projectId"], created=start))
    return ws


def launch_painted(d, xp: XPixels, argv, env=None) -> tuple[object, float, float]:
    """(process, ms to docked, ms to painted): painted = the icon window's pixels differ from the
    empty panel's (sampled before the launch, where the icon will be)."""
    from helpers.waiting import wait_for

    panel = d.tray_window
    _, _, pw, ph = d.window_geometry(panel)
    empty = xp.pixels(panel, pw, ph)
    t0 = time.perf_counter()
    proc = d.launch(argv, env=env)
    icon = wait_for(lambda: (d.tray_icons() or [None])[-1], 20, 0.001, what="docked")
    docked = (time.perf_counter() - t0) * 1000
    wid, _, (_, _, w, h) = icon
    background = empty[:4] if empty else b"\0\0\0\0"

    def painted():
        data = xp.pixels(wid, w, h)
        return data is not None and any(data[i:i + 3] != background[:3] for i in range(0, len(data), 4))

    wait_for(painted, 20, 0.001, what="painted")
    return proc, docked, (time.perf_counter() - t0) * 1000


def mappings(pid: int) -> dict[str, float]:
    """Resident MiB by what is mapped: each shared library or file, [heap], [stack], anonymous."""
    out: dict[str, float] = {}
    name = None
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        parts = line.split()
        if parts and "-" in parts[0] and ":" not in parts[0] and len(parts) >= 5:
            name = os.path.basename(parts[5]) if len(parts) > 5 else "[anonymous]"
            name = re.sub(r"\.so[.0-9]*$", ".so", name)
            name = re.sub(r"cpython-\d+-[^.]*\.so$", "so", name)
        elif line.startswith("Rss:") and name:
            out[name] = out.get(name, 0.0) + int(parts[1]) / 1024
    return out


def measure_process(pid: int) -> dict:
    names = threads(pid)
    count, arena_mib = arenas(pid)
    return {"rss_mib": status_kib(pid, "VmRSS") / 1024, "pss_mib": pss_mib(pid), "threads": len(names),
            "thread_names": {n: names.count(n) for n in sorted(set(names))}, "arenas": count,
            "arena_rss_mib": arena_mib, "rss_anon_mib": status_kib(pid, "RssAnon") / 1024,
            "rss_file_mib": status_kib(pid, "RssFile") / 1024, "mappings": mappings(pid)}


def cmd_live(args) -> int:
    from installed import as_installed

    from tray_app.demo.workspace import demo_workspace

    from helpers.desktop import VirtualDesktop
    from helpers.fake_awork import FakeAworkServer
    from helpers.waiting import wait_for

    as_installed()  # the app's modules as bytecode, as a user's install has them
    scenarios = {"small": lambda: demo_workspace(running=True), "large": running_large}
    report = {}
    for name, workspace in scenarios.items():
        if args.only and name != args.only:
            continue
        with tempfile.TemporaryDirectory() as tmp, FakeAworkServer(workspace(), token="bench") as server, \
                VirtualDesktop() as d:
            xp = XPixels(d.display)
            env = lambda home: {"AWORK_API_URL": server.url, "AWORK_API_TOKEN": "bench",  # noqa: E731
                                "AWORK_TRAY_CONFIG_DIR": str(home), "TZ": "Europe/Berlin",
                                **({"AWORK_TRAY_TRACE": args.trace} if args.trace else {}),
                                **dict(kv.split("=", 1) for kv in args.env)}
            launches = {"app": [], "bare": []}
            for i in range(args.runs):  # interleaved: app, bare, app, bare …
                for which in ("app", "bare"):
                    argv = [sys.executable, "-m", "tray_app"] if which == "app" else [sys.executable, str(BARE_TRAY)]
                    proc, docked, painted = launch_painted(d, xp, argv, env(Path(tmp) / f"h{i}") if which == "app" else None)
                    launches[which].append((docked, painted))
                    proc.terminate()
                    wait_for(lambda: not d.tray_icons(), 10, what="icon gone")
            home = Path(tmp) / "idle"
            app, _, _ = launch_painted(d, xp, [sys.executable, "-m", "tray_app"], env(home))
            bare, _, _ = launch_painted(d, xp, [sys.executable, str(BARE_TRAY)])
            log = home / "logs" / "awork-tray.log"
            wait_for(lambda log=log: log.exists() and "lists loaded" in log.read_text(), 60, what="lists loaded")
            time.sleep(args.idle)  # the idle window itself: only time to pass
            report[name] = {"app": measure_process(app.proc.pid), "bare": measure_process(bare.proc.pid),
                            "launches": launches}
    for name, r in report.items():
        a, b = r["app"], r["bare"]
        print(f"\n== {name} workspace, after {args.idle:.0f} s idle (timer running) ==")
        print(f"{'':14} {'app':>9} {'bare':>9} {'ratio':>6}")
        for key in ("rss_mib", "pss_mib", "rss_anon_mib", "rss_file_mib", "threads", "arenas", "arena_rss_mib"):
            ratio = f"{a[key] / b[key]:.2f}" if b[key] else ""
            print(f"{key:14} {a[key]:9.1f} {b[key]:9.1f} {ratio:>6}")
        print("app threads:", a["thread_names"], " bare:", b["thread_names"])
        diff = {k: v - b["mappings"].get(k, 0.0) for k, v in a["mappings"].items()}
        print("largest resident mappings above the bare icon's (MiB):",
              ", ".join(f"{k} {v:.1f}" for k, v in sorted(diff.items(), key=lambda kv: -kv[1])[:18]))
        for which in ("app", "bare"):
            docked = statistics.median(x[0] for x in r["launches"][which])
            painted = statistics.median(x[1] for x in r["launches"][which])
            print(f"{which}: docked {docked:.0f} ms, painted {painted:.0f} ms (median of {len(r['launches'][which])};"
                  f" painted runs {[round(x[1]) for x in r['launches'][which]]})")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("imports")
    objects = sub.add_parser("objects")
    objects.add_argument("--top", type=int, default=25)
    objects.add_argument("--frames", type=int, default=25)
    live = sub.add_parser("live")
    live.add_argument("--idle", type=float, default=20.0)
    live.add_argument("--runs", type=int, default=3)
    live.add_argument("--only", choices=("small", "large"))
    live.add_argument("--trace", help="AWORK_TRAY_TRACE file for the app's launches")
    live.add_argument("--json", help="also write the figures here")
    live.add_argument("--env", action="append", default=[], help="KEY=VALUE for the app (e.g. MALLOC_ARENA_MAX=2)")
    args = parser.parse_args()
    return {"imports": cmd_imports, "objects": cmd_objects, "live": cmd_live}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
