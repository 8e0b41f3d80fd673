"""The conditions of the environment a user can meet, as exceptions.

Following the split the design asks for: a `KnownError` is something the user can act on
(wrong password, disk full, another window already has the store open) and is shown as a
plain message in the UI language; it never carries PII. Anything that is not a
`KnownError` is a bug and is logged with its traceback.
"""

from __future__ import annotations

from datetime import datetime


class KnownError(Exception):
    """A condition of the environment or of user input, told to the user plainly.

    `code` is a stable identifier the UI maps to a translated message; `params` fill
    that message. The exception text itself is English and PII-free, for logs.
    """

    code = "known_error"

    def __init__(self, detail: str = "", **params: object) -> None:
        super().__init__(detail or self.code)
        self.params = params


class WrongPassword(KnownError):
    """Username or password did not open any key slot (deliberately not saying which)."""

    code = "wrong_password"


class AccountLocked(KnownError):
    """Too many failed logins: the account is locked until `until` (UTC)."""

    code = "account_locked"

    def __init__(self, until: datetime) -> None:
        super().__init__(f"account locked until {until.isoformat()}", until=until)
        self.until = until


class RecoveryLocked(KnownError):
    """Too many wrong recovery keys: recovery is refused until `until` (UTC)."""

    code = "recovery_locked"

    def __init__(self, until: datetime) -> None:
        super().__init__(f"recovery locked until {until.isoformat()}", until=until)
        self.until = until


class AccountDisabled(KnownError):
    """The account exists but a manager disabled it."""

    code = "account_disabled"


class InvalidRecoveryKey(KnownError):
    """The recovery key is mistyped (checksum) or does not open the recovery slot."""

    code = "invalid_recovery_key"


class WeakPassword(KnownError):
    """A new password does not meet the policy (minimum length, not the username)."""

    code = "weak_password"


class InvalidUsername(KnownError):
    """A new username is empty, too long or uses characters outside a-z, 0-9, . _ -."""

    code = "invalid_username"


class UsernameTaken(KnownError):
    """Another account already has this username."""

    code = "username_taken"


class PermissionDenied(KnownError):
    """The signed-in account's role may not do this (a teller managing accounts)."""

    code = "permission_denied"


class StoreMissing(KnownError):
    """The key slots exist but the database file is gone (or the reverse)."""

    code = "store_missing"


class StoreCorrupt(KnownError):
    """The database or the key-slot file is damaged and cannot be used as it is."""

    code = "store_corrupt"


class StoreUnreadable(KnownError):
    """The operating system refused to let us read the store (permissions, I/O error)."""

    code = "store_unreadable"


class StoreExists(KnownError):
    """Branch set-up was asked to create a store where one already exists."""

    code = "store_exists"


class DiskFull(KnownError):
    """The disk holding the data directory is full; nothing was written."""

    code = "disk_full"


class DataDirNotWritable(KnownError):
    """The data directory cannot be created or written to."""

    code = "data_dir_not_writable"


class StoreInUse(KnownError):
    """Another running copy of the app has this branch's store open."""

    code = "store_in_use"


class InvalidBranchDetails(KnownError):
    """Branch code or name at set-up is empty or malformed."""

    code = "invalid_branch_details"
