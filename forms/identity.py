"""Khmer and identity rules: digits, identifiers, names, matching keys, ID cards, passports, phones.

Used by the form (to clean and check answers) and by duplicate checks (to compare people):
the same helpers on both sides mean a record that passes here is compared the same way there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING

from forms import khmer

if TYPE_CHECKING:
    import phonenumbers

KHMER_DIGITS = "០១២៣៤៥៦៧៨៩"  # U+17E0..U+17E9
_TO_ASCII_DIGITS = str.maketrans(KHMER_DIGITS, "0123456789")
_TO_KHMER_DIGITS = str.maketrans("0123456789", KHMER_DIGITS)
ZERO_WIDTH = "\u200b\u200c\u200d\ufeff"
_DROP_ZERO_WIDTH = {ord(c): None for c in ZERO_WIDTH}
_DROP_INVISIBLE = {ord(c): None for c in khmer.INVISIBLE}
_SPACES = re.compile(r"\s+")

NATIONAL_ID = re.compile(r"[0-9]{9}")
NATIONAL_ID_WITH_SUFFIX = re.compile(r"([0-9]{9})(?:\(([0-9]{1,2})\))?")
PASSPORT = re.compile(r"[A-Z]{1,2}[0-9]{7,8}")


class IdentityError(ValueError):
    """A value that is not a valid identifier of its kind. `kind` is a stable code for messages."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def ascii_digits(text: str) -> str:
    """Khmer digits (០-៩) replaced by ASCII digits; everything else unchanged."""
    return text.translate(_TO_ASCII_DIGITS)


def khmer_digits(text: str) -> str:
    """ASCII digits replaced by Khmer digits (០-៩), for numbers in Khmer text; the rest unchanged."""
    return text.translate(_TO_KHMER_DIGITS)


def drop_invisible(text: str) -> str:
    """`text` without invisible characters (`forms.khmer.INVISIBLE`: zero-width space and
    joiners, word joiner, byte order mark, soft hyphen), as names are stored and matched."""
    return text.translate(_DROP_INVISIBLE)


def clean_identifier(text: str) -> str:
    """An identifier as stored: zero-width characters and all spaces removed, ASCII digits, upper case."""
    if text.isascii():  # the usual case: Khmer digits and zero-width characters are not ASCII
        return "".join(text.split()).upper()
    return "".join(ascii_digits(text).translate(_DROP_ZERO_WIDTH).split()).upper()


