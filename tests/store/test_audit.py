"""The audit log's hash chain finds edited, removed and cut-off entries."""

from __future__ import annotations

import pytest
import sqlcipher3

from branch_client.store import Session, audit


def _fill(session: Session, n: int = 6) -> None:
    for i in range(n):
        audit.append(session.db, actor=session.account.id, action="test_event", subject=str(i))


def _unprotect(session: Session) -> None:
    """What someone with the key and a SQLite shell could do: drop the guard triggers."""
    session.db.execute("DROP TRIGGER audit_log_no_update")
    session.db.execute("DROP TRIGGER audit_log_no_delete")


def test_an_untouched_chain_verifies(manager_session: Session) -> None:
    _fill(manager_session)
    report = audit.verify_chain(manager_session.db)
    assert report.intact
    assert report.entries == manager_session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def test_triggers_refuse_update_and_delete(manager_session: Session) -> None:
    _fill(manager_session)
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        manager_session.db.execute("UPDATE audit_log SET action = 'x' WHERE seq = 1")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        manager_session.db.execute("DELETE FROM audit_log WHERE seq = 1")


def test_an_edited_entry_is_found_where_it_is(manager_session: Session) -> None:
    _fill(manager_session)
    _unprotect(manager_session)
    manager_session.db.execute("UPDATE audit_log SET subject = 'forged' WHERE seq = 4")
    report = audit.verify_chain(manager_session.db)
    assert not report.intact
    assert report.broken_at == 4
    assert "changed" in report.reason


def test_an_edit_with_a_recomputed_hash_breaks_the_next_link(manager_session: Session) -> None:
    _fill(manager_session)
    _unprotect(manager_session)
    row = manager_session.db.execute(
        "SELECT seq, at, actor, action, details, prev_hash FROM audit_log WHERE seq = 4"
    ).fetchone()
    seq, at, actor, action, details, prev_hash = row
    forged = audit.entry_hash(seq, at, actor, action, "forged", details, prev_hash)
    manager_session.db.execute("UPDATE audit_log SET subject = 'forged', hash = ? WHERE seq = 4", [forged])
    report = audit.verify_chain(manager_session.db)
    assert (report.intact, report.broken_at) == (False, 5)


def test_a_deleted_entry_is_found(manager_session: Session) -> None:
    _fill(manager_session)
    _unprotect(manager_session)
    manager_session.db.execute("DELETE FROM audit_log WHERE seq = 3")
    report = audit.verify_chain(manager_session.db)
    assert (report.intact, report.broken_at) == (False, 3)
    assert "missing" in report.reason


def test_entries_cut_off_the_end_are_found(manager_session: Session) -> None:
    _fill(manager_session)
    _unprotect(manager_session)
    last = manager_session.db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    manager_session.db.execute("DELETE FROM audit_log WHERE seq = ?", [last])
    report = audit.verify_chain(manager_session.db)
    assert not report.intact
    assert report.broken_at == last


def test_entries_carry_ids_not_names(manager_session: Session) -> None:
    actions = {e.action: e for e in audit.entries(manager_session.db)}
    assert actions["login"].actor == manager_session.account.id
    assert manager_session.account.username not in actions["login"].details
