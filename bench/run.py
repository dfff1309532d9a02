"""Speed and footprint of the real awork-tray process, next to a bare PySide6 tray icon.

    .venv/bin/python bench/run.py            # the full run (about 3 minutes)
    .venv/bin/python bench/run.py --quick    # a short run that proves it works (about 30 s)

Runs under Xvfb with trayer against the strict fake awork, prints a table and writes
bench/results/latest.json. A benchmark, not a test: it reports, it never fails on a timing.

In order (docs/benchmark.md says why):
1. launches: a warm-up, then the app and the bare icon taking turns (app, bare, app, bare …), each
   alone in the tray, timed to its icon window docked and to its pixels painted (launches.py);
2. each process alone and idle: the bare icon, then the app with a small workspace and a timer
   running, then the app with 5,000 tasks and a timer running; memory and threads at the end;
3. with 5,000 tasks: popover, keystrokes, Enter → request, then the idle window for CPU,
   wake-ups and requests a minute;
4. memory growth over many ticks and syncs, offscreen (growth.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench")]

from installed import as_installed  # noqa: E402
from launches import Launch, panel_background, wait_tray_empty, watch_launch  # noqa: E402
from probes import cpu_seconds, footprint, wakeups, wakeups_between  # noqa: E402
from report import summarise, table  # noqa: E402
from xinput import XInput  # noqa: E402
from xpixels import XServer  # noqa: E402

from tray_app.demo.workspace import USER_ID, Record, Workspace, demo_workspace, large_workspace, new_id  # noqa: E402

from helpers.desktop import VirtualDesktop  # noqa: E402
from helpers.fake_awork import FakeAworkServer  # noqa: E402
from helpers.tray_state import answers, lists_loaded, timer  # noqa: E402
from helpers.waiting import wait_for  # noqa: E402

BARE_TRAY = ROOT / "bench" / "bare_tray.py"
TOKEN = "bench-token"
# Each finds tasks of the large workspace at every letter typed.
SEARCHES = ("konzept review 12", "layout budget 7", "recherche test 3", "abstimmung deploy 9", "entwurf refactor 2")


@dataclass(frozen=True)
class Plan:
    launches: int  # pairs (app, bare) after the warm-up
    memory_idle_s: float  # idle before memory and threads are read
    cpu_idle_s: float  # the window for idle CPU, wake-ups and requests a minute
    keystrokes: int
    ticks: int  # memory growth
    syncs: int


FULL = Plan(launches=7, memory_idle_s=20, cpu_idle_s=60, keystrokes=40, ticks=10_000, syncs=500)
QUICK = Plan(launches=3, memory_idle_s=3, cpu_idle_s=5, keystrokes=5, ticks=1000, syncs=50)


class Trace:
    """The app's benchmark timestamps (tray_app/trace.py): when the popover and the list painted."""

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


@dataclass(frozen=True)
class AppHome:
    """One app's config directory and environment (on top of the desktop's)."""

    dir: Path
    env: dict[str, str]
    trace: Trace


class Bench:
    """The desktop, and the connections the benchmark reads and drives it through."""

    def __init__(self, desktop: VirtualDesktop, scratch: Path):
        self.d, self.scratch = desktop, scratch
        self.x = XServer(desktop.display)
        self.input = XInput(desktop.display)
        self.panel = desktop.tray_window
        self.background = panel_background(self.x, self.panel)

    def close(self) -> None:
        self.input.close()
        self.x.close()

    def home(self, server: FakeAworkServer, name: str) -> AppHome:
        env = {"AWORK_API_URL": server.url, "AWORK_API_TOKEN": TOKEN, "AWORK_TRAY_CONFIG_DIR": str(self.scratch / name),
               "AWORK_TRAY_TRACE": str(self.scratch / f"{name}.trace.jsonl"), "TZ": "Europe/Berlin"}
        return AppHome(self.scratch / name, env, Trace(self.scratch / f"{name}.trace.jsonl"))

    def launch_app(self, home: AppHome) -> Launch:
        return watch_launch(self.x, self.panel, self.background,
                            lambda: self.d.launch([sys.executable, "-m", "tray_app"], env=home.env))

    def launch_bare(self) -> Launch:
        return watch_launch(self.x, self.panel, self.background, lambda: self.d.launch([sys.executable, str(BARE_TRAY)]))

    def stop(self, launch: Launch) -> None:
        launch.proc.terminate()
        wait_tray_empty(self.x, self.panel)

    def wait_ready(self, home: AppHome) -> None:
        """Up, with its lists and a running timer: read from its state, never from its log."""
        env = self.d.env | home.env
        wait_for(lambda: answers(home.dir, env), 60, what="the tray answering on its socket")
        wait_for(lambda: lists_loaded(home.dir), 60, what="the lists in the tray's cache")
        wait_for(lambda: timer(home.dir, env) == "running", 30, 0.2, what="the tray reporting a running timer")


