"""`uv run python -m bench.sync_status [--records N]`: what the manager's sync and audit pages cost
on a full store.

The sync snapshot runs on the sync thread after every pass (and once a second while one
runs), so it must stay cheap however full the store is. The store is filled directly
(registrations, outbox, answers, answered batches of 500, one audit entry per record)
without a centre: only reading is measured. Prints a table, then one JSON line.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bench.report import print_json, print_table
from bench.sync_fixture import BENCH_KDF, CAM_IE_APPLICATIONS, MANAGER, _bulk_submit
from branch_client.services import sync as sync_service
from branch_client.store import BranchDirectory, audit, sync_history

BATCH = 500


def _fill(data_dir: Path, records: int) -> tuple[Path, bytes]:
    directory = BranchDirectory.claim(data_dir, kdf=BENCH_KDF)
    try:
        session, _ = directory.create_branch(
            branch_code="BENCH", branch_name="Bench", manager_username=MANAGER[0], manager_password=MANAGER[1]
        )
        db, conn = session.db, session.db.conn
        _bulk_submit(db, session.account.id, records, seed=3)
        ids = [row[0] for row in conn.execute("SELECT record_id FROM outbox ORDER BY rowid")]
        answered = ids[: len(ids) * 4 // 5]  # four in five answered, the rest waiting
        now = datetime.now(UTC).isoformat()
        conn.execute("BEGIN")
        for sequence, start in enumerate(range(0, len(answered), BATCH), start=1):
            chunk = answered[start : start + BATCH]
            batch_id = f"batch-{sequence:06d}"
            conn.execute(
                "INSERT INTO sync_batches (batch_id, sequence, created_at, record_count, wire_bytes, state,"
                " answered_at, duration_ms, accepted, rejected) VALUES (?, ?, ?, ?, ?, 'answered', ?, 900, ?, ?)",
                [batch_id, sequence, now, len(chunk), 200 * len(chunk), now, len(chunk) - 3, 3],
            )
            conn.executemany(
                "UPDATE outbox SET state = 'acknowledged', batch_id = ? WHERE record_id = ?",
                [(batch_id, r) for r in chunk],
            )
            conn.executemany(
                "INSERT INTO sync_results (record_id, status, cam_ie_number, message_en, message_km, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (r, "rejected" if i < 3 else "accepted", None if i < 3 else f"CIE-{start + i:07d}", "x", "x", now)
                    for i, r in enumerate(chunk)
                ],
            )
        conn.execute("COMMIT")
        with db.atomic():
            for record_id in ids:
                audit.append(db, actor=session.account.id, action="registration_submitted", subject=record_id)
        key = session.key
        session.close()
    finally:
        directory.release()
    return data_dir, key


def _median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.sync_status", description=__doc__)
    p.add_argument("--records", type=int, default=CAM_IE_APPLICATIONS, help="registrations in the store")
    p.add_argument("--repeat", type=int, default=15, help="runs per measurement (the median is reported)")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        data_dir, key = _fill(Path(tmp) / "branch", args.records)
        fill_s = time.perf_counter() - started
        runner = sync_service.SyncRunner(data_dir / "branch.db", key)
        try:
            runner.snapshot()  # open the connection, warm the page cache as a running app has it
            db = runner._db
            assert db is not None
            newest = sync_history.batches(db, limit=1)[0].batch_id
            figures = {
                "records": args.records,
                "snapshot_ms": _median_ms(runner.snapshot, args.repeat),
                "batch_history_page_ms": _median_ms(lambda: sync_history.batches(db, limit=200), args.repeat),
                "batches_version_ms": _median_ms(lambda: sync_history.batches_version(db), args.repeat),
                "batch_records_ms": _median_ms(lambda: sync_history.batch_records(db, newest), args.repeat),
                "audit_page_ms": _median_ms(lambda: audit.page(db, limit=200), args.repeat),
                "audit_page_one_action_ms": _median_ms(lambda: audit.page(db, action="login", limit=200), args.repeat),
                "audit_verify_ms": _median_ms(lambda: audit.verify_chain(db), 3),
                "fill_s": round(fill_s, 1),
            }
        finally:
            runner.close()
    print_table(["measure", "value"], sorted(figures.items()))
    print_json(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
