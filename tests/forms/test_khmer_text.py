"""Khmer typed the way people type it: `forms.khmer.normalise_khmer` through the duplicate key.

A table of real variants: spellings that are drawn alike must give the same
`identity.name_matching_key` (so the same owner typed twice is found), and spellings that
read differently must not (so a duplicate warning never joins two people). Stored names keep
what was typed, apart from invisible characters.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forms import identity, load_form, validation
from forms.khmer import INVISIBLE, normalise_khmer

# (typed, the way it is usually typed, what differs)
MUST_MATCH = [
    # split vowels: េ + ី for ើ, េ + ា for ោ, and ើ + ា for ោ + ី
    ("សេីម", "សើម", "split OE"),
    ("កេីត", "កើត", "split OE"),
    ("ដេីម", "ដើម", "split OE"),
    ("សេាភា", "សោភា", "split OO"),
    ("ចេាម", "ចោម", "split OO"),
    ("ឡេាក", "ឡោក", "split OO"),
    ("ពេាធិ", "ពោធិ", "split OO"),
    ("សើា", "សោី", "OE + AA looks like OO + II"),
    ("សីេម", "សើម", "halves typed the other way round"),
    # -u before an upper vowel for the register shifter (the shifter is drawn as -u there)
    ("សុីម", "ស៊ីម", "-u for TRIISAP"),
    ("អុីម", "អ៊ីម", "-u for TRIISAP"),
    ("ហុឹម", "ហ៊ឹម", "-u for TRIISAP"),
    ("ស្រុី", "ស្រ៊ី", "-u for TRIISAP under a cluster"),
    ("មុិញ", "ម៉ិញ", "-u for MUUSIKATOAN"),
    ("នុី", "ន៉ី", "-u for MUUSIKATOAN"),
    ("យុឺ", "យ៉ឺ", "-u for MUUSIKATOAN"),
    ("បុិច", "ប៉ិច", "-u for MUUSIKATOAN on BA"),
    ("សេុី", "ស៊ើ", "split vowel and -u together"),
    ("ប៊ី", "ប៉ី", "either shifter over an upper vowel is drawn as -u"),
    # the order of marks in a syllable
    ("សុ៊ន", "ស៊ុន", "shifter after the vowel"),
    ("បុ៊ន", "ប៊ុន", "shifter after the vowel"),
    ("មៅ៉", "ម៉ៅ", "shifter after the vowel"),
    ("ញាំ៉", "ញ៉ាំ", "shifter after the vowel and sign"),
    ("ចំា", "ចាំ", "NIKAHIT before AA"),
    ("ដះោ", "ដោះ", "REAHMUK before the vowel"),
    ("សួគា៌", "សួគ៌ា", "ROBAT after the vowel"),
    ("សី្រ", "ស្រី", "subscript after the vowel"),
    ("កុ្រង", "ក្រុង", "subscript after the vowel"),
    ("ខែ្មរ", "ខ្មែរ", "subscript after the vowel"),
    ("ផះ្ទ", "ផ្ទះ", "subscript after the final sign"),
    # subscript RO second
    ("ស្រ្តី", "ស្ត្រី", "coeng RO typed first"),
    ("ចន្រ្ទា", "ចន្ទ្រា", "coeng RO typed first"),
    ("ឥន្រ្ទា", "ឥន្ទ្រា", "coeng RO typed first"),
    # subscript DA and subscript TA are drawn alike
    ("ចន្ដា", "ចន្តា", "coeng DA"),
    ("និមិត្ដ", "និមិត្ត", "coeng DA"),
    ("សន្ដិភាព", "សន្តិភាព", "coeng DA"),
    ("អន្ដរ", "អន្តរ", "coeng DA"),
    # invisible characters and spaces
    ("សុខ\u200bម៉ាលី", "សុខម៉ាលី", "zero-width space"),
    ("\u200bជា", "ជា", "leading zero-width space"),
    ("សោ\u200cភា", "សោភា", "zero-width non-joiner"),
    ("ស\u200dុខ", "សុខ", "zero-width joiner"),
    ("ស្រី\ufeffពៅ", "ស្រីពៅ", "byte order mark"),
    ("ដារ\u2060ា", "ដារា", "word joiner"),
    ("សុខ\u00adហេង", "សុខហេង", "soft hyphen"),
    ("សុខ ម៉ាលី", "សុខម៉ាលី", "a space between the names"),
    ("សុខ\u17b4", "សុខ", "invisible inherent vowel"),
    # look-alike and deprecated letters
    ("ឲ្យ", "ឱ្យ", "QOO type two looks like type one"),
    ("ឣង្គ", "អង្គ", "deprecated QAQ"),
    ("ឤរី", "អារី", "deprecated QAA"),
    ("ស៓ណាង", "សំណាង", "deprecated BATHAMASAT"),
]

MUST_NOT_MATCH = [
    # different consonants
    ("សុខ", "សុក", "KHA / KA"),
    ("ជា", "ចា", "CO / CA"),
    ("ណា", "នា", "NNO / NO"),
    ("ឡាយ", "លាយ", "LA / LO"),
    ("ធីតា", "ទីតា", "THO / TO"),
    ("ផល", "ភល", "PHA / PHO"),
    ("ឌី", "ដី", "a base DO is not DA (only the subscript folds)"),
    ("ចន្តា", "ចន្ទា", "subscript TA / TO"),
    ("ចន្ថា", "ចន្ទា", "subscript THA / TO"),
    ("ចន្ដា", "ចណ្ដា", "NO / NNO before the subscript"),
    ("ក្រ", "ក្ល", "subscript RO / LO"),
    ("ស្រី", "សរី", "subscript RO / RO"),
    ("សម", "មស", "letter order"),
    # different vowels
    ("ស៊ីម", "ស៊ឹម", "II / Y"),
    ("ស្រី", "ស្រិ", "II / I"),
    ("សុ", "សូ", "U / UU"),
    ("សួ", "សូ", "UA / UU"),
    ("កើត", "កេត", "OE / E"),
    ("កោ", "កា", "OO / AA"),
    ("សោម", "សេម", "OO / E"),
    ("សោភា", "សៅភា", "OO / AU"),
    ("ពៅ", "ពោ", "AU / OO"),
    ("ខ្មែរ", "ខ្មេរ", "AE / E"),
    ("ពិសី", "ពិសិ", "II / I"),
    ("ម៉ាលី", "ម៉ាលិ", "II / I"),
    ("ចាន់", "ចន់", "AA / none"),
    ("ចាំ", "ចំ", "AA / none"),
    ("ស៊ីម", "ស៊ីមា", "a vowel more"),
    # independent vowels
    ("ឱ", "ឳ", "QOO / QAU"),
    ("ឥ", "ឦ", "QI / QII"),
    # shifters: none against one, and the two kinds where no upper vowel hides them
    ("ម៉ី", "មី", "MUUSIKATOAN / none"),
    ("ស៊ុន", "សុន", "TRIISAP / none"),
    ("ម៉ុន", "ម៊ុន", "MUUSIKATOAN / TRIISAP"),
    ("ប៉ុន", "ប៊ុន", "MUUSIKATOAN / TRIISAP on BA"),
    ("សុខ", "ស៊ុខ", "none / TRIISAP"),
    ("ដារា", "ដារ៉ា", "none / MUUSIKATOAN"),
    # signs
    ("ដោះ", "ដោ", "REAHMUK / none"),
    ("រតនា", "រតនៈ", "AA / YUUKALEAPINTU"),
    ("សុខុម", "សុខុំ", "MO / NIKAHIT"),
    ("ធម៌", "ធម", "ROBAT / none"),
    # other words
    ("សុខ", "សុខា", "a syllable more"),
    ("វណ្ណា", "វណ្ណី", "AA / II"),
    ("ស្រីពៅ", "ស្រីពោ", "AU / OO"),
]


def test_the_tables_are_large_enough() -> None:
    assert len(MUST_MATCH) >= 40
    assert len(MUST_NOT_MATCH) >= 40


@pytest.mark.parametrize(("typed", "usual", "why"), MUST_MATCH, ids=[w for _, _, w in MUST_MATCH])
def test_spellings_drawn_alike_share_the_name_key(typed: str, usual: str, why: str) -> None:
    assert typed != usual
    assert identity.name_matching_key(typed) == identity.name_matching_key(usual), why


@pytest.mark.parametrize(("one", "other", "why"), MUST_NOT_MATCH, ids=[w for _, _, w in MUST_NOT_MATCH])
def test_spellings_that_read_differently_keep_apart(one: str, other: str, why: str) -> None:
    assert identity.name_matching_key(one) != identity.name_matching_key(other), why


def test_the_normal_form_is_the_usual_spelling() -> None:
    """The key is the Khmer Encoding Structure's order: the spelling most people type."""
    for typed, usual in (("សុីម", "ស៊ីម"), ("សេាភា", "សោភា"), ("ស្រ្តី", "ស្ត្រី"), ("សុ៊ន", "ស៊ុន")):
        assert normalise_khmer(typed) == normalise_khmer(usual) == usual


