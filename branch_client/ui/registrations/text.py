"""Words for the registrations list and record view, in the UI language."""

from __future__ import annotations

from branch_client.i18n import translate
from branch_client.store import HELD, RETURNED, WITHDRAWN
from branch_client.ui.sync import text as sync_text


def state_name(state: str) -> str:
    """A registration's state as tellers and managers read it."""
    if state == HELD:
        return translate("Registrations", "Held for review")
    if state == RETURNED:
        return translate("Registrations", "Returned to the teller")
    if state == WITHDRAWN:
        return translate("Registrations", "Withdrawn")
    return sync_text.state_name(state)


def version_marker(version: int) -> str:
    """ "version 2" beside a corrected registration's reference ("" for an original)."""
    return translate("Registrations", "version %1").replace("%1", str(version)) if version > 1 else ""


def when(iso: str | None) -> str:
    """A stored time as local date and time in the UI's locale."""
    return sync_text.when(iso) if iso else ""
