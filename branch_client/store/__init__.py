"""The branch's encrypted store: key slots, accounts, audit log, registrations, outbox.

Start from `BranchDirectory`: claim a data directory, create a branch in it or unlock
it into a `Session`. Errors a user can meet are `KnownError`s (see `errors`).
"""

from branch_client.store.accounts import Account, Role
from branch_client.store.branch import BranchDirectory
from branch_client.store.errors import KnownError
from branch_client.store.keys import KdfParams, RecoveryKey
from branch_client.store.registrations import NewRegistration
from branch_client.store.session import Session
from branch_client.store.slots import BranchInfo

__all__ = [
    "Account",
    "BranchDirectory",
    "BranchInfo",
    "KdfParams",
    "KnownError",
    "NewRegistration",
    "RecoveryKey",
    "Role",
    "Session",
]
