"""The popover's list: pinned items, recent tasks, types of work and awork's search hits, filtered
as you type.

Every row is something Enter can act on: section titles are drawn above the first row of their
section (RowDelegate), not rows of their own, so a screen reader counts and reads only choices.
When there is nothing to show, the list says why (and what Enter does) in its empty viewport.
The running timer's row says so, and is never the row selected for the user.

Pinned items (domain/pins.py) come first, in the user's order: Ctrl+P (or the row's context menu)
pins the selected row, with the type of work and note chosen for it, and unpins a pinned one.
The list only says what changed (`pins_edited`); keeping them is the settings' business."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QMenu, QWidget

from .. import trace
from ..domain import pins as pinning
from ..domain.entities import Task, TypeOfWork, Workload
from ..domain.pins import MAX_PINS, Pin, PinOutcome
from ..domain.search import SearchIndex
from .a11y import announce, focus_row
from .row_delegate import PINNED_ROLE, SECTION_ROLE, RowDelegate
from .theme import popover_colours

ROLE = Qt.ItemDataRole.UserRole
MAX_TASKS = 30
ANNOUNCE_DELAY_MS = 400  # results are said once the typing settles, not at every key
# Qt's portable form: Ctrl is ⌘ on macOS. The popover binds them (the focus is in its search field).
PIN_SHORTCUT = "Ctrl+P"
PIN_UP_SHORTCUT = "Alt+Up"
PIN_DOWN_SHORTCUT = "Alt+Down"


@dataclass(frozen=True)
class Choice:
    """What Enter on a row starts: a task (with its type) or just a type of work."""

    task: Task | None = None
    type_of_work: TypeOfWork | None = None
    pin: Pin | None = None  # a pinned row: its type of work and note come with it


class QuickList(QListWidget):
    chosen = Signal(object)  # Choice
    pins_edited = Signal(object)  # tuple[Pin, ...]: the user pinned, unpinned or moved one
    pin_said = Signal(str)  # what a pin action did (or why not), for the popover to show
    pin_requested = Signal()  # the context menu's Pin: the popover adds the type of work and note

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
        self._tasks_by_id: dict[str, Task] = {}
        self._pins: tuple[Pin, ...] = ()  # as the lists know them now (pinning.refreshed)
        self._stored_pins: tuple[Pin, ...] = ()  # as the settings hold them
        self._pin_index: SearchIndex[Pin] = SearchIndex(())
        self._menu: QMenu | None = None
        self._remote: tuple[Task, ...] = ()
        self._remote_query: str | None = None
        self._query = ""
        self._traced: str | None = None
        self._running: tuple[str, str] | None = None  # the timer's row: ("task"|"type", id)
        self._running_paused = False
        self._section: str | None = None  # the title the next row added opens its section with
        self._hint = ""  # the rows' "Ctrl+P pins it" (_rebuild)
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
        previous, self._workload = self._workload, workload
        if _same_lists(previous, workload):
            # Only a project's allowed types or the rules arrived (the selected row asks for its
            # project's while the user types): the rows and the index are what they were.
            return
        # Built once per data change, so a keystroke only scans prepared strings.
        tasks = {t.id: t for t in workload.recent_tasks}
        for task in workload.known_tasks:
            tasks.setdefault(task.id, task)
        self._task_index = SearchIndex((t, _task_text(t)) for t in tasks.values())
        self._type_index = SearchIndex((t, t.name) for t in workload.types_of_work)
        self._types_by_id = {t.id: t for t in workload.types_of_work}
        self._tasks_by_id = tasks
        self._refresh_pins()
        self._rebuild(keep_selection=True)

    def set_pins(self, pins: tuple[Pin, ...]) -> None:
        """The pinned items, as the settings keep them."""
        if pins != self._stored_pins:
            self._stored_pins = tuple(pins)
            self._refresh_pins()
            self._rebuild(keep_selection=True)

    def pins(self) -> tuple[Pin, ...]:
        return self._pins

    def _refresh_pins(self) -> None:
        self._pins = pinning.refreshed(self._stored_pins, self._tasks_by_id, self._types_by_id)
        self._pin_index = SearchIndex((p, pinning.search_text(p)) for p in self._pins)

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
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._rows.forget_sizes()
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
        previous = _row_key(self.current_choice()) if keep_selection else None
        self.setUpdatesEnabled(False)
        # Clearing moves the current row through rows on their way out: say only where it ends.
        self.blockSignals(True)
        self.clear()
        self._section = None
        self._hint = self._pin_hint()  # the same for every row: not made again per row
        query = self._query.strip()
        if query:
            tasks = self._task_index.query(query, limit=MAX_TASKS)
            types = self._type_index.query(query, limit=20)
            found = {p.key for p in self._pin_index.query(query, limit=MAX_PINS)}
            pinned = [p for p in self._pins if p.key in found]  # in the user's order, not by score
        else:
            tasks = list(self._workload.recent_tasks)
            types = list(self._workload.types_of_work)
            pinned = list(self._pins)
        if pinned:
            self._header(self.tr("Pinned"))
            for pin in pinned:
                self._pin_row(pin)
        # A task (or type) pinned as it is has its row above: not a second one below.
        # Pinned with another type of work or a note it is another thing to start, and stays.
        plain = {p.key[:2] for p in self._pins if not p.note and (p.task is None or p.type_of_work is None)}
        shown = {p.task.id for p in pinned if p.task is not None and (p.task.id, None) in plain}
        tasks = [t for t in tasks if (t.id, None) not in plain]
        types = [t for t in types if (None, t.id) not in plain]
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
                item.setToolTip(self.tr("Start a timer for {0} without a task").format(tow.name) + "\n" + self._hint)
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

    def _pin_hint(self) -> str:
        return self.tr("{0} pins it to the top of the list.").format(_native(PIN_SHORTCUT))

    def _pin_row(self, pin: Pin) -> None:
        """A pinned item: what it starts (task or type, the type of work and note pinned with it),
        and a pin drawn at its end (RowDelegate), said as "pinned"."""
        task, tow = pin.task, pin.type_of_work
        if task is not None:
            name, identity = task.name, ("task", task.id)
            project = task.project.name if task.project else None
            facts = [task.key, project]
        else:
            name, identity = tow.name, ("type", tow.id)
            facts = [self.tr("without a task")]
        running = self._running_marker(identity)
        type_name = tow.name if task is not None and tow is not None else None
        # The lists hold every active type of work: a pinned one missing from them is archived.
        gone = tow is not None and bool(self._types_by_id) and tow.id not in self._types_by_id
        archived = "⚠ " + self.tr("type of work archived") if gone else None
        note = self.tr("“{0}”").format(pin.note) if pin.note else None
        finished = self._finished_marker(task) if task is not None else None
        detail = " · ".join(p for p in (running, *facts, type_name, note, archived, finished) if p)
        item = QListWidgetItem(f"{name}\n{detail}")
        item.setData(ROLE, Choice(task=task, type_of_work=tow if task is None else None, pin=pin))
        item.setData(PINNED_ROLE, True)
        item.setToolTip(f"{name} — {detail}\n" + self.tr("Pinned. {0} unpins it, {1} and {2} move it.")
                        .format(_native(PIN_SHORTCUT), _native(PIN_UP_SHORTCUT), _native(PIN_DOWN_SHORTCUT)))
        spoken = (name, *facts, type_name and self.tr("as {0}").format(type_name),
                  pin.note and self.tr("note {0}").format(pin.note), archived and archived[2:],
                  finished and finished[2:], self.tr("pinned"), running and running[2:])
        item.setData(Qt.ItemDataRole.AccessibleTextRole, ", ".join(p for p in spoken if p))
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, item.toolTip())
        self._add(item)

    def _task_row(self, task: Task) -> None:
        marker = self._finished_marker(task)
        running = self._running_marker(("task", task.id))
        parts = (running, task.key, task.project.name if task.project else None, marker)
        detail = " · ".join(p for p in parts if p)
        item = QListWidgetItem(f"{task.name}\n{detail}" if detail else task.name)
        item.setData(ROLE, Choice(task=task))
        item.setToolTip((f"{task.name} — {detail}" if detail else task.name) + "\n" + self._hint)
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

    def _select(self, key: tuple) -> bool:
        for row in self.selectable_rows():
            if _row_key(self.item(row).data(ROLE)) == key:
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

    # -- pinning ---------------------------------------------------------------------------------

    def toggle_pin(self, type_of_work: TypeOfWork | None = None, note: str = "") -> PinOutcome | None:
        """Unpin the selected pinned row; pin any other row, with `type_of_work` (for a task) and
        `note`, the ones its start would use. None: no row, or it was unpinned."""
        choice = self.current_choice()
        if choice is None:
            return None
        # Said before the pins are handed on: a problem keeping them has the last word.
        if choice.pin is not None:
            self.pin_said.emit(self.tr("Unpinned {0}.").format(_pin_name(choice.pin)))
            self._edit_pins(pinning.remove(self._pins, choice.pin), None)
            return None
        pin = pinning.pin_for(choice.task, type_of_work if choice.task is not None else choice.type_of_work, note)
        if pin is None:
            return None
        pins, outcome = pinning.add(self._pins, pin)
        if outcome is PinOutcome.FULL:
            self.pin_said.emit(self.tr("You can pin up to {0} items. Unpin one first: {1} on a pinned row.")
                               .format(MAX_PINS, _native(PIN_SHORTCUT)))
        elif outcome is PinOutcome.ALREADY:
            self._select(_row_key(self._pin_choice(pin)))
            self.pin_said.emit(self.tr("Already pinned."))
        else:
            self.pin_said.emit(self.tr("Pinned {0} to the top.").format(_pin_name(pin)))
            self._edit_pins(pins, pin)
        return outcome

    def move_pin(self, step: int) -> None:
        """The selected pinned row `step` places up (negative) or down."""
        choice = self.current_choice()
        if choice is None or choice.pin is None:
            return
        moved = pinning.move(self._pins, choice.pin, step)
        if moved != self._pins:
            self._edit_pins(moved, choice.pin)
            announce(self, self.current_accessible_text())

    def _edit_pins(self, pins: tuple[Pin, ...], select: Pin | None) -> None:
        # Shown at once; the settings are told, and hand the same pins back (set_pins: no change).
        self._stored_pins = pins
        self._refresh_pins()
        self._rebuild(keep_selection=select is None)
        if select is not None:
            self._select(_row_key(self._pin_choice(select)))
        self.pins_edited.emit(pins)

    def _pin_choice(self, pin: Pin) -> Choice:
        return Choice(task=pin.task, type_of_work=pin.type_of_work if pin.task is None else None, pin=pin)

    def row_menu(self, item: QListWidgetItem) -> QMenu:
        """The row's context menu: start it, pin or unpin it, move a pinned one."""
        self.setCurrentItem(item)
        choice = item.data(ROLE)
        menu = QMenu(self)
        menu.setObjectName("rowMenu")
        menu.addAction(self.tr("Start"), lambda: self._activated(item))
        menu.addSeparator()
        pin = menu.addAction(self.tr("Unpin") if choice.pin else self.tr("Pin to the top"), self.pin_requested.emit)
        pin.setShortcut(QKeySequence(PIN_SHORTCUT))  # shown, for next time (the popover binds it)
        pin.setObjectName("pinAction")
        if choice.pin is not None:
            at = pinning.find(self._pins, choice.pin) or 0
            up = menu.addAction(self.tr("Move up"), lambda: self.move_pin(-1))
            up.setShortcut(QKeySequence(PIN_UP_SHORTCUT))
            up.setEnabled(at > 0)
            down = menu.addAction(self.tr("Move down"), lambda: self.move_pin(1))
            down.setShortcut(QKeySequence(PIN_DOWN_SHORTCUT))
            down.setEnabled(at < len(self._pins) - 1)
        return menu

    def contextMenuEvent(self, event) -> None:
        item = self.itemAt(event.pos()) if event.reason() == event.Reason.Mouse else self.currentItem()
        if item is None or item.data(ROLE) is None:
            return
        if self._menu is not None:
            self._menu.deleteLater()
        self._menu = self.row_menu(item)
        rect = self.visualItemRect(item)
        at = event.globalPos() if event.reason() == event.Reason.Mouse else self.viewport().mapToGlobal(rect.center())
        self._menu.popup(at)  # not exec(): the popover's loop goes on (and a test can drive it)

    def _activated(self, item: QListWidgetItem) -> None:
        choice = item.data(ROLE)
        if choice is not None:
            self.chosen.emit(choice)


def _row_key(choice: Choice | None) -> tuple | None:
    """Which row: the task (or type) and, for a pinned row, which pin (a task can be both)."""
    if choice is None:
        return None
    return (_identity(choice), choice.pin.key if choice.pin is not None else None)


def _pin_name(pin: Pin) -> str:
    return pin.task.name if pin.task is not None else pin.type_of_work.name


def _native(shortcut: str) -> str:
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)


def _identity(choice: Choice | None) -> tuple[str, str] | None:
    if choice is None:
        return None
    return ("task", choice.task.id) if choice.task is not None else ("type", choice.type_of_work.id)


def _same_lists(before: Workload, after: Workload) -> bool:
    """The tasks and types of work the list shows and searches are unchanged (the identity check
    first: a Workload `replace`d for its project types shares the 5,000-task tuple)."""
    return all(
        old is new or old == new
        for old, new in ((before.recent_tasks, after.recent_tasks), (before.known_tasks, after.known_tasks),
                         (before.types_of_work, after.types_of_work))
    )


def _task_text(task: Task) -> str:
    return " ".join(p for p in (task.name, task.key or "", task.project.name if task.project else "") if p)
