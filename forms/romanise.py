"""Forgiving search keys: romanised Khmer spelt many ways, Khmer typed many ways, digits in two scripts.

Khmer names and places have no single Latin spelling: ដូនពេញ is Doun Penh on the map and
Daun Penh on a shop sign, សុខ is Sok or Sokh, ជា is Chea or Chia. `latin_fold` gives the key
under which those spellings meet; `search_fold` is the one key every teller search uses (the
registrations list, the address and activity pickers): Latin through `latin_fold`, Khmer
through `forms.khmer.normalise_khmer`, Khmer digits as ASCII digits, spaces dropped.

These keys are for *finding*, where a few extra rows cost nothing; they are too forgiving
for deciding that two records are the same person (see `forms.identity.name_matching_key`).

`latin_fold`, word by word (words are split at spaces, hyphens, dots and other signs;
apostrophes are removed, so "B'ier" is "Bier"), after accents are dropped and case folded:

1. Consonants: "chh" and "ch" are one sound (ឆ, ច/ជ): "ch". Aspiration is dropped:
   "kh" → "k", "ph" → "p", "th" → "t", "gh" → "k" (not after "n": Hengh is Heng). Then "c"
   (not in "ch"), "g" (not in "ng") and "q" are "k"; "w" is "v"; a run of two or more t
   and d is "t" (Battambang, Batdambang; Oddar, Otdar: ត្ត and ត្ដ are spelt all these ways).
2. Doubled letters are one (Vanna, Vana; Sammeakki, Sameaki).
3. "y" after a letter and not before a vowel is the vowel "i" (Srey, Srei; Svay, Svai).
4. Vowel groups (runs of a, e, i, o, u) are mapped: ou, au, ao, uo, oo → o (Doun, Daun;
   Kaoh, Koh; Tuol, Toul); ea, ia, ie, iea → ea (Chea, Chia; Siem, Seam); ei → ei;
   ae, eae → e (Saen, Sen; Veaeng, Veng); ue, eu, oe, oeu, aeu → u (Stueng, Steung,
   Stoeng, Stung). Other groups stay as they are.
5. Silent finals: "h" not before a vowel is dropped (Sokh → Sok, Cheah → Chea, Penh → Pen),
   and so is "r" after a vowel and not before one (Prampir → Prampi, Kork → Kok,
   Chamkar Mon → Chamka Mon); "b" not before a vowel (or "h") is "p" (Reab, Reap).
6. A single a, o or u before an "m" that no vowel follows is "a" (the nikahit vowel):
   Kampong, Kompong; Phnom, Phnum; Sambath, Sombath. Cham, Chom and Chum meet too.
7. Doubled letters made by the rules above, or by joining the words, are one.

Digits and other letters are kept; each rule looks only at letters, so digits sit among
them as consonants do.

Prefix search. A teller types a few letters and the list narrows, so the fold of a typed
prefix should be a prefix of the fold of the word. Every rule above keeps that, except
while the letters that decide a rule are not typed yet:

- a vowel group typed in part: "Da" does not find Doun (Daun does), "Chi" not Chea (Chia
  does), "Ste" not Stung (Steu does);
- a letter decided by the next one: a lone "C" is "k" until its "h" comes (so "C" lists
  K names and "Ch" the Ch names), "Ko" does not find Kampong until the "m" is typed,
  a final "y" or "b" is read as a vowel or "p" until a vowel follows it, a "d" is "d"
  until a second "d" or "t" makes the pair "t" ("Od" does not find Oddar, "Odd" does).

Typing one more letter settles each. Khmer has the same limit inside a syllable: a split
vowel or a shifter typed in two keys matches once both are typed.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from forms.identity import KHMER_DIGITS
from forms.khmer import INVISIBLE, normalise_khmer

_PREPARE = str.maketrans(
    {
        **dict.fromkeys(INVISIBLE),
        **{k: str(i) for i, k in enumerate(KHMER_DIGITS)},
        **dict.fromkeys("'’ʼ`‘"),  # apostrophes join: B'ier is Bier
    }
)
# A run of Khmer (letters, marks, signs, lunar dates), or a run of other letters and digits.
_TOKEN = re.compile(r"([\u1780-\u17ff\u19e0-\u19ff]+)|[^\W_\u1780-\u17ff\u19e0-\u19ff]+")

_VOWELS = "aeiou"
_CONSONANT_DIGRAPHS = (("chh", "C"), ("ch", "C"), ("kh", "k"), ("ph", "p"), ("th", "t"))
_GH = re.compile(r"(?<!n)gh")  # "ngh" is ង and a silent h
_SINGLE = str.maketrans({"c": "k", "w": "v"})
_G = re.compile(r"(?<!n)g")
_TD = re.compile(r"[td]{2,}")  # a run of t and d: "t"
_DOUBLE = re.compile(r"([a-zA-Z])\1+")
_Y_VOWEL = re.compile(r"(?<=[a-zA-Z])y(?![aeiou])")
_VOWEL_RUN = re.compile(r"[aeiou]+")
_VOWEL_GROUPS = {
    **dict.fromkeys(("ou", "au", "ao", "uo", "oo", "aou"), "o"),
    **dict.fromkeys(("ea", "ia", "ie", "iea", "eaa"), "ea"),
    **dict.fromkeys(("ae", "eae", "aee"), "e"),
    **dict.fromkeys(("ue", "eu", "oe", "oeu", "aeu", "ueu"), "u"),
}
_SILENT_H = re.compile(r"h(?![aeiou])")
_SILENT_R = re.compile(r"(?<=[aeiou])r+(?![aeiou])")
_FINAL_B = re.compile(r"b(?![aeiouh])")
_NIKAHIT = re.compile(r"(?<![aeiou])[aou]m(?![aeiou])")


def _vowel_group(match: re.Match[str]) -> str:
    return _VOWEL_GROUPS.get(match[0], match[0])


@functools.lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    """One lower-case word (letters and digits, no accents) folded by the module's rules."""
    for _ in range(4):  # a rule may make work for another: again until nothing changes (once, nearly always)
        done = _fold_once(word)
        if done == word:
            break
        word = done
    return word.replace("C", "ch")


