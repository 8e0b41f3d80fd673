"""A teller at the desk, keyboard only: sign in, type a whole registration, submit, save the receipt.

`KeyboardTeller` drives a real, signed-out main window (`AppController`) with nothing but key
events sent to the widget that has focus (`QTest.keyClick` / `keyClicks`; Khmer letters, which
`keyClicks` cannot send, go through `QTest.sendKeyEvent` with their text, as a Khmer keyboard
layout delivers them). It never sets a value, clicks or picks an index: if the desk cannot be
used without a mouse, the script fails, and it fails at the first question focus did not reach,
naming the question and where focus went instead.

How each kind of question is answered:

- text, numbers, dates: typed as on the owner's papers (dates DD-MM-YYYY, phones 0XX XXX XXX);
- one choice (radio buttons, one Tab stop): the digit of the answer's place (1–9), or, when
  the answer is the option focus is on and nothing is chosen yet, the Enter that goes on;
- several choices (check boxes, one Tab stop): the digit of each option to tick;
- searchable lists (the address cascade, the activity): the first letters of the answer's label,
  as few as name it, then Tab (which takes the option the letters name);
- an answer already there (a default, the branch's own province) is passed with Tab.

Each question is left with Tab, the last of a page with Enter (which goes to the next page;
that Tab reaches “Next” after it is the tab-order test's to prove); on the review Enter
submits; a possible-duplicate warning is answered with a reason and “Submit anyway”; on the
submitted view Enter opens the receipt, and Ctrl+Shift+S saves it as a PDF (the caller replaces
the file dialog, `branch_client.ui.dialogs.choose_pdf_path`, as the tests do); the receipt
closes itself once saved.

What it counts (`Tally`): mouse presses seen by an application event filter (must stay 0),
the inputs reached, navigation keys (every key that is not typed text: Tab, Enter, arrows,
Space and digits choosing an option, shortcuts), typed characters, each page switch
(the Enter that leaves a page until the next page's first question has focus), the duplicate warning
(leaving the ID number until the warning shows) and submit to receipt (the key that submits
until the receipt's preview is shown).
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from branch_client.store import MATCH_ID
from branch_client.ui.capture.fields import ButtonsField, FieldWidget, NoteField, SearchField, TextField

if TYPE_CHECKING:
    from branch_client.app.controller import AppController
    from branch_client.ui.capture.page import CapturePage
    from branch_client.ui.receipt_dialog import ReceiptDialog

#: How long one step may take before the script gives up (a slow CI machine, a big store).
STEP_TIMEOUT_MS = 10_000
#: At most this many Tab presses to reach a button in a dialog (the receipt, the duplicate warning).
MAX_DIALOG_STOPS = 12
MOUSE_EVENTS = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.NonClientAreaMouseButtonPress,
    QEvent.Type.TouchBegin,
)
Key = Qt.Key
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


class KeyboardScriptError(AssertionError):
    """The desk could not be used by keyboard alone at this step (the message says where)."""


@dataclass
class Tally:
    """What one keyboard-only registration took."""

    mouse_actions: int = 0
    inputs: int = 0
    nav_keys: int = 0
    wizard_nav_keys: int = 0  # of nav_keys, those on the form's pages (from the first question to the review)
    typed_chars: int = 0
    page_switch_ms: list[float] = field(default_factory=list)
    duplicate_hint_ms: float | None = None
    submit_to_receipt_ms: float | None = None
    reached: list[str] = field(default_factory=list)  # the questions reached, in order
    pages: list[str] = field(default_factory=list)  # the pages filled, in order
    record_id: str = ""
    reference: str = ""


class MouseWatch(QObject):
    """An application event filter that counts every mouse (or touch) press, anywhere."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.presses = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in MOUSE_EVENTS:
            self.presses += 1
        return False


def wait_until(condition: Callable[[], bool], what: str, timeout_ms: int = STEP_TIMEOUT_MS) -> float:
    """Run the event loop until `condition()` holds; the milliseconds it took. Raises
    `KeyboardScriptError` naming `what` after `timeout_ms` (nothing sleeps: events are processed)."""
    started = time.perf_counter()
    while not condition():
        if (time.perf_counter() - started) * 1000 > timeout_ms:
            raise KeyboardScriptError(
                f"timed out waiting for {what}; focus is on {describe(QApplication.focusWidget())}"
            )
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    return (time.perf_counter() - started) * 1000


