"""Plain words, in the UI language, for sync states and sync problems."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale

from branch_client.i18n import translate
from sync.protocol import Message
from sync.transport import is_link_problem


def when(iso: str | None) -> str:
    """A stored UTC time as local date and time in the UI's locale ("—" when never)."""
    if not iso:
        return translate("Sync", "never")
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


def state_name(state: str) -> str:
    """A record's sync state, as a manager reads it."""
    names = {
        "waiting": translate("Sync", "Waiting"),
        "in_flight": translate("Sync", "Sent, no answer yet"),
        "accepted": translate("Sync", "Accepted"),
        "duplicate": translate("Sync", "Probable duplicate"),
        "rejected": translate("Sync", "Rejected"),
        "needs_correction": translate("Sync", "Needs correction"),
    }
    return names.get(state, state)


def problem(code: str, centre_message: Message | None = None, language: str = "en") -> str:
    """Why sync or enrolment did not work. The centre's own words win when it sent them."""
    if centre_message is not None:
        return centre_message.in_language(language)
    if is_link_problem(code):
        return translate("Sync", "The centre could not be reached. Registrations stay safe here and are sent later.")
    if code == "certificate_error":
        return translate(
            "Sync", "The centre's certificate is not trusted. Nothing was sent. Call IT support to check the address."
        )
    if code == "ca_bundle_unreadable":
        return translate(
            "Sync", "The centre's CA certificate file cannot be read. Choose it again, or call IT support."
        )
    if code == "insecure_url":
        return translate("Sync", "The centre's address must start with https:// (http only for this computer).")
    if code in ("unknown_device", "device_revoked", "bad_signature"):
        return translate("Sync", "The centre does not accept this computer any more. Enrol it again with a new code.")
    if code == "enrolment_code_invalid":
        return translate(
            "Sync", "The centre did not accept this enrolment code. Ask the CAM-IE operator for a new one."
        )
    if code == "not_enrolled":
        return translate("Sync", "This branch is not connected to the CAM-IE centre yet.")
    return translate("Sync", "Sync stopped because of a problem (%1). Registrations stay safe here.").replace(
        "%1", code
    )


def failing_since(code: str, since: str | None, centre_message: Message | None = None, language: str = "en") -> str:
    """The last error as a sentence with its start time ("… since 09:12")."""
    sentence = problem(code, centre_message, language)
    if since:
        sentence += " " + translate("Sync", "(since %1)").replace("%1", when(since))
    return sentence
