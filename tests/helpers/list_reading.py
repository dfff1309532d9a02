"""Reading what the popover's list shows."""

from __future__ import annotations

from tray_app.ui.quick_list import ROLE
from tray_app.ui.row_delegate import SECTION_ROLE


def _title(item) -> str | None:
    """The section title drawn above a row (upper-case, as shown), None inside a section."""
    title = item.data(SECTION_ROLE)
    return title.upper() if title else None


def rows(quick_list) -> list[str]:
    """Every row's first line, with the section titles as shown (upper-case) before their rows."""
    shown: list[str] = []
    for i in range(quick_list.count()):
        item = quick_list.item(i)
        if _title(item):
            shown.append(_title(item))
        shown.append(item.text().split("\n")[0])
    return shown


def headers(quick_list) -> list[str]:
    return [_title(quick_list.item(i)) for i in range(quick_list.count()) if _title(quick_list.item(i))]


def section(quick_list, header: str) -> list[str]:
    """The rows under one section title, up to the next."""
    names: list[str] = []
    inside = False
    for i in range(quick_list.count()):
        item = quick_list.item(i)
        if _title(item):
            inside = _title(item) == header
        if inside:
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