def normalise_name(text: str) -> str:
    """A name as stored: NFC, every invisible character dropped, runs of spaces made one, trimmed.

    Invisible characters (`forms.khmer.INVISIBLE`: zero-width space, non-joiner and joiner,
    word joiner, byte order mark, soft hyphen) come with names pasted from documents and
    chat apps; kept, they would fail the form's "Khmer script" check and be drawn as dotted
    circles. Nothing else is changed: the name is stored as typed.
    """
    text = unicodedata.normalize("NFC", text).translate(_DROP_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


def name_matching_key(text: str) -> str:
    """A key under which spellings of the same name meet, for duplicate checks only.

    Latin: accents dropped, case folded, spaces, hyphens, apostrophes and dots removed
    ("Sok  Dara", "sok-dara", "SOKDARA" meet), and nothing more: romanisation variants
    (Sok, Sokh; Chea, Chia) are *not* folded here, although search folds them
    (`forms.romanise.latin_fold`), because a duplicate warning must not join different
    people, and Sam, Som and Sum, or Chan and Chhan, are different names. Khmer: every
    invisible character and space removed and `forms.khmer.normalise_khmer` (the Khmer
    Encoding Structure's one spelling of what looks the same: mark order, split vowels,
    -u for the shifter, subscript DA as TA, look-alike letters), which only ever joins
    spellings that are drawn alike.
    """
    text = unicodedata.normalize("NFC", text).translate(_DROP_INVISIBLE)
    decomposed = unicodedata.normalize("NFD", text)
    # Drop Latin combining accents only: Khmer has no decomposable characters, so NFD is safe.
    latin = "".join(c for c in decomposed if not ("\u0300" <= c <= "\u036f"))
    folded = "".join(c for c in latin.casefold() if not (c.isspace() or c in "-'’."))
    return khmer.normalise_khmer(unicodedata.normalize("NFC", folded))


def parse_national_id(text: str) -> tuple[str, str]:
    """(number, suffix) of a Cambodian national ID card: 9 digits and an optional "(NN)" suffix.

    Spaces, zero-width characters and Khmer digits are accepted. Raises IdentityError.
    """
    cleaned = clean_identifier(text)
    match = NATIONAL_ID_WITH_SUFFIX.fullmatch(cleaned)
    if match is None:
        raise IdentityError(
            "national_id", "a national ID number has 9 digits, optionally followed by a suffix in brackets"
        )
    return match[1], match[2] or ""


# Invisible marks a typist or a copied document may leave inside a number, beyond ZERO_WIDTH:
# WORD JOINER and SOFT HYPHEN. Dropped for matching only (the form refuses them in a stored ID).
_DROP_MATCHING_INVISIBLE = {ord(c): None for c in "\u2060\u00ad"}


def identifier_matching_key(text: str) -> str:
    """An ID number as duplicate checks compare it: `clean_identifier` after NFKC and the
    removal of word joiners and soft hyphens.

    NFKC makes full-width digits and letters ASCII and the extra marks are invisible, so two
    spellings a person cannot tell apart meet. A number the form accepts is already ASCII, so
    for every stored answer this is exactly `clean_identifier`.
    """
    if text.isascii():  # the usual case: NFKC changes nothing and there is no invisible mark
        return clean_identifier(text)
    return clean_identifier(unicodedata.normalize("NFKC", text).translate(_DROP_MATCHING_INVISIBLE))


def id_duplicate_key(answers: Mapping[str, object]) -> str | None:
    """`"<id type>:<number>"`, the key under which branch and centre look for the same person's ID;
    None when the answers carry no usable ID.

    The type is trimmed and lower case, the number `identifier_matching_key`. A national ID
    with its "(NN)" suffix is the same card as without it (the form stores the suffix apart),
    so it is reduced to its 9 digits; a number that is no national ID is compared as typed.
    ID type `none` has no number to compare, whatever a stray `id_number` says. The branch
    keeps these keys in its store and the centre in its database: the format must not change.
    """
    id_type, id_number = answers.get("id_type"), answers.get("id_number")
    if not isinstance(id_type, str) or not isinstance(id_number, str):
        return None
    kind = id_type.strip().lower()
    if kind in ("", "none"):
        return None
    number = identifier_matching_key(id_number)
    if kind == "national_id":
        match = NATIONAL_ID_WITH_SUFFIX.fullmatch(number)
        if match is not None:
            number = match[1]
    return f"{kind}:{number}" if number else None


def is_national_id(text: str) -> bool:
    """True for exactly 9 digits once cleaned (a suffix is stored separately)."""
    return NATIONAL_ID.fullmatch(clean_identifier(text)) is not None


def is_passport(text: str) -> bool:
    """True for a passport number: one or two letters then 7 or 8 digits, once cleaned."""
    return PASSPORT.fullmatch(clean_identifier(text)) is not None


# phonenumbers' number types accepted: FIXED_LINE, MOBILE, FIXED_LINE_OR_MOBILE
_PHONE_TYPES = (0, 1, 2)
MAX_PHONE_TEXT = 40
_PHONE_TEXT = re.compile(r"\+?[0-9]+")
# +855 and a national number of 8 or 9 digits not starting with 0: the E.164 form `normalise`
# stores, so nearly every number the centre receives. phonenumbers.parse() reads such a string
# as country code 855 (8 and 85 are no country codes) and the national number as written (KH's
# national prefix is 0, so there is nothing to strip; no leading zero, no extension), so the
# PhoneNumber can be built directly: parse() is most of the cost of a phone check.
_CAMBODIAN_E164 = re.compile(r"\+855[1-9][0-9]{7,8}")


def normalise_phone(text: str) -> str:
    """A Cambodian mobile or landline number in E.164 (+855…). Raises IdentityError otherwise.

    Accepts local (012 345 678), international (+855 12 345 678, 00855…, 855…) and Khmer-digit spellings.
    Error kinds: `phone_empty`, `phone_unreadable`, `phone_not_cambodian`, `phone_invalid`.
    """
    import phonenumbers  # imported on first use: it costs ~60 ms, not to be paid by form loading

    cleaned = clean_identifier(text).replace("-", "").replace("(", "").replace(")", "").replace(".", "")
    if not cleaned:
        raise IdentityError("phone_empty", "no phone number given")
    if len(cleaned) > MAX_PHONE_TEXT or not _PHONE_TEXT.fullmatch(cleaned):
        raise IdentityError("phone_unreadable", "a phone number has only digits, and perhaps a leading +")
    if cleaned.startswith("00"):  # the international call prefix, as dialled from Cambodia
        cleaned = "+" + cleaned[2:]
    if cleaned.startswith("855") and len(cleaned) >= 11:
        cleaned = "+" + cleaned
    if _CAMBODIAN_E164.fullmatch(cleaned):  # what parse() would give, without its cost (see above)
        number = phonenumbers.PhoneNumber(country_code=855, national_number=int(cleaned[4:]))
    else:
        number = _parse_phone(cleaned)
    if number.country_code != 855:
        raise IdentityError("phone_not_cambodian", "not a Cambodian phone number")
    # number_type() is UNKNOWN for a number that is not valid (its documented contract, and for +855,
    # whose only region is KH, is_valid_number() is the very same test), so it says both at once.
    if phonenumbers.number_type(number) not in _PHONE_TYPES:
        raise IdentityError("phone_invalid", "not a valid Cambodian mobile or landline number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _parse_phone(cleaned: str) -> phonenumbers.PhoneNumber:
    """phonenumbers' reading of a cleaned number, with Cambodia as the region of local numbers."""
    import phonenumbers

    try:
        return phonenumbers.parse(cleaned, "KH")
    except phonenumbers.NumberParseException:
        raise IdentityError("phone_unreadable", "not a phone number") from None
