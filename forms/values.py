"""The values expressions compute with, and XPath's conversions between them.

Values are `str`, `float`, `bool` and `datetime.date`; the empty answer is `""`. Every
conversion is total: a value of the wrong kind becomes NaN, the empty string or None.
"""

from __future__ import annotations

import datetime
import math
import re

Value = str | float | bool | datetime.date

MAX_NUMBER_TEXT = 40  # longer digit strings are not numbers (and never reach int())

_EPOCH = datetime.date(1970, 1, 1)
_FIRST_DAY = (datetime.date.min - _EPOCH).days  # day counts outside these are no date
_LAST_DAY = (datetime.date.max - _EPOCH).days
_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_NUMBER_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def to_string(value: Value) -> str:
    """XPath string(): numbers without a needless '.0', dates as ISO, booleans as true/false."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return value.isoformat()


def parse_iso_date(text: str) -> datetime.date | None:
    """A `YYYY-MM-DD` string as a date, or None (also for impossible dates such as 2023-02-30)."""
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        return None
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def to_number(value: Value) -> float:
    """XPath number(): booleans 1/0, dates as days since 1970-01-01, text parsed or NaN."""
    if isinstance(value, float):  # the common case first (a bool is an int, never a float)
        return value
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, str):
        text = value.strip()
        if not text or len(text) > MAX_NUMBER_TEXT:
            return math.nan
        text = text.translate(_KHMER_DIGITS)
        if _NUMBER_TEXT.fullmatch(text):
            return float(text)
        day = parse_iso_date(text)
        return math.nan if day is None else float((day - _EPOCH).days)
    return float((value - _EPOCH).days)


def to_bool(value: Value) -> bool:
    """XPath boolean(): non-empty text, a number other than 0 and NaN, any date."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return value != 0.0 and not math.isnan(value)
    if isinstance(value, str):
        return value != ""
    return True


def to_date(value: Value) -> datetime.date | None:
    """A date from a date, an ISO string or a day count; None when there is none."""
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        return parse_iso_date(value.strip().translate(_KHMER_DIGITS))
    if isinstance(value, bool):
        return None
    if math.isfinite(value) and _FIRST_DAY <= value < _LAST_DAY + 1:
        return _EPOCH + datetime.timedelta(days=math.floor(value))
    return None
