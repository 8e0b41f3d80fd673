"""The planned pass keeps the rules where the golden records do not reach: relevance that reads a calculate."""

from __future__ import annotations

import datetime

from forms import form_from_dict

TODAY = datetime.date(2026, 3, 15)

READS_A_CALCULATE = {
    "settings": {"form_id": "calc", "version": "1", "default_language": "en"},
    "survey": [
        {"type": "integer", "name": "adults"},
        {"type": "integer", "name": "children"},
        {"type": "calculate", "name": "household", "calculation": "${adults} + ${children}"},
        {"type": "text", "name": "big_family_note", "relevant": "${household} > 5", "required": True},
    ],
}


def test_relevance_can_read_a_calculate() -> None:
    form = form_from_dict(READS_A_CALCULATE, source="calc.toml")
    assert form.plan.relevance_reads_calculates
    assert form.is_relevant("big_family_note", {"adults": 2, "children": 4})
    assert not form.is_relevant("big_family_note", {"adults": 2, "children": 1})
    assert form.validate({"adults": 2, "children": 4}, today=TODAY) == {"big_family_note": "This answer is required."}
    assert form.normalise({"adults": 2, "children": 4, "big_family_note": "x"})["household"] == 6
