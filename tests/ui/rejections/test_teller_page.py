"""A teller's *Sent back to me*: only her own records, only her own actions, words spoken to her."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QComboBox, QGroupBox
from pytestqt.qtbot import QtBot

from branch_client.i18n import Translator
from branch_client.store import BranchDirectory, RecoveryKey, Session
from branch_client.ui.rejections.page import RejectionsPage
from tests.conftest import FAST_KDF, MANAGER, TELLER
from tests.store.test_review import centre_says, submit_one
from tests.ui.conftest import MakeController
from tests.ui.rejections.test_rejections_page import ids, select
from tests.ui.test_flow import sign_in

OTHER_TELLER = ("dara", "teller-pass-2")


@dataclasses.dataclass
class TwoTellers:
    """Two tellers of one branch, each with a record the centre sent back, one a manager
    returned and one waiting for review; and a correction of hers the manager has yet to see."""

    manager: Session
    mine: Session
    sent_back: str
    rejected: str
    returned: str
    pending: str
    correction: str
    others: list[str]


@pytest.fixture
def tellers(branch: tuple[BranchDirectory, RecoveryKey]) -> Iterator[TwoTellers]:
    directory = branch[0]
    manager = directory.unlock(*MANAGER)
    manager.create_account(*OTHER_TELLER)
    mine, other = directory.unlock(*TELLER), directory.unlock(*OTHER_TELLER)
    sent_back, rejected, her_sent_back = (submit_one(s, n) for s, n in ((mine, 1), (mine, 2), (other, 3)))
    centre_says(manager, sent_back, "needs_correction", en="The photo is unclear.", km="រូបថតមិនច្បាស់")
    centre_says(manager, rejected, "rejected")
    centre_says(manager, her_sent_back, "needs_correction")
    correction = submit_one(mine, 2, supersedes=rejected, hold=True)
    returned, her_returned = submit_one(mine, 4, hold=True), submit_one(other, 5, hold=True)
    manager.return_to_teller([returned, her_returned], "The phone number is the neighbour's.")
    pending, her_pending = submit_one(mine, 6, hold=True), submit_one(other, 7, hold=True)
    yield TwoTellers(
        manager, mine, sent_back, rejected, returned, pending, correction, [her_sent_back, her_returned, her_pending]
    )
    for session in (other, mine, manager):
        session.close()


@pytest.fixture
def page(qtbot: QtBot, tellers: TwoTellers) -> RejectionsPage:
    widget = RejectionsPage(tellers.mine)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def visible_texts(page: RejectionsPage) -> set[str]:
    """The texts of every button, checkbox, box and list a person can see on the page now,
    in every tab (each tab shown in turn)."""
    texts: set[str] = set()
    for at in range(page.tabs.count()):
        page.tabs.setCurrentIndex(at)
        texts |= {b.text() for b in page.findChildren(QAbstractButton) if b.isVisible()}
        texts |= {g.title() for g in page.findChildren(QGroupBox) if g.isVisible()}
        texts |= {c.currentText() for c in page.findChildren(QComboBox) if c.isVisible()}
    return texts


def test_a_teller_sees_only_her_own_records(page: RejectionsPage, tellers: TwoTellers) -> None:
    assert sorted(ids(page.sent_back)) == sorted([tellers.sent_back, tellers.rejected])
    assert ids(page.returned) == [tellers.returned]
    shown = set(ids(page.sent_back)) | set(ids(page.returned))
    assert not shown & set(tellers.others)
    assert tellers.pending not in shown  # waiting for the manager: nothing for her to do here
    # The manager, on the same store, sees both tellers' records.
    assert set(tellers.others[:2]) <= {r.record_id for r in tellers.manager.rejections()} | {
        r.record_id for r in tellers.manager.returned_registrations()
    }


def test_two_tabs_named_for_her_and_no_manager_tab_or_control(page: RejectionsPage) -> None:
    assert page.title.text() == "Sent back to me"
    assert "a manager returned to you" in page.intro.text()
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Sent back by the centre (1)",  # the other is on its way again as a correction
        "Returned to me (1)",
    ]
    assert page.tabs.indexOf(page.pending) == -1
    assert not page.pending.isVisible()
    assert not page.findChild(QCheckBox, "reviewPolicySwitch").isVisible()
    assert not page.findChild(QComboBox, "reviewDay").isVisible()
    texts = visible_texts(page)
    assert {"Open", "Correct…"} <= texts
    for manager_only in (
        "Approve",
        "Approve the whole day…",
        "Return to the teller…",
        "Withdraw…",
        "Review before sync",
        "Review registrations before they are sent to the centre",
    ):
        assert manager_only not in texts
    assert "ask your manager to withdraw it" in page.sent_back.intro.text()


def test_her_lists_speak_to_her(page: RejectionsPage, tellers: TwoTellers) -> None:
    for lst in (page.sent_back, page.returned):
        headers = [lst.model.headerData(c, Qt.Orientation.Horizontal) for c in range(lst.model.columnCount())]
        assert "Teller" not in headers  # every row is hers
    row = ids(page.sent_back).index(tellers.rejected)
    state = page.sent_back.proxy.index(row, 3).data()
    assert state.endswith("waiting for a manager's review")
    select(page.sent_back, tellers.rejected)
    details = page.sent_back.details.toPlainText()
    assert "waiting for a manager's review" in details
    assert " by sokha" not in details
    page.tabs.setCurrentWidget(page.returned)
    select(page.returned, tellers.returned)
    assert "Returned to you by a manager: The phone number is the neighbour's." in page.returned.details.toPlainText()


def test_correct_from_either_tab_asks_for_the_correction(
    qtbot: QtBot, page: RejectionsPage, tellers: TwoTellers
) -> None:
    select(page.sent_back, tellers.rejected)  # its correction is already waiting: nothing to correct
    assert page.sb_open.isEnabled()
    assert not page.sb_correct.isEnabled()
    select(page.sent_back, tellers.sent_back)
    with qtbot.waitSignal(page.correction_requested) as asked:
        page.sb_correct.click()
    assert asked.args == [tellers.sent_back]
    page.tabs.setCurrentWidget(page.returned)
    select(page.returned, tellers.returned)
    with qtbot.waitSignal(page.correction_requested) as asked:
        QTest.keyClick(page.re_correct, Qt.Key.Key_Space)
    assert asked.args == [tellers.returned]


def test_the_teller_page_follows_the_ui_language(page: RejectionsPage, translator: Translator) -> None:
    translator.set_language("km")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def tr(text: str) -> str:
        return QCoreApplication.translate("RejectionsPage", text)

    assert page.title.text() == tr("Sent back to me")
    assert page.tabs.tabText(0) == "មជ្ឈមណ្ឌលបានបញ្ជូនត្រឡប់ (1)"
    assert page.tabs.tabText(1) == tr("Returned to me (%1)").replace("%1", "1")
    assert page.sb_open.text() == "បើក"
    assert page.title.text() != tr("Rejections and review")

    translator.set_language("en")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert page.title.text() == "Sent back to me"
    assert page.tabs.tabText(1) == "Returned to me (1)"


def test_correct_opens_the_correction_in_the_teller_workspace(
    data_dir: Path, make_controller: MakeController, qtbot: QtBot
) -> None:
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    manager, _ = directory.create_branch(
        branch_code="PNH-01", branch_name="Psar Thmei", manager_username=MANAGER[0], manager_password=MANAGER[1]
    )
    manager.create_account(*TELLER)
    teller = directory.unlock(*TELLER)
    record = submit_one(teller, 1)
    centre_says(manager, record, "needs_correction", en="The photo is unclear.", km="រូបថតមិនច្បាស់")
    teller.close()
    manager.close()
    directory.release()
    controller = make_controller()
    sign_in(controller, qtbot, *TELLER)
    workspace = controller.workspace
    assert workspace is not None

    page = workspace.open("rejections")
    assert isinstance(page, RejectionsPage)
    assert page.tabs.count() == 2
    page.sent_back.select_ids([record])
    page.sb_correct.click()

    capture = workspace.pages.get("capture")
    qtbot.waitUntil(lambda: workspace.stack.currentWidget() is capture)
    assert getattr(capture, "supersedes", None) == record


def test_a_manager_keeps_the_three_tabs_and_the_switch(qtbot: QtBot, tellers: TwoTellers) -> None:
    widget = RejectionsPage(tellers.manager)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.title.text() == "Rejections and review"
    assert [widget.tabs.tabText(i) for i in range(widget.tabs.count())] == [
        "Sent back by the centre (2)",
        "Waiting for your review (3)",
        "Returned to tellers (2)",
    ]
    widget.tabs.setCurrentWidget(widget.pending)
    assert widget.policy_switch.isVisible()
    assert widget.pe_approve.isVisible()
