"""Where the tray's messages go: never Qt's balloon on Linux, where it hijacks an SNI icon."""

from __future__ import annotations

from PySide6.QtWidgets import QSystemTrayIcon

from tray_app.ui.tray import Tray


class Recorder:
    def __init__(self):
        self.told = []

    def notify(self, title, text, *, warning=True):
        self.told.append((title, text, warning))

    async def close(self):
        return None


def test_linux_messages_never_use_qt_s_balloon(qapp, monkeypatch):
    balloons = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda self, *a: balloons.append(a))
    tray = Tray()
    recorder = Recorder()
    tray.notifier = recorder
    tray.notify("awork tray", "Timer paused", warning=False)
    assert balloons == []  # under SNI Qt would mark the item NeedsAttention: a light bulb for 8 s
    assert recorder.told == [("awork tray", "Timer paused", False)]


def test_the_default_backend_on_linux_is_the_desktop_s_service(qapp, monkeypatch, tmp_path):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'bus'}")
    tray = Tray()
    assert type(tray.notifier).__name__ == "DesktopNotifier"


def test_a_click_on_an_icon_without_geometry_anchors_at_the_click_only_on_a_panel(qapp):
    from PySide6.QtCore import QPoint, QRect, QSize
    from PySide6.QtGui import QCursor, QGuiApplication

    tray = Tray()
    assert not tray.icon.geometry().isValid(), "offscreen Qt knows no icon geometry, as under SNI"
    seen = []
    tray.quick_start_requested.connect(lambda: seen.append(tray.popover_anchor()))
    avail = QGuiApplication.primaryScreen().availableGeometry()
    on_panel = QPoint(avail.right() - 10, avail.bottom() - 5)  # no strip reserved: near the edge counts
    for pointer in (on_panel, avail.center()):
        QCursor.setPos(pointer)
        assert QCursor.pos() == pointer, "the offscreen platform moves the cursor; this one did not"
        tray._activated(QSystemTrayIcon.ActivationReason.Trigger)
    assert seen == [QRect(on_panel, QSize(1, 1)), None]
    assert tray.popover_anchor() is None  # a hotkey or `awork-tray show` after the click: by the panel


def test_on_windows_and_macos_a_click_on_qt_s_message_picks_its_default_action(qapp, monkeypatch):
    from tray_app.platform.notifications.base import BalloonNotifier

    balloons, chosen = [], []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda self, *a: balloons.append(a[:2]))
    tray = Tray()
    tray.notifier = BalloonNotifier(tray._balloon)  # what create_notifier gives there
    tray.notify("awork tray", "Still tracking — stop?", actions=(("stop", "Stop"), ("keep", "Keep")),
                on_action=chosen.append)
    assert balloons == [("awork tray", "Still tracking — stop?\nClick here: Stop")]
    tray.icon.messageClicked.emit()
    assert chosen == ["stop"]
