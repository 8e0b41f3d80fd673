"""What the sync benchmarks share: a branch store full of synthetic registrations, and a
reference centre running in its own process on a loopback port."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from branch_client import sync_service
from branch_client.store import BranchDirectory, KdfParams
from branch_client.store.registrations import canonical_json
from central.runner import serve_in_subprocess
from central.store import CentreStore
from forms import load_form
from forms.samples import generate_registrations
from sync.ids import uuid7_str

#: The number of CAM-IE applications reported so far: the default size of a full run.
CAM_IE_APPLICATIONS = 119_183
BENCH_KDF = KdfParams(iterations=2)
MANAGER = ("manager", "bench-pass-1")


@dataclass(frozen=True)
class BenchBranch:
    """A set-up, enrolled branch store and the key that opens it."""

    data_dir: Path
    key: bytes
    records: int


def centre_process(db_path: Path) -> contextlib.AbstractContextManager[str]:
    """`cam-ie-central serve` in a child process (a core of its own); yields its URL."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    return serve_in_subprocess(db_path)


def make_branch(data_dir: Path, records: int, centre_url: str, centre_db: Path, *, seed: int = 0) -> BenchBranch:
    """A branch store with `records` submitted registrations, enrolled with the centre."""
    directory = BranchDirectory.claim(data_dir, kdf=BENCH_KDF)
    try:
        code = data_dir.name.upper()[:16]
        session, _ = directory.create_branch(
            branch_code=code, branch_name=f"Bench {code}", manager_username=MANAGER[0], manager_password=MANAGER[1]
        )
        try:
            store = CentreStore.open(centre_db)
            try:
                enrolment = store.issue_enrolment_code(code)
            finally:
                store.close()
            sync_service.enrol(session, centre_url, enrolment)
            _bulk_submit(session.db, session.account.id, records, seed)
            key = session.key
        finally:
            session.close()
    finally:
        directory.release()
    return BenchBranch(data_dir, key, records)


def _bulk_submit(db: object, actor: str, records: int, seed: int) -> None:
    """Registrations and outbox entries in a few large transactions (what capture writes one by one)."""
    form = load_form()
    conn = db.conn  # type: ignore[attr-defined]
    now = datetime.now(UTC).isoformat()
    rows, outbox = [], []
    for i, answers in enumerate(generate_registrations(records, seed=seed)):
        record_id = uuid7_str()
        rows.append((record_id, f"B-{i:07d}", form.form_id, form.version, canonical_json(answers), now, actor, now))
        outbox.append((record_id, now))
        if len(rows) == 20_000 or i == records - 1:
            conn.execute("BEGIN")
            conn.executemany(
                "INSERT INTO registrations (id, reference, form_id, form_version, answers, captured_at,"
                " captured_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.executemany("INSERT INTO outbox (record_id, state, enqueued_at) VALUES (?, 'waiting', ?)", outbox)
            conn.execute("COMMIT")
            rows, outbox = [], []


def run_child(module: str, branch: BenchBranch, *args: str) -> dict[str, object]:
    """Run `python -m module DATA_DIR ARGS` with the key on stdin; its last line is JSON."""
    done = subprocess.run(
        [sys.executable, "-m", module, str(branch.data_dir), *args],
        input=branch.key.hex() + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{module} failed: {done.stderr[-2000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def make_branch_in_child(
    data_dir: Path, records: int, centre_url: str, centre_db: Path, *, seed: int = 0
) -> BenchBranch:
    """`make_branch` in a child process, so the caller's heap stays as small as the app's
    (generating 100,000 records leaves garbage that would slow the caller's collector)."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.sync_fixture",
            str(data_dir),
            str(records),
            centre_url,
            str(centre_db),
            str(seed),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"preparing the branch failed: {done.stderr[-2000:]}")
    return BenchBranch(data_dir, bytes.fromhex(done.stdout.strip().splitlines()[-1]), records)


if __name__ == "__main__":
    made = make_branch(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], Path(sys.argv[4]), seed=int(sys.argv[5]))
    print(made.key.hex())
