"""The branch's M&E indicators: registrations counted by the owner's sex, over time and by
activity, premises, province, district and services requested; workers by sex. No Qt here.

What is counted: the latest version of each registration (one replaced by a correction,
i.e. named in another row's `supersedes`, is not) that was not withdrawn. Days are
Cambodian days (UTC+7), whatever the PC's clock zone.

How it stays quick on 120,000 registrations: migration 0003 keeps an index on the few
answers the indicators need (`FACT_COLUMNS`; `registrations_indicators`, the same text as
`INDICATOR_INDEX_SQL`), so SQLite reads them from the index instead of decrypting and
parsing every record. One query groups them by Cambodian day and owner's sex in index
order (`read_facts`: a few hundred rows, each day's answers joined in one string, not
120,000 Python rows); a date range is a slice of those days, whose answers are split and
counted with `collections.Counter` at C speed (`compute`), so changing the range does not
touch the store again.

Exports: the aggregates as CSV (`write_aggregates_csv`, audited `indicators_exported`),
and the record-level register with names, ID numbers and phones (`export_register_csv`),
only after the manager types their password again, audited `register_exported`. Audit
details carry counts and dates, never PII.
"""

from __future__ import annotations

import bisect
import csv
import datetime
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from branch_client.store import audit
from branch_client.store.database import translate_errors
from branch_client.store.errors import WrongPassword

if TYPE_CHECKING:
    from branch_client.store.session import Session
    from forms import Choice, Form

#: Cambodia's offset from UTC (no daylight saving).
CAMBODIA_OFFSET = datetime.timedelta(hours=7)
CAMBODIA = datetime.timezone(CAMBODIA_OFFSET, "ICT")

FEMALE, MALE, OTHER = "female", "male", "other"
SEXES = (FEMALE, MALE, OTHER)  # OTHER: the answer is missing or not one of the form's choices

DAY, WEEK, MONTH = "day", "week", "month"
GRANULARITIES = (DAY, WEEK, MONTH)

THIS_MONTH, LAST_3_MONTHS, THIS_YEAR, ALL_TIME, CUSTOM = "this_month", "last_3_months", "this_year", "all", "custom"
PRESETS = (THIS_MONTH, LAST_3_MONTHS, THIS_YEAR, ALL_TIME)

#: The dimensions (besides time) every registration is counted by; each is a form field.
DIMENSIONS = ("activity", "premises", "province", "district", "services")
NO_SERVICE = ""  # the services row of registrations that asked for none

_LATEST = (
    "r.withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM registrations c WHERE c.supersedes = r.id)"  # not replaced
)
#: The expressions read from each registration, in `Facts` column order.
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


# --------------------------------------------------------------------------- dates


def cambodia_today(now: datetime.datetime | None = None) -> datetime.date:
    """Today's date in Cambodia."""
    moment = now or datetime.datetime.now(datetime.UTC)
    return moment.astimezone(CAMBODIA).date()


@dataclass(frozen=True)
class DateRange:
    """Cambodian days from `start` to `end`, both included; None is open-ended."""

    start: datetime.date | None = None
    end: datetime.date | None = None

    def describe(self) -> str:
        """`2026-01-01 – 2026-03-31` (open ends as …), for file names and reports."""
        return f"{self.start.isoformat() if self.start else '…'} – {self.end.isoformat() if self.end else '…'}"


def preset_range(preset: str, today: datetime.date) -> DateRange:
    """The range a preset means on `today` (a Cambodian date)."""
    if preset == THIS_MONTH:
        return DateRange(today.replace(day=1), today)
    if preset == LAST_3_MONTHS:  # this month and the two before it
        month = today.month - 2
        year = today.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        return DateRange(datetime.date(year, month, 1), today)
    if preset == THIS_YEAR:
        return DateRange(today.replace(month=1, day=1), today)
    if preset == ALL_TIME:
        return DateRange()
    raise ValueError(f"unknown preset {preset!r}")


def default_granularity(date_range: DateRange, facts: Facts | None = None) -> str:
    """Days for up to about two months, weeks up to about half a year, then months."""
    start = date_range.start
    if start is None and facts is not None and facts.days:
        start = datetime.date.fromisoformat(facts.days[0])
    end = date_range.end or (datetime.date.fromisoformat(facts.days[-1]) if facts is not None and facts.days else None)
    if start is None or end is None:
        return MONTH
    span = (end - start).days
    return DAY if span <= 62 else WEEK if span <= 190 else MONTH


