"""Crash harness: a syncing client is killed with SIGKILL at named points, then restarted.

The points are the four moments exactly-once depends on:

- `batch_recorded`: the batch and its bytes are in the store, nothing sent yet;
- `sent_no_answer`: the centre has stored the batch, the answer never reached the client;
- `answer_not_applied`: the client holds the answer but has not written any of it;
- `mid_apply`: the answer is half written, the transaction not committed.

Each trial kills the child once or twice at random points and occurrences, then lets it
finish. Afterwards the centre must hold every record exactly once and the branch must
show every record answered with the very number the centre gave. CI runs a short series;
`CAM_IE_FULL_FAULTS=1` runs the full one (≥ 50 trials).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from branch_client.store import BranchDirectory
from central.runner import RunningCentre, start_centre
from sync.outbox import Outbox
from tests.conftest import MANAGER
from tests.sync.helpers import client_numbers, enrolled_branch, sample_answers, submit

POINTS = ("batch_recorded", "sent_no_answer", "answer_not_applied", "mid_apply")
FULL = os.environ.get("CAM_IE_FULL_FAULTS") == "1"
TRIALS = 52 if FULL else 12
RECORDS, BATCH = 10, 3  # four batches per trial

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    import requests
    from branch_client.store import BranchDirectory
    from branch_client.services.sync import SyncRunner
    from sync.outbox import Outbox
    from sync.transport import RetryPolicy

    data_dir, point, nth, batch = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    key = bytes.fromhex(sys.stdin.readline().strip())  # never on the command line
    seen = 0

    def due():
        global seen
        seen += 1
        return seen == nth

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    if point == "batch_recorded":
        original = Outbox.record_batch
        def record_batch(self, *args, **kwargs):
            result = original(self, *args, **kwargs)
            if due():
                die()
            return result
        Outbox.record_batch = record_batch
    elif point == "sent_no_answer":
        original = requests.Session.request
        def request(self, method, url, *args, **kwargs):
            response = original(self, method, url, *args, **kwargs)
            if url.endswith("/v1/batches") and due():
                die()
            return response
        requests.Session.request = request
    elif point in ("answer_not_applied", "mid_apply"):
        original = Outbox.apply_answer
        def apply_answer(self, *args, **kwargs):
            if due():
                if point == "answer_not_applied":
                    die()
                real = self._conn
                class KillAtCommit:
                    in_transaction = property(lambda _: real.in_transaction)
                    def execute(_, sql, *a):
                        if sql == "COMMIT":
                            die()
                        return real.execute(sql, *a)
                    def executemany(_, sql, *a):
                        return real.executemany(sql, *a)
                self._conn = KillAtCommit()
            return original(self, *args, **kwargs)
        Outbox.apply_answer = apply_answer

    directory = BranchDirectory.claim(data_dir)
    runner = SyncRunner(directory.db_path, key, batch_size=batch, retry=RetryPolicy(base_s=0.01, max_attempts=5))
    result = runner.run()
    runner.close()
    directory.release()
    print("ok" if result is not None and result.ok else f"error {result and result.error}", flush=True)
    """
)


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningCentre]:
    with start_centre(tmp_path_factory.mktemp("centre") / "centre.db") as running:
        yield running


def _child(data_dir: Path, key: bytes, point: str, nth: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir), point, str(nth), str(BATCH)],
        input=key.hex() + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_sigkill_at_every_named_point_leaves_each_record_accepted_exactly_once(
    tmp_path: Path, centre: RunningCentre
) -> None:
    rng = random.Random(20261124)
    kills = dict.fromkeys(POINTS, 0)
    for trial in range(TRIALS):
        data_dir = tmp_path / f"branch-{trial}"
        with enrolled_branch(data_dir, centre, f"T-{trial}") as (_, session):
            ids = submit(session, sample_answers(RECORDS, seed=trial), prefix=f"T{trial}")
            key = session.key

        points = [POINTS[trial % len(POINTS)]] + ([rng.choice(POINTS)] if rng.random() < 0.5 else [])
        for point in points:
            crashed = _child(data_dir, key, point, rng.randint(1, 4))
            if crashed.returncode == -signal.SIGKILL:
                kills[point] += 1
            else:  # the chosen occurrence never came (e.g. after an earlier crash, fewer batches are left)
                assert crashed.returncode == 0, crashed.stderr
        finished = _child(data_dir, key, "none", 0)
        assert finished.returncode == 0, finished.stderr
        assert finished.stdout.strip() == "ok", finished.stdout

        held = {
            r.record_id: r.cam_ie_number for r in centre.store.records(limit=100_000) if r.branch_code == f"T-{trial}"
        }
        assert set(held) == set(ids), f"trial {trial}: the centre does not hold each record once"
        directory = BranchDirectory.claim(data_dir)
        try:
            session = directory.unlock(*MANAGER)
            try:
                counts = Outbox(session.db.conn).counts()
                assert counts["accepted"] == RECORDS, (trial, points, counts)
                assert client_numbers(session) == held
            finally:
                session.close()
        finally:
            directory.release()
    numbers = [r.cam_ie_number for r in centre.store.records(limit=100_000)]
    assert len(numbers) == len(set(numbers)) == TRIALS * RECORDS
    assert all(kills[p] > 0 for p in POINTS), kills
    print(f"{TRIALS} trials; SIGKILLs by point: {kills}")  # shown with -s
