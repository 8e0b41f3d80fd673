"""Drafts: written within a second of a change, resumed where they were left, listed, discarded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from branch_client.qt.draft_saver import DEFAULT_DELAY_MS, DraftSaver
from branch_client.store import Session
from branch_client.store.drafts import Draft
from branch_client.ui import dialogs
from branch_client.ui.capture.drafts_model import CHANGED, COMPLETE, KIND, OWNER, DraftsModel, age_text
from branch_client.ui.capture.fields import SearchField, TextField
from branch_client.ui.capture.page import CapturePage
from tests.ui.capture.conftest import MakePage, sample_record, submit_existing


def edit(page: object, name: str) -> TextField:
    field = page.wizard_view.fields[name]  # type: ignore[attr-defined]
    assert isinstance(field, TextField)
    return field


def test_every_change_reaches_the_store_within_a_second(make_page: MakePage, teller: Session, qtbot: QtBot) -> None:
    page = make_page()
    page.new_registration()
    assert page.draft_id is not None
    page.wizard_view.go_next()  # moving about an untouched form makes no draft
    page.wizard_view.go_back()
    assert page.flush()
    assert teller.draft(page.draft_id) is None
    saver = page.saver
    assert saver is not None
    assert saver.delay_ms == DEFAULT_DELAY_MS <= 300  # at most this on the GUI thread, then one write
    name = edit(page, "family_name_latin").edit
    name.setFocus()
    qtbot.keyClicks(name, "Sok")
    # Key clicks are delivered at once; no event loop has run, so nothing has been handed over yet.
    due = saver.hand_over_in_ms()
    assert saver.has_pending()
    assert due is not None
    assert due <= saver.delay_ms * 11 // 10  # the first change's hand-over (Qt's coarse timers: up to 5 % late)
    with qtbot.wait_signal(saver.saved, check_params_cb=lambda draft_id, _at: draft_id == page.draft_id):
        pass  # the saver's own timer hands the change over: no flush
    draft = teller.draft(page.draft_id)
    assert draft is not None
    assert draft.answers["family_name_latin"] == "Sok"
    assert draft.account_id == teller.account.id
    assert draft.form_id == "cam_ie_registration"
    assert 0 < draft.completeness < 1
    assert draft.created_at == page.created_at


def test_a_draft_resumes_after_the_page_is_destroyed(make_page: MakePage, teller: Session, qtbot: QtBot) -> None:
    page = make_page()
    page.new_registration()
    draft_id = page.draft_id
    edit(page, "family_name_km").edit.setText("ចាន់")
    edit(page, "given_name_km").edit.setText("ដារ៉ា")
    edit(page, "family_name_latin").edit.setText("Chan")
    edit(page, "phone").edit.setText("012 999 888")
    page.wizard_view.go_next()
    page.wizard_view.go_next()
    province = page.wizard_view.fields["province"]
    assert isinstance(province, SearchField)
    province.combo.setCurrentIndex(province.combo.findData("17"))
    edit(page, "address_detail").edit.setText("ផ្ទះលេខ ៧")  # the last change, not yet written
    assert page.wizard is not None
    typed = dict(page.wizard.answers)
    gone: list[bool] = []
    page.destroyed.connect(lambda: gone.append(True))
    page.close()
    page.deleteLater()
    qtbot.waitUntil(lambda: bool(gone))

    again = make_page()
    assert again.drafts_model.rowCount() == 1
    assert again.drafts_model.index(0, OWNER).data() == "ចាន់ ដារ៉ា (Chan)"
    table = again.start_view.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # resume the selected draft
    assert again.draft_id == draft_id
    assert again.wizard is not None
    assert again.wizard.answers == typed
    assert again.wizard.page == 2  # the same page
    assert again.wizard_view.stack.currentWidget() is again.wizard_view.page_widgets[2]
    assert edit(again, "address_detail").edit.text() == "ផ្ទះលេខ ៧"
    resumed = again.wizard_view.fields["province"]
    assert isinstance(resumed, SearchField)
    assert resumed.value() == "17"
    assert QApplication.focusWidget() is resumed.combo
    assert [d.id for d in teller.drafts()] == [draft_id]  # resumed, not copied


def test_flush_writes_the_pending_change_before_the_session_closes(make_page: MakePage, teller: Session) -> None:
    page = make_page(save_delay_ms=60_000)  # the timer alone would never write it in this test
    page.new_registration()
    edit(page, "business_name").edit.setText("ហាងបាយ")
    assert page.saver is not None
    assert page.saver.has_pending()
    assert page.flush()
    draft = teller.draft(page.draft_id or "")
    assert draft is not None
    assert draft.answers["business_name"] == "ហាងបាយ"


def test_hiding_the_page_flushes(make_page: MakePage, teller: Session) -> None:
    page = make_page(save_delay_ms=60_000)
    page.new_registration()
    edit(page, "business_name").edit.setText("ហាងកាហ្វេ")
    page.hide()
    draft = teller.draft(page.draft_id or "")
    assert draft is not None
    assert draft.answers["business_name"] == "ហាងកាហ្វេ"


def test_save_and_close_lists_the_draft_and_discard_asks_first(
    make_page: MakePage, teller: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page()
    page.new_registration()
    edit(page, "family_name_latin").edit.setText("Keo")
    page.wizard_view.close_button.click()
    assert page.views.currentWidget() is page.start_view
    model = page.drafts_model
    assert model.rowCount() == 1
    assert model.index(0, OWNER).data() == "Keo"
    assert model.index(0, KIND).data() == "New registration"
    assert model.index(0, CHANGED).data() == "just now"
    assert model.index(0, COMPLETE).data().endswith("%")

    questions: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(dialogs, "ask_confirmation", lambda _parent, _title, q: questions.append(q) or next(answers))
    page.start_view.table.setFocus()
    qtbot.keyClick(page.start_view.table, Qt.Key.Key_Delete)
    assert "Keo" in questions[0]
    assert len(teller.drafts()) == 1  # “no”: nothing changed
    page.start_view.discard_button.click()
    assert teller.drafts() == []
    assert model.rowCount() == 0
    assert page.start_view.empty.isVisible()
    actions = [e.action for e in __import__("branch_client.store.audit", fromlist=["entries"]).entries(teller.db)]
    assert "draft_discarded" in actions


def _draft(n: int, **kwargs: object) -> Draft:
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    values: dict[str, object] = {
        "id": f"d{n}",
        "account_id": "a",
        "form_id": "cam_ie_registration",
        "form_version": "2026.1",
        "answers": {"family_name_latin": f"Name{n}"},
        "completeness": n / 10,
        "created_at": (now - timedelta(hours=n)).isoformat(),
        "updated_at": (now - timedelta(minutes=n * 7)).isoformat(),
    }
    values.update(kwargs)
    return Draft(**values)  # type: ignore[arg-type]


def test_drafts_model_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    model = DraftsModel(now=lambda: datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    model.set_drafts([_draft(1), _draft(2, supersedes="r1", answers={}), _draft(9)], {"r1": "PNH-01-2026-000001-K"})
    qtmodeltester.check(model, force_py=True)  # it keeps watching the changes below
    assert model.index(1, OWNER).data() == "(no name yet)"
    assert model.index(1, KIND).data() == "Correction of PNH-01-2026-000001-K"
    assert model.index(0, CHANGED).data() == "7 min ago"
    assert model.index(2, CHANGED).data() == "1 h ago"
    assert model.index(0, COMPLETE).data() == "10 %"
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == "d1"
    model.retranslate()
    model.set_drafts([])
    assert model.rowCount() == 0


def test_age_text() -> None:
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    assert age_text((now - timedelta(seconds=20)).isoformat(), now) == "just now"
    assert age_text((now - timedelta(minutes=59)).isoformat(), now) == "59 min ago"
    assert "2026" in age_text((now - timedelta(days=3)).isoformat(), now)
    assert age_text("not a time", now) == ""


def test_the_saver_keeps_only_the_newest_state_and_forgets_on_request(teller: Session, qtbot: QtBot) -> None:
    assert teller.db_path is not None
    saver = DraftSaver(teller.db_path, teller.key, delay_ms=50)
    try:
        base = Draft(id="draft-1", account_id=teller.account.id, form_id="f", form_version="1")
        for n in range(20):
            saver.schedule(Draft(**{**base.__dict__, "answers": {"n": n}}))
        with qtbot.waitSignal(saver.saved, timeout=2000):
            pass
        assert saver.flush()
        stored = teller.draft("draft-1")
        assert stored is not None
        assert stored.answers == {"n": 19}
        saver.schedule(Draft(id="draft-2", account_id=teller.account.id, form_id="f", form_version="1"))
        saver.forget("draft-2")
        assert saver.flush()
        assert teller.draft("draft-2") is None
    finally:
        assert saver.close()
    assert saver.closed
    assert saver.close()  # idempotent


# --- Ctrl+N while a form is open ------------------------------------------------------------


def test_ctrl_n_keeps_the_registration_being_typed_and_starts_a_new_one(
    make_page: MakePage, teller: Session, qtbot: QtBot
) -> None:
    page = make_page()
    page.new_registration()
    first = page.draft_id
    assert first is not None
    name = edit(page, "family_name_latin").edit
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    qtbot.keyClicks(name, "Sok")
    qtbot.keyClick(name, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.views.currentWidget() is page.wizard_view
    assert page.draft_id not in (None, first)
    assert page.wizard is not None
    assert "family_name_latin" not in page.wizard.answers  # a fresh registration
    assert edit(page, "family_name_latin").edit.text() == ""
    kept = teller.draft(first)  # written at once, not when the saver's second is up
    assert kept is not None
    assert kept.answers["family_name_latin"] == "Sok"
    assert page.wizard_view.status.text() == "The registration you were typing is kept in the drafts."

    first_question = edit(page, "family_name_km").edit
    qtbot.waitUntil(first_question.hasFocus)  # the teller types on at once
    qtbot.keyClicks(first_question, "a")  # the new one is a draft from its first answer
    page.close_wizard()
    assert len(teller.drafts()) == 2
    assert first in {d.id for d in teller.drafts()}


def test_ctrl_n_on_an_untouched_form_leaves_no_draft(make_page: MakePage, teller: Session, qtbot: QtBot) -> None:
    page = make_page()
    page.new_registration()
    first_question = edit(page, "family_name_km").edit
    qtbot.waitUntil(first_question.hasFocus)
    qtbot.keyClick(first_question, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.views.currentWidget() is page.wizard_view
    assert teller.drafts() == []
    assert page.wizard_view.status.text() == ""


# --- the home area --------------------------------------------------------------------------


def _province(page: CapturePage) -> SearchField:
    field = page.wizard_view.fields["province"]
    assert isinstance(field, SearchField)
    return field


def test_a_new_registration_starts_in_the_branch_s_province(make_page: MakePage, teller: Session) -> None:
    page = make_page()
    page.new_registration()  # branch PNH-01, nothing registered yet: Phnom Penh
    assert page.wizard is not None
    assert page.wizard.answers.get("province") == "12"
    assert "district" not in page.wizard.answers
    assert _province(page).value() == "12"
    assert teller.drafts() == []  # a default is no change: no draft until the teller types


def test_the_home_area_follows_the_registrations_and_spares_drafts_and_corrections(
    make_page: MakePage, teller: Session, qtbot: QtBot
) -> None:
    record = {k: v for k, v in sample_record(seed=3).items() if not k.startswith("_")}
    record.update(province="17", district="1710")
    record_id, _ = submit_existing(teller, record)
    page = make_page()
    page.new_registration()
    assert page.wizard is not None
    assert (page.wizard.answers["province"], page.wizard.answers["district"]) == ("17", "1710")
    district = page.wizard_view.fields["district"]
    assert isinstance(district, SearchField)
    assert district.value() == "1710"

    # The teller can change it, and a resumed draft keeps what the teller chose.
    province = _province(page)
    province.combo.setCurrentIndex(province.combo.findData("02"))
    assert page.wizard.answers["province"] == "02"
    assert "district" not in page.wizard.answers  # the cascade cleared it
    draft_id = page.draft_id
    assert draft_id is not None
    page.close_wizard()
    assert page.resume(draft_id)
    assert page.wizard.answers["province"] == "02"
    assert "district" not in page.wizard.answers

    # A correction starts from the registration's own answers.
    other = {**record, "province": "02", "district": "0203", "phone": "+85597123456", "id_number": "099111222"}
    other.pop("commune", None)
    other.pop("village", None)
    other_id, _ = submit_existing(teller, other)
    assert page.start_correction(other_id)
    assert (page.wizard.answers["province"], page.wizard.answers.get("district")) == ("02", "0203")
    assert page.supersedes == other_id != record_id
