"""One editor per form question: its label (required ones marked), hint, editor, message
and the centre's remark for a correction.

Every editor speaks the same three signals, so the wizard view treats them alike:
`changed(name, answer)` with the answer as typed (None when empty), `left(name)` when
focus leaves the question (its message is then due) and `advance(name)` when Enter asks
for the next question. Setting a value from the program (`set_value`) emits nothing.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate
from forms import Choice, Row

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Lists this short are shown as buttons; longer ones, and `search` appearance, as a searchable list.
MAX_BUTTONS = 5


def choice_text(choice: Choice, lang: str) -> str:
    """A choice as a searchable list shows it: the UI language first, then the other script."""
    first = choice.label(lang)
    other = choice.label("en" if lang == "km" else "km")
    return first if not other or other == first else f"{first} — {other}"


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class FieldWidget(QFrame):
    """A question: title, hint, editor, message, remark. Subclasses provide the editor.

    Signals:
        changed(str, object): the question's name and its answer as typed (None when empty).
        left(str): focus left the question.
        advance(str): Enter was pressed on the question.
    """

    changed = Signal(str, object)
    left = Signal(str)
    advance = Signal(str)

    def __init__(self, row: Row, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.name = row.name
        self.lang = lang
        self._required = row.required or row.required_if is not None
        self._updating = False
        self.setObjectName("field")
        self.title = QLabel()
        self.title.setObjectName("fieldTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.hint = QLabel()
        self.hint.setObjectName("fieldHint")
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.remark = QLabel()
        self.remark.setObjectName("remarkText")
        self.remark.setWordWrap(True)
        self.remark.hide()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 6, 0, 6)
        self.layout_.setSpacing(4)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.hint)
        editor = self.build_editor()
        self.layout_.addWidget(editor)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.remark)
        for widget in self.editors():
            widget.installEventFilter(self)
        self.retranslate(lang)

    # ------------------------------------------------------------------ for subclasses
    def build_editor(self) -> QWidget:
        """The editor (or a container of editors) shown under the title."""
        raise NotImplementedError

    def editors(self) -> list[QWidget]:
        """Every widget that takes focus in this question."""
        return []

    def focus_widget(self) -> QWidget | None:
        """Where focus goes when the question is reached."""
        editors = self.editors()
        return editors[0] if editors else None

    def value(self) -> object:
        """The answer as typed, None when empty."""
        return None

    def set_value(self, value: object) -> None:
        """Show `value` (as stored in a draft) without emitting `changed`."""
        self._updating = True
        try:
            self._show_value(value)
        finally:
            self._updating = False

    def _show_value(self, value: object) -> None:
        del value

    def set_choices(self, choices: Sequence[Choice]) -> None:
        """The options to offer (selects; the address cascade filters them)."""
        del choices

    def _retranslate_editor(self) -> None:
        """Texts inside the editor (choice labels, placeholders) in `self.lang`."""

    def _emit_changed(self) -> None:
        if not self._updating:
            self.changed.emit(self.name, self.value())

    # ------------------------------------------------------------------ shared behaviour
    def retranslate(self, lang: str) -> None:
        """Title, hint and options in `lang` (km or en)."""
        self.lang = lang
        label = html.escape(self.row.label(lang))
        if self._required:
            tip = html.escape(translate("Capture", "Required"))
            label += f' <span style="color:#b00020" title="{tip}">*</span>'
        self.title.setText(label)
        hint = self.row.hint(lang)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self._retranslate_editor()

    def set_error(self, message: str | None) -> None:
        """Show `message` under the editor (None hides it) and mark the editor."""
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        for widget in self.editors():
            if bool(widget.property("invalid")) != bool(message):
                widget.setProperty("invalid", bool(message))
                _repolish(widget)

    def set_remark(self, message: str) -> None:
        """The centre's message about this question (a correction); "" hides it."""
        if message:
            self.remark.setText(translate("Capture", "CAM-IE centre: %1").replace("%1", message))
        self.remark.setVisible(bool(message))

    def contains_focus(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and (focused is self or self.isAncestorOf(focused))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            if event.reason() not in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
                QTimer.singleShot(0, self, self._maybe_left)  # not called if the field is gone
        elif (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and self._enter_pressed(watched)
        ):
            return True
        return super().eventFilter(watched, event)

    def _enter_pressed(self, watched: QObject) -> bool:
        """Enter on an editor: commit and ask for the next question. True when consumed."""
        del watched
        self.commit()
        self.left.emit(self.name)
        self.advance.emit(self.name)
        return True

    def commit(self) -> None:
        """Take what is typed as the answer (editors that do not answer per keystroke)."""

    def _maybe_left(self) -> None:
        if not self.contains_focus():
            self.commit()
            self.left.emit(self.name)


class TextField(FieldWidget):
    """Text, numbers and dates: one line, typed freely (Khmer digits, spaces, pasted text)."""

    def build_editor(self) -> QWidget:
        self.edit = QLineEdit()
        self.edit.setObjectName(f"edit_{self.name}")
        if self.row.type in ("integer", "decimal", "date") or self.row.appearance == "numbers":
            self.edit.setMaximumWidth(320)
            self.edit.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers)
        self.edit.textChanged.connect(self._emit_changed)
        return self.edit

    def editors(self) -> list[QWidget]:
        return [self.edit]

    def value(self) -> object:
        text = self.edit.text()
        return text if text.strip() else None

    def _show_value(self, value: object) -> None:
        text = "" if value is None else str(value)
        if self.edit.text() != text:
            self.edit.setText(text)

    def _retranslate_editor(self) -> None:
        if self.row.type == "date":
            self.edit.setPlaceholderText(translate("Capture", "YYYY-MM-DD"))


