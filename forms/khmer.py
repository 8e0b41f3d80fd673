"""Khmer text in its matching form: one encoding for every way of typing what looks the same.

Khmer Unicode lets the same visible syllable be typed in several orders (a subscript after
the vowel, the register shifter after the vowel, a split vowel as its two halves, -u where
the shifter is meant), and fonts draw them all alike. `normalise_khmer` gives the one form
the Khmer Encoding Structure describes (Unicode Technical Note #61, M. Hosken, SIL/NPIC,
2025, and its reference normaliser `khnormal` in sillsdev/khmer-character-specification),
plus the folds of look-alike and deprecated letters that matching wants.

It is for *matching only* (duplicate keys, search terms, search queries): stored text keeps
what was typed, apart from invisible characters, which `forms.identity.normalise_name`
removes from names. Pure, and cheap enough for a migration over 120,000 records: text with
no Khmer letter is returned after one scan, and each syllable is a short sort.

The rules, in the order they are applied:

1. Invisible characters are removed (`INVISIBLE`: zero-width space, non-joiner and joiner,
   word joiner, byte order mark, soft hyphen), and so are the invisible inherent vowels
   U+17B4/U+17B5.
2. Look-alike and deprecated letters are folded: ឲ (U+17B2) into ឱ (U+17B1); the deprecated
   independent vowels ឣ (U+17A3) into អ and ឤ (U+17A4) into អា, as the Unicode names list
   says; BATHAMASAT (U+17D3) into NIKAHIT (U+17C6), which it looks like.
3. Subscript DA (coeng + ដ) becomes subscript TA (coeng + ត): they are drawn the same.
4. In each syllable (a base, a consonant or independent vowel, and the marks after it),
   the marks are sorted stably by kind: robat, subscripts (with subscript RO after the
   others), register shifter, then the vowels by position (before, below, above, after the
   base), then the other signs, then the final signs (REAHMUK, YUUKALEAPINTU). Marks of
   the same kind keep their typed order, so different spellings never meet.
5. Split vowels typed as two halves are composed: េ + ី → ើ and េ + ា → ោ (a below vowel
   may sit between them), and ើ + ា → ោ + ី (the two draw the same).
6. -u (U+17BB) with an above vowel is the register shifter drawn low, the way fonts draw a
   shifter over which a vowel sits: it becomes the shifter the syllable takes,
   TRIISAP (U+17CA) when the base or a subscript is a first-series letter that takes it
   and there is no BA, else MUUSIKATOAN (U+17C9) (UTN #61's "strong" and "not strong"
   clusters). A shifter already typed with an above vowel is put to the same choice,
   since both shifters are drawn as the same low mark there (ប៉ី and ប៊ី look alike).
"""

from __future__ import annotations

import functools
import re

COENG = "\u17d2"
TRIISAP = "\u17ca"
MUUSIKATOAN = "\u17c9"
_U = "\u17bb"
_E = "\u17c1"
_OE = "\u17be"

#: Invisible characters: removed from stored names and from every matching form.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

_FOLD = str.maketrans(
    {
        **dict.fromkeys(INVISIBLE),
        "\u17b4": None,  # invisible inherent vowels AQ, AA
        "\u17b5": None,
        "\u17b2": "\u17b1",  # ឲ (QOO type two) looks like ឱ (QOO type one): ឲ្យ / ឱ្យ
        "\u17a3": "\u17a2",  # deprecated QAQ: "17A2 should be used instead"
        "\u17a4": "\u17a2\u17b6",  # deprecated QAA: "the sequence 17A2 17B6 should be used instead"
        "\u17d3": "\u17c6",  # deprecated BATHAMASAT looks like NIKAHIT
    }
)

# A base (consonant or independent vowel) not written as a subscript.
_BASE = re.compile(r"(?<!\u17d2)[\u1780-\u17b3]")
# Anything with a Khmer letter or mark: text without one needs only rule 1.
_KHMER_MARKED = re.compile(r"[\u1780-\u17dd]")

# Kinds of mark, in their order within a syllable (UTN #61's categories).
_ROBAT, _SUBSCRIPT, _SUBSCRIPT_RO, _SHIFTER = 1, 2, 3, 4
_VOWEL_PRE, _VOWEL_BELOW, _VOWEL_ABOVE, _VOWEL_POST, _SIGN, _FINAL = 5, 6, 7, 8, 9, 10


def _kind(mark: str) -> int:
    """The kind of one mark (not a subscript), or 0 for a character that ends the syllable."""
    code = ord(mark)
    if code == 0x17CC:
        return _ROBAT
    if code in (0x17C9, 0x17CA):
        return _SHIFTER
    if 0x17BE <= code <= 0x17C5:
        return _VOWEL_PRE  # ើ ឿ ៀ េ ែ ៃ ោ ៅ: written (partly) before the base
    if 0x17BB <= code <= 0x17BD:
        return _VOWEL_BELOW
    if 0x17B7 <= code <= 0x17BA:
        return _VOWEL_ABOVE
    if code == 0x17B6:
        return _VOWEL_POST
    if code in (0x17C7, 0x17C8):
        return _FINAL
    if code == 0x17C6 or code == 0x17CB or 0x17CD <= code <= 0x17D1 or code == 0x17DD:
        return _SIGN
    return 0


