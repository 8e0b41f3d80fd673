"""Plain words, in the UI language, for every known error a user can meet."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from branch_client.i18n import translate

if TYPE_CHECKING:
    from branch_client.store import KnownError


def message_for(error: KnownError) -> str:
    """The user-facing message for `error`, translated."""
    code = error.code
    if code == "wrong_password":
        return translate("Errors", "The username or password is not correct.")
    if code == "account_locked":
        until = error.params.get("until")
        when = _local_time(until) if isinstance(until, datetime) else ""
        return translate(
            "Errors",
            "This account is locked after 5 wrong passwords. Try again after %1, or ask a manager to unlock it.",
        ).replace("%1", when)
    if code == "recovery_locked":
        until = error.params.get("until")
        when = _local_time(until) if isinstance(until, datetime) else ""
        return translate("Errors", "Too many wrong recovery keys. Try again after %1.").replace("%1", when)
    if code == "account_disabled":
        return translate("Errors", "This account has been disabled. Ask your branch manager.")
    if code == "invalid_recovery_key":
        return translate("Errors", "This recovery key is not correct. Check each group of four characters.")
    if code == "weak_password":
        return translate("Errors", "A password needs at least 8 characters and must not be the username.")
    if code == "invalid_username":
        return translate("Errors", "A username has 3 to 32 characters: letters a-z, digits, dot, dash or underscore.")
    if code == "username_taken":
        return translate("Errors", "This username is already in use.")
    if code == "permission_denied":
        return translate("Errors", "Your account is not allowed to do this.")
    if code == "account_not_verified":
        return translate(
            "Errors",
            "This account was changed outside the app, so it cannot be used. The attempt was recorded. Ask your branch manager.",
        )
    if code == "roles_not_signed":
        return translate(
            "Errors",
            "The app was updated. A manager must sign in once before tellers can sign in again.",
        )
    if code == "role_key_missing":
        return translate(
            "Errors",
            "The branch's data was changed outside the app: its manager key is missing. Nothing was changed. Call IT support.",
        )
    if code == "invalid_branch_details":
        return translate("Errors", "Enter a branch code of 2 to 16 letters, digits or dashes, and the branch's name.")
    if code == "store_missing":
        return translate(
            "Errors",
            "The branch's data file is missing. Nothing was changed. Restore it from a backup or call IT support.",
        )
    if code == "store_corrupt":
        return translate(
            "Errors",
            "The branch's data file is damaged and cannot be opened. Nothing was changed. Call IT support to restore it from a backup.",
        )
    if code == "store_unreadable":
        return translate(
            "Errors", "The branch's data file cannot be read (permissions or a disk problem). Call IT support."
        )
    if code == "store_exists":
        return translate("Errors", "A branch is already set up in this data folder.")
    if code == "disk_full":
        return translate("Errors", "The disk is full. Nothing was saved. Free some space, then try again.")
    if code == "data_dir_not_writable":
        return translate("Errors", "The data folder cannot be written to. Nothing was saved. Call IT support.")
    if code == "store_in_use":
        return translate(
            "Errors", "The Branch Client is already open for this branch on this computer. Use that window."
        )
    return unexpected_error()


def unexpected_error() -> str:
    """What a user reads when a bug happened (the traceback went to the log)."""
    return translate("Errors", "Something unexpected went wrong. Nothing was lost; the details are in the log file.")


def passwords_differ() -> str:
    """The two password fields do not match."""
    return translate("Errors", "The two passwords are not the same.")


def _local_time(moment: datetime) -> str:
    """The local time of day of `moment`, 24-hour (`14:05`, never AM/PM), as every screen shows it."""
    return f"{moment.astimezone():%H:%M}"
