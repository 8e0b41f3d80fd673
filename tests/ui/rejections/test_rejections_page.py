"""The manager's Rejections and review page, driven through its buttons with the dialogs answered."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from branch_client.i18n import Translator
from branch_client.store import BranchDirectory, Session, audit, review
from branch_client.store.registrations import owner_name
from branch_client.ui.rejections import dialogs
from branch_client.ui.rejections.models import RECORD_ID_ROLE
from branch_client.ui.rejections.page import RejectionsPage
from branch_client.ui.rejections.record_list import RecordList
from tests.conftest import FAST_KDF, MANAGER, TELLER
from tests.store.test_review import FORM, centre_says, outbox_ids, submit_one
from tests.ui.conftest import MakeController
from tests.ui.test_flow import sign_in

SEX_KM = "ចម្លើយនេះត្រូវតែបំពេញ។"


@dataclasses.dataclass
class Branch:
    """A manager and a teller signed in, with records in every list."""

    manager: Session
    teller: Session
    rejected: str
    sent_back: str
    corrected: str
    correction: str
    pending: list[str]
    returned: str


@pytest.fixture
def records(manager: Session, teller: Session) -> Branch:
    rejected, sent_back, corrected, accepted = (submit_one(teller, i) for i in (1, 2, 3, 4))
    centre_says(
        manager,
        rejected,
        "rejected",
        fields={"sex": {"km": SEX_KM, "en": "This answer is required."}},
        at="2026-11-24T04:00:00+00:00",
    )
    centre_says(manager, sent_back, "needs_correction", en="The photo is unclear.", km="រូបថតមិនច្បាស់")
    centre_says(manager, corrected, "rejected")
    centre_says(manager, accepted, "accepted")
    correction = submit_one(teller, 3, supersedes=corrected)
    pending = [
        submit_one(teller, 10 + i, hold=True, submitted_at=f"2026-11-2{3 + i // 3}T0{2 + i}:15:00+00:00")
        for i in range(5)
    ]
    returned = submit_one(teller, 20, hold=True)
    manager.return_to_teller(returned, "The phone number is the neighbour's.")
    return Branch(manager, teller, rejected, sent_back, corrected, correction, pending, returned)


@pytest.fixture
def page(qtbot: QtBot, records: Branch) -> RejectionsPage:
    widget = RejectionsPage(records.manager)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    return widget


def ids(lst: RecordList) -> list[str]:
    """Record ids in the order the table shows them."""
    return [lst.proxy.index(r, 0).data(RECORD_ID_ROLE) for r in range(lst.proxy.rowCount())]


def cell(lst: RecordList, record_id: str, column: int) -> str:
    row = ids(lst).index(record_id)
    return str(lst.proxy.index(row, column).data())


def select(lst: RecordList, *record_ids: str) -> None:
    lst.select_ids(list(record_ids))


def sql_ids(session: Session, sql: str) -> set[str]:
    return {r[0] for r in session.db.execute(sql)}


# --- the lists ----------------------------------------------------------------------


@pytest.fixture
def model_testers(request: pytest.FixtureRequest) -> Iterator[Callable[[], ModelTester]]:
    """A fresh `ModelTester` per model (one tester follows one model's signals)."""
    made: list[ModelTester] = []

    def make() -> ModelTester:
        made.append(ModelTester(request.config))
        return made[-1]

    yield make
    for tester in made:
        tester._cleanup()


def test_every_model_passes_qtmodeltester(
    page: RejectionsPage, records: Branch, model_testers: Callable[[], ModelTester]
) -> None:
    lists = (page.sent_back, page.pending, page.returned)
    for lst in lists:
        model_testers().check(lst.model, force_py=True)
        model_testers().check(lst.proxy, force_py=True)
    # The testers stay connected: every change below is checked as it happens.
    page.show_withdrawn.setChecked(True)
    records.manager.approve(records.pending[:2])
    page.refresh()
    page.retranslate()
    assert all(lst.model.rowCount() for lst in lists)


def test_the_lists_match_independent_queries(page: RejectionsPage, records: Branch) -> None:
    db = records.manager
    open_sent_back = sql_ids(
        db,
        "SELECT r.id FROM sync_results s JOIN registrations r ON r.id = s.record_id"
        " WHERE s.status IN ('rejected', 'needs_correction') AND r.withdrawn_at IS NULL"
        " AND r.id NOT IN (SELECT supersedes FROM registrations WHERE supersedes IS NOT NULL)",
    )
    assert open_sent_back == {records.rejected, records.sent_back}
    assert set(ids(page.sent_back)) == open_sent_back | {records.corrected}  # + "correction sent"
    assert sql_ids(db, "SELECT id FROM registrations WHERE review_state = 'pending'") == set(ids(page.pending))
    assert sql_ids(db, "SELECT id FROM registrations WHERE review_state = 'returned'") == set(ids(page.returned))
    assert [page.tabs.tabText(i) for i in range(3)] == [
        "Sent back by the centre (2)",
        "Waiting for your review (5)",
        "Returned to tellers (1)",
    ]


def test_columns_show_reference_owner_teller_and_the_reason(page: RejectionsPage, records: Branch) -> None:
    db = records.manager.db
    reference, answers = db.execute(
        "SELECT reference, answers FROM registrations WHERE id = ?", [records.rejected]
    ).fetchone()
    lst = page.sent_back
    assert cell(lst, records.rejected, 0) == reference
    assert cell(lst, records.rejected, 1) == owner_name(json.loads(answers))
    assert cell(lst, records.rejected, 2)  # the local date and time
    assert cell(lst, records.rejected, 3) == TELLER[0]
    assert cell(lst, records.rejected, 4) == "Rejected"
    assert cell(lst, records.rejected, 5) == "Some answers are not valid. Correct them and send again."
    assert cell(lst, records.sent_back, 4) == "Sent back for correction"
    assert cell(lst, records.sent_back, 5) == "The photo is unclear."
    correction_ref = db.execute("SELECT reference FROM registrations WHERE id = ?", [records.correction]).fetchone()[0]
    assert cell(lst, records.corrected, 4) == f"Correction {correction_ref} sent"
    assert cell(page.returned, records.returned, 4) == "The phone number is the neighbour's."

    select(lst, records.rejected)
    details = lst.details.toPlainText()
    assert "Rejected by the centre on" in details
    assert f"{FORM.row('sex').label('en')}: This answer is required." in details


def test_reasons_and_field_labels_follow_the_ui_language(
    page: RejectionsPage, records: Branch, translator: Translator
) -> None:
    select(page.sent_back, records.rejected)
    translator.set_language("km")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    assert cell(page.sent_back, records.sent_back, 5) == "រូបថតមិនច្បាស់"
    assert cell(page.sent_back, records.rejected, 5).startswith("ចម្លើយខ្លះ")
    details = page.sent_back.details.toPlainText()
    assert f"{FORM.row('sex').label('km')}: {SEX_KM}" in details


def test_withdrawn_records_are_hidden_unless_asked_for(
    page: RejectionsPage, records: Branch, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_reason", lambda parent, title, prompt: "The owner moved to Battambang.")
    select(page.sent_back, records.sent_back)
    page.sb_withdraw.click()

    assert records.sent_back not in ids(page.sent_back)
    assert page.tabs.tabText(0) == "Sent back by the centre (1)"
    page.show_withdrawn.setChecked(True)
    assert cell(page.sent_back, records.sent_back, 4) == "Withdrawn"
    select(page.sent_back, records.sent_back)
    assert "The owner moved to Battambang." in page.sent_back.details.toPlainText()
    assert not page.sb_withdraw.isEnabled()
    assert not page.sb_correct.isEnabled()
    [entry] = audit.entries(records.manager.db, action="registration_withdrawn")
    assert "Battambang" not in entry.details


@pytest.mark.parametrize("answer", [None, "   "])
def test_withdraw_needs_a_reason(
    page: RejectionsPage, records: Branch, monkeypatch: pytest.MonkeyPatch, answer: str | None
) -> None:
    monkeypatch.setattr(dialogs, "ask_reason", lambda parent, title, prompt: answer)
    select(page.sent_back, records.rejected)
    page.sb_withdraw.click()
    assert records.rejected in ids(page.sent_back)
    assert audit.entries(records.manager.db, action="registration_withdrawn") == []
    if answer is not None:
        assert page.message.text() == "Write a reason of at most 500 characters."


def test_the_reason_dialog_accepts_only_a_reason(qtbot: QtBot) -> None:
    dialog = dialogs.ReasonDialog(None, "Withdraw", "Why?")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.text.setPlainText("  \n ")
    assert not ok.isEnabled()
    dialog.text.setPlainText("x" * (review.MAX_REASON + 1))
    assert not ok.isEnabled()
    assert dialog.hint.text()
    dialog.text.setPlainText("  Owner changed her mind. ")
    assert ok.isEnabled()
    assert dialog.reason() == "Owner changed her mind."


def test_open_and_correct_emit_the_record_id(qtbot: QtBot, page: RejectionsPage, records: Branch) -> None:
    assert not page.sb_correct.isEnabled()
    select(page.sent_back, records.rejected)
    with qtbot.waitSignal(page.correction_requested) as correction:
        page.sb_correct.click()
    assert correction.args == [records.rejected]
    with qtbot.waitSignal(page.open_requested) as opened:
        page.sb_open.click()
    assert opened.args == [records.rejected]

    select(page.sent_back, records.corrected)  # a correction is on its way: nothing more to do
    assert page.sb_open.isEnabled()
    assert not page.sb_correct.isEnabled()

    page.tabs.setCurrentWidget(page.returned)
    select(page.returned, records.returned)
    with qtbot.waitSignal(page.correction_requested) as correction:
        page.re_correct.click()
    assert correction.args == [records.returned]
    row = ids(page.pending).index(records.pending[2])
    with qtbot.waitSignal(page.open_requested) as opened:
        page.pending.table.doubleClicked.emit(page.pending.proxy.index(row, 1))
    assert opened.args == [records.pending[2]]
    page.pending.table.doubleClicked.emit(QModelIndex())  # nowhere: nothing


# --- review --------------------------------------------------------------------------


def test_approve_one_puts_it_in_the_outbox(qtbot: QtBot, page: RejectionsPage, records: Branch) -> None:
    select(page.pending, records.pending[1])
    with qtbot.waitSignal(page.submitted) as submitted:
        page.pe_approve.click()
    assert submitted.args == [records.pending[1]]
    assert records.pending[1] in outbox_ids(records.manager)
    assert records.pending[1] not in ids(page.pending)
    assert page.tabs.tabText(1) == "Waiting for your review (4)"
    assert page.info.text() == "Registrations approved: 1. They will be sent to the centre at the next sync."


def test_approve_several_asks_first(page: RejectionsPage, records: Branch, monkeypatch: pytest.MonkeyPatch) -> None:
    before = outbox_ids(records.manager)
    select(page.pending, records.pending[0], records.pending[3])
    assert page.pending.selected_ids() == [records.pending[0], records.pending[3]]
    monkeypatch.setattr(dialogs, "ask_confirmation", lambda parent, title, question: False)
    page.pe_approve.click()
    assert outbox_ids(records.manager) == before
    monkeypatch.setattr(dialogs, "ask_confirmation", lambda parent, title, question: "2 selected" in question)
    page.pe_approve.click()
    assert outbox_ids(records.manager) - before == {records.pending[0], records.pending[3]}


def test_approve_a_whole_day_in_one_go(page: RejectionsPage, records: Branch, monkeypatch: pytest.MonkeyPatch) -> None:
    pending = records.manager.pending_review()
    days = review.days(pending)
    assert [page.day_choice.itemData(i) for i in range(page.day_choice.count())] == [d.isoformat() for d, _ in days]
    day = days[0][0]
    expected = {r.record_id for r in review.submitted_on(pending, day)}
    assert expected
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "ask_confirmation", lambda parent, title, question: questions.append(question) or True)
    before = outbox_ids(records.manager)

    page.day_choice.setCurrentIndex(0)
    page.pe_approve_day.click()

    assert outbox_ids(records.manager) - before == expected
    assert f"({len(expected)} in all)" in questions[0]
    assert set(ids(page.pending)) == set(records.pending) - expected
    approved = audit.entries(records.manager.db, action="registration_approved")
    assert {e.subject for e in approved} == expected


def test_return_to_the_teller_with_a_reason(
    page: RejectionsPage, records: Branch, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts: list[str] = []

    def answer(parent: object, title: str, prompt: str) -> str:
        prompts.append(prompt)
        return "Ask for the ID card again."

    monkeypatch.setattr(dialogs, "ask_reason", answer)
    select(page.pending, records.pending[4])
    page.pe_return.click()

    assert TELLER[0] in prompts[0]
    assert records.pending[4] not in ids(page.pending)
    assert cell(page.returned, records.pending[4], 4) == "Ask for the ID card again."
    assert page.tabs.tabText(2) == "Returned to tellers (2)"
    assert records.pending[4] not in outbox_ids(records.manager)


def test_return_without_a_reason_changes_nothing(
    page: RejectionsPage, records: Branch, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_reason", lambda parent, title, prompt: "")
    select(page.pending, records.pending[4])
    page.pe_return.click()
    assert records.pending[4] in ids(page.pending)
    assert page.message.text() == "Write a reason of at most 500 characters."


def test_a_stale_list_is_refused_plainly_and_refreshed(page: RejectionsPage, records: Branch) -> None:
    select(page.pending, records.pending[0])
    records.manager.approve(records.pending[0])  # e.g. from the page opened a moment before
    page.pe_approve.click()
    assert page.message.text().startswith("Nothing was changed: a registration is no longer waiting for review")
    assert records.pending[0] not in ids(page.pending)


# --- the policy switch -------------------------------------------------------------


def test_the_switch_turns_review_on(page: RejectionsPage, records: Branch) -> None:
    assert not page.policy_switch.isChecked()
    assert not page.policy_state.isHidden()  # off, with registrations still waiting: said plainly
    assert "sent only once you approve them" in page.policy_state.text()
    page.policy_switch.click()
    assert records.manager.policy.review_before_sync
    assert page.policy_state.isHidden()
    [entry] = audit.entries(records.manager.db, action="policy_changed")
    assert entry.actor == records.manager.account.id


@pytest.mark.parametrize("choice", [None, dialogs.LEAVE_PENDING, dialogs.APPROVE_ALL])
def test_turning_review_off_asks_about_waiting_registrations(
    page: RejectionsPage, records: Branch, monkeypatch: pytest.MonkeyPatch, choice: str | None
) -> None:
    manager = records.manager
    manager.set_policy(dataclasses.replace(manager.policy, review_before_sync=True))
    page.refresh()
    asked: list[int] = []
    monkeypatch.setattr(dialogs, "ask_policy_off", lambda parent, n: asked.append(n) or choice)

    page.policy_switch.click()

    assert asked == [5]
    if choice is None:
        assert manager.policy.review_before_sync
        assert page.policy_switch.isChecked()
        assert set(ids(page.pending)) == set(records.pending)
    elif choice == dialogs.LEAVE_PENDING:
        assert not manager.policy.review_before_sync
        assert set(ids(page.pending)) == set(records.pending)
        assert "stay here until you approve or return them" in page.info.text()
        assert not page.policy_state.isHidden()
    else:
        assert not manager.policy.review_before_sync
        assert ids(page.pending) == []
        assert set(records.pending) <= outbox_ids(manager)
        assert "were approved" in page.info.text()


def test_turning_review_off_with_nothing_waiting_does_not_ask(
    page: RejectionsPage, records: Branch, monkeypatch: pytest.MonkeyPatch
) -> None:
    manager = records.manager
    manager.approve(records.pending)
    manager.set_policy(dataclasses.replace(manager.policy, review_before_sync=True))
    page.refresh()
    monkeypatch.setattr(dialogs, "ask_policy_off", lambda parent, n: pytest.fail("asked"))
    page.policy_switch.click()
    assert not manager.policy.review_before_sync


def test_a_teller_sees_their_own_lists_without_the_managers_controls(qtbot: QtBot, records: Branch) -> None:
    widget = RejectionsPage(records.teller)
    qtbot.addWidget(widget)
    assert widget.policy_box.isHidden()
    for button in (widget.pe_approve, widget.pe_return, widget.sb_withdraw, widget.pe_approve_day):
        assert button.isHidden()
    assert set(ids(widget.returned)) == {records.returned}
    select(widget.returned, records.returned)
    assert widget.re_correct.isEnabled()


def test_activated_reads_the_store_again(page: RejectionsPage, records: Branch) -> None:
    new = submit_one(records.teller, 30, hold=True)
    assert new not in ids(page.pending)
    page.activated()
    assert new in ids(page.pending)
    assert page.tabs.tabText(1) == "Waiting for your review (6)"


def test_days_are_local_calendar_days(page: RejectionsPage, records: Branch) -> None:
    texts = [page.day_choice.itemText(i) for i in range(page.day_choice.count())]
    assert all(t.endswith(")") for t in texts)
    assert sum(int(t.rsplit("(", 1)[1].rstrip(")")) for t in texts) == len(records.pending)
    assert all(isinstance(date.fromisoformat(page.day_choice.itemData(i)), date) for i in range(len(texts)))


def test_the_workspace_opens_the_page_with_fresh_lists(
    data_dir: Path, make_controller: MakeController, qtbot: QtBot
) -> None:
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    session, _ = directory.create_branch(
        branch_code="PNH-01", branch_name="Psar Thmei", manager_username=MANAGER[0], manager_password=MANAGER[1]
    )
    session.close()
    directory.release()
    controller = make_controller()
    sign_in(controller, qtbot, *MANAGER)
    workspace = controller.workspace
    assert workspace is not None
    held = submit_one(workspace.session, 1, hold=True)

    page = workspace.open("rejections")

    assert isinstance(page, RejectionsPage)
    assert ids(page.pending) == [held]
    with qtbot.waitSignal(page.open_requested) as opened:
        page.pending.select_ids([held])
        page.pe_open.click()
    assert opened.args == [held]