def period_start(day: str, granularity: str) -> str:
    """The first day (ISO) of the period holding `day`: itself, its week's Monday, its month's 1st."""
    if granularity == DAY:
        return day
    if granularity == MONTH:
        return day[:8] + "01"
    date = datetime.date.fromisoformat(day)
    return (date - datetime.timedelta(days=date.weekday())).isoformat()


def periods_between(start: str, end: str, granularity: str) -> list[str]:
    """Every period start from the period of `start` to that of `end` (no gaps in a chart)."""
    first = datetime.date.fromisoformat(period_start(start, granularity))
    last = datetime.date.fromisoformat(period_start(end, granularity))
    out = []
    current = first
    while current <= last:
        out.append(current.isoformat())
        if granularity == DAY:
            current += datetime.timedelta(days=1)
        elif granularity == WEEK:
            current += datetime.timedelta(days=7)
        else:
            current = datetime.date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return out


# --------------------------------------------------------------------------- facts


SEX_INDEX = {FEMALE: 0, MALE: 1, OTHER: 2}
#: Joins one group's answers in `group_concat` (a control character no code contains; a
#: group whose answers do hold it is counted one record at a time instead).
SEPARATOR = "\x1f"

_DAY, _SEX = FACT_COLUMNS[0], FACT_COLUMNS[1]
_ANSWERS = FACT_COLUMNS[2:7]  # DIMENSIONS' columns
_WOMEN, _MEN = FACT_COLUMNS[7:9]

#: One row per Cambodian day and owner's sex answer, in day order. Grouped by the index's
#: first two columns, SQLite streams the covering index without sorting; each group's
#: answers come back joined by SEPARATOR (Python splits and counts only the days asked
#: for); a missing answer counts as "". A group with an answer holding SEPARATOR, or
#: workers that are not whole numbers ≥ 0 (a real or text makes `sum` a real; `min`
#: shows a negative), is read again record by record (`_exact_group`).
_GROUPS_SQL = (
    f"SELECT {_DAY}, {_SEX}, count(*), sum({_WOMEN}), sum({_MEN}), min({_WOMEN}), min({_MEN}), "  # noqa: S608
    + ", ".join(f"group_concat(ifnull({expr}, ''), char(31))" for expr in _ANSWERS)
    + f" FROM registrations r WHERE {_LATEST} GROUP BY 1, 2 ORDER BY 1, 2"
)
#: The records of one group, for a group `_GROUPS_SQL` cannot count exactly.
_GROUP_RECORDS_SQL = (
    f"SELECT {', '.join(FACT_COLUMNS[2:])} FROM registrations r"  # noqa: S608
    f" WHERE {_LATEST} AND {_DAY} IS ? AND {_SEX} IS ?"
)


@dataclass(frozen=True)
class DayGroup:
    """The counted registrations of one Cambodian day whose owners' sex answer is the same."""

    day: str  # ISO date ("" when unknown)
    sex: int  # SEX_INDEX: 0 female, 1 male, 2 other/missing
    count: int
    workers_female: int  # summed
    workers_male: int
    #: Per dimension (DIMENSIONS order) the answers joined by SEPARATOR, one per record;
    #: or, when an answer holds SEPARATOR, the counts of each answer (`exact`).
    joined: tuple[str, ...] = ()
    exact: tuple[Counter[str], ...] = ()


@dataclass
class Facts:
    """What the indicators need from the counted registrations: counts per Cambodian day and
    owner's sex (`groups`, in day order), each with its records' answers still to count.

    A few hundred groups a year, whatever the number of registrations: a date range is a
    slice of them (`span`), and counting it splits and counts only their answers.
    """

    groups: list[DayGroup] = field(default_factory=list)
    _group_days: list[str] = field(default_factory=list)

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


def _counts(column: Sequence[object]) -> list[int]:
    out = []
    for value in column:  # a hand-edited or older record: text, negative, missing
        try:
            out.append(max(0, int(str(value))) if value is not None and not isinstance(value, bool) else 0)
        except ValueError:
            out.append(0)
    return out


def _answer(value: object) -> str:
    """A dimension's answer as counted: as text (as `group_concat` gives it), missing → ""."""
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
    with translate_errors():
        for day, sex, count, women, men, least_women, least_men, *joined in db.conn.execute(_GROUPS_SQL):
            group = DayGroup(
                day if isinstance(day, str) else "", SEX_INDEX.get(sex, 2), count, women or 0, men or 0, tuple(joined)
            )
            if (
                not _whole(women, least_women)
                or not _whole(men, least_men)
                or any(j is None or j.count(SEPARATOR) != count - 1 for j in joined)
            ):
                group = _exact_group(db, day, sex, group)
            groups.append(group)
    return Facts(groups)


