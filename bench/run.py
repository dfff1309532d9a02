"""Speed and footprint of the real awork-tray process, next to a bare PySide6 tray icon.

    .venv/bin/python bench/run.py            # the full run (about 3 minutes)
    .venv/bin/python bench/run.py --quick    # a short run that proves the benchmark works

Runs the app under Xvfb with trayer against the strict fake awork (50 types of work, 5,000
tasks, 2,000 time entries), prints a table and writes bench/results/latest.json. A benchmark,
not a test: it reports, it never fails on a timing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench")]

from helpers.desktop import VirtualDesktop  # noqa: E402
from helpers.fake_awork import FakeAworkServer  # noqa: E402
from helpers.waiting import wait_for  # noqa: E402
from probes import cpu_seconds, rss_mib, wakeups, wakeups_between  # noqa: E402

from tray_app.demo.workspace import large_workspace  # noqa: E402

BARE_TRAY = ROOT / "bench" / "bare_tray.py"
BUDGETS = {
    "launch_to_icon_ms": 400,
    "click_to_popover_ms": 50,
    "keystroke_to_list_p95_ms": 16,
    "enter_to_request_ms": 20,
    "rss_after_idle_mib": 80,
    "memory_growth_mib": 2,
    "idle_cpu_percent": 0.1,
    "wakeups_per_second": 1,
    "requests_per_minute": 3,
}


class Trace:
    def __init__(self, path: Path):
        self.path = path
        self.path.write_text("")

    def events(self, name: str) -> list[float]:
        out = []
        for line in self.path.read_text().splitlines():
            item = json.loads(line)
            if item["event"] == name:
                out.append(item["t"])
        return out

    def next_after(self, name: str, t0: float, timeout: float = 10.0) -> float:
        return wait_for(lambda: next((t for t in self.events(name) if t >= t0), None), timeout, 0.002,
                        what=f"trace event {name}")


def launch_app(d, server, home: Path, trace: Trace):
    env = {
        "AWORK_API_URL": server.url, "AWORK_API_TOKEN": "bench-token", "AWORK_TRAY_CONFIG_DIR": str(home),
        "AWORK_TRAY_TRACE": str(trace.path), "TZ": "Europe/Berlin",
    }
    return d.launch([sys.executable, "-m", "tray_app"], env=env)


def time_to_icon(d, argv_launch) -> tuple[float, object]:
    before = len(d.tray_icons())
    t0 = time.time()
    proc = argv_launch()
    wait_for(lambda: len(d.tray_icons()) > before, 15, 0.005, what="the tray icon")
    return (time.time() - t0) * 1000, proc


def measure_launches(d, server, runs: int, scratch: Path) -> dict:
    ours, bare = [], []
    for i in range(runs):
        home = scratch / f"launch{i}"
        ms, proc = time_to_icon(d, lambda: launch_app(d, server, home, Trace(scratch / f"t{i}.jsonl")))
        ours.append(ms)
        proc.terminate()
        ms, proc = time_to_icon(d, lambda: d.launch([sys.executable, str(BARE_TRAY)]))
        bare.append(ms)
        proc.terminate()
        wait_for(lambda: not d.tray_icons(), 10, what="icons gone between runs")
    return {"ours": ours, "bare": bare}


def measure_interaction(d, server, app, trace: Trace, geometry, keystrokes: int) -> dict:
    x, y, w, h = geometry
    opens, keys = [], []
    for _ in range(3):
        t0 = time.time()
        d.click(x + w // 2, y + h // 2)
        opens.append((trace.next_after("popover_painted", t0) - t0) * 1000)
        wid = d.find_window("Quick start", timeout=10)
        d.wait_focused(wid)
        d.key("Escape")
        d.wait_window_gone(wid, timeout=10)
    d.click(x + w // 2, y + h // 2)
    wid = d.find_window("Quick start", timeout=10)
    d.wait_focused(wid)
    text = "konzept review 12"
    for ch in (text * 4)[:keystrokes]:
        t0 = time.time()
        d.key("space" if ch == " " else ch)
        keys.append((trace.next_after("list_updated", t0) - t0) * 1000)
    d.key("ctrl+a", "BackSpace")
    d.type_text("Work type 07")
    t0 = time.time()
    d.key("Return")
    request = server.wait_for_request(lambda r: r.path.endswith("timetracking/start"), 10)
    enter_ms = (request.received_at - t0) * 1000 if hasattr(request, "received_at") else None
    return {"open": opens, "keys": keys, "enter_ms": enter_ms}


def measure_idle(d, pids: dict[str, int], server, seconds: float) -> dict:
    count0 = len(server.requests)
    before = {k: (cpu_seconds(p), wakeups(p)) for k, p in pids.items()}
    start = time.monotonic()
    time.sleep(seconds)  # the measurement window itself: nothing to wait for, only time to pass
    span = time.monotonic() - start
    out = {}
    for k, p in pids.items():
        cpu0, wake0 = before[k]
        out[k] = {
            "cpu_percent": 100 * (cpu_seconds(p) - cpu0) / span,
            "wakeups_per_second": wakeups_between(wake0, wakeups(p)) / span,
            "rss_mib": rss_mib(p),
        }
    out["requests_per_minute"] = (len(server.requests) - count0) * 60 / span
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1 launch, short windows: proves it works")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    args = parser.parse_args()
    runs, window, keystrokes = (1, 5.0, 5) if args.quick else (7, 60.0, 40)
    from growth import memory_growth  # in-process: the real core and widgets, ticked fast

    results: dict = {"machine": machine(), "quick": args.quick}
    with tempfile.TemporaryDirectory() as tmp, FakeAworkServer(large_workspace(), token="bench-token") as server:
        scratch = Path(tmp)
        with VirtualDesktop() as d:
            launches = measure_launches(d, server, runs, scratch)
            trace = Trace(scratch / "trace.jsonl")
            app = launch_app(d, server, scratch / "home", trace)
            geometry = d.tray_icon_geometry(timeout=15)
            log = scratch / "home" / "logs" / "awork-tray.log"
            wait_for(lambda: log.exists() and "lists loaded" in log.read_text(), 60, what="lists loaded")
            interaction = measure_interaction(d, server, app, trace, geometry, keystrokes)
            wait_for(lambda: "start done" in log.read_text(), 10, what="the timer started")
            bare = d.launch([sys.executable, str(BARE_TRAY)])
            wait_for(lambda: len(d.tray_icons()) >= 2, 15, what="the bare icon")
            idle = measure_idle(d, {"ours": app.proc.pid, "bare": bare.proc.pid}, server, window)
        results["growth"] = memory_growth(ticks=1000 if args.quick else 10_000, syncs=50 if args.quick else 500)
    results.update(launches=launches, interaction=interaction, idle=idle)
    figures = summarise(results)
    results["figures"] = figures
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(table(figures, results["machine"]))
    print(f"\nwritten to {args.out}")
    return 0


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def spread(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def summarise(r: dict) -> dict:
    ours, bare = r["launches"]["ours"], r["launches"]["bare"]
    idle = r["idle"]
    return {
        "launch_to_icon_ms": spread(ours) | {"bare_median": statistics.median(bare),
                                             "ratio": statistics.median(ours) / statistics.median(bare)},
        "click_to_popover_ms": spread(r["interaction"]["open"]),
        "keystroke_to_list_p95_ms": {"median": p95(r["interaction"]["keys"]), "min": min(r["interaction"]["keys"]),
                                     "max": max(r["interaction"]["keys"]), "n": len(r["interaction"]["keys"])},
        "enter_to_request_ms": {"median": r["interaction"]["enter_ms"]},
        "rss_after_idle_mib": {"median": idle["ours"]["rss_mib"], "bare_median": idle["bare"]["rss_mib"],
                               "ratio": idle["ours"]["rss_mib"] / idle["bare"]["rss_mib"]},
        "memory_growth_mib": {"median": r["growth"]["growth_mib"]},
        "idle_cpu_percent": {"median": idle["ours"]["cpu_percent"], "bare_median": idle["bare"]["cpu_percent"]},
        "wakeups_per_second": {"median": idle["ours"]["wakeups_per_second"],
                               "bare_median": idle["bare"]["wakeups_per_second"]},
        "requests_per_minute": {"median": idle["requests_per_minute"]},
    }


def table(figures: dict, machine: dict) -> str:
    lines = [f"machine: {machine['summary']}", "",
             f"{'figure':28} {'median':>9} {'min–max':>17} {'bare':>8} {'ratio':>6} {'budget':>7}  ok"]
    for name, f in figures.items():
        value = f.get("median")
        rng = f"{f['min']:.1f}–{f['max']:.1f}" if "min" in f else ""
        bare = f"{f['bare_median']:.1f}" if "bare_median" in f else ""
        ratio = f"{f['ratio']:.2f}" if "ratio" in f else ""
        ok = "yes" if value is not None and value <= BUDGETS[name] else "NO"
        shown = f"{value:.2f}" if value is not None else "n/a"
        lines.append(f"{name:28} {shown:>9} {rng:>17} {bare:>8} {ratio:>6} {BUDGETS[name]:>7}  {ok}")
    return "\n".join(lines)


def machine() -> dict:
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    from PySide6 import __version__ as qt

    summary = f"{os.cpu_count()} cores ({cpu}), {platform.platform()}, Python {platform.python_version()}, PySide6 {qt}, Xvfb + trayer"
    return {"summary": summary, "cores": os.cpu_count(), "python": platform.python_version(), "pyside6": qt}


if __name__ == "__main__":
    sys.exit(main())
