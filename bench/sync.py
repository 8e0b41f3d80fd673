"""Sync throughput: a whole branch's registrations to the reference centre, end to end.

A branch store is filled with synthetic registrations (the forms engine's generator:
Khmer and Latin names, real gazetteer codes, about 62% women owners), enrolled with a
reference centre running in its own process on a loopback port, and synced in one pass
by a client process of its own (so its peak RSS is the client's alone). In the same run:

- the same code sending one record per request, timed on a sample of records;
- the no-network lower bound: read + serialise + compress + seal only.

Goals (2 cores): ≤ 30 s end to end for 119,183 records, ≥ 50× faster than one per
request, ≤ 3× the lower bound, ≤ 400 wire bytes per record, ≤ 300 MB peak RSS.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.report import print_json, print_table
from bench.sync_fixture import CAM_IE_APPLICATIONS, centre_process, make_branch, run_child

GOALS = {"end_to_end_s": 30.0, "speedup": 50.0, "ratio": 3.0, "wire": 400.0, "rss": 300.0}


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m bench sync", description=__doc__.splitlines()[0])
    p.add_argument("--records", type=int, default=CAM_IE_APPLICATIONS, help="registrations in the full run")
    p.add_argument("--sample", type=int, default=2000, help="records sent one per request (at least 2000)")
    p.add_argument("--batch-size", type=int, default=500, help="records per batch in the full run")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        centre_db = root / "centre" / "centre.db"
        with centre_process(centre_db) as url:
            started = time.perf_counter()
            full = make_branch(root / "full", args.records, url, centre_db, seed=1)
            single = make_branch(root / "single", args.sample, url, centre_db, seed=2)
            prepare_s = time.perf_counter() - started
            run = run_child("bench.sync_client", full, "sync", str(args.batch_size))
            one = run_child("bench.sync_client", single, "sync", "1")
            bound = run_child("bench.sync_client", full, "lower-bound", str(args.batch_size))

    records = int(run["records"])  # type: ignore[call-overload]
    seconds = float(run["seconds"])  # type: ignore[arg-type]
    rate = records / seconds
    one_rate = int(one["records"]) / float(one["seconds"])  # type: ignore[call-overload, arg-type]
    bound_s = float(bound["seconds"])  # type: ignore[arg-type]
    wire = int(run["wire_bytes"]) / records  # type: ignore[call-overload]
    rss = float(run["peak_rss_mb"])  # type: ignore[arg-type]
    figures = {
        "records": records,
        "end_to_end_s": round(seconds, 2),
        "records_per_s": round(rate),
        "speedup_vs_one_per_request": round(rate / one_rate, 1),
        "ratio_to_lower_bound": round(seconds / bound_s, 2),
        "wire_bytes_per_record": round(wire, 1),
        "peak_rss_mb": rss,
    }
    met = {
        "end_to_end_s": seconds <= GOALS["end_to_end_s"] * records / CAM_IE_APPLICATIONS,
        "speedup": figures["speedup_vs_one_per_request"] >= GOALS["speedup"],
        "ratio": figures["ratio_to_lower_bound"] <= GOALS["ratio"],
        "wire": wire <= GOALS["wire"],
        "rss": rss <= GOALS["rss"],
    }
    print_table(
        ["measure", "value", "goal"],
        [
            ["preparing the stores (not timed)", round(prepare_s, 1), ""],
            ["records", records, ""],
            ["end to end (s)", round(seconds, 2), _goal(met["end_to_end_s"], "≤ 30 s for 119,183")],
            ["records/s", round(rate), ""],
            [f"one per request: records/s ({one['records']} records)", round(one_rate, 1), ""],
            ["speedup vs one per request", figures["speedup_vs_one_per_request"], _goal(met["speedup"], "≥ 50×")],
            ["lower bound: read+serialise+compress+seal (s)", round(bound_s, 2), ""],
            ["ratio to lower bound", figures["ratio_to_lower_bound"], _goal(met["ratio"], "≤ 3×")],
            ["wire bytes per record", round(wire, 1), _goal(met["wire"], "≤ 400")],
            ["client peak RSS (MB)", rss, _goal(met["rss"], "≤ 300")],
            ["batches", run["batches"], ""],
        ],
    )
    print_json(figures)
    return 0


def _goal(met: bool, text: str) -> str:
    return f"{text}: {'met' if met else 'MISSED'}"
