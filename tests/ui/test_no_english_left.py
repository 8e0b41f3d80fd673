"""No English left in Khmer, and nothing cut short, at 1366×768.

A branch with records in every state a person meets (accepted by a real centre on loopback,
rejected by its rules, sent back for correction and rejected by its operator, waiting, held
for review, returned, withdrawn, a correction, drafts, a disabled and a locked account) is
opened in the real window at the size of a maximised window on the branch PC, in Khmer with
the real translator and the app's style sheet, as a manager and as a teller. Every page of the
workspace's navigation is opened (whatever pages there are: the test walks
`Workspace.nav_keys()`), with what a person opens from each: a record of every state, the
receipt, the capture wizard's pages and review, the duplicate warning and the comparison, the
rejections' tabs and their questions, the accounts' dialogs, the guide, About and *Change my
password*. The start screens (set-up, recovery key, sign-in, recovery) are read too.

Every visible text is read (labels, buttons, group titles, tabs, combo box items, table
headers, cells and their tooltips, tooltips, placeholders, window titles, menus, text
browsers) and checked:

- **No Latin word** that is not a name, a code, a number or a unit: an English leftover, a
  raw code (an action, a reason, a field name, a form id), an English month or AM/PM. Names
  come from the branch's own data (what was typed into the registrations and drafts, the
  gazetteer's romanised places, usernames, the branch's name); the few words English by
  nature are `ALLOWED_WORDS`, the proper names and codes `CODES`. A date written ISO or
  month first fails too.
- **Nothing elided or cut**: a one-line label narrower than its text, a wrapped label whose
  lines do not all fit, a button, a tab or a header section narrower than its text, a table
  cell narrower than its text (or, wrapping, lower than its lines), a table wider than its
  view, a text cut by the edge of a scroll area, or shortened with "…" with the whole only in
  its tooltip.

Dialogs that the app opens with `exec()` (and QMessageBox's static questions) are opened here
with `open()` instead: the modal calls are routed to a function that shows the dialog, reads
it and cancels it, so nothing blocks and the store is not changed.

The failure message lists each text with its page, the widget (class, object name and the
widgets around it) and what is wrong.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QTableView,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from branch_client.i18n import LANGUAGE_NAMES, Translator
from branch_client.paths import resources_dir
from branch_client.services import sync as sync_service
from branch_client.store import BranchDirectory, Draft, KnownError, Session
from central.runner import RunningCentre, start_centre
from forms import load_form
from sync.ids import uuid7_str
from tests.conftest import FAST_KDF, MANAGER, TELLER
from tests.sync.helpers import FAST_RETRY, run_pass, sample_answers, submit_new
from tests.ui.conftest import MakeController

#: A maximised window's inside on the branch PC's 1366×768 screen with Windows' 40-pixel
#: task bar: the room every page has.
MAXIMISED_1366 = (1366, 728)
BRANCH_CODE = "PNH-01"
BRANCH_NAME = "Phnom Penh — Psar Thmei"
#: Rows of a table read for its texts (the first page of a long list says it all).
MAX_ROWS = 120

# Words that stay in Latin letters in a Khmer UI because they are English by nature: the
# names of file kinds, codes printed on cards and notes, units after a number. Names and
# codes from the branch's data (owners, businesses, places, usernames, the branch) are
# allowed separately, read from the store and the gazetteer.
ALLOWED_WORDS = {
    "PDF",  # file kinds, named the same in every language: "រក្សាទុកជា PDF…"
    "CSV",
    "TIN",  # the tax identification number, as on the tax card (a form's label)
    "KHR",  # ISO currency codes beside the currency's name: "រៀល (KHR)"
    "USD",
    "mm",  # "80 mm": the receipt roll's width
    "kB",  # sizes and durations after a number (Sync's batch history: "1.7 kB", "84 ms")
    "MB",
    "GB",
    "ms",
    "https",  # the centre's address must start with it (Sync's enrolment)
}
# Proper names written in Latin letters in any language, and codes that are not words:
# CAM-IE (the national platform), the font and its licence (About), the names the guide
# gives as examples of a forgiving search ("Chia finds Chea, Daun Penh finds Doun Penh");
# references (PNH-01-2026-000123-A, a correction's /2), branch codes (PNH-01), CAM-IE
# numbers (CIE-2026-0000123), key names as printed on the keyboard (Ctrl+N, Page Down,
# Caps Lock), file patterns (*.pdf), web addresses (the centre's, the gazetteer's source),
# a key's fingerprint (hex in groups of four), a key's id (ck-…) and the recovery key
# (Crockford base-32 in groups of four, and its XXXX-… placeholder).
CODES = re.compile(
    r"\bCAM-IE\b|\bNoto Sans Khmer\b|\bSIL Open Font License\b|\b(?:Chia|Chea|Daun Penh|Doun Penh)\b"
    r"|\b[A-Z]{2,5}-\d{2}(?:-\d{4}-\d{3,}(?:-[0-9A-Z])?)?\b"
    r"|\bCIE-\d{4}-\d+\b"
    r"|\b(?:Ctrl|Alt|Shift)(?:\+(?:Ctrl|Alt|Shift|Enter|Return|Space|Tab|Esc|[A-Z0-9]|F\d{1,2}))*"
    r"|\bPage (?:Up|Down)\b|\b(?:Enter|Esc|Escape|Tab|Space|Caps Lock)\b"
    r"|\*\.[a-z]{2,4}\b"
    r"|\bhttps?://[^\s)>\]]+"
    r"|\b[0-9a-f]{4}(?: [0-9a-f]{4}){3,}\b"
    r"|\bck-[0-9a-f]{8,}\b"
    r"|\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){7}\b"
)
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Dates in a form the UI never shows: ISO (2026-11-24, with or without a time), or month
# first (11/24/2026). (The guide's "21/03/1985" is how a date may be typed: day first.)
WRONG_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/(?:1[3-9]|2\d|3[01])/\d{2,4}\b")


# --- the branch ------------------------------------------------------------------------


@dataclass
class Branch:
    """An enrolled branch with records in every state, its manager and a teller signed in."""

    directory: BranchDirectory
    centre: RunningCentre
    sessions: dict[str, Session]
    ids: dict[str, str]  # what a record is ("accepted", "rejected"…) -> its record id
    names: set[str] = field(default_factory=set, repr=False)  # Latin words of names and typed data


KHMER_REASON_RETURN = "លេខទូរស័ព្ទជារបស់អ្នកជិតខាង។ សូមសួរម្ចាស់ម្ដងទៀត។"
KHMER_REASON_WITHDRAW = "ម្ចាស់អាជីវកម្មបានសុំមិនចុះឈ្មោះ។"


def _enrolled(data_dir: Path, centre: RunningCentre) -> tuple[BranchDirectory, Session]:
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    session, _ = directory.create_branch(
        branch_code=BRANCH_CODE,
        branch_name=BRANCH_NAME,
        manager_username=MANAGER[0],
        manager_password=MANAGER[1],
    )
    code = centre.store.issue_enrolment_code(BRANCH_CODE, BRANCH_NAME)
    sync_service.enrol(session, centre.url, code, retry=FAST_RETRY)
    return directory, session


def _names(branch: Branch) -> None:
    """The words of what people typed (names, business names, addresses, numbers), the
    usernames and the branch's name: data, never a leftover."""
    form = load_form()
    typed = {row.name for row in form.rows if row.type == "text"}
    manager = branch.sessions["manager"]
    texts = [BRANCH_NAME, *(a.username for a in manager.accounts())]
    for (answers,) in manager.db.execute("SELECT answers FROM registrations"):
        texts += [str(v) for k, v in json.loads(answers).items() if k in typed and v]
    for (answers,) in manager.db.execute("SELECT answers FROM drafts"):
        texts += [str(v) for k, v in json.loads(answers).items() if k in typed and v]
    for choices in form.choice_lists.values():
        if choices.provider is not None:  # the gazetteer: places, romanised beside their Khmer
            texts += [choice.label("en") for choice in choices.items]
    for text in texts:
        branch.names.update(LATIN_WORD.findall(text))


