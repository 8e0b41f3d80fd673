"""The branch's encrypted store: key slots, accounts, audit log, registrations, outbox.

Start from `BranchDirectory`: claim a data directory, create a branch in it or unlock
it into a `Session`. Errors a user can meet are `KnownError`s (see `errors`).

The names below are the store's face to the screens (`branch_client.ui` imports nothing
else from here, an import-linter contract): the `Session` that does things, the errors it
raises, and the plain values and vocabulary its methods return. Every SQL statement stays
in the modules of this package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from branch_client.store.accounts import Account, Role, normalise_username
    from branch_client.store.audit import AuditEntry, ChainReport
    from branch_client.store.branch import BranchDirectory
    from branch_client.store.drafts import Draft
    from branch_client.store.errors import KnownError, WrongPassword
    from branch_client.store.keys import KdfParams, RecoveryKey
    from branch_client.store.policy import Policy
    from branch_client.store.records import CorrectionSource, ReceiptRecord
    from branch_client.store.registrations import (
        MATCH_ID,
        MATCH_PERSON,
        MATCH_PHONE,
        NAME_FIELDS,
        DuplicateMatch,
        NewRegistration,
        owner_name,
    )
    from branch_client.store.review import CORRECTION_SENT, MAX_REASON, SentBack, UnderReview, submitted_on
    from branch_client.store.review import OPEN as SENT_BACK_OPEN
    from branch_client.store.review import days as review_days
    from branch_client.store.search import PAGE_SIZE, ListFilter, ListRow, RecordDetail
    from branch_client.store.session import Session
    from branch_client.store.slots import RECOVERY_SLOT_ID, BranchInfo
    from branch_client.store.states import HELD, RETURNED, STATES, WITHDRAWN
    from branch_client.store.sync_history import BatchRecord, BatchRow

# Each name is imported from its module when first asked for: the sign-in screen needs
# `BranchDirectory` (key slots) without the database, SQL and forms behind a `Session`.
_WHERE = {
    "Account": ("branch_client.store.accounts", "Account"),
    "Role": ("branch_client.store.accounts", "Role"),
    "normalise_username": ("branch_client.store.accounts", "normalise_username"),
    "AuditEntry": ("branch_client.store.audit", "AuditEntry"),
    "ChainReport": ("branch_client.store.audit", "ChainReport"),
    "BranchDirectory": ("branch_client.store.branch", "BranchDirectory"),
    "Draft": ("branch_client.store.drafts", "Draft"),
    "KnownError": ("branch_client.store.errors", "KnownError"),
    "WrongPassword": ("branch_client.store.errors", "WrongPassword"),
    "KdfParams": ("branch_client.store.keys", "KdfParams"),
    "RecoveryKey": ("branch_client.store.keys", "RecoveryKey"),
    "Policy": ("branch_client.store.policy", "Policy"),
    "CorrectionSource": ("branch_client.store.records", "CorrectionSource"),
    "ReceiptRecord": ("branch_client.store.records", "ReceiptRecord"),
    "MATCH_ID": ("branch_client.store.registrations", "MATCH_ID"),
    "MATCH_PERSON": ("branch_client.store.registrations", "MATCH_PERSON"),
    "MATCH_PHONE": ("branch_client.store.registrations", "MATCH_PHONE"),
    "NAME_FIELDS": ("branch_client.store.registrations", "NAME_FIELDS"),
    "DuplicateMatch": ("branch_client.store.registrations", "DuplicateMatch"),
    "NewRegistration": ("branch_client.store.registrations", "NewRegistration"),
    "owner_name": ("branch_client.store.registrations", "owner_name"),
    "CORRECTION_SENT": ("branch_client.store.review", "CORRECTION_SENT"),
    "MAX_REASON": ("branch_client.store.review", "MAX_REASON"),
    "SentBack": ("branch_client.store.review", "SentBack"),
    "UnderReview": ("branch_client.store.review", "UnderReview"),
    "submitted_on": ("branch_client.store.review", "submitted_on"),
    "SENT_BACK_OPEN": ("branch_client.store.review", "OPEN"),
    "review_days": ("branch_client.store.review", "days"),
    "HELD": ("branch_client.store.states", "HELD"),
    "PAGE_SIZE": ("branch_client.store.search", "PAGE_SIZE"),
    "RETURNED": ("branch_client.store.states", "RETURNED"),
    "STATES": ("branch_client.store.states", "STATES"),
    "WITHDRAWN": ("branch_client.store.states", "WITHDRAWN"),
    "ListFilter": ("branch_client.store.search", "ListFilter"),
    "ListRow": ("branch_client.store.search", "ListRow"),
    "RecordDetail": ("branch_client.store.search", "RecordDetail"),
    "Session": ("branch_client.store.session", "Session"),
    "RECOVERY_SLOT_ID": ("branch_client.store.slots", "RECOVERY_SLOT_ID"),
    "BranchInfo": ("branch_client.store.slots", "BranchInfo"),
    "BatchRecord": ("branch_client.store.sync_history", "BatchRecord"),
    "BatchRow": ("branch_client.store.sync_history", "BatchRow"),
}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(where[0]), where[1])
    globals()[name] = value
    return value


__all__ = [
    "CORRECTION_SENT",
    "HELD",
    "MATCH_ID",
    "MATCH_PERSON",
    "MATCH_PHONE",
    "MAX_REASON",
    "NAME_FIELDS",
    "PAGE_SIZE",
    "RECOVERY_SLOT_ID",
    "RETURNED",
    "SENT_BACK_OPEN",
    "STATES",
    "WITHDRAWN",
    "Account",
    "AuditEntry",
    "BatchRecord",
    "BatchRow",
    "BranchDirectory",
    "BranchInfo",
    "ChainReport",
    "CorrectionSource",
    "Draft",
    "DuplicateMatch",
    "KdfParams",
    "KnownError",
    "ListFilter",
    "ListRow",
    "NewRegistration",
    "Policy",
    "ReceiptRecord",
    "RecordDetail",
    "RecoveryKey",
    "Role",
    "SentBack",
    "Session",
    "UnderReview",
    "WrongPassword",
    "normalise_username",
    "owner_name",
    "review_days",
    "submitted_on",
]
