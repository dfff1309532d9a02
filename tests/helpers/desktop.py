"""Headless X11 desktop harness for end-to-end tests of the tray app.

Starts a private Xvfb server and a ``trayer`` system tray (an XEmbed tray host) on
it. The tests can then launch the real tray app with ``desktop.env``, wait until
its icon is embedded, click it with xdotool, type into the popover, and take
screenshots. This module needs nothing outside the standard library. All X
interaction goes through these command-line tools, which come from these Debian 12
packages (CI must ``apt-get install`` them):

    xvfb          -> Xvfb
    trayer        -> trayer (XEmbed tray host; stalonetray is not packaged in Debian 12)
    xdotool       -> xdotool (input, window search and focus)
    x11-utils     -> xwininfo (window tree and geometry; usually comes with xvfb's
                     recommends, but install it explicitly)
    imagemagick   -> import (screenshots)
    libxcb-icccm4 libxcb-keysyms1 -> needed by Qt's xcb platform plugin (missing from
                     the base image)

Typical use::

    with VirtualDesktop(artifacts_dir=ARTIFACTS) as d:
        app = d.launch([sys.executable, "-m", "tray_app"])
        x, y, w, h = d.tray_icon_geometry(timeout=15)
        d.click(x + w // 2, y + h // 2)
        wid = d.find_window("^awork", timeout=10)
        d.wait_focused(wid)            # no window manager: see note below
        d.type_text("hello"); d.key("Return")
        app.wait_for_output(r"hello", timeout=5)

Keyboard focus without a window manager: this desktop runs no WM, so X input
focus starts as PointerRoot, which means keystrokes go to whatever window is under
the pointer (after a click on the icon, that is the tray icon). A newly shown Qt
window does NOT get focus by itself. The app must call ``w.raise_();
w.activateWindow()`` after ``show()``. With no ``_NET_ACTIVE_WINDOW``-capable WM,
Qt's xcb plugin then calls XSetInputFocus directly (deferred until the window is
exposed). Tests can also force it with :meth:`VirtualDesktop.focus_window`
(``xdotool windowfocus --sync``). ``xdotool getactivewindow`` does not work without
a WM, so :meth:`active_window_name` uses the X input focus instead.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Iterable, Sequence

from .waiting import wait_for

__all__ = [
    "REQUIRED_TOOLS",
    "AppProcess",
    "ToolError",
    "VirtualDesktop",
    "missing_tools",
    "virtual_desktop",
]

#: executable -> Debian package that provides it
REQUIRED_TOOLS: dict[str, str] = {
    "Xvfb": "xvfb",
    "trayer": "trayer",
    "xdotool": "xdotool",
    "xwininfo": "x11-utils",
    "import": "imagemagick",
}

DEFAULT_TRAYER_ARGS: tuple[str, ...] = (
    "--edge", "bottom",
    "--align", "right",
    "--widthtype", "request",   # panel grows with the icons
    "--height", "28",
    "--transparent", "false",
    "--tint", "0x333333",
    "--SetDockType", "true",
    "--SetPartialStrut", "false",
)

_TOOL_TIMEOUT = 15.0  # seconds; upper bound for any single X tool invocation


def _reminders_off(config_dir: Path) -> None:
    """The end-to-end apps run with reminders off (unless a test's settings say otherwise): a
    "still tracking — stop?" message by the icon would otherwise depend on the time of day CI runs
    at, and cover the icon a test is about to click."""
    path = config_dir / "settings.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if isinstance(data, dict) and "reminders" not in data:
        config_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({**data, "reminders": False}), encoding="utf-8")


def missing_tools(tools: Iterable[str] | None = None) -> list[str]:
    """Return ``"exe (package)"`` strings for the required tools that are not on PATH."""
    names = list(tools) if tools is not None else list(REQUIRED_TOOLS)
    return [f"{t} ({REQUIRED_TOOLS.get(t, '?')})" for t in names if shutil.which(t) is None]


class ToolError(RuntimeError):
    """An X command-line tool exited non-zero."""

    def __init__(self, argv: Sequence[str], returncode: int, stdout: str, stderr: str):
        self.argv, self.returncode, self.stdout, self.stderr = list(argv), returncode, stdout, stderr
        super().__init__(f"{' '.join(argv)!r} exited {returncode}: {stderr.strip() or stdout.strip()}")


def _terminate(proc: subprocess.Popen, timeout: float = 5.0, group: bool = False) -> None:
    """SIGTERM, then SIGKILL after ``timeout``. Always reaps. Never raises."""
    if proc.poll() is not None:
        return

    def send(sig: int) -> None:
        try:
            if group:
                os.killpg(proc.pid, sig)
            else:
                proc.send_signal(sig)
        except (ProcessLookupError, PermissionError):
            pass

    send(signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
        return
    except subprocess.TimeoutExpired:
        pass
    send(signal.SIGKILL)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        pass


class AppProcess:
    """A process started on the virtual desktop. Its stdout and stderr are collected line by line."""

    def __init__(self, argv: Sequence[str], env: dict[str, str], cwd: str | os.PathLike | None = None):
        self.argv = list(argv)
        self.proc = subprocess.Popen(
            self.argv,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            bufsize=1,
            start_new_session=True,  # its own process group, so that children die with it
        )
        self._lock = threading.Lock()
        self.stdout_lines: list[str] = []
        self.stderr_lines: list[str] = []
        self._threads = [
            threading.Thread(target=self._pump, args=(self.proc.stdout, self.stdout_lines), daemon=True),
            threading.Thread(target=self._pump, args=(self.proc.stderr, self.stderr_lines), daemon=True),
        ]
        for t in self._threads:
            t.start()

    def _pump(self, stream, sink: list[str]) -> None:
        for line in stream:
            with self._lock:
                sink.append(line.rstrip("\n"))
        stream.close()

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def returncode(self) -> int | None:
        return self.proc.poll()

    def stdout(self) -> str:
        with self._lock:
            return "\n".join(self.stdout_lines)

    def stderr(self) -> str:
        with self._lock:
            return "\n".join(self.stderr_lines)

    def wait_for_output(self, pattern: str, timeout: float = 10.0, stream: str = "stdout") -> re.Match:
        """Wait until a line of ``stream`` ("stdout" or "stderr") matches regex ``pattern``.

        Returns the match. Fails early if the process exits without printing it.
        """
        rx = re.compile(pattern)
        lines = self.stdout_lines if stream == "stdout" else self.stderr_lines

        def check():
            with self._lock:
                for line in lines:
                    m = rx.search(line)
                    if m:
                        return m
            if self.proc.poll() is not None:
                # Drain whatever the pump threads still have, then decide.
                for t in self._threads:
                    t.join(timeout=2)
                with self._lock:
                    for line in lines:
                        m = rx.search(line)
                        if m:
                            return m
                raise AssertionError(
                    f"process {self.argv!r} exited with {self.proc.returncode} before printing /{pattern}/ "
                    f"on {stream}\n--- stdout ---\n{self.stdout()}\n--- stderr ---\n{self.stderr()}"
                )
            return None

        try:
            return wait_for(check, timeout, what=f"/{pattern}/ on {stream} of {self.argv!r}")
        except AssertionError as exc:
            if "exited with" in str(exc):
                raise
            raise AssertionError(f"{exc}\n--- stdout ---\n{self.stdout()}\n--- stderr ---\n{self.stderr()}") from None

    def terminate(self, timeout: float = 5.0) -> int | None:
        _terminate(self.proc, timeout=timeout, group=True)
        for t in self._threads:
            t.join(timeout=2)
        return self.proc.returncode


class VirtualDesktop:
    """Xvfb + trayer, as a context manager. Everything it starts is torn down on exit.

    Parameters:
        size, depth: screen geometry for Xvfb.
        tray: start trayer (default True).
        trayer_args: override the trayer command-line options.
        dbus: what ``env`` gets for DBUS_SESSION_BUS_ADDRESS:
            "isolated" (default): an address that cannot be connected to. Qt then
                never finds a StatusNotifierWatcher and always uses XEmbed (trayer),
                even when run from a KDE or GNOME session.
            "private": start a private ``dbus-daemon --session`` (for keyring or SNI tests).
                Qt then still uses XEmbed unless something registers
                org.kde.StatusNotifierWatcher on that bus.
            "inherit": leave the caller's variable alone.
        artifacts_dir: if set and the ``with`` block raises, a screenshot and the
            Xvfb and trayer logs are saved there (name prefix ``artifact_prefix``).
        startup_timeout: seconds to wait for Xvfb and trayer.
    """

    def __init__(
        self,
        size: tuple[int, int] = (1280, 800),
        depth: int = 24,
        tray: bool = True,
        trayer_args: Sequence[str] = DEFAULT_TRAYER_ARGS,
        dbus: str = "isolated",
        artifacts_dir: str | os.PathLike | None = None,
        artifact_prefix: str = "desktop",
        startup_timeout: float = 15.0,
    ):
        if dbus not in ("isolated", "private", "inherit"):
            raise ValueError(f"dbus must be 'isolated', 'private' or 'inherit', not {dbus!r}")
        self.size = size
        self.depth = depth
        self.tray = tray
        self.trayer_args = list(trayer_args)
        self.dbus_mode = dbus
        self.artifacts_dir = Path(artifacts_dir) if artifacts_dir is not None else None
        self.artifact_prefix = artifact_prefix
        self.startup_timeout = startup_timeout

        self.display: str = ""
        self.env: dict[str, str] = {}
        self.tray_window: int | None = None  # trayer's "panel" window (it holds the icon sockets)
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._xvfb: subprocess.Popen | None = None
        self._trayer: subprocess.Popen | None = None
        self._dbus: subprocess.Popen | None = None
        self._apps: list[AppProcess] = []

    # ----------------------------------------------------------------- lifecycle

    def __enter__(self) -> VirtualDesktop:
        self.start()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.save_failure_artifacts()
        self.stop()

    def start(self) -> None:
        missing = missing_tools([t for t in REQUIRED_TOOLS if self.tray or t != "trayer"])
        if missing:
            raise RuntimeError("missing X tools for the e2e desktop: " + ", ".join(missing))
        self._tmp = tempfile.TemporaryDirectory(prefix="awork-e2e-")
        try:
            self._start_xvfb()
            self._build_env()
            if self.dbus_mode == "private":
                self._start_dbus()
            if self.tray:
                self._start_trayer()
        except BaseException:
            self.save_failure_artifacts()
            self.stop()
            raise

    def stop(self) -> None:
        """Stop launched apps, then trayer, dbus and Xvfb. Idempotent, and never raises."""
        for app in reversed(self._apps):
            try:
                app.terminate()
            except Exception:
                pass
        self._apps.clear()
        for attr in ("_trayer", "_dbus", "_xvfb"):
            proc = getattr(self, attr)
            if proc is not None:
                _terminate(proc)
                setattr(self, attr, None)
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    @property
    def tmpdir(self) -> Path:
        assert self._tmp is not None, "desktop not started"
        return Path(self._tmp.name)

    def _spawn(self, name: str, argv: list[str], **kw) -> subprocess.Popen:
        """Start a program writing its output to <name>.log (the open file is the child's; ours is closed)."""
        with open(self.tmpdir / f"{name}.log", "wb") as log:
            return subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, **kw)

    def _read_log(self, name: str) -> str:
        try:
            return (self.tmpdir / f"{name}.log").read_text(errors="replace")
        except (OSError, AssertionError):
            return ""

    def _start_xvfb(self) -> None:
        rfd, wfd = os.pipe()
        w, h = self.size
        argv = [
            "Xvfb", "-displayfd", str(wfd),
            "-screen", "0", f"{w}x{h}x{self.depth}",
            "-nolisten", "tcp",
            "-noreset",  # do not reset when the last client disconnects
        ]
        try:
            self._xvfb = self._spawn("xvfb", argv, pass_fds=(wfd,), stdin=subprocess.DEVNULL)
        finally:
            os.close(wfd)
        # Xvfb writes "<n>\n" to the fd once it accepts connections.
        data = b""
        deadline = time.monotonic() + self.startup_timeout
        try:
            while not data.endswith(b"\n"):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise RuntimeError(f"Xvfb did not report a display within {self.startup_timeout}s:\n"
                                       + self._read_log("xvfb"))
                ready, _, _ = select.select([rfd], [], [], min(remaining, 0.2))
                if ready:
                    chunk = os.read(rfd, 64)
                    if not chunk:  # EOF: Xvfb died
                        break
                    data += chunk
                elif self._xvfb.poll() is not None:
                    break
        finally:
            os.close(rfd)
        num = data.strip()
        if not num.isdigit():
            raise RuntimeError(f"Xvfb failed to start (exit {self._xvfb.poll()}):\n" + self._read_log("xvfb"))
        self.display = f":{num.decode()}"

    def _build_env(self) -> None:
        env = dict(os.environ)
        env["DISPLAY"] = self.display
        env["QT_QPA_PLATFORM"] = "xcb"
        for var in ("WAYLAND_DISPLAY", "XAUTHORITY", "QT_QPA_PLATFORMTHEME", "DESKTOP_SESSION",
                    "XDG_CURRENT_DESKTOP", "XDG_SESSION_TYPE"):
            env.pop(var, None)
        runtime = self.tmpdir / "xdg-runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env["XDG_RUNTIME_DIR"] = str(runtime)  # silences Qt's warning, isolated from the host
        if self.dbus_mode == "isolated":
            env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={self.tmpdir / 'no-session-bus'}"
        self.env = env

    def _start_dbus(self) -> None:
        rfd, wfd = os.pipe()
        try:
            self._dbus = self._spawn(
                "dbus", ["dbus-daemon", "--session", "--nofork", "--nopidfile", f"--print-address={wfd}"],
                pass_fds=(wfd,), env=self.env, stdin=subprocess.DEVNULL,
            )
        finally:
            os.close(wfd)
        data = b""
        deadline = time.monotonic() + self.startup_timeout
        try:
            while not data.endswith(b"\n") and time.monotonic() < deadline:
                ready, _, _ = select.select([rfd], [], [], 0.2)
                if ready:
                    chunk = os.read(rfd, 1024)
                    if not chunk:
                        break
                    data += chunk
                elif self._dbus.poll() is not None:
                    break
        finally:
            os.close(rfd)
        address = data.decode().strip()
        if not address:
            raise RuntimeError("dbus-daemon failed to start:\n" + self._read_log("dbus"))
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address

    def _start_trayer(self) -> None:
        self._trayer = self._spawn("trayer", ["trayer", *self.trayer_args], env=self.env, stdin=subprocess.DEVNULL)
        pid = self._trayer.pid

        def panel():
            if self._trayer.poll() is not None:
                raise RuntimeError(f"trayer exited with {self._trayer.returncode}:\n" + self._read_log("trayer"))
            # trayer's visible window is named/classed "panel" and carries _NET_WM_PID.
            wids = self._search(["--onlyvisible", "--pid", str(pid), "--classname", "^panel$"])
            return wids[0] if wids else None

        self.tray_window = wait_for(panel, self.startup_timeout, what="trayer's panel window to be mapped")

    # ----------------------------------------------------------------- running tools

    def run(self, argv: Sequence[str], check: bool = True, timeout: float = _TOOL_TIMEOUT) -> str:
        """Run a command on this display and return its stdout. Raises ToolError if ``check`` and it fails."""
        assert self.display, "desktop not started"
        r = subprocess.run(list(argv), env=self.env, stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, errors="replace", timeout=timeout)
        if check and r.returncode != 0:
            raise ToolError(argv, r.returncode, r.stdout, r.stderr)
        return r.stdout

    def xdotool(self, *args: str, check: bool = True) -> str:
        return self.run(["xdotool", *map(str, args)], check=check)

    def launch(self, argv: Sequence[str], env: dict[str, str] | None = None,
               cwd: str | os.PathLike | None = None) -> AppProcess:
        """Start a program on this display. It is killed (whole process group) when the desktop stops.

        ``env`` entries are merged over ``self.env``. PYTHONUNBUFFERED=1 is set so
        that the output of a Python child is visible at once.
        """
        full_env = dict(self.env)
        full_env["PYTHONUNBUFFERED"] = "1"
        if env:
            full_env.update(env)
        if "tray_app" in argv and full_env.get("AWORK_TRAY_CONFIG_DIR"):
            _reminders_off(Path(full_env["AWORK_TRAY_CONFIG_DIR"]))
        app = AppProcess(argv, full_env, cwd=cwd)
        self._apps.append(app)
        return app

    # ----------------------------------------------------------------- windows

    def _search(self, args: Sequence[str]) -> list[int]:
        # xdotool search exits 1 when nothing matches
        out = self.run(["xdotool", "search", *args], check=False)
        return [int(x) for x in out.split() if x.strip().isdigit()]

    def find_windows(self, name_regex: str, visible: bool = True) -> list[int]:
        """All window ids whose WM_NAME matches ``name_regex`` (no waiting)."""
        return self._search((["--onlyvisible"] if visible else []) + ["--name", name_regex])

    def find_window(self, name_regex: str, visible: bool = True, timeout: float = 10.0) -> int:
        """Wait for a (by default visible/mapped) window whose title matches ``name_regex``, return its id."""
        wids = wait_for(lambda: self.find_windows(name_regex, visible), timeout,
                        what=f"window /{name_regex}/{' (visible)' if visible else ''}")
        return wids[0]

    def window_info(self, wid: int) -> dict[str, str]:
        """Parsed ``xwininfo -id``: keys such as 'Absolute upper-left X', 'Width', 'Map State'."""
        out = self.run(["xwininfo", "-id", str(wid)])
        info: dict[str, str] = {}
        for line in out.splitlines():
            k, sep, v = line.strip().partition(": ")
            if sep:
                info[k] = v.strip()
        return info

    def window_geometry(self, wid: int) -> tuple[int, int, int, int]:
        """(x, y, w, h) of ``wid`` in root coordinates (without borders)."""
        i = self.window_info(wid)
        return (int(i["Absolute upper-left X"]), int(i["Absolute upper-left Y"]), int(i["Width"]), int(i["Height"]))

    def is_viewable(self, wid: int) -> bool:
        try:
            return self.window_info(wid).get("Map State") == "IsViewable"
        except ToolError:  # BadWindow: destroyed
            return False

    def window_name(self, wid: int) -> str | None:
        r = self.run(["xdotool", "getwindowname", str(wid)], check=False)
        return r.rstrip("\n") if r else None

    def wait_window_gone(self, wid_or_name: int | str, timeout: float = 10.0) -> None:
        """Wait until window id ``wid`` is unmapped or destroyed, or until no visible window's title matches the regex."""
        if isinstance(wid_or_name, int):
            wait_for(lambda: not self.is_viewable(wid_or_name), timeout,
                     what=f"window {wid_or_name:#x} to be unmapped/destroyed")
        else:
            wait_for(lambda: not self.find_windows(wid_or_name, visible=True), timeout,
                     what=f"no visible window /{wid_or_name}/")

    # ----------------------------------------------------------------- focus

    def focused_window(self) -> int | None:
        """The X input focus window (walked up to its client toplevel by xdotool), or None for PointerRoot/None."""
        r = subprocess.run(["xdotool", "getwindowfocus"], env=self.env, capture_output=True, text=True,
                           timeout=_TOOL_TIMEOUT)
        # With PointerRoot focus, xdotool prints an X error to stderr and may exit 0 or 1.
        out = r.stdout.strip()
        if r.returncode != 0 or not out.isdigit():
            return None
        wid = int(out)
        return wid if wid > 1 else None

    def active_window_name(self) -> str | None:
        """Title of the window with keyboard focus, or None.

        Uses the X input focus, not _NET_ACTIVE_WINDOW. ``xdotool getactivewindow``
        needs a window manager, and this desktop has none.
        """
        wid = self.focused_window()
        return self.window_name(wid) if wid else None

    def wait_focused(self, wid: int, timeout: float = 5.0) -> int:
        """Wait until ``wid`` has the X input focus (the app is expected to call activateWindow())."""
        try:
            wait_for(lambda: self.focused_window() == wid, timeout,
                     what=f"window {wid:#x} ({self.window_name(wid)!r}) to get keyboard focus")
        except AssertionError as exc:
            raise AssertionError(f"{exc}; focus is on {self.active_window_name()!r} "
                                 "(None = PointerRoot: the app did not call activateWindow())") from None
        return wid

    def focus_window(self, wid: int, timeout: float = 5.0) -> None:
        """Give ``wid`` the X input focus from the outside (XSetInputFocus through xdotool) and wait for it."""
        self.xdotool("windowfocus", "--sync", str(wid))
        self.wait_focused(wid, timeout)

    # ----------------------------------------------------------------- input

    def click(self, x: int, y: int, button: int = 1) -> None:
        """Move the pointer to root coordinates (x, y) and click ``button`` (1=left, 2=middle, 3=right)."""
        self.move_pointer(x, y)
        self.xdotool("click", str(button))

    def pointer(self) -> tuple[int, int]:
        out = self.xdotool("getmouselocation", "--shell")
        values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        return int(values["X"]), int(values["Y"])

    def move_pointer(self, x: int, y: int) -> None:
        # `mousemove --sync` waits for a motion event, and there is none when the pointer is
        # already there: it would hang until the command times out.
        if self.pointer() != (int(x), int(y)):
            self.xdotool("mousemove", "--sync", str(int(x)), str(int(y)))

    def key(self, *keys: str) -> None:
        """Press key combos in order, e.g. ``key("ctrl+a", "BackSpace", "Return")`` (X keysym names)."""
        if keys:
            self.xdotool("key", "--delay", "20", *keys)

    def type_text(self, text: str, delay_ms: int = 12) -> None:
        """Type ``text`` into the focused window."""
        self.xdotool("type", "--delay", str(delay_ms), "--", text)

    # ----------------------------------------------------------------- tray

    _TREE_LINE = re.compile(
        r"^(?P<indent>\s*)(?P<wid>0x[0-9a-fA-F]+) (?P<rest>.*?)\s+"
        r"(?P<w>\d+)x(?P<h>\d+)[+-]-?\d+[+-]-?\d+\s+\+(?P<x>-?\d+)\+(?P<y>-?\d+)\s*$"
    )

    def window_tree(self, wid: int) -> list[tuple[int, int, str, tuple[int, int, int, int]]]:
        """Descendants of ``wid`` as (depth, id, name-part, (abs_x, abs_y, w, h)). Depth 1 means a direct child."""
        out = self.run(["xwininfo", "-tree", "-id", str(wid)])
        rows = []
        indents: list[int] = []
        for line in out.splitlines():
            m = self._TREE_LINE.match(line)
            if not m:
                continue
            ind = len(m["indent"])
            while indents and indents[-1] >= ind:
                indents.pop()
            indents.append(ind)
            rows.append((len(indents), int(m["wid"], 16), m["rest"],
                         (int(m["x"]), int(m["y"]), int(m["w"]), int(m["h"]))))
        return rows

    def tray_icons(self) -> list[tuple[int, str, tuple[int, int, int, int]]]:
        """Currently embedded, mapped tray icon client windows: (wid, name-part, (x, y, w, h)).

        trayer's panel holds one GtkSocket per icon (depth 1). The XEmbed client
        (for Qt, the QSystemTrayIcon window, named after the application) is
        reparented into the socket (depth 2).
        """
        if self.tray_window is None:
            raise RuntimeError("no tray: VirtualDesktop(tray=False)")
        icons = []
        for depth, wid, rest, (x, y, w, h) in self.window_tree(self.tray_window):
            if depth == 2 and w > 1 and h > 1 and self.is_viewable(wid):
                icons.append((wid, rest, (x, y, w, h)))
        return icons

    def tray_icon_geometry(self, timeout: float = 10.0, name_regex: str | None = None,
                           index: int = 0) -> tuple[int, int, int, int]:
        """Wait for an embedded tray icon and return its (x, y, w, h) in root coordinates.

        Returns only once a client window is reparented into trayer, mapped, has a
        non-trivial size, and its geometry has stayed the same for two polls in a
        row. (The panel resizes and moves while an icon is embedded.)
        ``name_regex`` filters on the client's "name" ("class") part as printed by
        xwininfo, e.g. the Qt application name.
        """
        rx = re.compile(name_regex) if name_regex else None
        last: list[Any] = [None]

        def stable():
            icons = self.tray_icons()
            if rx is not None:
                icons = [i for i in icons if rx.search(i[1])]
            cur = icons[index][2] if len(icons) > index else None
            ok = cur is not None and cur == last[0]
            last[0] = cur
            return cur if ok else None

        return wait_for(stable, timeout, what="a tray icon to be embedded in trayer"
                        + (f" matching /{name_regex}/" if name_regex else ""), ignore=(ToolError,))

    def click_tray_icon(self, button: int = 1, timeout: float = 10.0, name_regex: str | None = None) -> tuple[int, int, int, int]:
        x, y, w, h = self.tray_icon_geometry(timeout=timeout, name_regex=name_regex)
        self.click(x + w // 2, y + h // 2, button)
        return (x, y, w, h)

    # ----------------------------------------------------------------- artifacts

    def screenshot(self, path: str | os.PathLike, crop: tuple[int, int, int, int] | None = None) -> Path:
        """Capture the screen (root window) into ``path`` (format from the extension, e.g. .png),
        or only the ``crop`` rectangle (x, y, w, h) of it."""
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        # Write to a temp name and rename it, so that concurrent runs that save the same path
        # never see a truncated file. The temp name keeps the suffix, which `import` uses to pick the format.
        tmp = p.with_name(f".{p.stem}.{os.getpid()}.{threading.get_ident()}.tmp{p.suffix}")
        try:
            extra = ["-crop", f"{crop[2]}x{crop[3]}+{crop[0]}+{crop[1]}", "+repage"] if crop else []
            self.run(["import", "-window", "root", *extra, str(tmp)], timeout=30)
            os.replace(tmp, p)
        finally:
            tmp.unlink(missing_ok=True)
        return p

    def save_failure_artifacts(self) -> None:
        """Screenshot and server logs into artifacts_dir (if set). Never raises."""
        if self.artifacts_dir is None or self._tmp is None:
            return
        try:
            self.artifacts_dir.mkdir(parents=True, exist_ok=True)
            if self._xvfb is not None and self._xvfb.poll() is None and self.display:
                self.screenshot(self.artifacts_dir / f"{self.artifact_prefix}-failure.png")
        except Exception:
            pass
        for name in ("xvfb", "trayer", "dbus"):
            text = self._read_log(name)
            if text:
                try:
                    (self.artifacts_dir / f"{self.artifact_prefix}-{name}.log").write_text(text)
                except OSError:
                    pass
        for n, app in enumerate(self._apps):
            try:
                (self.artifacts_dir / f"{self.artifact_prefix}-app{n}.log").write_text(
                    f"argv: {app.argv}\nreturncode: {app.returncode}\n--- stdout ---\n{app.stdout()}\n"
                    f"--- stderr ---\n{app.stderr()}\n")
            except OSError:
                pass


try:  # Optional pytest integration. The module stays importable without pytest.
    import pytest as _pytest

    @_pytest.fixture
    def virtual_desktop(request):
        """pytest fixture: a started VirtualDesktop. Fails (never skips) if the X tools are missing.

        Use it from a test module or conftest with ``from helpers.desktop import virtual_desktop``.
        If the test fails, a screenshot and logs go to tests/e2e/artifacts/<test name>-*.
        """
        missing = missing_tools()
        if missing:
            # A skip would hide that the end-to-end tier did not run; scripts/test.sh installs these.
            _pytest.fail("e2e desktop tools missing: " + ", ".join(missing))
        prefix = re.sub(r"[^\w.-]+", "_", request.node.name)
        d = VirtualDesktop(artifacts_dir=Path(__file__).parents[1] / "e2e" / "artifacts", artifact_prefix=prefix)
        d.start()
        failed_before = request.session.testsfailed
        try:
            yield d
        finally:
            # The call-phase report is logged before teardown, so a failure of the test
            # body has already been counted here. (Fixtures never see the exception itself.)
            if request.session.testsfailed > failed_before:
                d.save_failure_artifacts()
            d.stop()
except ImportError:  # pragma: no cover
    pass
