"""What the sync benchmarks share: a branch store full of synthetic registrations, and a
reference centre running in its own process on a loopback port."""

from __future__ import annotations

import contextlib
import functools
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from branch_client.services import sync as sync_service
from branch_client.store import BranchDirectory, KdfParams, registrations
from branch_client.store.references import make_reference
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


def make_local_branch(data_dir: Path, records: int, *, seed: int = 0) -> BenchBranch:
    """A branch store with `records` submitted registrations, not enrolled (capture and the
    registrations list need no centre)."""
    directory = BranchDirectory.claim(data_dir, kdf=BENCH_KDF)
    try:
        code = data_dir.name.upper()[:16]
        session, _ = directory.create_branch(
            branch_code=code, branch_name=f"Bench {code}", manager_username=MANAGER[0], manager_password=MANAGER[1]
        )
        try:
            _bulk_submit(session.db, session.account.id, records, seed)
            key = session.key
        finally:
            session.close()
    finally:
        directory.release()
    return BenchBranch(data_dir, key, records)


def _bulk_submit(db: object, actor: str, records: int, seed: int) -> None:
    """Registrations, their outbox entries, duplicate keys and search terms in a few large
    transactions: what capture writes one by one (`registrations.submit`), but in bulk.

    References are real (`references.make_reference`, the branch's own sequence, which is
    moved past them so a later submit continues it); submission times go back one minute
    per record. The terms are `registrations.search_terms` itself, with `search_key`
    memoised while this runs: generated names repeat, and folding them is most of the cost.
    """
    form = load_form()
    conn = db.conn  # type: ignore[attr-defined]
    code = conn.execute("SELECT code FROM branch").fetchone()[0]
    start = datetime.now(UTC)
    year = start.year
    first = int((conn.execute("SELECT value FROM settings WHERE key = ?", [_sequence_key(year)]).fetchone() or [0])[0])
    rows: list[tuple[object, ...]] = []
    outbox: list[tuple[str, str]] = []
    terms: list[tuple[str, str]] = []
    with _memoised_search_key():
        for i, answers in enumerate(generate_registrations(records, seed=seed)):
            record_id = uuid7_str()
            reference = make_reference(code, year, first + i + 1)
            stamp = (start - timedelta(minutes=records - i)).isoformat()
            rows.append(
                (
                    record_id,
                    reference,
                    form.form_id,
                    form.version,
                    canonical_json(answers),
                    stamp,
                    actor,
                    stamp,
                    registrations.id_key(answers),
                    registrations.phone_key(answers),
                    registrations.person_key(answers),
                )
            )
            outbox.append((record_id, stamp))
            terms.extend((term, record_id) for term in registrations.search_terms(answers, reference))
            if len(rows) == 20_000 or i == records - 1:
                conn.execute("BEGIN")
                conn.executemany(
                    "INSERT INTO registrations (id, reference, form_id, form_version, answers, captured_at,"
                    " captured_by, submitted_at, id_key, phone, person_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                conn.executemany("INSERT INTO outbox (record_id, state, enqueued_at) VALUES (?, 'waiting', ?)", outbox)
                terms.sort()
                conn.executemany("INSERT INTO registration_terms (term, record_id) VALUES (?, ?)", terms)
                conn.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [_sequence_key(year), str(first + i + 1)],
                )
                conn.execute("COMMIT")
                rows, outbox, terms = [], [], []


def _sequence_key(year: int) -> str:
    return f"capture.reference_sequence.{year}"


@contextlib.contextmanager
def _memoised_search_key() -> Iterator[None]:
    original = registrations.search_key
    registrations.search_key = functools.lru_cache(maxsize=1 << 16)(original)
    try:
        yield
    finally:
        registrations.search_key = original


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


def make_local_branch_in_child(data_dir: Path, records: int, *, seed: int = 0) -> BenchBranch:
    """`make_local_branch` in a child process (see `make_branch_in_child`)."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.sync_fixture", str(data_dir), str(records), "-", "-", str(seed)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"preparing the branch failed: {done.stderr[-2000:]}")
    return BenchBranch(data_dir, bytes.fromhex(done.stdout.strip().splitlines()[-1]), records)


if __name__ == "__main__":
    if sys.argv[3] == "-":  # no centre
        made = make_local_branch(Path(sys.argv[1]), int(sys.argv[2]), seed=int(sys.argv[5]))
    else:
        made = make_branch(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], Path(sys.argv[4]), seed=int(sys.argv[5]))
    print(made.key.hex())
