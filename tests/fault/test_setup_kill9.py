"""kill -9 during branch set-up: afterwards the folder is either fresh or a working branch."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from branch_client.store import BranchDirectory
from tests.conftest import FAST_KDF, MANAGER

TRIALS = 12

CHILD = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from branch_client.store import BranchDirectory, KdfParams
    directory = BranchDirectory.claim(Path(sys.argv[1]), kdf=KdfParams(iterations=2))
    print("claimed", flush=True)
    directory.create_branch(
        branch_code="PNH-01", branch_name="Psar Thmei", manager_username={MANAGER[0]!r},
        manager_password={MANAGER[1]!r},
    )
    print("done", flush=True)
    """
)


@pytest.mark.slow
def test_kill9_during_set_up_leaves_fresh_or_finished(tmp_path: Path) -> None:
    rng = random.Random(7)
    outcomes = {"fresh": 0, "finished": 0}
    for trial in range(TRIALS):
        data_dir = tmp_path / f"trial-{trial}"
        with subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir)], stdout=subprocess.PIPE, text=True) as child:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "claimed"
            time.sleep(rng.uniform(0, 0.35))  # fault injection: somewhere in set-up (about 0.3 s)
            child.send_signal(signal.SIGKILL)
            child.wait()

        directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
        if directory.is_set_up:
            directory.unlock(*MANAGER).close()  # a finished branch opens
            outcomes["finished"] += 1
        else:
            session, _ = directory.create_branch(  # a fresh folder takes a new set-up
                branch_code="PNH-01", branch_name="Psar Thmei", manager_username=MANAGER[0], manager_password=MANAGER[1]
            )
            session.close()
            outcomes["fresh"] += 1
        leftovers = [p.name for p in data_dir.iterdir() if p.name.endswith(".setup")]
        assert leftovers == []
        directory.release()
    assert sum(outcomes.values()) == TRIALS
