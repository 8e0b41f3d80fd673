"""Synthetic registrations that pass the CAM-IE form: for benchmarks, the demo and test fixtures.

Names are common Khmer family and given names with their usual romanisations; addresses are
real gazetteer codes (province → district → commune → village consistent); about 62% of owners
are women; activities, premises, revenues and workers are plausible for informal trades.
National ID numbers and phone numbers are unique within a seed (an affine permutation of the
record's index). Records are already normalised, and carry the form id and version (the
latest by default; `version="2026.1"` gives the records of that version, without the owner's
language, identical to those made before 2026.2 existed).
Deterministic for a (seed, today) pair; `today` defaults to the real date.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator

from forms import geo
from forms.validation import META_FORM_ID, META_FORM_VERSION

FORM_ID = "cam_ie_registration"
FORM_VERSION = "2026.2"
#: Versions before the owner's language was asked (`owner_language`, from 2026.2).
_WITHOUT_OWNER_LANGUAGE = frozenset({"2026.1"})

FAMILY_NAMES: tuple[tuple[str, str], ...] = (
    ("សុខ", "Sok"),
    ("ចាន់", "Chan"),
    ("ហេង", "Heng"),
    ("លី", "Ly"),
    ("កែវ", "Keo"),
    ("ជា", "Chea"),
    ("ទេព", "Tep"),
    ("ពៅ", "Pov"),
    ("ម៉ៅ", "Mao"),
    ("អ៊ុំ", "Um"),
    ("សួន", "Suon"),
    ("ឡុង", "Long"),
    ("ឃឹម", "Khim"),
    ("ប៊ុន", "Bun"),
    ("ស៊ាង", "Seang"),
    ("ហ៊ុន", "Hun"),
    ("យឹម", "Yim"),
    ("ព្រំ", "Prum"),
    ("អ៊ុក", "Ouk"),
    ("ខៀវ", "Khieu"),
    ("ម៉ម", "Mom"),
    ("សេង", "Seng"),
    ("ផល", "Phal"),
    ("គឹម", "Kim"),
    ("ឈឹម", "Chhim"),
    ("ស៊ុន", "Sun"),
    ("នូ", "Nou"),
    ("ចេង", "Cheng"),
)
FEMALE_GIVEN_NAMES: tuple[tuple[str, str], ...] = (
    ("សុភា", "Sophea"),
    ("ស្រីមុំ", "Sreymom"),
    ("ចន្ធូ", "Chanthou"),
    ("សុខា", "Sokha"),
    ("ស្រីនាង", "Sreyneang"),
    ("បុប្ផា", "Bopha"),
    ("ធីតា", "Thida"),
    ("សុភាព", "Sopheap"),
    ("ស្រីពៅ", "Sreypov"),
    ("ដាវី", "Davy"),
    ("ម៉ាលី", "Maly"),
    ("ស្រីលក្ខណ៍", "Sreyleak"),
    ("សុគន្ធា", "Sokunthea"),
    ("នារី", "Neary"),
    ("សុជាតា", "Socheata"),
    ("ពិសី", "Pisey"),
    ("លីដា", "Lida"),
    ("ចាន់ថា", "Chantha"),
    ("រស្មី", "Raksmey"),
    ("សុវណ្ណារី", "Sovannary"),
)
MALE_GIVEN_NAMES: tuple[tuple[str, str], ...] = (
    ("សុភ័ក្ត្រ", "Sopheak"),
    ("វិចិត្រ", "Vichet"),
    ("ដារ៉ា", "Dara"),
    ("វាសនា", "Veasna"),
    ("បូរ៉ា", "Bora"),
    ("សំណាង", "Samnang"),
    ("ពិសិដ្ឋ", "Piseth"),
    ("រិទ្ធី", "Rithy"),
    ("វុទ្ធី", "Vuthy"),
    ("សុវណ្ណ", "Sovann"),
    ("ចំរើន", "Chamroeun"),
    ("សម្បត្តិ", "Sambath"),
    ("ភក្តី", "Pheakdey"),
    ("ធារ៉ា", "Theara"),
    ("កុសល", "Kosal"),
    ("មករា", "Makara"),
    ("សុខុម", "Sokhom"),
    ("វណ្ណៈ", "Vannak"),
)
BUSINESS_WORDS: tuple[tuple[str, str], ...] = (
    ("ហាង", "Shop"),
    ("តូប", "Stall"),
    ("អាជីវកម្ម", "Business"),
)

# activity, weight, premises it is usually run from, typical monthly revenue in riel (low, high)
ACTIVITIES: tuple[tuple[str, int, tuple[str, ...], tuple[int, int]], ...] = (
    ("isic_4781", 20, ("market_stall", "fixed_stall", "mobile"), (600_000, 8_000_000)),
    ("isic_4782", 8, ("market_stall", "fixed_stall"), (800_000, 12_000_000)),
    ("isic_4789", 6, ("market_stall", "fixed_stall", "mobile"), (500_000, 6_000_000)),
    ("isic_4711", 8, ("fixed_stall", "home_based"), (1_000_000, 15_000_000)),
    ("isic_5610", 14, ("fixed_stall", "market_stall", "mobile"), (800_000, 10_000_000)),
    ("isic_5630", 6, ("fixed_stall", "mobile"), (400_000, 5_000_000)),
    ("isic_1071", 3, ("home_based",), (400_000, 4_000_000)),
    ("isic_1020", 2, ("home_based", "market_stall"), (300_000, 4_000_000)),
    ("isic_1061", 1, ("other",), (1_000_000, 20_000_000)),
    ("isic_1079", 2, ("home_based",), (300_000, 3_000_000)),
    ("isic_1410", 6, ("home_based", "fixed_stall"), (300_000, 3_000_000)),
    ("isic_1312", 2, ("home_based",), (200_000, 2_000_000)),
    ("isic_1629", 1, ("home_based",), (200_000, 1_500_000)),
    ("isic_3211", 1, ("fixed_stall",), (1_000_000, 10_000_000)),
    ("isic_9602", 5, ("fixed_stall", "home_based"), (400_000, 4_000_000)),
    ("isic_9601", 2, ("home_based",), (300_000, 2_000_000)),
    ("isic_4922", 5, ("mobile",), (600_000, 3_000_000)),
    ("isic_4923", 1, ("mobile",), (1_000_000, 6_000_000)),
    ("isic_4540", 3, ("fixed_stall",), (800_000, 8_000_000)),
    ("isic_4520", 1, ("fixed_stall",), (1_500_000, 15_000_000)),
    ("isic_9512", 2, ("fixed_stall", "market_stall"), (500_000, 4_000_000)),
    ("isic_9522", 1, ("fixed_stall", "home_based"), (400_000, 3_000_000)),
    ("isic_9529", 1, ("mobile", "market_stall"), (200_000, 1_500_000)),
    ("isic_4390", 2, ("mobile",), (800_000, 4_000_000)),
    ("isic_4330", 1, ("mobile",), (800_000, 4_000_000)),
    ("isic_4321", 1, ("mobile",), (800_000, 4_000_000)),
    ("isic_4322", 1, ("mobile",), (800_000, 4_000_000)),
    ("isic_0112", 3, ("other",), (200_000, 3_000_000)),
    ("isic_0113", 2, ("other", "home_based"), (200_000, 2_500_000)),
    ("isic_0145", 1, ("home_based",), (300_000, 3_000_000)),
    ("isic_0146", 1, ("home_based",), (200_000, 2_000_000)),
    ("isic_0322", 1, ("other",), (300_000, 3_000_000)),
    ("isic_0312", 1, ("mobile", "other"), (200_000, 1_500_000)),
)
ROLES = ("owner", "self_employed", "employee", "seasonal_worker")
ROLE_WEIGHTS = (55, 35, 7, 3)
SERVICES = ("nssf", "skills", "finance", "formalisation")
SERVICE_CHANCE = (0.45, 0.35, 0.5, 0.2)

# Mobile prefixes (after 0) and the subscriber length phonenumbers accepts for each.
MOBILE_PREFIXES: tuple[tuple[str, int], ...] = (
    ("12", 6),
    ("11", 6),
    ("15", 6),
    ("16", 6),
    ("17", 6),
    ("69", 6),
    ("70", 6),
    ("77", 6),
    ("78", 6),
    ("81", 6),
    ("85", 6),
    ("86", 6),
    ("87", 6),
    ("89", 6),
    ("92", 6),
    ("93", 6),
    ("98", 6),
    ("99", 6),
    ("10", 6),
    ("61", 6),
    ("31", 7),
    ("38", 7),
    ("71", 7),
    ("76", 7),
    ("88", 7),
    ("96", 7),
    ("97", 7),
)
_ID_MULTIPLIER = 387_420_489  # 3**18: coprime with 10**9, so i -> (a*i + b) mod 10**9 is one-to-one
_PHONE_MULTIPLIER = 7_654_321  # coprime with 10**6


def generate_registrations(
    n: int, *, seed: int = 0, today: datetime.date | None = None, version: str = FORM_VERSION
) -> Iterator[dict[str, object]]:
    """`n` synthetic registrations that pass `load_form(version=version).validate(record, today=today)`."""
    rng = random.Random(seed)  # noqa: S311 - synthetic test data, no secret here
    today = today or datetime.date.today()
    villages = geo.village_paths()
    activity_weights = [a[1] for a in ACTIVITIES]
    id_offset = rng.randrange(10**9)
    phone_offset = rng.randrange(10**6)
    youngest = today.toordinal() - 365 * 16 - 4  # at least 16 years old
    oldest = today.toordinal() - 365 * 70
    this_year = today.year
    for index in range(n):
        female = rng.random() < 0.62
        family_km, family_latin = rng.choice(FAMILY_NAMES)
        given_km, given_latin = rng.choice(FEMALE_GIVEN_NAMES if female else MALE_GIVEN_NAMES)
        activity, _, premises_options, (low, high) = rng.choices(ACTIVITIES, activity_weights)[0]
        province, district, commune, village = villages[rng.randrange(len(villages))]
        prefix, length = MOBILE_PREFIXES[index % len(MOBILE_PREFIXES)]
        subscriber = (_PHONE_MULTIPLIER * (index // len(MOBILE_PREFIXES)) + phone_offset) % 10**6
        born = datetime.date.fromordinal(rng.randrange(oldest, youngest))
        usd = rng.random() < 0.25
        revenue = rng.randrange(low, high, 1000)
        workers = rng.random()
        workers_female = 0 if workers < 0.55 else rng.randrange(1, 4)
        workers_male = 0 if workers < 0.7 else rng.randrange(1, 3)
        record: dict[str, object] = {
            "family_name_km": family_km,
            "given_name_km": given_km,
            "family_name_latin": family_latin,
            "given_name_latin": given_latin,
            "sex": "female" if female else "male",
            "date_of_birth": born.isoformat(),
            "id_type": "national_id",
            "id_number": f"{(_ID_MULTIPLIER * index + id_offset) % 10**9:09d}",
            "phone": f"+855{prefix}{'1' if length == 7 else ''}{subscriber:06d}",
            "role": rng.choices(ROLES, ROLE_WEIGHTS)[0],
            "business_name": f"{rng.choice(BUSINESS_WORDS)[0]}{given_km}",
            "activity": activity,
            "premises": rng.choice(premises_options),
            "start_year": rng.randrange(max(born.year + 16, this_year - 30), this_year + 1),
            "workers_female": workers_female,
            "workers_male": workers_male,
            "workers_total": workers_female + workers_male,
            "revenue_currency": "USD" if usd else "KHR",
            "revenue_monthly": revenue // 4000 if usd else revenue,
            "province": province,
            "district": district,
            "commune": commune,
            "village": village,
        }
        if index % 10 == 3:  # some keep an old ID card number with a suffix
            record["id_suffix"] = f"{rng.randrange(1, 4):02d}"
        if rng.random() < 0.4:
            record["address_detail"] = f"ផ្ទះលេខ {rng.randrange(1, 300)} ផ្លូវ {rng.randrange(1, 600)}"
        if rng.random() < 0.08:
            record["tax_id"] = f"K{rng.randrange(1, 20):03d}-{rng.randrange(10**9):09d}"
        services = [s for s, chance in zip(SERVICES, SERVICE_CHANCE, strict=True) if rng.random() < chance]
        if services:
            record["services"] = services
        if version not in _WITHOUT_OWNER_LANGUAGE:  # by index: the random draws stay those of 2026.1
            record["owner_language"] = _owner_language(index)
        record["consent"] = "yes"
        record[META_FORM_ID] = FORM_ID
        record[META_FORM_VERSION] = version
        yield record


def _owner_language(index: int) -> str:
    """Most owners read Khmer; one in ten reads both languages, one in twenty English only."""
    if index % 10 == 4:
        return "both"
    return "en" if index % 20 == 9 else "km"
