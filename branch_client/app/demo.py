"""The demo branch: a ready store with known accounts, so one command shows the app.

It lives in its own data directory (never the real branch's) and is created on the
first `--demo` run. Its passwords are printed on the sign-in screen: demo only.
"""

from __future__ import annotations

import dataclasses
import logging
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from branch_client.store import BranchDirectory, Role

if TYPE_CHECKING:
    from branch_client.store import KdfParams, Session
    from central.runner import RunningCentre

# Seeding (forms, the registrations store) and the demo centre (sync, HTTP) are imported
# where they run: a demo start whose store already exists shows its window without them.

log = logging.getLogger(__name__)

DEMO_BRANCH_CODE = "DEMO-01"
DEMO_BRANCH_NAME = "Demo branch — Phnom Penh"
DEMO_REGISTRATIONS = 150
DEMO_ACCOUNTS = {
    "manager": ("manager-demo", Role.MANAGER),
    "teller": ("teller-demo", Role.TELLER),
}


def prepare_demo_store(data_dir: Path, *, kdf: KdfParams | None = None) -> None:
    """Create the demo branch in `data_dir` unless it already exists."""
    directory = BranchDirectory.claim(data_dir, kdf=kdf)
    try:
        if directory.is_set_up:
            return
        password, _ = DEMO_ACCOUNTS["manager"]
        session, _recovery = directory.create_branch(
            branch_code=DEMO_BRANCH_CODE,
            branch_name=DEMO_BRANCH_NAME,
            manager_username="manager",
            manager_password=password,
        )
        for username, (secret, role) in DEMO_ACCOUNTS.items():
            if username != "manager":
                session.create_account(username, secret, role)
        seed_registrations(session, DEMO_REGISTRATIONS)
        session.close(reason="demo_prepared")
        log.info("demo branch created")
    finally:
        directory.release()


def seed_registrations(session: Session, count: int, *, days: int = 180, seed: int = 2026) -> None:
    """Submit `count` generated registrations, spread over the last `days` days, so the
    registrations list and the indicators have something to show from the first start."""
    from branch_client.store import NewRegistration, records
    from forms import load_form
    from forms.samples import generate_registrations
    from sync.ids import uuid7_str

    form = load_form()
    rng = random.Random(seed)  # noqa: S311 - demo dates, not secrets
    now = datetime.now(UTC)
    moments = sorted(now - timedelta(days=rng.uniform(0, days)) for _ in range(count))
    for answers, moment in zip(generate_registrations(count, seed=seed), moments, strict=True):
        record_id = uuid7_str()
        session.submit_registration(
            NewRegistration(
                record_id=record_id,
                form_id=form.form_id,
                form_version=form.version,
                answers=form.normalise(answers),
                captured_at=moment.isoformat(),
            )
        )
        records.backdate(session.db, record_id, moment.isoformat())


def demo_hint() -> str:
    """The line the sign-in screen shows in demo mode."""
    return "Demo: " + ", ".join(f"{name} / {secret}" for name, (secret, _) in DEMO_ACCOUNTS.items())


def connect_demo_centre(data_dir: Path) -> RunningCentre:
    """Start the reference centre in this process (its data beside the demo store) and
    enrol the demo branch with it, or point the enrolled branch at its new port."""
    from central.runner import start_centre

    (data_dir / "centre").mkdir(parents=True, exist_ok=True)
    centre = start_centre(data_dir / "centre" / "cam-ie-central.db")
    try:
        directory = BranchDirectory.claim(data_dir)
        try:
            password, _ = DEMO_ACCOUNTS["manager"]
            session = directory.unlock("manager", password)
            try:
                _enrol_or_repoint(session, centre)
            finally:
                session.close(reason="demo_prepared")
        finally:
            directory.release()
    except BaseException:
        centre.stop()
        raise
    log.info("demo centre running on %s", centre.url)
    return centre


def _enrol_or_repoint(session: Session, centre: RunningCentre) -> None:
    from branch_client.services import sync as sync_service
    from sync import device as device_config
    from sync.settings import SyncSettings

    settings = SyncSettings(session.db.conn)
    device = device_config.load(settings)
    known = device is not None and centre.store.device(device.device_id) is not None
    if device is not None and known:
        if device.centre_url != centre.url:  # the demo centre gets a new port at every start
            device_config.save(settings, dataclasses.replace(device, centre_url=centre.url))
        return
    code = centre.store.issue_enrolment_code(DEMO_BRANCH_CODE, DEMO_BRANCH_NAME)
    sync_service.enrol(session, centre.url, code)
