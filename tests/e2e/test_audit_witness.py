"""The audit log's witness over the real loop (issue 15): branch store → sync → the reference
centre on loopback, which keeps the chain's head; then someone with the database key rewrites
the chain consistently, and *Verify* (the window's page and `branch-client audit-verify`) says
where, while `cam-ie-central audit-heads` shows what the centre holds."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from branch_client.store import BranchDirectory, Session, audit
from branch_client.ui.audit.page import AuditPage
from branch_client.ui.sync import text as sync_text
from central.__main__ import main as central_main
from central.runner import RunningCentre, start_centre
from tests.conftest import FAST_KDF, MANAGER, TELLER
from tests.store.audit_forgery import chain_alone_fits, rewrite_consistently
from tests.sync.helpers import enrolled_branch, run_pass, sample_answers, submit_new


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[RunningCentre]:
    with start_centre(tmp_path / "centre.db") as running:
        yield running


def _audit_verify(data_dir: Path, account: tuple[str, str] = MANAGER) -> subprocess.CompletedProcess[str]:
    """`branch-client audit-verify` as a real process, signed in as `account` (the manager)."""
    command = ["audit-verify", "--data-dir", str(data_dir), "--user", account[0], "--password-stdin"]
    return subprocess.run(
        [sys.executable, "-m", "branch_client", *command],
        input=account[1] + "\n",
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )


def _verify_on_the_page(session: Session, qtbot: QtBot) -> str:
    page = AuditPage(session)
    qtbot.addWidget(page)
    with qtbot.wait_signal(page.verified, timeout=10_000) as shown:
        page.verify()
    assert shown.args == [page.verdict.text()]
    return page.verdict.text()


def _submit_and_sync(directory: BranchDirectory, session: Session, passes: int) -> list[int]:
    """One registration (one audit entry) then a pass, `passes` times; the heads acknowledged."""
    for i in range(passes):
        submit_new(session, sample_answers(1, seed=60 + i))
        assert run_pass(directory, session).ok
    return [w.count for w in audit.witnesses(session.db)]


def test_a_consistent_rewrite_after_a_witnessed_sync_is_found_at_its_entry(
    tmp_path: Path, centre: RunningCentre, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "branch"
    with enrolled_branch(data_dir, centre) as (directory, session):
        counts = _submit_and_sync(directory, session, 3)
        assert counts == list(range(counts[0], counts[0] + 3))  # one head per batch, one entry apart
        # The centre keeps the same heads, for this device, and lists them.
        (device,) = centre.store.devices()
        held = centre.store.audit_heads(device.device_id)
        assert [(h.count, h.sha256) for h in held] == [(w.count, w.hash) for w in audit.witnesses(session.db)]
        assert central_main(["audit-heads", "--db", str(centre.store.path), device.device_id]) == 0
        listed = capsys.readouterr().out
        assert all(f"{h.count}  {h.sha256}  {h.received_at}" in listed for h in held)
        report = session.audit_chain_check()()
        assert report.intact
        assert report.witnessed is not None
        assert report.witnessed.count == counts[-1]

        target = counts[1]  # the second registration's entry: witnessed by the second and third batch
        at = session.db.execute("SELECT at FROM audit_log WHERE seq = ?", [target]).fetchone()[0]
        rewrite_consistently(session.db, target, {"reference": "FORGED-1"})
        assert chain_alone_fits(session.db)  # what verify_chain alone used to call intact
        report = session.audit_chain_check()()
        assert not report.intact
        assert report.mismatch is not None
        assert report.broken_at == report.mismatch.count == target
        assert _verify_on_the_page(session, qtbot) == (
            f"Entry {target} ({sync_text.when(at)}) was changed after the CAM-IE centre witnessed it on "
            f"{sync_text.when(held[1].received_at)}: the log no longer matches what the centre holds."
        )
    done = _audit_verify(data_dir)
    assert done.returncode == 1, done.stderr
    assert f"the first entry that no longer matches is entry {target}" in done.stdout
    assert f"witnessed by the centre up to entry {counts[-1]}" in done.stdout


def test_a_rewrite_before_the_first_witness_is_found_among_the_entries_it_vouched_for(
    tmp_path: Path, centre: RunningCentre, qtbot: QtBot
) -> None:
    with enrolled_branch(tmp_path / "branch", centre) as (directory, session):
        (first,) = _submit_and_sync(directory, session, 1)
        rewrite_consistently(session.db, 2, {"note": "forged"})
        (held,) = centre.store.audit_heads(centre.store.devices()[0].device_id)
        assert _verify_on_the_page(session, qtbot) == (
            f"Entries were changed after the CAM-IE centre witnessed them on {sync_text.when(held.received_at)}:"
            f" the first that no longer matches is one of entries 1 to {first}."
        )


def test_entries_written_after_the_witness_still_verify(tmp_path: Path, centre: RunningCentre, qtbot: QtBot) -> None:
    data_dir = tmp_path / "branch"
    with enrolled_branch(data_dir, centre) as (directory, session):
        (witnessed,) = _submit_and_sync(directory, session, 1)
        submit_new(session, sample_answers(2, seed=70))  # two more entries, not synced yet
        (held,) = centre.store.audit_heads(centre.store.devices()[0].device_id)
        total = session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        assert total == witnessed + 2
        assert _verify_on_the_page(session, qtbot) == (
            f"The audit log is intact: {total} entries checked. The CAM-IE centre witnessed entries 1 to {witnessed}"
            f" on {sync_text.when(held.received_at)}; later entries rest on the chain alone until the next sync."
        )
        assert run_pass(directory, session).ok  # the next sync witnesses them too
        total = session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        report = session.audit_chain_check()()
        assert (report.intact, report.unwitnessed) == (True, 0)
        assert report.witnessed is not None
        assert report.witnessed.count == total
        assert _verify_on_the_page(session, qtbot).endswith(
            f"The CAM-IE centre witnessed all of them (last on {sync_text.when(report.witnessed.received_at)})."
        )
    done = _audit_verify(data_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("audit log intact: ")
    assert f"witnessed by the centre up to entry {total} " in done.stdout


def test_without_a_witness_a_consistent_rewrite_is_intact_but_unwitnessed(tmp_path: Path, qtbot: QtBot) -> None:
    """The limit, as the docs say: a branch that never synced has only the chain itself."""
    data_dir = tmp_path / "branch"
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    try:
        session, _ = directory.create_branch(
            branch_code="PNH-02", branch_name="Never synced", manager_username=MANAGER[0], manager_password=MANAGER[1]
        )
        try:
            session.create_account(*TELLER)
            submit_new(session, sample_answers(2, seed=80))
            rewrite_consistently(session.db, 2, {"note": "forged"})
            total = session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
            assert _verify_on_the_page(session, qtbot) == (
                f"The audit log is intact: {total} entries checked. The CAM-IE centre has not witnessed it yet:"
                " until this computer syncs, the chain alone vouches for it."
            )
        finally:
            session.close()
    finally:
        directory.release()
    done = _audit_verify(data_dir)
    assert done.returncode == 0, done.stderr
    assert "not witnessed by the centre yet" in done.stdout
    refused = _audit_verify(data_dir, TELLER)  # a manager's command, as the page is a manager's
    assert refused.returncode == 2
    assert "`audit-verify` needs a manager's account" in refused.stderr


def test_the_centres_copy_still_tells_when_the_branchs_acknowledgements_are_removed_too(
    tmp_path: Path, centre: RunningCentre
) -> None:
    """The branch keeps its acknowledgements in the same store, so someone with the key can remove
    them as well; the centre's heads cannot be reached from the branch."""
    with enrolled_branch(tmp_path / "branch", centre) as (directory, session):
        counts = _submit_and_sync(directory, session, 2)
        rewrite_consistently(session.db, counts[0], {"note": "forged"})
        session.db.execute("DROP TRIGGER audit_witness_no_delete")
        session.db.execute("DELETE FROM audit_witness")
        report = session.audit_chain_check()()
        assert (report.intact, report.witnessed) == (True, None)  # the branch alone cannot tell
        held = {h.count: h.sha256 for h in centre.store.audit_heads(centre.store.devices()[0].device_id)}
        entry = audit.entry(session.db, counts[0])
        assert entry is not None
        assert held[counts[0]] != entry.hash  # the centre's witness does
