"""The branch's M&E indicators: registrations counted by the owner's sex, over time and by
activity, premises, province, district and services requested; workers by sex. No Qt here.

What is counted, and how the store is read quickly: `branch_client.store.indicator_facts`
(`read_facts`); `compute` turns a date range of those facts into the figures.

Exports: the aggregates as CSV (`write_aggregates_csv`, audited `indicators_exported`),
and the record-level register with names, ID numbers and phones (`export_register_csv`),
only after the manager types their password again, audited `register_exported`. Audit
details carry counts and dates, never PII.
"""

from __future__ import annotations

import csv
import datetime
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from branch_client.store import indicator_facts
from branch_client.store.database import translate_errors
from branch_client.store.errors import WrongPassword
from forms.display import show_answer

if TYPE_CHECKING:
    from branch_client.store.session import Session
    from forms import Form

# The store is read, and a range counted, in `indicator_facts`; its names serve from here too.
FEMALE, MALE, OTHER, SEXES = indicator_facts.FEMALE, indicator_facts.MALE, indicator_facts.OTHER, indicator_facts.SEXES
DIMENSIONS = indicator_facts.DIMENSIONS
FACT_COLUMNS = indicator_facts.FACT_COLUMNS
INDICATOR_INDEX_SQL = indicator_facts.INDICATOR_INDEX_SQL
SEPARATOR = indicator_facts.SEPARATOR
LATEST_SQL = indicator_facts.LATEST_SQL
Facts = indicator_facts.Facts
read_facts = indicator_facts.read_facts
data_version = indicator_facts.data_version
DateRange = indicator_facts.DateRange

#: Cambodia's offset from UTC (no daylight saving).
CAMBODIA_OFFSET = datetime.timedelta(hours=7)
CAMBODIA = datetime.timezone(CAMBODIA_OFFSET, "ICT")

DAY, WEEK, MONTH = "day", "week", "month"
GRANULARITIES = (DAY, WEEK, MONTH)

THIS_MONTH, LAST_3_MONTHS, THIS_YEAR, ALL_TIME, CUSTOM = "this_month", "last_3_months", "this_year", "all", "custom"
PRESETS = (THIS_MONTH, LAST_3_MONTHS, THIS_YEAR, ALL_TIME)

NO_SERVICE = ""  # the services row of registrations that asked for none


# --------------------------------------------------------------------------- dates


def cambodia_today(now: datetime.datetime | None = None) -> datetime.date:
    """Today's date in Cambodia."""
    moment = now or datetime.datetime.now(datetime.UTC)
    return moment.astimezone(CAMBODIA).date()


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


# --------------------------------------------------------------------------- aggregates


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

    tallies = facts.tally(lo, hi)
    breakdowns: dict[str, tuple[SexCounts, ...]] = {}
    for dimension in ("activity", "premises", "province", "district"):
        breakdowns[dimension] = _rows(tallies[dimension], orders.get(dimension))
    services: dict[str, list[int]] = {}
    for stored, counts in tallies["services"].items():
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
    session.record_event(action, details)


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


def register_rows(
    session: Session,
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
    cells = [(name, _converter(form, name, lang)) for name in REGISTER_FIELDS]
    for reference, submitted_at, text in session.registered_answers(date_range):
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
    """How field `name`'s stored answer reads in the register: as `show_answer` writes it for
    a CSV (choices by their label, the rest as stored). A choice's text is worked out once per
    code, so 120,000 rows cost a dictionary lookup per cell."""
    row = form.fields.get(name)
    if row is None or row.list_name is None:
        return _plain
    memo: dict[str, str] = {}

    def label(value: object) -> object:
        key = value if isinstance(value, str) else repr(value)
        found = memo.get(key)
        if found is None:
            found = memo[key] = show_answer(form, row, value, lang, for_csv=True)
        return found

    return label


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
    written = _write_atomically(path, register_rows(session, date_range, form, lang, headings)) - 1
    _audit_export(session, "register_exported", date_range, {"format": "csv", "rows": str(written)})
    return written
