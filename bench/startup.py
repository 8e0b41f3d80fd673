"""Start-up: process start to first window shown (offscreen), median of several runs.

Each run starts a fresh `python -m branch_client --demo --quit-when-shown` process on a
demo store prepared beforehand (so branch set-up is not timed) and stops the clock when
the process reports that its window was shown. The demo's in-process reference centre
is left out (`--centre none`): a branch PC never runs one. Goal: median ≤ 1.0 s on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import print_json, print_table

GOAL_S = 1.0


def time_one_start(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning `command` to its "window-shown" line."""
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) as process:
        assert process.stdout is not None
        line = process.stdout.readline()
        elapsed = time.perf_counter() - started
        _, stderr = process.communicate(timeout=60)
    if line.strip() != "window-shown" or process.returncode != 0:
        raise RuntimeError(f"start-up failed (exit {process.returncode}): {stderr[-2000:]}")
    return elapsed


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m bench startup", description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=7, help="timed starts (at least 5)")
    args = p.parse_args(argv)
    runs = max(5, args.runs)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "demo"
        command = [sys.executable, "-m", "branch_client", "--demo", "--centre", "none"]
        command += ["--data-dir", str(data_dir), "--quit-when-shown"]
        warm_up = time_one_start(command, env)  # creates the demo store; also warms the OS file cache
        times = [time_one_start(command, env) for _ in range(runs)]
    median = statistics.median(times)
    print_table(
        ["measure", "seconds"],
        [
            ["first start (creates demo store, not counted)", warm_up],
            *[[f"run {i + 1}", t] for i, t in enumerate(times)],
            ["median", median],
            [f"goal ≤ {GOAL_S}", "met" if median <= GOAL_S else "MISSED"],
        ],
    )
    print_json(
        {
            "startup_median_s": round(median, 3),
            "startup_min_s": round(min(times), 3),
            "startup_max_s": round(max(times), 3),
            "runs": runs,
        }
    )
    return 0
