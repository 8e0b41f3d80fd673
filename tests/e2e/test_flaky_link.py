"""A bad link between branch and centre: every record still arrives exactly once."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from central.runner import RunningCentre, start_centre
from sync import device as device_config
from sync.outbox import Outbox
from sync.transport import RetryPolicy
from tests.sync.flaky_proxy import FAULTS, FlakyProxy
from tests.sync.helpers import client_numbers, enrolled_branch, run_pass, sample_answers, submit

# Patient but quick: many attempts, tiny waits (Retry-After: 0 from the proxy's 503s).
PATIENT = RetryPolicy(base_s=0.002, ceiling_s=0.02, max_attempts=60)


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[RunningCentre]:
    with start_centre(tmp_path / "centre.db") as running:
        yield running


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_drops_resets_truncation_errors_and_latency_still_give_exactly_once(
    tmp_path: Path, centre: RunningCentre, seed: int
) -> None:
    with enrolled_branch(tmp_path / "branch", centre) as (directory, session):
        proxy = FlakyProxy(urlsplit(centre.url).port or 0, seed=seed, fault_rate=0.6)
        try:
            outbox = Outbox(session.db.conn)
            device = device_config.load(outbox.settings)
            assert device is not None
            device_config.save(outbox.settings, dataclasses.replace(device, centre_url=proxy.url))
            ids = submit(session, sample_answers(60, seed=seed))

            result = run_pass(directory, session, batch_size=2, retry=PATIENT)
            assert result.ok, result.error

            centre.store.decide(ids[0], "needs_correction", "check_id", "ពិនិត្យលេខអត្តសញ្ញាណ", "Check the ID number.")
            assert run_pass(directory, session, retry=PATIENT).decisions == 1
        finally:
            proxy.close()

        held = {r.record_id: r.cam_ie_number for r in centre.store.records(limit=1000)}
        assert set(held) == set(ids)
        counts = Outbox(session.db.conn).counts()
        assert counts["accepted"] == 59
        assert counts["needs_correction"] == 1
        numbers = client_numbers(session)
        assert all(numbers[i] == held[i] for i in ids[1:])
        assert len(set(held.values())) == 60
    assert all(proxy.counts[f] > 0 for f in FAULTS), proxy.counts  # the link misbehaved in every way
