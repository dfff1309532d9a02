"""The popover's list: recent tasks, types of work and awork's search hits, filtered as you type.

Every row is something Enter can act on: section titles are drawn above the first row of their
section (RowDelegate), not rows of their own, so a screen reader counts and reads only choices.
When there is nothing to show, the list says why (and what Enter does) in its empty viewport.
The running timer's row says so, and is never the row selected for the user."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from ..domain.entities import Task, TypeOfWork, Workload
from .. import trace
from ..domain.search import SearchIndex
from .a11y import announce, focus_row
from .row_delegate import SECTION_ROLE, RowDelegate
from .theme import popover_colours

ROLE = Qt.ItemDataRole.UserRole
MAX_TASKS = 30
ANNOUNCE_DELAY_MS = 400  # results are said once the typing settles, not at every key


@dataclass(frozen=True)
class Choice:
    """What Enter on a row starts: a task (with its type) or just a type of work."""

    task: Task | None = None
    type_of_work: TypeOfWork | None = None


class QuickList(QListWidget):
    chosen = Signal(object)  # Choice

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("quickList")
        self.setAccessibleName(self.tr("Tasks and types of work"))
        self._rows = RowDelegate(self)
        self.setItemDelegate(self._rows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.itemActivated.connect(self._activated)
        self._workload = Workload()
        self._task_index: SearchIndex[Task] = SearchIndex(())
        self._type_index: SearchIndex[TypeOfWork] = SearchIndex(())
        self._types_by_id: dict[str, TypeOfWork] = {}
        self._remote: tuple[Task, ...] = ()
        self._remote_query: str | None = None
        self._query = ""
        self._traced: str | None = None
        self._running: tuple[str, str] | None = None  # the timer's row: ("task"|"type", id)
        self._running_paused = False
        self._section: str | None = None  # the title the next row added opens its section with
        self._placeholder = ""
        self._empty_text = self.tr("Loading…")
        self._dim = popover_colours(self.palette()).dim
        self._announce_timer = QTimer(self, singleShot=True, interval=ANNOUNCE_DELAY_MS)
        self._announce_timer.timeout.connect(self._announce_results)
        self._rebuild()  # "Loading…" until the first lists arrive (an empty Workload is not a change)

    # -- data ------------------------------------------------------------------------------------

    def set_workload(self, workload: Workload) -> None:
        if workload == self._workload:
            return
        self._workload = workload
        # Built once per data change, so a keystroke only scans prepared strings.
        tasks = {t.id: t for t in workload.recent_tasks}
        for task in workload.known_tasks:
            tasks.setdefault(task.id, task)
        self._task_index = SearchIndex((t, _task_text(t)) for t in tasks.values())
        self._type_index = SearchIndex((t, t.name) for t in workload.types_of_work)
        self._types_by_id = {t.id: t for t in workload.types_of_work}
        self._rebuild(keep_selection=True)

    def set_remote_results(self, results: tuple[Task, ...], query: str | None = None) -> None:
        """awork's hits for `query` (None: whatever is typed); shown only while that is the search."""
        if (results, query) != (self._remote, self._remote_query):
            self._remote, self._remote_query = results, query
            self._rebuild(keep_selection=True)
            if self._query.strip():
                self._announce_timer.start()  # awork's answer changed what is found

    def set_colours(self, palette: QPalette) -> None:
        self._rows.set_colours(palette)
        self._dim = popover_colours(palette).dim
        self.viewport().update()

    def set_running(self, identity: tuple[str, str] | None, paused: bool = False) -> None:
        """The timer's task (or type of work, without a task): marked, and never pre-selected."""
        if (identity, paused) != (self._running, self._running_paused):
            self._running, self._running_paused = identity, paused
            self._rebuild(keep_selection=True)

    def set_empty_text(self, text: str) -> None:
        """What the list says while it has no lists to show ("Loading…", or nothing when the
        popover says elsewhere why: signed out, or awork out of reach)."""
        if text != self._empty_text:
            self._empty_text = text
            self._rebuild(keep_selection=True)

    def placeholder(self) -> str:
        """The sentence shown instead of rows (empty while there are rows)."""
        return self._placeholder

    def is_running(self, choice: Choice | None) -> bool:
        return choice is not None and self._running is not None and _identity(choice) == self._running

    def reset(self) -> None:
        """Fresh for the next open: the first row that is not the running timer, scrolled to the top."""
        self.select_first()
        self.scrollToTop()

    def type_of_work(self, type_id: str | None) -> TypeOfWork | None:
        return self._types_by_id.get(type_id or "")

    def filter(self, query: str) -> None:
        if query != self._query:
            self._query = query
            self._rebuild()
            self.trace_next_paint("list_updated")
            if query.strip():
                self._announce_timer.start()
            else:
                self._announce_timer.stop()

    def trace_next_paint(self, event: str) -> None:
        """For the benchmark: note when the next paint of the rows has happened."""
        if trace.enabled():
            self._traced = event

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.count() == 0 and self._placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(self._dim)
            rect = self.viewport().rect().adjusted(12, 12, -12, -12)
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             self._placeholder)
            painter.end()
        if self._traced:
            trace.mark(self._traced)
            self._traced = None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Tasks and types of work"))
            self._rebuild(keep_selection=True)  # the section titles and tooltips

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        # Qt tells a screen reader only that the list got the focus; the row is what the user is on.
        # Qt's own focus event for the list comes after this handler (QWidget::setFocus sends it once
        # the focus moved), so the row's is sent from the event loop, to be the last word.
        QTimer.singleShot(0, self._say_focused_row)

    def _say_focused_row(self) -> None:
        if self.hasFocus() and self.currentRow() >= 0:
            focus_row(self, self.currentRow())

    # -- rows ------------------------------------------------------------------------------------

    def _rebuild(self, keep_selection: bool = False) -> None:
        # Data arriving (lists, search hits) must not move the row the user is about to start;
        # only typing puts the best match first again.
        previous = _identity(self.current_choice()) if keep_selection else None
        self.setUpdatesEnabled(False)
        # Clearing moves the current row through rows on their way out: say only where it ends.
        self.blockSignals(True)
        self.clear()
        self._section = None
        query = self._query.strip()
        shown: set[str] = set()
        if query:
            tasks = self._task_index.query(query, limit=MAX_TASKS)
            types = self._type_index.query(query, limit=20)
        else:
            tasks = list(self._workload.recent_tasks)
            types = list(self._workload.types_of_work)
        if tasks:
            self._header(self.tr("Recent tasks") if not query else self.tr("Tasks"))
            for task in tasks:
                shown.add(task.id)
                self._task_row(task)
        answers_query = self._remote_query is None or self._remote_query == query
        remote = [t for t in self._remote if t.id not in shown] if query and answers_query else []
        if remote:
            self._header(self.tr("More from awork"))
            for task in remote:
                self._task_row(task)
        if types:
            self._header(self.tr("Types of work"))
            for tow in types:
                running = self._running_marker(("type", tow.id))
                item = QListWidgetItem(f"{tow.name}\n{running}" if running else tow.name)
                item.setData(ROLE, Choice(type_of_work=tow))
                item.setToolTip(self.tr("Start a timer for {0} without a task").format(tow.name))
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, item.toolTip())
                if running:
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{tow.name}, {running[2:]}")
                self._add(item)
        self._placeholder = "" if self.count() else self._empty_reason(query)
        self.setUpdatesEnabled(True)
        if previous is None or not self._select(previous):
            self.select_first()
        self.blockSignals(False)
        self.currentItemChanged.emit(self.currentItem(), None)
        self.viewport().update()

    def _empty_reason(self, query: str) -> str:
        if not query:
            return self._empty_text
        if self._remote_query == query:  # awork itself was asked for exactly this, and found nothing
            return self.tr("No matches in all of awork either.")
        return self.tr("No matches. Press Enter to search all of awork.")

    def _header(self, text: str) -> None:
        self._section = text  # drawn above the next row (RowDelegate), never a row of its own

    def _add(self, item: QListWidgetItem) -> None:
        if self._section is not None:
            item.setData(SECTION_ROLE, self._section)
            self._section = None
        self.addItem(item)

    def _running_marker(self, identity: tuple[str, str]) -> str | None:
        if identity != self._running:
            return None
        return "● " + (self.tr("paused") if self._running_paused else self.tr("running"))

    def _results_text(self) -> str:
        if self.count() == 0:
            return self._placeholder
        if self.count() == 1:
            return self.tr("1 result")
        return self.tr("{0} results").format(self.count())

    def _announce_results(self) -> None:
        if self._query.strip():
            announce(self, self._results_text())

    def _finished_marker(self, task: Task) -> str | None:
        """Search still finds finished tasks: say so in their row."""
        if task.is_done:
            return "✓ " + self.tr("done")
        if task.project is not None and task.project.is_closed:
            return "✓ " + self.tr("project done")
        return None

    def _task_row(self, task: Task) -> None:
        marker = self._finished_marker(task)
        running = self._running_marker(("task", task.id))
        parts = (running, task.key, task.project.name if task.project else None, marker)
        detail = " · ".join(p for p in parts if p)
        item = QListWidgetItem(f"{task.name}\n{detail}" if detail else task.name)
        item.setData(ROLE, Choice(task=task))
        item.setToolTip(f"{task.name} — {detail}" if detail else task.name)
        # Read as one sentence: "Sitemap entwerfen, WEB-12, Website Relaunch" (", running" last).
        spoken = (task.name, task.key, task.project.name if task.project else None, marker and marker[2:],
                  running and running[2:])
        item.setData(Qt.ItemDataRole.AccessibleTextRole, ", ".join(p for p in spoken if p))
        self._add(item)

    # -- keyboard and selection ------------------------------------------------------------------

    def selectable_rows(self) -> list[int]:
        return [i for i in range(self.count()) if self.item(i).flags() & Qt.ItemFlag.ItemIsSelectable]

    def select_first(self) -> None:
        """The first row that is not the running timer: "open, Enter" never cuts it short."""
        rows = self.selectable_rows()
        free = [r for r in rows if not self.is_running(self.item(r).data(ROLE))]
        self.setCurrentRow((free or rows or [-1])[0])

    def _select(self, identity: tuple[str, str]) -> bool:
        for row in self.selectable_rows():
            if _identity(self.item(row).data(ROLE)) == identity:
                self.setCurrentRow(row)
                return True
        return False

    def move(self, step: int) -> None:
        rows = self.selectable_rows()
        if not rows:
            return
        current = self.currentRow()
        if current not in rows:
            target = rows[0] if step > 0 else rows[-1]
        else:
            index = min(max(rows.index(current) + step, 0), len(rows) - 1)
            target = rows[index]
        self.setCurrentRow(target)

    def current_choice(self) -> Choice | None:
        item = self.currentItem()
        return item.data(ROLE) if item is not None else None

    def current_accessible_text(self) -> str:
        item = self.currentItem()
        if item is None:
            return ""
        return item.data(Qt.ItemDataRole.AccessibleTextRole) or item.text()

    def choose_current(self) -> None:
        choice = self.current_choice()
        if choice is not None:
            self.chosen.emit(choice)

    def _activated(self, item: QListWidgetItem) -> None:
        choice = item.data(ROLE)
        if choice is not None:
            self.chosen.emit(choice)


def _identity(choice: Choice | None) -> tuple[str, str] | None:
    if choice is None:
        return None
    return ("task", choice.task.id) if choice.task is not None else ("type", choice.type_of_work.id)


def _task_text(task: Task) -> str:
    return " ".join(p for p in (task.name, task.key or "", task.project.name if task.project else "") if p)
