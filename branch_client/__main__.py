"""`branch-client`: the command line of the desktop app."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from branch_client import APP_NAME, __version__
from branch_client.paths import default_data_dir


def parser() -> argparse.ArgumentParser:
    """The argument parser (every option carries help text; a test checks)."""
    p = argparse.ArgumentParser(
        prog="branch-client", description=f"{APP_NAME}: register informal businesses into CAM-IE."
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument(
        "--data-dir",
        type=Path,
        help="folder of the branch store, settings and logs (default: the per-user data folder)",
    )
    p.add_argument(
        "--demo",
        action="store_true",
        help="open a demo branch with ready-made accounts, in its own folder",
    )
    p.add_argument("--lang", choices=["en", "km"], help="UI language for this start (en or km)")
    p.add_argument(
        "--idle-minutes",
        type=float,
        help="lock the session after this many minutes without input (default 10)",
    )
    p.add_argument(
        "--centre",
        choices=["auto", "none"],
        default="auto",
        help="with --demo: start the reference CAM-IE centre on this computer (auto, the default) or not (none)",
    )
    p.add_argument(
        "--quit-when-shown",
        action="store_true",
        help="quit as soon as the first window is shown (start-up checks and benchmarks)",
    )
    p.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation without a window, in a temporary folder (inside --data-dir if given): "
        "print one line per step, exit 0 if all pass",
    )
    p.add_argument(
        "--verbose", action="store_true", help="with --self-test: write the details of a failure to standard error"
    )
    from branch_client.app.headless import add_commands

    add_commands(p.add_subparsers(dest="command", metavar="COMMAND", help="run without a window (see COMMAND --help)"))
    return p


def _no_display() -> bool:
    """On Linux without X11/Wayland and no platform chosen, Qt would abort: say so instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the app."""
    args = parser().parse_args(argv)
    if args.idle_minutes is not None and not 0 < args.idle_minutes <= 24 * 60:
        parser().error("--idle-minutes must be between 0 and 1440")
    if args.self_test:
        from branch_client.app import self_test

        # --data-dir, if given, only says where to make the temporary folder.
        return self_test.run(parent=args.data_dir, verbose=args.verbose)
    data_dir = args.data_dir or default_data_dir()
    if args.demo and args.data_dir is None:
        data_dir = default_data_dir() / "demo"
    if args.command is not None:
        from branch_client.app import headless
        from branch_client.app.logging_setup import configure as configure_logging

        data_dir = data_dir.expanduser().resolve()
        with contextlib.suppress(OSError):  # an unusable folder is reported when the branch is opened
            configure_logging(data_dir / "logs")
        return headless.run(args, data_dir)
    if _no_display():
        print(
            "branch-client: no display found. Start it from a desktop session, or set "
            "QT_QPA_PLATFORM=offscreen to run it headless.",
            file=sys.stderr,
        )
        return 2

    from branch_client.app.application import LaunchOptions, run  # Qt is imported only when needed

    return run(
        LaunchOptions(
            data_dir=data_dir.expanduser().resolve(),
            demo=args.demo,
            demo_centre=args.centre == "auto",
            language=args.lang,
            idle_minutes=args.idle_minutes,
            quit_when_shown=args.quit_when_shown,
        )
    )


if __name__ == "__main__":
    sys.exit(main())
