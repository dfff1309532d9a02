"""The running entry's editor, opened from the timer card: task, type of work, note, billable and
start, and Discard. It shows the entry and emits what the user changed; the core decides.

The task is chosen the way a quick start chooses it: the popover's own search and list (the
editor asks for them with `task_wanted`, and gets the choice back in `set_task`). The start is
text ("08:47" or "-15m") that the core reads in the user's time zone; left as shown, it is no change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.actions import EntryChange
from ..domain.entities import Task, TimeEntry, TypeOfWork


class EntryEditor(QFrame):
    save_requested = Signal(object, str)  # EntryChange (without the start), the start as typed ("": unchanged)
    cancelled = Signal()
    discard_requested = Signal()
    task_wanted = Signal()  # the popover's search and list choose the new task

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("entryEditor")
        self._entry: TimeEntry | None = None
        self._task: Task | None = None
        self._shown_start = ""

        self.task_label = QLabel(objectName="editTask")
        self.task_label.setWordWrap(True)
        self.task_button = QPushButton(objectName="editTaskButton")
        self.task_button.clicked.connect(self.task_wanted)
        self.type_box = QComboBox(objectName="editType")
        self.note = QLineEdit(objectName="editNote")
        self.billable = QCheckBox(objectName="editBillable")
        self.started = QLineEdit(objectName="editStarted")
        self.discard_button = QPushButton(objectName="discardButton")
        self.cancel_button = QPushButton(objectName="editCancel")
        self.save_button = QPushButton(objectName="editSave")
        self.discard_button.clicked.connect(self.discard_requested)
        self.cancel_button.clicked.connect(self.cancelled)
        self.save_button.clicked.connect(self._save)
        for field in (self.note, self.started):
            field.returnPressed.connect(self._save)

        task_row = QHBoxLayout()
        task_row.addWidget(self.task_label, 1)
        task_row.addWidget(self.task_button)
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.task_caption, self.type_caption = QLabel(buddy=self.task_button), QLabel(buddy=self.type_box)
        self.note_caption, self.started_caption = QLabel(buddy=self.note), QLabel(buddy=self.started)
        self.form.addRow(self.task_caption, task_row)
        self.form.addRow(self.type_caption, self.type_box)
        self.form.addRow(self.note_caption, self.note)
        self.form.addRow(self.started_caption, self.started)
        self.form.addRow("", self.billable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setTabOrder(self.note, self.started)
        self.setTabOrder(self.started, self.billable)
        self.setTabOrder(self.billable, self.type_box)
        self.setTabOrder(self.type_box, self.task_button)
        self.setTabOrder(self.task_button, self.save_button)
        self.setTabOrder(self.save_button, self.cancel_button)
        self.setTabOrder(self.cancel_button, self.discard_button)
        self._retranslate()

    def _retranslate(self) -> None:
        self.task_caption.setText(self.tr("Task"))
        self.task_button.setText(self.tr("Change &task…"))
        self.task_button.setAccessibleName(self.tr("Change the task"))
        self.type_caption.setText(self.tr("T&ype"))
        self.type_box.setAccessibleName(self.tr("Type of work"))
        self.note_caption.setText(self.tr("N&ote"))
        self.note.setAccessibleName(self.tr("Note for the time entry"))
        self.started_caption.setText(self.tr("Sta&rted"))
        self.started.setPlaceholderText(self.tr("08:47 or -15m"))
        self.started.setAccessibleName(self.tr("Started: a time of day such as 08:47, or minutes ago such as -15m"))
        self.started.setToolTip(self.started.accessibleName())
        self.billable.setText(self.tr("&Billable"))
        self.discard_button.setText(self.tr("&Discard timer"))
        self.discard_button.setAccessibleName(self.tr("Discard the timer (it can be undone for a few seconds)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.save_button.setText(self.tr("Sa&ve"))
        self._show_task()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def open_for(self, entry: TimeEntry, types: tuple[TypeOfWork, ...], start_text: str) -> None:
        """Show `entry` to edit; `types`: the types of work it may book; `start_text`: its start as
        the user's clock shows it (HH:MM)."""
        self._entry, self._task = entry, entry.task
        self._shown_start = start_text
        self.note.setText(entry.note or "")
        self.started.setText(start_text)
        self.billable.setChecked(bool(entry.is_billable))
        self.set_types(types)
        self._show_task()
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)
        self.note.selectAll()

    def set_types(self, types: tuple[TypeOfWork, ...]) -> None:
        current = self.type_box.currentData() if self.type_box.count() else None
        wanted = current or (self._entry.type_of_work_id if self._entry else None)
        self.type_box.clear()
        known = list(types)
        own = self._entry.type_of_work if self._entry else None
        if own is not None and all(t.id != own.id for t in known):
            known.insert(0, own)  # archived since, or not offered here: still what it is booked as
        for tow in known:
            self.type_box.addItem(tow.name, tow.id)
        self.type_box.setCurrentIndex(max(self.type_box.findData(wanted), 0))

    def set_task(self, task: Task) -> None:
        """The task the popover's list chose; its own type of work is selected where known."""
        self._task = task
        if task.type_of_work_id:
            index = self.type_box.findData(task.type_of_work_id)
            if index >= 0:
                self.type_box.setCurrentIndex(index)
        self._show_task()
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_type(self, type_id: str) -> None:
        index = self.type_box.findData(type_id)
        if index >= 0:
            self.type_box.setCurrentIndex(index)
        self.type_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_task(self) -> None:
        task = self._task
        if task is None:
            self.task_label.setText(self.tr("No task"))
        else:
            self.task_label.setText(f"{task.key} · {task.name}" if task.key else task.name)

    def change(self) -> tuple[EntryChange, str]:
        """What the user changed (None where left as it was), and the start as typed ("": unchanged)."""
        entry = self._entry
        if entry is None:
            return EntryChange(), ""
        type_id = self.type_box.currentData()
        tow = None
        if type_id and type_id != entry.type_of_work_id:
            tow = TypeOfWork(type_id, self.type_box.currentText())
        task = self._task if self._task is not None and (entry.task is None or self._task.id != entry.task.id) else None
        note = self.note.text().strip()
        billable = self.billable.isChecked()
        started = self.started.text().strip()
        change = EntryChange(
            note=note if note != (entry.note or "") else None,
            type_of_work=tow,
            task=task,
            is_billable=billable if billable != bool(entry.is_billable) else None,
        )
        return change, "" if started == self._shown_start else started

    def _save(self) -> None:
        self.save_requested.emit(*self.change())
