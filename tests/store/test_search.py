"""The registrations list's queries on a real SQLCipher store: search by every key, in both plans."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest

from branch_client.store import Session, search
from branch_client.store.search import ListFilter
from tests.sync.helpers import sample_answers, submit_new


@pytest.fixture(params=["candidates", "scan"])
def plan(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test runs with both plans: the scan plan is forced by a threshold of one."""
    if request.param == "scan":
        monkeypatch.setattr(search, "_FEW", 1)
    return str(request.param)


@pytest.fixture
def records(manager_session: Session) -> dict[str, tuple[str, dict[str, Any]]]:
    """record id -> (reference, answers) of 40 generated registrations."""
    answers = sample_answers(40, seed=7)
    ids = submit_new(manager_session, answers)
    refs = dict(manager_session.db.execute("SELECT id, reference FROM registrations").fetchall())
    return {i: (refs[i], a) for i, a in zip(ids, answers, strict=True)}


def found(session: Session, query: str, **kw: Any) -> list[str]:
    rows = search.page(session.db.conn, ListFilter(query=query, **kw), limit=1000)
    return [r.record_id for r in rows]


# --- expected results, worked out from the answers without the store's search code ---------


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def digit_matches(records: dict[str, tuple[str, dict[str, Any]]], query: str) -> set[str]:
    """Records with an ID number, phone (+855…, 0…, without 0) or sequence starting with `query`'s digits."""
    q = _digits(query)
    hits = set()
    for record_id, (reference, a) in records.items():
        national = a["phone"].removeprefix("+855")
        sequence = reference.split("-")[-2]
        keys = [a.get("id_number", ""), "855" + national, "0" + national, national, sequence, sequence.lstrip("0")]
        if any(k.startswith(q) for k in keys):
            hits.add(record_id)
    return hits


def name_matches(records: dict[str, tuple[str, dict[str, Any]]], query: str) -> set[str]:
    """Records with a name (either script, either order, either part) or business word starting with `query`."""
    q = unicodedata.normalize("NFC", query).replace("\u200b", "").replace(" ", "").lower()
    hits = set()
    for record_id, (_, a) in records.items():
        words = []
        for family, given in (("family_name_km", "given_name_km"), ("family_name_latin", "given_name_latin")):
            f, g = a[family], a[given]
            words += [f, g, f + g, g + f]
        words += [a.get("business_name", ""), *a.get("business_name", "").split()]
        if any(w.replace(" ", "").lower().startswith(q) for w in words):
            hits.add(record_id)
    return hits


# --- the tests -------------------------------------------------------------------------------


def test_no_query_lists_every_registration_newest_first(
    plan: str, manager_session: Session, records: dict[str, Any]
) -> None:
    ids = found(manager_session, "")
    assert ids == sorted(records, reverse=True)
    assert search.plan(manager_session.db.conn, ListFilter()) == "scan"


def test_finds_by_reference_and_its_sequence(plan: str, manager_session: Session, records: dict[str, Any]) -> None:
    record_id, (reference, _) = next(iter(records.items()))
    assert found(manager_session, reference) == [record_id]
    assert found(manager_session, reference.lower()) == [record_id]
    assert found(manager_session, reference[:-2]) == [record_id]  # without its check character
    sequence = reference.split("-")[-2]
    assert set(found(manager_session, sequence)) == digit_matches(records, sequence)
    assert record_id in found(manager_session, sequence.lstrip("0"))


def test_finds_by_id_number_and_phone_in_every_spelling(
    plan: str, manager_session: Session, records: dict[str, Any]
) -> None:
    record_id, (_, answers) = list(records.items())[5]
    assert found(manager_session, answers["id_number"]) == [record_id]
    national = answers["phone"].removeprefix("+855")
    spaced = f"+855 {national[:2]} {national[2:5]} {national[5:]}"
    for spelling in (answers["phone"], spaced, "0" + national, national):
        assert set(found(manager_session, spelling)) == digit_matches(records, spelling), spelling
        assert record_id in found(manager_session, spelling)
    for prefix in ("0", "01", "012", answers["id_number"][:3]):
        assert set(found(manager_session, prefix)) == digit_matches(records, prefix) | name_matches(records, prefix)


def test_finds_by_latin_name_in_any_case(plan: str, manager_session: Session, records: dict[str, Any]) -> None:
    _, (_, answers) = list(records.items())[3]
    family, given = answers["family_name_latin"], answers["given_name_latin"]
    assert search.plan(manager_session.db.conn, ListFilter(query=family)) == plan
    for query in (family, family.upper(), family.lower()[:2], given.swapcase(), f"{family} {given}", given[:1]):
        expected = name_matches(records, query)
        assert expected
        assert set(found(manager_session, query)) == expected, query


def test_finds_by_khmer_name_typed_with_a_zero_width_space_or_another_mark_order(
    plan: str, manager_session: Session, records: dict[str, Any]
) -> None:
    _, (_, answers) = list(records.items())[8]
    family, given = answers["family_name_km"], answers["given_name_km"]
    expected = name_matches(records, family + given)
    assert expected
    assert set(found(manager_session, family + given)) == expected
    assert set(found(manager_session, family + "\u200b" + given)) == expected
    assert set(found(manager_session, family + " " + given)) == expected
    assert set(found(manager_session, family[:1])) == name_matches(records, family[:1])
    # A cluster typed with its marks the other way round (ស + ុ + ៊ for ស៊ុ) meets the same name.
    shifted = [r for r, (_, a) in records.items() if "\u17ca\u17bb" in a["family_name_km"] + a["given_name_km"]]
    shifted += [r for r, (_, a) in records.items() if "\u17c9\u17bb" in a["family_name_km"] + a["given_name_km"]]
    assert shifted, "the sample has a name with a register shifter and a vowel"
    a = records[shifted[0]][1]
    name = a["family_name_km"] if "\u17bb" in a["family_name_km"] else a["given_name_km"]
    swapped = name.replace("\u17ca\u17bb", "\u17bb\u17ca").replace("\u17c9\u17bb", "\u17bb\u17c9")
    assert swapped != name
    assert set(found(manager_session, swapped)) == name_matches(records, name)


