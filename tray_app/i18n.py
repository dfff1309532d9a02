"""English and German, from one catalogue: resources/translations/awork_tray_de.ts (Qt Linguist).

Widgets translate with Qt (`self.tr`, a QTranslator, see ui/language.py). Code that must not import
Qt — domain, api, core, platform, the command line — calls `translate(context, text)` from here,
which reads the same compiled .qm file. pyside6-lupdate finds both kinds of call, so every string
has one source and one translation, and tests/unit/test_translations.py fails on a missing one.

English is the source language: it needs no file. English and German share their plural rule
(one, other), so code picks the singular or plural sentence itself; a language with more forms
would switch those to Qt's %n numerus forms.
"""

from __future__ import annotations

import locale
import os
from datetime import datetime
from typing import Callable, Iterable

from .resource_files import resource_file

SOURCE = "en"
LANGUAGES = ("en", "de")  # what Settings.language may hold besides "" (follow the system)

# The language in use by this process. Module state on purpose: a message is made deep in the
# core (an error, a notice) and threading a translator through every layer would touch them all.
_language = SOURCE
_catalogue: dict[tuple[str, str], str] = {}
_loaded: dict[str, dict[tuple[str, str], str]] = {}
# How a moment reads in a message ("14:05", "2:05 PM"); the tray installs Qt's locale formats.
_moment_format: Callable[[datetime, bool], str] | None = None


def pick_language(setting: str | None = None, system: Iterable[str] = ()) -> str:
    """'de' or 'en': the setting when it names one, else the first supported language the system
    prefers. `system` is Qt's list (QLocale.uiLanguages, right on every OS); without it the
    environment decides as gettext does (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG), then Python's
    locale (Windows and macOS shells)."""
    if setting:
        return _supported(setting) or SOURCE
    for value in system:
        if _is_c(value):
            return SOURCE
        if _supported(value):
            return _supported(value)
    env = os.environ
    effective = next((env[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(name)), "")
    if effective and _is_c(effective):
        return SOURCE  # LANGUAGE is ignored in the C locale, as gettext does
    for value in [*(env.get("LANGUAGE") or "").split(":"), effective]:
        if value and _supported(value):
            return _supported(value)
    if effective:
        return SOURCE  # a language we do not have: the source language, not a guess
    try:
        value = locale.getlocale()[0]
    except ValueError:
        value = None
    return _supported(value or "") or SOURCE


def _is_c(value: str) -> bool:
    return value in ("C", "POSIX") or value.startswith("C.")


def _supported(value: str) -> str | None:
    value = value.lower()
    if value.startswith(("de", "german")):  # de_AT, de-CH, "German_Germany" (Windows)
        return "de"
    if value.startswith(("en", "english")):
        return "en"
    return None


def use(language: str) -> str:
    """Translate this process's messages into `language` ('en', 'de'); returns the one in use."""
    global _language, _catalogue
    language = language if language in LANGUAGES else SOURCE
    if language != SOURCE and language not in _loaded:
        try:
            _loaded[language] = read_qm(qm_file(language).read_bytes())
        except (OSError, ValueError):  # a broken install still works, in English
            _loaded[language] = {}
    _language = language
    _catalogue = _loaded.get(language, {})
    return language


def current() -> str:
    return _language


def translate(context: str, text: str) -> str:
    """`text` in the language in use. Call it with literal strings (lupdate reads them), and
    fill placeholders afterwards: translate("Cli", "Signed in as {0}.").format(name)."""
    return _catalogue.get((context, text), text)


def qm_file(language: str):
    return resource_file("translations", f"awork_tray_{language}.qm")


# -- moments in messages -------------------------------------------------------------------------

def set_moment_format(fmt: Callable[[datetime, bool], str] | None) -> None:
    """`fmt(local_moment, with_date)`; None restores the built-in formats."""
    global _moment_format
    _moment_format = fmt


def format_moment(moment: datetime, now: datetime | None = None) -> str:
    """A time of day as the locale writes it, with the date when it is not today."""
    local = moment.astimezone()
    with_date = now is not None and now.astimezone().date() != local.date()
    if _moment_format is not None:
        return _moment_format(local, with_date)
    # Without Qt (the command line): 24-hour clock, and a date German or English readers expect.
    time = local.strftime("%H:%M")
    if not with_date:
        return time
    return f"{local.day}.{local.month}.{local.year} {time}" if _language == "de" else f"{local:%Y-%m-%d} {time}"


# -- reading a compiled Qt Linguist file ---------------------------------------------------------

_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_QM_MESSAGES = 0x69
# Tags of a message record (qtranslator.cpp): end, translation (UTF-16BE), obsolete, source text,
# context and comment (UTF-8).
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8


def read_qm(data: bytes) -> dict[tuple[str, str], str]:
    """{(context, source): translation} from a .qm file written by lrelease (which keeps the
    source texts unless told to -compress). tests/unit/test_translations.py checks every message
    against QTranslator."""
    if not data.startswith(_QM_MAGIC):
        raise ValueError("not a Qt translation file")
    pos, messages = len(_QM_MAGIC), b""
    while pos + 5 <= len(data):
        tag, length = data[pos], int.from_bytes(data[pos + 1:pos + 5], "big")
        if tag == _QM_MESSAGES:
            messages = data[pos + 5:pos + 5 + length]
        pos += 5 + length
    catalogue: dict[tuple[str, str], str] = {}
    pos, fields, translation = 0, {}, None
    while pos < len(messages):
        tag = messages[pos]
        pos += 1
        if tag == _END:
            if translation is not None:
                catalogue[(fields.get(_CONTEXT, ""), fields.get(_SOURCE, ""))] = translation
            fields, translation = {}, None
            continue
        if tag == _OBSOLETE1:
            pos += 4
            continue
        length = int.from_bytes(messages[pos:pos + 4], "big")
        pos += 4
        if tag == _TRANSLATION:
            if length == 0xFFFFFFFF:  # a null translation: nothing follows
                continue
            if translation is None:  # further ones are plural forms, which we do not use
                translation = messages[pos:pos + length].decode("utf-16-be")
        elif tag in (_SOURCE, _CONTEXT, _COMMENT):
            fields[tag] = messages[pos:pos + length].decode("utf-8")
        else:
            raise ValueError(f"unknown tag {tag} in a Qt translation file")
        pos += length
    return catalogue
