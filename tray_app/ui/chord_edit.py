"""The field that records one global shortcut in the settings.

A line edit rather than Qt's QKeySequenceEdit: that one clears the working shortcut at the first key
pressed, records Tab, a lone letter or Shift, and reaches a screen reader as an unnamed filler with
no value. Here a chord pressed is offered (`pressed`) and taken only when the owner accepts it
(`take`; else `refuse` keeps the old one and says why), Tab and Shift+Tab move the focus as everywhere else, Esc keeps what was there, the ×
clears it; and a screen reader meets an editable field whose value is the chord.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

_MODIFIER_KEYS = {Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr,
                  Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Hyper_L, Qt.Key.Key_Hyper_R,
                  Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_ScrollLock, Qt.Key.Key_unknown}
_CHORD_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                    | Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.MetaModifier)


def shown(portable: str) -> str:
    """How a chord in Qt's portable text reads to the user ("Strg+Alt+K" in German)."""
    return QKeySequence.fromString(portable, QKeySequence.SequenceFormat.PortableText).toString(
        QKeySequence.SequenceFormat.NativeText)


def _moves_focus(event: QKeyEvent) -> bool:
    plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                     | Qt.KeyboardModifier.MetaModifier)
    return plain and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


class ChordEdit(QLineEdit):
    pressed = Signal(str)  # a chord was pressed (portable text): the owner calls take() or refuse()
    chosen = Signal(str)  # a chord taken (portable text), or "" when the × cleared it
    rejected = Signal(str)  # why the chord just pressed was not taken, for the user

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._sequence = ""
        self.setClearButtonEnabled(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no Paste, no Undo
        self.setAcceptDrops(False)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        # Room for a long chord and the ×: squeezed, "Ctrl+Alt+Shift+P" would read "t+P".
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(shown("Ctrl+Alt+Shift+PgDown")) + 48)
        self.textEdited.connect(self._edited)  # only the × edits: every key is taken below

    def sequence(self) -> str:
        return self._sequence

    def set_sequence(self, portable: str) -> None:
        self._sequence = portable
        self.setText(shown(portable))

    # -- keys ----------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and not _moves_focus(event):
            event.accept()  # while recording the keys are ours: no menu or window shortcut fires
            return True
        return super().event(event)  # QWidget.event moves the focus on Tab and Shift+Tab

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & _CHORD_MODIFIERS
        if _moves_focus(event):  # only when there was nowhere to move to: let the window have it
            event.ignore()
            return
        event.accept()
        if key in _MODIFIER_KEYS or event.isAutoRepeat():  # a chord is finished by its key, not a modifier
            return
        if key == Qt.Key.Key_Escape and not modifiers:
            self.set_sequence(self._sequence)  # keep what was there
            return
        self.pressed.emit(QKeySequence(QKeyCombination(modifiers, key)).toString(QKeySequence.SequenceFormat.PortableText))

    def take(self, portable: str) -> None:
        self.set_sequence(portable)
        self.chosen.emit(portable)

    def refuse(self, why: str) -> None:
        self.set_sequence(self._sequence)
        self.rejected.emit(why)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        event.accept()

    def inputMethodEvent(self, event) -> None:
        event.ignore()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:  # X11 pastes the selection on a middle click
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _edited(self, text: str) -> None:
        if not text and self._sequence:
            self._sequence = ""
            self.chosen.emit("")
        elif text:  # anything else that slipped in (a drop, a paste) is undone
            self.setText(shown(self._sequence))
