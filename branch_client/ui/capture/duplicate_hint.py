"""Duplicates found as the teller types: a short warning under the question that completed
the key, with a "Compare" button.

The ID number, the phone number, or the name and date of birth of an owner already
registered at this branch are noticed on page 1, while the owner is still at the counter,
instead of at Submit after seven pages. `DuplicateWatch` looks when a key becomes complete:
when the teller leaves one of its questions (at once) and when one of its answers changes
(after `DEBOUNCE_MS` without typing). The warning appears under the question
(`FieldWidget.set_attachment`) and never takes focus: Tab reaches its button right after the
question (`FieldWidget.tab_stops`, the wizard's one Tab order), and Ctrl+D compares while a warning shows. It goes as soon as the answers no
longer match. The check at Submit stays (`DuplicateDialog`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QWidget

from branch_client.i18n import translate
from branch_client.services.capture import HINT_FIELDS, KEY_FIELDS
from branch_client.store import DuplicateMatch
from branch_client.ui.capture.compare import submitted_day
from branch_client.ui.capture.duplicates import match_kind_text
from branch_client.ui.capture.wizard_view import WizardView
from branch_client.ui.widgets import local_shortcut

log = logging.getLogger(__name__)

#: Quiet time after the last keystroke in a key's question before the store is asked.
DEBOUNCE_MS = 100
#: The shortcut that compares while a warning shows.
COMPARE_SHORTCUT = "Ctrl+D"

Lookup = Callable[[], dict[str, list[DuplicateMatch]] | None]
#: Once a new warning is laid out, the page scrolls (if need be) so that it is seen whole.
SCROLL_DELAY_MS = 30


def _scroll_into_view(widget: QWidget) -> None:
    """Scroll the page holding `widget` so that it shows whole; focus stays where it is."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None and widget.isVisible():
        parent.ensureWidgetVisible(widget, 0, 12)


