"""kill -9 during a re-key: afterwards the store opens with the old key or the new one, never neither.

A child signs in as the manager and disables a teller, which re-keys the store (the slots
written with both keys, `PRAGMA rekey`, the slots written with the new key alone), and
reports each step. The parent kills it with SIGKILL at a random moment, then checks: every
remaining account and the recovery key still open the store; if the disable was committed,
the next sign-in finishes the re-key and the departed teller's old slot file no longer opens
it; if not, nothing changed. The store is made large enough (about 25 MB) for `PRAGMA
rekey` to take a while, so kills land inside it too.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from branch_client.store import BranchDirectory, RecoveryKey
from branch_client.store.database import connect
from branch_client.store.errors import StoreCorrupt, WrongPassword
from branch_client.store.slots import KeySlotFile
from tests.conftest import FAST_KDF, MANAGER, TELLER

TRIALS = 12
SECOND = ("dara", "dara-pass-1")
STEPS = ("signed in", "begun", "rekeyed", "done")

CHILD = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from branch_client.store import BranchDirectory, KdfParams
    directory = BranchDirectory.claim(Path(sys.argv[1]), kdf=KdfParams(iterations=2))
    session = directory.unlock({MANAGER[0]!r}, {MANAGER[1]!r})
    print("signed in", flush=True)
    teller = next(a.id for a in session.accounts() if a.username == {TELLER[0]!r})
    session.disable_account(teller, complete=False)
    print("begun", flush=True)
    session.rekey_job()()
    print("rekeyed", flush=True)
    session.finish_rekey()
    print("done", flush=True)
    """
)


def _template(root: Path) -> tuple[Path, RecoveryKey, bytes]:
    """A branch (manager, two tellers) with ~25 MB of filler; returns its folder, recovery
    key and the slot file a departing teller would keep."""
    data_dir = root / "template"
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    session, recovery = directory.create_branch(
        branch_code="PNH-01", branch_name="Psar Thmei", manager_username=MANAGER[0], manager_password=MANAGER[1]
    )
    session.create_account(*TELLER)
    session.create_account(*SECOND)
    key = session.key
    session.close()
    db = connect(directory.db_path, key)
    with db.atomic():
        db.execute("CREATE TABLE filler (x BLOB)")
        db.conn.executemany("INSERT INTO filler VALUES (randomblob(2000))", [()] * 12_000)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    directory.release()
    return data_dir, recovery, (data_dir / "keyslots.json").read_bytes()


def _run_child(data_dir: Path, kill_after: float | None) -> list[tuple[str, float]]:
    """Run the child; SIGKILL it `kill_after` seconds after it signed in (None: let it
    finish). Returns the steps it reported, each with when (seconds after it signed in)."""
    seen: list[tuple[str, float]] = []
    with subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir)], stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        signed_in = threading.Event()

        def read() -> None:
            assert child.stdout is not None
            start = 0.0
            for line in child.stdout:
                if line.strip() == "signed in":
                    start = time.perf_counter()
                    signed_in.set()
                seen.append((line.strip(), time.perf_counter() - start))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        assert signed_in.wait(60), "the child did not sign in"
        if kill_after is not None:
            time.sleep(kill_after)  # fault injection: somewhere in the re-key
            child.send_signal(signal.SIGKILL)
        child.wait(60)
        reader.join(10)
    return seen


@pytest.mark.slow
def test_kill9_during_rekey_leaves_a_store_that_opens(tmp_path: Path) -> None:
    template, recovery, old_slots = _template(tmp_path)
    # One run to the end, to time the re-key (and check that it works at all).
    calibration = tmp_path / "calibration"
    shutil.copytree(template, calibration)
    timed = _run_child(calibration, None)
    assert [step for step, _ in timed] == list(STEPS)
    duration = timed[-1][1]
    rng = random.Random(15)
    reached: dict[str, int] = {}
    for trial in range(TRIALS):
        data_dir = tmp_path / f"trial-{trial}"
        shutil.copytree(template, data_dir)
        steps = [step for step, _ in _run_child(data_dir, rng.uniform(0, duration))]
        reached[steps[-1]] = reached.get(steps[-1], 0) + 1

        directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
        disabled = TELLER[0] not in {s.username for s in KeySlotFile.load(directory.slots_path).slots.values()}
        second = directory.unlock(*SECOND)  # any remaining account opens, and finishes a begun re-key
        second.close()
        directory.unlock(*MANAGER).close()
        directory.recover(str(recovery), MANAGER[0], MANAGER[1]).close()
        assert not KeySlotFile.load(directory.slots_path).rekey_pending
        if disabled:
            with pytest.raises(WrongPassword):
                directory.unlock(*TELLER)
            current = directory.slots_path.read_bytes()
            directory.slots_path.write_bytes(old_slots)  # the departed teller's copy
            with pytest.raises(StoreCorrupt):
                directory.unlock(*TELLER)
            directory.slots_path.write_bytes(current)
        else:
            assert steps[-1] == "signed in"  # killed before the disable was committed
            directory.unlock(*TELLER).close()
        directory.release()
    assert sum(reached.values()) == TRIALS
    print("steps after sign-in (s):", timed, "; last step reached before each kill:", reached)
