"""The settings and sign-in windows hold their content, in English and German: long messages wrap
and the window grows with them (or scrolls where the screen ends), no line overlaps another, no
field is squashed, no label is cut off. Screenshots of what the tests see go to tests/e2e/artifacts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tray_app.ui.language import Language

from .window_checks import (
    ARTIFACTS,
    TAKEN,
    layout_problems,
    off_screen,
    settings_controller,
    sign_in_dialog_with_everything,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["en", "de"])
def language(request, qapp):
    switch = Language(qapp)
    switch.apply(request.param)
    QApplication.sendPostedEvents()
    yield request.param
    switch.apply("en")
    QApplication.sendPostedEvents()


def settle(qtbot, window) -> None:
    """Until the window has taken the size its content asks for (resizes are posted)."""
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not layout_problems(window), timeout=2000)


def shot(window, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(ARTIFACTS / name))


def test_settings_hold_a_long_status_and_the_fallback_command(qtbot, tmp_path, language):
    prefs = settings_controller(tmp_path, language=None)
    prefs.set_hotkey("quick_start", TAKEN)  # now both are refused, with the long message and the command
    window = prefs.open_window()
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    try:
        qtbot.waitUntil(lambda: not layout_problems(window), timeout=2000)
    finally:
        shot(window, f"settings-{language}.png")
    assert off_screen(window) == []
    prefs.close()


def test_settings_as_most_people_see_them(qtbot, tmp_path):
    """Signed in, both shortcuts working: the shot for docs/screenshots/settings.png."""
    prefs = settings_controller(tmp_path)
    prefs.hotkeys.backend.taken = set()
    prefs.start()
    window = prefs.open_window()
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert all("Active" in editor.status.text() for editor in window.editors.values())
    try:
        qtbot.waitUntil(lambda: not layout_problems(window), timeout=2000)
    finally:
        shot(window, "settings.png")
    prefs.close()


def test_the_sign_in_window_grows_with_an_error_and_advanced(qtbot, language):
    dialog = sign_in_dialog_with_everything()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    try:
        qtbot.waitUntil(lambda: not layout_problems(dialog), timeout=2000)
    finally:
        shot(dialog, f"sign-in-error-advanced-{language}.png")
    assert dialog.client_id.height() >= dialog.client_id.minimumSizeHint().height()
    assert off_screen(dialog) == []
    # and shrinks back when Advanced closes and the message goes
    tall = dialog.height()
    dialog.advanced_toggle.setChecked(False)
    dialog.show_message(None)
    qtbot.waitUntil(lambda: dialog.height() < tall)
    assert layout_problems(dialog) == []


def test_at_twice_the_scale_both_windows_fit_the_screen_and_scroll(tmp_path):
    """QT_SCALE_FACTOR=2 needs a process of its own (Qt reads it once)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2",
               PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))  # tests/helpers, as in conftest
    run = subprocess.run([sys.executable, "-m", "tests.ui.window_shots", "--check", str(tmp_path)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(run.stdout.splitlines()[-1])
    assert report["scale"] == 2
    for name, found in report["windows"].items():
        assert found["problems"] == [], name
        assert found["fits"], name
        assert found["reachable"], f"{name}: content taller than the screen but no way to scroll to it"
