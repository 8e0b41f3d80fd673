"""Every count agrees: random sequences of what a branch and the centre do, against a real
centre on loopback; after each step the home page, sync status, rejections and review, the
registrations filter and list, the status bar and `sync-status` say the same numbers, those
of `STATE_SQL` over the latest versions, and after a sync they agree with the centre."""

from __future__ import annotations

import contextlib
import io
import itertools
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from branch_client.app import headless
from branch_client.services import sync as sync_service
from branch_client.store import BranchDirectory, Session, states
from branch_client.ui.home.page import HomePage
from branch_client.ui.registrations.page import RegistrationsPage
from branch_client.ui.rejections.page import RejectionsPage
from branch_client.ui.sync.page import SyncPage
from branch_client.ui.sync.status_indicator import SyncIndicator
from central.runner import RunningCentre, start_centre
from tests.central.conftest import enrol, make_record
from tests.conftest import TELLER
from tests.sync.helpers import enrolled_branch, run_pass, sample_answers, submit_new

STEPS = 24
_ID_NUMBERS = itertools.count(310000001)


def reference_counts(session: Session, captured_by: str | None = None) -> dict[str, int]:
    """Each state's count by the definition itself: `STATE_SQL` over every latest version
    (of `captured_by`'s records when given)."""
    counts = dict.fromkeys(states.STATES, 0)
    rows = session.db.execute(
        f"SELECT {states.STATE_SQL}, count(*) FROM registrations r{states.JOINS}"
        f" WHERE {states.LATEST_SQL} AND (?1 IS NULL OR r.captured_by = ?1) GROUP BY 1",
        [captured_by],
    ).fetchall()
    counts.update(dict(rows))
    return counts


def ids_in(session: Session, state: str) -> set[str]:
    rows = session.db.execute(
        f"SELECT r.id FROM registrations r{states.JOINS} WHERE {states.LATEST_SQL} AND ({states.STATE_SQL}) = ?",
        [state],
    ).fetchall()
    return {r[0] for r in rows}


class Branch:
    """The branch and the centre, and what a step can do to them."""

    def __init__(self, directory: BranchDirectory, session: Session, centre: RunningCentre, rng: random.Random):
        self.directory, self.session, self.centre, self.rng = directory, session, centre, rng
        session.create_account(*TELLER)
        self.teller = directory.unlock(*TELLER)  # half the registrations are a teller's
        other = enrol(centre, "OTHER-01")  # another branch: its ID numbers make our probable duplicates
        self.taken = [str(next(_ID_NUMBERS)) for _ in range(6)]
        other.send([make_record(answers={"id_number": n}) for n in self.taken])
        other.close()
        self.seed = itertools.count(500)

    def answers(self, *, taken: bool = False, broken: bool = False) -> dict[str, Any]:
        [answers] = sample_answers(1, seed=next(self.seed))
        number = self.rng.choice(self.taken) if taken else str(next(_ID_NUMBERS))
        answers.update(id_type="national_id", id_number=number)
        if broken:
            del answers["sex"]  # the centre rejects it (invalid answers)
        return answers

    def pick(self, *wanted: str) -> str | None:
        found = sorted(set().union(*(ids_in(self.session, s) for s in wanted)))
        return self.rng.choice(found) if found else None

    # --- the steps --------------------------------------------------------------------

    def who(self) -> Session:
        return self.rng.choice([self.session, self.teller])

    def submit(self) -> None:
        kind = self.rng.choice(["good", "good", "broken", "taken"])
        submit_new(self.who(), [self.answers(broken=kind == "broken", taken=kind == "taken")])

    def submit_held(self) -> None:
        submit_new(self.who(), [self.answers()], hold=True)

    def approve(self) -> None:
        if (record := self.pick(states.HELD)) is not None:
            self.session.approve(record)

    def return_to_teller(self) -> None:
        if (record := self.pick(states.HELD)) is not None:
            self.session.return_to_teller(record, "Ask the owner for her own phone.")

    def correct(self) -> None:
        if (record := self.pick(*states.CORRECTABLE)) is not None:
            submit_new(self.session, [self.answers()], supersedes=record)

    def withdraw(self) -> None:
        if (record := self.pick(*states.SENT_BACK, states.HELD, states.RETURNED)) is not None:
            self.session.withdraw(record, "The owner registered elsewhere.")

    def sync(self) -> None:
        result = run_pass(self.directory, self.session)
        assert result is not None
        assert result.ok, result.error

    def decide(self) -> None:
        """An operator at the centre decides on one of this branch's records it holds."""
        choices = []
        for status, decisions in (
            ("accepted", ("needs_correction", "rejected")),
            ("held", ("approved", "rejected")),
            ("needs_correction", ("approved",)),
        ):
            for summary in self.centre.store.records(status, limit=100_000):
                if summary.branch_code == "PNH-01":
                    choices.append((summary.record_id, self.rng.choice(decisions)))
        if choices:
            record, decision = self.rng.choice(sorted(choices))
            self.centre.store.decide(record, decision)

    def steps(self) -> dict[str, Callable[[], None]]:
        return {
            "submit": self.submit,
            "submit held": self.submit_held,
            "approve": self.approve,
            "return": self.return_to_teller,
            "correct": self.correct,
            "withdraw": self.withdraw,
            "sync": self.sync,
            "decide at the centre": self.decide,
        }


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[RunningCentre]:
    with start_centre(tmp_path / "centre.db") as running:
        yield running


