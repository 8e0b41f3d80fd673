"""Plain words, in the UI language, for sync states and sync problems."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QLocale

from branch_client.i18n import translate, ui_language
from branch_client.services.sync import RiskWarning
from forms.display import show_datetime
from sync.engine import PassResult
from sync.protocol import Message
from sync.transport import is_link_problem


def when(iso: str | None) -> str:
    """A stored UTC time as local date and time, day first and 24-hour in both languages, as
    every list and record shows it (`forms.display.show_datetime`); "never" when never."""
    if not iso:
        return translate("Sync", "never")
    return show_datetime(iso, ui_language(), numeric=True)


def state_name(state: str) -> str:
    """A registration's state (`branch_client.store.STATES`, and drafts), as tellers and
    managers read it: every screen and count names a state with these words."""
    names = {
        "waiting": translate("Sync", "Waiting"),
        "in_flight": translate("Sync", "Sent, no answer yet"),
        "accepted": translate("Sync", "Accepted"),
        "duplicate": translate("Sync", "Probable duplicate"),
        "rejected": translate("Sync", "Rejected"),
        "needs_correction": translate("Sync", "Needs correction"),
        "drafts": translate("Sync", "Drafts"),
        "held": translate("Sync", "Held for review"),
        "returned": translate("Sync", "Returned to the teller"),
        "withdrawn": translate("Sync", "Withdrawn"),
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


def age(iso: str | None, now: datetime | None = None) -> str:
    """How long ago a stored UTC time was, in whole minutes, hours or days ("—" when none)."""
    if not iso:
        return "—"
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    seconds = max(0, int(((now or datetime.now(UTC)) - moment).total_seconds()))
    if seconds < 3600:
        return translate("Sync", "%1 min").replace("%1", _number(max(1, seconds // 60)))
    if seconds < 2 * 86400:
        return translate("Sync", "%1 h").replace("%1", _number(seconds // 3600))
    return translate("Sync", "%1 days").replace("%1", _number(seconds // 86400))


def since_and_age(iso: str | None) -> str:
    """A time and how long ago it was, the time as `when` writes it (day first, 24-hour):
    "24-11-2026, 09:12 (3 h ago)"."""
    if not iso:
        return translate("Sync", "never")
    return translate("Sync", "%1 (%2 ago)").replace("%1", when(iso)).replace("%2", age(iso))


def size(n: int) -> str:
    """A byte count as people read it (kB, MB, GB), in the UI's locale."""
    units = [
        (1 << 30, translate("Sync", "%1 GB")),
        (1 << 20, translate("Sync", "%1 MB")),
        (1 << 10, translate("Sync", "%1 kB")),
    ]
    for factor, text in units:
        if n >= factor:
            return text.replace("%1", QLocale().toString(n / factor, "f", 1))
    return translate("Sync", "%1 bytes").replace("%1", _number(n))


def duration(ms: int | None) -> str:
    """A batch's send-to-answer time ("—" when it has none)."""
    if ms is None:
        return "—"
    if ms < 1000:
        return translate("Sync", "%1 ms").replace("%1", _number(ms))
    return translate("Sync", "%1 s").replace("%1", QLocale().toString(ms / 1000, "f", 1))


def _number(n: int) -> str:
    return QLocale().toString(int(n))


def warning(item: RiskWarning) -> str:
    """One reason the branch is at risk, as a sentence saying what to do."""
    if item.code == "no_sync":
        return (
            translate(
                "Sync",
                "No successful sync for %1 days (since %2). Check the internet connection, then press Sync now.",
            )
            .replace("%1", _number(item.count))
            .replace("%2", when(item.at))
        )
    if item.code == "too_many_waiting":
        return (
            translate("Sync", "%1 registrations are waiting to be sent (the branch's limit is %2). Sync soon.")
            .replace("%1", _number(item.count))
            .replace("%2", _number(item.threshold))
        )
    if item.code == "centre_key_expiring":
        if item.count <= 0:
            return translate(
                "Sync", "The centre's key has expired. Sync now so the branch receives the new key, or call IT support."
            )
        return (
            translate(
                "Sync",
                "The centre's key expires in %1 days (%2). Sync now so the branch receives the new key.",
            )
            .replace("%1", _number(item.count))
            .replace("%2", when(item.at))
        )
    if item.code == "disk_low":
        return (
            translate(
                "Sync",
                "The disk is nearly full: %1 free (%2 %). Free some space or call IT support before registrations cannot be saved.",
            )
            .replace("%1", size(item.count))
            .replace("%2", _number(item.threshold))
        )
    return item.code


