"""Rejections and review over the real loop: branch store → sync → the reference centre (on loopback) → the page."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from branch_client.store import BranchDirectory, Session
from branch_client.ui.rejections import dialogs
from branch_client.ui.rejections.models import RECORD_ID_ROLE
from branch_client.ui.rejections.page import RejectionsPage
from branch_client.ui.rejections.record_list import RecordList
from central.runner import RunningCentre, start_centre
from forms import load_form
from tests.conftest import MANAGER
from tests.sync.helpers import enrolled_branch, run_pass, sample_answers, submit, submit_new


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[RunningCentre]:
    with start_centre(tmp_path / "centre.db") as running:
        yield running


@pytest.fixture
def branch(tmp_path: Path, centre: RunningCentre) -> Iterator[tuple[BranchDirectory, Session]]:
    with enrolled_branch(tmp_path / "branch", centre, "PNH-01") as enrolled:
        yield enrolled


@pytest.fixture
def page(qtbot: QtBot, branch: tuple[BranchDirectory, Session]) -> RejectionsPage:
    widget = RejectionsPage(branch[1])
    qtbot.addWidget(widget)
    return widget


def listed(lst: RecordList) -> list[str]:
    return [lst.proxy.index(r, 0).data(RECORD_ID_ROLE) for r in range(lst.proxy.rowCount())]


def centre_holds(centre: RunningCentre) -> set[str]:
    return {r.record_id for r in centre.store.records(limit=100_000)}


def submit_one(session: Session, answers: dict[str, Any], *, hold: bool = False, supersedes: str | None = None) -> str:
    """What the capture wizard does on *Submit* (held for review when the policy is on)."""
    [record_id] = submit_new(session, [answers], hold=hold, supersedes=supersedes)
    return record_id


def test_a_record_the_centre_rejects_is_listed_with_its_reason_and_its_correction_goes_through(
    branch: tuple[BranchDirectory, Session], centre: RunningCentre, page: RejectionsPage, qtbot: QtBot
) -> None:
    directory, session = branch
    answers = sample_answers(3, seed=21)
    broken = {k: v for k, v in answers[1].items() if k != "sex"}
    ids = submit(session, [answers[0], broken, answers[2]])

    result = run_pass(directory, session)
    assert result.ok, result.error
    assert (result.accepted, result.rejected) == (2, 1)
    page.activated()

    assert listed(page.sent_back) == [ids[1]]
    assert page.tabs.tabText(0) == "Sent back by the centre (1)"
    row = page.sent_back.model.row_at(0)
    assert (row.teller, row.reason_code) == (MANAGER[0], "invalid_answers")
    reason = page.sent_back.proxy.index(0, 5).data()
    assert reason == row.message_en
    assert reason  # the centre's own words
    page.sent_back.select_ids([ids[1]])
    details = page.sent_back.details.toPlainText()
    sex = load_form().row("sex").label("en")
    assert f"{sex}: " in details  # the centre's word on the answer, under the form's label

    with qtbot.waitSignal(page.correction_requested) as requested:
        page.sb_correct.click()
    assert requested.args == [ids[1]]
    # The capture wizard (not this page) makes the new version; here, as it would.
    correction = submit_one(session, answers[1], supersedes=ids[1])
    page.activated()
    assert page.sent_back.proxy.index(0, 4).data().startswith("Correction ")
    assert not page.sb_correct.isEnabled()

    result = run_pass(directory, session)
    assert result.ok, result.error
    assert result.accepted == 1
    page.activated()
    assert listed(page.sent_back) == []
    assert correction in centre_holds(centre)


def test_a_record_held_for_review_is_not_sent_until_approved(
    branch: tuple[BranchDirectory, Session],
    centre: RunningCentre,
    page: RejectionsPage,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    directory, session = branch
    straight = submit(session, sample_answers(1, seed=31))[0]  # before the policy: it goes out
    page.policy_switch.click()
    assert session.policy.review_before_sync
    held, returned = (submit_one(session, a, hold=True) for a in sample_answers(2, seed=32))

    result = run_pass(directory, session)
    assert result.ok, result.error
    assert result.records == 1
    assert centre_holds(centre) == {straight}

    page.activated()
    assert set(listed(page.pending)) == {held, returned}
    monkeypatch.setattr(dialogs, "ask_reason", lambda parent, title, prompt: "Ask for the ID card again.")
    page.pending.select_ids([returned])
    page.pe_return.click()
    page.pending.select_ids([held])
    page.pe_approve.click()
    assert listed(page.pending) == []

    result = run_pass(directory, session)
    assert result.ok, result.error
    assert (result.records, result.accepted) == (1, 1)
    assert centre_holds(centre) == {straight, held}  # the returned one stays at the branch
    assert listed(page.returned) == [returned]

    session.set_policy(dataclasses.replace(session.policy, review_before_sync=False))
    assert run_pass(directory, session).records == 0  # turning review off sends nothing by itself