@pytest.fixture(scope="module")
def branch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Branch]:
    """One branch for the module (the pages only read it; dialogs are cancelled)."""
    root = tmp_path_factory.mktemp("khmer-branch")
    with start_centre(root / "centre.db") as centre:
        directory = _accounts(root / "branch", centre)
        try:
            manager = directory.unlock(*MANAGER)  # after the wrong passwords: it sees the lock
            teller = directory.unlock(*TELLER)
            branch = Branch(directory, centre, {"manager": manager, "teller": teller}, {})
            try:
                _fill(branch)
                _names(branch)
                yield branch
            finally:
                teller.close()
                manager.close()
        finally:
            directory.release()


def _accounts(data_dir: Path, centre: RunningCentre) -> BranchDirectory:
    """The branch, enrolled, with a teller, a disabled account and one locked by wrong passwords."""
    directory, manager = _enrolled(data_dir, centre)
    try:
        manager.create_account(*TELLER)
        manager.create_account("dara", "teller-pass-2")
        manager.disable_account(next(a.id for a in manager.accounts() if a.username == "dara"))
        manager.create_account("vanna", "teller-pass-3")
    finally:
        manager.close()
    for _ in range(5):  # five in a row lock the account
        with pytest.raises(KnownError):
            directory.unlock("vanna", "not-the-password")
    return directory


