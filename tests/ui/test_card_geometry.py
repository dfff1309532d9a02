"""The timer card as laid out with real widget sizes (offscreen), in English and German: nothing
overlaps or is clipped at 10+ and 100+ hours, and the card keeps its height with or without a note,
so the list below never jumps. Grabs of what the tests see go to tests/ui/artifacts."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from .grabs import grab
from .languages import language_de
from helpers.factories import entry_for, signed_in


def settle(popover) -> None:
    popover.adjustSize()
    QApplication.processEvents()


def rect_in_card(widget: QWidget, card: QWidget) -> QRect:
    return QRect(widget.mapTo(card, widget.rect().topLeft()), widget.size())


def text_width(widget) -> int:
    return widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))


def assert_card_fits(card) -> None:
    shown = [w for w in (card.clock, card.state_label, card.badge, card.pause_button, card.stop_button)
             if w.isVisibleTo(card)]
    inside = card.contentsRect()
    for w in shown:
        r = rect_in_card(w, card)
        assert inside.contains(r), f"{w.objectName()} {r} leaves the card {inside}"
        assert w.width() >= w.minimumSizeHint().width(), f"{w.objectName()} squeezed: {w.width()}"
    assert card.clock.contentsRect().width() >= text_width(card.clock), "the clock is cut"
    for button in (card.pause_button, card.stop_button):
        assert button.width() >= text_width(button) + 12, f"{button.text()!r} does not fit"
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            gap = rect_in_card(a, card).adjusted(-3, -1, 3, 1)
            assert not gap.intersects(rect_in_card(b, card)), f"{a.objectName()} touches {b.objectName()}"


CASES = {
    "running": {"started": timedelta(minutes=13, seconds=7)},
    "paused-10h": {"started": timedelta(hours=10, minutes=3), "paused_for": timedelta(minutes=2)},
    "paused-100h": {"started": timedelta(hours=123, minutes=3), "paused_for": timedelta(minutes=2)},
    "running-10h": {"started": timedelta(hours=10, minutes=3)},
}


def check_and_grab(popover, workload, lang: str) -> None:
    heights = set()
    for name, kw in CASES.items():
        for note in ("Header und Footer", None):
            popover.render(signed_in(workload, entry=entry_for(workload, note=note, **kw)))
            settle(popover)
            assert_card_fits(popover.card)
            heights.add((popover.card.height(), name, note))
        popover.dismiss()
        popover.open_at(None)  # as the user opens it: fresh, the running row not selected
        grab(popover, f"popover-{name}-{lang}")
    assert len({h for h, *_ in heights}) == 1, f"the card changes height: {sorted(heights, key=str)}"


def test_card_fits_in_english(popover, workload):
    check_and_grab(popover, workload, "en")


@pytest.mark.usefixtures("language_de")
def test_card_fits_in_german(popover, workload):
    check_and_grab(popover, workload, "de")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_long_title_wraps_inside_the_card(popover, workload, lang, request):
    if lang == "de":
        request.getfixturevalue("language_de")
    entry = entry_for(workload, started=timedelta(hours=11), paused_for=timedelta(minutes=1))
    task = replace(entry.task, name="Ein sehr langer Aufgabenname " * 3)
    popover.render(signed_in(workload, entry=replace(entry, task=task)))
    settle(popover)
    assert_card_fits(popover.card)
    title = rect_in_card(popover.card.title, popover.card)
    assert not title.intersects(rect_in_card(popover.card.badge, popover.card))