def test_text_without_khmer_keeps_all_but_its_invisible_characters() -> None:
    assert normalise_khmer("Sok Dara 012") == "Sok Dara 012"
    assert normalise_khmer("So\u200bk") == "Sok"


# Khmer letters, marks, digits and signs, plus the invisible characters, a space and a Latin letter.
_KHMER = [chr(c) for c in range(0x1780, 0x17FA) if not 0x17DE <= c <= 0x17DF and not 0x17EA <= c <= 0x17EF]
_MARKS = [chr(c) for c in range(0x17B4, 0x17DE)] + ["\u17d2"] * 4
khmer_text = st.text(st.sampled_from([*_KHMER, *INVISIBLE, " ", "a"]), max_size=16)
marked_syllables = st.text(st.sampled_from([*"សមបរកអ", *_MARKS]), max_size=10)


@given(khmer_text)
def test_normalising_twice_is_normalising_once(text: str) -> None:
    once = normalise_khmer(text)
    assert normalise_khmer(once) == once
    assert not set(once) & set(INVISIBLE)


@given(marked_syllables)
def test_any_pile_of_marks_normalises_once_and_for_all(text: str) -> None:
    once = normalise_khmer(text)
    assert normalise_khmer(once) == once


@given(khmer_text)
def test_the_name_key_is_its_own_key(text: str) -> None:
    key = identity.name_matching_key(text)
    assert identity.name_matching_key(key) == key


