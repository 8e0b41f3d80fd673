"""A branch store with generated registrations, submitted through the real submit (real
references, duplicate keys and search terms), for the list and record view tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from branch_client.store import BranchDirectory, Session
from central.runner import RunningCentre, start_centre
from tests.sync.helpers import enrolled_branch, sample_answers, submit_new


@dataclass
class Store:
    """An enrolled branch, signed in as the manager, and what was submitted."""

    directory: BranchDirectory
    session: Session
    centre: RunningCentre
    ids: list[str]
    answers: dict[str, dict[str, Any]]  # record id -> answers as submitted
    references: dict[str, str]  # record id -> reference given


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[RunningCentre]:
    with start_centre(tmp_path / "centre.db") as running:
        yield running


@pytest.fixture
def store(tmp_path: Path, centre: RunningCentre) -> Iterator[Store]:
    with enrolled_branch(tmp_path / "branch", centre) as (directory, session):
        answers = sample_answers(30, seed=11)
        ids = submit_new(session, answers)
        references = dict(session.db.execute("SELECT id, reference FROM registrations").fetchall())
        yield Store(directory, session, centre, ids, dict(zip(ids, answers, strict=True)), references)