def sync_status_lines(session: Session) -> dict[str, int]:
    """What `branch-client sync-status` prints of each count (its own code, in this process)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert headless._status(session) == 0
    return {k: int(v) for k, v in re.findall(r"(\w+): (\d+)", out.getvalue())}


def shown_number(text: str) -> int:
    return int(text.replace(",", ""))


def check_pages(
    session: Session,
    counts: dict[str, int],
    pages: tuple[HomePage, SyncPage, RejectionsPage, RegistrationsPage, SyncIndicator],
    step: str,
) -> None:
    home, sync_page, rejections, registrations, indicator = pages
    snap = sync_service.snapshot(session.db)
    assert {s: snap.counts[s] for s in states.STATES} == counts, step

    home.refresh()
    links = home.links
    assert shown_number(links["on_the_way"].text()) == counts["waiting"], step
    assert shown_number(links["in_flight"].text()) == counts["in_flight"], step
    assert shown_number(links["held"].text()) == counts["held"], step
    assert shown_number(links["returned"].text()) == counts["returned"], step
    assert shown_number(links["sent_back"].text()) == counts["rejected"] + counts["needs_correction"], step

    sync_page.set_snapshot(snap)
    for state in states.STATES:
        assert shown_number(sync_page._detail_labels[state][1].text()) == counts[state], (step, state)

    rejections.activated()
    sent_back = counts["rejected"] + counts["needs_correction"]
    assert rejections.open_counts() == (sent_back, counts["held"], counts["returned"]), step
    listed_open = sum(1 for r in rejections.sent_back.model.rows() if r.state == "open")
    assert listed_open == sent_back, step
    assert rejections.pending.model.rowCount() == counts["held"], step
    assert rejections.returned.model.rowCount() == counts["returned"], step
    assert f"({sent_back})" in rejections.tabs.tabText(0), step

    registrations.activated()
    combo = registrations.state_combo
    for row in range(1, combo.count()):
        state = combo.itemData(row)
        assert combo.itemText(row).endswith(f"({counts[state]:,})"), (step, state, combo.itemText(row))
        combo.setCurrentIndex(row)  # the list the filter shows holds just as many
        assert registrations.model.rowCount() == counts[state], (step, state)
    combo.setCurrentIndex(0)

    indicator.set_snapshot(snap)
    assert f"{counts['waiting'] + counts['in_flight']} waiting" in indicator.text(), step

    printed = sync_status_lines(session)
    assert {s: printed[s] for s in states.STATES} == counts, step


def check_centre(branch: Branch, step: str) -> None:
    """After a pass: what the centre holds of this branch agrees with the branch's counts."""
    held_here = {
        status: {s.record_id for s in branch.centre.store.records(status, limit=100_000) if s.branch_code == "PNH-01"}
        for status in ("accepted", "held", "needs_correction")
    }
    session = branch.session
    # The centre is not told of a withdrawal: a record withdrawn here may still be decided there.
    withdrawn = ids_in(session, states.WITHDRAWN)
    assert ids_in(session, states.ACCEPTED) == held_here["accepted"] - withdrawn, step
    assert ids_in(session, states.DUPLICATE) == held_here["held"] - withdrawn, step
    assert ids_in(session, states.NEEDS_CORRECTION) <= held_here["needs_correction"], step
    assert not ids_in(session, states.WAITING), step
    assert not ids_in(session, states.IN_FLIGHT), step


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_page_counts_the_same_after_every_step(
    seed: int, tmp_path: Path, centre: RunningCentre, qtbot: QtBot
) -> None:
    rng = random.Random(seed)
    with enrolled_branch(tmp_path / "branch", centre) as (directory, session):
        branch = Branch(directory, session, centre, rng)
        pages = (HomePage(session), SyncPage(session), RejectionsPage(session), RegistrationsPage(session))
        indicator = SyncIndicator()
        for widget in (*pages, indicator):
            qtbot.addWidget(widget)
        steps = branch.steps()
        names = sorted(steps)
        done = []
        for _ in range(STEPS):
            name = rng.choice(names)
            steps[name]()
            done.append(name)
            trail = " → ".join(done)
            counts = session.state_counts()
            assert counts == reference_counts(session), trail
            mine = branch.teller.state_counts(own=True)  # a teller's own, as her pages count them
            assert mine == reference_counts(session, branch.teller.account.id), trail
            check_pages(session, counts, (*pages, indicator), trail)
            if name == "sync":
                check_centre(branch, trail)
        branch.sync()  # the sequence ends with a pass: everything reached the centre
        check_centre(branch, " → ".join(done) + " → sync")
        branch.teller.close()
        assert set(done) >= {"submit", "sync"}, done
