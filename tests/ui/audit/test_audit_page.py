"""The audit log viewer: plain words for every action, usernames and references for ids,
filters by user, action and dates, paging, and *Verify* on an intact and a tampered log."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from branch_client.store import Session, audit
from branch_client.ui.audit import text as audit_text
from branch_client.ui.audit.model import AuditFilter, AuditLogModel
from branch_client.ui.audit.page import AuditPage
from branch_client.ui.sync import text as sync_text
from tests.conftest import TELLER
from tests.sync.helpers import sample_answers, submit

ROOT = Path(__file__).resolve().parents[3]
# How the app names an audit action: audit.append(..., action="x"), self._audit("x", …),
# close(reason="x"), _close_session(reason="x"), record_event("x", …) and the indicators'
# _audit_export(session, "x", …).
_CODE_PATTERNS = [
    re.compile(r'action="([a-z_]+)"'),
    re.compile(r'_audit\(\s*"([a-z_]+)"'),
    re.compile(r'reason="([a-z_]+)"'),
    re.compile(r'record_event\(\s*"([a-z_]+)"'),
    re.compile(r'_audit_export\(\s*\w+,\s*"([a-z_]+)"'),
]


def _codes_in_the_code_base() -> set[str]:
    codes: set[str] = set()
    for path in (ROOT / "branch_client").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in _CODE_PATTERNS:
            codes.update(pattern.findall(text))
    return codes - {"store_true", "version"}  # argparse's own action= values


def _teller_id(session: Session) -> str:
    return next(a.id for a in session.accounts() if a.username == TELLER[0])


def _texts(model: AuditLogModel, column: int) -> list[str]:
    return [str(model.data(model.index(row, column))) for row in range(model.rowCount())]


def test_every_action_code_in_the_code_base_has_plain_words() -> None:
    codes = _codes_in_the_code_base()
    assert {
        "login",
        "registration_submitted",
        "policy_changed",
        "device_enrolled",
        "session_locked",
        "indicators_exported",
        "register_exported",
    } <= codes
    assert codes - audit_text.known_actions() == set()
    assert audit_text.action("login") == "Signed in"
    assert audit_text.action("indicators_exported") == "Indicators exported"
    # A code from a newer version: a generic phrase, the code kept so nothing is lost.
    assert audit_text.action("some_new_code") == "Other action (some_new_code)"


def test_the_log_shows_usernames_phrases_and_references(
    manager_session: Session, qtbot: QtBot, qtmodeltester: object
) -> None:
    session = manager_session
    (record_id,) = submit(session, sample_answers(1, seed=21))
    reference = session.db.execute("SELECT reference FROM registrations WHERE id = ?", [record_id]).fetchone()[0]
    page = AuditPage(session)
    qtbot.addWidget(page)
    page.activated()
    model = page.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    total = session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert model.rowCount() == total
    assert model.entry_at(0).seq == total  # newest first
    assert model.data(model.index(0, 0)) == sync_text.when(model.entry_at(0).at)
    assert model.data(model.index(0, 1)) == "manager"
    assert model.data(model.index(0, 2)) == "Registration submitted"
    assert model.data(model.index(0, 3)) == reference
    assert reference not in str(model.data(model.index(0, 4)))  # already the subject
    created = next(
        r
        for r in range(model.rowCount())
        if model.entry_at(r).action == "account_created" and model.entry_at(r).subject == _teller_id(session)
    )
    assert model.data(model.index(created, 2)) == "Account created"
    assert model.data(model.index(created, 3)) == TELLER[0]
    assert model.data(model.index(created, 4)) == "role: teller"
    assert record_id not in " ".join(_texts(model, 3))
    assert _teller_id(session) not in " ".join(_texts(model, 3) + _texts(model, 1))


def test_filters_by_user_action_and_dates(manager_session: Session, qtbot: QtBot) -> None:
    session = manager_session
    teller = _teller_id(session)
    week_ago = datetime.now(UTC) - timedelta(days=8)
    for day in range(3):
        audit.append(session.db, actor=teller, action="login", subject=teller, at=week_ago + timedelta(days=day))
        audit.append(
            session.db, actor=teller, action="logout", subject=teller, at=week_ago + timedelta(days=day, hours=1)
        )
    page = AuditPage(session)
    qtbot.addWidget(page)
    page.activated()
    everything = page.model.rowCount()

    page.user_filter.setCurrentIndex(page.user_filter.findData(teller))
    assert {page.model.entry_at(r).actor for r in range(page.model.rowCount())} == {teller}
    teller_entries = session.db.execute("SELECT count(*) FROM audit_log WHERE actor = ?", [teller]).fetchone()[0]
    assert page.model.rowCount() == teller_entries

    page.action_filter.setCurrentIndex(page.action_filter.findData("login"))
    assert page.action_filter.currentText() == "Signed in"
    assert _texts(page.model, 2) == ["Signed in"] * 3

    first = (week_ago + timedelta(days=1)).astimezone()
    page.dates.setChecked(True)
    page.date_from.setDate(QDate(first.year, first.month, first.day))
    page.date_to.setDate(QDate(first.year, first.month, first.day))
    assert page.model.rowCount() == 1
    assert page.model.entry_at(0).at == (week_ago + timedelta(days=1)).isoformat()

    page.date_to.setDate(QDate.currentDate())
    assert page.model.rowCount() == 2
    page.dates.setChecked(False)
    page.user_filter.setCurrentIndex(0)
    page.action_filter.setCurrentIndex(0)
    assert page.model.rowCount() == everything
    assert page.action_filter.findData("policy_changed") == -1  # only the actions the log holds are offered
    page.dates.setChecked(True)
    page.date_from.setDate(QDate.currentDate().addDays(-30))
    page.date_to.setDate(QDate.currentDate().addDays(-20))
    assert page.model.rowCount() == 0
    assert page.empty.isVisibleTo(page)


def test_the_log_is_read_a_page_at_a_time(manager_session: Session, qtmodeltester: object) -> None:
    for i in range(12):
        audit.append(manager_session.db, actor=manager_session.account.id, action="test_event", subject=str(i))
    model = AuditLogModel(manager_session, page=5)
    model.set_filter(AuditFilter(action="test_event"))
    assert model.rowCount() == 5
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert [model.entry_at(r).subject for r in range(model.rowCount())] == [str(i) for i in reversed(range(12))]
    assert _texts(model, 2) == ["Other action (test_event)"] * 12
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_verify_says_the_log_is_intact(manager_session: Session, qtbot: QtBot) -> None:
    page = AuditPage(manager_session)
    qtbot.addWidget(page)
    with qtbot.wait_signal(page.verified, timeout=10_000):
        page.verify()
    total = manager_session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert page.verdict.text() == (
        f"The audit log is intact: {total} entries checked. The CAM-IE centre has not witnessed it yet:"
        " until this computer syncs, the chain alone vouches for it."
    )


def test_verify_finds_a_tampered_entry_where_it_is(manager_session: Session, qtbot: QtBot) -> None:
    session = manager_session
    for i in range(6):
        audit.append(session.db, actor=session.account.id, action="test_event", subject=str(i))
    target = 4
    at = session.db.execute("SELECT at FROM audit_log WHERE seq = ?", [target]).fetchone()[0]
    session.db.execute("DROP TRIGGER audit_log_no_update")  # what someone with the key and a shell could do
    session.db.execute("UPDATE audit_log SET subject = 'forged' WHERE seq = ?", [target])
    page = AuditPage(session)
    qtbot.addWidget(page)
    with qtbot.wait_signal(page.verified, timeout=10_000):
        page.verify()
    assert page.verdict.text() == (
        f"Entry {target} ({sync_text.when(at)}) does not match: it was changed or removed after it was written."
    )


def test_verify_finds_a_removed_entry(manager_session: Session, qtbot: QtBot) -> None:
    session = manager_session
    for i in range(4):
        audit.append(session.db, actor=session.account.id, action="test_event", subject=str(i))
    session.db.execute("DROP TRIGGER audit_log_no_delete")
    session.db.execute("DELETE FROM audit_log WHERE seq = 3")
    page = AuditPage(session)
    qtbot.addWidget(page)
    with qtbot.wait_signal(page.verified, timeout=10_000):
        page.verify()
    assert page.verdict.text().startswith("Entry 3 is missing")
