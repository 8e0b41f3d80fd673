"""The Registrations page on a real store synced with a real centre: lazy list, search as
you type, the state filter, the record view and its buttons."""

from __future__ import annotations

import pytest
import sqlcipher3
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from branch_client.store import search, states
from branch_client.store.errors import StoreCorrupt
from branch_client.store.search import ListFilter
from branch_client.ui.registrations.model import RECORD_ID_ROLE, STATE, RegistrationListModel
from branch_client.ui.registrations.page import RegistrationsPage
from forms.display import show_datetime
from sync.outbox import Outbox
from tests.sync.helpers import run_pass, sample_answers, submit_new
from tests.ui.registrations.conftest import Store


@pytest.fixture
def page(qtbot: QtBot, store: Store) -> RegistrationsPage:
    widget = RegistrationsPage(store.session)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    widget.activated()
    return widget


def shown_ids(page: RegistrationsPage) -> list[str]:
    model = page.model
    return [model.data(model.index(r, 0), RECORD_ID_ROLE) for r in range(model.rowCount())]  # type: ignore[misc]


def test_model_loads_lazily_a_page_at_a_time(store: Store, qtmodeltester: ModelTester) -> None:
    model = RegistrationListModel(store.session, page_size=7)
    assert model.rowCount() == 0  # nothing is read at construction
    assert not model.canFetchMore()
    model.set_filter(ListFilter())
    assert model.rowCount() == 7
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 14
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == len(store.ids)
    assert [model.row_at(r).record_id for r in range(model.rowCount())] == sorted(store.ids, reverse=True)
    model.set_filter(ListFilter(query="no such name"))
    assert model.rowCount() == 0
    assert not model.canFetchMore()
    qtmodeltester.check(model, force_py=True)


