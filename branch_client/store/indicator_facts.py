"""What the indicators read from the store, and how it is counted quickly. No Qt here.

What is counted: the latest version of each registration (one replaced by a correction,
i.e. named in another row's `supersedes`, is not) that was not withdrawn. Days are
Cambodian days (UTC+7), whatever the PC's clock zone.

How it stays quick on 120,000 registrations (`python -m bench manager`):

- Migration 0003 keeps an index on exactly the answers the indicators need
  (`FACT_COLUMNS`; `registrations_indicators`, the same text as `INDICATOR_INDEX_SQL`),
  so SQLite reads them from the index instead of decrypting and parsing every record.
- One query groups them by Cambodian day and owner's sex, the index's first two columns,
  so SQLite streams the index without sorting (`read_facts`). Each group comes back as
  one row with its counts and workers summed, and its records' answers joined in one
  string: a few hundred Python rows a year instead of 120,000 rows of nine values.
- A date range is a slice of those groups (`Facts.span`); their strings are split and
  counted with `collections.Counter`, in C, a bounded number of groups at a time
  (`Facts.tally`). Changing the range does not touch the store again.
"""

from __future__ import annotations

import bisect
import datetime
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import sqlite_utils

from branch_client.store.database import translate_errors


@dataclass(frozen=True)
class DateRange:
    """Cambodian days from `start` to `end`, both included; None is open-ended."""

    start: datetime.date | None = None
    end: datetime.date | None = None

    def describe(self) -> str:
        """`2026-01-01 – 2026-03-31` (open ends as …), for file names and reports."""
        return f"{self.start.isoformat() if self.start else '…'} – {self.end.isoformat() if self.end else '…'}"


FEMALE, MALE, OTHER = "female", "male", "other"
SEXES = (FEMALE, MALE, OTHER)  # OTHER: the answer is missing or not one of the form's choices
SEX_INDEX = {FEMALE: 0, MALE: 1, OTHER: 2}

#: The dimensions (besides time) every registration is counted by; each is a form field.
DIMENSIONS = ("activity", "premises", "province", "district", "services")

#: The registrations counted, as a WHERE clause on `registrations r`.
LATEST_SQL = (
    "r.withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM registrations c WHERE c.supersedes = r.id)"  # not replaced
)
#: The expressions the indicators read from each registration (the index's columns).
FACT_COLUMNS = (
    "date(r.submitted_at, '+7 hours')",
    "r.answers ->> 'sex'",
    "r.answers ->> 'activity'",
    "r.answers ->> 'premises'",
    "r.answers ->> 'province'",
    "r.answers ->> 'district'",
    "r.answers ->> 'services'",
    "r.answers ->> 'workers_female'",
    "r.answers ->> 'workers_male'",
)
#: The index migration 0003 creates (its SQL is written out there, so the migration never
#: changes); a test checks that the two agree.
INDICATOR_INDEX_SQL = (
    "CREATE INDEX registrations_indicators ON registrations ("
    + ", ".join(c.replace("r.", "") for c in FACT_COLUMNS)
    + ", id) WHERE withdrawn_at IS NULL"
)

#: Joins the answers of a group (a control character no choice code contains; a group
#: whose answers do hold it is counted record by record instead).
SEPARATOR = "\x1f"
#: Groups split at once when counting: bounds the strings alive at a time (a few MB).
CHUNK = 64

_DAY, _SEX = FACT_COLUMNS[0], FACT_COLUMNS[1]
_ANSWERS = FACT_COLUMNS[2:7]  # DIMENSIONS' columns
_WOMEN, _MEN = FACT_COLUMNS[7:9]