class ButtonsField(FieldWidget):
    """A short list of options as radio buttons (one answer) or check boxes (several)."""

    def build_editor(self) -> QWidget:
        self.box = QWidget()
        self.box.setObjectName("choiceButtons")
        self.multiple = self.row.type == "select_multiple"
        self.group = QButtonGroup(self)
        self.group.setExclusive(not self.multiple)
        self.buttons: dict[str, QAbstractButton] = {}
        self._choices: list[Choice] = []
        horizontal = self.row.appearance == "horizontal"
        self.grid = QHBoxLayout(self.box) if horizontal else QVBoxLayout(self.box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(18 if horizontal else 4)
        self.group.buttonToggled.connect(self._toggled)
        return self.box

    def set_choices(self, choices: Sequence[Choice]) -> None:
        if [c.name for c in choices] == [c.name for c in self._choices]:
            return
        current = self.value()
        for old in list(self.buttons.values()):
            self.group.removeButton(old)
            old.removeEventFilter(self)
            old.deleteLater()
        self.buttons.clear()
        self._choices = list(choices)
        for choice in self._choices:
            button: QAbstractButton = QCheckBox() if self.multiple else QRadioButton()
            button.setObjectName(f"choice_{self.name}_{choice.name}")
            button.setText(choice.label(self.lang))
            self.group.addButton(button)
            self.grid.addWidget(button)
            button.installEventFilter(self)
            self.buttons[choice.name] = button
        if isinstance(self.grid, QHBoxLayout):
            self.grid.addStretch(1)
        self.set_value(current)

    def editors(self) -> list[QWidget]:
        return list(getattr(self, "buttons", {}).values())

    def focus_widget(self) -> QWidget | None:
        checked = [b for b in self.buttons.values() if b.isChecked()]
        return checked[0] if checked else next(iter(self.buttons.values()), None)

    def value(self) -> object:
        chosen = [name for name, button in self.buttons.items() if button.isChecked()]
        if self.multiple:
            return chosen or None
        return chosen[0] if chosen else None

    def _show_value(self, value: object) -> None:
        wanted = set(value) if isinstance(value, list) else ({value} if isinstance(value, str) else set())
        if not self.multiple:
            self.group.setExclusive(False)
        for name, button in self.buttons.items():
            button.setChecked(name in wanted)
        if not self.multiple:
            self.group.setExclusive(True)

    def _toggled(self, button: QAbstractButton, checked: bool) -> None:
        if self.multiple or checked:
            self._emit_changed()

    def _retranslate_editor(self) -> None:
        for choice in self._choices:
            self.buttons[choice.name].setText(choice.label(self.lang))


class SearchField(FieldWidget):
    """A long list (the address cascade, the activity): an editable list that filters as you
    type, in both scripts (“ភ្នំពេញ — Phnom Penh”), by any part of the name."""

    def build_editor(self) -> QWidget:
        self._choices: list[Choice] = []
        self._value: str | None = None
        self.combo = QComboBox()
        self.combo.setObjectName(f"combo_{self.name}")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMaxVisibleItems(14)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(24)
        self.completer = QCompleter(self.combo.model(), self.combo)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.combo.setCompleter(self.completer)
        self.combo.currentIndexChanged.connect(self._index_changed)
        self.completer.activated.connect(self._completer_activated)
        line = self.combo.lineEdit()
        assert line is not None
        line.editingFinished.connect(self.commit)
        return self.combo

    def editors(self) -> list[QWidget]:
        line = self.combo.lineEdit()
        return [self.combo] + ([line] if line is not None else [])

    def focus_widget(self) -> QWidget | None:
        return self.combo

    def set_choices(self, choices: Sequence[Choice]) -> None:
        if [c.name for c in choices] == [c.name for c in self._choices]:
            return
        self._choices = list(choices)
        self._fill()

    def _fill(self) -> None:
        self._updating = True
        try:
            self.combo.clear()
            for choice in self._choices:
                self.combo.addItem(choice_text(choice, self.lang), choice.name)
            self.combo.setEnabled(bool(self._choices))
            self._show_value(self._value)
        finally:
            self._updating = False

    def _retranslate_editor(self) -> None:
        line = self.combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(translate("Capture", "Type to search…"))
        self._fill()

    def value(self) -> object:
        return self._value

    def _show_value(self, value: object) -> None:
        self._value = value if isinstance(value, str) and value else None
        index = self.combo.findData(self._value) if self._value is not None else -1
        self.combo.setCurrentIndex(index)
        line = self.combo.lineEdit()
        if line is not None:
            line.setText(self.combo.itemText(index) if index >= 0 else (self._value or ""))
            line.setCursorPosition(0)  # long names read from their start

    def resolve(self, text: str) -> str | None:
        """The choice a typed text names: its shown text, one of its labels, or the only option
        containing it; otherwise the text itself (the form then says to choose from the list)."""
        typed = text.strip()
        if not typed:
            return None
        folded = typed.casefold()
        for choice in self._choices:
            if folded in (choice_text(choice, self.lang).casefold(), *(x.casefold() for x in choice.labels.values())):
                return choice.name
        containing = [
            c
            for c in self._choices
            if folded in choice_text(c, self.lang).casefold() or folded in choice_text(c, "en").casefold()
        ]
        if len(containing) == 1:
            return containing[0].name
        return typed

    def commit(self) -> None:
        line = self.combo.lineEdit()
        if line is None or self._updating:
            return
        chosen = self.resolve(line.text())
        if chosen != self._value:
            self._value = chosen
            self.set_value(chosen)
            self._emit_changed()
        elif chosen is not None and self.combo.findData(chosen) >= 0:
            self.set_value(chosen)  # show the full name of what a part of it chose

    def _index_changed(self, index: int) -> None:
        if self._updating or index < 0:
            return
        chosen = self.combo.itemData(index)
        if isinstance(chosen, str) and chosen != self._value:
            self._value = chosen
            self.set_value(chosen)
            self._emit_changed()

    def _completer_activated(self, text: str) -> None:
        del text
        self.commit()

    def _enter_pressed(self, watched: QObject) -> bool:
        popup = self.completer.popup()
        if (popup is not None and popup.isVisible()) or self.combo.view().isVisible():
            return False  # Enter chooses in the list first
        return super()._enter_pressed(watched)


class NoteField(FieldWidget):
    """A note: text to read (the consent statement), no answer."""

    def build_editor(self) -> QWidget:
        self.text = QLabel()
        self.text.setObjectName("noteText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return self.text

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.title.hide()
        self.hint.hide()
        self.text.setText(self.row.label(lang))


def make_field(row: Row, lang: str, choices: Sequence[Choice] = ()) -> FieldWidget:
    """The editor for `row`, with its options if it is a select."""
    field: FieldWidget
    if row.type == "note":
        field = NoteField(row, lang)
    elif row.type == "select_multiple" or (
        row.type == "select_one"
        and row.appearance != "search"
        and row.choice_filter is None
        and len(choices) <= MAX_BUTTONS
    ):
        field = ButtonsField(row, lang)
    elif row.type == "select_one":
        field = SearchField(row, lang)
    else:
        field = TextField(row, lang)
    field.set_choices(choices)
    return field


__all__ = [
    "ButtonsField",
    "FieldWidget",
    "NoteField",
    "SearchField",
    "TextField",
    "choice_text",
    "make_field",
]