def test_no_match_and_nonsense_queries(plan: str, manager_session: Session, records: dict[str, Any]) -> None:
    assert found(manager_session, "zzzz") == []
    assert found(manager_session, "999999999999") == []
    assert len(found(manager_session, "   ")) == len(records)  # blank: no search at all
    assert found(manager_session, "'; DROP TABLE registrations; --") == []
    assert len(found(manager_session, "")) == len(records)


def test_pages_continue_after_the_last_row_without_gaps(
    plan: str, manager_session: Session, records: dict[str, Any]
) -> None:
    conn = manager_session.db.conn
    seen: list[str] = []
    before = None
    while True:
        rows = search.page(conn, ListFilter(), before=before, limit=7)
        seen += [r.record_id for r in rows]
        if len(rows) < 7:
            break
        before = rows[-1].record_id
    assert seen == sorted(records, reverse=True)


def test_a_correction_hides_what_it_replaces(manager_session: Session, records: dict[str, Any]) -> None:
    original, (reference, answers) = next(iter(records.items()))
    [correction] = submit_new(manager_session, [answers], supersedes=original)
    latest = found(manager_session, "")
    assert correction in latest
    assert original not in latest
    everything = found(manager_session, "", latest_only=False)
    assert {original, correction} <= set(everything)
    [row] = [r for r in search.page(manager_session.db.conn, ListFilter(query=reference)) if r.record_id == correction]
    assert row.version == 2
    assert row.reference == reference + "/2"
    detail = search.detail(manager_session.db, original)
    assert detail is not None
    assert detail.superseded_by == correction
    assert [v.record_id for v in detail.versions] == [original, correction]
    assert not detail.correctable


def test_unknown_state_is_refused(manager_session: Session) -> None:
    with pytest.raises(ValueError, match="unknown state"):
        search.page(manager_session.db.conn, ListFilter(state="lost"))
    assert search.detail(manager_session.db, "no-such-id") is None


# --- forgiving search: romanisation variants, Khmer typed in another order, Khmer digits ------------

_KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


@pytest.fixture
def owners(manager_session: Session, records: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """Two more registrations among the 40, with names whose spellings vary: name -> (record id, answers)."""
    base = sample_answers(2, seed=71)
    names = {
        "chea": {
            "family_name_km": "ជា",
            "given_name_km": "សុខា",
            "family_name_latin": "Chea",
            "given_name_latin": "Sokha",
        },
        "sim": {
            "family_name_km": "ស៊ីម",
            "given_name_km": "សោភា",
            "family_name_latin": "Sim",
            "given_name_latin": "Sophea",
        },
    }
    answers = [{**a, **n, "business_name": "Toul Kork Noodles"} for a, n in zip(base, names.values(), strict=True)]
    ids = submit_new(manager_session, answers)
    return {name: (i, a) for name, i, a in zip(names, ids, answers, strict=True)}


def test_finds_by_a_romanisation_variant(
    plan: str, manager_session: Session, owners: dict[str, tuple[str, dict[str, Any]]]
) -> None:
    for query, owner in (
        ("Chia", "chea"),
        ("CHIA SOKHAH", "chea"),
        ("Sokhah Chia", "chea"),
        ("Sopia Sim", "sim"),
        ("Tuol Kouk", "chea"),  # the business name, Toul Kork
        ("Tuol-Kouk Noodle", "sim"),
    ):
        assert owners[owner][0] in found(manager_session, query), query


def test_finds_khmer_typed_in_another_order(
    plan: str, manager_session: Session, owners: dict[str, tuple[str, dict[str, Any]]]
) -> None:
    for query in (
        "សុីម",  # -u before the upper vowel for the shifter
        "សុីមសេាភា",  # and a split vowel
        "សេាភា",
        "សោ\u200bភា ស៊ីម",  # given name first, with a zero-width space
        "ស៊ី",  # a prefix
    ):
        hits = found(manager_session, query)
        assert owners["sim"][0] in hits, query
        assert owners["chea"][0] not in hits, query


def test_finds_a_phone_typed_in_khmer_digits(
    plan: str, manager_session: Session, owners: dict[str, tuple[str, dict[str, Any]]]
) -> None:
    record_id, answers = owners["chea"]
    national = answers["phone"].removeprefix("+855")
    for spelling in ("0" + national, national, "+855 " + national, answers.get("id_number", "")):
        khmer = spelling.translate(_KHMER_DIGITS)
        assert khmer != spelling or not spelling
        if spelling:
            assert record_id in found(manager_session, khmer), spelling
            assert found(manager_session, khmer) == found(manager_session, spelling)


def test_nothing_found_is_an_empty_page(plan: str, manager_session: Session, owners: dict[str, Any]) -> None:
    for query in ("Zzyzx", "ញញញញ", "០០០០០០០០០០០០", "Chia Sokhah Zz"):
        assert found(manager_session, query) == [], query
