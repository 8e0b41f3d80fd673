"""Reference numbers: made offline, unique per branch, easy to read over the phone.

`PNH-01-2026-000123-K`: the branch code, the year, a sequence per branch and year, and a
check character (Luhn mod 36 over the letters and digits) that catches any one mistyped
character and any two neighbours swapped. A correction keeps its original's reference
with `/2`, `/3`… so the owner's receipt number still finds it.
"""

from __future__ import annotations

import re

import sqlite_utils

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_N = len(ALPHABET)
_SEQUENCE_KEY = "capture.reference_sequence.{year}"
_REFERENCE = re.compile(
    r"^(?P<base>[A-Z0-9-]+-(?P<year>\d{4})-(?P<seq>\d{6,})-(?P<check>[0-9A-Z]))(?:/(?P<version>\d+))?$"
)


def check_character(payload: str) -> str:
    """The Luhn mod 36 check character of `payload` (dashes and other separators ignored)."""
    chars = [c for c in payload.upper() if c in ALPHABET]
    total = 0
    factor = 2
    for char in reversed(chars):
        addend = factor * ALPHABET.index(char)
        total += addend // _N + addend % _N
        factor = 1 if factor == 2 else 2
    return ALPHABET[(_N - total % _N) % _N]


def make_reference(branch_code: str, year: int, sequence: int) -> str:
    """The reference for the `sequence`-th registration of `year` at `branch_code`."""
    payload = f"{branch_code.upper()}-{year:04d}-{sequence:06d}"
    return f"{payload}-{check_character(payload)}"


def is_valid(reference: str) -> bool:
    """True when `reference` is well formed and its check character fits."""
    match = _REFERENCE.match(reference.strip().upper())
    if match is None:
        return False
    payload, check = match["base"][:-2], match["check"]
    return check_character(payload) == check


def correction_reference(original: str, version: int) -> str:
    """The reference of the `version`-th version (2, 3…) of the registration `original`."""
    base = original.split("/", 1)[0]
    return f"{base}/{version}"


def next_reference(db: sqlite_utils.Database, branch_code: str, year: int) -> str:
    """Take the next reference of `year`; call inside the submitting transaction so a
    rolled-back submit gives its number back and two submits never share one."""
    key = _SEQUENCE_KEY.format(year=year)
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    sequence = (int(row[0]) if row else 0) + 1
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, str(sequence)],
    )
    return make_reference(branch_code, year, sequence)
