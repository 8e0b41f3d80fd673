"""The indicators' counts, checked against counts made here in Python from the generated answers."""

from __future__ import annotations

import csv
import datetime
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from branch_client.services import indicators as ind
from branch_client.store import Session, audit
from branch_client.store.errors import AccountLocked, WrongPassword
from forms import load_form
from tests.conftest import MANAGER
from tests.sync.helpers import sample_answers, submit, submit_new

FIRST_DAY = datetime.date(2025, 12, 1)


@dataclass
class Store:
    """A store of generated registrations and what the test knows about each counted one."""

    session: Session
    counted: list[tuple[datetime.date, dict[str, Any]]]  # Cambodian day, answers
    superseded_id: str
    withdrawn_id: str


def _stamp(day: datetime.date, i: int) -> str:
    """A UTC submission time on Cambodian `day`: some late in the UTC evening (next day
    in UTC+7 minus 7 hours), so the Cambodian date differs from the UTC one."""
    if i % 3 == 0:  # 20:30 UTC the day before = 03:30 in Phnom Penh on `day`
        moment = datetime.datetime.combine(day - datetime.timedelta(days=1), datetime.time(20, 30), datetime.UTC)
    else:
        moment = datetime.datetime.combine(day, datetime.time(2 + i % 9, 15), datetime.UTC)
    return moment.isoformat()


@pytest.fixture
def store(manager_session: Session) -> Store:
    answers = sample_answers(100, seed=11)
    answers[5]["sex"] = "other"  # hand-edited: not one of the form's choices
    answers[6]["services"] = "nssf finance"  # XLSForm's space-separated form
    ids = submit(manager_session, answers)
    days = [FIRST_DAY + datetime.timedelta(days=(i * 37) % 200) for i in range(len(ids))]
    conn = manager_session.db.conn
    for i, (record_id, day) in enumerate(zip(ids, days, strict=True)):
        conn.execute("UPDATE registrations SET submitted_at = ? WHERE id = ?", [_stamp(day, i), record_id])
    # Record 0 is corrected (the correction changes the owner's sex and activity); record 1 withdrawn.
    correction = dict(answers[0], sex="male" if answers[0]["sex"] == "female" else "female", activity="isic_9602")
    correction_day = datetime.date(2026, 1, 5)
    submit_new(
        manager_session,
        [correction],
        supersedes=ids[0],
        captured_at="2026-01-05T09:00:00+07:00",
        submitted_at=_stamp(correction_day, 1),
    )
    conn.execute("UPDATE registrations SET withdrawn_at = '2026-02-01T00:00:00+00:00' WHERE id = ?", [ids[1]])
    counted = [(days[i], answers[i]) for i in range(2, len(ids))] + [(correction_day, correction)]
    return Store(manager_session, counted, ids[0], ids[1])


def _sex(answers: dict[str, Any]) -> str:
    return answers["sex"] if answers["sex"] in ("female", "male") else "other"


def _services(answers: dict[str, Any]) -> list[str]:
    value = answers.get("services") or []
    return (value.split() if isinstance(value, str) else list(value)) or [""]


def _expected(store: Store, date_range: ind.DateRange) -> list[tuple[datetime.date, dict[str, Any]]]:
    return [
        (day, a)
        for day, a in store.counted
        if (date_range.start is None or day >= date_range.start) and (date_range.end is None or day <= date_range.end)
    ]


def _as_dict(rows: tuple[ind.SexCounts, ...]) -> dict[str, tuple[int, int, int]]:
    return {r.code: (r.female, r.male, r.other) for r in rows}


def _tally(pairs: list[tuple[str, str]]) -> dict[str, tuple[int, int, int]]:
    counts = Counter(pairs)
    codes = {code for code, _ in pairs}
    return {c: (counts[(c, "female")], counts[(c, "male")], counts[(c, "other")]) for c in codes}


RANGES = [
    ind.DateRange(),
    ind.DateRange(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)),
    ind.DateRange(datetime.date(2026, 4, 28), datetime.date(2026, 4, 28)),  # one day: record 4's
    ind.DateRange(None, datetime.date(2026, 1, 31)),
]


@pytest.mark.parametrize("date_range", RANGES)
def test_every_breakdown_matches_counts_from_the_answers(store: Store, date_range: ind.DateRange) -> None:
    facts = ind.read_facts(store.session.db)
    result = ind.compute(facts, date_range, ind.MONTH)
    expected = _expected(store, date_range)
    assert expected  # each range holds records, so the comparison means something
    sexes = Counter(_sex(a) for _, a in expected)
    assert (result.total.female, result.total.male, result.total.other) == (
        sexes["female"],
        sexes["male"],
        sexes["other"],
    )
    for dimension in ("activity", "premises", "province", "district"):
        assert _as_dict(result.breakdowns[dimension]) == _tally([(a[dimension], _sex(a)) for _, a in expected])
    services = [(s, _sex(a)) for _, a in expected for s in _services(a)]
    assert _as_dict(result.breakdowns["services"]) == _tally(services)
    women: Counter[str] = Counter()
    men: Counter[str] = Counter()
    for _, a in expected:
        women[_sex(a)] += a["workers_female"]
        men[_sex(a)] += a["workers_male"]
    assert _as_dict(result.workers) == {
        "workers_female": (women["female"], women["male"], women["other"]),
        "workers_male": (men["female"], men["male"], men["other"]),
    }


