"""Choosing the language, translating without Qt, moments in the locale's way, and the command
line in German (its status line and errors; `--json` stays machine-readable)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tray_app import i18n
from tray_app.domain.changes import remote_change
from tray_app.domain.entities import Project, Task, TimeEntry

ROOT = Path(__file__).resolve().parents[2]
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture
def german():
    i18n.use("de")
    yield
    i18n.use("en")
    i18n.set_moment_format(None)


@pytest.fixture
def environment(monkeypatch):
    for name in LOCALE_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("locale.getlocale", lambda: (None, None))
    return monkeypatch


@pytest.mark.parametrize(("setting", "system", "env", "expected"), [
    ("de", ["en-US"], {"LANG": "en_US.UTF-8"}, "de"),  # the setting wins over everything
    ("en", ["de-DE"], {"LANG": "de_DE.UTF-8"}, "en"),
    ("", ["de-Latn-DE", "de-DE", "de"], {}, "de"),  # Qt's list (macOS, Windows: no environment)
    ("", ["fr-FR", "de-DE"], {}, "de"),  # the first language we have, in the user's order
    ("", ["fr-FR"], {}, "en"),
    ("", ["C"], {"LANG": "de_DE.UTF-8"}, "en"),
    ("", [], {"LANG": "de_AT.UTF-8"}, "de"),
    ("", [], {"LANG": "en_US.UTF-8", "LANGUAGE": "de:en"}, "de"),  # gettext: LANGUAGE first
    ("", [], {"LC_ALL": "C.UTF-8", "LANGUAGE": "de"}, "en"),  # ... but not in the C locale
    ("", [], {"LC_ALL": "en_GB.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),  # LC_ALL overrides LANG
    ("", [], {"LC_MESSAGES": "de_CH.UTF-8", "LANG": "en_US.UTF-8"}, "de"),
    ("", [], {"LANG": "fr_FR.UTF-8"}, "en"),
    ("", [], {}, "en"),
    ("fr", [], {"LANG": "de_DE.UTF-8"}, "en"),  # a setting we do not know: English, not a guess
])
def test_pick_language(environment, setting, system, env, expected):
    for name, value in env.items():
        environment.setenv(name, value)
    assert i18n.pick_language(setting, system) == expected


def test_pick_language_reads_windows_locale_names(environment):
    environment.setattr("locale.getlocale", lambda: ("German_Germany", "1252"))
    assert i18n.pick_language("") == "de"


def test_translate_follows_the_language_in_use(german):
    assert i18n.current() == "de"
    assert i18n.translate("Busy", "Starting…") == "Wird gestartet…"
    assert i18n.translate("Nowhere", "Not in the catalogue") == "Not in the catalogue"
    i18n.use("en")
    assert i18n.translate("Busy", "Starting…") == "Starting…"
    assert i18n.use("xx") == "en"


def test_a_broken_install_falls_back_to_english(monkeypatch):
    class Missing:
        def read_bytes(self):
            raise FileNotFoundError("gone")

    monkeypatch.setattr(i18n, "_loaded", {})
    monkeypatch.setattr(i18n, "qm_file", lambda language: Missing())
    try:
        assert i18n.use("de") == "de"
        assert i18n.translate("Busy", "Starting…") == "Starting…"
    finally:
        monkeypatch.undo()
        i18n.use("en")


def test_read_qm_rejects_other_files():
    with pytest.raises(ValueError):
        i18n.read_qm(b"not a translation file at all")


def test_domain_sentences_are_translated_by_the_core(german):
    task = Task("t1", "Sitemap entwerfen", project=Project("p1", "Website Relaunch"))
    start = datetime(2025, 3, 12, 9, 0, tzinfo=timezone.utc)
    running = TimeEntry("e1", start, task=task)
    assert remote_change(None, running, i18n.translate) == "Timer in awork gestartet: Sitemap entwerfen · Website Relaunch"
    assert remote_change(None, running) == "Timer started in awork: Sitemap entwerfen · Website Relaunch"


# -- moments in messages -----------------------------------------------------------------------

def test_moments_without_qt_use_a_24_hour_clock_and_the_date_when_not_today(german):
    moment = datetime(2025, 3, 12, 14, 5).astimezone()
    assert i18n.format_moment(moment, moment + timedelta(hours=1)) == "14:05"
    assert i18n.format_moment(moment, moment + timedelta(days=1)) == "12.3.2025 14:05"
    i18n.use("en")
    assert i18n.format_moment(moment, moment + timedelta(days=1)) == "2025-03-12 14:05"


def test_moments_follow_the_qt_locale_installed_by_the_tray(german):
    from PySide6.QtCore import QLocale

    from tray_app.ui.language import _moment_format

    moment = datetime(2025, 3, 12, 14, 5).astimezone()
    i18n.set_moment_format(_moment_format(QLocale("de_DE")))
    assert i18n.format_moment(moment, moment) == "14:05"
    assert i18n.format_moment(moment, moment + timedelta(days=2)) == "12.03.25 14:05"
    i18n.set_moment_format(_moment_format(QLocale("en_US")))
    assert i18n.format_moment(moment, moment).replace("\u202f", " ") == "2:05 PM"


# -- the command line ------------------------------------------------------------------------------

def run_cli(tmp_path: Path, *args: str, lang: str = "de_DE.UTF-8", settings: dict | None = None):
    if settings is not None:
        (tmp_path / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWORK_") and k not in LOCALE_VARS}
    env.update(LANG=lang, AWORK_TRAY_CONFIG_DIR=str(tmp_path), TZ="Europe/Berlin",
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.run([sys.executable, "-m", "tray_app", "--demo", *args], env=env, capture_output=True,
                          text=True, timeout=60, cwd=ROOT, stdin=subprocess.DEVNULL)


def test_the_command_line_speaks_german_under_a_german_locale(tmp_path):
    status = run_cli(tmp_path, "status")
    assert status.returncode == 0, status.stderr
    assert status.stdout.startswith("Läuft · ") and "„Navigation und Footer“" in status.stdout
    machine = json.loads(run_cli(tmp_path, "status", "--json").stdout)
    assert machine["state"] == "running" and machine["note"] == "Navigation und Footer"  # never translated
    wrong = run_cli(tmp_path, "start", "--type-of-work", "nope")
    assert wrong.returncode == 4 and "Keine Tätigkeit „nope“. Bekannt sind:" in wrong.stderr
    stopped = run_cli(tmp_path, "stop")
    assert stopped.stdout.strip() == "Inaktiv: Es läuft kein Timer. (Demo)"  # the demo says it is one


def test_the_language_setting_overrides_the_locale(tmp_path):
    english = run_cli(tmp_path, "status", settings={"language": "en"})
    assert english.stdout.startswith("Running · "), english.stderr
    german = run_cli(tmp_path, "status", lang="C.UTF-8", settings={"language": "de"})
    assert german.stdout.startswith("Läuft · "), german.stderr
