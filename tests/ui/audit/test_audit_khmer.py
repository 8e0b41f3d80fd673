"""The audit log in the Khmer UI: every action, form id, field name and the status line in
words, switched at run time with the real translator; a code from a newer version kept in
parentheses after a generic phrase."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from branch_client.i18n import Translator
from branch_client.services import indicators
from branch_client.store import Session, audit
from branch_client.store.indicator_facts import DateRange
from branch_client.store.policy import Policy
from branch_client.ui.audit import text as audit_text
from branch_client.ui.audit.page import AuditPage
from tests.sync.helpers import sample_answers, submit

# Latin text that is English by nature: the programme's name and file types.
_NAMES_AND_UNITS = {"CAM", "IE", "CSV", "PDF"}
_KHMER = re.compile("[\u1780-\u17ff]")
FUTURE_ACTION = "branch_moved_to_new_office"  # what a newer version might write


def latin_words(text: str, *, allowed: Iterable[str] = ()) -> list[str]:
    """The Latin words in `text` that are not allowed names, codes or units.

    A code in parentheses ("(some_code)") is kept on purpose and is not a word.
    """
    for value in allowed:
        text = text.replace(value, " ")
    text = re.sub(r"\([a-z0-9_]+\)", " ", text)
    return [w for w in re.findall(r"[A-Za-z]+", text) if w not in _NAMES_AND_UNITS]


def _several_actions(session: Session) -> set[str]:
    """Entries of several kinds, made the way the app makes them; returns the references."""
    ids = submit(session, sample_answers(2, seed=31))  # registration_submitted, form id in details
    week = DateRange(datetime.date(2026, 1, 1), datetime.date(2026, 1, 7))
    indicators.report_exported(session, week)  # indicators_exported, with from/to days
    session.set_policy(Policy(review_before_sync=True, warn_days_without_sync=3, warn_waiting=20))
    audit.append(session.db, actor=session.account.id, action=FUTURE_ACTION, subject=None)
    return set(session.references(ids).values())


def test_the_log_and_its_status_line_switch_to_khmer_words(
    manager_session: Session, qtbot: QtBot, translator: Translator
) -> None:
    session = manager_session
    references = _several_actions(session)
    page = AuditPage(session)
    qtbot.addWidget(page)
    page.activated()
    with qtbot.wait_signal(page.verified, timeout=10_000):
        page.verify()
    assert page.verdict.text().startswith("The audit log is intact")
    model = page.model
    actions = {model.entry_at(r).action for r in range(model.rowCount())}
    assert {"registration_submitted", "indicators_exported", "policy_changed", FUTURE_ACTION} <= actions

    translator.set_language("km")
    qtbot.wait_until(lambda: _KHMER.search(page.verdict.text()) is not None)

    # The status line: re-worded in Khmer, the count as a number.
    assert latin_words(page.verdict.text()) == []
    # The action column and the action filter: words, a future code only in parentheses.
    rows = range(model.rowCount())
    shown_actions = [str(model.data(model.index(r, 2))) for r in rows]
    filter_items = [page.action_filter.itemText(i) for i in range(page.action_filter.count())]
    for text in shown_actions + filter_items:
        assert _KHMER.search(text), text
        assert latin_words(text) == [], text
    future = next(r for r in rows if model.entry_at(r).action == FUTURE_ACTION)
    assert str(model.data(model.index(future, 2))).endswith(f"({FUTURE_ACTION})")
    # The details: names and values in words (the form by its Khmer title, days, on/off).
    details = [str(model.data(model.index(r, 4))) for r in rows]
    for text in details:
        assert latin_words(text, allowed=references) == [], text
    submitted = next(r for r in rows if model.entry_at(r).action == "registration_submitted")
    assert "cam_ie_registration" not in details[submitted]
    assert audit_text.form_title("cam_ie_registration", "km") in details[submitted]
    # Every other label the page shows (title, intro, filters, buttons).
    for label in page.findChildren(QLabel):
        if label.isVisibleTo(page):
            assert latin_words(label.text()) == [], label.text()
    assert latin_words(page.verify_button.text()) == []
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    assert all(latin_words(h) == [] for h in headers), headers

    translator.set_language("en")
    qtbot.wait_until(lambda: page.verdict.text().startswith("The audit log is intact"))
    assert str(model.data(model.index(future, 2))) == f"Other action ({FUTURE_ACTION})"


def test_a_tampered_entrys_verdict_is_worded_again_after_a_switch(
    manager_session: Session, qtbot: QtBot, translator: Translator
) -> None:
    session = manager_session
    for i in range(4):
        audit.append(session.db, actor=session.account.id, action="login", subject=str(i))
    session.db.execute("DROP TRIGGER audit_log_no_update")
    session.db.execute("UPDATE audit_log SET subject = 'forged' WHERE seq = 3")
    page = AuditPage(session)
    qtbot.addWidget(page)
    with qtbot.wait_signal(page.verified, timeout=10_000):
        page.verify()
    english = page.verdict.text()
    assert english.startswith("Entry 3 (")
    translator.set_language("km")
    qtbot.wait_until(lambda: page.verdict.text() != english)
    assert _KHMER.search(page.verdict.text())
    assert latin_words(page.verdict.text()) == []
    assert "3" in page.verdict.text()


def test_details_name_fields_by_their_labels_and_forms_by_their_titles(qtbot: QtBot, translator: Translator) -> None:
    del qtbot
    raw = '{"form":"cam_ie_registration","sex":"female","from":"2026-04-15","format":"pdf","was":"needs_correction"}'
    english = audit_text.details(raw)
    assert english == (
        "form: CAM-IE informal business registration, Sex: Female, from: 15 April 2026, file type: PDF,"
        " was: sent back for correction"
    )
    translator.set_language("km")
    words = audit_text.details(raw)
    assert latin_words(words) == [], words
    assert "2026" in words
    assert audit_text.details("not json") == "not json"  # shown as it is
