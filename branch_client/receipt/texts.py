"""The receipt's fixed wording, in Khmer and English.

A receipt is printed in the language the owner reads (`forms.owner_language`): Khmer,
English, or both (Khmer first, English under it, as on Cambodian official forms),
whatever the teller's screen language. Qt's translator gives the UI language only, so
these texts are kept here as pairs (like the form definition's labels), not in the .ts file.
"""

from __future__ import annotations

from typing import NamedTuple

from forms.identity import khmer_digits


class Bilingual(NamedTuple):
    """A text in Khmer and English."""

    km: str
    en: str

    def get(self, language: str) -> str:
        """The text in `language` (km or en)."""
        return self.km if language == "km" else self.en

    def texts(self, languages: tuple[str, ...]) -> list[str]:
        """The text in each of `languages`, in order, leaving out empty and repeated ones
        (a name or a code is the same in both)."""
        found: list[str] = []
        for language in languages:
            text = self.get(language)
            if text and text not in found:
                found.append(text)
        return found

    def inline(self, languages: tuple[str, ...], separator: str = " · ") -> str:
        """The texts in `languages` on one line: `បង្កាន់ដៃ · Receipt`, or one of them."""
        return separator.join(self.texts(languages))


PLATFORM = Bilingual("វេទិកាជាតិសម្រាប់សេដ្ឋកិច្ចក្រៅប្រព័ន្ធ", "National informal-economy platform")
TITLE = Bilingual("បង្កាន់ដៃចុះឈ្មោះ", "Registration receipt")
COPY = Bilingual("ច្បាប់ចម្លង", "Copy")
REFERENCE = Bilingual("លេខយោង", "Reference number")
DATE = Bilingual("កាលបរិច្ឆេទ", "Date")
OWNER = Bilingual("ម្ចាស់អាជីវកម្ម", "Owner")
BUSINESS = Bilingual("ឈ្មោះអាជីវកម្ម", "Business name")
BRANCH = Bilingual("សាខា", "Branch")
TELLER = Bilingual("បេឡាករ", "Teller")
PHONE = Bilingual("លេខទូរស័ព្ទ", "Phone number")
ACTIVITY = Bilingual("សកម្មភាពអាជីវកម្ម", "Business activity")
ADDRESS = Bilingual("អាសយដ្ឋានអាជីវកម្ម", "Business address")
SERVICES = Bilingual("សេវាដែលស្នើសុំ", "Services requested")
NO_SERVICES = Bilingual("គ្មាន", "None")
CAM_IE_NUMBER = Bilingual("លេខ CAM-IE", "CAM-IE number")
NEXT = Bilingual("ជំហានបន្ទាប់", "What happens next")
SCAN = Bilingual("ស្កេនដើម្បីផ្ទៀងផ្ទាត់", "Scan to verify")
RECORD = Bilingual("កំណត់ត្រា", "Record")
DEVICE_KEY = Bilingual("សោឧបករណ៍", "Device key")
THANKS = Bilingual("សូមអរគុណ", "Thank you")

_SENT = Bilingual(
    "សាខានេះនឹងផ្ញើការចុះឈ្មោះទៅ CAM-IE ដែលជាវេទិកាជាតិសម្រាប់សេដ្ឋកិច្ចក្រៅប្រព័ន្ធ។",
    "This branch sends the registration to CAM-IE, the national informal-economy platform.",
)
_NUMBER_COMES = Bilingual(
    "CAM-IE នឹងពិនិត្យ ហើយផ្តល់លេខ CAM-IE ដល់អាជីវកម្ម។ ដើម្បីសាកសួរ សូមយកលេខយោងខាងលើ មកសាខានេះ ឬសាខាធនាគារដៃគូណាមួយ។",
    "CAM-IE checks it and gives the business a CAM-IE number. To ask about it, bring the reference number above to this branch or to any partner bank branch.",
)
_REGISTERED = Bilingual(
    "CAM-IE បានចុះឈ្មោះអាជីវកម្មនេះ ក្រោមលេខ CAM-IE ខាងលើ។",
    "CAM-IE has registered the business under the CAM-IE number above.",
)
_KEEP = Bilingual(
    "សូមរក្សាបង្កាន់ដៃនេះទុក។ កូដ QR របស់វាអនុញ្ញាតឱ្យ CAM-IE បញ្ជាក់ថា សាខានេះជាអ្នកចេញបង្កាន់ដៃនេះ។",
    "Keep this receipt. Its QR code lets CAM-IE confirm that this branch issued it.",
)


def next_steps(language: str, *, registered: bool) -> list[str]:
    """The numbered steps of "what happens next" in `language`."""
    return [step.get(language) for step in numbered_steps(registered=registered)]


def numbered_steps(*, registered: bool) -> list[Bilingual]:
    """The numbered steps of "what happens next", each in both languages (Khmer digits in Khmer)."""
    steps = [_REGISTERED, _KEEP] if registered else [_SENT, _NUMBER_COMES, _KEEP]
    return [
        Bilingual(f"{number(i, 'km')}. {step.km}", f"{number(i, 'en')}. {step.en}") for i, step in enumerate(steps, 1)
    ]


def number(value: int, language: str) -> str:
    """A small count in the digits of `language`."""
    text = str(value)
    return khmer_digits(text) if language == "km" else text
