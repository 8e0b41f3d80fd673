"""The manager's sync page: counts that match the store, live updates while a pass runs, the
batch history and a batch's records, the branch-at-risk warnings, and the policy box."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branch_client.i18n import Translator, translate
from branch_client.qt.sync_worker import SyncController
from branch_client.services import sync as sync_service
from branch_client.services.sync import RiskWarning, SyncRunner, disk_is_low, risk_warnings
from branch_client.store import BranchDirectory, NewRegistration, Session, drafts
from branch_client.store.drafts import Draft
from branch_client.store.policy import Policy
from branch_client.ui.sync import text as sync_text
from branch_client.ui.sync.batches_model import BatchHistoryModel, BatchRecordsModel
from branch_client.ui.sync.page import SyncPage
from branch_client.ui.sync.status_indicator import SyncIndicator
from central.runner import RunningCentre, start_centre
from forms import load_form
from sync import device as device_config
from sync.engine import PassResult
from sync.ids import uuid7_str
from sync.outbox import Outbox
from tests.sync.helpers import FAST_RETRY, enrolled_branch, review_before_sync, run_pass, sample_answers, submit

Branch = tuple[BranchDirectory, Session]
GiB = 1 << 30


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[RunningCentre]:
    with start_centre(tmp_path / "centre.db") as running:
        yield running


@pytest.fixture
def branch(tmp_path: Path, centre: RunningCentre) -> Iterator[Branch]:
    with enrolled_branch(tmp_path / "branch", centre) as made:
        yield made


def _take_snapshot(directory: BranchDirectory, session: Session) -> sync_service.SyncSnapshot:
    """As the sync worker does: over a connection of its own."""
    runner = SyncRunner(directory.db_path, session.key)
    try:
        return runner.snapshot()
    finally:
        runner.close()


def _submit_with_one_rejected(session: Session, n: int, *, seed: int) -> list[str]:
    answers = sample_answers(n, seed=seed)
    answers[2] = {**answers[2], "phone": "+85512"}  # too short: the centre's rules reject it
    return submit(session, answers, prefix=f"S{seed}")


def _sql(session: Session, sql: str) -> int:
    return int(session.db.execute(sql).fetchone()[0])


def test_counts_match_independent_sql_counts(branch: Branch, qtbot: QtBot) -> None:
    directory, session = branch
    _submit_with_one_rejected(session, 10, seed=1)
    assert run_pass(directory, session).ok
    submit(session, sample_answers(4, seed=2), prefix="W")  # waiting
    form = load_form()
    held = NewRegistration(
        uuid7_str(),
        form.form_id,
        form.version,
        sample_answers(1, seed=3)[0],
        "2026-11-24T09:00:00+07:00",
    )
    with review_before_sync(session):
        session.submit_registration(held)
    for _ in range(2):
        drafts.save(
            session.db, Draft(uuid7_str(), session.account.id, form.form_id, form.version, {"owner_name": "ស៊ុន"})
        )

    snap = _take_snapshot(directory, session)
    expected = {
        "drafts": _sql(session, "SELECT count(*) FROM drafts"),
        "held": _sql(session, "SELECT count(*) FROM registrations WHERE review_state = 'pending'"),
        "waiting": _sql(session, "SELECT count(*) FROM outbox WHERE state = 'waiting'"),
        "in_flight": _sql(session, "SELECT count(*) FROM outbox WHERE state = 'in_flight'"),
        **{
            status: _sql(session, f"SELECT count(*) FROM sync_results WHERE status = '{status}'")
            for status in ("accepted", "duplicate", "rejected", "needs_correction")
        },
    }
    assert expected == {
        "drafts": 2,
        "held": 1,
        "waiting": 4,
        "in_flight": 0,
        "accepted": 9,
        "duplicate": 0,
        "rejected": 1,
        "needs_correction": 0,
    }
    assert {key: snap.counts[key] for key in expected} == expected
    oldest = session.db.execute(
        "SELECT min(enqueued_at) FROM outbox WHERE state IN ('waiting', 'in_flight')"
    ).fetchone()[0]
    assert snap.oldest_waiting_at == oldest
    assert snap.last_success_at == Outbox(session.db.conn).settings.get("last_success_at")

    page = SyncPage(session)
    qtbot.addWidget(page)
    page.set_snapshot(snap)
    for key, count in expected.items():
        assert page.value_text(key) == str(count)
    assert page.value_text("last_success") != sync_text.when(None)
    assert page.warning_texts() == []
    assert not page.warnings.isVisibleTo(page)


def test_the_page_follows_a_running_pass_through_signals(branch: Branch, qtbot: QtBot) -> None:
    directory, session = branch
    submit(session, sample_answers(20, seed=4))
    sync = SyncController(directory.db_path, session.key, retry=FAST_RETRY, batch_size=5)
    sync._worker.live_snapshot_s = 0  # a snapshot after every batch, so each one shows
    page = SyncPage(session)
    qtbot.addWidget(page)
    page.follow(sync)
    seen: list[tuple[bool, str, int]] = []  # (pass running, accepted shown, batches listed)

    def note(_: object) -> None:
        assert page.batches is not None
        seen.append((sync.running, page.value_text("accepted"), page.batches.rowCount()))

    sync.state_changed.connect(note)
    try:
        with qtbot.wait_signal(sync.running_changed, timeout=10_000):
            sync.start()  # a pass now, and the timer for the next ones
        assert page.cancel_button.isEnabled()
        assert not page.sync_button.isEnabled()
        with qtbot.wait_signal(sync.pass_finished, timeout=30_000) as finished:
            pass
        assert finished.args is not None
        assert finished.args[0].ok
        qtbot.wait_until(lambda: page.value_text("accepted") == "20", timeout=10_000)
    finally:
        sync.shutdown(wait_ms=10_000)
    during = [accepted for running, accepted, _ in seen if running]
    assert any(0 < int(a) < 20 for a in during), seen  # counts moved while the pass ran
    assert [batches for running, _, batches in seen if running] == sorted(b for r, _, b in seen if r)
    assert page.value_text("waiting") == "0"
    assert page.batches is not None
    assert page.batches.rowCount() == 4
    assert not page.cancel_button.isEnabled()
    assert page.value_text("next_attempt") != "—"  # the controller's timer is running


def test_batch_history_and_a_batchs_records_match_the_store(
    branch: Branch, qtbot: QtBot, qtmodeltester: object
) -> None:
    directory, session = branch
    _submit_with_one_rejected(session, 16, seed=5)
    assert run_pass(directory, session, batch_size=7).ok
    page = SyncPage(session)
    qtbot.addWidget(page)
    page.set_snapshot(_take_snapshot(directory, session))
    batches, records = page.batches, page.batch_records
    assert isinstance(batches, BatchHistoryModel)
    assert isinstance(records, BatchRecordsModel)
    qtmodeltester.check(batches)  # type: ignore[attr-defined]

    stored = session.db.execute(
        "SELECT batch_id, created_at, record_count, wire_bytes, duration_ms, accepted, rejected FROM sync_batches ORDER BY sequence DESC"
    ).fetchall()
    assert len(stored) == 3
    shown = [batches.row_at(row) for row in range(batches.rowCount())]
    assert [
        (b.batch_id, b.created_at, b.record_count, b.wire_bytes, b.duration_ms, b.accepted, b.rejected) for b in shown
    ] == [tuple(r) for r in stored]
    assert batches.data(batches.index(0, 0)) == sync_text.when(stored[0][1])
    assert batches.data(batches.index(0, 1)) == str(stored[0][2])
    assert batches.data(batches.index(0, 2)) == sync_text.size(stored[0][3])

    oldest = batches.rowCount() - 1  # the first batch holds the rejected record (the third submitted)
    page.select_batch(oldest)
    assert records.batch_id == stored[-1][0]
    qtmodeltester.check(records)  # type: ignore[attr-defined]
    expected = session.db.execute(
        "SELECT r.reference, s.status, s.message_en, s.message_km FROM outbox o JOIN registrations r ON r.id = o.record_id"
        " JOIN sync_results s ON s.record_id = o.record_id WHERE o.batch_id = ? ORDER BY r.reference",
        [stored[-1][0]],
    ).fetchall()
    assert len(expected) == 7
    assert [records.data(records.index(row, 0)) for row in range(records.rowCount())] == [r[0] for r in expected]
    assert [records.data(records.index(row, 1)) for row in range(records.rowCount())] == [
        sync_text.state_name(r[1]) for r in expected
    ]
    rejected = next(row for row, r in enumerate(expected) if r[1] == "rejected")
    assert expected[rejected][2]
    assert expected[rejected][3]
    assert records.data(records.index(rejected, 3)) == expected[rejected][2]
    records.retranslate("km")
    assert records.data(records.index(rejected, 3)) == expected[rejected][3]  # the centre's words in Khmer
    assert "2" not in page.records_title.text() or sync_text.when(stored[-1][1]) in page.records_title.text()

    # Read a page at a time: two rows, then the rest as the view asks.
    lazy = BatchHistoryModel(session, page=2)
    lazy.refresh()
    assert lazy.rowCount() == 2
    assert lazy.canFetchMore(lazy.index(-1, -1))
    lazy.fetchMore(lazy.index(-1, -1))
    assert [lazy.row_at(r).batch_id for r in range(lazy.rowCount())] == [r[0] for r in stored]
    assert not lazy.canFetchMore(lazy.index(-1, -1))
    qtmodeltester.check(lazy)  # type: ignore[attr-defined]


def _codes(snap: sync_service.SyncSnapshot) -> set[str]:
    return {w.code for w in snap.warnings}


def test_no_sync_for_too_many_days_warns_on_the_page_and_in_the_status_bar(branch: Branch, qtbot: QtBot) -> None:
    directory, session = branch
    assert run_pass(directory, session).ok
    outbox = Outbox(session.db.conn)
    assert _codes(_take_snapshot(directory, session)) == set()
    outbox.settings.put("last_success_at", (datetime.now(UTC) - timedelta(days=1, hours=20)).isoformat())
    assert _codes(_take_snapshot(directory, session)) == set()
    outbox.settings.put("last_success_at", (datetime.now(UTC) - timedelta(days=3, hours=1)).isoformat())
    snap = _take_snapshot(directory, session)
    assert _codes(snap) == {"no_sync"}
    assert snap.warnings[0].count == 3

    page, indicator = SyncPage(session), SyncIndicator()
    qtbot.addWidget(page)
    qtbot.addWidget(indicator)
    page.set_snapshot(snap)
    indicator.set_snapshot(snap)
    assert page.warning_texts() == [sync_text.warning(snap.warnings[0])]
    assert "No successful sync for 3 days" in page.warnings.text()
    assert page.warnings.isVisibleTo(page)
    assert "no sync for 3 days" in indicator.text()
    assert indicator.warnings() == page.warning_texts()

    session.set_policy(Policy(warn_days_without_sync=5))  # the manager allows longer
    assert _codes(_take_snapshot(directory, session)) == set()


def test_too_many_waiting_warns_above_the_policys_threshold(branch: Branch, qtbot: QtBot) -> None:
    directory, session = branch
    submit(session, sample_answers(5, seed=6))
    assert _codes(_take_snapshot(directory, session)) == set()  # 5 ≤ 200 (the default)
    session.set_policy(Policy(warn_waiting=4))
    snap = _take_snapshot(directory, session)
    assert _codes(snap) == {"too_many_waiting"}
    assert (snap.warnings[0].count, snap.warnings[0].threshold) == (5, 4)
    session.set_policy(Policy(warn_waiting=5))
    assert _codes(_take_snapshot(directory, session)) == set()


def test_the_centre_key_about_to_expire_warns(branch: Branch) -> None:
    directory, session = branch
    outbox = Outbox(session.db.conn)
    device = device_config.load(outbox.settings)
    assert device is not None
    in_10_days = (datetime.now(UTC) + timedelta(days=10)).isoformat()
    device_config.save(outbox.settings, dataclasses.replace(device, centre_key_expires_at=in_10_days))
    snap = _take_snapshot(directory, session)
    assert _codes(snap) == {"centre_key_expiring"}
    assert snap.warnings[0].count == 10
    assert "expires in 10 days" in sync_text.warning(snap.warnings[0])
    device_config.save(
        outbox.settings,
        dataclasses.replace(device, centre_key_expires_at=(datetime.now(UTC) + timedelta(days=45)).isoformat()),
    )
    assert _codes(_take_snapshot(directory, session)) == set()


def test_the_disk_threshold_is_under_1_gib_or_5_percent_free() -> None:
    assert not disk_is_low(2 * GiB, 20 * GiB)  # 10 %, 2 GiB
    assert disk_is_low(GiB - 1, 10 * GiB)  # under 1 GiB
    assert disk_is_low(4 * GiB, 100 * GiB)  # 4 %
    assert not disk_is_low(6 * GiB, 100 * GiB)
    assert not disk_is_low(0, 0)  # nothing measured
    now = datetime.now(UTC)
    quiet = {
        "now": now,
        "policy": Policy(),
        "waiting": 0,
        "last_success_at": now.isoformat(),
        "oldest_waiting_at": None,
        "centre_key_expires_at": None,
    }
    assert risk_warnings(**quiet, disk=(50 * GiB, 100 * GiB)) == ()  # type: ignore[arg-type]
    assert risk_warnings(**quiet, disk=(GiB // 2, 100 * GiB)) == (RiskWarning("disk_low", count=GiB // 2, threshold=0),)  # type: ignore[arg-type]
    assert "nearly full" in sync_text.warning(RiskWarning("disk_low", count=GiB // 2, threshold=0))


def test_a_branch_that_never_synced_warns_from_its_oldest_waiting_record() -> None:
    now = datetime.now(UTC)
    args = {
        "now": now,
        "policy": Policy(),
        "waiting": 1,
        "last_success_at": None,
        "centre_key_expires_at": None,
        "disk": None,
    }
    assert risk_warnings(**args, oldest_waiting_at=(now - timedelta(hours=5)).isoformat()) == ()  # type: ignore[arg-type]
    (warning,) = risk_warnings(**args, oldest_waiting_at=(now - timedelta(days=4)).isoformat())  # type: ignore[arg-type]
    assert (warning.code, warning.count) == ("no_sync", 4)


def test_the_policy_box_saves_the_thresholds_and_asks_for_fresh_warnings(branch: Branch, qtbot: QtBot) -> None:
    directory, session = branch
    page = SyncPage(session)
    qtbot.addWidget(page)
    assert page.warn_days.value() == 2
    assert page.warn_waiting.value() == 200
    assert not page.review_before_sync.isChecked()
    page.warn_days.setValue(4)
    page.warn_waiting.setValue(50)
    page.review_before_sync.setChecked(True)
    with qtbot.wait_signal(page.refresh_requested, timeout=1_000):
        page.policy_save.click()
    assert session.policy == Policy(review_before_sync=True, warn_days_without_sync=4, warn_waiting=50)
    assert _take_snapshot(directory, session).policy == session.policy
    assert session.db.execute("SELECT count(*) FROM audit_log WHERE action = 'policy_changed'").fetchone()[0] == 1
    with qtbot.assert_not_emitted(page.refresh_requested):
        page.policy_save.click()  # nothing changed: nothing saved, nothing audited
    assert session.db.execute("SELECT count(*) FROM audit_log WHERE action = 'policy_changed'").fetchone()[0] == 1


def test_a_batch_given_up_lists_its_records_as_sent_again(branch: Branch, qtbot: QtBot) -> None:
    _, session = branch
    ids = submit(session, sample_answers(3, seed=9), prefix="G")
    outbox = Outbox(session.db.conn)
    batch = outbox.record_batch("given-up", outbox.next_sequence(), b"sealed", ids)
    outbox.abandon_batch(batch, "stale_sequence")
    page = SyncPage(session)
    qtbot.addWidget(page)
    page.activated()
    assert page.batches is not None
    assert page.batch_records is not None
    assert page.batches.rowCount() == 1
    assert page.batches.row_at(0).state == "abandoned"
    assert "Not taken by the centre (stale_sequence)" in str(page.batches.data(page.batches.index(0, 4)))
    page.select_batch(0)
    records = page.batch_records
    assert [records.data(records.index(r, 0)) for r in range(records.rowCount())] == [
        "G-000000",
        "G-000001",
        "G-000002",
    ]
    assert {records.data(records.index(r, 1)) for r in range(records.rowCount())} == {"Sent again in a later batch"}


def test_the_status_lines_are_worded_again_after_a_language_switch(
    branch: Branch, qtbot: QtBot, qapp: QApplication
) -> None:
    """What the page last said (a saved policy, a finished pass, a problem) and its times and
    counts follow a switch to Khmer and back, without the manager acting again."""
    directory, session = branch
    page = SyncPage(session)
    qtbot.addWidget(page)
    page.set_snapshot(_take_snapshot(directory, session))
    page.warn_days.setValue(5)
    with qtbot.wait_signal(page.refresh_requested, timeout=1_000):
        page.policy_save.click()
    assert page.info.text() == "The branch policy was saved."
    assert page.value_text("last_success") == "never"
    translator = Translator(qapp)
    try:
        translator.set_language("km")
        qtbot.wait_until(lambda: page.info.text() != "The branch policy was saved.")
        saved = page.info.text()
        assert saved == translate("Sync", "The branch policy was saved.")
        assert re.search("[\u1780-\u17ff]", saved)
        assert not re.search("[A-Za-z]", saved)
        assert page.value_text("last_success") == translate("Sync", "never") != "never"
        # A line worded by the caller (as the workspace does after a pass) follows too.
        report = PassResult(started_at="", records=3, accepted=2, rejected=1)
        page.show_info(lambda: sync_text.pass_report(report))
        khmer_line = page.info.text()
        assert re.search("[\u1780-\u17ff]", khmer_line)
        assert "3" in khmer_line
        translator.set_language("en")
        qtbot.wait_until(
            lambda: page.info.text() == "Sync finished: sent 3, 3 decisions received: 2 accepted, 1 sent back."
        )
        assert page.value_text("last_success") == "never"
    finally:
        translator.set_language("en")
        QApplication.processEvents()
        translator.deleteLater()