def _fold_once(word: str) -> str:
    word = word.replace("q", "k")
    for digraph, sound in _CONSONANT_DIGRAPHS:
        word = word.replace(digraph, sound)
    word = _G.sub("k", _GH.sub("k", word).translate(_SINGLE))
    word = _DOUBLE.sub(r"\1", _TD.sub("t", word))
    word = _Y_VOWEL.sub("i", word)
    word = _VOWEL_RUN.sub(_vowel_group, word)
    word = _TD.sub("t", _FINAL_B.sub("p", _SILENT_R.sub("", _SILENT_H.sub("", word))))
    word = _NIKAHIT.sub("am", word)
    return _DOUBLE.sub(r"\1", word)


_APOSTROPHES = str.maketrans(dict.fromkeys("'`"))


def _prepare(text: str) -> str:
    """Invisible characters and apostrophes removed, Khmer digits ASCII, accents dropped, case folded."""
    if text.isascii():  # IDs, phones, references, most Latin names: nothing to decompose
        return text.translate(_APOSTROPHES).lower()
    text = unicodedata.normalize("NFKD", text.translate(_PREPARE))
    # Only Latin combining accents: Khmer has no decomposable characters and its marks stay.
    return "".join(c for c in text if not ("\u0300" <= c <= "\u036f")).casefold()


def latin_fold(text: str) -> str:
    """The key under which romanisation variants of a Khmer name or place meet (rules in the
    module's docstring); case, accents, spaces, hyphens and apostrophes do not count.
    Khmer text in `text` is kept as it is (see `search_fold`)."""
    return _DOUBLE.sub(r"\1", "".join(m[1] or _fold_word(m[0]) for m in _TOKEN.finditer(_prepare(text))))


@functools.lru_cache(maxsize=1 << 16)
def search_fold(text: str) -> str:
    """The key every teller search compares, query and candidates alike, by prefix: Latin
    words through `latin_fold`, Khmer through `normalise_khmer`, Khmer digits as ASCII digits,
    spaces and punctuation dropped. "Daun Penh" and "Doun Penh" give the same key, a
    village "1" is found as "ភូមិ ១" is, and "ស៊ីម" typed with -u (សុីម) is ស៊ីម."""
    words = (normalise_khmer(m[1]) if m[1] else _fold_word(m[0]) for m in _TOKEN.finditer(_prepare(text)))
    return _DOUBLE.sub(r"\1", "".join(words))  # a letter doubled across words, too: Ratanak Kiri


def search_words(text: str) -> tuple[str, ...]:
    """`search_fold` of `text` from each of its words on: ("ភូមិ1", "1") for "ភូមិ ១".

    A candidate found by prefix from any of these keys matches a query typed from the start
    of any of its words ("Penh" finds Doun Penh, "1" finds ភូមិ ១) as well as from its start."""
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    keys = (search_fold(text[s:]) for s in starts)
    return tuple(dict.fromkeys(k for k in keys if k))
