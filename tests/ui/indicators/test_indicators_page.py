"""The Indicators page on a store of generated registrations: tables, charts, range, exports."""

from __future__ import annotations

import csv
import datetime
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from branch_client.fonts import register_khmer_font
from branch_client.i18n import Translator
from branch_client.services import indicators as ind
from branch_client.store import Session, audit
from branch_client.ui.indicators import dialogs
from branch_client.ui.indicators.charts import SexBarChart, TimeChart, shorten
from branch_client.ui.indicators.model import VALUE_ROLE
from branch_client.ui.indicators.page import CHART_TOP, IndicatorsPage
from forms import load_form
from tests.conftest import MANAGER
from tests.sync.helpers import sample_answers, submit

TODAY = datetime.date(2026, 3, 20)


def _day(i: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=(i * 13) % 120)


@pytest.fixture
def records(manager_session: Session) -> list[tuple[datetime.date, dict[str, Any]]]:
    """60 registrations over the 120 days before TODAY (Cambodian days); record 0 withdrawn."""
    answers = sample_answers(60, seed=7)
    ids = submit(manager_session, answers)
    conn = manager_session.db.conn
    for i, record_id in enumerate(ids):
        stamp = datetime.datetime.combine(_day(i), datetime.time(3, 0), datetime.UTC).isoformat()
        conn.execute("UPDATE registrations SET submitted_at = ? WHERE id = ?", [stamp, record_id])
    conn.execute("UPDATE registrations SET withdrawn_at = '2026-03-01T00:00:00+00:00' WHERE id = ?", [ids[0]])
    return [(_day(i), answers[i]) for i in range(1, len(ids))]


