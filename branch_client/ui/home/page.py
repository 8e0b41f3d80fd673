"""The branch home page: how the branch is doing today and this week, what waits, what needs
the manager, and what the centre said since the last look. A teller's is smaller: her own
registrations, her drafts and her records that wait for her.

Every number is a link (Tab reaches it, Enter or Space opens it) to the list behind it,
filtered to what the number counts; the figures come from `services.home.figures`, the
store's own counts, so a number and its list agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate
from branch_client.services import home
from branch_client.store import KnownError, ListFilter, Session
from branch_client.ui import error_text
from branch_client.ui.sync import text as sync_text
from branch_client.ui.widgets import Page, message_label, title_label

if TYPE_CHECKING:
    from branch_client.services.sync import SyncSnapshot

SEXES = ("female", "male", "other")
LINK_STYLE = (
    "QPushButton[homeLink='true'] { border: none; color: #0b57d0; text-decoration: underline;"
    " font-weight: bold; padding: 2px 6px; text-align: left; }"
    "QPushButton[homeLink='true']:focus { background: #dbe7fd; outline: none; }"
    "QPushButton[homeLink='true']:hover { background: #eef3fd; }"
)


@dataclass(frozen=True)
class Target:
    """Where a number leads: a page key and what to show there (a `ListFilter` for the
    registrations list, a tab name for rejections and review, None for the page itself)."""

    page: str
    detail: object = None


class NumberLink(QPushButton):
    """A number that opens the list it counts."""

    def __init__(self, target: Target, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.setProperty("homeLink", True)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setAutoDefault(False)

    def show_count(self, count: int, meaning: str) -> None:
        """Show `count`; `meaning` says what it counts (its tooltip and accessible name)."""
        self.setText(QLocale().toString(count))
        self.setToolTip(translate("Home", "%1: open the list").replace("%1", meaning))
        self.setAccessibleName(f"{meaning}: {count}")


class Card(QGroupBox):
    """A titled box of rows: a label and its number (or a grid of them)."""

    def __init__(self, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(16)
        self.grid.setColumnStretch(columns, 1)  # the numbers close to their words; the room after them


class HomePage(Page):
    """The landing page after sign-in, for a manager or a teller.

    Signals:
        open_requested(str, object): a number was opened: the page key and its `Target.detail`.
    """

    open_requested = Signal(str, object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.is_manager = session.account.is_manager
        self.figures: home.HomeFigures | None = None
        self.snapshot: SyncSnapshot | None = None
        self.since: str | None = None  # the last look before this one, kept while the page stays
        self._looked = False
        self.setStyleSheet(LINK_STYLE)
        self.title = title_label()
        self.message = message_label()
        self.warnings = QLabel()
        self.warnings.setObjectName("homeWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(
            "QLabel#homeWarnings { background: #fff4e5; border: 1px solid #e0a040; color: #6b3a00; padding: 8px; }"
        )
        self.warnings.hide()
        self.links: dict[str, NumberLink] = {}
        self.labels: dict[str, QLabel] = {}
        self.registrations = self._registrations_card()
        self.waiting = self._states_card(
            ["sent_back", "held", "returned"] if self.is_manager else ["drafts", "sent_back", "returned", "held"]
        )
        self.centre = self._centre_card()
        # A manager's: what is on its way to the centre, and when it last answered; a
        # teller's sync is the manager's business: the last sync goes under the news.
        self.on_its_way: Card | None = None
        if self.is_manager:
            self.on_its_way = self._states_card(["on_the_way", "in_flight"])
            self.on_its_way.grid.addWidget(self._label("last_sync"), 2, 0, 1, 3)
        else:
            self.centre.grid.addWidget(self._label("last_sync"), 4, 0, 1, 3)
        self.new_button = QPushButton()  # a teller's first task, also Ctrl+N from anywhere
        self.new_button.setObjectName("homeNewRegistration")
        self.new_button.clicked.connect(lambda: self.open_requested.emit("capture", "new"))
        self.new_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.title)
        column.addWidget(self.new_button)
        column.addWidget(self.warnings)
        column.addWidget(self.message)
        row = QGridLayout()
        row.addWidget(self.registrations, 0, 0)
        row.addWidget(self.waiting, 0, 1)
        if self.on_its_way is not None:
            row.addWidget(self.on_its_way, 1, 0)
            row.addWidget(self.centre, 1, 1)
        else:
            row.addWidget(self.centre, 1, 0, 1, 2)
        row.setColumnStretch(0, 1)
        row.setColumnStretch(1, 1)
        column.addLayout(row)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        # Tab goes from number to number (the area scrolls to the one in focus), never to the
        # area itself: the page's first stop is a teller's New registration, a manager's first number.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.new_button.setVisible(not self.is_manager)  # once in the page: never a window of its own
        self.retranslate()

    # --- building ---------------------------------------------------------------------

    def _link(self, key: str, target: Target) -> NumberLink:
        link = NumberLink(target)
        link.clicked.connect(lambda: self.open_requested.emit(link.target.page, link.target.detail))
        self.links[key] = link
        return link

    def _label(self, key: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        self.labels[key] = label
        return label

    def _registrations_card(self) -> Card:
        """Today and this week, by the owner's sex, each number opening those registrations."""
        card = Card(columns=5)
        for column, sex in enumerate((*SEXES, "all"), start=1):
            heading = self._label(f"head_{sex}")
            heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            card.grid.addWidget(heading, 0, column)
        for row, period in enumerate(("today", "week"), start=1):
            card.grid.addWidget(self._label(period), row, 0)
            for column, sex in enumerate((*SEXES, "all"), start=1):
                link = self._link(f"{period}_{sex}", Target("registrations"))
                card.grid.addWidget(link, row, column, Qt.AlignmentFlag.AlignCenter)
        return card

    def _states_card(self, keys: list[str]) -> Card:
        card = Card()
        for row, key in enumerate(keys):
            card.grid.addWidget(self._label(key), row, 0)
            mine = None if self.is_manager else self.session.account.id
            card.grid.addWidget(self._link(key, _state_target(key, mine)), row, 1)
        return card

    def _centre_card(self) -> Card:
        card = Card()
        card.grid.addWidget(self._label("since"), 0, 0, 1, 3)
        for row, key in enumerate(("new_accepted", "new_duplicate", "new_sent_back"), start=1):
            card.grid.addWidget(self._label(key), row, 0)
            card.grid.addWidget(self._link(key, _news_target(key, self.is_manager)), row, 1)
        return card

    # --- what the workspace calls ----------------------------------------------------

    def activated(self) -> None:
        """The page is shown: read the figures, counting the centre's news from the last look."""
        if not self._looked:
            try:
                self.since = self.session.last_seen("home")
            except KnownError as exc:
                self._fail(exc)
                return
            self._looked = True
        self.refresh()

    def refresh(self) -> None:
        """Read the figures again (after a pass or a submit); marks the page seen when shown."""
        try:
            self.figures = home.figures(self.session, self.since)
            if self.isVisible():
                self.session.mark_seen("home")
        except KnownError as exc:
            self._fail(exc)
            return
        self.message.hide()
        self._fill()

    def set_snapshot(self, snapshot: SyncSnapshot) -> None:
        """The sync state the status bar shows: the last successful sync and the warnings."""
        self.snapshot = snapshot
        self._fill_sync()

    def _fail(self, exc: KnownError) -> None:
        self.message.setText(error_text.message_for(exc))
        self.message.show()

    # --- words and numbers -----------------------------------------------------------

    def _fill(self) -> None:
        figures = self.figures
        if figures is None:
            return
        today, monday = figures.today.isoformat(), figures.week_start.isoformat()
        mine = None if self.is_manager else self.session.account.id
        for period, by_sex, days in (
            ("today", figures.today_by_sex, (today, today)),
            ("week", figures.week_by_sex, (monday, today)),
        ):
            for sex in (*SEXES, "all"):
                link = self.links[f"{period}_{sex}"]
                chosen = None if sex == "all" else sex
                link.target = Target("registrations", ListFilter(days=days, sex=chosen, captured_by=mine))
                count = sum(by_sex.values()) if sex == "all" else by_sex.get(sex, 0)
                link.show_count(count, f"{self.labels[period].text()}, {self.labels[f'head_{sex}'].text()}")
        values = {
            "drafts": figures.drafts,
            "sent_back": figures.sent_back,
            "returned": figures.counts.get("returned", 0),
            "held": figures.counts.get("held", 0),
            "on_the_way": figures.counts.get("waiting", 0),
            "in_flight": figures.counts.get("in_flight", 0),
            "new_accepted": figures.received.get("accepted", 0),
            "new_duplicate": figures.received.get("duplicate", 0),
            "new_sent_back": sum(figures.received.get(s, 0) for s in ("rejected", "needs_correction")),
        }
        for key, count in values.items():
            if key in self.links:
                self.links[key].show_count(count, self.labels[key].text())
        since = figures.since
        self.labels["since"].setText(
            translate("Home", "What the centre said since your last look (%1):").replace("%1", sync_text.when(since))
            if since
            else translate("Home", "What the centre said today:")
        )
        self._fill_sync()

    def _fill_sync(self) -> None:
        snap = self.snapshot
        if snap is None:
            self.labels["last_sync"].setText("")
            self.warnings.hide()
            return
        if not snap.enrolled:
            words = translate("Home", "This branch PC is not connected to the centre yet.")
        else:
            words = translate("Home", "Last successful sync: %1").replace(
                "%1", sync_text.since_and_age(snap.last_success_at)
            )
        self.labels["last_sync"].setText(words)
        texts = [sync_text.warning(w) for w in snap.warnings]
        self.warnings.setText("\n".join("⚠ " + t for t in texts))
        self.warnings.setVisible(bool(texts) and self.is_manager)

    def retranslate(self) -> None:
        name = self.session.branch.name
        self.title.setText(
            translate("Home", "Branch home — %1").replace("%1", name)
            if self.is_manager
            else translate("Home", "My desk")
        )
        self.registrations.setTitle(
            translate("Home", "Registrations, by the owner's sex")
            if self.is_manager
            else translate("Home", "My registrations, by the owner's sex")
        )
        self.waiting.setTitle(
            translate("Home", "Needs you") if self.is_manager else translate("Home", "Waiting for me")
        )
        self.centre.setTitle(translate("Home", "News from the centre"))
        if self.on_its_way is not None:
            self.on_its_way.setTitle(translate("Home", "On its way to the centre"))
        self.new_button.setText(translate("Home", "New registration (Ctrl+N)"))
        for key, words in _label_texts(self.is_manager).items():
            if key in self.labels:
                self.labels[key].setText(words())
        self._fill()


