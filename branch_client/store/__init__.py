"""The branch's encrypted store: key slots, accounts, audit log, registrations, outbox.

Start from `BranchDirectory`: claim a data directory, create a branch in it or unlock
it into a `Session`. Errors a user can meet are `KnownError`s (see `errors`).

The names below are the store's face to the screens (`branch_client.ui` imports nothing
else from here, an import-linter contract): the `Session` that does things, the errors it
raises, and the plain values and vocabulary its methods return. Every SQL statement stays
in the modules of this package.
"""

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
from branch_client.store.search import HELD, PAGE_SIZE, RETURNED, STATES, WITHDRAWN, ListFilter, ListRow, RecordDetail
from branch_client.store.session import Session
from branch_client.store.slots import RECOVERY_SLOT_ID, BranchInfo
from branch_client.store.sync_history import BatchRecord, BatchRow

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