@pytest.fixture
def page(qtbot: QtBot, manager_session: Session, records: list[Any]) -> IndicatorsPage:
    del records
    widget = IndicatorsPage(manager_session, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.activated()
    return widget


def _model_counts(page: IndicatorsPage, key: str) -> list[tuple[str, int, int]]:
    model = page.sections[key].model
    return [(model.label(r), model.counts(r).female, model.counts(r).male) for r in range(model.rowCount())]


def test_models_pass_qtmodeltester(page: IndicatorsPage, request: pytest.FixtureRequest) -> None:
    # One tester per model: a tester listens to every model it was given, checking it
    # against the last one only.
    testers = {key: ModelTester(request.config) for key in page.sections}
    for key, section in page.sections.items():
        assert section.model.rowCount() > 0
        testers[key].check(section.model, force_py=True)
    page.set_preset(ind.THIS_MONTH)
    page.retranslate()
    for key, section in page.sections.items():
        testers[key].check(section.model, force_py=True)


def test_tables_count_this_year_by_sex(page: IndicatorsPage, records: list[Any]) -> None:
    this_year = [a for day, a in records if day.year == TODAY.year]
    assert page.preset_combo.currentData() == ind.THIS_YEAR
    premises = Counter((a["premises"], a["sex"]) for a in this_year)
    form = load_form()
    expected = sorted(
        (
            form.choice_lists["premises"].by_name(code)[0].label("en"),
            premises[(code, "female")],
            premises[(code, "male")],
        )
        for code in {c for c, _ in premises}
    )
    assert sorted(_model_counts(page, "premises")) == expected
    women = sum(1 for a in this_year if a["sex"] == "female")
    assert page.indicators is not None
    assert page.indicators.total.total == len(this_year)
    share = f"{women / len(this_year) * 100:.1f} %"
    assert page.share_label.text() == share
    model = page.sections["premises"].model
    assert model.data(model.index(0, 0)) == model.label(0)
    assert model.data(model.index(0, 3), VALUE_ROLE) == model.counts(0).total


def test_charts_show_the_tables_numbers(page: IndicatorsPage) -> None:
    for key, section in page.sections.items():
        model = section.model
        rows = [model.counts(r) for r in range(model.rowCount())]
        if key == "over_time":
            assert isinstance(section.chart, TimeChart)
            shown = rows
        else:
            assert isinstance(section.chart, SexBarChart)
            shown = rows[:CHART_TOP]
            assert section.chart.categories[::-1] == [shorten(model.label(r)) for r in range(len(shown))]
        for sex in (ind.FEMALE, ind.MALE):
            assert section.chart.values(sex) == [r.value(sex) for r in shown], key
    activity = page.sections["activity"]
    assert activity.model.rowCount() > CHART_TOP  # so the note about the chart showing only the largest applies
    assert activity.note.text()


def test_ranges_presets_custom_and_granularity(page: IndicatorsPage, records: list[Any]) -> None:
    page.set_preset(ind.THIS_MONTH)
    assert page.indicators is not None
    assert page.indicators.total.total == sum(1 for day, _ in records if day >= TODAY.replace(day=1))
    assert page.indicators.granularity == ind.DAY
    assert page.from_edit.date().toPython() == TODAY.replace(day=1)

    page.set_preset(ind.ALL_TIME)
    assert page.indicators.total.total == len(records)
    assert page.from_edit.date().toPython() == min(day for day, _ in records)

    start, end = datetime.date(2026, 1, 10), datetime.date(2026, 2, 20)
    page.set_custom_range(start, end)
    assert page.preset_combo.currentData() == ind.CUSTOM
    inside = [a for day, a in records if start <= day <= end]
    assert page.indicators.total.total == len(inside)
    page.set_granularity(ind.WEEK)
    weeks = Counter(
        (day - datetime.timedelta(days=day.weekday())).isoformat() for day, _ in records if start <= day <= end
    )
    got = {r.code: r.total for r in page.indicators.over_time if r.total}
    assert got == dict(weeks)
    over_time = page.sections["over_time"].model
    assert over_time.rowCount() == len(page.indicators.over_time)

    before = page.indicators
    page.set_custom_range(end, start)  # from after to: said, nothing changes
    assert page.message.text() == "The start date is after the end date."
    assert page.indicators is before


def test_new_registrations_appear_when_the_page_is_shown_again(
    page: IndicatorsPage, manager_session: Session, records: list[Any]
) -> None:
    page.set_preset(ind.ALL_TIME)
    assert page.indicators is not None
    before = page.indicators.total.total
    submit(manager_session, sample_answers(2, seed=99), prefix="N")
    page.activated()
    assert page.indicators.total.total == before + 2


def test_csv_export_matches_the_tables_and_is_audited(
    page: IndicatorsPage, manager_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "figures.csv"
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *args: path)
    page.csv_button.click()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["Indicator", "Code", "Category"]
    for key in ("activity", "province", "services", "workers"):
        model = page.sections[key].model
        title = page.sections[key].title()
        exported = [(r[2], int(r[3]), int(r[4])) for r in rows if r[0] == title]
        assert exported == _model_counts(page, key)
        assert model.rowCount() == len(exported)
    entry = audit.entries(manager_session.db, action="indicators_exported")[0]
    assert json.loads(entry.details)["format"] == "csv"
    assert str(path) in page.info.text()


def test_pdf_report_renders_with_khmer(
    qapp: QApplication,
    qtbot: QtBot,
    page: IndicatorsPage,
    manager_session: Session,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register_khmer_font(qapp)
    translator = Translator(qapp)
    path = tmp_path / "report.pdf"
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *args: path)
    try:
        translator.set_language("km")
        qtbot.wait_until(
            lambda: (
                page.sections["premises"].model.label(0) != "Fixed stall or shop"
                and "\u1780" <= page.sections["premises"].model.label(0)[0] <= "\u17ff"
            )
        )
        page.pdf_button.click()
    finally:
        translator.set_language("en")
        QApplication.processEvents()
        translator.deleteLater()
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        assert len(pdf) == 1
        text = pdf[0].get_textpage().get_text_range()
        bitmap = pdf[0].render(scale=0.5, grayscale=True)
        pixels = bytes(bitmap.buffer)
    finally:
        pdf.close()
    assert sum(1 for ch in text if "\u1780" <= ch <= "\u17ff") > 100  # Khmer labels, as text
    assert "លក់" in text  # the retail activities' labels start with this word
    assert page.session.branch.code in text
    assert len(set(pixels)) > 2  # drawn: more than the blank page's white
    entry = audit.entries(manager_session.db, action="indicators_exported")[0]
    assert json.loads(entry.details)["format"] == "pdf"


def test_register_export_refuses_a_wrong_password(
    page: IndicatorsPage, manager_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, records: list[Any]
) -> None:
    path = tmp_path / "register.csv"
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *args: path)
    monkeypatch.setattr(dialogs, "ask_password", lambda parent, text: "wrong-password")
    page.register_button.click()
    assert page.message.text() == "The password is not correct. Nothing was exported."
    assert not path.exists()
    assert audit.entries(manager_session.db, action="register_exported") == []

    monkeypatch.setattr(dialogs, "ask_password", lambda parent, text: MANAGER[1])
    page.register_button.click()
    assert page.message.text() == ""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    this_year = [a for day, a in records if day.year == TODAY.year]
    assert len(rows) - 1 == len(this_year)  # the page's range
    phones = {r[rows[0].index("Phone number")] for r in rows[1:]}
    assert phones == {a["phone"] for a in this_year}
    entry = audit.entries(manager_session.db, action="register_exported")[0]
    assert json.loads(entry.details)["rows"] == str(len(this_year))


def test_cancelled_exports_write_nothing(
    page: IndicatorsPage, manager_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *args: None)
    monkeypatch.setattr(dialogs, "ask_password", lambda parent, text: None)
    for button in (page.csv_button, page.pdf_button, page.register_button):
        button.click()
    assert audit.entries(manager_session.db, action="indicators_exported") == []
    assert audit.entries(manager_session.db, action="register_exported") == []