class DuplicateHint(QFrame):
    """The warning under one question: the first match (reference, owner, day submitted),
    how many more there are, and "Compare".

    Signals:
        compare_requested(str): compare the record being typed with this registration.
    """

    compare_requested = Signal(str)

    def __init__(self, kind: str, matches: Sequence[DuplicateMatch], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateHint")
        self.kind = kind
        self.matches = tuple(matches)
        self.lang = lang
        self.text = QLabel()
        self.text.setObjectName("duplicateHintText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("duplicateCompare")
        self.compare_button.setAutoDefault(False)
        self.compare_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.compare_button.clicked.connect(lambda: self.compare_requested.emit(self.record_id))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.setSpacing(10)
        row.addWidget(self.text, 1)
        row.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retranslate(lang)

    @property
    def record_id(self) -> str:
        """The registration "Compare" shows: the first match."""
        return self.matches[0].record_id

    @property
    def record_ids(self) -> tuple[str, ...]:
        """Every match, in order (a new lookup with the same ones keeps this warning)."""
        return tuple(m.record_id for m in self.matches)

    def retranslate(self, lang: str) -> None:
        """The texts in `lang` (km or en)."""
        self.lang = lang
        first = self.matches[0]
        parts = [first.reference]
        if first.owner_name:
            parts.append(first.owner_name)
        parts.append(translate("Duplicates", "submitted %1").replace("%1", submitted_day(first.submitted_at, lang)))
        text = translate("Duplicates", "Already registered at this branch: %1").replace("%1", " · ".join(parts))
        if len(self.matches) > 1:
            more = translate("Duplicates", "and %1 more").replace("%1", str(len(self.matches) - 1))
            text += f" ({more})"
        self.text.setText(text)
        self.compare_button.setText(translate("Duplicates", "Compare"))
        tip = translate("Duplicates", "Show both registrations side by side (%1)").replace("%1", COMPARE_SHORTCUT)
        self.compare_button.setToolTip(tip)
        self.setToolTip(match_kind_text(self.kind))
        self.compare_button.setAccessibleDescription(f"{match_kind_text(self.kind)}. {text}")


class DuplicateWatch(QObject):
    """Looks for duplicates of the record in `view` as the teller types and shows them under
    the questions (`HINT_FIELDS`). `lookup` gives kind → matches for the answers so far
    (`services.capture.duplicates_as_typed`), or None when the store could not be read.

    Call `attach()` after the view loaded a record, `detach()` when it is closed.

    Signals:
        compare_requested(str): the teller asked to compare with this registration.
    """

    compare_requested = Signal(str)

    def __init__(self, view: WizardView, lookup: Lookup, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.lookup = lookup
        self.hints: dict[str, DuplicateHint] = {}
        self._watched = {name for names in KEY_FIELDS.values() for name in names}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.check)
        view.answer_changed.connect(self._answer_changed)
        self.shortcut = local_shortcut(COMPARE_SHORTCUT, view, self.compare_current)
        self.shortcut.setEnabled(False)

    def attach(self) -> None:
        """The view shows a new record: watch its key questions, and show what its answers
        already match (a resumed draft)."""
        self.timer.stop()
        self.hints = {}
        for name in self._watched:
            field = self.view.fields.get(name)
            if field is not None:
                field.left.connect(self._left)
        self.check()

    def detach(self) -> None:
        """The record is closed: no more lookups (its questions go with it)."""
        self.timer.stop()
        for kind in list(self.hints):
            self._remove(kind)
        self.shortcut.setEnabled(False)

    def _answer_changed(self, name: str) -> None:
        if name in self._watched:
            self.timer.start()  # restarted by each keystroke: asks once typing pauses

    def _left(self, name: str) -> None:
        if name in self._watched:
            self.timer.stop()
            self.check()

    def check(self) -> None:
        """Ask the store now and show, change or remove each warning."""
        if self.view.wizard is None:
            return
        found = self.lookup()
        if found is None:
            return  # the store could not be read: the check at Submit will tell
        for kind in HINT_FIELDS:
            matches = found.get(kind) or []
            if matches:
                self._show(kind, matches)
            else:
                self._remove(kind)
        self.shortcut.setEnabled(bool(self.hints))

    def _show(self, kind: str, matches: list[DuplicateMatch]) -> None:
        field = self.view.fields.get(HINT_FIELDS[kind])
        if field is None:
            return
        current = self.hints.get(kind)
        if (
            current is not None
            and field.attachment is current
            and current.record_ids == tuple(m.record_id for m in matches)
        ):
            return  # the same warning stays: no flicker, and a focused "Compare" keeps focus
        lang = self.view.wizard.lang if self.view.wizard is not None else "en"
        hint = DuplicateHint(kind, matches, lang)
        hint.compare_requested.connect(self.compare_requested)
        field.set_attachment(hint)
        self.hints[kind] = hint
        QTimer.singleShot(SCROLL_DELAY_MS, hint, lambda: _scroll_into_view(hint))
        log.debug("possible duplicate shown (%s)", kind)

    def _remove(self, kind: str) -> None:
        hint = self.hints.pop(kind, None)
        if hint is None:
            return
        field = self.view.fields.get(HINT_FIELDS[kind])
        if field is not None and field.attachment is hint:
            field.set_attachment(None)

    def shown(self, kind: str) -> DuplicateHint | None:
        """The warning shown for `kind` (a `MATCH_*`), or None."""
        hint = self.hints.get(kind)
        return hint if hint is not None and hint.isVisible() else None

    def compare_current(self) -> None:
        """Ctrl+D: compare with the match shown under the question being typed in, else
        with the first warning shown on this page."""
        focused = QApplication.focusWidget()
        visible = [(kind, hint) for kind, hint in self.hints.items() if hint.isVisible()]
        for kind, hint in visible:
            field = self.view.fields.get(HINT_FIELDS[kind])
            if focused is not None and field is not None and (focused is field or field.isAncestorOf(focused)):
                self.compare_requested.emit(hint.record_id)
                return
        if visible:
            self.compare_requested.emit(visible[0][1].record_id)

    def retranslate(self, lang: str) -> None:
        """The warnings in `lang`."""
        for hint in self.hints.values():
            hint.retranslate(lang)
