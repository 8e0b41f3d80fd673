"""kill -9 in the middle of registration transactions: each is wholly there or wholly absent.

A child process writes registration + outbox + audit transactions in a loop and reports
each commit; the parent kills it with SIGKILL at a random moment, reopens the store and
checks it. Repeated for many trials on the same store.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from branch_client.store import BranchDirectory, RecoveryKey, audit
from tests.conftest import FAST_KDF, MANAGER

TRIALS = 24

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from branch_client.store import BranchDirectory, NewRegistration
    from branch_client.store.registrations import submit
    from sync.ids import uuid7_str

    data_dir, trial, actor = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    key = bytes.fromhex(sys.stdin.readline().strip())  # never on the command line
    directory = BranchDirectory.claim(data_dir)
    db = directory.open_with_key(key)
    i = 0
    while True:
        record = NewRegistration(
            record_id=uuid7_str(),
            reference=f"T{trial}-{i:05d}",
            form_id="camie_registration",
            form_version="2026.1",
            answers={"owner_name_latin": "Trial Person", "note": "x" * (i % 7) * 300},
            captured_at="2026-11-24T09:00:00+07:00",
        )
        submit(db, record, actor_id=actor, branch_code="KILL-9")
        print(record.record_id, flush=True)
        i += 1
    """
)


@pytest.mark.slow
def test_kill9_mid_transaction_leaves_whole_transactions(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    session = directory.unlock(*MANAGER)
    key, actor = session.key, session.account.id
    session.close()
    directory.release()  # the child claims it, as a second app would
    rng = random.Random(20261124)
    acknowledged: set[str] = set()

    for trial in range(TRIALS):
        target = rng.randint(1, 40)
        with subprocess.Popen(
            [sys.executable, "-c", CHILD, str(directory.data_dir), str(trial), actor],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        ) as child:
            assert child.stdin is not None
            assert child.stdout is not None
            child.stdin.write(key.hex() + "\n")
            child.stdin.flush()
            for _ in range(target):
                line = child.stdout.readline().strip()
                assert line, f"child died early in trial {trial}"
                acknowledged.add(line)
            # Land the kill at a random point of the next transaction (fault injection).
            time.sleep(rng.uniform(0, 0.004))
            child.send_signal(signal.SIGKILL)
            child.wait()
            child.stdin.close()

        claimed = BranchDirectory.claim(directory.data_dir, kdf=FAST_KDF)
        db = claimed.open_with_key(key)  # runs quick_check: raises StoreCorrupt if damaged
        registrations = {r[0] for r in db.execute("SELECT id FROM registrations")}
        outbox = {r[0] for r in db.execute("SELECT record_id FROM outbox")}
        audited = {r[0] for r in db.execute("SELECT subject FROM audit_log WHERE action = 'registration_submitted'")}
        assert registrations == outbox == audited, f"a torn transaction in trial {trial}"
        assert acknowledged <= registrations, f"a committed registration was lost in trial {trial}"
        assert audit.verify_chain(db).intact
        db.close()
        claimed.release()

    assert len(acknowledged) >= TRIALS