def batch_result(state: str, accepted: int, duplicates: int, rejected: int, error_code: str | None) -> str:
    """What became of a batch: the centre's counts, or why it is still out or was given up."""
    if state == "in_flight":
        return translate("Sync", "Sent, no answer yet")
    if state == "abandoned":
        return translate("Sync", "Not taken by the centre (%1); its records were sent again").replace(
            "%1", error_code or "—"
        )
    parts = [translate("Sync", "%1 accepted").replace("%1", _number(accepted))]
    if duplicates:
        parts.append(translate("Sync", "%1 probable duplicates").replace("%1", _number(duplicates)))
    if rejected:
        parts.append(translate("Sync", "%1 rejected or to correct").replace("%1", _number(rejected)))
    return ", ".join(parts)


def short_warning(item: RiskWarning) -> str:
    """A few words for the status bar (the full sentence is its tooltip)."""
    if item.code == "no_sync":
        return translate("Sync", "no sync for %1 days").replace("%1", _number(item.count))
    if item.code == "too_many_waiting":
        return translate("Sync", "too many waiting")
    if item.code == "centre_key_expiring":
        if item.count <= 0:
            return translate("Sync", "centre key expired")
        return translate("Sync", "centre key expires in %1 days").replace("%1", _number(item.count))
    if item.code == "disk_low":
        return translate("Sync", "disk nearly full")
    return item.code


def received_words(received: dict[str, int]) -> str:
    """The centre's words by kind: "2 accepted, 1 probable duplicate, 1 sent back" (rejected
    and sent for correction are both *sent back*: a teller corrects them)."""
    accepted = received.get("accepted", 0)
    duplicates = received.get("duplicate", 0)
    sent_back = received.get("rejected", 0) + received.get("needs_correction", 0)
    parts = []
    if accepted:
        parts.append(translate("Sync", "%1 accepted").replace("%1", _number(accepted)))
    if duplicates:
        words = (
            translate("Sync", "%1 probable duplicate")
            if duplicates == 1
            else translate("Sync", "%1 probable duplicates")
        )
        parts.append(words.replace("%1", _number(duplicates)))
    if sent_back:
        parts.append(translate("Sync", "%1 sent back").replace("%1", _number(sent_back)))
    return ", ".join(parts)


def _decisions(total: int) -> str:
    if total == 0:
        return translate("Sync", "no decisions received")
    if total == 1:
        return translate("Sync", "1 decision received")
    return translate("Sync", "%1 decisions received").replace("%1", _number(total))


def news(received: dict[str, int]) -> str:
    """What the status bar says once after a pass that brought the centre's words:
    "From the centre: 3 decisions received: 2 accepted, 1 sent back"."""
    total = sum(received.values())
    return (
        translate("Sync", "From the centre: %1: %2")
        .replace("%1", _decisions(total))
        .replace("%2", received_words(received))
    )


def pass_report(result: PassResult) -> str:
    """A pass in one sentence: what it sent and what it received, "Sync finished: sent 12,
    3 decisions received: 2 accepted, 1 sent back." """
    received = result.received
    total = sum(received.values())
    line = (
        translate("Sync", "Sync finished: sent %1, %2: %3.")
        if total
        else translate("Sync", "Sync finished: sent %1, %2.")
    )
    return (
        line.replace("%1", _number(result.records))
        .replace("%2", _decisions(total))
        .replace("%3", received_words(received))
    )
