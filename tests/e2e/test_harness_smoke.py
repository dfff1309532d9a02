"""Smoke tests for the e2e desktop harness (tests/e2e/desktop.py).

They drive a tiny PySide6 tray app (written into tmp_path) through a real XEmbed
tray (trayer on Xvfb): wait for the icon to embed, click it, wait for the frameless
Qt.Tool popover, give it keyboard focus, type, and check the app's stdout.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from helpers.desktop import VirtualDesktop, missing_tools
from helpers.waiting import wait_for

pytestmark = pytest.mark.e2e

ARTIFACTS = Path(__file__).parent / "artifacts"

TRAY_SCRIPT = textwrap.dedent(
    r'''
    import sys
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
    from PySide6.QtWidgets import QApplication, QLineEdit, QSystemTrayIcon, QVBoxLayout, QWidget

    FOCUS_BY_APP = "--no-activate" not in sys.argv

    app = QApplication(sys.argv)
    app.setApplicationName("harness-tray")
    app.setQuitOnLastWindowClosed(False)  # hidden popover + tray only: must not quit

    pm = QPixmap(32, 32)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor("#e8772e"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(2, 2, 28, 28)
    p.end()

    class Popover(QWidget):
        def __init__(self):
            super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
            self.setWindowTitle("harness popover")
            self.edit = QLineEdit(self)
            self.edit.setPlaceholderText("type here")
            QVBoxLayout(self).addWidget(self.edit)
            self.resize(260, 64)
            self.edit.returnPressed.connect(self.submit)

        def submit(self):
            print("typed:", self.edit.text(), flush=True)
            self.edit.clear()

        def keyPressEvent(self, ev):
            if ev.key() == Qt.Key.Key_Escape:
                print("popover hidden", flush=True)
                self.hide()
            else:
                super().keyPressEvent(ev)

    tray = QSystemTrayIcon(QIcon(pm))
    tray.setToolTip("harness tray")
    pop = Popover()

    def on_activated(reason):
        print("activated:", reason.name, flush=True)
        if reason != QSystemTrayIcon.ActivationReason.Trigger:
            return
        g = tray.geometry()
        print(f"geometry {g.x()} {g.y()} {g.width()} {g.height()}", flush=True)
        screen = app.primaryScreen().availableGeometry()
        x = min(max(g.center().x() - pop.width() // 2, screen.left()), screen.right() - pop.width())
        y = g.top() - pop.height() - 4 if g.top() - pop.height() - 4 >= screen.top() else g.bottom() + 4
        pop.move(x, y)
        pop.show()
        if FOCUS_BY_APP:
            # No window manager under Xvfb: without this the X focus stays PointerRoot and the
            # keystrokes go to the window under the pointer (the tray icon).
            pop.raise_()
            pop.activateWindow()
        pop.edit.setFocus()

    tray.activated.connect(on_activated)
    tray.show()
    print("tray available:", QSystemTrayIcon.isSystemTrayAvailable(), flush=True)
    sys.exit(app.exec())
    '''
)


def _require_tools():
    missing = missing_tools()
    if missing:
        # Never a skip: that would hide that this tier did not run (scripts/test.sh installs them).
        pytest.fail("e2e desktop tools missing: " + ", ".join(missing))


@pytest.fixture
def tray_script(tmp_path):
    path = tmp_path / "harness_tray.py"
    path.write_text(TRAY_SCRIPT)
    return path


@pytest.mark.parametrize("focus_by", ["app", "xdotool"])
def test_click_icon_type_into_popover(tray_script, focus_by):
    _require_tools()
    args = [] if focus_by == "app" else ["--no-activate"]
    with VirtualDesktop(artifacts_dir=ARTIFACTS, artifact_prefix=f"smoke-{focus_by}") as d:
        assert d.display.startswith(":") and d.env["DISPLAY"] == d.display
        assert d.env["QT_QPA_PLATFORM"] == "xcb"

        app = d.launch([sys.executable, str(tray_script), *args])
        app.wait_for_output(r"^tray available: True$", timeout=20)

        x, y, w, h = d.tray_icon_geometry(timeout=20)
        assert w > 1 and h > 1
        sw, sh = d.size
        assert x >= 0 and x + w <= sw and y >= 0 and y + h <= sh, (x, y, w, h)

        d.click(x + w // 2, y + h // 2)
        app.wait_for_output(r"^activated: Trigger$", timeout=10)
        # Qt's idea of the icon geometry matches what the harness found in the X tree.
        m = app.wait_for_output(r"^geometry (-?\d+) (-?\d+) (\d+) (\d+)$", timeout=5)
        assert tuple(int(v) for v in m.groups()) == (x, y, w, h)

        wid = d.find_window("^harness popover$", timeout=10)
        _px, py, pw, ph = d.window_geometry(wid)
        assert (pw, ph) == (260, 64)
        assert py + ph <= y, "popover should sit above the bottom tray"

        if focus_by == "app":
            d.wait_focused(wid, timeout=10)  # activateWindow() alone must be enough
        else:
            d.focus_window(wid, timeout=10)
        assert d.active_window_name() == "harness popover"

        d.type_text("hello")
        d.key("Return")
        app.wait_for_output(r"^typed: hello$", timeout=10)

        shot = d.screenshot(ARTIFACTS / f"smoke-popover-{focus_by}.png")
        assert shot.stat().st_size > 0

        d.key("Escape")
        app.wait_for_output(r"^popover hidden$", timeout=10)
        d.wait_window_gone(wid, timeout=10)
        d.wait_window_gone("^harness popover$", timeout=10)
        assert app.returncode is None, "app must keep running with only the tray icon left"


def test_fixture_icon_goes_away_with_app(virtual_desktop, tray_script):
    d = virtual_desktop
    assert d.tray_icons() == []
    app = d.launch([sys.executable, str(tray_script)])
    d.tray_icon_geometry(timeout=20, name_regex="harness")
    assert len(d.tray_icons()) == 1
    # A second tray app embeds next to the first one.
    app2 = d.launch([sys.executable, str(tray_script)])
    wait_for(lambda: len(d.tray_icons()) == 2, 20, what="second tray icon")
    app2.terminate()
    app.terminate()
    wait_for(lambda: d.tray_icons() == [], 10, what="tray icons to disappear after the apps exit")


def test_desktop_cleans_up_processes():
    _require_tools()
    with VirtualDesktop() as d:
        procs = [d._xvfb, d._trayer]
        app = d.launch([sys.executable, "-c", "import time; print('up', flush=True); time.sleep(60)"])
        app.wait_for_output("^up$", timeout=10)
        procs.append(app.proc)
        tmpdir = d.tmpdir
    assert all(p.poll() is not None for p in procs)
    assert not tmpdir.exists()
    # (The /tmp/.X11-unix socket is not checked: -displayfd lets a parallel run reuse the number at once.)
