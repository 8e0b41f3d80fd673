"""The wizard on screen: one page per group of the form, then the review.

It displays a `forms.wizard.Wizard` and passes what the teller does back to it; the
capture page saves drafts and submits. Keyboard first: Tab / Shift+Tab go through the
questions of the page in the order they are shown and then to Next, never to the sidebar or
the footer's other buttons (a stray Space must not leave the form); a group of choices is one
stop moved through with the arrow keys. Enter for the next question (the next page after the
last), Page Down / Page Up between pages, Ctrl+S to save now, Ctrl+W to save and close,
Ctrl+Enter to submit from the review.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate
from branch_client.ui.capture.fields import ButtonsField, FieldWidget, NoteField, SearchField, TextField, make_field
from branch_client.ui.capture.review import ReviewView
from branch_client.ui.widgets import local_shortcut
from forms.display import currency_question
from forms.owner_language import owner_languages
from forms.wizard import Wizard

CONTENT_WIDTH = 680
# A step's room around its title: the style's padding (10 px each side) and margin, and a little air.
STEP_PADDING = 26


class WizardView(QWidget):
    """Header (title, steps, completeness), the pages, and the navigation buttons.

    Signals:
        answer_changed(str): the teller changed this answer (the wizard holds it already).
        page_changed(int): another page is shown.
        submit_requested(): Submit on the review.
        save_requested(): Ctrl+S or “Save draft”.
        close_requested(): back to the start view (the draft is kept).
    """

    answer_changed = Signal(str)
    page_changed = Signal(int)
    submit_requested = Signal()
    save_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wizard: Wizard | None = None
        self.fields: dict[str, FieldWidget] = {}
        self.page_widgets: list[QScrollArea] = []
        self.step_buttons: list[QToolButton] = []
        self._unpolished: list[QScrollArea] = []  # pages whose style is applied in idle time
        self._banner = ""
        self._heading = ""

        self.title = QLabel()
        self.title.setObjectName("wizardTitle")
        self.title.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setObjectName("remarkText")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("completeness")
        self.progress.setRange(0, 1)
        self.progress.setFixedWidth(200)
        self.progress.setTextVisible(True)
        self.steps = QHBoxLayout()
        self.steps.setSpacing(2)
        self.stack = QStackedWidget()
        self.review = ReviewView()
        self.review.edit_requested.connect(self._edit)

        # Only Next is a Tab stop and the default: Back, Save draft and Save and close have
        # their keys (Page Up, Ctrl+S, Ctrl+W), so a Space meant for a choice never leaves.
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.go_back)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close_requested)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_requested)
        for button in (self.back_button, self.close_button, self.save_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
        self.status = QLabel()
        self.status.setObjectName("saveStatus")
        self.status.setWordWrap(True)  # a long message never widens the page
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.next_button = QPushButton()
        self.next_button.setObjectName("primaryButton")
        self.next_button.setAutoDefault(True)
        self.next_button.clicked.connect(self._next_clicked)
        self.next_button.installEventFilter(self)  # on the review, the arrows scroll it

        header = QFrame()
        header.setObjectName("wizardHeader")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignVCenter)
        steps_row = QHBoxLayout()
        steps_row.addLayout(self.steps)
        steps_row.addStretch(1)
        head = QVBoxLayout(header)
        head.setContentsMargins(24, 14, 24, 8)
        head.setSpacing(8)
        head.addLayout(top)
        head.addLayout(steps_row)
        head.addWidget(self.banner)
        footer = QFrame()
        footer.setObjectName("wizardFooter")
        nav = QHBoxLayout(footer)
        nav.setContentsMargins(24, 8, 24, 8)
        nav.addWidget(self.close_button)
        nav.addWidget(self.save_button)
        nav.addWidget(self.status, 1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(footer)

        self.shortcuts = {
            "next": local_shortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.go_next),
            "back": local_shortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.go_back),
            "save": local_shortcut(QKeySequence.StandardKey.Save, self, self.save_requested.emit),
            "close": local_shortcut("Ctrl+W", self, self.close_requested.emit),
            "submit": local_shortcut("Ctrl+Return", self, self._submit_shortcut),
            "submit_keypad": local_shortcut("Ctrl+Enter", self, self._submit_shortcut),
        }
        self.retranslate()

    # ------------------------------------------------------------------ building
    def load(self, wizard: Wizard, *, heading: str = "", banner: str = "") -> None:
        """Show `wizard` (a new or resumed record): one page per form page, then the review."""
        self.clear()
        self.wizard = wizard
        self._heading = heading
        self._banner = banner
        lang = wizard.lang
        form = wizard.form
        for index, page in enumerate(form.pages):
            content = QWidget()
            content.setObjectName("wizardPage")
            column = QVBoxLayout(content)
            column.setContentsMargins(24, 16, 24, 24)
            column.setSpacing(6)
            page_title = QLabel(page.label(lang))
            page_title.setObjectName("pageTitle")
            page_title.setWordWrap(True)
            column.addWidget(page_title)
            for row in page.rows:
                if not (row.takes_answer or row.type == "note") or row.read_only:
                    continue
                field = make_field(row, lang, form.choices(row.name, wizard.answers) if row.list_name else ())
                field.set_value(wizard.answer(row.name))
                field.changed.connect(self._field_changed)
                field.left.connect(self._field_left)
                field.advance.connect(self._field_advance)
                column.addWidget(field)
                self.fields[row.name] = field
            column.addStretch(1)
            outer = QWidget()
            outer.setObjectName("pageOuter")
            centred = QHBoxLayout(outer)
            centred.setContentsMargins(0, 0, 0, 0)
            content.setMaximumWidth(CONTENT_WIDTH)
            centred.addWidget(content, 3)
            centred.addStretch(1)
            scroll = QScrollArea()
            scroll.setObjectName(f"page_{page.name}")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(outer)
            self.stack.addWidget(scroll)
            self.page_widgets.append(scroll)
            step = QToolButton()
            step.setObjectName("stepButton")
            step.setCheckable(True)
            step.setAutoRaise(True)
            step.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            step.setCursor(Qt.CursorShape.PointingHandCursor)
            step.clicked.connect(lambda _checked=False, i=index: self.show_page(i))
            self.steps.addWidget(step)
            self.step_buttons.append(step)
        self.stack.addWidget(self.review)
        review_step = QToolButton()
        review_step.setObjectName("stepButton")
        review_step.setCheckable(True)
        review_step.setAutoRaise(True)
        review_step.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        review_step.clicked.connect(lambda _checked=False: self.show_page(wizard.review_page))
        self.steps.addWidget(review_step)
        self.step_buttons.append(review_step)
        self.refresh()
        self.retranslate()
        self.show_page(wizard.page, focus=True)
        self._unpolished = list(self.page_widgets)
        QTimer.singleShot(0, self, self._polish_next_page)

    def _polish_next_page(self) -> None:
        """Apply the style sheet to the pages not shown yet, one per turn of the event loop
        while the teller types the first answers, so going on to a page only lays it out and
        paints it (polishing a page on its first show costs ~20 ms of a page switch)."""
        while self._unpolished:
            scroll = self._unpolished.pop(0)
            if shiboken6.isValid(scroll) and not scroll.isVisible():
                scroll.ensurePolished()
                break
        if self._unpolished:
            QTimer.singleShot(0, self, self._polish_next_page)

    def clear(self) -> None:
        """Forget the current record's widgets."""
        self.wizard = None
        self.fields = {}
        for scroll in self.page_widgets:
            self.stack.removeWidget(scroll)
            scroll.hide()
            scroll.deleteLater()
        self.page_widgets = []
        self.stack.removeWidget(self.review)
        for step in self.step_buttons:
            self.steps.removeWidget(step)
            step.hide()
            step.deleteLater()
        self.step_buttons = []

    # ------------------------------------------------------------------ what the teller does
    def _field_changed(self, name: str, value: object) -> None:
        wizard = self.wizard
        if wizard is None:
            return
        if wizard.set_answer(name, value):
            self.refresh()
            self.answer_changed.emit(name)

    def _field_left(self, name: str) -> None:
        wizard = self.wizard
        if wizard is None or name not in wizard.form.fields or wizard.form.fields[name].type == "note":
            return
        wizard.touch(name)
        field = self.fields.get(name)
        if field is not None:
            field.set_error(wizard.error(name))

    def _field_advance(self, name: str) -> None:
        """Enter: the next question that is shown on this page, else the next page."""
        wizard = self.wizard
        if wizard is None:
            return
        names = [row.name for row in wizard.visible_fields() if row.takes_answer]
        if name in names and names.index(name) + 1 < len(names):
            self.focus_field(names[names.index(name) + 1])
        else:
            self.go_next()

    def go_next(self) -> None:
        """The next page that applies (the review after the last); Submit on the review."""
        wizard = self.wizard
        if wizard is None:
            return
        if wizard.on_review:
            return
        target = wizard.next_page()
        if target is not None:
            self.show_page(target, focus=True)

    def go_back(self) -> None:
        """The previous page that applies."""
        wizard = self.wizard
        if wizard is None:
            return
        target = wizard.previous_page()
        if target is not None:
            self.show_page(target, focus=True)

    def _submit_shortcut(self) -> None:
        if self.wizard is not None and self.wizard.on_review:
            self.submit_requested.emit()

    def _next_clicked(self) -> None:
        if self.wizard is not None and self.wizard.on_review:
            self.submit_requested.emit()
        else:
            self.go_next()

    def _edit(self, page: int, name: str) -> None:
        self.show_page(page, focus=not name)
        if name:
            self.focus_field(name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Up and Down on Submit scroll the review, so it is read by keyboard alone."""
        if (
            watched is self.next_button
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and self.wizard is not None
            and self.wizard.on_review
        ):
            self.review.scroll_by(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ Tab order
    def tab_stops(self) -> list[QWidget]:
        """Where Tab stops on the page shown, in order: each question that applies, top to
        bottom (a group of choices once, a duplicate's Compare after its question), then
        Next. On the review, Next alone."""
        wizard = self.wizard
        stops: list[QWidget] = []
        if wizard is not None and not wizard.on_review:
            for row in wizard.visible_fields():
                field = self.fields.get(row.name)
                if field is not None and field.isVisibleTo(self):
                    stops += field.tab_stops()
        if self.next_button.isEnabled():
            stops.append(self.next_button)
        return stops

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt's names
        """Tab and Shift+Tab within the form (see `tab_stops`), wrapping from Next to the first
        question. The question being left takes its answer first, so a list of the address
        cascade it enables (district after province) is a stop by the time focus moves."""
        if self.wizard is None:
            return super().focusNextPrevChild(next)
        current = QApplication.focusWidget()
        left = self._field_holding(current)
        if left is not None:
            left.commit()
        stops = self.tab_stops()
        if not stops:
            return super().focusNextPrevChild(next)
        here = self._stop_index(stops, current, left)
        step = 1 if next else -1
        target = (stops[0] if next else stops[-1]) if here is None else stops[(here + step) % len(stops)]
        target.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        wizard = self.wizard
        if not wizard.on_review and target is not self.next_button:
            self.page_widgets[wizard.page].ensureWidgetVisible(target, 0, 60)
        return True

    def _field_holding(self, widget: QWidget | None) -> FieldWidget | None:
        if widget is None:
            return None
        for field in self.fields.values():
            if field.isAncestorOf(widget):
                return field
        return None

    @staticmethod
    def _stop_index(stops: list[QWidget], current: QWidget | None, field: FieldWidget | None) -> int | None:
        """The stop focus is at: the widget itself, one that holds it (a list's line edit), or
        else the first stop of the question holding it (a choice that is not the group's stop)."""
        if current is None:
            return None
        for index, stop in enumerate(stops):
            if stop is current or stop.isAncestorOf(current):
                return index
        if field is not None:
            for index, stop in enumerate(stops):
                if field.isAncestorOf(stop):
                    return index
        return None

    # ------------------------------------------------------------------ display
    def show_page(self, page: int, *, focus: bool = True) -> None:
        """Show `page` (the review is `wizard.review_page`) and put focus on its first question."""
        wizard = self.wizard
        if wizard is None:
            return
        previous = wizard.page
        wizard.go_to(page)
        if wizard.on_review:
            self.review.show_wizard(wizard, banner=self._banner)
            self.stack.setCurrentWidget(self.review)
        else:
            self.stack.setCurrentWidget(self.page_widgets[wizard.page])
        self._update_navigation()
        if focus:
            if wizard.on_review:
                self.next_button.setFocus()
            else:
                shown = [row.name for row in wizard.visible_fields() if row.takes_answer]
                first_error = next((n for n in shown if wizard.error(n)), None)
                if first_error or shown:
                    self.focus_field(first_error or shown[0])
        if wizard.page != previous:
            self.page_changed.emit(wizard.page)

    def focus_field(self, name: str) -> None:
        """Show the page of `name`, scroll to it and put the cursor in it."""
        wizard = self.wizard
        field = self.fields.get(name)
        if wizard is None or field is None:
            return
        page = wizard.page_of(name)
        if page is not None and page != wizard.page:
            self.show_page(page, focus=False)
        target = field.focus_widget()
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)
        scroll = self.page_widgets[wizard.page] if not wizard.on_review else None
        if scroll is not None:
            scroll.ensureWidgetVisible(field, 0, 40)

    def refresh(self) -> None:
        """Relevance, filtered options, values dropped by the cascade, messages, completeness."""
        wizard = self.wizard
        if wizard is None:
            return
        relevant = wizard.relevance()
        errors = wizard.errors()
        for name, field in self.fields.items():
            field.setVisible(relevant.get(name, False))
            row = field.row
            if row.choice_filter is not None:
                field.set_choices(wizard.form.choices(name, wizard.answers))
            if isinstance(field, SearchField | ButtonsField) and field.value() != wizard.answer(name):
                field.set_value(wizard.answer(name))
            field.set_error(errors.get(name))
            field.set_remark(wizard.remark(name))
            if isinstance(field, NoteField):
                self._show_to_owner(field)
            elif isinstance(field, TextField) and field.is_amount:
                currency = currency_question(wizard.form, row)
                field.set_currency(wizard.answer(currency) if currency else None)
        self._update_navigation()

    def _show_to_owner(self, note: NoteField) -> None:
        """A note is read by the owner (the consent statement): in the language she reads,
        both one after the other when she reads both, whatever the teller's UI language."""
        wizard = self.wizard
        if wizard is None:
            return
        texts = [note.row.label(lang) for lang in owner_languages(wizard.answers)]
        note.text.setText("\n\n".join(text for text in texts if text))

    def _update_progress(self) -> None:
        """The required questions that apply, answered and in all (a default counts once its
        page is passed), in a bar as wide as its text in either language."""
        wizard = self.wizard
        if wizard is None:
            return
        answered, required = wizard.progress()
        self.progress.setRange(0, max(required, 1))
        self.progress.setValue(answered if required else 1)
        text = self.progress.format().replace("%v", str(answered)).replace("%m", str(required))
        self.progress.setFixedWidth(max(160, self.progress.fontMetrics().horizontalAdvance(text) + 28))

    def _update_navigation(self) -> None:
        wizard = self.wizard
        if wizard is None:
            return
        self._update_progress()
        names = [self._step_name(index) for index in range(len(self.step_buttons))]
        labels = [f"{index + 1}. {name}" for index, name in enumerate(names)]
        widths = self._step_widths(labels)
        for index, step in enumerate(self.step_buttons):
            step.setChecked(index == wizard.page)
            # Every step shows its whole title when the titles fit the row (they do at
            # 1366×768, in Khmer too); on a narrower window the longest ones are shortened
            # first, and the tooltip gives each in full.
            metrics = step.fontMetrics()
            step.setText(metrics.elidedText(labels[index], Qt.TextElideMode.ElideRight, widths[index] - STEP_PADDING))
            step.setToolTip(names[index])
            step.setEnabled(wizard.page_applies(index))
            has_error = index < wizard.review_page and bool(wizard.page_errors(index))
            if bool(step.property("problem")) != has_error:
                step.setProperty("problem", has_error)
                step.style().unpolish(step)
                step.style().polish(step)
        self.back_button.setEnabled(wizard.previous_page() is not None)
        self.next_button.setText(
            translate("Capture", "Submit registration") if wizard.on_review else translate("Capture", "Next") + "  ›"
        )

    def _step_widths(self, labels: list[str]) -> list[int]:
        """Each step's width in the header's row: the width of its title (bold, as the step
        shown is), when all fit; else the widest are cut to a common width, the others kept
        whole (never below 60 pixels)."""
        count = max(len(labels), 1)
        available = max(self.width(), 600) - 48 - self.steps.spacing() * count
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        # +2: the advance is rounded, and eliding measures the unrounded width.
        needs = [metrics.horizontalAdvance(label) + STEP_PADDING + 2 for label in labels]
        if sum(needs) <= available:
            return needs
        cap, left = available // count, available
        for placed, need in enumerate(sorted(needs)):
            share = left // (count - placed)
            if need > share:
                cap = share
                break
            left -= need
        return [max(min(need, cap), 60) for need in needs]

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._update_navigation()

    def _step_name(self, index: int) -> str:
        wizard = self.wizard
        if wizard is None:
            return ""
        if index < len(wizard.pages):
            return wizard.pages[index].label(wizard.lang)
        return translate("Capture", "Review")

    def set_status(self, text: str, *, problem: bool = False) -> None:
        """The line beside the buttons: when the draft was saved, or why it was not."""
        self.status.setText(text)
        self.status.setProperty("problem", problem)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def set_heading(self, heading: str, banner: str = "") -> None:
        """The title above the steps, and a note under them (a correction's reason)."""
        self._heading, self._banner = heading, banner
        self.retranslate()

    def retranslate(self) -> None:
        wizard = self.wizard
        self.title.setText(self._heading or translate("Capture", "New registration"))
        self.banner.setText(self._banner)
        self.banner.setVisible(bool(self._banner))
        self.back_button.setText("‹  " + translate("Capture", "Back"))
        self.close_button.setText(translate("Capture", "Save and close") + "  (Ctrl+W)")
        self.save_button.setText(translate("Capture", "Save draft") + "  (Ctrl+S)")
        # %v and %m: the required questions that apply, answered and in all.
        self.progress.setFormat(translate("Capture", "%v of %m required answered"))
        self.back_button.setToolTip(translate("Capture", "Previous page (Page Up)"))
        self.next_button.setToolTip(translate("Capture", "Next page (Page Down)"))
        if wizard is None:
            return
        lang = wizard.lang
        for field in self.fields.values():
            field.retranslate(lang)
        for index, scroll in enumerate(self.page_widgets):
            title = scroll.findChild(QLabel, "pageTitle")
            if title is not None:
                title.setText(wizard.pages[index].label(lang))
        self.refresh()
        if wizard.on_review:
            self.review.show_wizard(wizard, banner=self._banner)
