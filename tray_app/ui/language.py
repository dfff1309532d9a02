"""The app's language: Qt's translators for the widgets, the same catalogue for the core's messages,
and the locale whose conventions times and dates follow.

Installing or removing a translator makes Qt send every window a LanguageChange event; the widgets
re-translate themselves on it. The tray icon's menu belongs to a plain QObject, which gets no such
event: SettingsController tells it (see app.py).
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTime, QTranslator

from .. import i18n

log = logging.getLogger(__name__)


class Language:
    def __init__(self, app: QCoreApplication):
        self.app = app
        self.code = i18n.SOURCE
        self._translators: list[QTranslator] = []

    def apply(self, setting: str) -> str:
        """Switch to the language `setting` names ('' follows the system); returns 'en' or 'de'."""
        code = i18n.pick_language(setting, QLocale.system().uiLanguages())
        # The core's catalogue first: windows re-translating on LanguageChange read it too.
        i18n.use(code)
        i18n.set_moment_format(_moment_format(format_locale(code)))
        if code == self.code and (self._translators or code == i18n.SOURCE):
            return code
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators = []
        if code != i18n.SOURCE:
            ours = _load(str(i18n.qm_file(code)))
            if ours is None:
                log.warning("no %s translation found; staying in English", code)
            # Qt's own strings: standard buttons, the text fields' context menu, key names.
            qt = _load(f"{QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)}/qtbase_{code}.qm")
            self._translators = [t for t in (ours, qt) if t is not None]
            for translator in self._translators:
                self.app.installTranslator(translator)
        self.code = code
        log.info("language: %s (setting %r)", code, setting)
        return code


def _load(path: str) -> QTranslator | None:
    translator = QTranslator()
    return translator if translator.load(path) else None


def format_locale(code: str) -> QLocale:
    """The system's formats when they are in the chosen language (de_AT, en_GB keep theirs),
    else that language's defaults: a German UI writes 14:05 even on an en_US system."""
    system = QLocale.system()
    if QLocale.languageToCode(system.language()) == code:
        return system
    if system.language() == QLocale.Language.C and code == i18n.SOURCE:
        return system
    return QLocale(code)


def _moment_format(locale: QLocale):
    def fmt(moment: datetime, with_date: bool) -> str:
        time = QTime(moment.hour, moment.minute)
        if not with_date:
            return locale.toString(time, QLocale.FormatType.ShortFormat)
        day = QDate(moment.year, moment.month, moment.day)
        return locale.toString(QDateTime(day, time), QLocale.FormatType.ShortFormat)

    return fmt