def _fill(branch: Branch) -> None:
    directory, centre = branch.directory, branch.centre
    manager, teller = branch.sessions["manager"], branch.sessions["teller"]
    answers = sample_answers(14, seed=7)
    answers[1] = {**answers[1], "phone": "+85512"}  # too short: the centre's rules reject it
    answers[4] = {**answers[1], "phone": answers[4]["phone"]}  # the same owner again
    sent = submit_new(teller, answers[:6])
    assert run_pass(directory, manager).ok
    centre.store.decide(
        sent[2], "needs_correction", message_en="The ID card photo is unclear.", message_km="រូបថតអត្តសញ្ញាណប័ណ្ណមិនច្បាស់។"
    )
    centre.store.decide(
        sent[3], "rejected", message_en="This business is not informal.", message_km="អាជីវកម្មនេះមិនមែនក្រៅប្រព័ន្ធទេ។"
    )
    assert run_pass(directory, manager).ok
    ids = branch.ids
    ids.update(accepted=sent[0], rejected=sent[1], needs_correction=sent[2], rejected_by_operator=sent[3])
    ids["twin"] = sent[4]  # same ID number as the rejected one: a duplicate of its correction
    [ids["waiting"]] = submit_new(teller, [answers[6]])
    manager.set_policy(dataclasses.replace(manager.policy, review_before_sync=True))
    held = submit_new(teller, answers[7:11], submitted_at="2026-11-23T03:15:00+00:00")
    held += submit_new(teller, answers[11:13])
    ids.update(held=held[0], held_other=held[1], returned=held[2], withdrawn=held[3])
    manager.return_to_teller(held[2], KHMER_REASON_RETURN)
    manager.withdraw(held[3], KHMER_REASON_WITHDRAW)
    [ids["correction"]] = submit_new(teller, [answers[13]], supersedes=sent[3])
    form = load_form()
    for session, seed in ((teller, 31), (manager, 32)):
        draft_answers = {
            k: v
            for k, v in sample_answers(1, seed=seed)[0].items()
            if k in ("family_name_km", "given_name_km", "sex", "phone")
        }
        session.save_draft(
            Draft(
                id=uuid7_str(),
                account_id=session.account.id,
                form_id=form.form_id,
                form_version=form.version,
                answers=draft_answers,
                page=0,
                completeness=0.2,
                created_at="2026-11-24T02:00:00+00:00",
            )
        )


# --- reading what is on screen ---------------------------------------------------------


def might_be_rich_text(text: str) -> bool:
    """Qt's own guess (QLabel's AutoText decides with it)."""
    from PySide6 import QtGui

    return bool(QtGui.Qt.mightBeRichText(text))  # a QtGui function on the QtCore namespace