def settle() -> None:
    """What happens between two key presses at a real desk: the event loop handles what the
    last key posted (a question's deferred focus-out, a zero-delay timer) before the next key
    comes, as it does when keys arrive from the keyboard rather than from QTest directly."""
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


def owning_field(widget: QWidget | None) -> FieldWidget | None:
    """The form question `widget` belongs to, if any."""
    while widget is not None and not isinstance(widget, FieldWidget):
        widget = widget.parentWidget()
    return widget


def in_question(question: FieldWidget) -> Callable[[QWidget], bool]:
    """A focus check: the widget is part of `question`."""
    return lambda widget: owning_field(widget) is question


def is_widget(target: QWidget) -> Callable[[QWidget], bool]:
    """A focus check: the widget is `target`."""
    return lambda widget: widget is target


def describe(widget: QWidget | None) -> str:
    """Where focus is, in words a failure message can use."""
    if widget is None:
        active = QApplication.activeModalWidget() or QApplication.activeWindow()
        where = f"; the active window is {type(active).__name__} “{active.windowTitle()}”" if active else ""
        return f"nothing (no widget has focus{where})"
    question = owning_field(widget)
    if question is not None:
        return f"question {question.name!r} ({type(widget).__name__})"
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    parts = [type(widget).__name__]
    if widget.objectName():
        parts.append(f"#{widget.objectName()}")
    if text:
        parts.append(f"“{text}”")
    ancestor = widget.parentWidget()
    while ancestor is not None and not ancestor.objectName():
        ancestor = ancestor.parentWidget()
    if ancestor is not None:
        parts.append(f"in #{ancestor.objectName()}")
    return " ".join(parts)


def typed_text(row_type: str, name: str, value: object) -> str:
    """How a teller types a stored answer, reading the owner's papers."""
    if row_type == "date" and isinstance(value, str):
        day = datetime.date.fromisoformat(value)
        return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"  # as on the Cambodian ID card
    if name == "phone" and isinstance(value, str) and value.startswith("+855"):
        national = "0" + value.removeprefix("+855")
        return f"{national[:3]} {national[3:6]} {national[6:]}"
    return "" if value is None else str(value)


