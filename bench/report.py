"""Printing results: a table for people, then one JSON line for machines."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain aligned table."""
    cells = [[str(h) for h in headers], *[[_fmt(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print("  ".join(cell.rjust(w) if n else cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def print_json(figures: Mapping[str, object]) -> None:
    """The last line of every benchmark's output."""
    print(json.dumps(dict(figures), sort_keys=True))


def _fmt(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)
