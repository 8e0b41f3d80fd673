"""`uv run python -m bench NAME [options]`: run one benchmark."""

from __future__ import annotations

import argparse
import importlib
import sys

BENCHMARKS = {
    "startup": "bench.startup",
    "sync": "bench.sync",
    "gui-stall": "bench.gui_stall",
    "forms": "bench.forms",
    "capture": "bench.capture",
    "manager": "bench.manager",
    "sync-status": "bench.sync_status",
    "teller": "bench.teller",
    "rekey": "bench.rekey",
}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in BENCHMARKS:
        p = argparse.ArgumentParser(prog="python -m bench", description="Run one benchmark.")
        p.add_argument("name", choices=sorted(BENCHMARKS), help="which benchmark to run")
        p.parse_args(args)  # prints usage and exits
        return 2
    module = importlib.import_module(BENCHMARKS[args[0]])
    result: int = module.main(args[1:])
    return result


if __name__ == "__main__":
    sys.exit(main())