#: One row per Cambodian day and owner's sex answer, in day order: the records' count,
#: their workers summed, and their answers (DIMENSIONS order, record after record) joined
#: by SEPARATOR; a missing answer is "". A group with an answer holding SEPARATOR, or
#: workers that are not whole numbers ≥ 0 (a real or text makes `sum` a real; `min` shows
#: a negative), is read again record by record (`_exact_group`).
_GROUPS_SQL = (
    f"SELECT {_DAY}, {_SEX}, count(*), sum({_WOMEN}), sum({_MEN}), min({_WOMEN}), min({_MEN}),"  # noqa: S608
    " group_concat(concat_ws(char(31), "
    + ", ".join(f"ifnull({expr}, '')" for expr in _ANSWERS)
    + f"), char(31)) FROM registrations r WHERE {LATEST_SQL} GROUP BY 1, 2 ORDER BY 1, 2"
)
#: The records of one group, for a group `_GROUPS_SQL` cannot count exactly.
_GROUP_RECORDS_SQL = (
    f"SELECT {', '.join(FACT_COLUMNS[2:])} FROM registrations r"  # noqa: S608
    f" WHERE {LATEST_SQL} AND {_DAY} IS ? AND {_SEX} IS ?"
)


def counted_on(
    first_day: str, last_day: str, *, sex: str | None = None, captured_by: str | None = None
) -> tuple[str, list[object]]:
    """The counted registrations (of `r`) submitted on Cambodian days `first_day`…`last_day`
    (ISO, both included), whose owner is `sex` (FEMALE, MALE, or OTHER: no answer or
    another one) and, when given, captured by `captured_by`: a WHERE clause and its
    parameters. The home page's figures and the registrations list they open use this one
    clause, so a number and its list agree. Read from `registrations_indicators`."""
    where = [LATEST_SQL, f"{_DAY} BETWEEN ? AND ?"]
    params: list[object] = [first_day, last_day]
    if sex in (FEMALE, MALE):
        where.append(f"{_SEX} = ?")
        params.append(sex)
    elif sex == OTHER:
        where.append(f"coalesce({_SEX}, '') NOT IN ('{FEMALE}', '{MALE}')")
    elif sex is not None:
        raise ValueError(f"unknown sex {sex!r}")
    if captured_by is not None:
        where.append("r.captured_by = ?")
        params.append(captured_by)
    return " AND ".join(where), params


def by_sex(
    db: sqlite_utils.Database, first_day: str, last_day: str, *, captured_by: str | None = None
) -> dict[str, int]:
    """How many registrations `counted_on` those days, by owner's sex (every one of SEXES)."""
    counts = dict.fromkeys(SEXES, 0)
    for sex in SEXES:
        where, params = counted_on(first_day, last_day, sex=sex, captured_by=captured_by)
        counts[sex] = int(db.conn.execute(f"SELECT count(*) FROM registrations r WHERE {where}", params).fetchone()[0])  # noqa: S608
    return counts


@dataclass(frozen=True)
class DayGroup:
    """The counted registrations of one Cambodian day whose owners' sex answer is the same."""

    day: str  # ISO date ("" when unknown)
    sex: int  # SEX_INDEX: 0 female, 1 male, 2 other/missing
    count: int
    workers_female: int  # summed
    workers_male: int
    #: The records' answers (DIMENSIONS order, record after record) joined by SEPARATOR;
    #: or, for a group read record by record, each dimension's counts (`exact`).
    joined: str = ""
    exact: tuple[Counter[str], ...] = ()


