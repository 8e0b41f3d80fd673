"""Golden outcomes of the forms engine, recorded before its validation was optimised.

`cases()` builds a deterministic set of answers: generated registrations as they are, and
mutated copies whose fields take awkward values (Khmer digits, spaces, wrong types, broken
phones, foreign numbers, bad choices, unknown fields, wrong stamps…), plus answers for the
small test form of test_validation.py. `outcome()` runs every public entry point on one
case and `digest()` reduces it to a short hash. `validation_golden.json` holds those hashes
(one per case, in order) as computed by the engine before any fast path existed; test_validation_golden.py asserts
the engine still gives the very same outcomes.

To regenerate (only when behaviour is meant to change): `uv run python -m tests.forms.golden_cases`.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path

from forms import Form, form_from_dict, load_form
from forms.samples import generate_registrations

TODAY = datetime.date(2026, 3, 15)
GOLDEN = Path(__file__).parent / "data" / "validation_golden.json"
BASE_RECORDS = 2000
#: The form the outcomes were recorded with (2026.1, before validation was optimised); later
#: versions are checked by the other tests, with the same engine.
GOLDEN_VERSION = "2026.1"

_TEXT = [
    "",
    "   ",
    None,
    5,
    1.5,
    True,
    ["a"],
    "  Sok   Dara ",
    "Sok\u200bDara",
    "sok-dara",
    "O'Neil",
    "e\u0301cole",
    "x" * 61,
    "x" * 1001,
    "x" * 20_001,
    "Da\udc80ra",
    "a\x00b",
    "សុខ\u200b ដារា",
    "ស\u17d2",
    "Sok1",
    "១២៣",
    "\ufeffSok",
]
_PHONES = [
    "012 345 678",
    "០១២ ៣៤៥ ៦៧៨",
    "+855 12 345 678",
    "85512345678",
    "855 12 345 678",
    "+85512345678",
    "+8551234567",
    "+85523123456",
    "023 123 456",
    "+1 202 555 0123",
    "+44 20 7946 0958",
    "+66 81 234 5678",
    "12345",
    "abc",
    "",
    "+",
    "++85512345678",
    "+855012345678",
    "(012) 345-678",
    "012.345.678",
    "0" * 41,
    "+855" + "1" * 20,
    "+855971234567",
    "+8551012345",
    "+855 ១២ ៣៤៥ ៦៧៨",
    "０１２３４５６７８",
    12345678,
    None,
    "+855 12 345 678 ext 9",
    "+85512345678\u200b",
    "+855-12-345-678",
    "855",
    "+855",
    "+85500000000",
    "+855123456789",
    "+8551234567890",
    "+85523 123 4567",
    "0023 123 456",
    "+85597 1234567",
    "+855 31 1234567",
    "+85531234567",
    "+85512 3456 78",
]
_IDS = [
    "010203040(01)",
    "010203040(1)",
    "010203040(001)",
    "010 203 040",
    "០១០២០៣០៤០",
    "N1234567",
    "n 1234567",
    "AB12345678",
    "12345678",
    "1234567890",
    "",
    None,
    123456789,
    "010203040 (02)",
]
_DATES = [
    "1990-05-31",
    "១៩៩០-០៥-៣១",
    "1990-5-31",
    "2023-02-30",
    datetime.date(1990, 5, 31),
    datetime.datetime(1990, 5, 31, 1, 2),
    "2020-01-01",
    "2011-03-15",
    "2011-03-16",
    "1899-12-31",
    "1900-01-01",
    19900531,
    "",
    " 1990-05-31 ",
    "x" * 41,
]
_INTEGERS = [
    "1,500",
    "១,៥០០",
    "1 500",
    1.0,
    1.5,
    True,
    "abc",
    10**16,
    -5,
    "+5",
    "5.0",
    float("nan"),
    float("inf"),
    "",
    501,
    500,
    0,
    "0",
    1949,
    1950,
    2026,
    2027,
    100_000,
    100_001,
    400_000_000,
    400_000_001,
    "1,00",
    "9" * 41,
]
_SELECTS = [
    "female ",
    " male",
    "FEMALE",
    "០",
    ["female"],
    1,
    "unknown",
    "",
    "national_id",
    "passport",
    "none",
    "USD",
    "KHR",
    "usd",
    "yes",
    "no",
    "១២",
    "12",
    "1201",
    "120101",
    "12010101",
    "01",
    "0102",
    "010201",
    "01020101",
    "a\x00",
]
_MULTIPLE = [
    "nssf skills",
    ["nssf", "nssf"],
    ["bad"],
    "",
    [],
    [""],
    [1],
    ("nssf",),
    "nssf\x00",
    ["finance", "formalisation", "skills", "nssf"],
    "finance",
    5,
    "x" * 20_001,
]
_IDENTIFIERS = ["K001-123456789", "k001 123456789", "K001123456789", "AB", "ab/12.3-4", "A" * 31, "", " ", "១២៣"]
_POOLS: dict[str, list[object]] = {
    "family_name_km": _TEXT,
    "given_name_km": _TEXT,
    "family_name_latin": _TEXT,
    "given_name_latin": _TEXT,
    "business_name": _TEXT,
    "address_detail": [*_TEXT, "x" * 201],
    "sex": _SELECTS,
    "date_of_birth": _DATES,
    "id_type": _SELECTS,
    "id_number": _IDS,
    "id_suffix": ["01", "1", "001", "(01)", "", "០២", 1, None, "a"],
    "phone": _PHONES,
    "role": [*_SELECTS, "owner", "employee"],
    "activity": [*_SELECTS, "isic_4781"],
    "premises": [*_SELECTS, "mobile"],
    "start_year": _INTEGERS,
    "workers_female": _INTEGERS,
    "workers_male": _INTEGERS,
    "workers_total": [*_INTEGERS, 999],
    "revenue_currency": _SELECTS,
    "revenue_monthly": _INTEGERS,
    "province": _SELECTS,
    "district": _SELECTS,
    "commune": _SELECTS,
    "village": _SELECTS,
    "moc_number": _IDENTIFIERS,
    "misti_number": _IDENTIFIERS,
    "tax_id": _IDENTIFIERS,
    "nssf_number": _IDENTIFIERS,
    "services": _MULTIPLE,
    "consent": [*_SELECTS, None],
    "consent_text": ["hello", None],
    "_form_id": ["cam_ie_registration", "other", 1, None],
    "_form_version": ["2026.1", "2026.2", 2026.1, None],
    "unknown_field": ["x", None],
    "owner": ["group answer"],
}
_WHOLE = [None, [], "answers", 5, {}, {"phone": "012 345 678"}, {1: "x"}, {("a",): "x"}]


def _mutate(rng: random.Random, record: dict[object, object], fields: list[str]) -> dict[object, object]:
    mutated = dict(record)
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(fields)
        if rng.random() < 0.15:
            mutated.pop(name, None)
        else:
            mutated[name] = rng.choice(_POOLS[name])
    return mutated


def _registration_cases() -> Iterator[tuple[str, object]]:
    rng = random.Random(20260315)
    fields = sorted(_POOLS)
    for index, record in enumerate(generate_registrations(BASE_RECORDS, seed=7, today=TODAY, version=GOLDEN_VERSION)):
        yield f"registration {index}", record
        for round_ in range(2):
            yield f"registration {index} mutation {round_}", _mutate(rng, dict(record), fields)
        if index % 4 == 0:  # the other cascades: another ID type, a local phone, Khmer digits
            other = dict(record)
            other["id_type"] = rng.choice(["passport", "none", "national_id"])
            other["id_number"] = rng.choice(_IDS)
            phone = str(record["phone"])
            other["phone"] = rng.choice(
                ["0" + phone[4:], phone[1:], phone.translate(str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩"))]
            )
            yield f"registration {index} variant", other
        if index % 10 == 0:  # random phone digits, to cover every phone path
            digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(5, 12)))
            yield f"registration {index} phone", {**record, "phone": rng.choice(["+855", "0", "855", "", "+"]) + digits}
    for index, whole in enumerate(_WHOLE):
        yield f"whole {index}", whole


def _small_form() -> Form:
    from tests.forms.test_validation import SMALL

    return form_from_dict(SMALL, source="small.toml")


_SMALL_POOLS: dict[str, list[object]] = {
    "name": _TEXT,
    "age": [*_INTEGERS, 17, 18, 29, 30, 61, 70, "៧០"],
    "weight": [2, "2.5", "២.៥", ".5", "two", float("inf"), True, "1e5", "", 1.0],
    "day": _DATES,
    "colour": ["red", "blue", "green", ["red"], "", None, " blue "],
    "shade": ["crimson", "navy", "sky", "pink", ""],
    "likes": ["red", "blue", "red blue", ["red"], ["blue", 3], "", ("blue",), "blue  blue red"],
    "why": _TEXT,
    "code": _IDENTIFIERS,
    "phone": _PHONES,
    "job": _TEXT,
    "employer": _TEXT,
    "info": ["hello", None],
    "double_age": [999, None],
    "extra": ["x"],
    "mystery": ["x"],
}


def _small_cases() -> Iterator[tuple[str, object]]:
    rng = random.Random(3)
    names = sorted(_SMALL_POOLS)
    for index in range(1500):
        answers = {name: rng.choice(_SMALL_POOLS[name]) for name in rng.sample(names, rng.randint(0, len(names)))}
        yield f"small {index}", answers


def cases() -> Iterator[tuple[str, Form, object]]:
    """(label, form, answers) for every golden case, always in the same order."""
    registration = load_form(version=GOLDEN_VERSION)
    for label, answers in _registration_cases():
        yield label, registration, answers
    small = _small_form()
    for label, answers in _small_cases():
        yield label, small, answers


def outcome(form: Form, answers: object) -> list[object]:
    """What every public entry point says about `answers`, as plain data."""
    both = form.messages_both(answers, today=TODAY)  # type: ignore[arg-type]
    result: list[object] = [list(both.items())]
    for lang in ("en", "km"):
        result.append(list(form.validate(answers, lang, today=TODAY).items()))  # type: ignore[arg-type]
    result.append(list(form.normalise(answers).items()))  # type: ignore[arg-type]
    names = [*form.fields, *form.groups]
    picked = random.Random(repr(answers)).sample(names, 3)  # each entry point builds a whole pass: a few suffice
    result.append([form.is_relevant(n, answers) for n in picked])  # type: ignore[arg-type]
    result.append([form.check_field(n, answers, "en", today=TODAY) for n in picked])  # type: ignore[arg-type]
    for name in form.fields:
        if form.fields[name].choice_filter is not None:
            result.append([c.name for c in form.choices(name, answers)])  # type: ignore[arg-type]
    return result


def digest(value: list[object]) -> str:
    """A short, stable hash of an outcome (repr of plain data is stable across runs)."""
    return hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def main() -> None:
    digests = [digest(outcome(form, answers)) for _, form, answers in cases()]
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(json.dumps({"cases": len(digests), "digests": " ".join(digests)}) + "\n", encoding="utf-8")
    print(f"{len(digests)} cases written to {GOLDEN}")


if __name__ == "__main__":
    main()
