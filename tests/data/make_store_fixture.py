"""Make the store fixture of the current schema version: `uv run python tests/data/make_store_fixture.py`.

Every schema version gets one folder here (`store-v1/`, `store-v2/`, …), made by the code
of that version and never changed afterwards; tests/store/test_migrations.py opens
each with the current code. Run this once when you add a migration, name the folder
after the new version, and commit it.

A migration that changes *data* rather than tables (0004 recomputes matching keys) needs
a store made by the code just before it: `… make_store_fixture.py store-v3-typed`, run before
the new code existed, names the folder explicitly (see tests/data/README.md).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from branch_client.store import BranchDirectory, KdfParams, NewRegistration, Role, drafts, schema  # noqa: E402
from forms import load_form  # noqa: E402
from forms.samples import generate_registrations  # noqa: E402
from sync import device  # noqa: E402
from sync.device import DeviceConfig  # noqa: E402
from sync.envelope import CentrePrivateKey, DeviceKey  # noqa: E402
from sync.outbox import Outbox  # noqa: E402
from sync.protocol import BatchAnswer, RecordResult  # noqa: E402

PASSWORD = "fixture-pass-1"  # a fixture's password, published on purpose


# Schema 4 on (0004_matching_keys): one owner registered twice, the second time typed the
# way people type Khmer (-u before an upper vowel for the shifter, a split vowel), and an
# owner found by a romanisation variant. Keys made before 0004 keep these apart.
TYPED_VARIANTS = (
    {"family_name_km": "ស៊ីម", "given_name_km": "សោភា", "family_name_latin": "Sim", "given_name_latin": "Sophea"},
    {"family_name_km": "សុីម", "given_name_km": "សេាភា", "family_name_latin": "SIM", "given_name_latin": "SOPHEA"},
    {"family_name_km": "ជា", "given_name_km": "សុខា", "family_name_latin": "Chea", "given_name_latin": "Sokha"},
)


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else f"store-v{len(schema.all_names())}"
    out = Path(__file__).parent / name
    if out.exists():
        shutil.rmtree(out)
    directory = BranchDirectory.claim(out, kdf=KdfParams(iterations=2))
    session, _ = directory.create_branch(
        branch_code="FIX-01", branch_name="Fixture branch", manager_username="manager", manager_password=PASSWORD
    )
    session.create_account("teller", PASSWORD, Role.TELLER)
    form = load_form()
    for i, answers in enumerate(generate_registrations(3, seed=2026)):
        session.submit_registration(
            NewRegistration(
                record_id=f"01934e2a-0000-7000-8000-00000000000{i + 1}",
                reference=f"FIX-01-2026-00000{i + 1}-A",
                form_id=form.form_id,
                form_version=form.version,
                answers=answers,
                captured_at="2026-11-24T09:00:00+07:00",
            )
        )
    # Sync state (schema 2 on): an enrolled device, one record answered by the centre.
    outbox = Outbox(session.db.conn)
    centre_key = CentrePrivateKey.generate("ck-fixture").public_key()
    device.save(
        outbox.settings,
        DeviceConfig("http://127.0.0.1:8470", "br-fix", "FIX-01", "dev-fix", DeviceKey.generate(), centre_key),
    )
    batch = outbox.record_batch(
        "01934e2a-0000-7000-8000-0000000000b1", 1, b"fixture", ["01934e2a-0000-7000-8000-000000000001"]
    )
    outbox.apply_answer(
        batch,
        BatchAnswer(
            batch.batch_id,
            "2026-11-24T10:00:00+00:00",
            [RecordResult(batch.record_ids[0], "accepted", "CIE-2026-0000001")],
        ),
        duration_ms=120,
    )
    # Audit witness (schema 6 on): the centre acknowledged the audit chain's head as it stood
    # when that batch was answered (written as the sync would have, had the batch carried it).
    head = outbox.audit_head()
    session.db.execute(
        "INSERT INTO audit_witness (batch_id, count, hash, received_at) VALUES (?, ?, ?, ?)",
        [batch.batch_id, head.count, head.sha256, "2026-11-24T10:00:00.000+00:00"],
    )
    # Capture (schema 3 on): a reference made by the store, a correction, a draft.
    extra = list(generate_registrations(2, seed=2027))
    first = session.submit_registration(
        NewRegistration(
            record_id="01934e2a-0000-7000-8000-000000000004",
            form_id=form.form_id,
            form_version=form.version,
            answers=extra[0],
            captured_at="2026-11-24T09:30:00+07:00",
        )
    )
    session.submit_registration(
        NewRegistration(
            record_id="01934e2a-0000-7000-8000-000000000005",
            form_id=form.form_id,
            form_version=form.version,
            answers={**extra[0], "business_name": "Corrected name"},
            captured_at="2026-11-24T09:40:00+07:00",
            supersedes="01934e2a-0000-7000-8000-000000000004",
        )
    )
    drafts.save(
        session.db,
        drafts.Draft(
            id="01934e2a-0000-7000-8000-0000000000d1",
            account_id=session.account.id,
            form_id=form.form_id,
            form_version=form.version,
            answers={"family_name_latin": "Draft"},
            completeness=0.1,
        ),
    )
    # Typed variants (schema 4 on): the same owner twice (same birth date, other ID and phone).
    variants = list(generate_registrations(len(TYPED_VARIANTS), seed=2028))
    for i, (answers, names) in enumerate(zip(variants, TYPED_VARIANTS, strict=True)):
        birth = {"date_of_birth": "1990-04-12"} if i < 2 else {}
        session.submit_registration(
            NewRegistration(
                record_id=f"01934e2a-0000-7000-8000-00000000000{i + 6}",
                reference=f"FIX-01-2026-00000{i + 6}-A",
                form_id=form.form_id,
                form_version=form.version,
                answers={**answers, **names, **birth},
                captured_at="2026-11-24T10:00:00+07:00",
            )
        )
    print(f"references made: {first}")
    session.close()
    directory.release()
    (out / "branch.lock").unlink(missing_ok=True)
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
