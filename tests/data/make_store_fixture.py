"""Make the store fixture of the current schema version: `uv run python tests/data/make_store_fixture.py`.

Every schema version gets one folder here (`store-v1/`, `store-v2/`, …), made by the code
of that version and never changed afterwards; tests/unit/store/test_migrations.py opens
each with the current code. Run this once when you add a migration, name the folder
after the new version, and commit it.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from branch_client.store import BranchDirectory, KdfParams, NewRegistration, Role, schema  # noqa: E402

PASSWORD = "fixture-pass-1"  # a fixture's password, published on purpose


def main() -> None:
    out = Path(__file__).parent / f"store-v{len(schema.all_names())}"
    if out.exists():
        shutil.rmtree(out)
    directory = BranchDirectory.claim(out, kdf=KdfParams(iterations=2))
    session, _ = directory.create_branch(
        branch_code="FIX-01", branch_name="Fixture branch", manager_username="manager", manager_password=PASSWORD
    )
    session.create_account("teller", PASSWORD, Role.TELLER)
    session.submit_registration(
        NewRegistration(
            record_id="01934e2a-0000-7000-8000-000000000001",
            reference="FIX-01-2026-000001-A",
            form_id="camie_registration",
            form_version="2026.1",
            answers={"owner_name_latin": "Fixture Owner", "owner_sex": "female"},
            captured_at="2026-11-24T09:00:00+07:00",
        )
    )
    session.close()
    directory.release()
    (out / "branch.lock").unlink(missing_ok=True)
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