class KeyboardTeller:
    """Types one registration into a real main window with key events only (see the module)."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.tally = Tally()
        self.mouse = MouseWatch()
        self._submit_started = 0.0
        app.installEventFilter(self.mouse)

    def close(self) -> None:
        """Stop watching the mouse."""
        self.app.removeEventFilter(self.mouse)
        self.tally.mouse_actions = self.mouse.presses

    # ------------------------------------------------------------------ keys
    @staticmethod
    def focused() -> QWidget:
        """The widget with keyboard focus (where every key goes)."""
        widget = QApplication.focusWidget()
        if widget is None:
            raise KeyboardScriptError("no widget has keyboard focus")
        return widget

    def press(self, key: Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
        """One navigation key (Tab, Enter, arrows, Space on a choice, shortcuts) to the focused widget."""
        QTest.keyClick(self.focused(), key, modifier)
        self.tally.nav_keys += 1
        settle()
        self._no_mouse()

    def press_digit(self, number: int) -> None:
        """The digit that picks option `number` of a group: a navigation key, not typed text."""
        if not 1 <= number <= 9:
            raise KeyboardScriptError(f"option {number} has no digit key")
        self.press(Key(Key.Key_0.value + number))

    def type_text(self, text: str) -> None:
        """Type `text` a character at a time into whatever has focus."""
        for char in text:
            target = self.focused()
            if char.isascii():
                QTest.keyClicks(target, char)
            else:  # keyClicks sends Latin-1 only; a Khmer layout sends the letter as the key's text
                QTest.sendKeyEvent(QTest.KeyAction.Click, target, Key.Key_unknown, char, NO_MODIFIER)
            settle()
        self.tally.typed_chars += len(text)
        self._no_mouse()

    def _no_mouse(self) -> None:
        if self.mouse.presses:
            raise KeyboardScriptError(f"{self.mouse.presses} mouse press(es) happened during a keyboard-only run")

    def expect_focus(self, what: str, check: Callable[[QWidget], bool]) -> QWidget:
        """The focused widget, which must pass `check`; else fail naming `what` and where focus is."""
        widget = QApplication.focusWidget()
        if widget is None or not check(widget):
            raise KeyboardScriptError(f"expected focus on {what}, but it is on {describe(widget)}")
        return widget

    # ------------------------------------------------------------------ sign-in and start
    def sign_in(self, controller: AppController, username: str, password: str) -> None:
        """Username, Tab, password, Enter on the sign-in screen."""
        window = controller.window
        window.activateWindow()
        wait_until(lambda: QApplication.activeWindow() is window, "the main window to be active")
        login = controller.login_page
        wait_until(lambda: QApplication.focusWidget() is login.username, "focus in the username box")
        self.type_text(username)
        self.press(Key.Key_Tab)
        self.expect_focus("the password box", lambda w: w is login.password)
        self.type_text(password)
        self.press(Key.Key_Return)
        wait_until(lambda: controller.workspace is not None, "the workspace after sign-in")

    def start_registration(self, controller: AppController) -> CapturePage:
        """Ctrl+N, from whatever page shows (a teller lands on her desk): a new registration."""
        from branch_client.ui.capture.page import CapturePage

        workspace = controller.workspace
        assert workspace is not None
        page = workspace.page("capture")
        assert isinstance(page, CapturePage)
        self.press(Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        wait_until(lambda: page.wizard is not None, "a new registration after Ctrl+N")
        return page

    # ------------------------------------------------------------------ the wizard
    def fill_wizard(self, page: CapturePage, answers: Mapping[str, Any], *, duplicate_id: bool = False) -> None:
        """Every page of the form, in order, then the review."""
        view = page.wizard_view
        wizard = page.wizard
        assert wizard is not None
        first = self._shown(page)[0]
        wait_until(lambda: view.fields[first].contains_focus(), f"focus on the first question ({first})")
        keys_before = self.tally.nav_keys
        while not wizard.on_review:
            self.tally.pages.append(wizard.pages[wizard.page].name)
            left_at = self._fill_page(page, answers, duplicate_id=duplicate_id)
            started = left_at if left_at is not None else time.perf_counter()
            if left_at is None:
                self.press(Key.Key_Return)  # Enter on the page's last question: the next page
            if wizard.on_review:
                wait_until(lambda: QApplication.focusWidget() is view.next_button, "focus on Submit on the review")
            else:
                name = self._shown(page)[0]
                wait_until(view.fields[name].contains_focus, f"focus on the new page's first question {name!r}")
            self.tally.page_switch_ms.append((time.perf_counter() - started) * 1000)
        self.tally.wizard_nav_keys = self.tally.nav_keys - keys_before

    @staticmethod
    def _shown(page: CapturePage) -> list[str]:
        """The questions of the current page that apply and take an answer, in the form's order."""
        wizard = page.wizard
        assert wizard is not None
        return [
            row.name
            for row in wizard.visible_fields()
            if row.takes_answer
            and not row.read_only
            and not isinstance(page.wizard_view.fields.get(row.name), NoteField)
        ]

    def _fill_page(self, page: CapturePage, answers: Mapping[str, Any], *, duplicate_id: bool) -> float | None:
        """Answer the page's questions in order. When the last answer's key (an Enter choosing
        an option) already went on to the next page, the moment it was pressed; else None."""
        view = page.wizard_view
        wizard = page.wizard
        assert wizard is not None
        done: list[str] = []
        while True:
            shown = [name for name in self._shown(page) if name not in done]  # an answer may show more
            if not shown:
                return None
            name = shown[0]
            question = view.fields[name]
            self.expect_focus(f"question {name!r}", in_question(question))
            on_page = wizard.page
            started = time.perf_counter()  # an answer given by Enter leaves with this one key
            entered = self._answer(question, answers.get(name))
            done.append(name)
            self.tally.reached.append(name)
            self.tally.inputs += 1
            last = not [n for n in self._shown(page) if n not in done]
            if entered:
                if last or wizard.page != on_page:
                    return started
                continue  # Enter chose the option and went on to the next question
            if last:
                return None  # the caller's Enter goes on to the next page
            left = time.perf_counter()
            self.press(Key.Key_Tab)
            if name == "id_number" and duplicate_id:
                wait_until(
                    lambda: page.duplicate_watch.shown(MATCH_ID) is not None,
                    "the duplicate warning under the ID number",
                )
                self.tally.duplicate_hint_ms = (time.perf_counter() - left) * 1000

    def _answer(self, question: FieldWidget, value: object) -> bool:
        """Give `value` by keys; True when the key that gave it (Enter) also left the question."""
        if isinstance(question, ButtonsField):
            return self._choose_buttons(question, value)
        if isinstance(question, SearchField):
            self._choose_in_list(question, value)
        elif isinstance(question, TextField):
            self._type_answer(question, value)
        else:
            raise KeyboardScriptError(f"question {question.name!r}: no way to answer a {type(question).__name__}")
        return False

    def _type_answer(self, question: TextField, value: object) -> None:
        text = typed_text(question.row.type, question.name, value)
        if question.edit.text() == text:
            return  # already there (a default): passed with Tab
        if question.edit.text() and question.edit.selectedText() != question.edit.text():
            raise KeyboardScriptError(
                f"question {question.name!r}: its text {question.edit.text()!r} is not selected on Tab"
            )
        self.type_text(text)

    def _choose_buttons(self, question: ButtonsField, value: object) -> bool:
        wanted = set(value) if isinstance(value, list) else ({value} if isinstance(value, str) else set())
        buttons = list(question.buttons.values())
        names = list(question.buttons)
        leave_with_enter = False
        if not question.multiple and value is not None and question.value() != value:
            if (
                question.value() is None
                and self.focused() is question.buttons[str(value)]
                and set(names) != {"yes", "no"}  # a yes/no answer (consent) is never given by Enter
            ):
                self.press(Key.Key_Return)  # nothing chosen yet: Enter takes this option and goes on
                leave_with_enter = True
            else:
                self.press_digit(names.index(str(value)) + 1)
        elif question.multiple:
            for index, name in enumerate(names):
                if (name in wanted) != buttons[index].isChecked():
                    self.press_digit(index + 1)
        got = question.value()
        expected: object = sorted(wanted) if question.multiple else (value or None)
        if (sorted(got) if isinstance(got, list) else got) != (expected or None):
            raise KeyboardScriptError(f"question {question.name!r}: keys chose {got!r}, not {value!r}")
        return leave_with_enter

    def _choose_in_list(self, question: SearchField, value: object) -> None:
        if question.value() == value or value is None:
            return  # the branch's own province, say: passed with Tab
        choice = next((c for c in question._choices if c.name == value), None)
        if choice is None:
            shown = len(question._choices)
            raise KeyboardScriptError(
                f"question {question.name!r}: {value!r} is not among its {shown} options when focus reaches it"
            )
        label = choice.label("en") or choice.label("km")
        letters = label
        for end in range(2, len(label) + 1):
            if not label[end - 1].isspace() and question.resolve(label[:end]) == value:
                letters = label[:end]
                break
        self.type_text(letters)
        # Tab (pressed by the caller) takes the option these letters name; check it here first.
        if question.resolve(letters) != value:
            raise KeyboardScriptError(f"question {question.name!r}: {letters!r} does not name {value!r}")

    # ------------------------------------------------------------------ submit and receipt
    def submit(self, page: CapturePage, *, reason: str = "Second stall of the same owner at another market") -> None:
        """Enter on Submit; a duplicate warning is answered with `reason` and “Submit anyway”."""
        view = page.wizard_view
        self.expect_focus("Submit on the review", lambda w: w is view.next_button)
        started = time.perf_counter()
        self.press(Key.Key_Return)
        wait_until(
            lambda: page.duplicate_dialog is not None or page.views.currentWidget() is page.submitted_view,
            "the duplicate warning or the submitted view",
        )
        dialog = page.duplicate_dialog
        if dialog is not None:
            wait_until(lambda: QApplication.focusWidget() is dialog.reason, "focus in the warning's reason box")
            self.type_text(reason)
            started = time.perf_counter()
            self.press(Key.Key_Return)  # with a reason written, Enter submits anyway
            wait_until(lambda: not dialog.isVisible(), "the duplicate warning to close")
            reactivate(page.window())
        submitted = page.submitted_view
        wait_until(lambda: QApplication.focusWidget() is submitted.print_button, "focus on “Print receipt…”")
        self.tally.record_id = submitted.record_id
        self.tally.reference = submitted.reference.text()
        self._submit_started = started

    def print_receipt(self, controller: AppController, pdf_exists: Callable[[], bool]) -> None:
        """Enter on “Print receipt…”, then Ctrl+Shift+S (Save as PDF), which closes it once saved."""
        from branch_client.ui.receipt_dialog import ReceiptDialog

        self.press(Key.Key_Return)

        def shown() -> ReceiptDialog | None:
            found = [d for d in controller.window.findChildren(ReceiptDialog) if d.isVisible() and d.data is not None]
            return found[0] if found else None

        wait_until(lambda: shown() is not None and owning_dialog(QApplication.focusWidget()) is shown(), "the receipt")
        self.tally.submit_to_receipt_ms = (time.perf_counter() - self._submit_started) * 1000
        dialog = shown()
        assert dialog is not None
        self.expect_focus("“Print…”, the receipt's default", lambda w: w is dialog.print_button)
        self.press(Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        wait_until(pdf_exists, "the receipt's PDF")
        wait_until(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), "the receipt to close once saved")
        reactivate(controller.window)
        wait_until(lambda: QApplication.focusWidget() is not None, "focus back in the main window")

    def _tab_to(self, target: QWidget, what: str, *, backwards: bool = False) -> None:
        """Tab (Shift+Tab) through a dialog until `target` has focus; every stop stays in it."""
        dialog = owning_dialog(target)
        for _ in range(MAX_DIALOG_STOPS):
            if QApplication.focusWidget() is target:
                return
            if backwards:
                self.press(Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
            else:
                self.press(Key.Key_Tab)
            self.expect_focus(f"a widget of the dialog on the way to {what}", lambda w: owning_dialog(w) is dialog)
        self.expect_focus(what, lambda w: w is target)

    # ------------------------------------------------------------------ all of it
    def register(
        self,
        controller: AppController,
        credentials: tuple[str, str] | None,
        answers: Mapping[str, Any],
        pdf_exists: Callable[[], bool],
        *,
        duplicate_id: bool = False,
    ) -> Tally:
        """Sign in, one registration, its receipt: the whole desk by keyboard. With no
        `credentials` the teller is signed in already: the next owner in the queue."""
        try:
            if credentials:
                self.sign_in(controller, *credentials)
            page = self.start_registration(controller)
            self.fill_wizard(page, answers, duplicate_id=duplicate_id)
            self.submit(page)
            self.print_receipt(controller, pdf_exists)
        finally:
            self.close()
        if self.tally.mouse_actions:
            raise KeyboardScriptError(f"{self.tally.mouse_actions} mouse press(es) in a keyboard-only run")
        return self.tally


def reactivate(window: QWidget) -> None:
    """Give `window` back the keyboard after a dialog over it closed, as a desktop's window
    manager does (the offscreen platform of the tests and benchmarks leaves no window active)."""
    if QApplication.activeWindow() is None:
        window.activateWindow()
    wait_until(lambda: QApplication.activeWindow() is window, "the main window to be active again")


def owning_dialog(widget: QWidget | None) -> QWidget | None:
    """The window (dialog) `widget` is in."""
    return widget.window() if widget is not None else None


__all__ = ["KeyboardScriptError", "KeyboardTeller", "MouseWatch", "Tally", "describe", "typed_text", "wait_until"]
