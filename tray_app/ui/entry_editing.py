"""The popover's part in fixing the running entry: the editor under the timer card (Edit, Ctrl+E),
the quick-start list lent to it for choosing a new task, the "Timer discarded · Undo" bar
(Ctrl+Z), and the "started … ago" choice beside a start ("I forgot to start").

Kept apart from popover.py so the popover stays about quick start; the popover forwards its
intents (edit_requested, discard_requested, undo_requested) to the controller.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton

from ..core.state import AppState
from ..domain.allowed import offered_types
from ..domain.timer import TimerState, describe, timer_state
from .a11y import announce
from .entry_editor import EntryEditor

STARTED_CHOICES = (0, 5, 10, 15, 30, 60)  # minutes ago offered beside a start


class EntryEditing(QObject):
    def __init__(self, popover):
        super().__init__(popover)
        self.popover = popover
        self.picking = False  # the quick-start list chooses the editor's new task
        self.editor = EntryEditor(popover)
        self.editor.hide()
        self.undo_bar = QFrame(objectName="undoBar")
        self.undo_label = QLabel(objectName="undoLabel")
        self.undo_label.setWordWrap(True)
        self.undo_button = QPushButton(objectName="undoButton")
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(12, 6, 12, 6)
        bar.addWidget(self.undo_label, 1)
        bar.addWidget(self.undo_button)
        self.undo_bar.hide()
        layout = popover.layout()
        at = layout.indexOf(popover.card) + 1
        layout.insertWidget(at, self.undo_bar)
        layout.insertWidget(at, self.editor, 1)  # it takes the list's room while it stands in for it
        # Beside the note: when the timer began, for "I forgot to start".
        self.started_box = QComboBox(objectName="startedAgo")
        # One short word (the row is narrow; a clock glyph showed as a missing-glyph box where the
        # desktop's fonts have none); a screen reader reads the combo's own name.
        self.started_label = QLabel(buddy=self.started_box)
        popover.options.layout().addWidget(self.started_label)
        popover.options.layout().addWidget(self.started_box)

        popover.setTabOrder(popover.note, self.started_box)
        popover.setTabOrder(self.started_box, popover.card.pause_button)
        popover.setTabOrder(popover.card.stop_button, popover.card.edit_button)
        popover.setTabOrder(popover.card.edit_button, popover.menu_button)
        popover.card.edit_clicked.connect(self.open)
        QShortcut(QKeySequence("Ctrl+E"), popover, activated=self.open)
        QShortcut(QKeySequence("Ctrl+Z"), popover, activated=self._undo)
        self.undo_button.clicked.connect(self._undo)
        popover.search.installEventFilter(self)  # (see eventFilter)
        self.editor.cancelled.connect(self.close)
        self.editor.task_wanted.connect(self._pick)
        self.editor.save_requested.connect(popover.edit_requested)
        self.editor.discard_requested.connect(self._discard)
        self.retranslate()

    def retranslate(self) -> None:
        self.undo_button.setText(self.tr("&Undo"))
        self.undo_button.setAccessibleName(self.tr("Undo the discard"))
        self.started_box.setAccessibleName(self.tr("Started (for a timer you forgot to start)"))
        self.started_box.setToolTip(self.started_box.accessibleName())
        self.started_label.setText(self.tr("since"))
        self.started_label.setAccessibleName(self.started_box.accessibleName())
        current = self.started_box.currentIndex()
        self.started_box.clear()
        for minutes in STARTED_CHOICES:
            text = self.tr("now") if not minutes else self.tr("{0} min ago").format(minutes)
            self.started_box.addItem(text, minutes)
        self.started_box.setCurrentIndex(max(current, 0))
        self.render(self.popover._state)

    def started_minutes(self) -> int:
        """Minutes ago the next start began (0: now)."""
        return int(self.started_box.currentData() or 0)

    def reset(self) -> None:
        """A fresh popover: start now, no editor open."""
        self.started_box.setCurrentIndex(0)
        self.close(focus=False)

    # -- the editor ----------------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self.editor.isVisible() or self.picking

    def open(self) -> None:
        state = self.popover._state
        entry = state.entry
        if timer_state(entry) is TimerState.IDLE or state.busy:
            return
        start = entry.start.astimezone().strftime("%H:%M")  # the user's clock, as the core reads it back
        self.editor.open_for(entry, self._types(state), start)
        self._show_quick_start(False)
        self.editor.show()
        self.editor.note.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close(self, *, focus: bool = True) -> None:
        was = self.active
        self.picking = False
        self.editor.hide()
        self._show_quick_start(True)
        if was and focus and self.popover.search.isEnabled():
            self.popover.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def saved(self) -> None:
        """The edit went through."""
        self.close()

    def _pick(self) -> None:
        self.picking = True
        self.editor.hide()
        self._show_quick_start(True)
        self.popover.search.clear()
        self.popover.search.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self.popover.search, self.tr("Choose the new task, then press Enter."))

    def chosen(self, choice) -> bool:
        """A list row was chosen: while picking, it is the editor's (True), not a start."""
        if not self.picking:
            return False
        self.picking = False
        if choice.task is not None:
            self.editor.set_task(choice.task)
        elif choice.type_of_work is not None:
            self.editor.set_type(choice.type_of_work.id)
        self._show_quick_start(False)
        self.editor.show()
        return True

    def escape(self) -> bool:
        """Esc: back from choosing a task to the editor, or out of the editor (True: handled)."""
        if self.picking:
            self.picking = False
            self._show_quick_start(False)
            self.editor.show()
            self.editor.task_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        if self.editor.isVisible():
            self.close()
            return True
        return False

    def _discard(self) -> None:
        self.close()
        self.popover.discard_requested.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The search field claims both keys for itself (on X11 Ctrl+E is "end of line"), so the
        # shortcuts above never fire while it has the focus, which it has on every open.
        if event.type() == QEvent.Type.KeyPress:
            if (event.matches(QKeySequence.StandardKey.Undo) and self.popover._state.discarding is not None
                    and not self.popover.search.isUndoAvailable()):
                self._undo()
                return True
            if event.key() == Qt.Key.Key_E and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
                self.open()
                return True
        return super().eventFilter(watched, event)

    def _undo(self) -> None:
        if self.popover._state.discarding is not None:
            self.popover.undo_requested.emit()

    def _show_quick_start(self, shown: bool) -> None:
        signed_out = not self.popover.search.isEnabled()
        for part in (self.popover.search, self.popover.list, self.popover.options):
            part.setVisible(shown and not signed_out)

    def _types(self, state: AppState):
        entry = state.entry
        project = entry.effective_project
        workload = state.workload
        return offered_types(workload.types_of_work, workload.allowed_type_ids(project.id if project else None))

    # -- rendering -----------------------------------------------------------------------------------

    def render(self, state: AppState) -> None:
        discarding = state.discarding
        self.undo_bar.setVisible(discarding is not None)
        if discarding is not None:
            what = describe(discarding) or self.tr("the timer")
            self.undo_label.setText(self.tr("Discarded: {0}. Undo with Ctrl+Z.").format(what))
        if self.active and state.timer is TimerState.IDLE:
            self.close()  # stopped or discarded meanwhile: nothing left to edit