def test_a_store_failing_while_scrolling_is_reported_and_the_rows_held_stay(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = RegistrationListModel(store.session, page_size=7)
    model.set_filter(ListFilter())

    def damaged(*_args: object, **_kwargs: object) -> list[object]:  # the disk went bad under the store
        raise sqlcipher3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(search, "page", damaged)
    with qtbot.wait_signal(model.load_failed, timeout=1_000) as failed:
        model.fetchMore()
    assert isinstance(failed.args[0], StoreCorrupt)
    assert model.rowCount() == 7
    assert not model.canFetchMore()  # the view stops asking


def test_the_page_shows_the_first_screenful_and_says_plainly_when_nothing_matches(
    qtbot: QtBot, page: RegistrationsPage, store: Store, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(page.model, force_py=True)
    assert set(shown_ids(page)) == set(store.ids)
    first = page.model.row_at(0)
    assert first.reference == store.references[first.record_id]
    assert page.model.data(page.model.index(0, STATE)) == "Waiting"
    # (not "qqqq": forgiving search folds it to "k", the start of many names)
    page.search_edit.setText("Nobody Here")
    qtbot.wait_until(lambda: page.model.filter.query == "Nobody Here")  # after the debounce
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible()
    assert page.empty_label.text() == "No registration matches “Nobody Here”."
    assert not page.table.isVisible()


def test_typing_waits_for_a_pause_then_searches(qtbot: QtBot, page: RegistrationsPage, store: Store) -> None:
    record_id = store.ids[4]
    answers = store.answers[record_id]
    for n in range(1, len(answers["id_number"]) + 1):  # one key at a time, faster than the debounce
        page.search_edit.setText(answers["id_number"][:n])
    assert page.model.filter.query == ""  # nothing ran yet
    qtbot.wait_until(lambda: page.model.filter.query == answers["id_number"])
    assert shown_ids(page) == [record_id]
    page.search_edit.setText(answers["given_name_latin"].upper())
    page.search_edit.returnPressed.emit()  # Enter searches at once
    assert record_id in shown_ids(page)


def test_an_empty_branch_says_so(qtbot: QtBot, tmp_path: object, centre: object) -> None:
    from pathlib import Path

    from tests.sync.helpers import enrolled_branch

    with enrolled_branch(Path(str(tmp_path)) / "empty", centre) as (_, session):  # type: ignore[arg-type]
        widget = RegistrationsPage(session)
        qtbot.addWidget(widget)
        widget.show()
        widget.activated()
        assert widget.model.rowCount() == 0
        assert widget.empty_label.text().startswith("No registrations yet.")
        widget.close()


def test_state_filter_after_a_real_sync(qtbot: QtBot, page: RegistrationsPage, store: Store) -> None:
    session, centre = store.session, store.centre
    bad = sample_answers(3, seed=12)
    for answers in bad:
        del answers["sex"]
    rejected = submit_new(session, bad)
    assert run_pass(store.directory, session, batch_size=50).ok
    centre.store.decide(store.ids[0], "needs_correction", "photo_unclear", "រូបថតមិនច្បាស់", "The photo is unclear.")
    assert run_pass(store.directory, session).decisions == 1
    waiting = submit_new(session, sample_answers(2, seed=13))
    [held] = submit_new(session, sample_answers(1, seed=14))
    session.db.execute("DELETE FROM outbox WHERE record_id = ?", [held])  # held for review never reaches it
    session.db.execute("UPDATE registrations SET review_state = 'pending' WHERE id = ?", [held])
    session.db.execute(
        "UPDATE registrations SET withdrawn_at = '2026-11-25T00:00:00+00:00' WHERE id = ?", [rejected[2]]
    )
    session.db.conn.commit()

    outbox = Outbox(session.db.conn)
    expected: dict[str, set[str]] = {state: set() for state in states.STATES}
    for record_id in [*store.ids, *rejected, *waiting]:
        record = outbox.record_state(record_id)
        assert record is not None
        expected[record.state].add(record_id)
    expected["rejected"].discard(rejected[2])
    expected["withdrawn"] = {rejected[2]}
    expected["held"] = {held}
    assert expected["accepted"]
    assert len(expected["rejected"]) == 2
    assert expected["needs_correction"] == {store.ids[0]}
    assert expected["waiting"] == set(waiting)

    page.refresh()
    for n in range(page.state_combo.count()):
        page.state_combo.setCurrentIndex(n)  # applies at once
        state = page.state_combo.currentData()
        shown = set(shown_ids(page))
        if state is None:
            assert len(shown) == len(store.ids) + 3 + 2 + 1
        else:
            assert shown == expected[state], state
            assert all(page.model.row_at(r).state == state for r in range(page.model.rowCount()))
    page.state_combo.setCurrentIndex(page.state_combo.findData("accepted"))
    assert all(page.model.row_at(r).cam_ie_number for r in range(page.model.rowCount()))
    page.state_combo.setCurrentIndex(page.state_combo.findData("returned"))
    assert page.empty_label.text() == "No registration is in the state “Returned to the teller”."


def test_record_view_shows_answers_state_history_and_offers_correct_only_when_allowed(
    qtbot: QtBot, page: RegistrationsPage, store: Store
) -> None:
    session = store.session
    bad = sample_answers(1, seed=15)
    del bad[0]["sex"]
    [rejected] = submit_new(session, bad)
    assert run_pass(store.directory, session, batch_size=50).ok
    accepted = store.ids[1]

    page.show_record(accepted)
    view = page.record_view
    assert page.stack.currentWidget() is view
    labels = dict(view.answer_rows)
    answers = store.answers[accepted]
    assert labels["Family name (Latin letters)"] == answers["family_name_latin"]
    assert labels["Sex"] == ("Female" if answers["sex"] == "female" else "Male")  # a choice by its label
    assert "Accepted" in view.state_label.text()
    number = session.db.execute("SELECT cam_ie_number FROM sync_results WHERE record_id = ?", [accepted]).fetchone()
    assert number[0] in view.state_label.text()
    assert [what for _, what in view.history_rows] == ["Submitted", "Sent to the centre", "The centre accepted it"]
    assert view.detail is not None  # its times read as everywhere else: day first, 24-hour clock
    assert view.history_rows[0][0] == show_datetime(view.detail.submitted_at, "en")
    assert not view.correct_button.isVisibleTo(view)
    with qtbot.wait_signal(page.receipt_requested) as receipt:
        view.receipt_button.click()
    assert receipt.args == [accepted]

    page.show_record(rejected)
    assert "Rejected" in view.state_label.text()
    assert view.message_label.text().startswith("The centre says: ")
    assert view.history_rows[-1][1].startswith("The centre rejected it")
    assert view.correct_button.isVisibleTo(view)
    with qtbot.wait_signal(page.correction_requested) as correction:
        view.correct_button.click()
    assert correction.args == [rejected]

    # Once corrected, the original offers no second correction, and the list shows version 2.
    [fixed] = submit_new(session, sample_answers(1, seed=15), supersedes=rejected)
    page.show_record(rejected)
    assert not view.correct_button.isVisibleTo(view)
    assert "replaced by a later version" in view.state_label.text()
    view.back_button.click()
    assert page.stack.currentWidget() is page.list_page
    page.refresh()
    assert rejected not in shown_ids(page)
    row = page.model.row_of(fixed)
    assert str(page.model.data(page.model.index(row, 0))).endswith("/2")
    assert "version 2" in str(page.model.data(page.model.index(row, 0), Qt.ItemDataRole.ToolTipRole))
    page.earlier_versions.setChecked(True)
    assert rejected in shown_ids(page)


def test_opening_from_the_list_with_enter_or_a_double_click(page: RegistrationsPage, store: Store) -> None:
    index = page.model.index(2, 1)
    page.table.activated.emit(index)
    assert page.stack.currentWidget() is page.record_view
    assert page.record_view.detail is not None
    assert page.record_view.detail.record_id == page.model.row_at(2).record_id
    page.show_record("not-a-record")
    assert page.stack.currentWidget() is page.list_page
    assert page.message.text() == "That registration is not in this branch's store."