def data_version(db: sqlite_utils.Database) -> tuple[int, int]:
    """Changes since the connection opened and by other connections: equal means unchanged."""
    row = db.conn.execute("PRAGMA data_version").fetchone()
    return int(db.conn.total_changes), int(row[0])


def service_codes(stored: str) -> tuple[str, ...]:
    """The services a stored answer names (a JSON list, or XLSForm's space-separated text)."""
    if not stored:
        return ()
    if stored.startswith("["):
        try:
            value = json.loads(stored)
        except ValueError:
            return ()
        return tuple(str(v) for v in value) if isinstance(value, list) else ()
    return tuple(stored.split())


# --------------------------------------------------------------------------- aggregates


@dataclass(frozen=True)
class SexCounts:
    """One row of a breakdown: a category and its counts by the owner's sex."""

    code: str
    female: int = 0
    male: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return self.female + self.male + self.other

    @property
    def female_share(self) -> float | None:
        """Women's share of the total (0–1), None when nothing was counted."""
        return self.female / self.total if self.total else None

    def value(self, sex: str) -> int:
        """The count for FEMALE, MALE or OTHER."""
        return {FEMALE: self.female, MALE: self.male, OTHER: self.other}[sex]


@dataclass(frozen=True)
class Indicators:
    """Every aggregate for one date range and period length."""

    date_range: DateRange
    granularity: str
    total: SexCounts  # registrations by the owner's sex
    over_time: tuple[SexCounts, ...]  # code: the period's first day (ISO)
    breakdowns: Mapping[str, tuple[SexCounts, ...]]  # DIMENSIONS → rows (code: the choice's name)
    workers: tuple[SexCounts, ...]  # code workers_female / workers_male; counts by the OWNER's sex

    @property
    def has_other(self) -> bool:
        """Some owner's sex is missing or unusual (a column then appears)."""
        return self.total.other > 0


def _rows(counts: Mapping[str, list[int]], order: Sequence[str] | None = None) -> tuple[SexCounts, ...]:
    rows = [SexCounts(code, *c) for code, c in counts.items()]
    if order is None:
        rows.sort(key=lambda r: (-r.total, r.code))
    else:
        rank = {code: i for i, code in enumerate(order)}
        rows.sort(key=lambda r: (rank.get(r.code, len(rank)), -r.total, r.code))
    return tuple(rows)


def _tally(groups: Sequence[DayGroup], dimension: int) -> dict[str, list[int]]:
    """category code → [female, male, other] over `groups` (one sex at a time, each sex's
    answers split and counted in one go: C speed, whatever the number of days)."""
    out: dict[str, list[int]] = {}
    for sex in range(3):
        joined = [g.joined[dimension] for g in groups if g.sex == sex and not g.exact]
        counts: Counter[str] = Counter(SEPARATOR.join(joined).split(SEPARATOR)) if joined else Counter()
        for g in groups:
            if g.sex == sex and g.exact:
                counts.update(g.exact[dimension])
        for code, n in counts.items():
            out.setdefault(code, [0, 0, 0])[sex] += n
    return out


