"""The details pane under each list of the *Rejections and review* page, as HTML.

Kept apart from the page so the page holds only what it shows and does. The texts keep the
page's translation context (`RejectionsPage`), each written out in its own `translate` call:
lupdate reads only literal texts in such calls, and a text passed through a helper would
never reach the translators (the pane stayed English in Khmer). `own` is True on a teller's
page: every record listed is hers, so she is not named, and what waits for a manager is
said so.
"""

from __future__ import annotations

import html

from branch_client.i18n import translate, ui_language
from branch_client.store import CORRECTION_SENT, SentBack, UnderReview
from branch_client.ui.rejections.models import local_time, review_notes, sent_back_state


def hint(text: str) -> str:
    """What to do when nothing is selected, in italics."""
    return f"<p><i>{html.escape(text)}</i></p>"


def heading(row: SentBack | UnderReview, *, own: bool = False) -> str:
    """Reference and owner, then when it was submitted (and by whom, on a manager's page)."""
    submitted = (
        translate("RejectionsPage", "Submitted %1").replace("%1", local_time(row.submitted_at))
        if own
        else translate("RejectionsPage", "Submitted %1 by %2")
        .replace("%1", local_time(row.submitted_at))
        .replace("%2", row.teller)
    )
    return (
        f"<p><b>{html.escape(row.reference)}</b> — {html.escape(row.owner_name)}<br>"
        f"<small>{html.escape(submitted)}</small></p>"
    )


def sent_back_html(row: SentBack | None, *, own: bool = False) -> str:
    """The centre's reason (and per answer, under the form's labels) in the UI language."""
    if row is None:
        return hint(translate("RejectionsPage", "Select a record to read the centre's reason."))
    lang = ui_language()
    parts = [heading(row, own=own)]
    answered = (
        translate("RejectionsPage", "Rejected by the centre on %1")
        if row.status == "rejected"
        else translate("RejectionsPage", "Sent back by the centre for correction on %1")
    ).replace("%1", local_time(row.answered_at))
    parts.append(f"<p><b>{html.escape(answered)}</b><br>{html.escape(row.message(lang))}</p>")
    if row.fields:
        items = "".join(
            f"<li><b>{html.escape(f.label_in(lang))}</b>: {html.escape(f.message_in(lang))}</li>" for f in row.fields
        )
        parts.append(f"<ul>{items}</ul>")
    if row.state == CORRECTION_SENT:
        parts.append(f"<p><b>{html.escape(sent_back_state(row, own=own))}</b></p>")
    if row.withdrawn_at is not None:
        withdrawn = translate("RejectionsPage", "Withdrawn on %1: %2").replace("%1", local_time(row.withdrawn_at))
        parts.append(f"<p>{html.escape(withdrawn.replace('%2', row.withdrawn_reason or ''))}</p>")
    return "".join(parts)


def pending_html(row: UnderReview | None, selected: int) -> str:
    """A registration waiting for the manager's review: notes and the teller's reason."""
    if row is None:
        text = (
            translate("RejectionsPage", "Registrations selected: %1.").replace("%1", str(selected))
            if selected > 1
            else translate(
                "RejectionsPage",
                "Select a registration to approve it (it is sent at the next sync) or to return it to the teller with the reason. Ctrl or Shift selects several; a whole day is approved with the button on the right.",
            )
        )
        return hint(text)
    parts = [heading(row)]
    notes = review_notes(row)
    if notes:
        parts.append(f"<p>{html.escape(notes)}</p>")
    if row.duplicate_note:
        reason = translate("RejectionsPage", "The teller's reason: %1").replace("%1", row.duplicate_note)
        parts.append(f"<p>{html.escape(reason)}</p>")
    return "".join(parts)


def returned_html(row: UnderReview | None, *, own: bool = False) -> str:
    """A registration a manager returned, with the manager's reason."""
    if row is None:
        return hint(translate("RejectionsPage", "Select a registration to read why it was returned."))
    text = (
        translate("RejectionsPage", "Returned to you by a manager: %1")
        if own
        else translate("RejectionsPage", "Returned to the teller: %1")
    )
    reason = text.replace("%1", row.review_note or "")
    return heading(row, own=own) + f"<p>{html.escape(reason)}</p>"
