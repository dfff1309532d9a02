"""The tray application's composition root: icon first, then the network side, then the loop."""

from __future__ import annotations

import asyncio
import logging
import signal
import socket
import sys

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from .config import Config
from .ui.icons import app_icon
from .ui.tray import Tray

log = logging.getLogger(__name__)


def run_tray(config: Config, *, demo: bool = False) -> int:
    app = QApplication([sys.argv[0]])
    app.setApplicationName("awork-tray")
    app.setApplicationDisplayName("awork tray")
    app.setDesktopFileName("awork-tray")
    app.setWindowIcon(app_icon())
    # The popover is often the only window; closing it must not end the app.
    app.setQuitOnLastWindowClosed(False)
    tray = Tray()
    tray.show()  # before the network side is even imported: the icon is what users wait for
    if not QSystemTrayIcon.isSystemTrayAvailable():
        log.warning("no system tray found")
        print(
            "awork-tray: no system tray found. On GNOME install the 'AppIndicator and KStatusNotifierItem "
            "Support' extension. The quick-start window opens instead; `awork-tray` commands work too.",
            file=sys.stderr,
        )
    import qasync

    return qasync.run(_main(app, tray, config, demo))


async def _main(app: QApplication, tray: Tray, config: Config, demo: bool) -> int:
    from .composition import build_core
    from .ui.session import TraySession

    quit_requested = asyncio.Event()
    app.aboutToQuit.connect(quit_requested.set)  # session logout / OS shutdown
    stop_signals = _quit_on_signals(quit_requested.set)
    core = build_core(config, demo=demo)
    session = TraySession(core, tray, quit_requested.set)
    try:
        await session.start(show_popover=not QSystemTrayIcon.isSystemTrayAvailable())
        await quit_requested.wait()
    finally:
        await session.shutdown()
        await core.aclose()
        tray.hide()  # no ghost icon on Windows
        stop_signals()
    return 0


def _quit_on_signals(callback):
    """SIGTERM/SIGINT end the app cleanly. Python only runs signal handlers when it has control,
    so the signal wakes Qt through a socket instead of a polling timer."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def drain():
        try:
            reader.recv(64)
        except OSError:
            pass
        callback()

    notifier.activated.connect(drain)
    handlers = {s: signal.signal(s, lambda *_: None) for s in (signal.SIGTERM, signal.SIGINT)}

    def restore():
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        reader.close()
        writer.close()

    return restore
