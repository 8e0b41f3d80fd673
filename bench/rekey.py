"""Re-keying a full branch store: a teller leaves and the database key changes (issue 15).

A branch store with 120,000 generated registrations, a manager and two tellers. The
manager disables one teller, as the Accounts page does it:

- `begin`: a new manager key re-signs the account rows, a new database key is sealed to
  every remaining slot and the slot file written with both keys
  (`Session.disable_account(..., complete=False)`);
- `job`: the database file takes the new key on a connection of its own
  (`Session.rekey_job`: open, `PRAGMA rekey`, WAL checkpoint), the part
  the page runs on another thread under a busy indicator;
- `finish`: the session reopens with the new key and the slot file keeps it alone
  (`Session.finish_rekey`).

`rekey_s` is the three together: what the manager waits for. Also shown: an open with
`quick_check` alone (the job and the reopening skip it: the re-key reads every page), and the store's size. Afterwards
the remaining teller signs in (with the new key) and the departed one's old slot file no
longer opens the store.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench.report import print_json, print_table
from bench.sync_fixture import BENCH_KDF, MANAGER, make_local_branch_in_child
from branch_client.store import BranchDirectory, KnownError
from branch_client.store.database import connect

RECORDS = 120_000
LEAVING = ("leaving", "leaving-pass-1")
STAYING = ("staying", "staying-pass-1")


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m bench rekey", description=__doc__.splitlines()[0])
    p.add_argument("--records", type=int, default=RECORDS, help="registrations in the branch store")
    p.add_argument("--seed", type=int, default=5, help="seed of the generated registrations")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "rekey"
        started = time.perf_counter()
        make_local_branch_in_child(data_dir, args.records, seed=args.seed)
        build_s = time.perf_counter() - started
        run = measure(data_dir)
    print_table(
        ["measure", "value"],
        [
            ["registrations in the store", args.records],
            ["store size, MB", run["size_mb"]],
            ["(building the store, s)", round(build_s, 1)],
            ["re-key: begin (sign, seal, write slots), s", run["begin_s"]],
            ["re-key: job (open, PRAGMA rekey, checkpoint), s", run["job_s"]],
            ["  (for comparison: an open with quick_check, which the re-key skips), s", run["open_s"]],
            ["re-key: finish (reopen, write slots), s", run["finish_s"]],
            ["re-key in all (what the manager waits for), s", run["rekey_s"]],
            ["remaining teller signs in afterwards", "yes"],
            ["departed teller's old slot file opens the store", "no"],
            ["load average while measuring (1 min)", round(os.getloadavg()[0], 1)],
        ],
    )
    print_json({"rekey_s": run["rekey_s"], "records": args.records})
    return 0


def measure(data_dir: Path) -> dict[str, float]:
    """Disable a teller on the store in `data_dir`, timing each step of its re-key."""
    directory = BranchDirectory.claim(data_dir, kdf=BENCH_KDF)
    try:
        session = directory.unlock(*MANAGER)
        leaving = session.create_account(*LEAVING)
        session.create_account(*STAYING)
        old_slots = directory.slots_path.read_bytes()
        size_mb = directory.db_path.stat().st_size / 1e6
        started = time.perf_counter()
        connect(directory.db_path, session.key).close()
        open_s = time.perf_counter() - started

        started = time.perf_counter()
        session.disable_account(leaving.id, complete=False)
        begun = time.perf_counter()
        session.rekey_job()()
        rekeyed = time.perf_counter()
        session.finish_rekey()
        finished = time.perf_counter()
        session.close()

        directory.unlock(*STAYING).close()
        current = directory.slots_path.read_bytes()
        directory.slots_path.write_bytes(old_slots)
        try:
            directory.unlock(*LEAVING).close()
        except KnownError:
            pass  # what should happen: the old key no longer opens the store
        else:
            raise SystemExit("the departed teller's old slot file still opens the store")
        finally:
            directory.slots_path.write_bytes(current)
    finally:
        directory.release()
    return {
        "size_mb": round(size_mb, 1),
        "open_s": round(open_s, 3),
        "begin_s": round(begun - started, 3),
        "job_s": round(rekeyed - begun, 3),
        "finish_s": round(finished - rekeyed, 3),
        "rekey_s": round(finished - started, 3),
    }