def test_a_stored_name_keeps_what_was_typed_but_its_invisible_characters() -> None:
    # typed orders and split vowels are kept: a name is shown as it was entered
    assert identity.normalise_name("សុីម") == "សុីម"
    assert identity.normalise_name("សេាភា") == "សេាភា"
    assert identity.normalise_name("ចន្ដា") == "ចន្ដា"
    assert identity.normalise_name("ឲ្យ") == "ឲ្យ"
    # invisible characters go (they would be drawn as dotted circles), and extra spaces
    assert identity.normalise_name("សុខ\u200bម៉ាលី") == "សុខម៉ាលី"
    assert identity.normalise_name("\ufeffស្រី\u200cពៅ\u2060\u00ad ") == "ស្រីពៅ"
    assert identity.normalise_name("  សុខ   ម៉ាលី ") == "សុខ ម៉ាលី"
    for char in INVISIBLE:
        assert identity.normalise_name(f"ជា{char}សុខា") == "ជាសុខា"


@pytest.mark.parametrize("version", ["2026.1", "2026.2"])
def test_a_name_pasted_with_a_zero_width_space_passes_the_khmer_script_check(version: str) -> None:
    form = load_form("cam_ie_registration", version)
    for field in ("family_name_km", "given_name_km"):
        for pasted in ("សុខ\u200bម៉ាលី", "\u200bជា", "ស្រី\ufeffពៅ\u200c", "ដារ\u2060ា"):
            assert validation.problems(form, {field: pasted}, only=field) == [], (field, pasted)
            stored = form.normalise({field: pasted})[field]
            assert isinstance(stored, str)
            assert not set(stored) & set(INVISIBLE)
        # the check is still there: Latin letters in the Khmer name are refused
        [problem] = validation.problems(form, {field: "Sok"}, only=field)
        assert problem.message("en").startswith("Write the name in Khmer script")
