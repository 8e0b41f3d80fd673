"""The language the owner reads: what the consent text, the read-back and the receipt follow.

The teller's screen has its own language; the owner may read another. Since form 2026.2 each
registration records it in `owner_language` (`km`, `en` or `both`; Khmer by default). Records
of older versions have no such answer: their owner is taken to read Khmer, the language most
owners read, so an old record still prints and reads back as before in Khmer.

    owner_language({"owner_language": "both"})   # "both"
    owner_languages({"owner_language": "both"})  # ("km", "en"): Khmer first, then English
    owner_languages({})                           # ("km",)

No Qt here: the wizard, the review and the receipt all ask these two functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

#: The form field that records the language the owner reads (form 2026.2 on).
FIELD: Final = "owner_language"
#: Its answers: one language, or both (Khmer first, as on Cambodian official forms).
KHMER: Final = "km"
ENGLISH: Final = "en"
BOTH: Final = "both"
#: What an unanswered, unknown or older record means: the owner reads Khmer.
DEFAULT: Final = KHMER

_LANGUAGES: Final[Mapping[str, tuple[str, ...]]] = {
    KHMER: (KHMER,),
    ENGLISH: (ENGLISH,),
    BOTH: (KHMER, ENGLISH),
}


def owner_language(answers: Mapping[str, object] | None) -> str:
    """The stored answer, `km`, `en` or `both`; `km` when it is missing or not one of these."""
    value = answers.get(FIELD) if isinstance(answers, Mapping) else None
    if isinstance(value, str) and value.strip() in _LANGUAGES:
        return value.strip()
    return DEFAULT


def owner_languages(answers: Mapping[str, object] | None) -> tuple[str, ...]:
    """The languages to show the owner, in order: `("km",)`, `("en",)` or `("km", "en")`."""
    return _LANGUAGES[owner_language(answers)]


def languages_of(code: str) -> tuple[str, ...]:
    """The languages of an owner-language code (`km`, `en`, `both`); Khmer for anything else."""
    return _LANGUAGES.get(code, _LANGUAGES[DEFAULT])
