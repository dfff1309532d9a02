"""The test side of the AT-SPI checks: reads the app the way a screen reader does, through
atspi_probe.py running under the system's Python (it has pyatspi; the venv need not).

The app needs an AT-SPI bus and must talk on it: a private D-Bus session (VirtualDesktop(dbus=
"private")), where dbus-daemon starts at-spi-bus-launcher and at-spi2-registryd on first use
(Debian: at-spi2-core), and QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, because with no screen reader
running, org.a11y.Status says nobody listens and Qt would stay silent.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

from helpers.waiting import wait_for

PROBE = Path(__file__).with_name("atspi_probe.py")
SYSTEM_PYTHON = "/usr/bin/python3"
APP_ENV = {"QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
# Debian packages: what scripts/test.sh installs for these checks.
PACKAGES = "at-spi2-core python3-pyatspi (with python3-gi, gir1.2-atspi-2.0)"

Node = dict


def missing() -> str | None:
    """Why the AT-SPI checks cannot run here, or None."""
    if shutil.which("dbus-daemon") is None or not Path("/usr/libexec/at-spi-bus-launcher").exists():
        return "at-spi2-core / dbus are not installed"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
    if probe.returncode:
        return f"{SYSTEM_PYTHON} has no pyatspi ({PACKAGES})"
    return None


class ScreenReader:
    """One atspi_probe.py process on the desktop's session bus, for the length of a test."""

    def __init__(self, env: dict[str, str], app_name: str = "awork-tray"):
        self.app_name = app_name
        self._proc = subprocess.Popen([SYSTEM_PYTHON, str(PROBE)], env=env, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True, encoding="utf-8")
        assert json.loads(self._proc.stdout.readline()).get("ready"), "the AT-SPI probe did not start"

    def close(self) -> None:
        if self._proc.poll() is None:
            try:
                self._proc.stdin.write("quit\n")
                self._proc.stdin.flush()
                self._proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self._proc.kill()
                self._proc.wait()
        for pipe in (self._proc.stdin, self._proc.stdout):
            try:
                pipe.close()
            except OSError:  # the probe is gone: a broken pipe is expected
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _ask(self, line: str) -> dict:
        self._proc.stdin.write(line + "\n")
        self._proc.stdin.flush()
        reply = self._proc.stdout.readline()
        if not reply:
            raise AssertionError(f"the AT-SPI probe ended (exit {self._proc.wait()})")
        return json.loads(reply)

    def tree(self) -> Node | None:
        return self._ask(f"dump {self.app_name}")["tree"]

    def focus(self) -> tuple[int, Node | None]:
        reply = self._ask("focus")
        return reply["count"], reply["focus"]

    def wait_tree(self, predicate: Callable[[Node], object], timeout: float, what: str):
        """The app's tree once `predicate(tree)` holds; returns what the predicate returned."""
        def check():
            tree = self.tree()
            return predicate(tree) if tree is not None else None

        return wait_for(check, timeout, what=what)

    def wait_focus(self, predicate: Callable[[Node], bool], after: int, timeout: float, what: str) -> tuple[int, Node]:
        """The focus once a focus event later than number `after` lands on an object matching `predicate`."""
        seen: list = [None]

        def check():
            count, node = self.focus()
            seen[0] = node
            return (count, node) if count > after and node and predicate(node) else None

        try:
            return wait_for(check, timeout, what=what)
        except AssertionError as exc:
            raise AssertionError(f"{exc}; the focus is on {brief(seen[0])}") from None


def walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node["children"]:
        yield from walk(child)


def find(node: Node, role: str | None = None, name: str | None = None, **kw) -> list[Node]:
    """Every node below `node` with this role and a name matching the regex `name`."""
    rx = re.compile(name) if name is not None else None
    return [n for n in walk(node) if (role is None or n["role"] == role) and (rx is None or rx.search(n["name"]))
            and all(n.get(k) == v for k, v in kw.items())]


def window(tree: Node, title: str) -> Node | None:
    """The top-level window (a child of the application) whose name matches `title`."""
    rx = re.compile(title)
    return next((w for w in tree["children"] if rx.search(w["name"]) and "showing" in w["states"]), None)


def brief(node: Node | None) -> str:
    """A node as a failure message shows it."""
    if not node:
        return repr(node)
    parts = [node.get("role", "?"), repr(node.get("name", ""))]
    for key in ("description", "text", "value"):
        if node.get(key) not in (None, ""):
            parts.append(f"{key}={node[key]!r}")
    if node.get("parent"):
        parts.append(f"in {node['parent']['role']} {node['parent']['name']!r}")
    return " ".join(parts)
