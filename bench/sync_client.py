"""The measured side of `bench sync`, in a process of its own so its peak RSS is the client's alone.

`python -m bench.sync_client DATA_DIR MODE BATCH_SIZE` with the store key on stdin:

- `sync`: one full pass to the centre the store is enrolled with;
- `lower-bound`: only read + serialise + compress + seal every registration (no network,
  no writes): the cost no sync of these records can avoid.

Prints one JSON line: seconds, records, wire bytes, peak RSS.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from branch_client.services.sync import SyncRunner
from branch_client.store import BranchDirectory
from branch_client.store.database import connect
from sync import device as device_config
from sync.envelope import seal
from sync.ids import uuid7_str
from sync.protocol import Record
from sync.settings import SyncSettings


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


def _sync(data_dir: Path, key: bytes, batch_size: int) -> dict[str, object]:
    directory = BranchDirectory.claim(data_dir)
    runner = SyncRunner(directory.db_path, key, batch_size=batch_size)
    started = time.perf_counter()
    result = runner.run()
    seconds = time.perf_counter() - started
    runner.close()
    directory.release()
    if result is None or not result.ok:
        raise SystemExit(f"sync failed: {result and result.error}")
    return {"seconds": seconds, "records": result.records, "wire_bytes": result.wire_bytes, "batches": result.batches}


def _lower_bound(data_dir: Path, key: bytes, batch_size: int) -> dict[str, object]:
    db = connect(data_dir / "branch.db", key)
    device = device_config.load(SyncSettings(db.conn))
    assert device is not None
    started = time.perf_counter()
    records = wire = 0
    cursor = db.conn.execute(
        "SELECT id, form_id, form_version, answers, captured_at, captured_by, supersedes FROM registrations"
    )
    sequence = 1
    while rows := cursor.fetchmany(batch_size):
        batch = [Record(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5], r[6]) for r in rows]
        body = seal(
            batch,
            batch_id=uuid7_str(),
            sequence=sequence,
            device_id=device.device_id,
            device_key=device.device_key,
            centre_key=device.centre_key,
        )
        sequence += 1
        records += len(batch)
        wire += len(body)
    seconds = time.perf_counter() - started
    db.close()
    return {"seconds": seconds, "records": records, "wire_bytes": wire}


def main() -> int:
    """Entry point (see the module docstring)."""
    data_dir, mode, batch_size = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    key = bytes.fromhex(sys.stdin.readline().strip())
    figures = _sync(data_dir, key, batch_size) if mode == "sync" else _lower_bound(data_dir, key, batch_size)
    figures["peak_rss_mb"] = round(_peak_rss_mb(), 1)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