def with_running_timer(ws: Workspace) -> Workspace:
    """A timer started 25 minutes ago on the first task."""
    task = ws.tasks[0]
    start = datetime.now(timezone.utc) - timedelta(minutes=25)
    ws.entries.append(Record(new_id(), USER_ID, task["typeOfWorkId"], "Europe/Berlin", start, task["id"],
                             task["projectId"], created=start))
    return ws


def measure_launches(b: Bench, server: FakeAworkServer, runs: int) -> dict:
    home = b.home(server, "launches")
    # Warm-up, not counted: the disk cache, Python's bytecode, and the app's lists on disk (as at
    # every login but the very first: the measured launches read them at start).
    warm = b.launch_app(home)
    wait_for(lambda: lists_loaded(home.dir), 60, what="the lists cached by the warm-up launch")
    b.stop(warm)
    b.stop(b.launch_bare())
    out: dict[str, list] = {"app": [], "bare": []}
    for _ in range(runs):
        for name, launch in (("app", lambda: b.launch_app(home)), ("bare", b.launch_bare)):
            run = launch()
            b.stop(run)
            out[name].append({"docked_ms": run.docked_ms, "painted_ms": run.painted_ms,
                              "poll_ms": run.painted_ms / run.polls})  # the screen was read that often
    return out


def idle_window(pid: int, seconds: float, server: FakeAworkServer | None = None) -> dict:
    """CPU and wake-ups over `seconds` of idling, then memory and threads."""
    count0 = len(server.requests) if server else 0
    cpu0, wake0 = cpu_seconds(pid), wakeups(pid)
    start = time.monotonic()
    time.sleep(seconds)  # the measurement window itself: nothing to wait for, only time to pass
    span = time.monotonic() - start
    out = {"seconds": span, "cpu_percent": 100 * (cpu_seconds(pid) - cpu0) / span,
           "wakeups_per_second": wakeups_between(wake0, wakeups(pid)) / span} | footprint(pid)
    if server is not None:
        out["requests_per_minute"] = (len(server.requests) - count0) * 60 / span
    return out


def measure_bare_and_small(b: Bench, plan: Plan, server: FakeAworkServer) -> dict:
    """Each alone (PSS counts shared pages by the number of processes sharing them)."""
    bare = b.launch_bare()
    out = {"bare": idle_window(bare.proc.pid, plan.memory_idle_s)}
    b.stop(bare)
    home = b.home(server, "small")
    small = b.launch_app(home)
    b.wait_ready(home)
    out["small"] = idle_window(small.proc.pid, plan.memory_idle_s, server)
    b.stop(small)
    return out


def measure_large(b: Bench, plan: Plan, server: FakeAworkServer) -> tuple[dict, dict, dict]:
    home = b.home(server, "large")
    app = b.launch_app(home)
    b.wait_ready(home)
    alone = idle_window(app.proc.pid, plan.memory_idle_s, server)
    interaction = measure_interaction(b, home, server, plan.keystrokes)
    interaction["after"] = footprint(app.proc.pid)
    wait_for(lambda: timer(home.dir, b.d.env | home.env) == "running", 30, 0.2, what="the new timer running")
    settled(server)
    idle = idle_window(app.proc.pid, plan.cpu_idle_s, server)
    b.stop(app)
    return alone, interaction, idle


def settled(server: FakeAworkServer, quiet_s: float = 3.0) -> None:
    """Wait until the app has made no request for `quiet_s`: what follows a start (its reply, a
    refresh) is not the steady state the requests a minute are about."""
    def quiet() -> bool:
        last = server.requests.snapshot()[-1:]
        return not last or time.time() - last[0].received_at >= quiet_s
    wait_for(quiet, 60, 0.1, what=f"{quiet_s:g} s without a request to awork")