@dataclass
class Facts:
    """The counted registrations as groups of one Cambodian day and owner's sex, in day
    order: a few hundred a year, whatever the number of registrations."""

    groups: list[DayGroup] = field(default_factory=list)
    _group_days: list[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._group_days = [g.day for g in self.groups]

    def __len__(self) -> int:
        return sum(g.count for g in self.groups)

    @property
    def days(self) -> list[str]:
        """The Cambodian days (ISO) with counted registrations, sorted."""
        return list(dict.fromkeys(self._group_days))

    def span(self, date_range: DateRange) -> tuple[int, int]:
        """The [lo, hi) positions of the groups inside `date_range`."""
        days = self._group_days
        lo = 0 if date_range.start is None else bisect.bisect_left(days, date_range.start.isoformat())
        hi = len(days) if date_range.end is None else bisect.bisect_right(days, date_range.end.isoformat())
        return lo, max(lo, hi)

    def tally(self, lo: int, hi: int) -> dict[str, dict[str, list[int]]]:
        """Per dimension: answer → [female, male, other] over the groups lo..hi."""
        width = len(DIMENSIONS)
        out: dict[str, dict[str, list[int]]] = {d: {} for d in DIMENSIONS}
        for sex in range(3):
            counts: list[Counter[str]] = [Counter() for _ in DIMENSIONS]
            mine = [g for g in self.groups[lo:hi] if g.sex == sex]
            for group in mine:
                for i, exact in enumerate(group.exact):
                    counts[i].update(exact)
            joined = [g.joined for g in mine if not g.exact]
            for start in range(0, len(joined), CHUNK):
                values = SEPARATOR.join(joined[start : start + CHUNK]).split(SEPARATOR)
                for i, dimension_counts in enumerate(counts):
                    dimension_counts.update(values[i::width])  # Counter's C loop
            for dimension, dimension_counts in zip(DIMENSIONS, counts, strict=True):
                rows = out[dimension]
                for code, n in dimension_counts.items():
                    rows.setdefault(code, [0, 0, 0])[sex] += n
        return out


def _counts(column: Sequence[object]) -> list[int]:
    out = []
    for value in column:  # a hand-edited or older record: text, negative, missing
        try:
            out.append(max(0, int(str(value))) if value is not None and not isinstance(value, bool) else 0)
        except ValueError:
            out.append(0)
    return out


def _answer(value: object) -> str:
    """A dimension's answer as counted: as text (as SQLite writes it), missing → ""."""
    return "" if value is None else value if isinstance(value, str) else str(value)


def _exact_group(db: sqlite_utils.Database, day: object, sex: object, group: DayGroup) -> DayGroup:
    """`group` counted record by record (see `_GROUPS_SQL` for when)."""
    rows = db.conn.execute(_GROUP_RECORDS_SQL, [day, sex]).fetchall()
    columns = list(zip(*rows, strict=True)) if rows else [()] * 7
    exact = tuple(Counter(map(_answer, column)) for column in columns[:5])
    women, men = sum(_counts(columns[5])), sum(_counts(columns[6]))
    return DayGroup(group.day, group.sex, len(rows), women, men, exact=exact)


def _whole(total: object, least: object) -> bool:
    return isinstance(total, int | None) and (least is None or (isinstance(least, int) and least >= 0))


def read_facts(db: sqlite_utils.Database) -> Facts:
    """The registrations counted (latest versions, not withdrawn), grouped by day and sex."""
    groups = []
    separators = len(DIMENSIONS)  # per record, less one for the group
    with translate_errors():
        for day, sex, count, women, men, least_women, least_men, text in db.conn.execute(_GROUPS_SQL):
            joined = text if isinstance(text, str) else ""
            group = DayGroup(
                day if isinstance(day, str) else "", SEX_INDEX.get(sex, 2), count, women or 0, men or 0, joined
            )
            if (
                not _whole(women, least_women)
                or not _whole(men, least_men)
                or joined.count(SEPARATOR) != count * separators - 1
            ):
                group = _exact_group(db, day, sex, group)
            groups.append(group)
    return Facts(groups)


def data_version(db: sqlite_utils.Database) -> tuple[int, int]:
    """Changes since the connection opened and by other connections: equal means unchanged."""
    row = db.conn.execute("PRAGMA data_version").fetchone()
    return int(db.conn.total_changes), int(row[0])


def registered_answers(db: sqlite_utils.Database, date_range: DateRange) -> Iterator[tuple[str, str, str]]:
    """(reference, submitted at, answers JSON) of every counted registration submitted in the
    range (Cambodian days), in submission order: what the register export writes out.
    Read in chunks, so a branch's whole register is never held in memory."""
    where, params = [LATEST_SQL], []
    if date_range.start:
        where.append("date(r.submitted_at, '+7 hours') >= ?")
        params.append(date_range.start.isoformat())
    if date_range.end:
        where.append("date(r.submitted_at, '+7 hours') <= ?")
        params.append(date_range.end.isoformat())
    sql = (
        "SELECT r.reference, r.submitted_at, r.answers FROM registrations r WHERE "  # noqa: S608 - constant pieces
        + " AND ".join(where)
        + " ORDER BY r.rowid"  # submission order, without sorting every record's answers
    )
    with translate_errors():
        cursor = db.conn.execute(sql, params)
        while batch := cursor.fetchmany(500):
            yield from batch
