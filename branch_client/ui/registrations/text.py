"""Words for the registrations list and record view, in the UI language."""

from __future__ import annotations

from branch_client.i18n import translate, ui_language
from branch_client.ui.sync import text as sync_text
from forms.display import show_datetime


def state_name(state: str) -> str:
    """A registration's state as tellers and managers read it (`sync_text.state_name`)."""
    return sync_text.state_name(state)


def version_marker(version: int) -> str:
    """ "version 2" beside a corrected registration's reference ("" for an original)."""
    return translate("Registrations", "version %1").replace("%1", str(version)) if version > 1 else ""


def when(iso: str | None, *, numeric: bool = False) -> str:
    """A stored time as this computer's local date and 24-hour time, day first in both
    languages (`forms.display.show_datetime`, the one formatter): `12 February 2026, 14:05`,
    or `12-02-2026, 14:05` when `numeric` (the list's narrow column). "" when none."""
    return show_datetime(iso, ui_language(), numeric=numeric) if iso else ""


def sex_name(sex: str) -> str:
    """The owner's sex as the list's scope names it (indicator_facts.SEXES)."""
    return {
        "female": translate("Registrations", "Women-owned"),
        "male": translate("Registrations", "Men-owned"),
    }.get(sex, translate("Registrations", "Sex not recorded"))
