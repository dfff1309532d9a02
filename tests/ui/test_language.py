"""The app in German: popover, tray menu, timer card, settings and sign-in window; and switching the
language in the settings changes what is open at once, and is remembered."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from tray_app import i18n
from tray_app.core.settings import SettingsFile
from tray_app.core.state import AppState, Auth, Store
from tray_app.platform.hotkeys.manager import HotkeyManager
from tray_app.ui.language import Language
from tray_app.ui.settings_controller import SettingsController
from tray_app.ui.sign_in.dialog import SignInDialog
from tray_app.ui.tray import Tray

from helpers.factories import USER, entry_for, signed_in
from helpers.fake_platform import FakeAutostart, FakeHotkeys
from helpers.list_reading import headers as list_headers


@pytest.fixture
def language(qapp):
    switch = Language(qapp)
    yield switch
    switch.apply("en")  # the next test starts in English, whatever this one did
    i18n.set_moment_format(None)
    QApplication.sendPostedEvents()


def headers(popover) -> list[str]:
    return list_headers(popover.list)


def test_popover_tray_and_card_in_german(qtbot, language, workload):
    from tray_app.ui.popover import Popover

    assert language.apply("de") == "de"
    popover = Popover()
    qtbot.addWidget(popover)
    popover.render(signed_in(workload, entry=entry_for(workload, paused_for=timedelta(minutes=2))))
    assert headers(popover) == ["LETZTE AUFGABEN", "TÄTIGKEITEN"]
    assert popover.search.placeholderText() == "Aufgaben suchen oder ein Kürzel wie WEB-12 eingeben…"
    assert popover.type_box.itemText(0) == "Tätigkeit der Aufgabe"
    assert popover.card.pause_button.text() == "&Fortsetzen" and popover.card.stop_button.text() == "&Stoppen"
    assert popover.card.badge.text() == "Pausiert"
    tray = Tray()
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator() and a.isVisible()]
    assert texts[1:4] == ["Schnellstart…", "Pause", "Stoppen"] and "Einstellungen…" in texts and "Beenden" in texts
    tray.render(signed_in(workload, entry=entry_for(workload, paused_for=timedelta(minutes=2))))
    assert tray.pause_action.text() == "Fortsetzen" and "(pausiert)" in tray.icon.toolTip()
    tray.render(AppState(auth=Auth.SIGNED_OUT))
    assert tray.icon.toolTip() == "awork tray: nicht angemeldet"


def test_busy_and_offline_texts_in_german(qtbot, language, popover):
    language.apply("de")
    QApplication.sendPostedEvents()
    popover.render(signed_in(popover._state.workload, busy="stop"))
    assert popover.status.text() == "Wird gestoppt…"
    popover.render(signed_in(popover._state.workload, offline=True, pending=2))
    assert popover.status.text() == ("awork nicht erreichbar — neuer Versuch läuft… 2 Aktionen warten darauf, "
                                     "an awork gesendet zu werden.")


@pytest.fixture
def prefs(qtbot, tmp_path, language):
    store = Store(AppState(auth=Auth.SIGNED_IN, user=USER, auth_source="keychain"))
    prefs = SettingsController(SettingsFile(tmp_path), HotkeyManager(FakeHotkeys), FakeAutostart(), store,
                        spawn=asyncio.run,
                        command_for=lambda cmd: f"awork-tray {cmd}", language=language)
    prefs.start()
    yield prefs
    prefs.close()


def choose(window, code: str) -> None:
    """What a click on the language box does."""
    index = window.language.findData(code)
    window.language.setCurrentIndex(index)
    window.language.activated.emit(index)


def test_switching_the_language_in_the_settings_changes_what_is_open(qtbot, prefs, popover, tmp_path):
    window = prefs.open_window()
    qtbot.addWidget(window)
    tray = Tray()
    prefs.language_changed.connect(lambda _code: tray.retranslate())  # as app.py wires it
    assert window.language.currentData() == "" and headers(popover)[0] == "RECENT TASKS"

    choose(window, "de")
    qtbot.waitUntil(lambda: headers(popover)[0] == "LETZTE AUFGABEN")
    assert popover.search.placeholderText().startswith("Aufgaben suchen")
    assert tray.quick_action.text() == "Schnellstart…"
    assert json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))["language"] == "de"
    # The settings window was rebuilt in German where it was, with the language box in focus.
    german = prefs.window
    assert german is not window and german.windowTitle() == "Einstellungen"
    assert german.isVisible() and german.language.currentData() == "de"
    assert [german.language.itemText(i) for i in (1, 2)] == ["English", "Deutsch"]  # each in its own language
    assert german.editors["quick_start"].edit.accessibleName() == "Schnellstart öffnen"
    assert german.who.text() == "Carla Creative · Demo Agentur" and german.sign_button.text() == "Abmelden"

    choose(german, "en")
    qtbot.waitUntil(lambda: headers(popover)[0] == "RECENT TASKS")
    assert tray.quick_action.text() == "Quick start…" and prefs.window.windowTitle() == "Settings"
    assert i18n.translate("Busy", "Starting…") == "Starting…"


def test_the_sign_in_window_follows_a_language_change(qtbot, language):
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.set_waiting(True)
    dialog.browser_failed()
    language.apply("de")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Bei awork anmelden")
    assert dialog.sign_in_button.text() == "Mit awork anmelden"
    assert dialog.waiting_text.text().startswith("Es ließ sich kein Browser öffnen.")
    assert dialog.client_id_label.text() == "Client-ID"
