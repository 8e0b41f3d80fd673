"""The evaluator's shortcuts give what the plain rules give."""

from __future__ import annotations

import datetime
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from forms.expressions import Env, _format_date, parse, to_date, to_string


def format_date_reference(value: object, pattern: object) -> str:
    """format-date() as first written: one re.sub over the pattern."""
    day = to_date(value)  # type: ignore[arg-type]
    if day is None:
        return ""
    parts = {
        "%Y": f"{day.year:04d}",
        "%y": f"{day.year % 100:02d}",
        "%m": f"{day.month:02d}",
        "%n": str(day.month),
        "%d": f"{day.day:02d}",
        "%e": str(day.day),
    }
    return re.sub(r"%[Yymnde]", lambda m: parts[m.group()], to_string(pattern))  # type: ignore[arg-type]


@settings(max_examples=500, deadline=None)
@given(st.dates(), st.text(alphabet="%Yymnde{}0 -/x", max_size=20))
def test_format_date_template_equals_re_sub(day: datetime.date, pattern: str) -> None:
    assert _format_date(day, pattern) == format_date_reference(day, pattern)


def test_parts_that_read_only_today_follow_the_day() -> None:
    expression = parse("int(format-date(today(), '%Y')) - 2000 + string-length('abc')")
    for year in (2026, 2027, 2026, 1999):
        assert expression.evaluate(Env({}, datetime.date(year, 1, 1))) == float(year - 2000 + 3)


def test_constant_limits_compare_as_numbers() -> None:
    expression = parse(". >= date('1900-01-01') and . < '1950-01-01'")
    for day, expected in (("1899-12-31", False), ("1900-01-01", True), ("1949-12-31", True), ("1950-01-01", False)):
        current = datetime.date.fromisoformat(day)
        assert expression.evaluate(Env({}, datetime.date(2026, 1, 1), current)) is expected
