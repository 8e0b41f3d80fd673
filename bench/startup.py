"""Start-up: process start to first window shown (offscreen), median of several runs.

Each run starts a fresh `python -m branch_client --demo --quit-when-shown` process on a
demo store prepared beforehand (so branch set-up is not timed) and stops the clock when
the process reports that its window was shown. The demo's in-process reference centre
is left out (`--centre none`): a branch PC never runs one. Goal: median ≤ 1.0 s on 2 cores.

With `--bundle` it times the PyInstaller build instead (`dist/branch-client/branch-client`,
made by `uv run pyinstaller --noconfirm installer.spec`, or the executable given), with
the same arguments, so the two figures compare.
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
ROOT = Path(__file__).resolve().parent.parent
BUNDLE_EXE = ROOT / "dist" / "branch-client" / ("branch-client.exe" if sys.platform == "win32" else "branch-client")


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
    p.add_argument(
        "--bundle",
        nargs="?",
        type=Path,
        const=BUNDLE_EXE,
        metavar="EXE",
        help=f"time the built bundle's executable (default {BUNDLE_EXE.relative_to(ROOT)}) instead of the source tree",
    )
    args = p.parse_args(argv)
    runs = max(5, args.runs)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if args.bundle is not None and not args.bundle.is_file():
        p.error(f"no bundle at {args.bundle}: build it with `uv run pyinstaller --noconfirm installer.spec`")
    program = [str(args.bundle)] if args.bundle is not None else [sys.executable, "-m", "branch_client"]
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "demo"
        command = [*program, "--demo", "--centre", "none"]
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
            "program": "bundle" if args.bundle is not None else "source",
        }
    )
    return 0
