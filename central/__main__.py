"""`cam-ie-central`: the reference centre's command line (filled in by the centre's work)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point of `cam-ie-central`."""
    print("cam-ie-central: not built yet", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
