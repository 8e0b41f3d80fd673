"""Start-up: process start to first window shown (offscreen), median of several runs.

Each run starts a fresh `python -m branch_client --demo --quit-when-shown` process on a
demo store prepared beforehand (so branch set-up is not timed) and stops the clock when
the process reports that its window was shown. The demo's in-process reference centre
is left out (`--centre none`): a branch PC never runs one. Goal: median ≤ 1.0 s on 2 cores.

The same run also starts a bare PySide6 program (a QApplication showing an empty
QMainWindow, nothing else) the same way, alternating with the app's runs so machine
load weighs on both alike. `ratio_to_bare_qt` (app median / bare median) is the cost
of the app above what any Qt window costs on this machine, so it compares across busy
and quiet machines where the seconds do not. Goal: ratio ≤ 2.5.

With `--bundle` it times the PyInstaller build instead (`dist/branch-client/branch-client`,
made by `uv run pyinstaller --noconfirm installer.spec`, or the executable given), with
the same arguments, so the two figures compare. The bare program still runs from this
interpreter then (a bundle has no bare counterpart), which the table says.
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
GOAL_RATIO = 2.5
ROOT = Path(__file__).resolve().parent.parent
BUNDLE_EXE = ROOT / "dist" / "branch-client" / ("branch-client.exe" if sys.platform == "win32" else "branch-client")

# The baseline: the least a PySide6 program does to show a main window, reporting the
# moment of showing the way the app's --quit-when-shown does (a shown signal from showEvent).
BARE_QT = """\
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Window(QMainWindow):
    def showEvent(self, event):
        super().showEvent(event)
        print("window-shown", flush=True)
        QTimer.singleShot(0, app.quit)

app = QApplication(sys.argv[:1])
window = Window()
window.resize(1100, 720)
window.show()
sys.exit(app.exec())
"""


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
    p.add_argument("--runs", type=int, default=7, help="timed starts of each program (at least 5)")
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
    bare = [sys.executable, "-c", BARE_QT]
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "demo"
        command = [*program, "--demo", "--centre", "none"]
        command += ["--data-dir", str(data_dir), "--quit-when-shown"]
        warm_up = time_one_start(command, env)  # creates the demo store; also warms the OS file cache
        bare_warm_up = time_one_start(bare, env)
        times: list[float] = []
        bare_times: list[float] = []
        for i in range(runs):  # alternate, and alternate who goes first, so load drifts hit both
            if i % 2:
                times.append(time_one_start(command, env))
                bare_times.append(time_one_start(bare, env))
            else:
                bare_times.append(time_one_start(bare, env))
                times.append(time_one_start(command, env))
    median = statistics.median(times)
    bare_median = statistics.median(bare_times)
    ratio = median / bare_median
    bare_label = "bare Qt (this interpreter)" if args.bundle is not None else "bare Qt"
    print_table(
        ["measure", "app seconds", f"{bare_label} seconds"],
        [
            ["first start (not counted; the app's creates the demo store)", warm_up, bare_warm_up],
            *[[f"run {i + 1}", t, b] for i, (t, b) in enumerate(zip(times, bare_times, strict=True))],
            ["median", median, bare_median],
            ["ratio app / bare", f"{ratio:.2f}", ""],
            [f"goal ≤ {GOAL_S} s", "met" if median <= GOAL_S else "MISSED", ""],
            [f"goal ratio ≤ {GOAL_RATIO}", "met" if ratio <= GOAL_RATIO else "MISSED", ""],
        ],
    )
    print_json(
        {
            "startup_median_s": round(median, 3),
            "startup_min_s": round(min(times), 3),
            "startup_max_s": round(max(times), 3),
            "bare_qt_median_s": round(bare_median, 3),
            "ratio_to_bare_qt": round(ratio, 2),
            "runs": runs,
            "program": "bundle" if args.bundle is not None else "source",
        }
    )
    return 0
