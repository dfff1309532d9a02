"""The tray application's composition root: icon first, then the network side, then the loop."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QSocketNotifier
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from . import import_sources, trace
from .config import Config

log = logging.getLogger(__name__)


def run_tray(config: Config, *, demo: bool = False, autostart: bool = False, show_popover: bool = False,
             verbose: bool = False) -> int:
    import_sources.skip_source_reads()  # before the rest of the app is imported
    from .platform.instance_client import InstanceAddress
    from .platform.instance_lock import InstanceLock, forward_to_winner

    address = InstanceAddress.for_config(config.config_dir, demo=demo)
    lock = InstanceLock(address)
    if not lock.acquire():
        # Another launch won the race (or runs and has not answered yet): one tray is enough.
        reply = forward_to_winner(address, {"cmd": "ping" if autostart else "show", "args": {}})
        if reply is not None:
            return reply.get("exit", 0) if isinstance(reply.get("exit"), int) else 1
        print(f"awork-tray: another awork tray (process {lock.owner_pid() or '?'}) is running but does not answer.",
              file=sys.stderr)
        return 1
    try:
        return _run(config, demo, autostart, show_popover, address, verbose)
    finally:
        lock.release()


def _run(config: Config, demo: bool, autostart: bool, show_popover: bool, address, verbose: bool) -> int:
    from . import APP_ID

    app = QApplication([sys.argv[0]])
    app.setApplicationName("awork-tray")
    app.setApplicationDisplayName("awork tray")
    app.setDesktopFileName(APP_ID)
    # The popover is often the only window; closing it must not end the app.
    app.setQuitOnLastWindowClosed(False)
    icon = None
    if not autostart:  # at login the panel may not be up yet: the icon waits for it in _main
        # The icon is what users wait for: shown before anything else of ours is even imported.
        idle = QIcon(_idle_icon_path())
        idle.setIsMask(sys.platform == "darwin")  # macOS's default style (ui/icons.py): a template image
        icon = QSystemTrayIcon(idle, app)
        icon.show()
        trace.mark("icon_shown")
        _let_it_paint(app)
    from .logs import setup_logging
    from .platform.instance import InstanceServer

    setup_logging(config.log_dir, verbose=verbose)
    from .ui.theme import apply_requested_scheme

    apply_requested_scheme(app)  # AWORK_TRAY_COLOR_SCHEME=dark|light, before any window exists
    from .core.settings import SettingsFile
    from .ui.language import Language

    language = Language(app)  # before the first menu or window: nothing to re-translate yet
    settings_file = SettingsFile(config.config_dir)  # one object: it knows whether it kept a damaged file aside
    language.apply(settings_file.load().language)
    file_problems = (settings_file.problem,) if settings_file.problem else ()
    server = InstanceServer(address)
    server.listen()  # without it the tray still works; the command line then acts on its own
    tray = _show_tray(icon) if icon is not None else None
    import asyncio

    from .qt_loop import run_until_done

    quit_requested = asyncio.Event()
    main = _main(app, tray, config, demo, server, show_popover, language, settings_file, file_problems, quit_requested)
    code = run_until_done(app, main, on_early_stop=quit_requested.set)
    return 0 if code is None else code


def _idle_icon_path() -> str:
    # Cheap on purpose: this runs before anything else of ours is imported.
    from .resource_files import resource_file

    name = "tray-idle-light.svg" if sys.platform == "darwin" else "tray-idle.svg"
    return str(resource_file("icons", name))


PAINT_WAIT_MS = 300  # at most; a tray host embeds an icon within a few frames


def _let_it_paint(app: QApplication) -> None:
    """Runs Qt's loop until the icon's window is on screen and painted, so that the user sees the
    icon before the rest of the app is imported and built (an XEmbed tray maps the window at once,
    but it stays empty until our loop paints it). A tray that draws the icon itself
    (StatusNotifierItem, macOS, Windows) gets one pass of events.

    It watches the window's exposure with a timer, not its paint event with an event filter: the
    first event Python sees builds PySide6's QEvent.Type enum (~180 members, a few ms), which would
    stand between the tray showing the slot and the icon in it. A widget's window paints as soon
    as it is exposed; a round trip to the display (QGuiApplication.sync) then puts it on screen."""
    from PySide6.QtCore import QEventLoop, QTimer

    # Its QWindow, found by the name Qt gives it: asking for the widget (topLevelWidgets) would make
    # PySide6 set up its QWidget classes first, ~15 ms here before the icon could be painted.
    windows = [w for w in app.allWindows() if w.objectName() == "QSystemTrayIconSysWindow"]
    window = windows[0] if windows else None
    if window is None or not QSystemTrayIcon.isSystemTrayAvailable():
        app.processEvents()
        return
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(1)

    def look() -> None:
        if window.isExposed():
            poll.stop()
            QTimer.singleShot(0, shown)

    def shown() -> None:
        # The paint the exposure asked for, then a round trip to the display: when this returns,
        # the icon's pixels are on the screen, not waiting in a buffer behind the imports to come.
        QApplication.sync()
        loop.quit()

    poll.timeout.connect(look)
    poll.start()
    QTimer.singleShot(PAINT_WAIT_MS, loop.quit)
    loop.exec()
    waited_out = poll.isActive()
    poll.stop()
    trace.mark("icon_paint_waited_out" if waited_out else "icon_painted")


async def _step(name: str) -> None:
    """Marks the end of a start-up step (AWORK_TRAY_TRACE) and lets Qt run its events before the
    next: the icon stays painted and answers while the rest loads."""
    import asyncio

    trace.mark(f"step_{name}")
    await asyncio.sleep(0)


def _show_tray(icon: QSystemTrayIcon | None = None):
    from .ui.tray import Tray

    tray = Tray(icon=icon)
    tray.show()
    if icon is None:
        trace.mark("icon_shown")
    if not QSystemTrayIcon.isSystemTrayAvailable():
        log.warning("no system tray found")
        from .i18n import translate

        print(
            "awork-tray: " + translate("Cli", "no system tray found. On GNOME install the 'AppIndicator and "
                                              "KStatusNotifierItem Support' extension. The quick-start window opens "
                                              "instead; `awork-tray` commands work too."),
            file=sys.stderr,
        )
    return tray


async def _main(app: QApplication, tray, config: Config, demo: bool, server, show_popover: bool, language,
                settings_file, file_problems: tuple[str, ...], quit_requested) -> int:
    app.aboutToQuit.connect(quit_requested.set)  # session logout / OS shutdown (see qt_loop)
    stop_signals = _quit_on_signals(quit_requested.set)
    import asyncio

    # The steps below let Qt run, so a command may come in before the tray can answer it: it waits
    # for the remote control instead of being told "still starting" (which a start at login, still
    # waiting for the panel, does say).
    remote_built: asyncio.Future = asyncio.get_running_loop().create_future()

    async def answer_when_built(request: dict) -> dict:
        return await (await asyncio.shield(remote_built)).handle(request)

    if tray is not None:
        server.handler = answer_when_built
    await _step("loop")  # from here on, each step lets Qt run its events (the icon's paints)
    from .composition import build_core

    await _step("core_imported")
    from .ui.remote_control import RemoteControl
    from .ui.tray_controller import TrayController

    await _step("controller_imported")
    from .platform.autostart import create_autostart
    from .platform.hotkeys.manager import HotkeyManager
    from .ui.settings_controller import SettingsController

    await _step("settings_imported")
    started_at_login = tray is None
    if started_at_login:
        from .platform.tray_wait import tray_checks, wait_for_tray

        if not await wait_for_tray(tray_checks()):
            log.warning("no system tray appeared in time; going on without waiting longer")
        tray = _show_tray()
    core = build_core(config, demo=demo, offline_queue=True)
    core.store.update(file_problems=file_problems + core.store.state.file_problems)
    await _step("core_built")
    controller = TrayController(core, tray, quit_requested.set)
    remote = RemoteControl(core, controller)
    server.handler = remote.handle
    remote_built.set_result(remote)
    await _step("controller_built")
    hotkeys = HotkeyManager()
    hotkeys.activated.connect(remote.hotkey)
    remote.hotkey_states = lambda: {hid: status.state for hid, status in hotkeys.statuses.items()}
    from .platform.idle import create_idle_backend
    from .ui.away_controller import AwayController

    prefs = None  # the away controller reads the settings the settings controller holds
    away = AwayController(core, create_idle_backend(), lambda: prefs.settings if prefs else settings_file.load(),
                          controller.spawn)
    prefs = SettingsController(settings_file, hotkeys, create_autostart(config.config_dir),
                        core.store, controller.spawn, log_path=str(config.log_dir / "awork-tray.log"), language=language,
                        idle=away)
    prefs.idle_changed.connect(away.settings_changed)
    away.start()
    tray.settings_requested.connect(prefs.open_window)
    controller.when_popover_built(lambda popover: popover.settings_requested.connect(prefs.open_window))
    controller.when_popover_built(lambda popover: _keep_pins(popover, prefs))
    # The window's account buttons send the same intents as the tray menu's.
    prefs.sign_in_requested.connect(tray.sign_in_requested)
    prefs.sign_out_requested.connect(tray.sign_out_requested)
    tray.set_icon_style(prefs.settings.tray_icon_style)
    prefs.tray_icon_style_changed.connect(tray.set_icon_style)
    prefs.language_changed.connect(lambda _code: tray.retranslate())  # the windows re-translate themselves
    prefs.start()
    from .ui.reminder_controller import ReminderController

    reminders = ReminderController(core, controller, prefs.settings)
    prefs.reminders_changed.connect(reminders.configure)
    import_sources.release()
    await _step("settings_built")
    # Without a tray the popover is the only way in, except at login: nobody asked for a window then.
    no_tray = not QSystemTrayIcon.isSystemTrayAvailable() and not started_at_login
    starting = asyncio.ensure_future(controller.start(show_popover=show_popover or no_tray))
    quitting = asyncio.ensure_future(quit_requested.wait())
    try:
        # The start may wait for the keychain's password prompt: quitting never waits for it.
        await asyncio.wait({starting, quitting}, return_when=asyncio.FIRST_COMPLETED)
        if starting.done():
            starting.result()
            remote.ready.set()
            import_sources.release()  # the start's imports are done (the first requests' too)
            await quitting
    finally:
        for task in (starting, quitting):
            task.cancel()
        await asyncio.gather(starting, quitting, return_exceptions=True)
        server.close()
        reminders.close()
        prefs.close()
        await away.shutdown()
        await controller.shutdown()
        await core.aclose()
        tray.hide()  # no ghost icon on Windows
        stop_signals()
    return 0


def _keep_pins(popover, prefs) -> None:
    """The quick-start list's pinned items live in the settings: shown from there, saved there."""
    popover.set_pins(prefs.settings.pinned)

    def keep(pins) -> None:
        problem = prefs.set_pins(pins)
        if problem:
            popover.say_about_pins(problem)

    popover.pins_edited.connect(keep)


def _quit_on_signals(callback):
    """SIGTERM/SIGINT end the app cleanly. Python only runs signal handlers when it has control,
    so the signal wakes Qt through a socket instead of a polling timer."""
    import signal
    import socket  # both here, after the icon is painted (asyncio has imported socket by now)

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