def compute(
    facts: Facts, date_range: DateRange, granularity: str, *, orders: Mapping[str, Sequence[str]] | None = None
) -> Indicators:
    """The indicators over the registrations of `facts` inside `date_range`.

    `orders` gives a dimension's categories in the order to list them (the form's order
    for premises and services); without one a breakdown is listed largest first.
    """
    if granularity not in GRANULARITIES:
        raise ValueError(f"unknown granularity {granularity!r}")
    orders = orders or {}
    lo, hi = facts.span(date_range)
    groups = facts.groups[lo:hi]
    by_sex, women, men = [0, 0, 0], [0, 0, 0], [0, 0, 0]
    per_period: dict[str, list[int]] = {}
    for g in groups:
        by_sex[g.sex] += g.count
        women[g.sex] += g.workers_female
        men[g.sex] += g.workers_male
        per_period.setdefault(period_start(g.day, granularity), [0, 0, 0])[g.sex] += g.count
    total = SexCounts("", *by_sex)

    over_time: tuple[SexCounts, ...] = ()
    first = date_range.start.isoformat() if date_range.start else (groups[0].day if groups else None)
    last = date_range.end.isoformat() if date_range.end else (groups[-1].day if groups else None)
    if first and last and first <= last:
        over_time = tuple(
            SexCounts(p, *per_period.get(p, (0, 0, 0))) for p in periods_between(first, last, granularity)
        )

    breakdowns: dict[str, tuple[SexCounts, ...]] = {}
    for i, dimension in enumerate(DIMENSIONS[:4]):  # activity, premises, province, district
        breakdowns[dimension] = _rows(_tally(groups, i), orders.get(dimension))
    services: dict[str, list[int]] = {}
    for stored, counts in _tally(groups, DIMENSIONS.index("services")).items():
        for code in dict.fromkeys(service_codes(stored) or (NO_SERVICE,)):
            row = services.setdefault(code, [0, 0, 0])
            for i in range(3):
                row[i] += counts[i]
    breakdowns["services"] = _rows(services, [*orders.get("services", ()), NO_SERVICE])
    workers = (SexCounts("workers_female", *women), SexCounts("workers_male", *men))
    return Indicators(date_range, granularity, total, over_time, breakdowns, workers)


def form_orders(form: Form) -> dict[str, list[str]]:
    """The form's own order for the short lists (premises, services)."""
    return {name: [c.name for c in form.choice_lists[name].items] for name in ("premises", "services")}


# --------------------------------------------------------------------------- labels


class Labels:
    """Category labels in a language, from the form's choice lists (gazetteer names for places)."""

    def __init__(self, form: Form, lang: str, translate: Callable[[str], str] | None = None) -> None:
        self.form = form
        self.lang = lang
        self._fixed = translate or (lambda key: key)  # texts that are not choices (no service, unknown)

    def category(self, dimension: str, code: str) -> str:
        """The label of `code` in `dimension` ("activity", "province", …, "sex", "period")."""
        if dimension == "services" and code == NO_SERVICE:
            return self._fixed("no_service")
        if dimension == "sex" and code == OTHER:
            return self._fixed("other_sex")
        if dimension == "workers":
            return self._fixed(code)
        if not code:
            return self._fixed("not_answered")
        choice_list = self.form.choice_lists.get(dimension)
        if choice_list is None:
            return code
        found = choice_list.by_name(code)
        return found[0].label(self.lang) if found else code


# --------------------------------------------------------------------------- exports


def _write_atomically(path: Path, rows: Iterable[Sequence[object]]) -> int:
    """Write CSV rows (UTF-8 with a BOM, so spreadsheet programs read Khmer) beside `path`,
    then move it into place; returns the number of rows written. A failure leaves no file."""
    partial = path.with_name(f".{path.name}.partial")
    count = 0
    try:
        with translate_errors(), partial.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            for row in rows:
                writer.writerow(row)
                count += 1
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count


def aggregate_rows(indicators: Indicators, labels: Labels, headers: Mapping[str, str]) -> Iterator[list[object]]:
    """The CSV of the aggregates: one header, then a row per indicator and category.

    `headers` names the columns and sections in the UI language (keys: indicator, code,
    category, female, male, other, total, female_share and each section's key).
    """
    yield [headers[k] for k in ("indicator", "code", "category", "female", "male", "other", "total", "female_share")]

    def line(section: str, category: str, row: SexCounts) -> list[object]:
        share = "" if row.female_share is None else f"{row.female_share * 100:.1f}"
        return [headers[section], row.code, category, row.female, row.male, row.other, row.total, share]

    yield line("total", headers["all"], indicators.total)
    for row in indicators.over_time:
        yield line("over_time", row.code, row)
    for dimension in DIMENSIONS:
        for row in indicators.breakdowns[dimension]:
            yield line(dimension, labels.category(dimension, row.code), row)
    for row in indicators.workers:
        yield line("workers", labels.category("workers", row.code), row)


def export_aggregates_csv(
    session: Session, path: Path, indicators: Indicators, labels: Labels, headers: Mapping[str, str]
) -> int:
    """Write the aggregates CSV and audit it (`indicators_exported`); returns the data rows."""
    written = _write_atomically(path, aggregate_rows(indicators, labels, headers)) - 1
    _audit_export(session, "indicators_exported", indicators.date_range, {"format": "csv", "rows": str(written)})
    return written