# First-series letters that take TRIISAP (UTN #61 / khnormal "S1"); BA takes MUUSIKATOAN.
_TAKES_TRIISAP = frozenset(
    "\u1780\u1781\u1782\u1783\u1785\u1786\u1787\u1788\u178a\u178b\u178c\u178d\u178f\u1790\u1791\u1792"
    "\u1795\u1796\u1797\u179e\u179f\u17a0\u17a2"
)
_BA = "\u1794"
# Marks over which a shifter is drawn low (as -u): the above vowels, ើ, ឿ, SAMYOK SANNYA, ATTHACAN.
_ABOVE = frozenset("\u17b7\u17b8\u17b9\u17ba\u17be\u17bf\u17d0\u17dd")


def _shifter_for(letters: str) -> str:
    """The register shifter of a syllable with these base and subscript letters."""
    if _BA not in letters and any(c in _TAKES_TRIISAP for c in letters):
        return TRIISAP
    return MUUSIKATOAN


def _syllable(text: str, start: int) -> tuple[str, int]:
    """The normal form of the syllable whose base is at `start`, and where the syllable ends."""
    units: list[tuple[int, int, str]] = []
    letters = text[start]
    lone_coeng = False
    i, n = start + 1, len(text)
    while i < n:
        char = text[i]
        if char == COENG:
            if i + 1 < n and "\u1780" <= text[i + 1] <= "\u17b3":
                sub = text[i + 1]
                letters += sub
                units.append((_SUBSCRIPT_RO if sub == "\u179a" else _SUBSCRIPT, len(units), COENG + sub))
                i += 2
                continue
            if not lone_coeng:  # a coeng with no letter after it: kept once, where it sorts
                units.append((_SUBSCRIPT, len(units), char))
                lone_coeng = True
            i += 1
            continue
        kind = _kind(char)
        if not kind:
            break
        units.append((kind, len(units), char))
        i += 1
    if not units:
        return text[start], i
    units.sort()
    marks = "".join(u[2] for u in units)
    if len(units) > 1:
        marks = _compose(marks, letters)
    return text[start] + marks, i


def _compose(joined: str, letters: str) -> str:
    """Rules 5 and 6 on a syllable's sorted marks."""
    if _E in joined:
        # េ [below vowel] ី → ើ [below vowel]; េ [below vowel] ា → ោ [below vowel]
        joined = re.sub("\u17c1([\u17bb-\u17bd]?)\u17b8", "\u17be\\1", joined)
        joined = re.sub("\u17c1([\u17bb-\u17bd]?)\u17b6", "\u17c4\\1", joined)
    above = any(c in _ABOVE for c in joined) or "\u17b6\u17c6" in joined
    if above:
        has_shifter = TRIISAP in joined or MUUSIKATOAN in joined
        if has_shifter or _U in joined:
            shifter = _shifter_for(letters)
            if has_shifter:
                joined = joined.replace(TRIISAP, shifter).replace(MUUSIKATOAN, shifter)
            else:
                joined = joined.replace(_U, "", 1)
                # the shifter goes after the subscripts and robat, before every vowel
                cut = next((k for k, c in enumerate(joined) if _kind(c) >= _VOWEL_PRE), len(joined))
                joined = joined[:cut] + shifter + joined[cut:]
    if _OE in joined and "\u17b6" in joined:
        joined = re.sub("\u17be([\u17bb-\u17bd]?)\u17b6", "\u17c4\\1\u17b8", joined)
    return joined


@functools.lru_cache(maxsize=1 << 16)
def normalise_khmer(text: str) -> str:
    """`text` in the matching form of Khmer (see the module's rules); other text unchanged
    but for its invisible characters. Idempotent: normalise_khmer(normalise_khmer(x)) ==
    normalise_khmer(x)."""
    text = text.translate(_FOLD)
    if not _KHMER_MARKED.search(text):
        return text
    for _ in range(4):  # a rule may make work for another: again until nothing changes (once, nearly always)
        done = _syllables(text)
        if done == text:
            break
        text = done
    return text


def _syllables(text: str) -> str:
    """Every syllable of `text` in its normal form (rules 3 to 6), the rest as it is."""
    text = text.replace("\u17d2\u178a", "\u17d2\u178f")  # subscript DA ≈ subscript TA
    pieces: list[str] = []
    pos = 0
    for match in _BASE.finditer(text):
        start = match.start()
        if start < pos:  # inside the syllable just read
            continue
        pieces.append(text[pos:start])
        syllable, pos = _syllable(text, start)
        pieces.append(syllable)
    pieces.append(text[pos:])
    return "".join(pieces)
