"""Plain words, in the UI language, for the audit log: actions, details, the chain's check.

Every action code the app writes (`audit.append(..., action=...)`, `Session._audit(...)`,
`Session.close(reason=...)`, `Session.record_event(...)`) has a phrase here;
tests/ui/audit/test_audit_page.py finds the codes in the source and fails when one is missing.
A code without a phrase (written by a newer version of the app) is shown as "Other action
(code)", so nothing is lost. Details are shown as "name: value" in words: a form id as the
form's title, a field name as its label, a state or reason code as its phrase, a date day first.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QLocale

import forms
from branch_client.i18n import translate, ui_language
from branch_client.store import ChainReport
from branch_client.ui.sync import text as sync_text
from forms.display import show_answer, show_date

# The form whose field labels name a detail key that is a field (an answer named in an entry).
_REGISTRATION_FORM = "cam_ie_registration"


def _phrases() -> dict[str, Callable[[], str]]:
    # Functions, not strings: each call translates into the language in force now.
    return {
        "branch_created": lambda: translate("Audit", "Branch set up"),
        "setup_completed": lambda: translate("Audit", "Set-up finished"),
        "demo_prepared": lambda: translate("Audit", "Demo branch prepared"),
        "login": lambda: translate("Audit", "Signed in"),
        "login_failed": lambda: translate("Audit", "Wrong password at sign-in"),
        "logout": lambda: translate("Audit", "Signed out"),
        "session_locked": lambda: translate("Audit", "Session locked"),
        "recovery_key_used": lambda: translate("Audit", "Signed in with the recovery key"),
        "recovery_key_replaced": lambda: translate("Audit", "Recovery key replaced"),
        "account_created": lambda: translate("Audit", "Account created"),
        "account_disabled": lambda: translate("Audit", "Account disabled"),
        "account_enabled": lambda: translate("Audit", "Account enabled again"),
        "account_unlocked": lambda: translate("Audit", "Account unlocked"),
        "password_reset": lambda: translate("Audit", "Password reset by a manager"),
        "password_changed": lambda: translate("Audit", "Own password changed"),
        "device_enrolled": lambda: translate("Audit", "Connected to the CAM-IE centre"),
        "policy_changed": lambda: translate("Audit", "Branch policy changed"),
        "draft_discarded": lambda: translate("Audit", "Draft thrown away"),
        "registration_submitted": lambda: translate("Audit", "Registration submitted"),
        "registration_approved": lambda: translate("Audit", "Registration approved for sync"),
        "registration_returned": lambda: translate("Audit", "Registration returned to the teller"),
        "registration_withdrawn": lambda: translate("Audit", "Registration withdrawn"),
        "receipt_printed": lambda: translate("Audit", "Receipt printed or saved"),
        "backup_written": lambda: translate("Audit", "Backup written"),
        "indicators_exported": lambda: translate("Audit", "Indicators exported"),
        "register_exported": lambda: translate("Audit", "Register of registrations exported"),
        "roles_signed": lambda: translate("Audit", "Account roles signed with a new manager key"),
        "role_key_replaced": lambda: translate("Audit", "Manager key replaced"),
        "store_rekeyed": lambda: translate("Audit", "Branch data given a new key"),
        "account_not_verified": lambda: translate("Audit", "Sign-in refused: account changed outside the app"),
        "roles_not_signed": lambda: translate(
            "Audit", "Sign-in refused: a manager must sign in first after the update"
        ),
        "role_key_missing": lambda: translate("Audit", "Sign-in refused: the manager key is missing"),
        "policy_not_verified": lambda: translate("Audit", "Branch policies changed outside the app (not applied)"),
    }


def known_actions() -> frozenset[str]:
    """The action codes that have a phrase."""
    return frozenset(_phrases())


def action(code: str) -> str:
    """An action code in plain words; a code this version has no phrase for (written by a
    newer version) as "Other action (code)", so the viewer still tells entries apart."""
    phrase = _phrases().get(code)
    if phrase is not None:
        return phrase()
    return translate("Audit", "Other action (%1)").replace("%1", code)


def _detail_names() -> dict[str, str]:
    return {
        "role": translate("Audit", "role"),
        "centre_key_id": translate("Audit", "centre key"),
        "review_before_sync": translate("Audit", "review before sync"),
        "warn_days_without_sync": translate("Audit", "warn after days without sync"),
        "warn_waiting": translate("Audit", "warn above waiting"),
        "reference": translate("Audit", "reference"),
        "form": translate("Audit", "form"),
        "supersedes": translate("Audit", "corrects"),
        "duplicate_warning": translate("Audit", "duplicate warning"),
        "review": translate("Audit", "review"),
        "was": translate("Audit", "was"),
        "registrations": translate("Audit", "registrations"),
        "batch": translate("Audit", "approved together"),
        "format": translate("Audit", "file type"),
        "rows": translate("Audit", "rows"),
        "from": translate("Audit", "from"),
        "to": translate("Audit", "until"),
        "unverified_accounts": translate("Audit", "accounts not verified"),
    }


def _detail_values() -> dict[str, str]:
    return {
        "teller": translate("Audit", "teller"),
        "manager": translate("Audit", "manager"),
        "overridden": translate("Audit", "overridden"),
        "pending": translate("Audit", "pending"),
        "returned": translate("Audit", "returned"),
        "rejected": translate("Audit", "rejected by the centre"),
        "needs_correction": translate("Audit", "sent back for correction"),
        "csv": "CSV",  # file types are named the same in every language
        "pdf": "PDF",
    }


def details(text: str, resolve: Callable[[str], str | None] | None = None, *, skip: str | None = None) -> str:
    """An entry's details ("role: teller, …"); `resolve` turns ids into references or names.

    A detail whose value is `skip` (the subject, already in its own column) is left out.
    Details that are not a JSON object are shown as they are.
    """
    try:
        raw = json.loads(text or "{}")
    except ValueError:
        return text
    if not isinstance(raw, dict):
        return text
    names = _detail_names()
    lang = ui_language()
    parts = []
    for key, value in raw.items():
        shown = str(value)
        if skip is not None and shown == skip:
            continue
        parts.append(f"{names.get(key) or _field_label(key, lang)}: {_detail_value(key, shown, resolve, lang)}")
    return ", ".join(parts)


def _detail_value(key: str, shown: str, resolve: Callable[[str], str | None] | None, lang: str) -> str:
    """One detail's value in words: on/off, a form's title, a day, a reference, a state."""
    if key == "review_before_sync":
        return translate("Audit", "on") if shown in ("1", "true", "True") else translate("Audit", "off")
    if key == "form":
        return form_title(shown, lang)
    if key in ("from", "to"):
        return show_date(shown, lang)
    if resolve is not None and (found := resolve(shown)) is not None:
        return found
    form = _registration_form()
    if form is not None and key in form.fields and key not in _detail_names():
        return show_answer(form, form.fields[key], shown, lang)  # a choice by its label
    return _detail_values().get(shown, shown)


def form_title(form_id: str, lang: str | None = None) -> str:
    """A form id (`cam_ie_registration`) as the form's title in the UI language; an id this
    computer has no definition for, as it is."""
    try:
        return forms.load_form(form_id).title(lang or ui_language())
    except (forms.FormError, OSError):
        return form_id


def _field_label(name: str, lang: str) -> str:
    """A detail key that names a question of the registration form, as its label; else the key."""
    form = _registration_form()
    row = form.fields.get(name) if form is not None else None
    return row.label(lang) if row is not None else name


def _registration_form() -> forms.Form | None:
    """The latest registration form (cached by `forms`), whose questions name answer details."""
    try:
        return forms.load_form(_REGISTRATION_FORM)
    except (forms.FormError, OSError):
        return None


def chain_report(report: ChainReport, when: Callable[[int], str | None]) -> str:
    """What *Verify* found, as a sentence or two. `when(seq)` gives an entry's time (None if gone).

    An intact log is also said to be witnessed by the centre up to an entry (or not yet);
    a log that no longer leads to what the centre witnessed names the first entry that
    changed, or the entries it is among (between two acknowledgements).
    """
    if report.intact:
        checked = translate("Audit", "The audit log is intact: %1 entries checked.").replace(
            "%1", QLocale().toString(report.entries)
        )
        return f"{checked} {_witness(report)}"
    seq = report.broken_at or 0
    moment = when(seq)
    mismatch = report.mismatch
    if mismatch is not None and "witnessed" in report.reason:
        received = sync_text.when(mismatch.received_at)
        if seq == mismatch.count:
            return (
                translate(
                    "Audit",
                    "Entry %1 (%2) was changed after the CAM-IE centre witnessed it on %3: the log no longer matches what the centre holds.",
                )
                .replace("%1", str(seq))
                .replace("%2", moment or "—")
                .replace("%3", received)
            )
        return (
            translate(
                "Audit",
                "Entries were changed after the CAM-IE centre witnessed them on %3: the first that no longer matches is one of entries %1 to %2.",
            )
            .replace("%1", str(seq))
            .replace("%2", str(mismatch.count))
            .replace("%3", received)
        )
    if "missing" in report.reason:
        return translate(
            "Audit", "Entry %1 is missing: it was removed after it was written. The entries before it are intact."
        ).replace("%1", str(seq))
    if "removed" in report.reason or "head" in report.reason:
        return translate(
            "Audit", "The last entries of the log were removed after they were written (after entry %1)."
        ).replace("%1", str(report.entries))
    if "link" in report.reason:
        return (
            translate(
                "Audit",
                "Entry %1 (%2) does not follow the entry before it: an entry was changed, added or removed there after it was written.",
            )
            .replace("%1", str(seq))
            .replace("%2", moment or "—")
        )
    if moment is None:
        return translate("Audit", "Entry %1 does not match: it was changed or removed after it was written.").replace(
            "%1", str(seq)
        )
    return (
        translate("Audit", "Entry %1 (%2) does not match: it was changed or removed after it was written.")
        .replace("%1", str(seq))
        .replace("%2", moment)
    )


def _witness(report: ChainReport) -> str:
    """How far the CAM-IE centre has witnessed an intact log: all of it, up to an entry, or not yet."""
    witnessed = report.witnessed
    if witnessed is None or witnessed.count == 0:
        return translate(
            "Audit",
            "The CAM-IE centre has not witnessed it yet: until this computer syncs, the chain alone vouches for it.",
        )
    received = sync_text.when(witnessed.received_at)
    if report.unwitnessed == 0:
        return translate("Audit", "The CAM-IE centre witnessed all of them (last on %1).").replace("%1", received)
    return (
        translate(
            "Audit",
            "The CAM-IE centre witnessed entries 1 to %1 on %2; later entries rest on the chain alone until the next sync.",
        )
        .replace("%1", str(witnessed.count))
        .replace("%2", received)
    )