def _label_texts(is_manager: bool) -> dict[str, Callable[[], str]]:
    return {
        "head_female": lambda: translate("Home", "Women"),
        "head_male": lambda: translate("Home", "Men"),
        "head_other": lambda: translate("Home", "Not recorded"),
        "head_all": lambda: translate("Home", "All"),
        "today": lambda: translate("Home", "Today"),
        "week": lambda: translate("Home", "This week"),
        "drafts": lambda: translate("Home", "My drafts, not yet submitted"),
        "sent_back": (
            (lambda: translate("Home", "Sent back by the centre, to correct or withdraw"))
            if is_manager
            else (lambda: translate("Home", "Sent back to me by the centre"))
        ),
        "returned": (
            (lambda: translate("Home", "Returned to tellers, not yet corrected"))
            if is_manager
            else (lambda: translate("Home", "Returned to me by the manager"))
        ),
        "held": (
            (lambda: translate("Home", "Waiting for your approval"))
            if is_manager
            else (lambda: translate("Home", "Waiting for the manager's approval"))
        ),
        "on_the_way": lambda: translate("Home", "Waiting to be sent to the centre"),
        "in_flight": lambda: translate("Home", "Sent, no answer yet"),
        "new_accepted": lambda: translate("Home", "Accepted"),
        "new_duplicate": lambda: translate("Home", "Probable duplicates"),
        "new_sent_back": lambda: translate("Home", "Sent back"),
    }


def _state_target(key: str, mine: str | None) -> Target:
    """The list behind a count of the states card (`mine`: a teller's account id)."""
    if key == "drafts":
        return Target("capture")
    if key == "sent_back":
        return Target("rejections", "sent_back")
    if key == "returned":
        return Target("rejections", "returned")
    if key == "held":
        if mine is None:
            return Target("rejections", "pending")
        return Target("registrations", ListFilter(state="held", captured_by=mine))
    return Target("registrations", ListFilter(state="waiting" if key == "on_the_way" else key))


def _news_target(key: str, is_manager: bool) -> Target:
    """The list behind a count of the centre's news."""
    if key == "new_sent_back":
        return Target("rejections", "sent_back")
    if is_manager:
        return Target("sync")
    return Target("registrations", ListFilter(state="accepted" if key == "new_accepted" else "duplicate"))
