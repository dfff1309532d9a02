"""Damaged local files found at start: the tray says so once, the popover keeps saying it."""

from __future__ import annotations

from tray_app.ui.popover import Popover
from tray_app.ui.tray_controller import TrayController

from helpers.factories import signed_in


def test_the_popover_says_where_a_damaged_file_is_kept(qtbot):
    popover = Popover()
    qtbot.addWidget(popover)
    popover.render(signed_in(file_problems=("kept in /x/outbox.damaged-1.json",)))
    assert "/x/outbox.damaged-1.json" in popover.status.text() and not popover.status.isHidden()
    popover.render(signed_in(file_problems=("kept in /x/outbox.damaged-1.json",), error="awork said no"))
    assert popover.status.text() == "awork said no"  # a fresh error comes first


def test_the_tray_notifies_each_problem_once_at_start(qtbot, qapp):
    import asyncio

    class FakeTray:
        def __init__(self):
            self.told = []

        def notify(self, title, text, warning=True):
            self.told.append(text)

    class Stop(Exception):
        pass

    class Core:
        def __init__(self):
            from tray_app.core.state import Store

            self.store = Store(signed_in(file_problems=("a", "b")))
            self.commands = self

        def load_cache(self):
            raise Stop

    session = TrayController.__new__(TrayController)  # only start()'s first lines are under test
    session.core, session.commands, session.tray = Core(), None, FakeTray()
    session.commands = session.core
    try:
        asyncio.run(session.start())
    except Stop:
        pass
    assert session.tray.told == ["a", "b"]
