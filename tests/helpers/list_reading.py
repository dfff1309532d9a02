"""Reading what the popover's list shows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tray_app.ui.quick_list import ROLE


def rows(quick_list) -> list[str]:
    """Every row's first line, headers included (they are upper-case)."""
    return [quick_list.item(i).text().split("\n")[0] for i in range(quick_list.count())]


def headers(quick_list) -> list[str]:
    return [
        quick_list.item(i).text()
        for i in range(quick_list.count())
        if not quick_list.item(i).flags() & Qt.ItemFlag.ItemIsSelectable
    ]


def section(quick_list, header: str) -> list[str]:
    """The rows under one header, up to the next."""
    names: list[str] = []
    inside = False
    for i in range(quick_list.count()):
        item = quick_list.item(i)
        if not item.flags() & Qt.ItemFlag.ItemIsSelectable:
            inside = item.text() == header
        elif inside:
            names.append(item.text().split("\n")[0])
    return names


def current_name(quick_list) -> str | None:
    choice = quick_list.current_choice()
    if choice is None:
        return None
    return choice.task.name if choice.task is not None else choice.type_of_work.name


def task_names(quick_list) -> list[str]:
    return [
        quick_list.item(i).data(ROLE).task.name
        for i in range(quick_list.count())
        if quick_list.item(i).data(ROLE) is not None and quick_list.item(i).data(ROLE).task is not None
    ]