def measure_interaction(b: Bench, home: AppHome, server: FakeAworkServer, keystrokes: int) -> dict:
    """Timed from right before the X server gets the click or key (xinput.py) to the app's trace
    of the next paint, or to the request at the fake awork."""
    d, keys = b.d, b.input
    x, y, w, h = d.tray_icon_geometry(timeout=15)
    keys.move(x + w // 2, y + h // 2)
    opens: list[float] = []
    typed: list[float] = []
    for _ in range(3):
        t0 = time.time()
        keys.click()
        opens.append((home.trace.next_after("popover_painted", t0) - t0) * 1000)
        wid = d.find_window("Quick start", timeout=10)
        d.wait_focused(wid)
        keys.press(keys.keycode("Escape"))
        d.wait_window_gone(wid, timeout=10)
    keys.click()
    wid = d.find_window("Quick start", timeout=10)
    d.wait_focused(wid)

    def type_timed(text: str) -> list[float]:
        out = []
        for ch in text:
            code = keys.keycode(ch)
            t0 = time.time()
            keys.press(code)
            out.append((home.trace.next_after("list_updated", t0) - t0) * 1000)
        return out

    def clear() -> None:
        cleared = time.time()
        d.key("ctrl+a", "BackSpace")
        home.trace.next_after("list_updated", cleared)

    # Searches that find something at every letter (a query that finds nothing is cheap, and
    # would flatter the p95), each typed into an empty field: its first letter scans all tasks.
    searches = iter(SEARCHES * (keystrokes // len("".join(SEARCHES)) + 1))
    while len(typed) < keystrokes:
        typed += type_timed(next(searches)[: keystrokes - len(typed)])
        clear()
    type_timed("work type 07")  # each letter waited for, so Enter acts on the list they leave
    t0 = time.time()
    keys.press(keys.keycode("Return"))
    request = server.wait_for_request(lambda r: r.path.endswith("timetracking/start") and r.received_at >= t0, 10)
    wait_for(lambda: request.status is not None, 10, what="awork's answer to the start")
    d.wait_window_gone(wid, timeout=10)
    return {"open_ms": opens, "keys_ms": typed, "enter_ms": (request.received_at - t0) * 1000}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="3 launches, short windows: proves it works")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    from growth import memory_growth  # in-process: the real core and widgets, ticked fast

    as_installed()  # the app's modules as bytecode, as a user's install has them
    began = time.monotonic()
    results: dict = {"machine": machine(), "quick": args.quick, "plan": asdict(plan)}
    with tempfile.TemporaryDirectory() as tmp, \
            FakeAworkServer(with_running_timer(large_workspace()), token=TOKEN) as large, \
            FakeAworkServer(demo_workspace(running=True), token=TOKEN) as small, VirtualDesktop() as d:
        b = Bench(d, Path(tmp))
        try:
            results["launches"] = measure_launches(b, large, plan.launches)
            results["alone"] = measure_bare_and_small(b, plan, small)
            results["alone"]["large"], results["interaction"], results["idle"] = measure_large(b, plan, large)
        finally:
            b.close()
    results["growth"] = memory_growth(ticks=plan.ticks, syncs=plan.syncs)
    results["seconds"] = time.monotonic() - began
    results["figures"] = summarise(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(table(results["figures"], results["machine"], results["plan"]))
    print(f"\n{'quick run' if args.quick else 'full run'} in {results['seconds']:.0f} s, written to {args.out}")
    return 0


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "?")
    qt = pyside_version()
    summary = (f"{os.cpu_count()} cores ({cpu}), {platform.platform()}, Python {platform.python_version()}, "
               f"PySide6 {qt}, Xvfb + trayer")
    return {"summary": summary, "cores": os.cpu_count(), "python": platform.python_version(), "pyside6": qt,
            "load_average": os.getloadavg()}


def pyside_version() -> str:
    """Read from the package metadata, not imported: Qt's libraries mapped into this process would
    shift the PSS of the processes it measures."""
    for name in ("PySide6-Essentials", "PySide6"):
        try:
            return version(name)
        except PackageNotFoundError:
            continue
    return "?"


if __name__ == "__main__":
    sys.exit(main())
