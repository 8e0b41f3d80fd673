"""The Indicators page's words: section titles, column headings, legend names, in the UI language."""

from __future__ import annotations

from branch_client.i18n import translate
from branch_client.services import indicators as ind

BREAKDOWN_SECTIONS = ("activity", "premises", "province", "district", "services", "workers")


def sex_names() -> dict[str, str]:
    """Legend names of the bar sets and lines."""
    return {
        ind.FEMALE: translate("Indicators", "Women-owned"),
        ind.MALE: translate("Indicators", "Men-owned"),
        ind.OTHER: translate("Indicators", "Sex not recorded"),
    }


def fixed_label(key: str) -> str:
    """Category labels that are not the form's choices."""
    return {
        "no_service": translate("Indicators", "No service requested"),
        "other_sex": translate("Indicators", "Sex not recorded"),
        "not_answered": translate("Indicators", "Not answered"),
        "workers_female": translate("Indicators", "Women workers"),
        "workers_male": translate("Indicators", "Men workers"),
    }.get(key, key)


def section_title(key: str) -> str:
    """The heading of a section (and of its rows in the CSV)."""
    return {
        "total": translate("Indicators", "All registrations"),
        "over_time": translate("Indicators", "Registrations over time"),
        "activity": translate("Indicators", "By main activity"),
        "premises": translate("Indicators", "By premises"),
        "province": translate("Indicators", "By province"),
        "district": translate("Indicators", "By district"),
        "services": translate("Indicators", "Services requested"),
        "workers": translate("Indicators", "Workers by sex, by the owner's sex"),
    }[key]


def category_header(key: str, granularity: str = ind.MONTH) -> str:
    """The first column's heading of a section's table."""
    if key == "over_time":
        return {
            ind.DAY: translate("Indicators", "Day"),
            ind.WEEK: translate("Indicators", "Week starting"),
            ind.MONTH: translate("Indicators", "Month"),
        }[granularity]
    return {
        "activity": translate("Indicators", "Main activity"),
        "premises": translate("Indicators", "Premises"),
        "province": translate("Indicators", "Province"),
        "district": translate("Indicators", "District"),
        "services": translate("Indicators", "Service"),
        "workers": translate("Indicators", "Workers"),
    }[key]


def value_title(key: str) -> str:
    """What a chart's value axis counts."""
    if key == "workers":
        return translate("Indicators", "Workers")
    return translate("Indicators", "Registrations")


def csv_headers() -> dict[str, str]:
    """Column and section names of the aggregates CSV, in the UI language."""
    headers = {
        "indicator": translate("Indicators", "Indicator"),
        "code": translate("Indicators", "Code"),
        "category": translate("Indicators", "Category"),
        "female": translate("Indicators", "Women-owned"),
        "male": translate("Indicators", "Men-owned"),
        "other": translate("Indicators", "Sex not recorded"),
        "total": translate("Indicators", "Total"),
        "female_share": translate("Indicators", "% women-owned"),
        "all": translate("Indicators", "All"),
    }
    headers.update({key: section_title(key) for key in ("total", "over_time", *BREAKDOWN_SECTIONS)})
    return headers
