"""The demo branch: a ready store with known accounts, so one command shows the app.

It lives in its own data directory (never the real branch's) and is created on the
first `--demo` run. Its passwords are printed on the sign-in screen: demo only.
"""

from __future__ import annotations

import logging
from pathlib import Path

from branch_client.store import BranchDirectory, KdfParams, Role

log = logging.getLogger(__name__)

DEMO_BRANCH_CODE = "DEMO-01"
DEMO_BRANCH_NAME = "Demo branch — Phnom Penh"
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
        session.close(reason="demo_prepared")
        log.info("demo branch created")
    finally:
        directory.release()


def demo_hint() -> str:
    """The line the sign-in screen shows in demo mode."""
    return "Demo: " + ", ".join(f"{name} / {secret}" for name, (secret, _) in DEMO_ACCOUNTS.items())