def report_exported(session: Session, date_range: DateRange) -> None:
    """Audit the PDF report (written by the UI): aggregates only."""
    _audit_export(session, "indicators_exported", date_range, {"format": "pdf"})


def _audit_export(session: Session, action: str, date_range: DateRange, details: dict[str, str]) -> None:
    details = dict(details)
    if date_range.start:
        details["from"] = date_range.start.isoformat()
    if date_range.end:
        details["to"] = date_range.end.isoformat()
    with translate_errors():
        audit.append(session.db, actor=session.account.id, action=action, subject=None, details=details)


REGISTER_FIELDS = (
    "family_name_km",
    "given_name_km",
    "family_name_latin",
    "given_name_latin",
    "sex",
    "date_of_birth",
    "id_type",
    "id_number",
    "id_suffix",
    "phone",
    "role",
    "business_name",
    "activity",
    "premises",
    "start_year",
    "workers_female",
    "workers_male",
    "province",
    "district",
    "commune",
    "village",
    "address_detail",
    "services",
)
_LABELLED = {"sex", "id_type", "role", "activity", "premises", "province", "district", "commune", "village"}


def register_rows(
    db: sqlite_utils.Database,
    date_range: DateRange,
    form: Form,
    lang: str,
    headings: tuple[str, str] = ("reference", "submitted_at"),
) -> Iterator[list[object]]:
    """The register: a header of the form's field labels, then one row per counted registration
    in the range (reference, Cambodian submission time, the answers with choice labels)."""
    yield [
        *headings,
        *(form.fields[name].label(lang) if name in form.fields else name for name in REGISTER_FIELDS),
    ]
    where, params = [_LATEST], []
    if date_range.start:
        where.append("date(r.submitted_at, '+7 hours') >= ?")
        params.append(date_range.start.isoformat())
    if date_range.end:
        where.append("date(r.submitted_at, '+7 hours') <= ?")
        params.append(date_range.end.isoformat())
    sql = (
        "SELECT r.reference, r.submitted_at, r.answers FROM registrations r WHERE "  # noqa: S608
        + " AND ".join(where)
        + " ORDER BY r.rowid"  # submission order, without sorting every record's answers
    )
    cells = [(name, _converter(form, name, lang)) for name in REGISTER_FIELDS]
    with translate_errors():
        cursor = db.conn.execute(sql, params)
        while batch := cursor.fetchmany(500):
            for reference, submitted_at, text in batch:
                answers: dict[str, Any] = json.loads(text)
                yield [reference, _local_time(submitted_at), *[cell(answers.get(name)) for name, cell in cells]]


def _local_time(stamp: str) -> str:
    try:
        moment = datetime.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(CAMBODIA).isoformat(" ", "minutes")[:16]


def _plain(value: object) -> object:
    return "" if value is None else value


def _converter(form: Form, name: str, lang: str) -> Callable[[object], object]:
    """How field `name`'s stored answer reads in the register: choices by their label
    (looked up once per code), other answers as stored."""
    row = form.fields.get(name)
    if row is None or row.list_name is None or (name not in _LABELLED and name != "services"):
        return _plain
    items = form.choice_lists[row.list_name]
    memo: dict[str, str] = {}

    def label(code: str) -> str:
        found = memo.get(code)
        if found is None:
            found = memo[code] = _choice_label(items.by_name(code), code, lang)
        return found

    if name == "services":

        def services(value: object) -> object:
            if value is None:
                return ""
            codes = value if isinstance(value, list) else str(value).split()
            return "; ".join(label(str(c)) for c in codes)

        return services

    def choice(value: object) -> object:
        return "" if value is None else label(str(value))

    return choice


def _choice_label(found: Sequence[Choice], code: str, lang: str) -> str:
    return found[0].label(lang) if found else code


def export_register_csv(
    session: Session,
    path: Path,
    password: str,
    date_range: DateRange,
    form: Form,
    lang: str,
    headings: tuple[str, str] = ("reference", "submitted_at"),
) -> int:
    """The record-level register (names, ID numbers, phones) as CSV, after the account's
    password is proven again; audited `register_exported` with the row count only.

    Raises `WrongPassword` (nothing written, the failure counts like a failed sign-in)
    or `AccountLocked`.
    """
    if not session.verify_password(password):
        raise WrongPassword("the password given for the register export is wrong")
    written = _write_atomically(path, register_rows(session.db, date_range, form, lang, headings)) - 1
    _audit_export(session, "register_exported", date_range, {"format": "csv", "rows": str(written)})
    return written