@pytest.mark.parametrize("granularity", ind.GRANULARITIES)
def test_registrations_over_time_per_cambodian_day_week_and_month(store: Store, granularity: str) -> None:
    date_range = ind.DateRange(datetime.date(2026, 1, 1), datetime.date(2026, 2, 28))
    result = ind.compute(ind.read_facts(store.session.db), date_range, granularity)

    def start(day: datetime.date) -> str:
        if granularity == ind.DAY:
            return day.isoformat()
        if granularity == ind.WEEK:
            return (day - datetime.timedelta(days=day.weekday())).isoformat()
        return day.replace(day=1).isoformat()

    expected = _tally([(start(day), _sex(a)) for day, a in _expected(store, date_range)])
    got = _as_dict(result.over_time)
    assert {k: v for k, v in got.items() if v != (0, 0, 0)} == expected
    periods = [r.code for r in result.over_time]
    assert periods == sorted(periods)
    assert periods[0] == start(datetime.date(2026, 1, 1))  # every period shown, empty ones too
    assert periods[-1] == start(datetime.date(2026, 2, 28))
    assert len(periods) == len(set(periods))


def test_superseded_and_withdrawn_records_are_not_counted(store: Store) -> None:
    facts = ind.read_facts(store.session.db)
    rows = store.session.db.execute("SELECT count(*) FROM registrations").fetchone()[0]
    assert rows == len(store.counted) + 2  # the original of the correction and the withdrawn one
    assert len(facts) == len(store.counted)
    result = ind.compute(facts, ind.DateRange(), ind.MONTH)
    assert result.total.total == len(store.counted)
    # The correction's activity counts, under its own (changed) sex.
    correction = store.counted[-1][1]
    hairdressers = _as_dict(result.breakdowns["activity"])["isic_9602"]
    expected = sum(1 for _, a in store.counted if a["activity"] == "isic_9602" and _sex(a) == correction["sex"])
    assert hairdressers[0 if correction["sex"] == "female" else 1] == expected


def test_cambodian_day_not_utc(store: Store) -> None:
    facts = ind.read_facts(store.session.db)
    # Record 3's stamp is 20:30 UTC the day before its Cambodian day.
    day, _ = store.counted[1]  # counted[1] is generated record 3
    assert _stamp(day, 3).startswith((day - datetime.timedelta(days=1)).isoformat())
    assert day.isoformat() in facts.days


def test_presets_and_periods() -> None:
    today = datetime.date(2026, 2, 14)
    assert ind.preset_range(ind.THIS_MONTH, today) == ind.DateRange(datetime.date(2026, 2, 1), today)
    assert ind.preset_range(ind.LAST_3_MONTHS, today) == ind.DateRange(datetime.date(2025, 12, 1), today)
    assert ind.preset_range(ind.THIS_YEAR, today) == ind.DateRange(datetime.date(2026, 1, 1), today)
    assert ind.preset_range(ind.ALL_TIME, today) == ind.DateRange()
    assert ind.period_start("2026-02-14", ind.WEEK) == "2026-02-09"  # a Monday
    assert ind.period_start("2026-02-14", ind.MONTH) == "2026-02-01"
    assert ind.periods_between("2025-11-20", "2026-02-03", ind.MONTH) == [
        "2025-11-01",
        "2025-12-01",
        "2026-01-01",
        "2026-02-01",
    ]
    assert ind.cambodia_today(datetime.datetime(2026, 2, 14, 18, 0, tzinfo=datetime.UTC)) == datetime.date(2026, 2, 15)


def test_an_empty_store_has_no_figures(manager_session: Session) -> None:
    result = ind.compute(ind.read_facts(manager_session.db), ind.DateRange(), ind.MONTH)
    assert result.total.total == 0
    assert result.total.female_share is None
    assert result.over_time == ()
    assert all(rows == () for key, rows in result.breakdowns.items() if key != "services")


HEADERS = {
    k: k
    for k in (
        "indicator",
        "code",
        "category",
        "female",
        "male",
        "other",
        "total",
        "female_share",
        "all",
        "over_time",
        "workers",
        *ind.DIMENSIONS,
    )
}


