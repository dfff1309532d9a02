"""The UI in German for one test, back to English after it (import the fixture into a test module)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tray_app import i18n
from tray_app.ui.language import Language


@pytest.fixture
def language_de(qapp):
    switch = Language(qapp)
    switch.apply("de")
    QApplication.sendPostedEvents()  # LanguageChange reaches the widgets already open
    yield switch
    switch.apply("en")
    i18n.set_moment_format(None)
    QApplication.sendPostedEvents()
