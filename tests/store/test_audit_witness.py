"""The audit log checked against the centre's acknowledgements of its head (issue 15).

A chain rewritten consistently by someone with the database key passes the chain's own
check; it no longer leads to the heads the centre witnessed. The acknowledgements here are
written by the sync's own code (`Outbox.apply_answer`) for batches sealed with the chain's
head, as a pass does; tests/e2e/test_audit_witness.py runs the same against a real centre.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
import sqlcipher3

from branch_client.store import BranchDirectory, Session, audit
from sync.envelope import CentrePrivateKey, DeviceKey, seal
from sync.ids import uuid7_str
from sync.outbox import Outbox, PendingBatch
from sync.protocol import AuditHead, BatchAnswer, ProtocolError, RecordResult
from tests.conftest import FAST_KDF
from tests.store.audit_forgery import chain_alone_fits, rewrite_consistently
from tests.sync.helpers import sample_answers, submit_new

DATA = Path(__file__).resolve().parents[1] / "data"
_CENTRE = CentrePrivateKey.generate("ck-test").public_key()
_DEVICE = DeviceKey.generate()
_SEEDS = itertools.count(100)
RECEIVED = "2026-11-24T10:00:00.000+00:00"


def _fill(session: Session, n: int) -> None:
    for i in range(n):
        audit.append(session.db, actor=session.account.id, action="test_event", subject=str(i))


def _sealed(session: Session) -> tuple[Outbox, PendingBatch, AuditHead]:
    """One new registration in a batch sealed with the audit chain's head as it stands, recorded
    in flight (as a pass seals a batch)."""
    submit_new(session, sample_answers(1, seed=next(_SEEDS)))
    outbox = Outbox(session.db.conn)
    head = outbox.audit_head()
    records = outbox.take_waiting(1, 1 << 20)
    batch_id, sequence = uuid7_str(), outbox.next_sequence()
    body = seal(
        records,
        batch_id=batch_id,
        sequence=sequence,
        device_id="dev-test",
        device_key=_DEVICE,
        centre_key=_CENTRE,
        audit_head=head,
    )
    return outbox, outbox.record_batch(batch_id, sequence, body, [r.id for r in records]), head


def _answer(batch: PendingBatch, head: AuditHead | None, received_at: str = RECEIVED) -> BatchAnswer:
    return BatchAnswer(batch.batch_id, received_at, [RecordResult(batch.record_ids[0], "accepted", "CIE-1")], head)


def witness_now(session: Session, received_at: str = RECEIVED) -> int:
    """Seal a batch with the chain's head and apply the centre's answer acknowledging it;
    returns the entry count acknowledged."""
    outbox, batch, head = _sealed(session)
    outbox.apply_answer(batch, _answer(batch, head, received_at), duration_ms=5)
    return head.count


def _entries(session: Session) -> int:
    return int(session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def test_the_centres_acknowledgement_is_kept_with_the_answer(manager_session: Session) -> None:
    session = manager_session
    first = witness_now(session, "2026-11-24T10:00:00.000+00:00")
    _fill(session, 3)
    second = witness_now(session, "2026-11-24T11:00:00.000+00:00")
    assert second == first + 3 + 1  # the three entries and the next registration's
    assert [(w.count, w.received_at) for w in audit.witnesses(session.db)] == [
        (first, "2026-11-24T10:00:00.000+00:00"),
        (second, "2026-11-24T11:00:00.000+00:00"),
    ]
    assert audit.witnesses(session.db)[1].hash == audit.entry(session.db, second).hash  # type: ignore[union-attr]


def test_an_intact_chain_is_witnessed_up_to_the_last_acknowledgement(manager_session: Session) -> None:
    session = manager_session
    witness_now(session)
    last = witness_now(session, "2026-11-24T12:00:00.000+00:00")
    _fill(session, 4)  # written since: the chain alone vouches for them
    report = audit.verify_chain(session.db)
    assert report.intact
    assert report.witnessed is not None
    assert (report.witnessed.count, report.witnessed.received_at) == (last, "2026-11-24T12:00:00.000+00:00")
    assert report.unwitnessed == 4 == report.entries - last


def test_a_consistent_rewrite_between_two_acknowledgements_is_found_between_them(manager_session: Session) -> None:
    session = manager_session
    before = witness_now(session, "2026-11-24T10:00:00.000+00:00")
    _fill(session, 5)
    after = witness_now(session, "2026-11-24T11:00:00.000+00:00")
    rewrite_consistently(session.db, before + 3, {"note": "forged"})
    assert chain_alone_fits(session.db)  # the chain by itself cannot tell
    report = audit.verify_chain(session.db)
    assert not report.intact
    assert report.mismatch is not None
    # The first changed entry lies after the last head that still matches, up to the first that does not.
    assert (report.broken_at, report.mismatch.count) == (before + 1, after)
    assert report.mismatch.received_at == "2026-11-24T11:00:00.000+00:00"
    assert "witnessed" in report.reason


def test_a_rewrite_between_consecutive_acknowledgements_is_found_at_its_entry(manager_session: Session) -> None:
    session = manager_session
    counts = [witness_now(session) for _ in range(4)]
    assert counts == list(range(counts[0], counts[0] + 4))  # one audit entry (the submission) per batch
    target = counts[2]
    rewrite_consistently(session.db, target, {"note": "forged"})
    report = audit.verify_chain(session.db)
    assert not report.intact
    assert report.mismatch is not None
    assert report.broken_at == report.mismatch.count == target


def test_a_rewrite_before_the_first_acknowledgement_is_found_up_to_it(manager_session: Session) -> None:
    session = manager_session
    first = witness_now(session)
    rewrite_consistently(session.db, 2, {"note": "forged"})
    report = audit.verify_chain(session.db)
    assert report.mismatch is not None
    assert (report.intact, report.broken_at, report.mismatch.count) == (False, 1, first)


def test_a_rewrite_after_the_last_acknowledgement_rests_on_the_chain_alone(manager_session: Session) -> None:
    """The limit between syncs: entries the centre has not seen yet are vouched for by the chain only."""
    session = manager_session
    last = witness_now(session)
    _fill(session, 3)
    rewrite_consistently(session.db, last + 2, {"note": "forged"})
    report = audit.verify_chain(session.db)
    assert report.intact
    assert report.unwitnessed == 3


def test_without_a_witness_a_consistent_rewrite_is_intact_but_unwitnessed(manager_session: Session) -> None:
    session = manager_session
    _fill(session, 5)
    rewrite_consistently(session.db, 3, {"note": "forged"})
    report = audit.verify_chain(session.db)
    assert (report.intact, report.witnessed, report.mismatch) == (True, None, None)
    assert report.unwitnessed == report.entries


def test_entries_cut_off_below_a_witnessed_head_are_found(manager_session: Session) -> None:
    session = manager_session
    _fill(session, 3)
    witnessed = witness_now(session)
    # Cut the last two witnessed entries and move the head onto the new last entry: the
    # chain fits by itself again.
    session.db.execute("DROP TRIGGER audit_log_no_delete")
    session.db.execute("DELETE FROM audit_log WHERE seq > ?", [witnessed - 2])
    last = audit.entry(session.db, witnessed - 2)
    assert last is not None
    session.db.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", [last.seq, last.hash])
    assert chain_alone_fits(session.db)
    report = audit.verify_chain(session.db)
    assert not report.intact
    assert report.broken_at == witnessed - 1
    assert report.mismatch is not None
    assert report.mismatch.count == witnessed
    assert "removed" in report.reason


def test_the_acknowledgements_are_append_only(manager_session: Session) -> None:
    witness_now(manager_session)
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        manager_session.db.execute("UPDATE audit_witness SET count = 1")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        manager_session.db.execute("DELETE FROM audit_witness")


def test_an_acknowledgement_of_a_head_the_batch_did_not_carry_changes_nothing(manager_session: Session) -> None:
    session = manager_session
    outbox, batch, head = _sealed(session)
    other = AuditHead(head.count + 1, "ab" * 32)
    with pytest.raises(ProtocolError) as refused:
        outbox.apply_answer(batch, _answer(batch, other), duration_ms=5)
    assert refused.value.code == "answer_mismatch"
    assert audit.witnesses(session.db) == []
    assert outbox.record_state(batch.record_ids[0]).state == "in_flight"  # type: ignore[union-attr]
    outbox.apply_answer(batch, _answer(batch, None), duration_ms=5)  # a centre that acknowledges nothing
    assert audit.witnesses(session.db) == []
    assert outbox.record_state(batch.record_ids[0]).state == "accepted"  # type: ignore[union-attr]


def _open_fixture(name: str, tmp_path: Path) -> tuple[BranchDirectory, Session]:
    copy = tmp_path / name
    shutil.copytree(DATA / name, copy)
    directory = BranchDirectory.claim(copy, kdf=FAST_KDF)
    return directory, directory.unlock("manager", "fixture-pass-1")


def test_a_store_upgraded_to_0006_has_no_witness_yet(tmp_path: Path) -> None:
    directory, session = _open_fixture("store-v5", tmp_path)
    try:
        report = audit.verify_chain(session.db)
        assert (report.intact, report.witnessed) == (True, None)
    finally:
        session.close()
        directory.release()


def test_the_schema_6_fixture_is_checked_against_its_witness(tmp_path: Path) -> None:
    directory, session = _open_fixture("store-v6", tmp_path)
    try:
        report = audit.verify_chain(session.db)
        assert report.intact
        assert report.witnessed is not None
        assert report.witnessed.count == 7
        rewrite_consistently(session.db, 2, {"note": "forged"})
        report = audit.verify_chain(session.db)
        assert report.mismatch is not None
        assert (report.intact, report.broken_at, report.mismatch.count) == (False, 1, 7)
    finally:
        session.close()
        directory.release()
