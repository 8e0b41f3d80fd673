"""The editors of a choice: a short list as a group of buttons (one Tab stop, moved
through with the arrow keys) and a long one (the address cascade, the activity) as a list
that filters as you type, forgiving spelling (`forms.romanise`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate
from branch_client.ui.capture.field_base import ARROW_STEPS, FieldWidget, choice_text
from forms import Choice
from forms.identity import ascii_digits
from forms.romanise import search_fold


class ButtonsField(FieldWidget):
    """A short list of options as radio buttons (one answer) or check boxes (several): one
    Tab stop; the arrows move through it (choosing a radio button), Space ticks a check box,
    a digit 1–9 picks the option of that number, and Enter on a group with nothing chosen
    chooses the option it is on before going on."""

    def build_editor(self) -> QWidget:
        self.box = QWidget()
        self.box.setObjectName("choiceButtons")
        self.multiple = self.row.type == "select_multiple"
        self.group = QButtonGroup(self)
        self.group.setExclusive(not self.multiple)
        self.buttons: dict[str, QAbstractButton] = {}
        self._current: QAbstractButton | None = None
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
        self._current = None
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
        self._retranslate_numbers()
        self.set_value(current)

    def editors(self) -> list[QWidget]:
        return list(getattr(self, "buttons", {}).values())

    def focus_widget(self) -> QWidget | None:
        """The group is one Tab stop: the button last moved to with the arrows, else the
        (first) checked one, else the first."""
        buttons = list(self.buttons.values())
        if self._current in buttons:
            return self._current
        checked = [b for b in buttons if b.isChecked()]
        return checked[0] if checked else next(iter(buttons), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ARROW_STEPS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and watched in self.buttons.values()
        ):
            self._step(watched, ARROW_STEPS[Qt.Key(event.key())])
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and watched in self.buttons.values()
            and not event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
            and self._pick_by_number(event.text())
        ):
            return True
        if event.type() == QEvent.Type.FocusIn and watched in self.buttons.values():
            assert isinstance(watched, QAbstractButton)
            self._current = watched
        return super().eventFilter(watched, event)

    def _step(self, watched: QObject, step: int) -> None:
        """Arrow keys move through the options (wrapping); on radio buttons they also choose,
        as in every desktop radio group. Space toggles a check box."""
        buttons = list(self.buttons.values())
        index = buttons.index(watched)  # type: ignore[arg-type]
        target = buttons[(index + step) % len(buttons)]
        self._current = target
        target.setFocus(Qt.FocusReason.TabFocusReason)
        if not self.multiple:
            target.setChecked(True)

    def _pick_by_number(self, text: str) -> bool:
        """A digit (either script) picks the option of that number, 1 to 9: a radio button is
        chosen, a check box ticked or unticked. True when it named an option."""
        digit = ascii_digits(text) if len(text) == 1 else ""
        buttons = list(self.buttons.values())
        if not ("1" <= digit <= "9") or int(digit) > len(buttons):
            return False
        target = buttons[int(digit) - 1]
        self._current = target
        target.setFocus(Qt.FocusReason.TabFocusReason)
        target.setChecked(True if not self.multiple else not target.isChecked())
        return True

    def _enter_pressed(self, watched: QObject) -> bool:
        """Enter on a group with nothing chosen yet chooses the option it is on, then goes on
        (the first option takes one key, as a default would). Not on a yes/no question (the
        owner's consent): "yes" must be given on purpose, never by a stray Enter."""
        if (
            not self.multiple
            and watched in self.buttons.values()
            and self.value() is None
            and set(self.buttons) != {"yes", "no"}
        ):
            assert isinstance(watched, QAbstractButton)
            watched.setChecked(True)
        return super()._enter_pressed(watched)

    def _retranslate_numbers(self) -> None:
        for number, button in enumerate(self.buttons.values(), start=1):
            if number <= 9:
                button.setToolTip(translate("Capture", "Key %1").replace("%1", str(number)))

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
        self._retranslate_numbers()


class ChoiceFilter(QSortFilterProxyModel):
    """The options of a searchable list that match what is typed, best first.

    Matching is forgiving (`forms.romanise.search_fold`): either script, any case, Khmer typed
    in any mark order, romanisation variants ("Daun Penh" finds Doun Penh), digits in either
    set (village "1" finds ភូមិ ១), and the activity's keywords ("vegetable"). Options whose
    word is exactly what was typed come first, then those starting with it, then the rest, each
    in the list's order.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: list[tuple[list[str], str]] = []
        self._query = ""

    def set_choices(self, choices: Sequence[Choice]) -> None:
        """The folded words and the folded whole of each option, in the source model's order."""
        self._keys = [_choice_keys(choice) for choice in choices]
        self.invalidate()

    def set_query(self, text: str) -> None:
        """Filter by `text` ("" shows every option)."""
        query = search_fold(text)
        if query != self._query:
            self._query = query
            self.invalidate()
            self.sort(0)

    def rank(self, row: int) -> int:
        """0: a word is the query; 1: a word starts with it; 2: it is inside; 3: no match."""
        if not self._query:
            return 0
        if not 0 <= row < len(self._keys):
            return 3
        words, whole = self._keys[row]
        if self._query in words:
            return 0
        if any(word.startswith(self._query) for word in words) or whole.startswith(self._query):
            return 1
        return 2 if self._query in whole else 3

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        del source_parent
        return self.rank(source_row) < 3

    def lessThan(  # noqa: N802 - Qt's name
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        return (self.rank(left.row()), left.row()) < (self.rank(right.row()), right.row())


def _choice_keys(choice: Choice) -> tuple[list[str], str]:
    """(the folded words of an option's labels and keywords, all of them folded as one text)."""
    texts = [*choice.labels.values(), *choice.keywords]
    words = [search_fold(word) for text in texts for word in text.replace("(", " ").replace(")", " ").split()]
    words += [search_fold(text) for text in texts]
    return [w for w in words if w], "|".join(search_fold(text) for text in texts)


class SearchField(FieldWidget):
    """A long list (the address cascade, the activity): an editable list that filters as you
    type, in both scripts (“ភ្នំពេញ — Phnom Penh”), forgiving spelling (see `ChoiceFilter`).

    Typing opens the filtered list; arrows pick in it and Enter chooses. Tab (or leaving
    otherwise) takes the option the typed text names, or the only one matching it, so the
    next list of the cascade is ready before focus reaches it."""

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
        self.filter = ChoiceFilter(self)
        self.filter.setSourceModel(self.combo.model())
        self.completer = QCompleter(self.filter, self.combo)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.combo.setCompleter(self.completer)
        self.combo.currentIndexChanged.connect(self._index_changed)
        self.completer.activated.connect(self._completer_activated)
        line = self.combo.lineEdit()
        assert line is not None
        line.editingFinished.connect(self.commit)
        line.textEdited.connect(self._typed)
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
            self.filter.set_choices(self._choices)
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

    def _typed(self, text: str) -> None:
        """Filter the list by what is typed and show it (hidden when nothing matches)."""
        self.filter.set_query(text)
        popup = self.completer.popup()
        if text.strip() and self.filter.rowCount() > 0:
            # No row is made current: a highlighted row replaces the typed text. Enter or Tab
            # with none chosen takes the best match of what is typed (`resolve`).
            self.completer.complete()
        elif popup is not None:
            popup.hide()

    def matches(self, text: str) -> list[Choice]:
        """The options `text` finds, best first (what the list shows for it)."""
        return [self._choices[row] for row in self._matching_rows(text)]

    def _matching_rows(self, text: str) -> list[int]:
        """The rows of the options `text` finds, best first."""
        self.filter.set_query(text)
        rows = [self.filter.mapToSource(self.filter.index(i, 0)).row() for i in range(self.filter.rowCount())]
        return [row for row in rows if 0 <= row < len(self._choices)]

    def resolve(self, text: str) -> str | None:
        """The choice a typed text names: its shown text or one of its labels (folded), else the
        best option when only one option has a word that is, or starts with, the text;
        otherwise the text itself (the form then says to choose from the list)."""
        typed = text.strip()
        if not typed:
            return None
        folded = search_fold(typed)
        for choice in self._choices:
            shown = (choice_text(choice, self.lang), *choice.labels.values())
            if folded in {search_fold(x) for x in shown}:
                return choice.name
        rows = self._matching_rows(typed)
        if len(rows) == 1:
            return self._choices[rows[0]].name
        for best_rank in (1, 0):  # one option with a word starting with the text, else one with it whole
            best = [row for row in rows if self.filter.rank(row) <= best_rank]
            if len(best) == 1:
                return self._choices[best[0]].name
        return typed

    def commit(self) -> None:
        line = self.combo.lineEdit()
        if line is None or self._updating:
            return
        popup = self.completer.popup()
        if popup is not None and popup.isVisible():
            popup.hide()
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


__all__ = ["ButtonsField", "ChoiceFilter", "SearchField"]