def _plain(text: str) -> str:
    """What a label shows: rich text as its plain text."""
    if might_be_rich_text(text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _shown(text: str) -> str:
    """What a button, a tab or a menu item shows: its text without the mnemonic's "&"."""
    return re.sub(r"&(.)", r"\1", text)


def _excerpt(text: str, words: list[str]) -> str:
    """A long text (the guide) cut down to the places of `words`."""
    if len(text) <= 240:
        return text
    parts = []
    for word in list(dict.fromkeys(words))[:3]:
        at = text.find(word)
        parts.append(text[max(0, at - 40) : at + len(word) + 40].replace("\n", " "))
    return " … ".join(parts)


def _shortened(metrics: QFontMetrics, shown: str, tooltip: str) -> bool:
    """Whether `shown` is `tooltip` (or "N. " and it) elided to fit: a "…" that cuts a text,
    not the "…" of a button that opens a dialog ("Print…")."""
    if not tooltip:
        return False
    number = re.match(r"\d+\. ", shown)
    whole = (number.group(0) if number else "") + tooltip
    if len(whole) <= len(shown):
        return False
    width = metrics.horizontalAdvance(shown)
    return any(metrics.elidedText(whole, Qt.TextElideMode.ElideRight, w) == shown for w in range(width - 4, width + 8))


def _describe(widget: QObject) -> str:
    """The widget, by its class and name, and the named or own-class widgets above it."""
    parts: list[str] = []
    node: QObject | None = widget
    while node is not None and len(parts) < 4:
        own = type(node).__module__.startswith("branch_client")
        if node is widget or own or node.objectName():
            name = type(node).__name__
            parts.append(f"{name}#{node.objectName()}" if node.objectName() else name)
        node = node.parent()
    return " < ".join(parts)


@dataclass
class Report:
    """Everything found wrong, by place, widget and text."""

    names: set[str] = field(repr=False)  # Latin words of names and typed data: allowed
    where: str = ""
    latin: list[str] = field(default_factory=list)
    elided: list[str] = field(default_factory=list)
    seen: int = 0  # texts read, to know the walk saw anything at all
    _seen_texts: set[tuple[str, str]] = field(default_factory=set, repr=False)

    # --- words -----------------------------------------------------------------------

    def text(self, widget: QObject, kind: str, text: str | None) -> None:
        """Check one visible text for Latin words that are not names, codes or units."""
        if not text or not text.strip():
            return
        self.seen += 1
        left = CODES.sub(" ", text)
        wrong = [w for w in LATIN_WORD.findall(left) if w not in ALLOWED_WORDS and w not in self.names]
        dates = WRONG_DATE.findall(CODES.sub(" ", text))
        if not wrong and not dates:
            return
        key = (text, _describe(widget))
        if key in self._seen_texts:
            return
        self._seen_texts.add(key)
        what = ", ".join(wrong + [f"date {d}" for d in dates])
        self.latin.append(f"[{self.where}] {_describe(widget)} {kind}: {_excerpt(text, wrong + dates)!r} ({what})")

    def cut(self, widget: QObject, kind: str, text: str, need: int, room: int) -> None:
        entry = f"[{self.where}] {_describe(widget)} {kind}: {text!r} needs {need} px, has {room}"
        if entry not in self.elided:
            self.elided.append(entry)

    # --- walking a window ------------------------------------------------------------

    def window(self, top: QWidget, where: str) -> None:
        """Read every visible widget of the window `top` (a main window or a dialog)."""
        self.where = where
        QApplication.processEvents()
        if top.isWindow():
            self.text(top, "window title", top.windowTitle())
        if isinstance(top, QMainWindow):
            self._menus(top)
        for widget in [top, *top.findChildren(QWidget)]:
            if widget.isVisible() and widget.window() is top:
                self._widget(widget)

    def _menus(self, window: QMainWindow) -> None:
        for action in window.menuBar().actions():
            self.text(window.menuBar(), "menu", _shown(action.text()))
            menu = action.menu()
            for item in menu.actions() if isinstance(menu, QMenu) else []:
                if item.text() in LANGUAGE_NAMES.values():
                    continue  # the language menu names each language in itself: "English"
                if not item.isSeparator():
                    self.text(menu, "menu item", _shown(item.text()))
                    self.text(menu, "menu tooltip", item.toolTip() if item.toolTip() != item.text() else "")

    def _widget(self, widget: QWidget) -> None:
        self.text(widget, "tooltip", widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            seen = widget.visibleRegion().boundingRect()
            if not seen.isEmpty() and seen.width() < widget.width() - 1:  # a scroll area cuts its side
                self.cut(widget, "cut by the edge of its view", _shown(widget.text()), widget.width(), seen.width())
        # (A push button's "…" says that it opens a dialog: "Print…".)
        shown = widget.text() if isinstance(widget, QLabel | QToolButton) else ""
        if shown.endswith("…") and _shortened(widget.fontMetrics(), shown, _plain(widget.toolTip())):
            self.cut(widget, "shortened, whole only in its tooltip", shown, 0, widget.width())
        if isinstance(widget, QLabel):
            self._label(widget)
        elif isinstance(widget, QAbstractButton):
            self._button(widget)
        elif isinstance(widget, QGroupBox):
            self.text(widget, "group title", _shown(widget.title()))
        elif isinstance(widget, QTabBar):
            self._tabs(widget)
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                self.text(widget, "item", widget.itemText(i))
            self.text(widget, "placeholder", widget.placeholderText())
        elif isinstance(widget, QLineEdit):
            self.text(widget, "placeholder", widget.placeholderText())
            if widget.echoMode() == QLineEdit.EchoMode.Normal:  # a password shows dots
                self.text(widget, "text", widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            self.text(widget, "placeholder", widget.placeholderText())
            self.text(widget, "text", widget.toPlainText())
        elif isinstance(widget, QProgressBar) and widget.isTextVisible():
            self.text(widget, "progress", widget.text())
        elif isinstance(widget, QHeaderView):
            pass  # read with its view
        elif isinstance(widget, QAbstractItemView):
            self._view(widget)

    def _label(self, label: QLabel) -> None:
        text = label.text()
        if not text:
            return
        plain = _plain(text)
        self.text(label, "label", plain)
        room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
        if label.wordWrap():
            height = label.heightForWidth(label.width())
            if height > label.height() + 1:
                self.cut(label, "wrapped label (lines cut off below)", plain, height, label.height())
            return
        if might_be_rich_text(text) and label.textFormat() != Qt.TextFormat.PlainText:
            document = QTextDocument()
            document.setDefaultFont(label.font())
            document.setDocumentMargin(0)
            document.setHtml(text)
            need = int(document.idealWidth())
        else:
            metrics = label.fontMetrics()
            need = max(metrics.horizontalAdvance(line) for line in plain.split("\n"))
        if need > room + 1:
            self.cut(label, "label", plain, need, room)

    def _button(self, button: QAbstractButton) -> None:
        text = _shown(button.text())
        self.text(button, "button", text)
        if not text:
            return
        metrics = button.fontMetrics()
        need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        room = _button_room(button)
        if need > room + 1:
            self.cut(button, "button", text, need, room)

    def _tabs(self, bar: QTabBar) -> None:
        metrics = bar.fontMetrics()
        space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
        for i in range(bar.count()):
            if not bar.isTabVisible(i):
                continue
            text = _shown(bar.tabText(i))
            self.text(bar, "tab", text)
            self.text(bar, "tab tooltip", bar.tabToolTip(i))
            rect = bar.tabRect(i)
            need = metrics.horizontalAdvance(text) + space
            if rect.width() < need - 1 or rect.right() > bar.rect().right() + 1 or rect.left() < 0:
                self.cut(bar, "tab", text, need, rect.width())

    def _view(self, view: QAbstractItemView) -> None:
        model = view.model()
        if model is None:
            return
        root = view.rootIndex()
        columns = _shown_columns(view, model, root)
        header = view.horizontalHeader() if isinstance(view, QTableView) else None
        if isinstance(view, QTreeView):
            header = view.header()
        if header is not None and header.isVisible():
            margin = view.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
            for column in columns:
                title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                self.text(header, "header", title)
                need = header.fontMetrics().horizontalAdvance(title) + 2 * margin
                if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
                    need += view.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
                if title and header.sectionSize(column) < need:
                    self.cut(header, "header", title, need, header.sectionSize(column))
        if header is not None and header.length() > view.viewport().width() + 1 and model.rowCount(root):
            self.cut(
                view, "columns wider than the view (it scrolls sideways)", "", header.length(), view.viewport().width()
            )
        metrics = view.fontMetrics()
        for row in range(min(model.rowCount(root), MAX_ROWS)):
            if isinstance(view, QTableView) and view.isRowHidden(row):
                continue
            for column in columns:
                index = model.index(row, column, root)
                text = model.data(index, Qt.ItemDataRole.DisplayRole)
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                self.text(view, "cell tooltip", str(tip) if tip else "")
                if text is None or not str(text):
                    continue
                text = str(text)
                self.text(view, "cell", text)
                room = _cell_room(view, header, index, column)
                if isinstance(view, QTableView) and view.wordWrap():
                    box = metrics.boundingRect(QRect(0, 0, room, 10_000), int(Qt.TextFlag.TextWordWrap), text)
                    if box.width() > room or box.height() > view.rowHeight(row):
                        self.cut(view, f"wrapped cell ({row}, {column})", text, box.height(), view.rowHeight(row))
                    continue
                need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
                if need > room:
                    self.cut(view, f"cell ({row}, {column})", text, need, room)

    def assert_clean(self) -> None:
        assert self.seen > 100, "the walk read almost nothing: the window was not shown"
        problems = []
        if self.latin:
            problems.append("Latin words in the Khmer UI:\n  " + "\n  ".join(self.latin))
        if self.elided:
            problems.append("Texts elided or cut at 1366×768:\n  " + "\n  ".join(self.elided))
        assert not problems, "\n\n".join(problems)


def _shown_columns(view: QAbstractItemView, model: QAbstractItemModel, root: QModelIndex) -> list[int]:
    """The columns `view` shows."""
    if isinstance(view, QListView):
        return [view.modelColumn()]
    columns = range(model.columnCount(root))
    if isinstance(view, QTableView | QTreeView):
        return [c for c in columns if not view.isColumnHidden(c)]
    return list(columns)


def _cell_room(view: QAbstractItemView, header: QHeaderView | None, index: QModelIndex, column: int) -> int:
    """The width a cell's text has: its column less the delegate's margins and icon."""
    width = header.sectionSize(column) if header is not None else view.viewport().width()
    if isinstance(view, QTreeView):
        width = view.visualRect(index).width()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    icon = view.model().data(index, Qt.ItemDataRole.DecorationRole)
    if icon is not None:
        width -= view.iconSize().width() + 4
    return width - margin


def _button_room(button: QAbstractButton) -> int:
    """The width a button has for its text (the style's margins, padding and indicator out)."""
    style = button.style()
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        option.initFrom(button)
        option.text = button.text()
        option.icon = button.icon()
        option.iconSize = button.iconSize()
        option.features = QStyleOptionButton.ButtonFeature.None_
        rect = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
        room = rect.width() - 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option, button) // 2
        if not button.icon().isNull():
            room -= button.iconSize().width() + 4
        if button.menu() is not None:
            room -= style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
        return room
    if isinstance(button, QCheckBox | QRadioButton):
        option = QStyleOptionButton()
        option.initFrom(button)
        option.text = button.text()
        element = (
            QStyle.SubElement.SE_CheckBoxContents
            if isinstance(button, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonContents
        )
        rect = style.subElementRect(element, option, button)
        return min(rect.right(), button.rect().right()) - rect.left() - 1
    beside_icon = (
        isinstance(button, QToolButton) and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    )
    if beside_icon and not button.icon().isNull():
        return button.contentsRect().width() - button.iconSize().width() - 8
    return button.contentsRect().width() - 6


# --- opening what a person opens -------------------------------------------------------


@dataclass
class Dialogs:
    """The app's modal questions shown without blocking: each is opened, read and cancelled."""

    qtbot: QtBot
    report: Report
    opened: list[str] = field(default_factory=list)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Route `exec()` and QMessageBox's static questions through `show` (answering No,
        Cancel or OK), for the rest of the test."""
        dialogs = self

        def run(dialog: QDialog) -> int:
            dialogs.show(dialog, type(dialog).__name__)
            return int(QDialog.DialogCode.Rejected)

        def box(
            icon: QMessageBox.Icon, buttons: QMessageBox.StandardButton, answer: QMessageBox.StandardButton
        ) -> Callable[..., object]:
            def ask(parent: QWidget | None, title: str, text: str, *_args: object, **_kwargs: object) -> object:
                message = QMessageBox(icon, title, text, buttons, parent)
                dialogs.show(message, f"QMessageBox {title!r}")
                return answer

            return ask

        def about(parent: QWidget | None, title: str, text: str) -> None:
            message = QMessageBox(QMessageBox.Icon.NoIcon, title, text, QMessageBox.StandardButton.Ok, parent)
            dialogs.show(message, "About")

        yes_no = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        ok = QMessageBox.StandardButton.Ok
        monkeypatch.setattr(QDialog, "exec", run)
        monkeypatch.setattr(QMessageBox, "exec", run)
        monkeypatch.setattr(
            QMessageBox, "question", box(QMessageBox.Icon.Question, yes_no, QMessageBox.StandardButton.No)
        )
        monkeypatch.setattr(QMessageBox, "warning", box(QMessageBox.Icon.Warning, ok, ok))
        monkeypatch.setattr(QMessageBox, "information", box(QMessageBox.Icon.Information, ok, ok))
        monkeypatch.setattr(QMessageBox, "critical", box(QMessageBox.Icon.Critical, ok, ok))
        monkeypatch.setattr(QMessageBox, "about", about)

    def show(self, dialog: QDialog, name: str) -> None:
        """Open `dialog` without blocking, read it, close it."""
        where = self.report.where
        with self.qtbot.wait_exposed(dialog):
            dialog.open()
        self.report.window(dialog, f"{where} › {name}")
        self.report.where = where
        self.opened.append(name)
        dialog.reject()
        QApplication.processEvents()


def _select_row(view: QAbstractItemView, row: int = 0) -> None:
    """Select `row` of `view`, as a click does (its details show)."""
    model = view.model()
    if model is None or model.rowCount() <= row:
        return
    view.selectionModel().clearSelection()
    if isinstance(view, QTableView):
        view.selectRow(row)
    else:
        view.setCurrentIndex(model.index(row, 0))
    QApplication.processEvents()


def _top_dialogs(widget: QWidget, kind: type[QDialog]) -> list[QDialog]:
    """The dialogs of `kind` open over `widget`'s window."""
    return [d for d in widget.window().findChildren(kind) if d.isVisible()]


def visit_capture(ctx: Visit) -> None:
    from branch_client.ui.capture.page import CapturePage

    page = ctx.page
    assert isinstance(page, CapturePage)
    ctx.look("start")
    drafts = page.start_view
    view = next(iter(drafts.findChildren(QAbstractItemView)), None)
    if view is not None:
        _select_row(view)
        ctx.look("start, a draft selected")
        draft_id = drafts.selected_id()
        if draft_id:
            ctx.ask("discard a draft", lambda: page.discard(draft_id))  # asks first: cancelled
    assert page.start_correction(ctx.branch.ids["rejected"])
    wizard = page.wizard
    assert wizard is not None
    for number in range(len(wizard.pages)):
        if wizard.page_applies(number):
            page.wizard_view.show_page(number, focus=False)
            ctx.look(f"correction, page {number + 1}")
    page.wizard_view.show_page(wizard.review_page, focus=False)
    ctx.look("correction, review")
    page.compare(ctx.branch.ids["twin"])
    assert page.compare_dialog is not None
    ctx.dialog(page.compare_dialog, "compare")
    wizard.set_answer("phone", "+85512345678")  # put right: the record can be submitted
    page.wizard_view.refresh()
    page.submit()  # the twin shares the ID number: the duplicate warning opens
    assert page.duplicate_dialog is not None, page.wizard_view.status.text()
    ctx.dialog(page.duplicate_dialog, "duplicate warning")
    page.save_now()
    ctx.look("correction, draft saved")
    page.close_wizard()
    page.submitted_view.show_result(ctx.branch.ids["held"], "PNH-01-2026-000123", "ឡុង សុវណ្ណារី", held=True)
    page.views.setCurrentWidget(page.submitted_view)
    ctx.look("submitted (held for review)")
    page.submitted_view.show_result(ctx.branch.ids["waiting"], "PNH-01-2026-000124", "ឡុង សុវណ្ណារី", held=False)
    ctx.look("submitted")
    page.show_start()


def visit_registrations(ctx: Visit) -> None:
    from branch_client.ui.receipt_dialog import ReceiptDialog
    from branch_client.ui.registrations.page import RegistrationsPage

    page = ctx.page
    assert isinstance(page, RegistrationsPage)
    ctx.look("list")
    page.earlier_versions.setChecked(True)
    ctx.look("list with earlier versions")
    page.earlier_versions.setChecked(False)
    page.search_edit.setText("គគគគគ")
    page.apply_filter()
    ctx.look("nothing found")
    page.search_edit.clear()
    page.apply_filter()
    for state, record_id in ctx.branch.ids.items():
        page.show_record(record_id)
        ctx.look(f"record ({state})")
    page.show_list()
    ctx.workspace.show_receipt(ctx.branch.ids["accepted"])
    receipts = _top_dialogs(page, ReceiptDialog)
    assert receipts, "the receipt did not open"
    receipt = receipts[-1]
    assert isinstance(receipt, ReceiptDialog)
    ctx.look_at(receipt, "receipt")
    receipt.print_button.click()  # no printer here: it says so
    ctx.look_at(receipt, "receipt, no printer")
    receipt.layout_choice.setCurrentIndex(1)
    ctx.look_at(receipt, "receipt, 80 mm")
    receipt.reject()


def visit_rejections(ctx: Visit) -> None:
    from branch_client.ui.rejections.page import RejectionsPage

    page = ctx.page
    assert isinstance(page, RejectionsPage)
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        ctx.look(f"tab {tab + 1}")
        lst = page.tabs.widget(tab)
        table = getattr(lst, "table", None)
        if isinstance(table, QTableView):
            for row in range(table.model().rowCount()):
                _select_row(table, row)
                ctx.look(f"tab {tab + 1}, row {row + 1} selected")
    page.show_withdrawn.setChecked(True)
    page.tabs.setCurrentIndex(0)
    ctx.look("sent back, withdrawn shown")
    page.show_withdrawn.setChecked(False)
    if not page.is_manager:
        return
    page.tabs.setCurrentWidget(page.pending)
    page.pending.select_all()
    ctx.ask("approve several", page.approve_selected)
    ctx.ask("approve a day", page.approve_day)
    page.pending.select_ids([ctx.branch.ids["held"]])
    ctx.ask("return to the teller", page.return_selected)
    ctx.ask("withdraw a waiting one", lambda: page.withdraw(page.pending))
    ctx.ask("turn review off", page.policy_switch.click)  # registrations wait: asks what to do
    ctx.look("review tab after the questions")
    page.tabs.setCurrentWidget(page.sent_back)
    page.sent_back.select_ids([ctx.branch.ids["needs_correction"]])
    ctx.ask("withdraw a sent back one", lambda: page.withdraw(page.sent_back))


def visit_accounts(ctx: Visit) -> None:
    from branch_client.ui.accounts.page import AccountsPage

    page = ctx.page
    assert isinstance(page, AccountsPage)
    ctx.ask("new account", page.create_account)
    for username in (TELLER[0], "dara", "vanna"):
        page.select_username(username)
        ctx.look(f"{username} selected")
    page.select_username(TELLER[0])
    ctx.ask("reset password", page.reset_password)
    ctx.ask("disable", page.disable_account)
    page.select_username("dara")
    ctx.ask("enable", page.enable_account)
    ctx.ask("new recovery key", page.replace_recovery_key)


def visit_audit(ctx: Visit) -> None:
    from branch_client.ui.audit.page import AuditPage

    page = ctx.page
    assert isinstance(page, AuditPage)
    with ctx.qtbot.wait_signal(page.verified, timeout=10_000):
        page.verify_button.click()
    ctx.look("verified")
    page.dates.setChecked(True)
    ctx.look("dates")


def visit_indicators(ctx: Visit) -> None:
    page = ctx.page
    ctx.qtbot.wait_until(lambda: getattr(page, "indicators", None) is not None, timeout=10_000)
    ctx.look("figures")
    export = getattr(page, "export_register", None)
    if callable(export):
        ctx.ask("export the register", export)  # asks for the password first: cancelled


def visit_sync(ctx: Visit) -> None:
    page = ctx.page
    ctx.qtbot.wait_until(lambda: getattr(page, "snapshot", None) is not None, timeout=10_000)
    ctx.look("status")
    history = next((v for v in page.findChildren(QTableView) if v.isVisible() and v.model().rowCount()), None)
    if history is not None:
        _select_row(history)
        ctx.look("a batch selected")


VISITS: dict[str, Callable[[Visit], None]] = {
    "capture": visit_capture,
    "registrations": visit_registrations,
    "rejections": visit_rejections,
    "accounts": visit_accounts,
    "audit": visit_audit,
    "indicators": visit_indicators,
    "sync": visit_sync,
}


@dataclass
class Visit:
    """One page of the workspace being looked at."""

    qtbot: QtBot
    branch: Branch
    report: Report
    dialogs: Dialogs
    window: QMainWindow
    workspace: Any
    key: str
    page: QWidget

    def look(self, what: str) -> None:
        self.report.window(self.window, f"{self.key}: {what}")

    def ask(self, what: str, action: Callable[[], object]) -> None:
        """Do what opens a question (`action`); the question is read as "`what`"."""
        self.report.where = f"{self.key}: {what}"
        action()

    def look_at(self, dialog: QWidget, what: str) -> None:
        self.report.window(dialog, f"{self.key}: {what}")

    def dialog(self, dialog: QDialog, what: str) -> None:
        """Read a dialog the page opened itself (with `open()`), then cancel it."""
        assert dialog.isVisible(), what
        self.look_at(dialog, what)
        dialog.reject()
        QApplication.processEvents()


# --- the tests -------------------------------------------------------------------------


@pytest.fixture
def khmer(qapp: QApplication, translator: Translator) -> Iterator[Translator]:
    """The app's style sheet and the real translator in Khmer; English again afterwards."""
    qapp.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    translator.set_language("km")
    yield translator
    qapp.setStyleSheet("")


@pytest.mark.parametrize("role", ["manager", "teller"])
def test_every_page_and_dialog_speaks_khmer_and_shows_its_texts_whole(
    role: str, branch: Branch, khmer: Translator, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branch_client.qt.sync_worker import SyncController
    from branch_client.ui import dialogs as app_dialogs
    from branch_client.ui.shell import ShellWindow
    from branch_client.ui.workspace import Workspace

    del khmer
    session = branch.sessions[role]
    report = Report(branch.names)
    dialogs = Dialogs(qtbot, report)
    dialogs.install(monkeypatch)
    sync = SyncController(branch.directory.db_path, session.key, retry=FAST_RETRY)
    window = ShellWindow()
    qtbot.addWidget(window)
    try:
        window.sync_indicator.setVisible(True)
        sync.state_changed.connect(window.sync_indicator.set_snapshot)
        sync.online_changed.connect(window.sync_indicator.set_online)
        sync.running_changed.connect(window.sync_indicator.set_running)
        workspace = Workspace(session, sync)
        window.show_screen(workspace)
        window.set_signed_in((session.account.username, session.branch.name, session.account.is_manager))
        window.set_language_checked("km")
        with qtbot.wait_exposed(window):
            window.show()
        window.showNormal()  # the small offscreen screen makes it open maximised
        window.resize(*MAXIMISED_1366)
        qtbot.wait_until(lambda: window.width() == MAXIMISED_1366[0])
        sync.refresh()  # the store's sync state, as at sign-in (no pass: the store stays as it is)
        qtbot.wait_until(lambda: sync.snapshot is not None, timeout=10_000)

        keys = workspace.nav_keys()
        for key in keys:
            page = workspace.open(key)
            QApplication.processEvents()
            visit = Visit(qtbot, branch, report, dialogs, window, workspace, key, page)
            visit.look("opened")
            look_closer = VISITS.get(key)
            if look_closer is not None:  # a page the test does not know yet (a new one): as it opens
                look_closer(visit)
        report.where = "window"
        window.show_help()  # F1, beside the window (not modal)
        help_dialog = window.help_dialog
        assert help_dialog is not None
        qtbot.wait_until(help_dialog.isVisible)
        report.window(help_dialog, "guide")
        help_dialog.close()
        report.where = "Help"
        window.show_about()
        report.where = "Session"
        app_dialogs.ask_password_change(window)
    finally:
        sync.shutdown(wait_ms=5_000)
        window.close()
    assert {"About", "QDialog"} <= set(dialogs.opened), dialogs.opened
    report.assert_clean()


def test_the_start_screens_speak_khmer_and_show_their_texts_whole(
    make_controller: MakeController, qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Set-up, the recovery key and sign-in (and its recovery), before anyone is signed in."""
    qapp.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    try:
        controller = make_controller(language="km")
        report = Report({MANAGER[0]})
        Dialogs(qtbot, report).install(monkeypatch)
        window = controller.window
        with qtbot.wait_exposed(window):
            window.show()
        window.showNormal()
        window.resize(*MAXIMISED_1366)
        qtbot.wait_until(lambda: window.width() == MAXIMISED_1366[0])
        report.window(window, "set-up")
        setup = controller.setup_page
        setup.branch_code.setText(BRANCH_CODE)
        setup.branch_name.setText("ផ្សារថ្មី")
        setup.username.setText(MANAGER[0])
        setup.password.setText(MANAGER[1])
        setup.confirm.setText("something-else")
        setup.create_button.click()
        report.window(window, "set-up, passwords differ")
        setup.confirm.setText(MANAGER[1])
        setup.create_button.click()
        report.window(window, "recovery key")
        controller.recovery_key_page.stored.setChecked(True)
        controller.recovery_key_page.continue_button.click()
        report.window(window, "sign-in")
        controller.login_page.password.setText("wrong-password")
        controller.login_page.sign_in_button.click()
        report.window(window, "sign-in, wrong password")
        controller.login_page.forgot_button.click()
        report.window(window, "recover access")
    finally:
        qapp.setStyleSheet("")
    report.assert_clean()