def test_aggregates_csv_holds_every_count_and_is_audited(store: Store, tmp_path: Path) -> None:
    result = ind.compute(ind.read_facts(store.session.db), ind.DateRange(), ind.MONTH)
    labels = ind.Labels(load_form(), "km")
    path = tmp_path / "figures.csv"
    written = ind.export_aggregates_csv(store.session, path, result, labels, HEADERS)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["indicator", "code", "category", "female", "male", "other", "total", "female_share"]
    assert len(rows) - 1 == written
    activity = {r[1]: r for r in rows if r[0] == "activity"}
    for row in result.breakdowns["activity"]:
        line = activity[row.code]
        assert [int(x) for x in line[3:7]] == [row.female, row.male, row.other, row.total]
        assert line[2] == load_form().choice_lists["activity"].by_name(row.code)[0].label("km")  # Khmer label
    total = next(r for r in rows if r[0] == "total")
    assert int(total[6]) == len(store.counted)
    entry = audit.entries(store.session.db, action="indicators_exported")[0]
    assert json.loads(entry.details) == {"format": "csv", "rows": str(written)}
    assert audit.verify_chain(store.session.db).intact


def test_register_export_needs_the_password(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    path = out / "register.csv"
    form = load_form()
    with pytest.raises(WrongPassword):
        ind.export_register_csv(store.session, path, "not-the-password", ind.DateRange(), form, "en")
    assert not path.exists()
    assert list(out.iterdir()) == []  # no partial file either
    assert audit.entries(store.session.db, action="register_exported") == []

    written = ind.export_register_csv(store.session, path, MANAGER[1], ind.DateRange(), form, "en")
    assert written == len(store.counted)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == written + 1
    header = rows[0]
    ids = {r[header.index(form.fields["id_number"].label("en"))] for r in rows[1:]}
    assert ids == {a["id_number"] for _, a in store.counted}
    entry = audit.entries(store.session.db, action="register_exported")[0]
    details = json.loads(entry.details)
    assert details == {"format": "csv", "rows": str(written)}  # a count, no personal data
    assert entry.actor == store.session.account.id


def test_wrong_passwords_count_like_failed_sign_ins(manager_session: Session) -> None:
    for _ in range(4):
        assert manager_session.verify_password("wrong-password") is False
    assert manager_session.verify_password(MANAGER[1]) is True  # the count starts again
    for _ in range(4):
        assert manager_session.verify_password("wrong-password") is False
    with pytest.raises(AccountLocked):
        manager_session.verify_password("wrong-password")
    with pytest.raises(AccountLocked):  # locked: even the right one waits
        manager_session.verify_password(MANAGER[1])


def test_the_store_has_the_index_the_indicators_read_from(manager_session: Session) -> None:
    from branch_client.services.indicators import INDICATOR_INDEX_SQL

    sql = manager_session.db.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'registrations_indicators'"
    ).fetchone()[0]
    assert " ".join(sql.split()).replace("( ", "(").replace(" )", ")") == INDICATOR_INDEX_SQL
    plan = " ".join(
        str(r[-1])
        for r in manager_session.db.execute(
            "EXPLAIN QUERY PLAN SELECT " + ", ".join(ind.FACT_COLUMNS) + " FROM registrations r"
            " WHERE r.withdrawn_at IS NULL ORDER BY 1"
        )
    )
    assert "USING INDEX registrations_indicators" in plan


def test_odd_answers_are_counted_record_by_record(manager_session: Session) -> None:
    """Answers the grouped read cannot sum or split (text or negative workers, an answer
    holding the separator, a missing or numeric answer) count as each record says."""
    answers = sample_answers(12, seed=5)
    for a in answers:
        a["sex"] = "female"
    ids = submit(manager_session, answers)
    conn = manager_session.db.conn
    conn.execute("UPDATE registrations SET submitted_at = '2026-03-02T03:00:00+00:00'")
    odd: list[tuple[int, str, object]] = [
        (0, "activity", "isic" + ind.SEPARATOR + "9602"),  # holds the separator
        (1, "workers_female", "3"),  # text
        (2, "workers_male", -2),  # negative
        (3, "workers_female", 2.5),  # not whole
        (4, "province", 12),  # a number where a code belongs
    ]
    for i, name, value in odd:
        conn.execute(
            "UPDATE registrations SET answers = json_set(answers, ?, ?) WHERE id = ?", [f"$.{name}", value, ids[i]]
        )
        answers[i][name] = value
    conn.execute("UPDATE registrations SET answers = json_remove(answers, '$.district') WHERE id = ?", [ids[5]])
    del answers[5]["district"]

    facts = ind.read_facts(manager_session.db)
    result = ind.compute(facts, ind.DateRange(), ind.MONTH)
    assert len(facts) == result.total.female == len(answers)
    for dimension in ("activity", "province", "district"):
        expected = Counter(str(a.get(dimension, "")) for a in answers)
        assert {r.code: r.female for r in result.breakdowns[dimension]} == expected

    def whole(value: object) -> int:
        return value if isinstance(value, int) and value > 0 else int(value) if str(value).isdigit() else 0

    workers = {r.code: r.female for r in result.workers}
    assert workers["workers_female"] == sum(whole(a["workers_female"]) for a in answers)
    assert workers["workers_male"] == sum(whole(a["workers_male"]) for a in answers)
    assert workers["workers_female"] > 0
